//! Which spreadsheet column holds which field. Cooperatives keep their product lists in
//! Excel with Vietnamese headers ("Tên sản phẩm", "Giá bán (đ)") or English ones; headers
//! are compared folded (no case, no diacritics, no units in brackets).

use serde::{Deserialize, Serialize};

use crate::text;

/// A product-list field a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
// Named apart from other "Column" types for the generated TypeScript (serde's container
// name is not part of the JSON of a unit enum).
#[serde(rename = "ImportColumn")]
pub enum Column {
    Name,
    Cooperative,
    Subgroup,
    Story,
    Ingredients,
    Usage,
    Storage,
    ShelfLife,
    NetQuantity,
    Origin,
    PackageWeight,
    PackageLength,
    PackageWidth,
    PackageHeight,
    Barcode,
    Sku,
    VariantName,
    Price,
    Stock,
    Stars,
    CertificateNo,
    DecisionNo,
    IssuingAuthority,
    ValidFrom,
    ValidUntil,
}

impl Column {
    pub const ALL: [Column; 25] = [
        Column::Name,
        Column::Cooperative,
        Column::Subgroup,
        Column::Story,
        Column::Ingredients,
        Column::Usage,
        Column::Storage,
        Column::ShelfLife,
        Column::NetQuantity,
        Column::Origin,
        Column::PackageWeight,
        Column::PackageLength,
        Column::PackageWidth,
        Column::PackageHeight,
        Column::Barcode,
        Column::Sku,
        Column::VariantName,
        Column::Price,
        Column::Stock,
        Column::Stars,
        Column::CertificateNo,
        Column::DecisionNo,
        Column::IssuingAuthority,
        Column::ValidFrom,
        Column::ValidUntil,
    ];

    /// Header names this column is known by, folded.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Name => &[
                "ten san pham",
                "ten",
                "san pham",
                "ten hang",
                "name",
                "product name",
                "product",
            ],
            Column::Cooperative => &[
                "hop tac xa",
                "htx",
                "chu the",
                "chu the san xuat",
                "co so san xuat",
                "nha san xuat",
                "don vi san xuat",
                "cooperative",
                "producer",
            ],
            Column::Subgroup => &[
                "nhom ocop",
                "bo san pham",
                "ma bo san pham",
                "ma nhom",
                "phan nhom",
                "nhom san pham",
                "subgroup",
                "ocop subgroup",
                "ocop group",
            ],
            Column::Story => &["cau chuyen", "cau chuyen san pham", "gioi thieu", "story"],
            Column::Ingredients => &["thanh phan", "nguyen lieu", "ingredients"],
            Column::Usage => &[
                "huong dan su dung",
                "cach dung",
                "cach su dung",
                "usage",
                "how to use",
            ],
            Column::Storage => &["bao quan", "huong dan bao quan", "cach bao quan", "storage"],
            Column::ShelfLife => &["han su dung", "hsd", "thoi han su dung", "shelf life"],
            Column::NetQuantity => &[
                "dinh luong",
                "khoi luong tinh",
                "the tich thuc",
                "the tich",
                "net quantity",
                "net weight",
                "net content",
            ],
            Column::Origin => &["xuat xu", "noi san xuat", "origin"],
            Column::PackageWeight => &[
                "khoi luong dong goi",
                "khoi luong",
                "can nang",
                "trong luong",
                "weight",
                "package weight",
            ],
            Column::PackageLength => &["chieu dai", "dai", "length"],
            Column::PackageWidth => &["chieu rong", "rong", "width"],
            Column::PackageHeight => &["chieu cao", "cao", "height"],
            Column::Barcode => &["ma vach", "barcode", "gtin", "ean"],
            Column::Sku => &["ma sku", "sku", "ma hang", "ma san pham"],
            Column::VariantName => &[
                "phan loai",
                "ten phan loai",
                "quy cach",
                "variant",
                "variant name",
            ],
            Column::Price => &["gia", "gia ban", "don gia", "price"],
            Column::Stock => &["ton kho", "so luong", "so luong ton", "stock", "quantity"],
            Column::Stars => &[
                "so sao",
                "hang sao",
                "sao ocop",
                "sao",
                "stars",
                "ocop stars",
            ],
            Column::CertificateNo => &[
                "so chung nhan",
                "so giay chung nhan",
                "giay chung nhan",
                "certificate no",
                "certificate number",
            ],
            Column::DecisionNo => &[
                "so quyet dinh",
                "quyet dinh",
                "decision no",
                "decision number",
            ],
            Column::IssuingAuthority => &[
                "co quan cap",
                "don vi cap",
                "noi cap",
                "issued by",
                "issuing authority",
            ],
            Column::ValidFrom => &[
                "ngay cap",
                "hieu luc tu",
                "ngay hieu luc",
                "valid from",
                "issued",
            ],
            Column::ValidUntil => &[
                "hieu luc den",
                "ngay het han",
                "het han",
                "valid until",
                "expires",
            ],
        }
    }

    /// Fluent message ID of the column's name as the user sees it.
    pub fn message_id(self) -> &'static str {
        match self {
            Column::Name => "catalog-field-name",
            Column::Cooperative => "catalog-field-cooperative",
            Column::Subgroup => "catalog-field-subgroup",
            Column::Story => "catalog-field-story",
            Column::Ingredients => "catalog-field-ingredients",
            Column::Usage => "catalog-field-usage",
            Column::Storage => "catalog-field-storage",
            Column::ShelfLife => "catalog-field-shelf-life",
            Column::NetQuantity => "catalog-field-net-quantity",
            Column::Origin => "catalog-field-origin",
            Column::PackageWeight => "catalog-field-package-weight",
            Column::PackageLength => "catalog-field-package-length",
            Column::PackageWidth => "catalog-field-package-width",
            Column::PackageHeight => "catalog-field-package-height",
            Column::Barcode => "catalog-field-barcode",
            Column::Sku => "catalog-field-sku",
            Column::VariantName => "catalog-field-variant-name",
            Column::Price => "catalog-field-price",
            Column::Stock => "catalog-field-stock",
            Column::Stars => "catalog-field-stars",
            Column::CertificateNo => "catalog-field-certificate-no",
            Column::DecisionNo => "catalog-field-decision-no",
            Column::IssuingAuthority => "catalog-field-issuing-authority",
            Column::ValidFrom => "catalog-field-valid-from",
            Column::ValidUntil => "catalog-field-valid-until",
        }
    }

    /// The column a header names, if any: "Giá bán (đ)" → [`Column::Price`].
    pub fn from_header(header: &str) -> Option<Column> {
        let without_units = strip_brackets(header);
        let folded = text::fold(&without_units);
        Column::ALL
            .into_iter()
            .find(|column| column.aliases().contains(&folded.as_str()))
    }
}

/// "Giá bán (đ)" → "Giá bán ": units and notes in brackets say nothing about the field.
fn strip_brackets(header: &str) -> String {
    let mut depth = 0_u32;
    header
        .chars()
        .filter(|ch| match ch {
            '(' | '[' => {
                depth += 1;
                false
            }
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect()
}

/// Where each known field sits in a row (by position), from the header row.
#[derive(Debug, Clone, Default)]
pub struct ColumnMap {
    positions: Vec<(Column, usize)>,
}

impl ColumnMap {
    /// Maps headers to fields; the first header naming a field wins, unknown headers
    /// are ignored.
    pub fn from_headers<'a>(headers: impl IntoIterator<Item = &'a str>) -> ColumnMap {
        let mut positions: Vec<(Column, usize)> = Vec::new();
        for (index, header) in headers.into_iter().enumerate() {
            if let Some(column) = Column::from_header(header)
                && !positions.iter().any(|(c, _)| *c == column)
            {
                positions.push((column, index));
            }
        }
        ColumnMap { positions }
    }

    /// The person's own choice: column `i` holds `choices[i]` (none: ignored). A field
    /// chosen twice is taken from its first column.
    pub fn from_choices(choices: &[Option<Column>]) -> ColumnMap {
        let mut positions: Vec<(Column, usize)> = Vec::new();
        for (index, choice) in choices.iter().enumerate() {
            if let Some(column) = choice
                && !positions.iter().any(|(c, _)| c == column)
            {
                positions.push((*column, index));
            }
        }
        ColumnMap { positions }
    }

    /// The field each header names, in order, as [`ColumnMap::from_headers`] reads them.
    pub fn suggest<'a>(headers: impl IntoIterator<Item = &'a str>) -> Vec<Option<Column>> {
        let mut taken = Vec::new();
        headers
            .into_iter()
            .map(|header| {
                let column = Column::from_header(header).filter(|c| !taken.contains(c))?;
                taken.push(column);
                Some(column)
            })
            .collect()
    }

    pub fn has(&self, column: Column) -> bool {
        self.positions.iter().any(|(c, _)| *c == column)
    }

    pub fn position(&self, column: Column) -> Option<usize> {
        self.positions
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, i)| *i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_both_languages() {
        assert_eq!(Column::from_header("Tên sản phẩm"), Some(Column::Name));
        assert_eq!(Column::from_header("GIÁ BÁN (đ)"), Some(Column::Price));
        assert_eq!(Column::from_header("Product name"), Some(Column::Name));
        assert_eq!(Column::from_header("Nhóm OCOP"), Some(Column::Subgroup));
        assert_eq!(Column::from_header("Ghi chú"), None);
    }

    #[test]
    fn every_alias_is_folded_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for column in Column::ALL {
            for alias in column.aliases() {
                assert_eq!(text::fold(alias), *alias, "{alias} must be written folded");
                assert!(seen.insert(*alias), "{alias} names two columns");
            }
        }
    }
}
