//! What can go wrong with the catalog, as data. The translated sentence is made at the
//! edge (`Localize`), never here, so the same error can speak Vietnamese in the app and
//! English in a script.

use std::path::PathBuf;

use serde::Serialize;

use super::ids::Id;
use crate::args;
use crate::i18n::{I18n, Localize, money};

/// Which field of a draft a validation problem is about; the UI puts the message next
/// to that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    RegistrationNo,
    Address,
    Province,
    Commune,
    Phone,
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
    Stars,
    CertificateNo,
    DecisionNo,
    DecisionDate,
    IssuingAuthority,
    ValidFrom,
    ValidUntil,
    Sku,
    VariantName,
    Price,
    Stock,
    Title,
    Description,
    Category,
    Attribute,
    ProofTitle,
    IssuedOn,
    ScriptTitle,
    Minutes,
    WordsPerMinute,
    Segment,
    Seconds,
}

impl Field {
    pub fn message_id(self) -> &'static str {
        match self {
            Field::Name => "catalog-field-name",
            Field::RegistrationNo => "catalog-field-registration-no",
            Field::Address => "catalog-field-address",
            Field::Province => "catalog-field-province",
            Field::Commune => "catalog-field-commune",
            Field::Phone => "catalog-field-phone",
            Field::Cooperative => "catalog-field-cooperative",
            Field::Subgroup => "catalog-field-subgroup",
            Field::Story => "catalog-field-story",
            Field::Ingredients => "catalog-field-ingredients",
            Field::Usage => "catalog-field-usage",
            Field::Storage => "catalog-field-storage",
            Field::ShelfLife => "catalog-field-shelf-life",
            Field::NetQuantity => "catalog-field-net-quantity",
            Field::Origin => "catalog-field-origin",
            Field::PackageWeight => "catalog-field-package-weight",
            Field::PackageLength => "catalog-field-package-length",
            Field::PackageWidth => "catalog-field-package-width",
            Field::PackageHeight => "catalog-field-package-height",
            Field::Barcode => "catalog-field-barcode",
            Field::Stars => "catalog-field-stars",
            Field::CertificateNo => "catalog-field-certificate-no",
            Field::DecisionNo => "catalog-field-decision-no",
            Field::DecisionDate => "catalog-field-decision-date",
            Field::IssuingAuthority => "catalog-field-issuing-authority",
            Field::ValidFrom => "catalog-field-valid-from",
            Field::ValidUntil => "catalog-field-valid-until",
            Field::Sku => "catalog-field-sku",
            Field::VariantName => "catalog-field-variant-name",
            Field::Price => "catalog-field-price",
            Field::Stock => "catalog-field-stock",
            Field::Title => "catalog-field-title",
            Field::Description => "catalog-field-description",
            Field::Category => "catalog-field-category",
            Field::Attribute => "catalog-field-attribute",
            Field::ProofTitle => "catalog-field-proof-title",
            Field::IssuedOn => "catalog-field-issued-on",
            Field::ScriptTitle => "catalog-field-script-title",
            Field::Minutes => "catalog-field-minutes",
            Field::WordsPerMinute => "catalog-field-words-per-minute",
            Field::Segment => "catalog-field-segment",
            Field::Seconds => "catalog-field-seconds",
        }
    }
}

/// What is wrong with a field's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    OutOfRange {
        min: i64,
        max: i64,
    },
    StarsOutOfRange {
        stars: i64,
    },
    PriceNotPositive,
    PriceTooHigh {
        max: i64,
    },
    ValidUntilBeforeValidFrom,
    DuplicateSku {
        sku: String,
        product_name: String,
    },
    UnknownSubgroup {
        code: String,
    },
    UnknownCooperative,
    InvalidBarcode,
    InvalidPhone,
    /// Typed text that is not a price ("abc", "12.50").
    NotAPrice {
        text: String,
    },
    NotANumber {
        text: String,
    },
    NotADate {
        text: String,
    },
}

/// One validation finding: a field and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: Field, problem: Problem) -> FieldError {
        FieldError { field, problem }
    }

    /// "Giá bán: phải lớn hơn 0 ₫." — the field's name, then what to change.
    pub fn localize(&self, i18n: &I18n) -> String {
        let field = i18n.tr(self.field.message_id());
        let problem = match &self.problem {
            Problem::Required => i18n.tr("errors-required"),
            Problem::TooLong { max } => i18n.tr_args("errors-too-long", args!["max" => *max]),
            Problem::OutOfRange { min, max } => i18n.tr_args(
                "errors-out-of-range",
                args!["min" => money::group_thousands(*min), "max" => money::group_thousands(*max)],
            ),
            Problem::StarsOutOfRange { stars } => {
                i18n.tr_args("errors-stars-out-of-range", args!["stars" => *stars])
            }
            Problem::PriceNotPositive => i18n.tr("errors-price-not-positive"),
            Problem::PriceTooHigh { max } => i18n.tr_args(
                "errors-price-too-high",
                args!["max" => money::format_vnd(*max)],
            ),
            Problem::ValidUntilBeforeValidFrom => i18n.tr("errors-valid-until-before-valid-from"),
            Problem::DuplicateSku { sku, product_name } => i18n.tr_args(
                "errors-duplicate-sku",
                args!["sku" => sku, "product" => product_name],
            ),
            Problem::UnknownSubgroup { code } => {
                i18n.tr_args("errors-unknown-subgroup", args!["code" => code])
            }
            Problem::UnknownCooperative => i18n.tr("errors-unknown-cooperative"),
            Problem::InvalidBarcode => i18n.tr("errors-invalid-barcode"),
            Problem::InvalidPhone => i18n.tr("errors-invalid-phone"),
            Problem::NotAPrice { text } => {
                i18n.tr_args("errors-not-a-price", args!["text" => text])
            }
            Problem::NotANumber { text } => {
                i18n.tr_args("errors-not-a-number", args!["text" => text])
            }
            Problem::NotADate { text } => i18n.tr_args("errors-not-a-date", args!["text" => text]),
        };
        i18n.tr_args(
            "errors-field-problem",
            args!["field" => field, "problem" => problem],
        )
    }
}

/// The kinds of record the catalog keeps, for "not found" and similar messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Cooperative,
    Product,
    Certificate,
    Variant,
    Photo,
    Proof,
    Script,
    Shop,
    Publication,
}

impl RecordKind {
    /// The table its rows live in.
    pub(super) fn table(self) -> &'static str {
        match self {
            RecordKind::Cooperative => "cooperative",
            RecordKind::Product => "product",
            RecordKind::Certificate => "ocop_certificate",
            RecordKind::Variant => "variant",
            RecordKind::Photo => "product_photo",
            RecordKind::Proof => "product_proof",
            RecordKind::Script => "script",
            RecordKind::Shop => "shop",
            RecordKind::Publication => "publication",
        }
    }

    fn message_id(self) -> &'static str {
        match self {
            RecordKind::Cooperative => "catalog-kind-cooperative",
            RecordKind::Product => "catalog-kind-product",
            RecordKind::Certificate => "catalog-kind-certificate",
            RecordKind::Variant => "catalog-kind-variant",
            RecordKind::Photo => "catalog-kind-photo",
            RecordKind::Proof => "catalog-kind-proof",
            RecordKind::Script => "catalog-kind-script",
            RecordKind::Shop => "catalog-kind-shop",
            RecordKind::Publication => "catalog-kind-publication",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    #[error("{kind:?} {reference} not found")]
    NotFound { kind: RecordKind, reference: String },
    #[error("{kind:?} reference {reference} matches several records")]
    Ambiguous { kind: RecordKind, reference: String },
    #[error("cannot create or use the data folder {path}: {source}")]
    DataDirUnavailable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the catalog {path} is read-only")]
    ReadOnly { path: PathBuf },
    #[error(
        "the catalog {path} was written by a newer version (schema {found}, this app knows {supported})"
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path} is not a Chợ Phiên catalog")]
    NotACatalog { path: PathBuf },
    #[error("the catalog {path} is damaged")]
    Corrupt { path: PathBuf },
    #[error("the catalog {path} is busy")]
    Busy { path: PathBuf },
    #[error("the disk holding {path} is full")]
    DiskFull { path: PathBuf },
    #[error("stopped before the end; nothing was saved")]
    Cancelled,
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = CatalogError> = std::result::Result<T, E>;

impl CatalogError {
    /// A validation failure of one field.
    pub fn invalid(field: Field, problem: Problem) -> CatalogError {
        CatalogError::Invalid(vec![FieldError::new(field, problem)])
    }

    pub(crate) fn not_found(kind: RecordKind, id: Id) -> CatalogError {
        CatalogError::NotFound {
            kind,
            reference: id.to_string(),
        }
    }

    /// The field errors, when this is a validation failure.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            CatalogError::Invalid(errors) => errors,
            _ => &[],
        }
    }

    /// Gives a raw SQLite failure its meaning for the file at `path`.
    pub(crate) fn from_sqlite(error: rusqlite::Error, path: &std::path::Path) -> CatalogError {
        use rusqlite::ErrorCode;
        let path = path.to_path_buf();
        match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                CatalogError::Corrupt { path }
            }
            Some(ErrorCode::ReadOnly) => CatalogError::ReadOnly { path },
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                if path.exists() {
                    CatalogError::ReadOnly { path }
                } else {
                    CatalogError::DataDirUnavailable {
                        path,
                        source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
                    }
                }
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                CatalogError::Busy { path }
            }
            Some(ErrorCode::DiskFull) => CatalogError::DiskFull { path },
            _ => CatalogError::Sqlite(error),
        }
    }
}

impl Localize for CatalogError {
    fn code(&self) -> &'static str {
        match self {
            CatalogError::Invalid(_) => "catalog.invalid",
            CatalogError::NotFound { .. } => "catalog.not-found",
            CatalogError::Ambiguous { .. } => "catalog.ambiguous",
            CatalogError::DataDirUnavailable { .. } => "catalog.data-dir-unavailable",
            CatalogError::ReadOnly { .. } => "catalog.read-only",
            CatalogError::NewerVersion { .. } => "catalog.newer-version",
            CatalogError::NotACatalog { .. } => "catalog.not-a-catalog",
            CatalogError::Corrupt { .. } => "catalog.corrupt",
            CatalogError::Busy { .. } => "catalog.busy",
            CatalogError::DiskFull { .. } => "catalog.disk-full",
            CatalogError::Cancelled => "catalog.cancelled",
            CatalogError::Sqlite(_) => "catalog.database",
        }
    }

    fn localize(&self, i18n: &I18n) -> String {
        let path_arg = |path: &PathBuf| path.display().to_string();
        match self {
            CatalogError::Invalid(errors) => errors
                .iter()
                .map(|e| e.localize(i18n))
                .collect::<Vec<_>>()
                .join("\n"),
            CatalogError::NotFound { kind, reference } => i18n.tr_args(
                "errors-not-found",
                args!["kind" => i18n.tr(kind.message_id()), "reference" => reference],
            ),
            CatalogError::Ambiguous { kind, reference } => i18n.tr_args(
                "errors-ambiguous",
                args!["kind" => i18n.tr(kind.message_id()), "reference" => reference],
            ),
            CatalogError::DataDirUnavailable { path, .. } => i18n.tr_args(
                "errors-data-dir-unavailable",
                args!["path" => path_arg(path)],
            ),
            CatalogError::ReadOnly { path } => {
                i18n.tr_args("errors-read-only", args!["path" => path_arg(path)])
            }
            CatalogError::NewerVersion { path, .. } => {
                i18n.tr_args("errors-newer-version", args!["path" => path_arg(path)])
            }
            CatalogError::NotACatalog { path } => {
                i18n.tr_args("errors-not-a-catalog", args!["path" => path_arg(path)])
            }
            CatalogError::Corrupt { path } => {
                i18n.tr_args("errors-corrupt", args!["path" => path_arg(path)])
            }
            CatalogError::Busy { path } => {
                i18n.tr_args("errors-busy", args!["path" => path_arg(path)])
            }
            CatalogError::DiskFull { path } => {
                i18n.tr_args("errors-disk-full", args!["path" => path_arg(path)])
            }
            CatalogError::Cancelled => i18n.tr("errors-cancelled"),
            CatalogError::Sqlite(error) => {
                i18n.tr_args("errors-database", args!["detail" => error.to_string()])
            }
        }
    }
}
