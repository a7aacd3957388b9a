//! One spreadsheet row: read its cells into typed values, then create or update the
//! cooperative, product, variant and certificate it describes.

use serde::Serialize;
use time::Date;

use super::columns::{Column, ColumnMap};
use crate::args;
use crate::catalog::ocop::{ProducerType, Unit};
use crate::catalog::{
    Batch, CatalogError, CertificateDraft, CooperativeDraft, FieldError, Id, NetQuantity,
    ProductDraft, VariantDraft,
};
use crate::i18n::{I18n, dates, money};
use crate::text;

/// Why a row was not imported.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowProblem {
    /// A required cell is empty.
    Missing {
        column: Column,
    },
    /// A cell that should hold a price does not.
    BadPrice {
        text: String,
    },
    /// A cell that should hold a whole number does not.
    BadNumber {
        column: Column,
        text: String,
    },
    BadDate {
        column: Column,
        text: String,
    },
    /// "Định lượng" not of the form "500 g", "1,5 l", "10 quả".
    BadQuantity {
        text: String,
    },
    /// A certificate needs its start date to be recorded.
    CertificateWithoutDate,
    /// The catalog refused a value.
    Invalid {
        error: FieldError,
    },
}

impl RowProblem {
    pub fn localize(&self, i18n: &I18n) -> String {
        let column = |c: &Column| i18n.tr(c.message_id());
        match self {
            RowProblem::Missing { column: c } => {
                i18n.tr_args("import-missing", args!["column" => column(c)])
            }
            RowProblem::BadPrice { text } => {
                i18n.tr_args("import-bad-price", args!["text" => text])
            }
            RowProblem::BadNumber { column: c, text } => i18n.tr_args(
                "import-bad-number",
                args!["column" => column(c), "text" => text],
            ),
            RowProblem::BadDate { column: c, text } => i18n.tr_args(
                "import-bad-date",
                args!["column" => column(c), "text" => text],
            ),
            RowProblem::BadQuantity { text } => {
                i18n.tr_args("import-bad-quantity", args!["text" => text])
            }
            RowProblem::CertificateWithoutDate => i18n.tr("import-certificate-without-date"),
            RowProblem::Invalid { error } => error.localize(i18n),
        }
    }
}

/// A row's cells, typed. Absent means the cell was empty or the column missing.
#[derive(Debug, Default)]
pub(super) struct ParsedRow {
    name: Option<String>,
    cooperative: Option<String>,
    subgroup: Option<String>,
    story: Option<String>,
    ingredients: Option<String>,
    usage: Option<String>,
    storage: Option<String>,
    shelf_life: Option<String>,
    net_quantity: Option<NetQuantity>,
    origin: Option<String>,
    weight_g: Option<i64>,
    length_mm: Option<i64>,
    width_mm: Option<i64>,
    height_mm: Option<i64>,
    barcode: Option<String>,
    sku: Option<String>,
    variant_name: Option<String>,
    price: Option<i64>,
    stock: Option<i64>,
    stars: Option<i64>,
    certificate_no: Option<String>,
    decision_no: Option<String>,
    issuing_authority: Option<String>,
    valid_from: Option<Date>,
    valid_until: Option<Date>,
}

/// Reads the cells of one row; problems are collected rather than stopping at the first.
pub(super) fn parse(record: &csv::StringRecord, map: &ColumnMap) -> (ParsedRow, Vec<RowProblem>) {
    let mut problems = Vec::new();
    let cell = |column: Column| -> Option<String> {
        map.position(column)
            .and_then(|i| record.get(i))
            .map(text::clean_multiline)
            .filter(|s| !s.is_empty())
    };
    let mut number = |column: Column, parse: fn(&str) -> Option<i64>| -> Option<i64> {
        let raw = cell(column)?;
        let value = parse(&raw);
        if value.is_none() {
            problems.push(RowProblem::BadNumber { column, text: raw });
        }
        value
    };
    let weight_g = number(Column::PackageWeight, parse_grams);
    let length_mm = number(Column::PackageLength, parse_millimetres);
    let width_mm = number(Column::PackageWidth, parse_millimetres);
    let height_mm = number(Column::PackageHeight, parse_millimetres);
    let stock = number(Column::Stock, parse_whole);
    let stars = number(Column::Stars, parse_stars);
    let mut date = |column: Column| -> Option<Date> {
        let raw = cell(column)?;
        let value = dates::parse_date(&raw);
        if value.is_none() {
            problems.push(RowProblem::BadDate { column, text: raw });
        }
        value
    };
    let valid_from = date(Column::ValidFrom);
    let valid_until = date(Column::ValidUntil);
    let price = cell(Column::Price).and_then(|raw| {
        money::parse_vnd(&raw)
            .map_err(|_| problems.push(RowProblem::BadPrice { text: raw }))
            .ok()
    });
    let net_quantity = cell(Column::NetQuantity).and_then(|raw| {
        let quantity = parse_quantity(&raw);
        if quantity.is_none() {
            problems.push(RowProblem::BadQuantity { text: raw });
        }
        quantity
    });
    let row = ParsedRow {
        name: cell(Column::Name),
        cooperative: cell(Column::Cooperative),
        subgroup: cell(Column::Subgroup),
        story: cell(Column::Story),
        ingredients: cell(Column::Ingredients),
        usage: cell(Column::Usage),
        storage: cell(Column::Storage),
        shelf_life: cell(Column::ShelfLife),
        net_quantity,
        origin: cell(Column::Origin),
        weight_g,
        length_mm,
        width_mm,
        height_mm,
        barcode: cell(Column::Barcode),
        sku: cell(Column::Sku),
        variant_name: cell(Column::VariantName),
        price,
        stock,
        stars,
        certificate_no: cell(Column::CertificateNo),
        decision_no: cell(Column::DecisionNo),
        issuing_authority: cell(Column::IssuingAuthority),
        valid_from,
        valid_until,
    };
    if row.name.is_none() {
        problems.push(RowProblem::Missing {
            column: Column::Name,
        });
    }
    if row.stars.is_some()
        && row.valid_from.is_none()
        && !problems
            .iter()
            .any(|p| matches!(p, RowProblem::BadDate { .. }))
    {
        problems.push(RowProblem::CertificateWithoutDate);
    }
    (row, problems)
}

/// What applying one row changed.
#[derive(Debug, Default)]
pub(super) struct RowOutcome {
    pub(super) cooperative_created: Option<String>,
    pub(super) product_created: bool,
    pub(super) variant_created: bool,
    pub(super) variant_updated: bool,
    pub(super) certificate_created: bool,
}

/// Why applying a row failed: the row's own problems, or a catalog failure that must stop
/// the whole import (disk full, damaged file).
pub(super) enum RowFailure {
    Problems(Vec<RowProblem>),
    Fatal(CatalogError),
}

impl From<CatalogError> for RowFailure {
    fn from(error: CatalogError) -> Self {
        match error {
            CatalogError::Invalid(errors) => RowFailure::Problems(
                errors
                    .into_iter()
                    .map(|error| RowProblem::Invalid { error })
                    .collect(),
            ),
            other => RowFailure::Fatal(other),
        }
    }
}

/// Writes one parsed row into the batch. Runs inside the row's savepoint: any error
/// undoes everything this row did.
pub(super) fn apply(
    batch: &mut Batch<'_>,
    row: &ParsedRow,
    fixed_cooperative: Option<Id>,
) -> Result<RowOutcome, RowFailure> {
    let mut outcome = RowOutcome::default();
    let name = row.name.as_deref().unwrap_or_default();
    let cooperative_id = match (fixed_cooperative, row.cooperative.as_deref()) {
        (Some(id), _) => id,
        (None, Some(coop_name)) => match batch.cooperative_by_name(coop_name)? {
            Some(coop) => coop.id,
            None => {
                let coop = batch.create_cooperative(
                    Id::new(),
                    &CooperativeDraft::named(coop_name, ProducerType::Cooperative),
                )?;
                outcome.cooperative_created = Some(coop.draft.name);
                coop.id
            }
        },
        (None, None) => {
            return Err(RowFailure::Problems(vec![RowProblem::Missing {
                column: Column::Cooperative,
            }]));
        }
    };
    let existing = batch.product_by_name(cooperative_id, name)?;
    let mut draft = match &existing {
        Some(product) => product.draft.clone(),
        None => ProductDraft::new(cooperative_id, name, ""),
    };
    merge_into(&mut draft, row);
    if draft.subgroup.is_empty() {
        return Err(RowFailure::Problems(vec![RowProblem::Missing {
            column: Column::Subgroup,
        }]));
    }
    let product_id = match existing {
        Some(product) => batch.update_product(product.id, &draft)?.id,
        None => {
            outcome.product_created = true;
            batch.create_product(Id::new(), &draft)?.id
        }
    };
    apply_variant(batch, row, cooperative_id, product_id, name, &mut outcome)?;
    if let (Some(stars), Some(valid_from)) = (row.stars, row.valid_from) {
        let already = batch
            .certificates(product_id)?
            .iter()
            .any(|c| c.deleted_at.is_none() && c.stars == stars && c.valid_from == valid_from);
        if !already {
            let certificate = CertificateDraft {
                stars,
                certificate_no: row.certificate_no.clone(),
                decision_no: row.decision_no.clone(),
                decision_date: None,
                issuing_authority: row.issuing_authority.clone(),
                valid_from,
                valid_until: row.valid_until,
            };
            batch.add_certificate(Id::new(), product_id, &certificate)?;
            outcome.certificate_created = true;
        }
    }
    Ok(outcome)
}

/// Copies the row's non-empty cells over the draft: an empty cell keeps what the
/// catalog already has.
fn merge_into(draft: &mut ProductDraft, row: &ParsedRow) {
    let set = |target: &mut Option<String>, value: &Option<String>| {
        if value.is_some() {
            target.clone_from(value);
        }
    };
    if let Some(subgroup) = &row.subgroup {
        draft.subgroup.clone_from(subgroup);
    }
    set(&mut draft.story, &row.story);
    set(&mut draft.ingredients, &row.ingredients);
    set(&mut draft.usage, &row.usage);
    set(&mut draft.storage, &row.storage);
    set(&mut draft.shelf_life, &row.shelf_life);
    set(&mut draft.origin, &row.origin);
    set(&mut draft.barcode, &row.barcode);
    if row.net_quantity.is_some() {
        draft.net_quantity = row.net_quantity;
    }
    let package = &mut draft.package;
    for (target, value) in [
        (&mut package.weight_g, row.weight_g),
        (&mut package.length_mm, row.length_mm),
        (&mut package.width_mm, row.width_mm),
        (&mut package.height_mm, row.height_mm),
    ] {
        if value.is_some() {
            *target = value;
        }
    }
}

fn apply_variant(
    batch: &mut Batch<'_>,
    row: &ParsedRow,
    cooperative_id: Id,
    product_id: Id,
    product_name: &str,
    outcome: &mut RowOutcome,
) -> Result<(), RowFailure> {
    let holder = match &row.sku {
        Some(sku) => batch.variant_by_sku(cooperative_id, sku)?,
        None => None,
    };
    match holder {
        Some(variant) if variant.product_id == product_id => {
            let draft = VariantDraft {
                sku: variant.draft.sku.clone(),
                name: row.variant_name.clone().or(variant.draft.name.clone()),
                price_vnd: row.price.unwrap_or(variant.draft.price_vnd),
                stock: row.stock.unwrap_or(variant.draft.stock),
            };
            batch.update_variant(variant.id, &draft)?;
            outcome.variant_updated = true;
        }
        // The SKU belongs to another product: adding it again is refused by the
        // catalog with a message naming that product.
        Some(_) | None if row.price.is_some() || row.sku.is_some() => {
            let Some(price) = row.price else {
                return Err(RowFailure::Problems(vec![RowProblem::Missing {
                    column: Column::Price,
                }]));
            };
            let sku = match &row.sku {
                Some(sku) => sku.clone(),
                None => suggest_sku(batch, cooperative_id, product_name)?,
            };
            let draft = VariantDraft {
                sku,
                name: row.variant_name.clone(),
                price_vnd: price,
                stock: row.stock.unwrap_or(0),
            };
            batch.add_variant(Id::new(), product_id, &draft)?;
            outcome.variant_created = true;
        }
        _ => {}
    }
    Ok(())
}

/// A free SKU code made from the product's initials: "Mật ong hoa nhãn" → `MOHN-001`.
fn suggest_sku(
    batch: &Batch<'_>,
    cooperative_id: Id,
    product_name: &str,
) -> Result<String, CatalogError> {
    let initials: String = text::folded_words(product_name)
        .iter()
        .filter_map(|w| w.chars().next())
        .take(6)
        .collect::<String>()
        .to_uppercase();
    let stem = if initials.is_empty() {
        "SP".to_owned()
    } else {
        initials
    };
    let mut counter = 1;
    loop {
        let candidate = format!("{stem}-{counter:03}");
        if batch.variant_by_sku(cooperative_id, &candidate)?.is_none() {
            return Ok(candidate);
        }
        counter += 1;
    }
}

/// A whole number as typed, with thousands separators allowed: "1.200", "1 200".
fn parse_whole(raw: &str) -> Option<i64> {
    let digits: String = raw
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// "4", "4 sao", "★★★★", "4*".
fn parse_stars(raw: &str) -> Option<i64> {
    let symbols = raw
        .chars()
        .filter(|c| matches!(c, '★' | '⭐' | '*'))
        .count();
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    (symbols > 0).then(|| i64::try_from(symbols).unwrap_or(0))
}

/// A decimal number with `,` or `.` as decimal separator, followed by a unit.
fn split_number(raw: &str) -> Option<(f64, String)> {
    let raw = raw.trim();
    let end = raw
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(raw.len());
    let (number, unit) = raw.split_at(end);
    let number = number.replace(',', ".");
    let value: f64 = number.parse().ok()?;
    Some((value, text::fold(unit)))
}

/// Grams: "250", "250 g", "0,25 kg".
fn parse_grams(raw: &str) -> Option<i64> {
    let (value, unit) = split_number(raw)?;
    let grams = match unit.as_str() {
        "" | "g" | "gr" | "gam" | "gram" => value,
        "kg" | "kilogram" => value * 1000.0,
        _ => return None,
    };
    whole_number(grams)
}

/// Millimetres: "120", "120 mm", "12 cm".
fn parse_millimetres(raw: &str) -> Option<i64> {
    let (value, unit) = split_number(raw)?;
    let mm = match unit.as_str() {
        "" | "mm" => value,
        "cm" => value * 10.0,
        "m" => value * 1000.0,
        _ => return None,
    };
    whole_number(mm)
}

fn whole_number(value: f64) -> Option<i64> {
    let rounded = value.round();
    #[allow(clippy::cast_possible_truncation)]
    (value.is_finite() && (value - rounded).abs() < 1e-6 && rounded.abs() < 1e12)
        .then_some(rounded as i64)
}

/// "500 g", "1,5 l", "10 quả", "750ml".
fn parse_quantity(raw: &str) -> Option<NetQuantity> {
    let (amount, unit) = split_number(raw)?;
    Some(NetQuantity {
        amount,
        unit: Unit::parse(&unit)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_as_written() {
        assert_eq!(parse_grams("0,25 kg"), Some(250));
        assert_eq!(parse_grams("250g"), Some(250));
        assert_eq!(parse_millimetres("12 cm"), Some(120));
        assert_eq!(parse_whole("1.200"), Some(1200));
        assert_eq!(parse_whole("nhiều"), None);
        assert_eq!(parse_stars("4 sao"), Some(4));
        assert_eq!(parse_stars("★★★"), Some(3));
        let quantity = parse_quantity("1,5 lít").map(|q| (q.amount, q.unit));
        assert_eq!(quantity, Some((1.5, Unit::Litre)));
        assert_eq!(parse_quantity("10 quả").map(|q| q.unit), Some(Unit::Fruit));
    }
}
