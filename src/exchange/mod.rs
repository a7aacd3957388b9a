//! Offline exchange: files that carry work between laptops without a network.
//!
//! - [`export`] and [`import`]: `.chophien` bundles (chosen cooperatives and products
//!   with their photos, certificates, listings and scripts) and their merge by id, with
//!   [`merge`] deciding per record; [`archive`] reads zip files defensively and writes
//!   them streamed, [`manifest`] is their versioned table of contents.
//! - [`bulk`]: the spreadsheets Seller Centers take for mass upload, with their photos.
//! - [`backup`]: a consistent copy of the whole catalog and photo store, and its restore.
//!
//! Every file is written atomically (`crate::files`) and read as hostile: nothing in a
//! bundle is trusted before its name, size and SHA-256 have been checked.

pub mod archive;
pub mod backup;
pub mod bulk;
pub mod conflicts;
pub mod export;
pub mod import;
pub mod manifest;
pub mod merge;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::args;
use crate::catalog::CatalogError;
pub use crate::catalog::exchange::{Conflict, Kind, Resolution};
use crate::i18n::{I18n, Localize};

/// How a long exchange reports progress and learns that the user pressed stop.
#[derive(Default, Clone, Copy)]
pub struct Control<'a> {
    pub cancel: Option<&'a AtomicBool>,
    /// Called with (steps done, steps in all).
    pub progress: Option<&'a (dyn Fn(u64, u64) + Sync)>,
}

impl Control<'_> {
    fn check(&self) -> Result<(), ExchangeError> {
        if self.cancel.is_some_and(|flag| flag.load(Ordering::Relaxed)) {
            Err(ExchangeError::Cancelled)
        } else {
            Ok(())
        }
    }

    fn report(&self, done: u64, total: u64) {
        if let Some(progress) = self.progress {
            progress(done, total);
        }
    }
}

/// Why an export, import, backup or restore stopped. Nothing of an import or restore
/// that stops was applied; an export or backup that stops leaves no file.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("cannot read or write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a readable {expected} file")]
    NotAnArchive { path: PathBuf, expected: FileKind },
    #[error("{path}: entry {entry:?} points outside or is not a plain file")]
    UnsafeEntry { path: PathBuf, entry: String },
    #[error("{path}: entry {entry:?} is too large")]
    TooLarge { path: PathBuf, entry: String },
    #[error("{path}: entry {entry:?} does not match its checksum")]
    ChecksumMismatch { path: PathBuf, entry: String },
    #[error("{path}: entry {entry:?} is listed but missing, or present but not listed")]
    MissingEntry { path: PathBuf, entry: String },
    #[error("{path} was made by a newer release (format {found}, this one reads {supported})")]
    NewerFormat {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
    #[error("{path}: record {kind} {id} cannot be imported: {detail}")]
    BadRecord {
        path: PathBuf,
        kind: String,
        id: String,
        detail: String,
    },
    #[error("the stored photo {sha256} is damaged")]
    PhotoDamaged { sha256: String },
    #[error("{platform} has no bulk-upload template")]
    NoBulkTemplate { platform: &'static str },
    #[error("{path} names none of the {platform} mass-upload columns")]
    NotATemplate {
        path: PathBuf,
        platform: &'static str,
    },
    #[error("{path} is password-protected or an old .xls workbook")]
    TemplateNotXlsx { path: PathBuf },
    #[error("{path} is a damaged workbook: {detail}")]
    TemplateDamaged { path: PathBuf, detail: String },
    #[error(transparent)]
    Photo(crate::photos::PhotoError),
    #[error("no open conflict has this id")]
    ConflictNotFound,
    #[error("this catalog's copy changed after the conflict was shown")]
    ConflictLocalChanged,
    #[error("cancelled")]
    Cancelled,
    #[error(transparent)]
    Catalog(#[from] CatalogError),
}

/// Which kind of file an error is about, for its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Bundle,
    Backup,
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileKind::Bundle => "bundle",
            FileKind::Backup => "backup",
        })
    }
}

impl From<rusqlite::Error> for ExchangeError {
    fn from(error: rusqlite::Error) -> Self {
        ExchangeError::Catalog(CatalogError::Sqlite(error))
    }
}

/// An I/O failure whose file the caller names with [`ExchangeError::about`].
impl From<std::io::Error> for ExchangeError {
    fn from(source: std::io::Error) -> Self {
        ExchangeError::Io {
            path: PathBuf::new(),
            source,
        }
    }
}

impl ExchangeError {
    /// Names `path` as the file of an I/O failure that did not name one.
    pub(crate) fn about(self, path: &Path) -> ExchangeError {
        match self {
            ExchangeError::Io {
                path: unnamed,
                source,
            } if unnamed.as_os_str().is_empty() => ExchangeError::Io {
                path: path.to_path_buf(),
                source,
            },
            other => other,
        }
    }

    pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ExchangeError + '_ {
        move |source| ExchangeError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl Localize for ExchangeError {
    fn code(&self) -> &'static str {
        match self {
            ExchangeError::Io { .. } => "exchange.io",
            ExchangeError::NotAnArchive { .. } => "exchange.not-an-archive",
            ExchangeError::UnsafeEntry { .. } => "exchange.unsafe-entry",
            ExchangeError::TooLarge { .. } => "exchange.too-large",
            ExchangeError::ChecksumMismatch { .. } => "exchange.checksum-mismatch",
            ExchangeError::MissingEntry { .. } => "exchange.missing-entry",
            ExchangeError::NewerFormat { .. } => "exchange.newer-format",
            ExchangeError::BadRecord { .. } => "exchange.bad-record",
            ExchangeError::PhotoDamaged { .. } => "exchange.photo-damaged",
            ExchangeError::NoBulkTemplate { .. } => "exchange.no-bulk-template",
            ExchangeError::NotATemplate { .. } => "exchange.not-a-template",
            ExchangeError::TemplateNotXlsx { .. } => "exchange.template-not-xlsx",
            ExchangeError::TemplateDamaged { .. } => "exchange.template-damaged",
            ExchangeError::Photo(error) => error.code(),
            ExchangeError::ConflictNotFound => "exchange.conflict-not-found",
            ExchangeError::ConflictLocalChanged => "exchange.conflict-local-changed",
            ExchangeError::Cancelled => "exchange.cancelled",
            ExchangeError::Catalog(error) => error.code(),
        }
    }

    fn localize(&self, i18n: &I18n) -> String {
        match self {
            ExchangeError::Io { path, source } => i18n.tr_args(
                "exchange-io",
                args!["file" => path.display().to_string(), "detail" => source.to_string()],
            ),
            ExchangeError::NotAnArchive { path, expected } => i18n.tr_args(
                match expected {
                    FileKind::Bundle => "exchange-not-a-bundle",
                    FileKind::Backup => "exchange-not-a-backup",
                },
                args!["file" => file_name(path)],
            ),
            ExchangeError::UnsafeEntry { path, entry } => i18n.tr_args(
                "exchange-unsafe-entry",
                args!["file" => file_name(path), "entry" => entry],
            ),
            ExchangeError::TooLarge { path, entry } => i18n.tr_args(
                "exchange-too-large",
                args!["file" => file_name(path), "entry" => entry],
            ),
            ExchangeError::ChecksumMismatch { path, entry } => i18n.tr_args(
                "exchange-checksum-mismatch",
                args!["file" => file_name(path), "entry" => entry],
            ),
            ExchangeError::MissingEntry { path, entry } => i18n.tr_args(
                "exchange-missing-entry",
                args!["file" => file_name(path), "entry" => entry],
            ),
            ExchangeError::NewerFormat {
                path,
                found,
                supported,
            } => i18n.tr_args(
                "exchange-newer-format",
                args!["file" => file_name(path), "found" => *found, "supported" => *supported],
            ),
            ExchangeError::BadRecord {
                path,
                kind,
                id,
                detail,
            } => i18n.tr_args(
                "exchange-bad-record",
                args!["file" => file_name(path), "kind" => kind, "id" => id, "detail" => detail],
            ),
            ExchangeError::PhotoDamaged { sha256 } => {
                i18n.tr_args("exchange-photo-damaged", args!["photo" => sha256])
            }
            ExchangeError::NoBulkTemplate { platform } => {
                i18n.tr_args("exchange-no-bulk-template", args!["platform" => *platform])
            }
            ExchangeError::NotATemplate { path, platform } => i18n.tr_args(
                "exchange-not-a-template",
                args!["file" => file_name(path), "platform" => *platform],
            ),
            ExchangeError::TemplateNotXlsx { path } => i18n.tr_args(
                "exchange-template-not-xlsx",
                args!["file" => file_name(path)],
            ),
            ExchangeError::TemplateDamaged { path, detail } => i18n.tr_args(
                "exchange-template-damaged",
                args!["file" => file_name(path), "detail" => detail],
            ),
            ExchangeError::Photo(error) => error.localize(i18n),
            ExchangeError::ConflictNotFound => i18n.tr("exchange-conflict-not-found"),
            ExchangeError::ConflictLocalChanged => i18n.tr("exchange-conflict-local-changed"),
            ExchangeError::Cancelled => i18n.tr("exchange-cancelled"),
            ExchangeError::Catalog(error) => error.localize(i18n),
        }
    }
}
