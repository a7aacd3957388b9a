//! Turning what a person types ("a1b2c3d4", "Mật ong hoa nhãn") into a record id: a full
//! id, the last few hex digits of one (as lists show them), or an exact name.

use rusqlite::Transaction;

use super::Catalog;
use super::error::{CatalogError, RecordKind, Result};
use super::ids::Id;
use crate::text;

/// The fewest trailing hex digits accepted as a short id.
const MIN_SHORT_ID: usize = 4;

impl Catalog {
    pub fn resolve_cooperative(&self, reference: &str) -> Result<Id> {
        self.read(|tx| resolve(tx, RecordKind::Cooperative, reference))
    }

    pub fn resolve_product(&self, reference: &str) -> Result<Id> {
        self.read(|tx| resolve(tx, RecordKind::Product, reference))
    }

    pub fn resolve_certificate(&self, reference: &str) -> Result<Id> {
        self.read(|tx| resolve(tx, RecordKind::Certificate, reference))
    }

    pub fn resolve_photo(&self, reference: &str) -> Result<Id> {
        self.read(|tx| resolve(tx, RecordKind::Photo, reference))
    }

    pub fn resolve_proof(&self, reference: &str) -> Result<Id> {
        self.read(|tx| resolve(tx, RecordKind::Proof, reference))
    }

    pub fn resolve_shop(&self, reference: &str) -> Result<Id> {
        self.read(|tx| resolve(tx, RecordKind::Shop, reference))
    }
}

fn resolve(tx: &Transaction<'_>, kind: RecordKind, reference: &str) -> Result<Id> {
    let table = kind.table();
    // Cooperatives, products and shops can also be named; other records only by id.
    let named = matches!(
        kind,
        RecordKind::Cooperative | RecordKind::Product | RecordKind::Shop
    );
    let reference = reference.trim();
    let not_found = || CatalogError::NotFound {
        kind,
        reference: reference.to_owned(),
    };
    if let Some(id) = Id::parse(reference) {
        let exists = one_or_more(
            tx,
            &format!("SELECT id FROM {table} WHERE id = ?1"),
            &id.to_string(),
        )?;
        return exists.first().copied().ok_or_else(not_found);
    }
    let hex: String = reference
        .chars()
        .filter(|c| *c != '-')
        .collect::<String>()
        .to_ascii_lowercase();
    if hex.len() >= MIN_SHORT_ID && hex.chars().all(|c| c.is_ascii_hexdigit()) {
        let sql =
            format!("SELECT id FROM {table} WHERE replace(id, '-', '') LIKE '%' || ?1 LIMIT 2");
        let found = one_or_more(tx, &sql, &hex)?;
        if !found.is_empty() || !named {
            return single(found, kind, reference);
        }
    }
    if !named {
        return Err(not_found());
    }
    let sql =
        format!("SELECT id FROM {table} WHERE name_folded = ?1 AND deleted_at IS NULL LIMIT 2");
    single(
        one_or_more(tx, &sql, &text::fold(reference))?,
        kind,
        reference,
    )
}

fn single(found: Vec<Id>, kind: RecordKind, reference: &str) -> Result<Id> {
    match found.as_slice() {
        [id] => Ok(*id),
        [] => Err(CatalogError::NotFound {
            kind,
            reference: reference.to_owned(),
        }),
        _ => Err(CatalogError::Ambiguous {
            kind,
            reference: reference.to_owned(),
        }),
    }
}

fn one_or_more(tx: &Transaction<'_>, sql: &str, value: &str) -> Result<Vec<Id>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let ids = stmt.query_map([value], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<Vec<Id>>>()?)
}
