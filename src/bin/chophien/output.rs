//! Printing: aligned tables for people, JSON for scripts.

use std::io::Write;

use chophien::args;
use chophien::catalog::{CertificateStatus, ProductSummary};
use chophien::i18n::dates::format_date;
use chophien::i18n::money::format_vnd;
use chophien::i18n::{I18n, dates};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

/// Prints `value` as one line of JSON.
pub(crate) fn json(value: &impl Serialize) {
    match serde_json::to_string(value) {
        Ok(text) => println!("{text}"),
        Err(error) => eprintln!("{error}"),
    }
}

/// A table whose columns line up however wide Vietnamese (or emoji) text is on screen.
pub(crate) struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub(crate) fn new(header: Vec<String>) -> Table {
        Table {
            header,
            rows: Vec::new(),
        }
    }

    pub(crate) fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub(crate) fn print(&self) {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (index, cell) in row.iter().enumerate().take(columns) {
                widths[index] = widths[index].max(cell.width().min(48));
            }
        }
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let mut line = |cells: &[String]| {
            let mut text = String::new();
            for (index, cell) in cells.iter().enumerate().take(columns) {
                let cell = clip(cell, 48);
                text.push_str(&cell);
                if index + 1 < columns {
                    text.push_str(&" ".repeat(widths[index].saturating_sub(cell.width()) + 2));
                }
            }
            let _ = writeln!(out, "{}", text.trim_end());
        };
        line(&self.header);
        for row in &self.rows {
            line(row);
        }
    }
}

/// Shortens text to `max` display columns with an ellipsis.
fn clip(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for ch in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0) >= max {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}

/// The OCOP column of a list: "★★★★ 4 sao" while the certificate allows showing the
/// stars, the stars and the state in words otherwise ("3 sao · đã hết hạn").
pub(crate) fn stars(
    summary_stars: Option<i64>,
    status: Option<CertificateStatus>,
    i18n: &I18n,
) -> String {
    let (Some(stars), Some(status)) = (summary_stars, status) else {
        return String::new();
    };
    let drawn = "★".repeat(usize::try_from(stars).unwrap_or(0));
    match status {
        CertificateStatus::Valid { .. } => format!(
            "{drawn} {}",
            i18n.tr_args("ocop-stars", args!["stars" => stars])
        ),
        CertificateStatus::Expiring { days_left } => {
            format!(
                "{drawn} {}",
                i18n.tr_args(
                    "ocop-badge-expiring",
                    args!["stars" => stars, "days" => days_left]
                )
            )
        }
        CertificateStatus::Expired { .. } => {
            i18n.tr_args("ocop-badge-expired", args!["stars" => stars])
        }
        CertificateStatus::NotYetValid { .. } => {
            i18n.tr_args("ocop-badge-not-yet-valid", args!["stars" => stars])
        }
    }
}

/// The state of a certificate in words, with its dates.
pub(crate) fn certificate_status(
    status: CertificateStatus,
    until: Option<time::Date>,
    i18n: &I18n,
) -> String {
    let until_text = until.map(format_date).unwrap_or_default();
    match status {
        CertificateStatus::Valid { .. } => {
            i18n.tr_args("ocop-certificate-valid", args!["until" => until_text])
        }
        CertificateStatus::Expiring { days_left } => i18n.tr_args(
            "ocop-certificate-expiring",
            args!["days" => days_left, "until" => until_text],
        ),
        CertificateStatus::Expired { days_ago } => i18n.tr_args(
            "ocop-certificate-expired",
            args!["days" => days_ago, "until" => until_text],
        ),
        CertificateStatus::NotYetValid { days_until } => i18n.tr_args(
            "ocop-certificate-not-yet-valid",
            args!["days" => days_until],
        ),
    }
}

/// "125.000 ₫" or "125.000 ₫ – 250.000 ₫".
pub(crate) fn price_range(min: Option<i64>, max: Option<i64>) -> String {
    match (min, max) {
        (Some(min), Some(max)) if min != max => {
            format!("{} – {}", format_vnd(min), format_vnd(max))
        }
        (Some(min), _) => format_vnd(min),
        _ => String::new(),
    }
}

/// The product list/search table.
pub(crate) fn product_table(items: &[ProductSummary], i18n: &I18n) {
    let mut table = Table::new(vec![
        i18n.tr("cli-col-id"),
        i18n.tr("cli-col-name"),
        i18n.tr("cli-col-cooperative"),
        i18n.tr("cli-col-province"),
        i18n.tr("cli-col-stars"),
        i18n.tr("cli-col-price"),
        i18n.tr("cli-col-updated"),
    ]);
    let offset = dates::local_offset();
    for item in items {
        table.row(vec![
            item.id.short(),
            item.name.clone(),
            item.cooperative_name.clone(),
            item.province.clone().unwrap_or_default(),
            stars(item.stars, item.certificate, i18n),
            price_range(item.price_min, item.price_max),
            dates::format_datetime(item.updated_at.as_offset_date_time(), offset),
        ]);
    }
    table.print();
}
