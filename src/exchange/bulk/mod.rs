//! Bulk-upload spreadsheets for sellers with no API access: the file each platform's
//! Seller Center takes for mass upload, the photos beside it named as its image cells
//! say, and a sheet that explains in the user's language how to upload them.
//!
//! Only listings that pass their readiness checks go in; the others are listed on their
//! own sheet with the reasons. Text cells that a spreadsheet would read as a formula
//! (`=`, `+`, `-`, `@`, tab, CR first) are written with Excel's quote prefix: the value
//! stays exactly what the seller typed (Seller Center reads the value, so a visible `'`
//! would end up in a product name), but no spreadsheet evaluates it. Values are only
//! ever written as strings or numbers, so the file holds no formula at all (goal G10).

pub mod columns;
pub mod lazada;
pub mod shopee;
pub mod template;
pub mod tiktok;

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use serde::Serialize;
use time::Date;

use super::{Control, ExchangeError};
use crate::args;
use crate::catalog::Catalog;
use crate::catalog::listings::{ListingContext, ReadinessState};
use crate::files;
use crate::i18n::I18n;
use crate::listings::{Effective, check};
use crate::photos::PhotoStore;
use crate::photos::import::rendition;
use crate::photos::spec::Rendition;
use crate::platform::Platform;
use crate::rules::{RuleSet, Severity};
use columns::{BulkRow, Cell, Column, needs_neutralising};
use template::Template;

/// Products read and checked per transaction.
const CHUNK: usize = 200;

/// What a bulk export wrote, and what it left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BulkReport {
    pub file: PathBuf,
    pub photos_dir: PathBuf,
    /// Data rows written (one per variant).
    pub rows: u64,
    /// Names of the products written.
    pub exported: Vec<String>,
    pub skipped: Vec<SkippedListing>,
    /// The seller's own template, filled, when one was given.
    pub template: Option<template::TemplateFill>,
}

/// A listing left out because its checks block it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkippedListing {
    pub product: String,
    pub reasons: Vec<String>,
}

impl BulkReport {
    /// What was written and what was left out, in the user's words: one line, then one
    /// line per listing left out.
    pub fn describe(&self, i18n: &I18n) -> Vec<String> {
        let mut lines = vec![i18n.tr_args(
            "exchange-bulk-exported",
            args![
                "rows" => self.rows,
                "products" => self.exported.len(),
                "file" => self.file.display().to_string(),
                "folder" => self.photos_dir.display().to_string(),
            ],
        )];
        if let Some(filled) = &self.template {
            lines.push(i18n.tr_args(
                "exchange-bulk-template-filled",
                args![
                    "rows" => self.rows,
                    "sheet" => &filled.sheet,
                    "first" => filled.first_row,
                    "file" => filled.file.display().to_string(),
                ],
            ));
            if !filled.missing.is_empty() {
                lines.push(i18n.tr_args(
                    "exchange-bulk-template-missing",
                    args!["columns" => filled.missing.join(", ")],
                ));
            }
        }
        if !self.skipped.is_empty() {
            lines.push(i18n.tr_args(
                "exchange-bulk-skipped",
                args!["count" => self.skipped.len()],
            ));
        }
        lines.extend(self.skipped.iter().map(|skipped| {
            i18n.tr_args(
                "exchange-bulk-skipped-line",
                args!["product" => &skipped.product, "reasons" => skipped.reasons.join(" ")],
            )
        }));
        lines
    }
}

/// The columns of a platform's sheet; Tiki publishes no mass-upload template.
pub fn columns(platform: Platform) -> Option<&'static [Column]> {
    match platform {
        Platform::Shopee => Some(shopee::COLUMNS),
        Platform::TiktokShop => Some(tiktok::COLUMNS),
        Platform::Lazada => Some(lazada::COLUMNS),
        Platform::Tiki => None,
    }
}

/// Writes `<out_dir>/chophien-<platform>.xlsx` and the photos in
/// `<out_dir>/chophien-<platform>-anh/` for every live product whose listing on
/// `platform` is not blocked; with a `template` downloaded from Seller Center, also that
/// template filled with the same rows, as `<out_dir>/<its name>-da-dien.xlsx`.
#[allow(clippy::too_many_arguments)]
pub fn export_bulk(
    catalog: &Catalog,
    rules: &RuleSet,
    platform: Platform,
    template: Option<&Path>,
    out_dir: &Path,
    today: Date,
    i18n: &I18n,
    control: Control<'_>,
) -> Result<BulkReport, ExchangeError> {
    let columns = columns(platform).ok_or(ExchangeError::NoBulkTemplate {
        platform: platform.name(),
    })?;
    // A template that cannot be filled is refused before anything is written.
    let seller_template = template
        .map(|path| {
            let stem = path
                .file_stem()
                .map_or_else(|| "mau".into(), |s| s.to_string_lossy().into_owned());
            Template::open(path, platform.name(), columns, i18n)
                .map(|opened| (opened, out_dir.join(format!("{stem}-da-dien.xlsx"))))
        })
        .transpose()?;
    let store =
        PhotoStore::open(catalog.data_dir()).map_err(ExchangeError::io(catalog.data_dir()))?;
    let file = out_dir.join(format!("chophien-{}.xlsx", platform.code()));
    let photos_dir = out_dir.join(format!("chophien-{}-anh", platform.code()));
    std::fs::create_dir_all(&photos_dir).map_err(ExchangeError::io(&photos_dir))?;
    files::sweep_temporaries(out_dir).map_err(ExchangeError::io(out_dir))?;
    let ids = live_products(catalog)?;
    let mut report = BulkReport {
        file: file.clone(),
        photos_dir: photos_dir.clone(),
        rows: 0,
        exported: Vec::new(),
        skipped: Vec::new(),
        template: None,
    };
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let total = ids.len() as u64;
    for (chunk_index, chunk) in ids.chunks(CHUNK).enumerate() {
        for (offset, context) in catalog.listing_contexts(chunk)?.iter().enumerate() {
            control.check()?;
            control.report((chunk_index * CHUNK + offset) as u64, total);
            let name = context.detail.product.draft.name.clone();
            let readiness = check(context, platform, rules, today, i18n);
            if readiness.state == ReadinessState::Blocked {
                let reasons = readiness
                    .findings
                    .into_iter()
                    .filter(|f| f.severity == Severity::Block)
                    .map(|f| f.message)
                    .collect();
                report.skipped.push(SkippedListing {
                    product: name,
                    reasons,
                });
                continue;
            }
            let number = report.exported.len() + 1;
            let images = write_photos(&store, context, platform, number, &photos_dir)?;
            let effective = Effective::of(context, platform, rules, today, i18n);
            let pack = rules.platform(platform);
            let category = effective
                .category
                .as_deref()
                .and_then(|key| pack.category(key))
                .map(|c| c.platform_id.clone().unwrap_or_else(|| c.path.clone()))
                .unwrap_or_default();
            let listing = context.listing(platform);
            let variants: Vec<_> = context
                .detail
                .variants
                .iter()
                .filter(|v| v.deleted_at.is_none())
                .collect();
            for (index, variant) in variants.iter().enumerate() {
                let row = BulkRow {
                    context,
                    effective: &effective,
                    variant,
                    variant_index: index,
                    variant_count: variants.len(),
                    product_number: number,
                    price_vnd: listing
                        .draft
                        .prices
                        .get(&variant.id)
                        .copied()
                        .unwrap_or(variant.draft.price_vnd),
                    category: category.clone(),
                    images: &images,
                };
                rows.push(columns.iter().map(|c| (c.value)(&row)).collect());
            }
            report.exported.push(name);
        }
    }
    report.rows = rows.len() as u64;
    if let Some((template, filled)) = &seller_template {
        report.template = Some(template.fill(&rows, filled)?);
    }
    let bytes = workbook(platform, columns, &rows, &report, i18n)
        .and_then(|mut book| book.save_to_buffer())
        .map_err(|e| xlsx_error(&file, &e))?;
    files::write_atomic(&file, &bytes).map_err(ExchangeError::io(&file))?;
    control.report(total, total);
    Ok(report)
}

fn xlsx_error(file: &Path, error: &XlsxError) -> ExchangeError {
    ExchangeError::Io {
        path: file.to_path_buf(),
        source: std::io::Error::other(error.to_string()),
    }
}

/// Live products, by name.
fn live_products(catalog: &Catalog) -> Result<Vec<crate::catalog::Id>, ExchangeError> {
    catalog.read_as(|tx| {
        let mut stmt = tx.prepare(
            "SELECT p.id FROM product p JOIN cooperative c ON c.id = p.cooperative_id
             WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY p.name_folded, p.id",
        )?;
        let ids = stmt
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(ids)
    })
}

/// Writes the listing's photos as the platform wants them (square, within its limits),
/// named `<product number>_<position>.jpg`, and returns the names, cover first.
fn write_photos(
    store: &PhotoStore,
    context: &ListingContext,
    platform: Platform,
    number: usize,
    dir: &Path,
) -> Result<Vec<String>, ExchangeError> {
    let mut names = Vec::new();
    for (index, photo) in context.listing_photos(platform).into_iter().enumerate() {
        let made = rendition(
            store,
            &photo.file,
            Rendition::Variant(platform, photo.fit),
            &photo.name(),
        )
        .map_err(ExchangeError::Photo)?;
        let name = format!("{number:04}_{}.jpg", index + 1);
        let bytes = std::fs::read(&made).map_err(ExchangeError::io(&made))?;
        let target = dir.join(&name);
        files::write_atomic(&target, &bytes).map_err(ExchangeError::io(&target))?;
        names.push(name);
    }
    Ok(names)
}

/// The workbook: the platform's sheet (machine names, then headers people read, then
/// one row per variant), the how-to sheet and the sheet of listings left out.
fn workbook(
    platform: Platform,
    columns: &[Column],
    rows: &[Vec<Cell>],
    report: &BulkReport,
    i18n: &I18n,
) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let data = book.add_worksheet();
    data.set_name(platform.name())?;
    for (col, column) in columns.iter().enumerate() {
        let col = col as u16;
        data.write_string_with_format(0, col, column.code, &bold)?;
        data.write_string_with_format(1, col, i18n.tr(column.header), &bold)?;
        data.set_column_width(col, 18)?;
    }
    for (index, row) in rows.iter().enumerate() {
        for (col, cell) in row.iter().enumerate() {
            write_cell(data, index as u32 + 2, col as u16, cell)?;
        }
    }

    let folder = report
        .photos_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let guide = book.add_worksheet();
    guide.set_name(i18n.tr("exchange-bulk-sheet-guide"))?;
    guide.set_column_width(0, 110)?;
    let steps = [
        "exchange-bulk-guide-1",
        "exchange-bulk-guide-2",
        "exchange-bulk-guide-3",
        "exchange-bulk-guide-4",
        "exchange-bulk-guide-5",
    ];
    for (index, step) in steps.iter().enumerate() {
        let line = i18n.tr_args(
            step,
            args!["platform" => platform.name(), "folder" => folder.clone(), "rows" => report.rows],
        );
        write_cell(guide, index as u32, 0, &Cell::Text(line))?;
    }

    let skipped = book.add_worksheet();
    skipped.set_name(i18n.tr("exchange-bulk-sheet-skipped"))?;
    skipped.write_string_with_format(0, 0, i18n.tr("exchange-bulk-skipped-product"), &bold)?;
    skipped.write_string_with_format(0, 1, i18n.tr("exchange-bulk-skipped-reasons"), &bold)?;
    skipped.set_column_width(0, 40)?;
    skipped.set_column_width(1, 100)?;
    for (index, listing) in report.skipped.iter().enumerate() {
        let row = index as u32 + 1;
        write_cell(skipped, row, 0, &Cell::Text(listing.product.clone()))?;
        write_cell(skipped, row, 1, &Cell::Text(listing.reasons.join(" ")))?;
    }
    Ok(book)
}

fn write_cell(sheet: &mut Worksheet, row: u32, col: u16, cell: &Cell) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(text) if needs_neutralising(text) => {
            sheet.write_string_with_format(row, col, text, &Format::new().set_quote_prefix())?;
        }
        Cell::Text(text) => {
            sheet.write_string(row, col, text)?;
        }
        Cell::Number(number) => {
            sheet.write_number(row, col, *number)?;
        }
        Cell::Empty => {}
    }
    Ok(())
}
