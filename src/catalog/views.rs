//! What screens show, computed here so that every front end formats prices and dates the
//! same way (125.000 ₫, 22/11/2026) and the rule "stars only while the certificate is
//! valid" lives in one place.

use serde::{Deserialize, Serialize};
use time::{Date, UtcOffset};

use super::forms::{CertificateForm, CooperativeForm, ProductForm, VariantForm};
use super::ids::{Id, Timestamp};
use super::model::{CertificateStatus, Cooperative, Page, ProductDetail, ProductSummary};
use super::ocop::Sector;
use crate::i18n::dates::format_datetime;
use crate::i18n::money::format_vnd;

/// One row of the product list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProductRow {
    #[serde(flatten)]
    pub summary: ProductSummary,
    /// "125.000 ₫" or "125.000 ₫ – 250.000 ₫"; empty without a price.
    pub price_text: String,
    /// When it last changed, in local time: "22/11/2026 14:05".
    pub updated_text: String,
    /// Whether the OCOP stars may be shown (the current certificate is valid today).
    pub show_stars: bool,
}

impl ProductRow {
    pub fn new(summary: ProductSummary, offset: UtcOffset) -> ProductRow {
        let price_text = match (summary.price_min, summary.price_max) {
            (Some(min), Some(max)) if min != max => {
                format!("{} – {}", format_vnd(min), format_vnd(max))
            }
            (Some(min), _) => format_vnd(min),
            _ => String::new(),
        };
        ProductRow {
            price_text,
            updated_text: format_datetime(summary.updated_at.as_offset_date_time(), offset),
            show_stars: summary
                .certificate
                .is_some_and(CertificateStatus::allows_stars),
            summary,
        }
    }

    /// A whole page of rows.
    pub fn page(page: Page<ProductSummary>, offset: UtcOffset) -> Page<ProductRow> {
        Page {
            items: page
                .items
                .into_iter()
                .map(|s| ProductRow::new(s, offset))
                .collect(),
            total: page.total,
            offset: page.offset,
        }
    }
}

/// A product as its editor shows it: forms for everything a person can change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProductEditor {
    pub id: Id,
    pub form: ProductForm,
    pub sector: Sector,
    pub cooperative_name: String,
    pub variants: Vec<VariantEntry>,
    /// Newest first.
    pub certificates: Vec<CertificateEntry>,
    /// The certificate that counts today, if any.
    pub current_certificate: Option<Id>,
    pub created_text: String,
    pub updated_text: String,
    pub deleted: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VariantEntry {
    pub id: Id,
    pub form: VariantForm,
    pub price_text: String,
    pub deleted: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CertificateEntry {
    pub id: Id,
    pub form: CertificateForm,
    pub status: CertificateStatus,
    /// Whether the star badge may be shown for this certificate today.
    pub show_stars: bool,
    pub deleted: bool,
}

impl ProductEditor {
    pub fn new(detail: &ProductDetail, today: Date, offset: UtcOffset) -> ProductEditor {
        let product = &detail.product;
        ProductEditor {
            id: product.id,
            form: ProductForm::from(product),
            sector: product.sector,
            cooperative_name: detail.cooperative.draft.name.clone(),
            variants: detail
                .variants
                .iter()
                .map(|v| VariantEntry {
                    id: v.id,
                    form: VariantForm::from(v),
                    price_text: format_vnd(v.draft.price_vnd),
                    deleted: v.deleted_at.is_some(),
                })
                .collect(),
            certificates: detail
                .certificates
                .iter()
                .map(|c| {
                    let status = c.status(today);
                    CertificateEntry {
                        id: c.id,
                        form: CertificateForm::from(c),
                        status,
                        show_stars: c.deleted_at.is_none() && status.allows_stars(),
                        deleted: c.deleted_at.is_some(),
                    }
                })
                .collect(),
            current_certificate: detail.current_certificate().map(|c| c.id),
            created_text: datetime_text(product.created_at, offset),
            updated_text: datetime_text(product.updated_at, offset),
            deleted: product.deleted_at.is_some(),
        }
    }
}

/// A cooperative in the list and its editor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CooperativeEntry {
    pub id: Id,
    pub form: CooperativeForm,
    /// Live products of this cooperative.
    pub product_count: u64,
    pub updated_text: String,
    pub deleted: bool,
}

impl CooperativeEntry {
    pub fn new(coop: &Cooperative, product_count: u64, offset: UtcOffset) -> CooperativeEntry {
        CooperativeEntry {
            id: coop.id,
            form: CooperativeForm::from(coop),
            product_count,
            updated_text: datetime_text(coop.updated_at, offset),
            deleted: coop.deleted_at.is_some(),
        }
    }
}

fn datetime_text(at: Timestamp, offset: UtcOffset) -> String {
    format_datetime(at.as_offset_date_time(), offset)
}
