//! Shopee "Đăng tải hàng loạt" (Batch Tools → Add new products): one row per variant;
//! product-level cells only on a product's first row; variants of one product share
//! the variation integration number (`shared/reference/marketplaces.md` §6.1).

use super::columns::{BulkRow, Cell, Column, text};

pub const COLUMNS: &[Column] = &[
    Column {
        code: "ps_category",
        header: "exchange-col-category",
        value: |r| product(r, text(r.category.clone())),
    },
    Column {
        code: "ps_product_name",
        header: "exchange-col-name",
        value: |r| product(r, text(r.effective.title.clone())),
    },
    Column {
        code: "ps_product_description",
        header: "exchange-col-description",
        value: |r| product(r, text(r.effective.description.clone())),
    },
    Column {
        code: "ps_sku_parent_short",
        header: "exchange-col-parent-sku",
        value: |r| product(r, text(r.parent_sku())),
    },
    Column {
        code: "et_title_variation_integration_no",
        header: "exchange-col-variation-group",
        value: |r| {
            if r.has_variations() {
                Cell::Number(r.product_number as f64)
            } else {
                Cell::Empty
            }
        },
    },
    Column {
        code: "et_title_variation_1",
        header: "exchange-col-variation-name",
        value: |r| {
            if r.has_variations() {
                text("Phân loại")
            } else {
                Cell::Empty
            }
        },
    },
    Column {
        code: "et_title_option_for_variation_1",
        header: "exchange-col-variation-value",
        value: |r| r.variant_name(),
    },
    Column {
        code: "ps_price",
        header: "exchange-col-price",
        value: |r| Cell::Number(r.price_vnd as f64),
    },
    Column {
        code: "ps_stock",
        header: "exchange-col-stock",
        value: |r| Cell::Number(r.variant.draft.stock as f64),
    },
    Column {
        code: "ps_sku_short",
        header: "exchange-col-sku",
        value: |r| text(r.variant.draft.sku.clone()),
    },
    Column {
        code: "ps_gtin_code",
        header: "exchange-col-gtin",
        value: |r| {
            product(
                r,
                r.context
                    .detail
                    .product
                    .draft
                    .barcode
                    .clone()
                    .map_or(Cell::Empty, text),
            )
        },
    },
    Column {
        code: "ps_item_cover_image",
        header: "exchange-col-cover-image",
        value: |r| product(r, r.image(0)),
    },
    Column {
        code: "ps_item_image_1",
        header: "exchange-col-image",
        value: |r| product(r, r.image(1)),
    },
    Column {
        code: "ps_item_image_2",
        header: "exchange-col-image",
        value: |r| product(r, r.image(2)),
    },
    Column {
        code: "ps_item_image_3",
        header: "exchange-col-image",
        value: |r| product(r, r.image(3)),
    },
    Column {
        code: "ps_item_image_4",
        header: "exchange-col-image",
        value: |r| product(r, r.image(4)),
    },
    Column {
        code: "ps_item_image_5",
        header: "exchange-col-image",
        value: |r| product(r, r.image(5)),
    },
    Column {
        code: "ps_item_image_6",
        header: "exchange-col-image",
        value: |r| product(r, r.image(6)),
    },
    Column {
        code: "ps_item_image_7",
        header: "exchange-col-image",
        value: |r| product(r, r.image(7)),
    },
    Column {
        code: "ps_item_image_8",
        header: "exchange-col-image",
        value: |r| product(r, r.image(8)),
    },
    Column {
        code: "ps_weight",
        header: "exchange-col-weight-kg",
        value: |r| product(r, r.weight_kg()),
    },
    Column {
        code: "ps_length",
        header: "exchange-col-length-cm",
        value: |r| product(r, r.side_cm(0)),
    },
    Column {
        code: "ps_width",
        header: "exchange-col-width-cm",
        value: |r| product(r, r.side_cm(1)),
    },
    Column {
        code: "ps_height",
        header: "exchange-col-height-cm",
        value: |r| product(r, r.side_cm(2)),
    },
];

/// Shopee wants product-level cells on a product's first row only.
fn product(row: &BulkRow<'_>, cell: Cell) -> Cell {
    if row.first() { cell } else { Cell::Empty }
}
