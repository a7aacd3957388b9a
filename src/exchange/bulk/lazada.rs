//! Lazada "Bulk Manager / Add products in bulk": one row per SKU, variants of a product
//! tied by a group number; column names follow the API's fields (`marketplaces.md`
//! §6.3: the weakest evidence of the three, check against the downloaded template).

use super::columns::{Cell, Column, text};

pub const COLUMNS: &[Column] = &[
    Column {
        code: "PrimaryCategory",
        header: "exchange-col-category",
        value: |r| text(r.category.clone()),
    },
    Column {
        code: "name",
        header: "exchange-col-name",
        value: |r| text(r.effective.title.clone()),
    },
    Column {
        code: "brand",
        header: "exchange-col-brand",
        value: |_| text("No Brand"),
    },
    Column {
        code: "description",
        header: "exchange-col-description",
        value: |r| text(r.effective.description.clone()),
    },
    Column {
        code: "group_no",
        header: "exchange-col-variation-group",
        value: |r| Cell::Number(r.product_number as f64),
    },
    Column {
        code: "variation",
        header: "exchange-col-variation-value",
        value: |r| r.variant_name(),
    },
    Column {
        code: "MainImage",
        header: "exchange-col-cover-image",
        value: |r| r.image(0),
    },
    Column {
        code: "Image2",
        header: "exchange-col-image",
        value: |r| r.image(1),
    },
    Column {
        code: "Image3",
        header: "exchange-col-image",
        value: |r| r.image(2),
    },
    Column {
        code: "Image4",
        header: "exchange-col-image",
        value: |r| r.image(3),
    },
    Column {
        code: "Image5",
        header: "exchange-col-image",
        value: |r| r.image(4),
    },
    Column {
        code: "Image6",
        header: "exchange-col-image",
        value: |r| r.image(5),
    },
    Column {
        code: "Image7",
        header: "exchange-col-image",
        value: |r| r.image(6),
    },
    Column {
        code: "Image8",
        header: "exchange-col-image",
        value: |r| r.image(7),
    },
    Column {
        code: "SellerSku",
        header: "exchange-col-sku",
        value: |r| text(r.variant.draft.sku.clone()),
    },
    Column {
        code: "price",
        header: "exchange-col-price",
        value: |r| Cell::Number(r.price_vnd as f64),
    },
    Column {
        code: "quantity",
        header: "exchange-col-stock",
        value: |r| Cell::Number(r.variant.draft.stock as f64),
    },
    Column {
        code: "package_weight",
        header: "exchange-col-weight-kg",
        value: |r| r.weight_kg(),
    },
    Column {
        code: "package_length",
        header: "exchange-col-length-cm",
        value: |r| r.side_cm(0),
    },
    Column {
        code: "package_width",
        header: "exchange-col-width-cm",
        value: |r| r.side_cm(1),
    },
    Column {
        code: "package_height",
        header: "exchange-col-height-cm",
        value: |r| r.side_cm(2),
    },
];
