//! Reading the CSV file itself: encoding, byte-order mark, separator, header, and
//! streaming the rows through one transaction so memory stays flat on any file size.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::run::{self, RowSource};
use super::{ImportError, ImportOptions, ImportReport};
use crate::catalog::Catalog;

/// Imports the product list at `path`. `progress` is told the bytes read so far and the
/// file size; returning `false` stops the import and saves nothing.
pub fn import_csv(
    catalog: &Catalog,
    path: &Path,
    options: ImportOptions,
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<ImportReport, ImportError> {
    with_rows(path, |header, rows| {
        run::import_with(catalog, path, header, None, rows, options, progress)
    })
}

/// Opens the CSV file at `path` (checking its encoding, skipping a byte-order mark and
/// guessing the separator) and runs `f` with its header row and the rows below it.
pub(super) fn with_rows<T>(
    path: &Path,
    f: impl FnOnce(&csv::StringRecord, &mut dyn RowSource) -> Result<T, ImportError>,
) -> Result<T, ImportError> {
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
    let mut rows = CsvRows {
        reader,
        path,
        size,
        rows: 0,
    };
    f(&headers, &mut rows)
}

/// The rows of a CSV file, with the bytes read so far for the progress bar.
struct CsvRows<'p> {
    reader: csv::Reader<CountingReader<BufReader<File>>>,
    path: &'p Path,
    size: u64,
    rows: u64,
}

impl RowSource for CsvRows<'_> {
    fn next_row(&mut self, record: &mut csv::StringRecord) -> Result<Option<u64>, ImportError> {
        match self.reader.read_record(record) {
            Ok(false) => Ok(None),
            Ok(true) => {
                self.rows += 1;
                Ok(Some(
                    record.position().map_or(self.rows + 1, csv::Position::line),
                ))
            }
            Err(error) => Err(csv_error(self.path, error)),
        }
    }

    fn progress(&self) -> (u64, u64) {
        (self.reader.get_ref().read, self.size)
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
