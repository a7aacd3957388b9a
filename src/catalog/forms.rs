//! Forms: a record's fields as a person sees and types them in an editor. Prices read
//! "125.000", dates "22/11/2026", empty means "not filled in". The core turns a form into
//! a draft — reading prices, numbers and dates the way people write them, and naming the
//! field when it cannot — and turns a saved record back into a form, so the UI never
//! formats or parses a value itself.

use serde::{Deserialize, Serialize};

use super::error::{CatalogError, Field, FieldError, Problem, Result};
use super::ids::Id;
use super::model::{
    Certificate, CertificateDraft, Cooperative, CooperativeDraft, NetQuantity, Package, Product,
    ProductDraft, Variant, VariantDraft,
};
use super::ocop::{ProducerType, Unit};
use crate::i18n::dates::{format_date, parse_date};
use crate::i18n::money::{group_thousands, parse_vnd};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CooperativeForm {
    pub name: String,
    pub producer_type: ProducerType,
    pub registration_no: String,
    pub address: String,
    pub province: String,
    pub commune: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProductForm {
    pub cooperative_id: Id,
    pub name: String,
    pub subgroup: String,
    pub story: String,
    pub ingredients: String,
    pub usage: String,
    pub storage: String,
    pub shelf_life: String,
    /// The number of the net quantity, as typed: "500", "1,5".
    pub net_amount: String,
    pub net_unit: Option<Unit>,
    pub origin: String,
    pub weight_g: String,
    pub length_mm: String,
    pub width_mm: String,
    pub height_mm: String,
    pub barcode: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VariantForm {
    pub sku: String,
    pub name: String,
    /// As typed: "125000", "125.000", "125,000", "125k".
    pub price: String,
    pub stock: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CertificateForm {
    pub stars: i64,
    pub certificate_no: String,
    pub decision_no: String,
    /// Dates as typed: "22/11/2026"; empty `valid_until` means 36 months.
    pub decision_date: String,
    pub issuing_authority: String,
    pub valid_from: String,
    pub valid_until: String,
}

/// Reads fields while collecting every problem, like validation does.
#[derive(Default)]
pub(super) struct Reader(Vec<FieldError>);

impl Reader {
    pub(super) fn text(value: &str) -> Option<String> {
        let trimmed = value.trim();
        (!trimmed.is_empty()).then(|| trimmed.to_owned())
    }

    fn whole(&mut self, field: Field, value: &str) -> Option<i64> {
        let cleaned: String = value
            .chars()
            .filter(|c| !matches!(c, '.' | ' ' | '\u{a0}'))
            .collect();
        if cleaned.is_empty() {
            return None;
        }
        let parsed = cleaned.parse().ok();
        if parsed.is_none() {
            self.0.push(FieldError::new(
                field,
                Problem::NotANumber {
                    text: value.trim().to_owned(),
                },
            ));
        }
        parsed
    }

    pub(super) fn date(&mut self, field: Field, value: &str) -> Option<time::Date> {
        if value.trim().is_empty() {
            return None;
        }
        let parsed = parse_date(value);
        if parsed.is_none() {
            self.0.push(FieldError::new(
                field,
                Problem::NotADate {
                    text: value.trim().to_owned(),
                },
            ));
        }
        parsed
    }

    /// Records a problem found by the caller.
    pub(super) fn refuse(&mut self, field: Field, problem: Problem) {
        self.0.push(FieldError::new(field, problem));
    }

    pub(super) fn finish<T>(self, value: T) -> Result<T> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(CatalogError::Invalid(self.0))
        }
    }
}

impl CooperativeForm {
    /// A blank form: a cooperative (hợp tác xã) unless the user picks another type.
    pub fn empty() -> CooperativeForm {
        CooperativeForm {
            name: String::new(),
            producer_type: ProducerType::Cooperative,
            registration_no: String::new(),
            address: String::new(),
            province: String::new(),
            commune: String::new(),
            phone: String::new(),
        }
    }

    pub fn to_draft(&self) -> CooperativeDraft {
        CooperativeDraft {
            name: self.name.clone(),
            producer_type: self.producer_type,
            registration_no: Reader::text(&self.registration_no),
            address: Reader::text(&self.address),
            province: Reader::text(&self.province),
            commune: Reader::text(&self.commune),
            phone: Reader::text(&self.phone),
        }
    }
}

impl From<&Cooperative> for CooperativeForm {
    fn from(coop: &Cooperative) -> Self {
        let d = &coop.draft;
        CooperativeForm {
            name: d.name.clone(),
            producer_type: d.producer_type,
            registration_no: d.registration_no.clone().unwrap_or_default(),
            address: d.address.clone().unwrap_or_default(),
            province: d.province.clone().unwrap_or_default(),
            commune: d.commune.clone().unwrap_or_default(),
            phone: d.phone.clone().unwrap_or_default(),
        }
    }
}

impl ProductForm {
    /// An empty form for a new product of this cooperative.
    pub fn empty(cooperative_id: Id) -> ProductForm {
        ProductForm::from(&Product {
            id: Id::new(),
            draft: ProductDraft::new(cooperative_id, "", ""),
            sector: super::ocop::Sector::Food,
            created_at: super::ids::Timestamp::now(),
            updated_at: super::ids::Timestamp::now(),
            deleted_at: None,
        })
    }

    pub fn to_draft(&self) -> Result<ProductDraft> {
        let mut reader = Reader::default();
        let net_quantity = match (Reader::text(&self.net_amount), self.net_unit) {
            (None, _) => None,
            (Some(amount), unit) => {
                let parsed = amount
                    .replace(',', ".")
                    .parse::<f64>()
                    .ok()
                    .filter(|a| a.is_finite());
                match (parsed, unit) {
                    (Some(amount), Some(unit)) => Some(NetQuantity { amount, unit }),
                    (Some(_), None) => {
                        reader
                            .0
                            .push(FieldError::new(Field::NetQuantity, Problem::Required));
                        None
                    }
                    (None, _) => {
                        reader.0.push(FieldError::new(
                            Field::NetQuantity,
                            Problem::NotANumber { text: amount },
                        ));
                        None
                    }
                }
            }
        };
        let package = Package {
            weight_g: reader.whole(Field::PackageWeight, &self.weight_g),
            length_mm: reader.whole(Field::PackageLength, &self.length_mm),
            width_mm: reader.whole(Field::PackageWidth, &self.width_mm),
            height_mm: reader.whole(Field::PackageHeight, &self.height_mm),
        };
        reader.finish(ProductDraft {
            cooperative_id: self.cooperative_id,
            name: self.name.clone(),
            subgroup: self.subgroup.clone(),
            story: Reader::text(&self.story),
            ingredients: Reader::text(&self.ingredients),
            usage: Reader::text(&self.usage),
            storage: Reader::text(&self.storage),
            shelf_life: Reader::text(&self.shelf_life),
            net_quantity,
            origin: Reader::text(&self.origin),
            package,
            barcode: Reader::text(&self.barcode),
        })
    }
}

impl From<&Product> for ProductForm {
    fn from(product: &Product) -> Self {
        let d = &product.draft;
        let number = |value: Option<i64>| value.map(|v| v.to_string()).unwrap_or_default();
        ProductForm {
            cooperative_id: d.cooperative_id,
            name: d.name.clone(),
            subgroup: d.subgroup.clone(),
            story: d.story.clone().unwrap_or_default(),
            ingredients: d.ingredients.clone().unwrap_or_default(),
            usage: d.usage.clone().unwrap_or_default(),
            storage: d.storage.clone().unwrap_or_default(),
            shelf_life: d.shelf_life.clone().unwrap_or_default(),
            net_amount: d
                .net_quantity
                .map(|q| format_amount(q.amount))
                .unwrap_or_default(),
            net_unit: d.net_quantity.map(|q| q.unit),
            origin: d.origin.clone().unwrap_or_default(),
            weight_g: number(d.package.weight_g),
            length_mm: number(d.package.length_mm),
            width_mm: number(d.package.width_mm),
            height_mm: number(d.package.height_mm),
            barcode: d.barcode.clone().unwrap_or_default(),
        }
    }
}

/// "1.5" → "1,5", "500.0" → "500": Vietnamese writes a decimal comma.
pub fn format_amount(amount: f64) -> String {
    let text = format!("{amount}");
    text.strip_suffix(".0").unwrap_or(&text).replace('.', ",")
}

impl VariantForm {
    pub fn to_draft(&self) -> Result<VariantDraft> {
        let mut reader = Reader::default();
        let price = if self.price.trim().is_empty() {
            reader
                .0
                .push(FieldError::new(Field::Price, Problem::Required));
            0
        } else {
            parse_vnd(&self.price).unwrap_or_else(|_| {
                reader.0.push(FieldError::new(
                    Field::Price,
                    Problem::NotAPrice {
                        text: self.price.trim().to_owned(),
                    },
                ));
                0
            })
        };
        let stock = reader.whole(Field::Stock, &self.stock).unwrap_or(0);
        reader.finish(VariantDraft {
            sku: self.sku.clone(),
            name: Reader::text(&self.name),
            price_vnd: price,
            stock,
        })
    }
}

impl From<&Variant> for VariantForm {
    fn from(variant: &Variant) -> Self {
        let d = &variant.draft;
        VariantForm {
            sku: d.sku.clone(),
            name: d.name.clone().unwrap_or_default(),
            price: group_thousands(d.price_vnd),
            stock: d.stock.to_string(),
        }
    }
}

impl CertificateForm {
    pub fn to_draft(&self) -> Result<CertificateDraft> {
        let mut reader = Reader::default();
        let valid_from = reader.date(Field::ValidFrom, &self.valid_from);
        if valid_from.is_none() && self.valid_from.trim().is_empty() {
            reader
                .0
                .push(FieldError::new(Field::ValidFrom, Problem::Required));
        }
        let draft = CertificateDraft {
            stars: self.stars,
            certificate_no: Reader::text(&self.certificate_no),
            decision_no: Reader::text(&self.decision_no),
            decision_date: reader.date(Field::DecisionDate, &self.decision_date),
            issuing_authority: Reader::text(&self.issuing_authority),
            valid_from: valid_from.unwrap_or(time::Date::MIN),
            valid_until: reader.date(Field::ValidUntil, &self.valid_until),
        };
        reader.finish(draft)
    }
}

impl From<&Certificate> for CertificateForm {
    fn from(certificate: &Certificate) -> Self {
        CertificateForm {
            stars: certificate.stars,
            certificate_no: certificate.certificate_no.clone().unwrap_or_default(),
            decision_no: certificate.decision_no.clone().unwrap_or_default(),
            decision_date: certificate
                .decision_date
                .map(format_date)
                .unwrap_or_default(),
            issuing_authority: certificate.issuing_authority.clone().unwrap_or_default(),
            valid_from: format_date(certificate.valid_from),
            valid_until: format_date(certificate.valid_until),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_are_read_as_typed_and_refused_by_field() {
        let form = VariantForm {
            sku: "A".into(),
            name: String::new(),
            price: "125k".into(),
            stock: "1.200".into(),
        };
        let draft = form.to_draft().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((draft.price_vnd, draft.stock), (125_000, 1200));
        let bad = VariantForm {
            price: "abc".into(),
            ..form
        };
        let error = bad.to_draft().unwrap_err();
        assert_eq!(error.field_errors()[0].field, Field::Price);
        assert_eq!(
            error.field_errors()[0].problem,
            Problem::NotAPrice { text: "abc".into() }
        );
    }

    #[test]
    fn amounts_use_a_decimal_comma() {
        assert_eq!(format_amount(1.5), "1,5");
        assert_eq!(format_amount(500.0), "500");
    }

    #[test]
    fn dates_are_read_day_first() {
        let form = CertificateForm {
            stars: 4,
            certificate_no: String::new(),
            decision_no: String::new(),
            decision_date: String::new(),
            issuing_authority: String::new(),
            valid_from: "15/03/2025".into(),
            valid_until: String::new(),
        };
        let draft = form.to_draft().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(draft.valid_from, time::macros::date!(2025 - 03 - 15));
        let bad = CertificateForm {
            valid_from: "15-13-2025".into(),
            ..form
        };
        assert_eq!(
            bad.to_draft().unwrap_err().field_errors()[0].field,
            Field::ValidFrom
        );
    }
}
