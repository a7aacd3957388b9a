//! Filling a mass-upload template the seller downloaded from Seller Center. Templates are
//! per market and often per category, and carry hidden code rows, a signature row, sheet
//! names, drop-down lists and hidden lookup sheets that Seller Center checks on upload:
//! so the file is not rebuilt. Every part of it is copied byte for byte, except two:
//! the data sheet gains the rows after the last row it already has, and the styles gain
//! one text style with Excel's quote prefix for values that look like formulas.
//!
//! The data sheet is the one whose first rows name the most of the platform's columns
//! (Shopee's machine codes `ps_product_name|1|0`, TikTok Shop's and Lazada's headers, or
//! the Vietnamese headers); each value goes under its column wherever the template puts
//! it, and template columns the app does not fill stay empty.

use std::collections::HashMap;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use calamine::{DataType, Reader, SheetVisible, Xlsx};
use quick_xml::events::{BytesStart, Event};
use serde::Serialize;
use zip::ZipArchive;
use zip::write::SimpleFileOptions;

use super::columns::{Cell, Column, needs_neutralising};
use crate::exchange::ExchangeError;
use crate::files;
use crate::i18n::I18n;

/// Templates are a few hundred kilobytes; anything far larger is not one.
const MAX_TEMPLATE_BYTES: u64 = 32 * 1024 * 1024;
/// The most a single part may unpack to, and how much smaller than that it may be packed.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
const MAX_RATIO: u64 = 200;
const MAX_PARTS: usize = 10_000;
/// How far down a sheet the column names are looked for.
const HEADER_ROWS: u32 = 12;
/// Fewer matching columns than this and the sheet is not the platform's template.
const MIN_MATCHES: usize = 3;

/// What filling a template did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TemplateFill {
    pub file: PathBuf,
    /// The sheet that took the rows.
    pub sheet: String,
    /// 1-based number of the first row written.
    pub first_row: u32,
    /// Headers (in the user's language) of the app's columns the template does not have:
    /// those values are not in the file.
    pub missing: Vec<String>,
}

/// A template found fillable: its bytes, its data sheet and where the columns are.
pub struct Template {
    path: PathBuf,
    bytes: Vec<u8>,
    sheet: String,
    placement: Placement,
    /// The app's column headers, in the user's language.
    headers: Vec<String>,
}

impl Template {
    /// Reads `path` and finds its data sheet, before anything is written.
    pub fn open(
        path: &Path,
        platform_name: &'static str,
        columns: &[Column],
        i18n: &I18n,
    ) -> Result<Template, ExchangeError> {
        let bytes = read_template(path)?;
        let mut zip = ZipArchive::new(Cursor::new(bytes.as_slice()))
            .map_err(|e| damaged(path, e.to_string()))?;
        check_parts(path, &mut zip)?;
        let headers: Vec<String> = columns.iter().map(|c| i18n.tr(c.header)).collect();
        let (sheet, placement) = find_data_sheet(&bytes, columns, &headers)
            .map_err(|detail| damaged(path, detail))?
            .ok_or(ExchangeError::NotATemplate {
                path: path.to_path_buf(),
                platform: platform_name,
            })?;
        Ok(Template {
            path: path.to_path_buf(),
            bytes,
            sheet,
            placement,
            headers,
        })
    }

    /// Writes `out`: the template with `rows` (one cell per column, in the order the
    /// template was opened with) added to its data sheet.
    pub fn fill(&self, rows: &[Vec<Cell>], out: &Path) -> Result<TemplateFill, ExchangeError> {
        let damaged = |detail: String| damaged(&self.path, detail);
        let mut zip = ZipArchive::new(Cursor::new(self.bytes.as_slice()))
            .map_err(|e| damaged(e.to_string()))?;
        let part = sheet_part(&mut zip, &self.sheet).map_err(damaged)?;
        let sheet_xml = read_part(&mut zip, &part).map_err(damaged)?;
        let styles_part = "xl/styles.xml";
        // A workbook without styles: formula-looking text still goes in as text.
        let (styles_xml, quote_style) = match read_part(&mut zip, styles_part).ok() {
            Some(xml) => {
                let (xml, index) = add_quote_style(&xml).map_err(damaged)?;
                (Some(xml), Some(index))
            }
            None => (None, None),
        };
        let (sheet_xml, first_row) =
            append_rows(&sheet_xml, &self.placement, rows, quote_style).map_err(damaged)?;

        let mut written = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let deflated =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for index in 0..zip.len() {
            let entry = zip
                .by_index_raw(index)
                .map_err(|e| damaged(e.to_string()))?;
            let name = entry.name().to_owned();
            let replacement = if name == part {
                Some(&sheet_xml)
            } else if name == styles_part {
                styles_xml.as_ref()
            } else {
                None
            };
            let result = match replacement {
                Some(xml) => written
                    .start_file(name.as_str(), deflated)
                    .and_then(|()| written.write_all(xml).map_err(Into::into)),
                None => written.raw_copy_file(entry),
            };
            result.map_err(|e| damaged(e.to_string()))?;
        }
        let file = written
            .finish()
            .map_err(|e| damaged(e.to_string()))?
            .into_inner();
        files::write_atomic(out, &file).map_err(ExchangeError::io(out))?;
        let missing = self
            .headers
            .iter()
            .enumerate()
            .filter(|(index, _)| !self.placement.columns.contains_key(index))
            .map(|(_, header)| header.clone())
            .collect();
        Ok(TemplateFill {
            file: out.to_path_buf(),
            sheet: self.sheet.clone(),
            first_row,
            missing,
        })
    }
}

fn damaged(path: &Path, detail: String) -> ExchangeError {
    ExchangeError::TemplateDamaged {
        path: path.to_path_buf(),
        detail,
    }
}

fn read_template(path: &Path) -> Result<Vec<u8>, ExchangeError> {
    let size = std::fs::metadata(path)
        .map_err(ExchangeError::io(path))?
        .len();
    if size > MAX_TEMPLATE_BYTES {
        return Err(ExchangeError::TooLarge {
            path: path.to_path_buf(),
            entry: format!("{} MB", size / (1024 * 1024)),
        });
    }
    let bytes = std::fs::read(path).map_err(ExchangeError::io(path))?;
    // An OLE compound file: an encrypted (password) workbook or an old .xls.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ExchangeError::TemplateNotXlsx {
            path: path.to_path_buf(),
        });
    }
    Ok(bytes)
}

/// Refuses a zip whose parts are too many, or would unpack too large or shrank too much
/// to be honest, before any part is read.
fn check_parts(path: &Path, zip: &mut ZipArchive<Cursor<&[u8]>>) -> Result<(), ExchangeError> {
    if zip.len() > MAX_PARTS {
        return Err(ExchangeError::TooLarge {
            path: path.to_path_buf(),
            entry: format!("{} parts", zip.len()),
        });
    }
    for index in 0..zip.len() {
        let part = zip
            .by_index_raw(index)
            .map_err(|e| damaged(path, e.to_string()))?;
        let declared = part.size();
        if declared > MAX_PART_BYTES || declared / part.compressed_size().max(1) > MAX_RATIO {
            return Err(ExchangeError::TooLarge {
                path: path.to_path_buf(),
                entry: part.name().to_owned(),
            });
        }
    }
    Ok(())
}

/// Where the app's columns are in the data sheet: template column (0-based) by index in
/// the app's column list.
#[derive(Debug, Default)]
struct Placement {
    columns: HashMap<usize, u32>,
}

/// A cell's text as a column name: Shopee's `code|required|type` keeps its code; a
/// required mark and letter case do not count.
fn column_key(text: &str) -> String {
    text.split('|')
        .next()
        .unwrap_or_default()
        .trim()
        .trim_end_matches('*')
        .trim()
        .to_lowercase()
}

/// The visible sheet whose first rows name the most of `columns` (by code or by the
/// header people read), if one names enough of them.
fn find_data_sheet(
    bytes: &[u8],
    columns: &[Column],
    headers: &[String],
) -> Result<Option<(String, Placement)>, String> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let keys: Vec<(String, String)> = columns
        .iter()
        .zip(headers)
        .map(|(c, h)| (column_key(c.code), column_key(h)))
        .collect();
    let sheets: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let mut best: Option<(String, Placement)> = None;
    for sheet in sheets {
        let mut rows: HashMap<u32, Placement> = HashMap::new();
        let mut cells = book
            .worksheet_cells_reader(&sheet)
            .map_err(|e| e.to_string())?;
        while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
            let (row, col) = cell.get_position();
            if row >= HEADER_ROWS {
                break;
            }
            let Some(text) = cell.get_value().as_string() else {
                continue;
            };
            let key = column_key(&text);
            if key.is_empty() {
                continue;
            }
            if let Some(index) = keys
                .iter()
                .position(|(code, header)| *code == key || *header == key)
            {
                rows.entry(row)
                    .or_default()
                    .columns
                    .entry(index)
                    .or_insert(col);
            }
        }
        let Some(found) = rows.into_values().max_by_key(|p| p.columns.len()) else {
            continue;
        };
        let better = best
            .as_ref()
            .is_none_or(|(_, b)| found.columns.len() > b.columns.len());
        if found.columns.len() >= MIN_MATCHES && better {
            best = Some((sheet, found));
        }
    }
    Ok(best)
}

fn read_part(zip: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, String> {
    let mut part = zip.by_name(name).map_err(|e| format!("{name}: {e}"))?;
    let mut bytes = Vec::new();
    part.by_ref()
        .take(MAX_PART_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    Ok(bytes)
}

/// The zip path of the sheet named `sheet`, from the workbook and its relationships.
fn sheet_part(zip: &mut ZipArchive<Cursor<&[u8]>>, sheet: &str) -> Result<String, String> {
    let workbook = read_part(zip, "xl/workbook.xml")?;
    let mut relation = None;
    each_element(&workbook, |element| {
        if element.local_name().as_ref() == b"sheet"
            && attribute(element, b"name").as_deref() == Some(sheet)
        {
            relation = attribute(element, b"id");
        }
    })?;
    let relation = relation.ok_or_else(|| format!("no sheet {sheet}"))?;
    let rels = read_part(zip, "xl/_rels/workbook.xml.rels")?;
    let mut target = None;
    each_element(&rels, |element| {
        if attribute(element, b"Id").as_deref() == Some(relation.as_str()) {
            target = attribute(element, b"Target");
        }
    })?;
    let target = target.ok_or_else(|| format!("no part for {sheet}"))?;
    Ok(match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("xl/{target}"),
    })
}

/// The events of `xml`, each with the byte span it was read from.
fn spanned_events(xml: &[u8]) -> impl Iterator<Item = Result<(Event<'_>, usize, usize), String>> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let position = |reader: &quick_xml::Reader<&[u8]>| {
        usize::try_from(reader.buffer_position()).unwrap_or(xml.len())
    };
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let start = position(&reader);
        match reader.read_event() {
            Ok(Event::Eof) => {
                done = true;
                None
            }
            Ok(event) => Some(Ok((event, start, position(&reader)))),
            Err(e) => {
                done = true;
                Some(Err(e.to_string()))
            }
        }
    })
}

/// Calls `f` with every start or empty element of `xml`.
fn each_element(xml: &[u8], mut f: impl FnMut(&BytesStart<'_>)) -> Result<(), String> {
    for event in spanned_events(xml) {
        if let (Event::Start(element) | Event::Empty(element), _, _) = event? {
            f(&element);
        }
    }
    Ok(())
}

/// An attribute's value by local name (`r:id` is found as `id`).
fn attribute(element: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            let raw = String::from_utf8_lossy(&a.value).into_owned();
            quick_xml::escape::unescape(&raw)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// A replacement of `xml[start..end]`.
struct Splice {
    start: usize,
    end: usize,
    text: String,
}

/// `xml` with `splices` made. Splices that overlap (elements where a worksheet does not
/// put them) or fall outside the text are refused, not guessed at.
fn apply(xml: &[u8], mut splices: Vec<Splice>) -> Result<Vec<u8>, String> {
    splices.sort_by_key(|s| s.start);
    let mut out =
        Vec::with_capacity(xml.len() + splices.iter().map(|s| s.text.len()).sum::<usize>());
    let mut at = 0;
    for splice in splices {
        let kept = xml
            .get(at..splice.start)
            .filter(|_| splice.start <= splice.end && splice.end <= xml.len())
            .ok_or("elements out of their usual order")?;
        out.extend_from_slice(kept);
        out.extend_from_slice(splice.text.as_bytes());
        at = splice.end;
    }
    out.extend_from_slice(&xml[at..]);
    Ok(out)
}

/// Adds a text style with the quote prefix to `cellXfs`; returns the styles and its index.
fn add_quote_style(xml: &[u8]) -> Result<(Vec<u8>, usize), String> {
    let (mut inside, mut count) = (false, 0usize);
    let mut opening: Option<(usize, usize, String)> = None;
    for event in spanned_events(xml) {
        match event? {
            (Event::Start(element), start, end) if element.local_name().as_ref() == b"cellXfs" => {
                inside = true;
                let tag = String::from_utf8_lossy(&xml[start..end]).into_owned();
                opening = Some((start, end, tag));
            }
            (Event::Start(element) | Event::Empty(element), _, _)
                if inside && element.local_name().as_ref() == b"xf" =>
            {
                count += 1;
            }
            (Event::End(element), start, _) if element.local_name().as_ref() == b"cellXfs" => {
                let (open_start, open_end, tag) =
                    opening.take().ok_or("cellXfs closed before it opened")?;
                let prefix = element_prefix(element.name().as_ref());
                let style = format!(
                    r#"<{prefix}xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>"#
                );
                let splices = vec![
                    Splice {
                        start: open_start,
                        end: open_end,
                        text: with_count(&tag, count + 1),
                    },
                    Splice {
                        start,
                        end: start,
                        text: style,
                    },
                ];
                return Ok((apply(xml, splices)?, count));
            }
            _ => {}
        }
    }
    Err("styles without cellXfs".into())
}

/// `x:` for a name written `x:cellXfs`, nothing for `cellXfs`.
fn element_prefix(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    name.split_once(':')
        .map(|(prefix, _)| format!("{prefix}:"))
        .unwrap_or_default()
}

/// The opening tag with its `count` attribute set to `count`.
fn with_count(tag: &str, count: usize) -> String {
    match tag.find("count=\"") {
        Some(at) => {
            let value_start = at + "count=\"".len();
            let value_end = tag[value_start..]
                .find('"')
                .map_or(tag.len(), |i| value_start + i);
            format!("{}{count}{}", &tag[..value_start], &tag[value_end..])
        }
        None => tag.replacen("cellXfs", &format!("cellXfs count=\"{count}\""), 1),
    }
}

/// Adds `rows` after the sheet's last row, and widens its `dimension`. Returns the new
/// sheet and the 1-based number of the first row added.
fn append_rows(
    xml: &[u8],
    placement: &Placement,
    rows: &[Vec<Cell>],
    quote_style: Option<usize>,
) -> Result<(Vec<u8>, u32), String> {
    // The last row holding a value, and where the empty (perhaps only formatted) rows
    // after it begin: those are replaced, so the data starts right under the template's
    // own rows instead of below hundreds of pre-formatted empty ones.
    let (mut last_row, mut last_valued) = (0u32, 0u32);
    let mut row_start = 0usize;
    let mut row_has_value = false;
    let mut empty_tail: Option<usize> = None;
    let mut dimension: Option<(usize, usize, String)> = None;
    let mut prefix = String::new();
    let mut insert: Option<(usize, usize, bool)> = None;
    let mut end_row = |number: u32, start: usize, has_value: bool, tail: &mut Option<usize>| {
        if has_value {
            last_valued = number;
            *tail = None;
        } else if tail.is_none() {
            *tail = Some(start);
        }
    };
    for event in spanned_events(xml) {
        match event? {
            (Event::Start(element), start, _) if element.local_name().as_ref() == b"row" => {
                last_row = row_number(&element, last_row);
                (row_start, row_has_value) = (start, false);
            }
            (Event::Empty(element), start, _) if element.local_name().as_ref() == b"row" => {
                last_row = row_number(&element, last_row);
                end_row(last_row, start, false, &mut empty_tail);
            }
            (Event::Start(element) | Event::Empty(element), _, _)
                if matches!(element.local_name().as_ref(), b"v" | b"is" | b"f") =>
            {
                row_has_value = true;
            }
            (Event::End(element), _, _) if element.local_name().as_ref() == b"row" => {
                end_row(last_row, row_start, row_has_value, &mut empty_tail);
            }
            (Event::Empty(element), start, end)
                if element.local_name().as_ref() == b"dimension" =>
            {
                let tag = String::from_utf8_lossy(&xml[start..end]).into_owned();
                dimension = Some((start, end, tag));
            }
            (Event::Empty(element), start, end)
                if element.local_name().as_ref() == b"sheetData" =>
            {
                prefix = element_prefix(element.name().as_ref());
                insert = Some((start, end, true));
                break;
            }
            (Event::End(element), start, _) if element.local_name().as_ref() == b"sheetData" => {
                prefix = element_prefix(element.name().as_ref());
                insert = Some((empty_tail.unwrap_or(start), start, false));
                break;
            }
            _ => {}
        }
    }
    let (at, until, was_empty) = insert.ok_or("a worksheet without sheetData")?;
    let first_row = last_valued + 1;
    let mut order: Vec<(usize, u32)> = placement.columns.iter().map(|(i, c)| (*i, *c)).collect();
    order.sort_by_key(|(_, column)| *column);
    let mut added = String::new();
    if was_empty {
        added.push_str(&format!("<{prefix}sheetData>"));
    }
    for (offset, row) in rows.iter().enumerate() {
        let number = first_row + u32::try_from(offset).map_err(|e| e.to_string())?;
        added.push_str(&format!(r#"<{prefix}row r="{number}">"#));
        for (index, column) in &order {
            let reference = format!("{}{number}", column_letters(*column));
            match row.get(*index) {
                Some(Cell::Text(text)) => {
                    let style = match quote_style {
                        Some(style) if needs_neutralising(text) => format!(r#" s="{style}""#),
                        _ => String::new(),
                    };
                    added.push_str(&format!(
                        r#"<{prefix}c r="{reference}" t="inlineStr"{style}><{prefix}is><{prefix}t xml:space="preserve">{}</{prefix}t></{prefix}is></{prefix}c>"#,
                        xml_text(text)
                    ));
                }
                Some(Cell::Number(value)) if value.is_finite() => {
                    added.push_str(&format!(
                        r#"<{prefix}c r="{reference}"><{prefix}v>{value}</{prefix}v></{prefix}c>"#
                    ));
                }
                _ => {}
            }
        }
        added.push_str(&format!("</{prefix}row>"));
    }
    if was_empty {
        added.push_str(&format!("</{prefix}sheetData>"));
    }
    let mut splices = vec![Splice {
        start: at,
        end: until,
        text: added,
    }];
    if let Some((start, end, tag)) = dimension {
        let last_column = order.last().map_or(0, |(_, c)| *c);
        let rows_end = last_valued + u32::try_from(rows.len()).map_err(|e| e.to_string())?;
        splices.push(Splice {
            start,
            end,
            text: widened(&tag, rows_end.max(1), last_column),
        });
    }
    Ok((apply(xml, splices)?, first_row))
}

/// A row's number: its `r`, or the one after the row before when it has none.
fn row_number(element: &BytesStart<'_>, previous: u32) -> u32 {
    attribute(element, b"r")
        .and_then(|r| r.parse().ok())
        .unwrap_or(previous + 1)
}

/// A `dimension` tag whose range reaches at least `last_row` and `last_column`.
fn widened(tag: &str, last_row: u32, last_column: u32) -> String {
    let Some(at) = tag.find("ref=\"") else {
        return tag.to_owned();
    };
    let start = at + "ref=\"".len();
    let Some(length) = tag[start..].find('"') else {
        return tag.to_owned();
    };
    let range = &tag[start..start + length];
    let (first, last) = range.split_once(':').unwrap_or((range, range));
    let split = last
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(last.len());
    let old_column = column_number(&last[..split]).unwrap_or(0);
    let old_row: u32 = last[split..].parse().unwrap_or(0);
    let new_last = format!(
        "{}{}",
        column_letters(old_column.max(last_column)),
        old_row.max(last_row)
    );
    format!(
        "{}{first}:{new_last}{}",
        &tag[..start],
        &tag[start + length..]
    )
}

/// `A` for column 0, `Z` for 25, `AA` for 26.
fn column_letters(column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

fn column_number(letters: &str) -> Option<u32> {
    if letters.is_empty() {
        return None;
    }
    letters
        .chars()
        .try_fold(0u32, |n, c| {
            c.is_ascii_uppercase()
                .then(|| n * 26 + (c as u32 - 'A' as u32 + 1))
        })
        .map(|n| n - 1)
}

/// `text` as XML character data in a cell: escaped, characters XML cannot hold left out,
/// and an underscore that would start Excel's `_xHHHH_` escape escaped itself.
fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, c) in text.char_indices() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '_' if looks_like_excel_escape(&text[index..]) => out.push_str("_x005F_"),
            '\t' | '\n' | '\r' => out.push(c),
            c if u32::from(c) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn looks_like_excel_escape(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    bytes.len() >= 7
        && bytes[1] == b'x'
        && bytes[2..6].iter().all(u8::is_ascii_hexdigit)
        && bytes[6] == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        for (number, letters) in [
            (0, "A"),
            (25, "Z"),
            (26, "AA"),
            (51, "AZ"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_letters(number), letters);
            assert_eq!(column_number(letters), Some(number));
        }
    }

    #[test]
    fn the_dimension_grows_to_hold_the_new_rows() {
        assert_eq!(
            widened(r#"<dimension ref="A1:AH5"/>"#, 9, 3),
            r#"<dimension ref="A1:AH9"/>"#
        );
        assert_eq!(
            widened(r#"<dimension ref="A1"/>"#, 4, 2),
            r#"<dimension ref="A1:C4"/>"#
        );
    }

    #[test]
    fn cell_text_is_escaped_and_cannot_become_markup() {
        assert_eq!(
            xml_text("Mật ong <b>&</b>"),
            "Mật ong &lt;b&gt;&amp;&lt;/b&gt;"
        );
        assert_eq!(xml_text("a\u{1}b\u{B}c\td"), "abc\td");
        assert_eq!(xml_text("mã_x0041_"), "mã_x005F_x0041_");
        assert_eq!(xml_text("mã_x41"), "mã_x41");
    }

    #[test]
    fn a_sheet_with_its_parts_out_of_order_is_refused_not_a_panic() {
        let xml =
            br#"<worksheet><sheetData><row r="1"/><dimension ref="A1"/></sheetData></worksheet>"#;
        let placement = Placement {
            columns: HashMap::from([(0, 0)]),
        };
        let rows = vec![vec![Cell::Text("Mật ong".into())]];
        assert!(append_rows(xml, &placement, &rows, None).is_err());
        let fine = br#"<worksheet><dimension ref="A1"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#;
        let (filled, first) = append_rows(fine, &placement, &rows, None).unwrap();
        assert_eq!(first, 2);
        let filled = String::from_utf8(filled).unwrap();
        assert!(filled.contains(r#"<dimension ref="A1:A2"/>"#), "{filled}");
        assert!(filled.contains(r#"<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">Mật ong</t></is></c></row></sheetData>"#), "{filled}");
    }

    #[test]
    fn shopee_codes_and_required_marks_name_the_same_column() {
        assert_eq!(column_key("ps_product_name|1|0"), "ps_product_name");
        assert_eq!(column_key(" Product Name* "), "product name");
    }
}
