//! Importing a cooperative's existing product list: an Excel workbook (`.xlsx`, its first
//! worksheet) or a spreadsheet saved as CSV, through the same row engine (`run.rs`).
//!
//! The whole import is one transaction: a file that turns out to be unreadable half-way
//! (wrong encoding) imports nothing. Within it each row is all-or-nothing on its own: a
//! row with a bad price is reported with its line number and the others still import.
//! Importing the same file again updates what it created instead of duplicating it:
//! products are matched by cooperative and name, variants by SKU code.

pub mod columns;
mod csv_file;
mod row;
mod run;
mod xlsx_file;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use csv_file::import_csv;
pub use row::RowProblem;

use crate::args;
use crate::catalog::{Catalog, CatalogError, Id};
use crate::i18n::{I18n, Localize};
use columns::{Column, ColumnMap};

/// How many row errors a report keeps in full; beyond it they are only counted, so a
/// huge broken file cannot exhaust memory.
pub const MAX_REPORTED_ERRORS: usize = 1000;

/// How to import.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Put every row in this cooperative (the file then needs no cooperative column).
    pub cooperative_id: Option<Id>,
    /// Only report what would happen; change nothing.
    pub dry_run: bool,
}

/// Imports a product list saved as Excel (`.xlsx`) or CSV, headers read as they are.
pub fn import_file(
    catalog: &Catalog,
    path: &Path,
    options: ImportOptions,
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<ImportReport, ImportError> {
    with_any_rows(path, |header, rows| {
        run::import_with(catalog, path, header, None, rows, options, progress)
    })
}

/// Imports a product list (Excel or CSV) with the person's own column `mapping`: column
/// `i` holds `mapping[i]`, or nothing.
pub fn import_mapped(
    catalog: &Catalog,
    path: &Path,
    options: ImportOptions,
    mapping: &[Option<Column>],
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<ImportReport, ImportError> {
    with_any_rows(path, |header, rows| {
        run::import_with(
            catalog,
            path,
            header,
            Some(mapping),
            rows,
            options,
            progress,
        )
    })
}

/// The first rows of a product list, for choosing which column holds which field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Preview {
    pub headers: Vec<String>,
    /// The field each header names, as an import without a mapping would read it.
    pub suggested: Vec<Option<Column>>,
    pub rows: Vec<Vec<String>>,
}

/// Reads the header and up to `rows` rows of a product list (Excel or CSV).
pub fn preview(path: &Path, rows: usize) -> Result<Preview, ImportError> {
    with_any_rows(path, |header, source| {
        let mut preview = Preview {
            headers: header.iter().map(str::to_owned).collect(),
            suggested: ColumnMap::suggest(header.iter()),
            rows: Vec::new(),
        };
        let mut record = csv::StringRecord::new();
        while preview.rows.len() < rows && source.next_row(&mut record)?.is_some() {
            if record.iter().any(|cell| !cell.trim().is_empty()) {
                preview
                    .rows
                    .push(record.iter().map(str::to_owned).collect());
            }
        }
        Ok(preview)
    })
}

/// Runs `f` with the header and rows of the file, read as a workbook or as CSV by its
/// first bytes (an xlsx file is a zip, which no CSV starts like).
fn with_any_rows<T>(
    path: &Path,
    f: impl FnOnce(&csv::StringRecord, &mut dyn run::RowSource) -> Result<T, ImportError>,
) -> Result<T, ImportError> {
    let mut head = [0u8; 4];
    let read = std::fs::File::open(path)
        .and_then(|mut file| std::io::Read::read(&mut file, &mut head))
        .map_err(|source| ImportError::Unreadable {
            path: path.to_path_buf(),
            source,
        })?;
    if xlsx_file::is_spreadsheet(&head[..read]) {
        xlsx_file::with_rows(path, f)
    } else {
        csv_file::with_rows(path, f)
    }
}

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

impl ImportReport {
    /// What the import did (or would do), then the cooperatives it created, then each
    /// row that failed with why, in the user's words.
    pub fn describe(&self, i18n: &I18n) -> Vec<String> {
        let summary_id = if self.dry_run {
            "import-summary-dry-run"
        } else {
            "import-summary"
        };
        let mut lines = vec![i18n.tr_args(
            summary_id,
            args![
                "rows" => self.rows,
                "created" => self.products_created,
                "updated" => self.products_updated,
                "failed" => self.failed_rows,
            ],
        )];
        if !self.cooperatives_created.is_empty() {
            let names = self.cooperatives_created.join(", ");
            lines.push(i18n.tr_args("import-cooperatives-created", args!["names" => names]));
        }
        lines.extend(self.errors.iter().map(|error| error.localize(i18n)));
        let unlisted = self.failed_rows.saturating_sub(self.errors.len() as u64);
        if unlisted > 0 {
            lines.push(i18n.tr_args("import-more-errors", args!["count" => unlisted]));
        }
        lines
    }
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
    #[error("{path} is protected by a password")]
    Password { path: PathBuf },
    #[error("{path} is not a workbook this app reads: {detail}")]
    BadWorkbook { path: PathBuf, detail: String },
    #[error("{path} is too large ({what})")]
    TooLarge { path: PathBuf, what: String },
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
            ImportError::Password { .. } => "import.password",
            ImportError::BadWorkbook { .. } => "import.bad-workbook",
            ImportError::TooLarge { .. } => "import.too-large",
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
            ImportError::Password { path } => {
                i18n.tr_args("import-password", args!["file" => file(path)])
            }
            ImportError::BadWorkbook { path, detail } => i18n.tr_args(
                "import-bad-workbook",
                args!["file" => file(path), "detail" => detail],
            ),
            ImportError::TooLarge { path, what } => i18n.tr_args(
                "import-too-large",
                args!["file" => file(path), "what" => what],
            ),
            ImportError::Catalog(error) => error.localize(i18n),
        }
    }
}
