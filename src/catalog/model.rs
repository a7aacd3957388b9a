//! The catalog's records as the rest of the program sees them.
//!
//! Each editable record has a *draft*: the fields a person types. `create` and `update`
//! both take the whole draft, so an editor that autosaves sends what it shows, and the
//! repository validates and normalises it (NFC, trimmed) on the way in.

use serde::{Deserialize, Serialize};
use time::Date;

use super::ids::{Id, Timestamp};
use super::ocop::{ProducerType, Sector, Unit};

/// What a person fills in for a cooperative or other OCOP producer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CooperativeDraft {
    pub name: String,
    pub producer_type: ProducerType,
    /// Tax code or business/cooperative registration number ("mã số thuế / số ĐKKD").
    pub registration_no: Option<String>,
    pub address: Option<String>,
    pub province: Option<String>,
    pub commune: Option<String>,
    pub phone: Option<String>,
}

impl CooperativeDraft {
    pub fn named(name: &str, producer_type: ProducerType) -> CooperativeDraft {
        CooperativeDraft {
            name: name.to_owned(),
            producer_type,
            registration_no: None,
            address: None,
            province: None,
            commune: None,
            phone: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Cooperative {
    pub id: Id,
    #[serde(flatten)]
    pub draft: CooperativeDraft,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// A net quantity as printed on the label: `500 g`, `1,5 l`, `10 quả`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NetQuantity {
    pub amount: f64,
    pub unit: Unit,
}

/// Outer package size for shipping, in grams and millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Package {
    pub weight_g: Option<i64>,
    pub length_mm: Option<i64>,
    pub width_mm: Option<i64>,
    pub height_mm: Option<i64>,
}

/// What a person fills in for a product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProductDraft {
    pub cooperative_id: Id,
    pub name: String,
    /// One of the 26 OCOP criteria-set codes, e.g. `I.2.b`.
    pub subgroup: String,
    pub story: Option<String>,
    pub ingredients: Option<String>,
    pub usage: Option<String>,
    pub storage: Option<String>,
    pub shelf_life: Option<String>,
    pub net_quantity: Option<NetQuantity>,
    /// The origin phrase of Decree 111/2021, e.g. "Sản xuất tại Việt Nam".
    pub origin: Option<String>,
    #[serde(default)]
    pub package: Package,
    pub barcode: Option<String>,
}

impl ProductDraft {
    pub fn new(cooperative_id: Id, name: &str, subgroup: &str) -> ProductDraft {
        ProductDraft {
            cooperative_id,
            name: name.to_owned(),
            subgroup: subgroup.to_owned(),
            story: None,
            ingredients: None,
            usage: None,
            storage: None,
            shelf_life: None,
            net_quantity: None,
            origin: None,
            package: Package::default(),
            barcode: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Product {
    pub id: Id,
    #[serde(flatten)]
    pub draft: ProductDraft,
    pub sector: Sector,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// What a person copies from an OCOP certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CertificateDraft {
    pub stars: i64,
    pub certificate_no: Option<String>,
    pub decision_no: Option<String>,
    pub decision_date: Option<Date>,
    /// The issuing authority exactly as printed (units were renamed and merged in 2025).
    pub issuing_authority: Option<String>,
    pub valid_from: Date,
    /// `None` means the standard 36 months after `valid_from`.
    pub valid_until: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Certificate {
    pub id: Id,
    pub product_id: Id,
    pub stars: i64,
    pub certificate_no: Option<String>,
    pub decision_no: Option<String>,
    pub decision_date: Option<Date>,
    pub issuing_authority: Option<String>,
    pub valid_from: Date,
    pub valid_until: Date,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// How long an OCOP certificate is valid: 36 months.
pub const CERTIFICATE_MONTHS: i32 = 36;
/// Sellers are warned this many days before a certificate lapses.
pub const EXPIRY_WARNING_DAYS: i64 = 60;

/// Where a certificate stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum CertificateStatus {
    /// Valid, and more than [`EXPIRY_WARNING_DAYS`] from lapsing.
    Valid { days_left: i64 },
    /// Valid, but lapses within [`EXPIRY_WARNING_DAYS`].
    Expiring { days_left: i64 },
    /// Lapsed: the stars may no longer be advertised.
    Expired { days_ago: i64 },
    /// Not valid yet (issued with a future start date).
    NotYetValid { days_until: i64 },
}

impl CertificateStatus {
    pub fn on(valid_from: Date, valid_until: Date, today: Date) -> CertificateStatus {
        if today < valid_from {
            return CertificateStatus::NotYetValid {
                days_until: (valid_from - today).whole_days(),
            };
        }
        let days_left = (valid_until - today).whole_days();
        if days_left < 0 {
            CertificateStatus::Expired {
                days_ago: -days_left,
            }
        } else if days_left <= EXPIRY_WARNING_DAYS {
            CertificateStatus::Expiring { days_left }
        } else {
            CertificateStatus::Valid { days_left }
        }
    }

    /// Whether the OCOP stars may be shown and advertised today.
    pub fn allows_stars(self) -> bool {
        matches!(
            self,
            CertificateStatus::Valid { .. } | CertificateStatus::Expiring { .. }
        )
    }
}

impl Certificate {
    pub fn status(&self, today: Date) -> CertificateStatus {
        CertificateStatus::on(self.valid_from, self.valid_until, today)
    }
}

/// What a person fills in for one sellable variant (size, pack) of a product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VariantDraft {
    pub sku: String,
    pub name: Option<String>,
    pub price_vnd: i64,
    pub stock: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Variant {
    pub id: Id,
    pub product_id: Id,
    #[serde(flatten)]
    pub draft: VariantDraft,
    pub position: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// A product with everything that hangs off it, as an editor shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProductDetail {
    pub product: Product,
    pub cooperative: Cooperative,
    pub variants: Vec<Variant>,
    /// Newest first; the first one that is not deleted is the current certificate.
    pub certificates: Vec<Certificate>,
}

impl ProductDetail {
    /// The certificate that counts: the live one with the latest end date.
    pub fn current_certificate(&self) -> Option<&Certificate> {
        self.certificates
            .iter()
            .filter(|c| c.deleted_at.is_none())
            .max_by_key(|c| (c.valid_until, c.valid_from))
    }
}

/// One row of a product list or search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProductSummary {
    pub id: Id,
    pub name: String,
    pub cooperative_id: Id,
    pub cooperative_name: String,
    pub province: Option<String>,
    pub sector: Sector,
    pub subgroup: String,
    /// Stars of the current certificate, whatever its state.
    pub stars: Option<i64>,
    pub certificate: Option<CertificateStatus>,
    pub price_min: Option<i64>,
    pub price_max: Option<i64>,
    pub variant_count: i64,
    pub stock_total: i64,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    /// The cover photo, for the list's thumbnail.
    pub cover: Option<Cover>,
}

/// A product's first photo: which stored file, made square how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Cover {
    pub sha256: String,
    pub fit: crate::photos::spec::Fit,
}

/// A page of a longer list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Page<T> {
    pub items: Vec<T>,
    /// How many items match in all, across every page. Text searches stop counting
    /// past [`crate::catalog::search::COUNT_CAP`] and report one more than it.
    pub total: u64,
    pub offset: u64,
}
