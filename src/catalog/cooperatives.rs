//! Cooperatives and other OCOP producers.

use super::CachedStatements;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::error::{CatalogError, RecordKind, Result};
use super::ids::{Id, Timestamp};
use super::model::{Cooperative, CooperativeDraft};
use super::ocop::ProducerType;
use super::{Catalog, search, validate};
use crate::text;

const COLUMNS: &str = "id, name, producer_type, registration_no, address, province, commune, \
                       phone, created_at, updated_at, deleted_at";

impl Catalog {
    pub fn create_cooperative(&self, draft: &CooperativeDraft) -> Result<Cooperative> {
        self.write(|tx| insert_cooperative(tx, Id::new(), draft))
    }

    /// Replaces every field of the cooperative with the draft's.
    pub fn update_cooperative(&self, id: Id, draft: &CooperativeDraft) -> Result<Cooperative> {
        self.write(|tx| update_cooperative(tx, id, draft))
    }

    /// The cooperative, also when it is in the trash.
    pub fn cooperative(&self, id: Id) -> Result<Cooperative> {
        self.read(|tx| get_cooperative(tx, id))
    }

    /// Cooperatives sorted by name; deleted ones only when `deleted` is true.
    pub fn list_cooperatives(&self, deleted: bool) -> Result<Vec<Cooperative>> {
        self.read(|tx| {
            let sql = format!(
                "SELECT {COLUMNS} FROM cooperative WHERE (deleted_at IS NOT NULL) = ?1 \
                 ORDER BY name_folded, name"
            );
            let mut stmt = tx.prepare_cached(&sql)?;
            let rows = stmt.query_map([deleted], cooperative_from_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Moves the cooperative and its products to the trash, stamped with one time so
    /// that [`Catalog::restore_cooperative`] brings back exactly these products.
    pub fn delete_cooperative(&self, id: Id) -> Result<()> {
        self.write(|tx| {
            // Restoring brings back the products with the cooperative's stamp, so it must
            // differ from that of a product trashed earlier in the same millisecond.
            let latest: Option<Timestamp> = tx.row(
                "SELECT max(deleted_at) FROM product WHERE cooperative_id = ?1",
                [id],
                |row| row.get(0),
            )?;
            let now = Timestamp::now();
            let now = match latest {
                Some(latest) if latest.as_offset_date_time() >= now.as_offset_date_time() => {
                    latest.next()
                }
                _ => now,
            };
            let changed = tx.exec(
                "UPDATE cooperative SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, now],
            )?;
            if changed == 0 {
                return Err(CatalogError::not_found(RecordKind::Cooperative, id));
            }
            let products = product_seqs(tx, id, None)?;
            tx.exec(
                "UPDATE product SET deleted_at = ?2, updated_at = ?2 WHERE cooperative_id = ?1 AND deleted_at IS NULL",
                params![id, now],
            )?;
            for seq in products {
                search::unindex_product(tx, seq)?;
            }
            Ok(())
        })
    }

    /// Brings a cooperative back from the trash with the products deleted along with it.
    pub fn restore_cooperative(&self, id: Id) -> Result<Cooperative> {
        self.write(|tx| {
            let coop = get_cooperative(tx, id)?;
            let Some(deleted_at) = coop.deleted_at else {
                return Ok(coop);
            };
            let now = Timestamp::now();
            tx.exec(
                "UPDATE cooperative SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1",
                params![id, now],
            )?;
            let products = product_seqs(tx, id, Some(deleted_at))?;
            tx.exec(
                "UPDATE product SET deleted_at = NULL, updated_at = ?3 WHERE cooperative_id = ?1 AND deleted_at = ?2",
                params![id, deleted_at, now],
            )?;
            for seq in products {
                search::index_product(tx, seq)?;
            }
            get_cooperative(tx, id)
        })
    }

    /// How many live products each cooperative has.
    pub fn product_counts(&self) -> Result<std::collections::HashMap<Id, u64>> {
        self.read(|tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT cooperative_id, count(*) FROM product WHERE deleted_at IS NULL GROUP BY cooperative_id",
            )?;
            let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get::<_, i64>(1)?)))?;
            let mut counts = std::collections::HashMap::new();
            for row in rows {
                let (id, count) = row?;
                counts.insert(id, u64::try_from(count).unwrap_or(0));
            }
            Ok(counts)
        })
    }

    /// Finds a live cooperative by name, ignoring case and diacritics.
    pub fn find_cooperative_by_name(&self, name: &str) -> Result<Option<Cooperative>> {
        self.read(|tx| find_by_name(tx, name))
    }
}

pub(super) fn insert_cooperative(
    tx: &Transaction<'_>,
    id: Id,
    draft: &CooperativeDraft,
) -> Result<Cooperative> {
    save(tx, id, &validate::cooperative(draft)?)?;
    get_cooperative(tx, id)
}

pub(super) fn update_cooperative(
    tx: &Transaction<'_>,
    id: Id,
    draft: &CooperativeDraft,
) -> Result<Cooperative> {
    let draft = validate::cooperative(draft)?;
    let before = get_cooperative(tx, id)?;
    save(tx, id, &draft)?;
    // Products are found by their cooperative's name and place too.
    let searchable_changed = before.draft.name != draft.name
        || before.draft.province != draft.province
        || before.draft.commune != draft.commune;
    if searchable_changed && before.deleted_at.is_none() {
        for seq in product_seqs(tx, id, None)? {
            search::index_product(tx, seq)?;
        }
    }
    // Its name and address are on every product's label and description.
    tx.exec(
        "DELETE FROM listing_readiness WHERE product_id IN (SELECT id FROM product WHERE cooperative_id = ?1)",
        [id],
    )?;
    get_cooperative(tx, id)
}

/// Writes a validated draft: a new row, or every editable column of an existing one.
fn save(tx: &Transaction<'_>, id: Id, draft: &CooperativeDraft) -> Result<()> {
    tx.exec(
        "INSERT INTO cooperative (id, name, name_folded, producer_type, registration_no, address,
             province, province_folded, commune, phone, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded,
             producer_type = excluded.producer_type, registration_no = excluded.registration_no,
             address = excluded.address, province = excluded.province,
             province_folded = excluded.province_folded, commune = excluded.commune,
             phone = excluded.phone, updated_at = excluded.updated_at",
        params![
            id,
            draft.name,
            text::fold(&draft.name),
            draft.producer_type.code(),
            draft.registration_no,
            draft.address,
            draft.province,
            draft.province.as_deref().map(text::fold),
            draft.commune,
            draft.phone,
            Timestamp::now(),
        ],
    )?;
    Ok(())
}

pub(super) fn get_cooperative(tx: &Transaction<'_>, id: Id) -> Result<Cooperative> {
    let sql = format!("SELECT {COLUMNS} FROM cooperative WHERE id = ?1");
    tx.row(&sql, [id], cooperative_from_row)
        .optional()?
        .ok_or_else(|| CatalogError::not_found(RecordKind::Cooperative, id))
}

pub(super) fn find_by_name(tx: &Transaction<'_>, name: &str) -> Result<Option<Cooperative>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM cooperative WHERE name_folded = ?1 AND deleted_at IS NULL ORDER BY seq LIMIT 1"
    );
    Ok(tx
        .query_row(&sql, [text::fold(name)], cooperative_from_row)
        .optional()?)
}

/// Whether a live cooperative with this id exists.
pub(super) fn is_live(tx: &Transaction<'_>, id: Id) -> Result<bool> {
    Ok(tx
        .query_row(
            "SELECT 1 FROM cooperative WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The search rowids of the cooperative's products that are live (`deleted_at` None)
/// or were deleted at exactly `deleted_at`.
fn product_seqs(tx: &Transaction<'_>, id: Id, deleted_at: Option<Timestamp>) -> Result<Vec<i64>> {
    let mut stmt = tx
        .prepare_cached("SELECT seq FROM product WHERE cooperative_id = ?1 AND deleted_at IS ?2")?;
    let seqs = stmt.query_map(params![id, deleted_at], |row| row.get(0))?;
    Ok(seqs.collect::<rusqlite::Result<Vec<i64>>>()?)
}

fn cooperative_from_row(row: &Row<'_>) -> rusqlite::Result<Cooperative> {
    Ok(Cooperative {
        id: row.get(0)?,
        draft: CooperativeDraft {
            name: row.get(1)?,
            producer_type: super::code_column(row, 2, ProducerType::from_code)?,
            registration_no: row.get(3)?,
            address: row.get(4)?,
            province: row.get(5)?,
            commune: row.get(6)?,
            phone: row.get(7)?,
        },
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
        deleted_at: row.get(10)?,
    })
}
