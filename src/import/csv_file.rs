//! Reading the CSV file itself: encoding, byte-order mark, separator, header, and
//! streaming the rows through one transaction so memory stays flat on any file size.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::columns::{Column, ColumnMap};
use super::row::{self, RowFailure};
use super::{ImportError, ImportReport, MAX_REPORTED_ERRORS, RowError};
use crate::catalog::{Catalog, CatalogError, Id, RecordKind};

/// How to import.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Put every row in this cooperative (the file then needs no cooperative column).
    pub cooperative_id: Option<Id>,
    /// Only report what would happen; change nothing.
    pub dry_run: bool,
}

/// Imports the product list at `path`. `progress` is told the bytes read so far and the
/// file size; returning `false` stops the import and saves nothing.
pub fn import_csv(
    catalog: &Catalog,
    path: &Path,
    options: ImportOptions,
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<ImportReport, ImportError> {
    let unreadable = |source| ImportError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    let mut input = BufReader::with_capacity(64 * 1024, file);
    let head = input.fill_buf().map_err(unreadable)?;
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) || looks_like_utf16(head)
    {
        return Err(ImportError::Utf16 {
            path: path.to_path_buf(),
        });
    }
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        input.consume(3);
    }
    let delimiter = guess_delimiter(input.fill_buf().map_err(unreadable)?);
    let counted = CountingReader {
        inner: input,
        read: 0,
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(counted);
    let headers = reader.headers().map_err(|e| csv_error(path, e))?.clone();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(ImportError::Empty {
            path: path.to_path_buf(),
        });
    }
    let map = ColumnMap::from_headers(headers.iter());
    let mut missing: Vec<Column> = [Column::Name, Column::Subgroup]
        .into_iter()
        .filter(|c| !map.has(*c))
        .collect();
    if options.cooperative_id.is_none() && !map.has(Column::Cooperative) {
        missing.push(Column::Cooperative);
    }
    if !missing.is_empty() {
        return Err(ImportError::MissingColumns {
            path: path.to_path_buf(),
            missing,
        });
    }

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
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(error) => {
                    fatal = Some(csv_error(path, error));
                    return Err(CatalogError::Cancelled);
                }
            }
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            report.rows += 1;
            let line = record
                .position()
                .map_or(report.rows + 1, csv::Position::line);
            let (parsed, problems) = row::parse(&record, &map);
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
            if report.rows % 256 == 0 && !progress(reader.get_ref().read, size) {
                return Err(CatalogError::Cancelled);
            }
        }
        progress(size, size);
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

fn csv_error(path: &Path, error: csv::Error) -> ImportError {
    let line = error.position().map_or(0, csv::Position::line);
    match error.kind() {
        csv::ErrorKind::Utf8 { pos, .. } => ImportError::NotUtf8 {
            path: path.to_path_buf(),
            line: pos.as_ref().map_or(line, csv::Position::line),
        },
        csv::ErrorKind::Io(io) => ImportError::Unreadable {
            path: path.to_path_buf(),
            source: std::io::Error::new(io.kind(), io.to_string()),
        },
        _ => ImportError::Malformed {
            path: path.to_path_buf(),
            line,
            message: error.to_string(),
        },
    }
}

/// UTF-16 without a byte-order mark still betrays itself: every other byte of ASCII
/// text is zero.
fn looks_like_utf16(head: &[u8]) -> bool {
    let sample = &head[..head.len().min(512)];
    sample.len() >= 4 && sample.iter().filter(|b| **b == 0).count() * 4 >= sample.len()
}

/// Vietnamese Excel saves "CSV" with semicolons (the comma is the decimal separator
/// there); others use commas or tabs. The header line decides: the most frequent of the
/// three outside quotes wins.
fn guess_delimiter(head: &[u8]) -> u8 {
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or(head);
    let mut counts = [(b';', 0), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in first_line {
        if *byte == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(slot) = counts.iter_mut().find(|(d, _)| d == byte) {
            slot.1 += 1;
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}

/// Counts the bytes the CSV parser has pulled, for the progress bar.
struct CountingReader<R> {
    inner: R,
    read: u64,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_from_header() {
        assert_eq!(guess_delimiter(b"Ten san pham;Gia;Nhom\n"), b';');
        assert_eq!(guess_delimiter(b"name,price,subgroup\n"), b',');
        assert_eq!(guess_delimiter(b"\"a;b\",c,d\n"), b',');
        assert_eq!(guess_delimiter(b"name\tprice\n"), b'\t');
    }

    #[test]
    fn utf16_is_recognised_without_bom() {
        let utf16: Vec<u8> = "Tên,Giá"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(looks_like_utf16(&utf16));
        assert!(!looks_like_utf16("Tên,Giá".as_bytes()));
    }
}
