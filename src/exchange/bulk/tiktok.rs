//! TikTok Shop "Thêm hàng loạt" (Products → Manage → Batch tools): one row per SKU, the
//! product's name, description and images repeated on each (`marketplaces.md` §6.2).

use super::columns::{Cell, Column, text};

pub const COLUMNS: &[Column] = &[
    Column {
        code: "Category",
        header: "exchange-col-category",
        value: |r| text(r.category.clone()),
    },
    Column {
        code: "Brand",
        header: "exchange-col-brand",
        value: |_| Cell::Empty,
    },
    Column {
        code: "Product Name",
        header: "exchange-col-name",
        value: |r| text(r.effective.title.clone()),
    },
    Column {
        code: "Product Description",
        header: "exchange-col-description",
        value: |r| text(r.effective.description.clone()),
    },
    Column {
        code: "Main Product Image",
        header: "exchange-col-cover-image",
        value: |r| r.image(0),
    },
    Column {
        code: "Product Image 2",
        header: "exchange-col-image",
        value: |r| r.image(1),
    },
    Column {
        code: "Product Image 3",
        header: "exchange-col-image",
        value: |r| r.image(2),
    },
    Column {
        code: "Product Image 4",
        header: "exchange-col-image",
        value: |r| r.image(3),
    },
    Column {
        code: "Product Image 5",
        header: "exchange-col-image",
        value: |r| r.image(4),
    },
    Column {
        code: "Product Image 6",
        header: "exchange-col-image",
        value: |r| r.image(5),
    },
    Column {
        code: "Product Image 7",
        header: "exchange-col-image",
        value: |r| r.image(6),
    },
    Column {
        code: "Product Image 8",
        header: "exchange-col-image",
        value: |r| r.image(7),
    },
    Column {
        code: "Product Image 9",
        header: "exchange-col-image",
        value: |r| r.image(8),
    },
    Column {
        code: "Identifier Code Type",
        header: "exchange-col-gtin-type",
        value: |r| {
            r.context
                .detail
                .product
                .draft
                .barcode
                .as_ref()
                .map_or(Cell::Empty, |_| text("GTIN"))
        },
    },
    Column {
        code: "Identifier Code",
        header: "exchange-col-gtin",
        value: |r| {
            r.context
                .detail
                .product
                .draft
                .barcode
                .clone()
                .map_or(Cell::Empty, text)
        },
    },
    Column {
        code: "Variation 1",
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
        code: "Variation 1 Value",
        header: "exchange-col-variation-value",
        value: |r| r.variant_name(),
    },
    Column {
        code: "Package Weight(kg)",
        header: "exchange-col-weight-kg",
        value: |r| r.weight_kg(),
    },
    Column {
        code: "Package Length(cm)",
        header: "exchange-col-length-cm",
        value: |r| r.side_cm(0),
    },
    Column {
        code: "Package Width(cm)",
        header: "exchange-col-width-cm",
        value: |r| r.side_cm(1),
    },
    Column {
        code: "Package Height(cm)",
        header: "exchange-col-height-cm",
        value: |r| r.side_cm(2),
    },
    Column {
        code: "Retail Price (Local Currency)",
        header: "exchange-col-price",
        value: |r| Cell::Number(r.price_vnd as f64),
    },
    Column {
        code: "Quantity",
        header: "exchange-col-stock",
        value: |r| Cell::Number(r.variant.draft.stock as f64),
    },
    Column {
        code: "Seller SKU",
        header: "exchange-col-sku",
        value: |r| text(r.variant.draft.sku.clone()),
    },
];
