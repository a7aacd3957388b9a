//! What one row of a bulk-upload sheet is made from, and the cell values a column can
//! hold. Each platform's file (`shopee.rs`, `tiktok.rs`, `lazada.rs`) is a table of
//! columns over a [`BulkRow`].

use crate::catalog::Variant;
use crate::catalog::listings::ListingContext;
use crate::listings::Effective;

/// One row: one variant (SKU) of a product that passed its checks.
pub struct BulkRow<'a> {
    pub context: &'a ListingContext,
    pub effective: &'a Effective,
    pub variant: &'a Variant,
    /// 0 for the product's first variant: product-level cells go on that row only where
    /// the template asks for it.
    pub variant_index: usize,
    pub variant_count: usize,
    /// 1-based number of the product in the file, tying its variants together.
    pub product_number: usize,
    /// The price on this platform, in đồng.
    pub price_vnd: i64,
    /// The platform's category id where the rule pack knows it, else its path in the
    /// platform's tree (the seller picks it in Seller Center).
    pub category: String,
    /// File names of the photos written beside the sheet, cover first.
    pub images: &'a [String],
}

impl BulkRow<'_> {
    pub fn first(&self) -> bool {
        self.variant_index == 0
    }

    pub fn has_variations(&self) -> bool {
        self.variant_count > 1
    }

    /// The product's own SKU: its first variant's code.
    pub fn parent_sku(&self) -> String {
        self.context
            .detail
            .variants
            .iter()
            .find(|v| v.deleted_at.is_none())
            .map(|v| v.draft.sku.clone())
            .unwrap_or_default()
    }

    pub fn image(&self, index: usize) -> Cell {
        self.images
            .get(index)
            .map_or(Cell::Empty, |name| Cell::Text(name.clone()))
    }

    fn package(&self) -> &crate::catalog::Package {
        &self.context.detail.product.draft.package
    }

    /// Package weight in kilograms, as the templates ask.
    pub fn weight_kg(&self) -> Cell {
        self.package()
            .weight_g
            .map_or(Cell::Empty, |g| Cell::Number(g as f64 / 1000.0))
    }

    /// A package side in centimetres: 0 = length, 1 = width, 2 = height.
    pub fn side_cm(&self, side: usize) -> Cell {
        let package = self.package();
        let mm = [package.length_mm, package.width_mm, package.height_mm][side];
        mm.map_or(Cell::Empty, |mm| Cell::Number((mm as f64 / 10.0).ceil()))
    }

    pub fn variant_name(&self) -> Cell {
        if self.has_variations() {
            text(
                self.variant
                    .draft
                    .name
                    .clone()
                    .unwrap_or_else(|| self.variant.draft.sku.clone()),
            )
        } else {
            Cell::Empty
        }
    }
}

/// A cell value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

pub fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

/// A column of a platform's sheet.
pub struct Column {
    /// The template's machine name for it (Shopee's first row, TikTok's and Lazada's
    /// header).
    pub code: &'static str,
    /// The Fluent message with its Vietnamese header, for the row people read.
    pub header: &'static str,
    pub value: fn(&BulkRow<'_>) -> Cell,
}

/// Whether a spreadsheet program would read `text` as a formula (or strip a leading
/// character): `=`, `+`, `-`, `@`, tab or carriage return first (OWASP, ASVS 1.2.10).
pub fn needs_neutralising(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[cfg(test)]
mod tests {
    use super::needs_neutralising;

    #[test]
    fn formula_starts_are_caught_and_ordinary_text_is_not() {
        for hostile in ["=1+1", "+84 912", "-50%", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(needs_neutralising(hostile), "{hostile:?}");
        }
        for plain in ["Mật ong 500 g", "'=1", " =1", "", "50%"] {
            assert!(!needs_neutralising(plain), "{plain:?}");
        }
    }
}
