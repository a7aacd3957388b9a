//! Importing a cooperative's existing product list (a spreadsheet saved as CSV).
//!
//! The whole import is one transaction: a file that turns out to be unreadable half-way
//! (wrong encoding) imports nothing. Within it each row is all-or-nothing on its own: a
//! row with a bad price is reported with its line number and the others still import.
//! Importing the same file again updates what it created instead of duplicating it:
//! products are matched by cooperative and name, variants by SKU code.

pub mod columns;
mod csv_file;
mod row;

use std::path::PathBuf;

use serde::Serialize;

pub use csv_file::{ImportOptions, import_csv};
pub use row::RowProblem;

use crate::args;
use crate::catalog::CatalogError;
use crate::i18n::{I18n, Localize};
use columns::Column;

/// How many row errors a report keeps in full; beyond it they are only counted, so a
/// huge broken file cannot exhaust memory.
pub const MAX_REPORTED_ERRORS: usize = 1000;

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ImportReport {
    pub dry_run: bool,
    /// Data rows read (the header not counted).
    pub rows: u64,
    pub products_created: u64,
    pub products_updated: u64,
    pub variants_created: u64,
    pub variants_updated: u64,
    pub certificates_created: u64,
    /// Names of cooperatives that did not exist and were created.
    pub cooperatives_created: Vec<String>,
    /// Rows that were not imported, with why (the first [`MAX_REPORTED_ERRORS`]).
    pub errors: Vec<RowError>,
    /// All rows that were not imported, including those beyond the list above.
    pub failed_rows: u64,
}

/// One row that was not imported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowError {
    /// Line number in the file, counting the header as line 1.
    pub line: u64,
    pub problems: Vec<RowProblem>,
}

impl RowError {
    pub fn localize(&self, i18n: &I18n) -> String {
        let problems: Vec<String> = self.problems.iter().map(|p| p.localize(i18n)).collect();
        i18n.tr_args(
            "import-row-error",
            args!["line" => self.line, "problems" => problems.join(" ")],
        )
    }
}

/// Why a whole import was refused; nothing of it was saved.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is UTF-16")]
    Utf16 { path: PathBuf },
    #[error("{path} is not UTF-8 (line {line})")]
    NotUtf8 { path: PathBuf, line: u64 },
    #[error("{path} has no header row")]
    Empty { path: PathBuf },
    #[error("{path} lacks columns {missing:?}")]
    MissingColumns { path: PathBuf, missing: Vec<Column> },
    #[error("{path} line {line}: {message}")]
    Malformed {
        path: PathBuf,
        line: u64,
        message: String,
    },
    #[error(transparent)]
    Catalog(#[from] CatalogError),
}

impl Localize for ImportError {
    fn code(&self) -> &'static str {
        match self {
            ImportError::Unreadable { .. } => "import.unreadable",
            ImportError::Utf16 { .. } => "import.utf16",
            ImportError::NotUtf8 { .. } => "import.not-utf8",
            ImportError::Empty { .. } => "import.empty",
            ImportError::MissingColumns { .. } => "import.missing-columns",
            ImportError::Malformed { .. } => "import.malformed",
            ImportError::Catalog(error) => error.code(),
        }
    }

    fn localize(&self, i18n: &I18n) -> String {
        let file = |path: &PathBuf| {
            path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        };
        match self {
            ImportError::Unreadable { path, source } => i18n.tr_args(
                "import-unreadable",
                args!["file" => file(path), "detail" => source.to_string()],
            ),
            ImportError::Utf16 { path } => {
                i18n.tr_args("import-utf16", args!["file" => file(path)])
            }
            ImportError::NotUtf8 { path, line } => i18n.tr_args(
                "import-not-utf8",
                args!["file" => file(path), "line" => *line],
            ),
            ImportError::Empty { path } => {
                i18n.tr_args("import-empty", args!["file" => file(path)])
            }
            ImportError::MissingColumns { path, missing } => {
                let names: Vec<String> = missing.iter().map(|c| i18n.tr(c.message_id())).collect();
                i18n.tr_args(
                    "import-missing-columns",
                    args!["file" => file(path), "columns" => names.join(", ")],
                )
            }
            ImportError::Malformed {
                path,
                line,
                message,
            } => i18n.tr_args(
                "import-malformed",
                args!["file" => file(path), "line" => *line, "detail" => message],
            ),
            ImportError::Catalog(error) => error.localize(i18n),
        }
    }
}
