//! Reading a product list kept in Excel: the first worksheet, cell by cell (never the
//! whole sheet in memory), as text rows for the same engine as CSV.
//!
//! - Formulas are never evaluated: the value Excel saved with a formula is read like any
//!   other value.
//! - A merged cell holds its value in its first cell only; the others read empty, so a
//!   row that lost its name to a merge is reported with its line.
//! - Title rows above the header ("DANH SÁCH SẢN PHẨM" merged over the columns) are
//!   skipped: the header is the first of the first rows that names the product column.
//! - A password-protected workbook, a file or sheet over the caps and a zip bomb are
//!   refused before any row is read.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx, XlsxError};
use time::{Date, Duration, Month};

use super::ImportError;
use super::columns::{Column, ColumnMap};
use super::run::RowSource;

/// The largest workbook file read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Rows read at most (Excel allows 1,048,576; a product list never comes near).
pub const MAX_ROWS: u32 = 200_000;
/// Cells beyond this column are ignored: no product list has that many columns.
const MAX_COLUMNS: u32 = 256;
/// The xlsx container: its parts unpacked, and how far one part may shrink when packed
/// (sheet XML packs about 10:1; far more is a bomb).
const MAX_UNPACKED_BYTES: u64 = 2 * 1024 * 1024 * 1024;
const MAX_RATIO: u64 = 200;
/// How many rows may come before the header.
const MAX_TITLE_ROWS: usize = 10;

/// Whether a file's first bytes are a workbook's: a zip (xlsx) or an OLE container
/// (a password-protected xlsx, or an old .xls).
pub(super) fn is_spreadsheet(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Opens the workbook at `path` and runs `f` with the header row of its first worksheet
/// and the rows below it.
pub(super) fn with_rows<T>(
    path: &Path,
    f: impl FnOnce(&csv::StringRecord, &mut dyn RowSource) -> Result<T, ImportError>,
) -> Result<T, ImportError> {
    check_container(path)?;
    let file = File::open(path).map_err(|source| ImportError::Unreadable {
        path: path.to_path_buf(),
        source,
    })?;
    let mut workbook: Xlsx<_> =
        Xlsx::new(BufReader::new(file)).map_err(|e| workbook_error(path, e))?;
    let sheet = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| ImportError::Empty {
            path: path.to_path_buf(),
        })?;
    let mut cells = workbook
        .worksheet_cells_reader(&sheet)
        .map_err(|e| workbook_error(path, e))?;
    let rows_in_sheet = u64::from(cells.dimensions().end.0) + 1;
    // calamine does not export its cell reader's type: a closure carries it.
    let read_cell = move || {
        cells.next_cell().map(|cell| {
            cell.map(|cell| {
                let (row, column) = cell.get_position();
                (row, column, text(cell.get_value()))
            })
        })
    };
    let mut rows = SheetRows {
        read_cell,
        path,
        pending: None,
        finished: false,
        rows_read: 0,
        rows_in_sheet,
    };
    let mut header = csv::StringRecord::new();
    let mut candidate = csv::StringRecord::new();
    for _ in 0..MAX_TITLE_ROWS {
        if rows.next_row(&mut candidate)?.is_none() {
            break;
        }
        if header.is_empty() {
            header = candidate.clone();
        }
        if ColumnMap::from_headers(candidate.iter()).has(Column::Name) {
            header = candidate.clone();
            break;
        }
    }
    f(&header, &mut rows)
}

/// Refuses a file over the size cap, and a zip whose parts would unpack too large or
/// shrank too much to be honest, before calamine reads any of it.
fn check_container(path: &Path) -> Result<(), ImportError> {
    let unreadable = |source| ImportError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let too_large = |what: String| ImportError::TooLarge {
        path: path.to_path_buf(),
        what,
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(format!("{} MB", size / (1024 * 1024))));
    }
    let file = File::open(path).map_err(unreadable)?;
    // Not a zip: an OLE container, which calamine recognises as encrypted or refuses.
    let Ok(mut zip) = zip::ZipArchive::new(BufReader::new(file)) else {
        return Ok(());
    };
    let mut unpacked: u64 = 0;
    for index in 0..zip.len() {
        let Ok(part) = zip.by_index_raw(index) else {
            continue;
        };
        let declared = part.size();
        unpacked = unpacked.saturating_add(declared);
        if declared / part.compressed_size().max(1) > MAX_RATIO || unpacked > MAX_UNPACKED_BYTES {
            return Err(too_large(part.name().to_owned()));
        }
    }
    Ok(())
}

fn workbook_error(path: &Path, error: XlsxError) -> ImportError {
    match error {
        XlsxError::Password => ImportError::Password {
            path: path.to_path_buf(),
        },
        other => ImportError::BadWorkbook {
            path: path.to_path_buf(),
            detail: other.to_string(),
        },
    }
}

/// The worksheet's rows, assembled from its cells in order (`read_cell` gives the next
/// cell's row, column and text).
struct SheetRows<'p, F> {
    read_cell: F,
    path: &'p Path,
    /// The first cell of the next row, read while finishing the previous one.
    pending: Option<(u32, u32, String)>,
    finished: bool,
    rows_read: u64,
    rows_in_sheet: u64,
}

type CellResult = Result<Option<(u32, u32, String)>, XlsxError>;

impl<F: FnMut() -> CellResult> SheetRows<'_, F> {
    fn next_cell(&mut self) -> Result<Option<(u32, u32, String)>, ImportError> {
        if let Some(cell) = self.pending.take() {
            return Ok(Some(cell));
        }
        // The reader must not be asked again once it said the sheet ended: it would read
        // on past `</sheetData>` and fail.
        if self.finished {
            return Ok(None);
        }
        let Some((row, column, value)) =
            (self.read_cell)().map_err(|e| workbook_error(self.path, e))?
        else {
            self.finished = true;
            return Ok(None);
        };
        if row >= MAX_ROWS {
            return Err(ImportError::TooLarge {
                path: self.path.to_path_buf(),
                what: format!("> {MAX_ROWS}"),
            });
        }
        Ok(Some((row, column, value)))
    }
}

impl<F: FnMut() -> CellResult> RowSource for SheetRows<'_, F> {
    fn next_row(&mut self, record: &mut csv::StringRecord) -> Result<Option<u64>, ImportError> {
        record.clear();
        let mut current = None;
        while let Some((row, column, value)) = self.next_cell()? {
            match current {
                None => current = Some(row),
                Some(at) if at != row => {
                    self.pending = Some((row, column, value));
                    break;
                }
                Some(_) => {}
            }
            if column >= MAX_COLUMNS {
                continue;
            }
            while record.len() < column as usize {
                record.push_field("");
            }
            record.push_field(&value);
        }
        Ok(current.map(|row| {
            self.rows_read = u64::from(row) + 1;
            u64::from(row) + 1
        }))
    }

    fn progress(&self) -> (u64, u64) {
        (self.rows_read, self.rows_in_sheet.max(self.rows_read))
    }
}

/// A cell as the text a person would type: whole numbers without ".0", dates as
/// 22/11/2026, errors as Excel shows them (a row with one is then reported).
fn text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", *x as i64),
        DataRef::Float(x) => x.to_string(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(when) if when.is_datetime() => excel_date(when.as_f64())
            .map(|d| format!("{:02}/{:02}/{}", d.day(), u8::from(d.month()), d.year()))
            .unwrap_or_default(),
        DataRef::DateTime(when) => when.as_f64().to_string(),
        DataRef::Error(error) => error.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// The day of an Excel serial date (days since 30/12/1899, in the 1900 date system).
fn excel_date(serial: f64) -> Option<Date> {
    let epoch = Date::from_calendar_date(1899, Month::December, 30).ok()?;
    epoch.checked_add(Duration::days(serial.floor() as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_typed() {
        assert_eq!(text(&DataRef::Float(125000.0)), "125000");
        assert_eq!(text(&DataRef::Float(1.5)), "1.5");
        assert_eq!(text(&DataRef::SharedString("Mật ong")), "Mật ong");
        assert_eq!(
            excel_date(46348.0).map(|d| d.to_string()),
            Some("2026-11-22".into())
        );
    }
}
