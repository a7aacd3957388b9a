//! OCOP certificates of a product. A product keeps its old certificates when it is
//! re-rated; the live one with the latest end date is the current one.

use super::CachedStatements;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::error::{CatalogError, RecordKind, Result};
use super::ids::{Id, Timestamp, date_from_db, date_to_db};
use super::model::{Certificate, CertificateDraft};
use super::{Catalog, products, validate};

const COLUMNS: &str = "id, product_id, stars, certificate_no, decision_no, decision_date, \
     issuing_authority, valid_from, valid_until, created_at, updated_at, deleted_at";

impl Catalog {
    pub fn add_certificate(&self, product_id: Id, draft: &CertificateDraft) -> Result<Certificate> {
        self.write(|tx| insert_certificate(tx, Id::new(), product_id, draft))
    }

    pub fn update_certificate(&self, id: Id, draft: &CertificateDraft) -> Result<Certificate> {
        self.write(|tx| {
            let before = get_certificate(tx, id)?;
            save(tx, id, before.product_id, draft)?;
            get_certificate(tx, id)
        })
    }

    pub fn delete_certificate(&self, id: Id) -> Result<()> {
        self.set_certificate_deleted(id, Some(Timestamp::now()))
            .map(drop)
    }

    pub fn restore_certificate(&self, id: Id) -> Result<Certificate> {
        self.set_certificate_deleted(id, None)
    }

    fn set_certificate_deleted(
        &self,
        id: Id,
        deleted_at: Option<Timestamp>,
    ) -> Result<Certificate> {
        self.write(|tx| {
            let before = get_certificate(tx, id)?;
            tx.exec(
                "UPDATE ocop_certificate SET deleted_at = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, deleted_at, Timestamp::now()],
            )?;
            products::touch(tx, before.product_id)?;
            get_certificate(tx, id)
        })
    }
}

pub(super) fn insert_certificate(
    tx: &Transaction<'_>,
    id: Id,
    product_id: Id,
    draft: &CertificateDraft,
) -> Result<Certificate> {
    products::get_product(tx, product_id)?;
    save(tx, id, product_id, draft)?;
    get_certificate(tx, id)
}

/// Validates and writes a certificate: a new row, or every editable column of an
/// existing one; the product counts as changed.
fn save(tx: &Transaction<'_>, id: Id, product_id: Id, draft: &CertificateDraft) -> Result<()> {
    let clean = validate::certificate(draft)?;
    let d = &clean.draft;
    tx.exec(
        "INSERT INTO ocop_certificate (id, product_id, stars, certificate_no, decision_no,
             decision_date, issuing_authority, valid_from, valid_until, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)
         ON CONFLICT (id) DO UPDATE SET stars = excluded.stars,
             certificate_no = excluded.certificate_no, decision_no = excluded.decision_no,
             decision_date = excluded.decision_date,
             issuing_authority = excluded.issuing_authority, valid_from = excluded.valid_from,
             valid_until = excluded.valid_until, updated_at = excluded.updated_at",
        params![
            id,
            product_id,
            d.stars,
            d.certificate_no,
            d.decision_no,
            d.decision_date.map(date_to_db),
            d.issuing_authority,
            date_to_db(d.valid_from),
            date_to_db(clean.valid_until),
            Timestamp::now(),
        ],
    )?;
    products::touch(tx, product_id)
}

pub(super) fn for_product(tx: &Transaction<'_>, product_id: Id) -> Result<Vec<Certificate>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM ocop_certificate WHERE product_id = ?1 ORDER BY valid_until DESC, seq DESC"
    );
    let mut stmt = tx.prepare_cached(&sql)?;
    let rows = stmt.query_map([product_id], certificate_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn get_certificate(tx: &Transaction<'_>, id: Id) -> Result<Certificate> {
    let sql = format!("SELECT {COLUMNS} FROM ocop_certificate WHERE id = ?1");
    tx.row(&sql, [id], certificate_from_row)
        .optional()?
        .ok_or_else(|| CatalogError::not_found(RecordKind::Certificate, id))
}

/// Reads an ISO date column; anything else is a conversion error, not a guess.
pub(super) fn date_column(row: &Row<'_>, index: usize) -> rusqlite::Result<time::Date> {
    super::code_column(row, index, date_from_db)
}

fn optional_date_column(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<time::Date>> {
    let text: Option<String> = row.get(index)?;
    match text {
        None => Ok(None),
        Some(_) => date_column(row, index).map(Some),
    }
}

fn certificate_from_row(row: &Row<'_>) -> rusqlite::Result<Certificate> {
    Ok(Certificate {
        id: row.get(0)?,
        product_id: row.get(1)?,
        stars: row.get(2)?,
        certificate_no: row.get(3)?,
        decision_no: row.get(4)?,
        decision_date: optional_date_column(row, 5)?,
        issuing_authority: row.get(6)?,
        valid_from: date_column(row, 7)?,
        valid_until: date_column(row, 8)?,
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
        deleted_at: row.get(11)?,
    })
}
