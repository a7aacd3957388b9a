//! The import itself, whatever the file: the header row mapped to fields, then every row
//! parsed and applied in one transaction with a savepoint per row.

use std::path::Path;

use super::columns::{Column, ColumnMap};
use super::row::{self, RowFailure};
use super::{ImportError, ImportOptions, ImportReport, MAX_REPORTED_ERRORS, RowError};
use crate::catalog::{Catalog, CatalogError, RecordKind};

/// Where rows come from: a CSV file or a worksheet.
pub(super) trait RowSource {
    /// Reads the next row into `record` and returns its line in the file (the header is
    /// line 1), or `None` at the end.
    fn next_row(&mut self, record: &mut csv::StringRecord) -> Result<Option<u64>, ImportError>;
    /// How far the reading is, and out of how much, for the progress bar.
    fn progress(&self) -> (u64, u64);
}

/// Maps the header row to fields (or takes the person's own `mapping`, one field or none
/// per column), checks that the fields an import needs are there, and imports the rows.
pub(super) fn import_with(
    catalog: &Catalog,
    path: &Path,
    header: &csv::StringRecord,
    mapping: Option<&[Option<Column>]>,
    rows: &mut dyn RowSource,
    options: ImportOptions,
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<ImportReport, ImportError> {
    let map = column_map(path, header, mapping, &options)?;
    import_rows(catalog, options, &map, rows, progress)
}

/// Maps the header row to fields and checks that the fields an import needs are there.
fn column_map(
    path: &Path,
    header: &csv::StringRecord,
    mapping: Option<&[Option<Column>]>,
    options: &ImportOptions,
) -> Result<ColumnMap, ImportError> {
    if header.iter().all(|h| h.trim().is_empty()) {
        return Err(ImportError::Empty {
            path: path.to_path_buf(),
        });
    }
    let map = match mapping {
        Some(mapping) => ColumnMap::from_choices(mapping),
        None => ColumnMap::from_headers(header.iter()),
    };
    let mut missing: Vec<Column> = [Column::Name, Column::Subgroup]
        .into_iter()
        .filter(|c| !map.has(*c))
        .collect();
    if options.cooperative_id.is_none() && !map.has(Column::Cooperative) {
        missing.push(Column::Cooperative);
    }
    if missing.is_empty() {
        Ok(map)
    } else {
        Err(ImportError::MissingColumns {
            path: path.to_path_buf(),
            missing,
        })
    }
}

/// Imports every row `source` gives in one transaction. `progress` is told how far the
/// reading is; returning `false` stops the import and saves nothing.
fn import_rows(
    catalog: &Catalog,
    options: ImportOptions,
    map: &ColumnMap,
    source: &mut dyn RowSource,
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<ImportReport, ImportError> {
    // A fatal problem found inside the transaction is kept here while the transaction
    // is unwound with `Cancelled`, so that nothing of the file is saved.
    let mut fatal: Option<ImportError> = None;
    let run = |batch: &mut crate::catalog::Batch<'_>| -> Result<ImportReport, CatalogError> {
        if let Some(id) = options.cooperative_id
            && !batch.contains(RecordKind::Cooperative, id)?
        {
            return Err(CatalogError::NotFound {
                kind: RecordKind::Cooperative,
                reference: id.to_string(),
            });
        }
        let mut report = ImportReport {
            dry_run: options.dry_run,
            ..ImportReport::default()
        };
        let mut record = csv::StringRecord::new();
        loop {
            let line = match source.next_row(&mut record) {
                Ok(Some(line)) => line,
                Ok(None) => break,
                Err(error) => {
                    fatal = Some(error);
                    return Err(CatalogError::Cancelled);
                }
            };
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            report.rows += 1;
            let (parsed, problems) = row::parse(&record, map);
            let result = if problems.is_empty() {
                let mut failure = None;
                let applied = batch.row(|batch| {
                    row::apply(batch, &parsed, options.cooperative_id).map_err(|f| {
                        failure = Some(f);
                        CatalogError::Cancelled
                    })
                });
                match (applied, failure) {
                    (Ok(outcome), _) => Ok(outcome),
                    (Err(_), Some(failure)) => Err(failure),
                    (Err(error), None) => Err(RowFailure::Fatal(error)),
                }
            } else {
                Err(RowFailure::Problems(problems))
            };
            match result {
                Ok(outcome) => {
                    report.products_created += u64::from(outcome.product_created);
                    report.products_updated += u64::from(!outcome.product_created);
                    report.variants_created += u64::from(outcome.variant_created);
                    report.variants_updated += u64::from(outcome.variant_updated);
                    report.certificates_created += u64::from(outcome.certificate_created);
                    report
                        .cooperatives_created
                        .extend(outcome.cooperative_created);
                }
                Err(RowFailure::Problems(problems)) => {
                    report.failed_rows += 1;
                    if report.errors.len() < MAX_REPORTED_ERRORS {
                        report.errors.push(RowError { line, problems });
                    }
                }
                Err(RowFailure::Fatal(error)) => return Err(error),
            }
            if report.rows % 256 == 0 {
                let (done, total) = source.progress();
                if !progress(done, total) {
                    return Err(CatalogError::Cancelled);
                }
            }
        }
        let (_, total) = source.progress();
        progress(total, total);
        Ok(report)
    };
    let outcome = if options.dry_run {
        catalog.dry_run(run)
    } else {
        catalog.batch(run)
    };
    match (outcome, fatal) {
        (_, Some(fatal)) => Err(fatal),
        (Ok(report), None) => Ok(report),
        (Err(error), None) => Err(ImportError::Catalog(error)),
    }
}
