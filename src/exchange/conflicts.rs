//! The conflict list: records both catalogs changed since their last exchange, shown
//! side by side until the user keeps theirs or takes the incoming version.

use std::collections::HashSet;

use serde::Serialize;
use serde_json::{Map, Value};

use super::{Conflict, ExchangeError, Kind, Resolution};
use crate::args;
use crate::catalog::exchange::{self as records, Settled};
use crate::catalog::{Catalog, Id};
use crate::i18n::I18n;

/// A conflict as people compare it: what the record is, and each field that differs
/// with its two values.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConflictView {
    pub id: Id,
    /// "Sản phẩm “Mật ong hoa nhãn”", in the user's language.
    pub title: String,
    pub fields: Vec<ConflictField>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConflictField {
    /// The column's name (`story`, `price_vnd`…).
    pub field: String,
    /// What the editors call it, in the user's language (the column's name when the
    /// editors do not show it).
    pub label: String,
    pub local: String,
    pub incoming: String,
}

impl ConflictView {
    pub fn new(conflict: &Conflict, i18n: &I18n) -> ConflictView {
        let name = ["name", "title", "sku", "certificate_no", "platform"]
            .iter()
            .find_map(|key| conflict.local.get(*key).and_then(Value::as_str))
            .unwrap_or(&conflict.record_id);
        let fields = conflict
            .local
            .keys()
            .chain(
                conflict
                    .incoming
                    .keys()
                    .filter(|k| !conflict.local.contains_key(*k)),
            )
            .filter(|key| !records::is_bookkeeping(key))
            .filter(|key| conflict.local.get(*key) != conflict.incoming.get(*key))
            .map(|key| ConflictField {
                field: key.clone(),
                label: field_label(key, i18n),
                local: plain(&conflict.local, key),
                incoming: plain(&conflict.incoming, key),
            })
            .collect();
        ConflictView {
            id: conflict.id,
            title: i18n.tr_args(
                "exchange-conflict-title",
                args!["kind" => conflict.kind.code(), "name" => name],
            ),
            fields,
        }
    }
}

/// The editors' label of a column: `catalog-field-<column>`, with the few columns whose
/// editor field is named otherwise.
fn field_label(column: &str, i18n: &I18n) -> String {
    let field = match column {
        "price_vnd" => "price",
        "package_weight_g" => "package-weight",
        "package_length_mm" => "package-length",
        "package_width_mm" => "package-width",
        "package_height_mm" => "package-height",
        "net_quantity" | "net_unit" => "net-quantity",
        "cooperative_id" => "cooperative",
        "issued_on" => "issued-on",
        other => other,
    };
    let id = format!("catalog-field-{}", field.replace('_', "-"));
    if i18n.has(&id) {
        i18n.tr(&id)
    } else {
        column.to_owned()
    }
}

/// A field's value as text (empty for none).
fn plain(fields: &Map<String, Value>, key: &str) -> String {
    match fields.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

/// The open conflicts, oldest first.
pub fn conflicts(catalog: &Catalog) -> Result<Vec<Conflict>, ExchangeError> {
    catalog.read_as(|tx| Ok(records::open_conflicts(tx)?))
}

/// The open conflicts as people compare them.
pub fn conflict_views(catalog: &Catalog, i18n: &I18n) -> Result<Vec<ConflictView>, ExchangeError> {
    Ok(conflicts(catalog)?
        .iter()
        .map(|conflict| ConflictView::new(conflict, i18n))
        .collect())
}

/// Closes the conflict `id`, keeping the chosen side. Taking the received version of a
/// record edited here since the conflict was shown is refused (the conflict then shows
/// the edit), so no edit is lost unseen.
pub fn resolve(catalog: &Catalog, id: Id, resolution: Resolution) -> Result<(), ExchangeError> {
    let settled = catalog.write_as(|tx| {
        let settled = records::resolve_conflict(tx, id, resolution)
            .map_err(|e| ExchangeError::BadRecord {
                path: catalog.path().to_path_buf(),
                kind: String::new(),
                id: id.to_string(),
                detail: e.to_string(),
            })?
            .ok_or(ExchangeError::ConflictNotFound)?;
        if let Settled::Closed(record) = &settled {
            let mut products = HashSet::new();
            let mut cooperatives = HashSet::new();
            if record.kind == Kind::Cooperative {
                cooperatives.extend(record.key().map(str::to_owned));
            } else {
                products.extend(record.product_id().map(str::to_owned));
            }
            records::refresh_products(tx, &products, &cooperatives)?;
        }
        Ok::<_, ExchangeError>(settled)
    })?;
    match settled {
        Settled::Closed(_) => Ok(()),
        Settled::LocalChanged => Err(ExchangeError::ConflictLocalChanged),
    }
}
