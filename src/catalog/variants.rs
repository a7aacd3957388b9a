//! Sellable variants of a product (a size, a pack), each with a SKU code that is unique
//! within its cooperative: marketplaces match orders and stock by it.

use super::CachedStatements;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::error::{CatalogError, Field, Problem, RecordKind, Result};
use super::ids::{Id, Timestamp};
use super::model::{Variant, VariantDraft};
use super::{Catalog, products, validate};

const COLUMNS: &str =
    "id, product_id, sku, name, price_vnd, stock, position, created_at, updated_at, deleted_at";

impl Catalog {
    pub fn add_variant(&self, product_id: Id, draft: &VariantDraft) -> Result<Variant> {
        self.write(|tx| insert_variant(tx, Id::new(), product_id, draft))
    }

    pub fn update_variant(&self, id: Id, draft: &VariantDraft) -> Result<Variant> {
        self.write(|tx| update_variant(tx, id, draft))
    }

    pub fn delete_variant(&self, id: Id) -> Result<()> {
        self.write(|tx| {
            let before = get_variant(tx, id)?;
            let now = Timestamp::now();
            tx.exec(
                "UPDATE variant SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
                params![id, now],
            )?;
            products::touch(tx, before.product_id)
        })
    }

    /// Takes a variant out of the trash, unless its SKU code was given to another since.
    pub fn restore_variant(&self, id: Id) -> Result<Variant> {
        self.write(|tx| {
            let before = get_variant(tx, id)?;
            let cooperative_id = cooperative_of(tx, before.product_id)?;
            ensure_sku_free(tx, cooperative_id, &before.draft.sku, Some(id))?;
            tx.exec(
                "UPDATE variant SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1",
                params![id, Timestamp::now()],
            )?;
            products::touch(tx, before.product_id)?;
            get_variant(tx, id)
        })
    }
}

pub(super) fn insert_variant(
    tx: &Transaction<'_>,
    id: Id,
    product_id: Id,
    draft: &VariantDraft,
) -> Result<Variant> {
    let draft = validate::variant(draft)?;
    let cooperative_id = cooperative_of(tx, product_id)?;
    ensure_sku_free(tx, cooperative_id, &draft.sku, None)?;
    let position: i64 = tx.row(
        "SELECT coalesce(max(position) + 1, 0) FROM variant WHERE product_id = ?1",
        [product_id],
        |row| row.get(0),
    )?;
    tx.exec(
        "INSERT INTO variant (id, product_id, cooperative_id, sku, name, price_vnd, stock, position,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            id,
            product_id,
            cooperative_id,
            draft.sku,
            draft.name,
            draft.price_vnd,
            draft.stock,
            position,
            Timestamp::now()
        ],
    )?;
    products::touch(tx, product_id)?;
    get_variant(tx, id)
}

pub(super) fn update_variant(
    tx: &Transaction<'_>,
    id: Id,
    draft: &VariantDraft,
) -> Result<Variant> {
    let draft = validate::variant(draft)?;
    let before = get_variant(tx, id)?;
    let cooperative_id = cooperative_of(tx, before.product_id)?;
    ensure_sku_free(tx, cooperative_id, &draft.sku, Some(id))?;
    tx.exec(
        "UPDATE variant SET sku = ?2, name = ?3, price_vnd = ?4, stock = ?5, updated_at = ?6
         WHERE id = ?1",
        params![
            id,
            draft.sku,
            draft.name,
            draft.price_vnd,
            draft.stock,
            Timestamp::now()
        ],
    )?;
    products::touch(tx, before.product_id)?;
    get_variant(tx, id)
}

/// Live and trashed variants of a product, in the order they were added.
pub(super) fn for_product(tx: &Transaction<'_>, product_id: Id) -> Result<Vec<Variant>> {
    let sql = format!("SELECT {COLUMNS} FROM variant WHERE product_id = ?1 ORDER BY position, seq");
    let mut stmt = tx.prepare_cached(&sql)?;
    let rows = stmt.query_map([product_id], variant_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Follows a product to another cooperative, checking its SKU codes are free there.
pub(super) fn move_to_cooperative(
    tx: &Transaction<'_>,
    product_id: Id,
    cooperative_id: Id,
) -> Result<()> {
    for variant in for_product(tx, product_id)?
        .iter()
        .filter(|v| v.deleted_at.is_none())
    {
        ensure_sku_free(tx, cooperative_id, &variant.draft.sku, Some(variant.id))?;
    }
    tx.exec(
        "UPDATE variant SET cooperative_id = ?2 WHERE product_id = ?1",
        params![product_id, cooperative_id],
    )?;
    Ok(())
}

/// Finds the live variant with this SKU code in the cooperative, ignoring case.
pub(super) fn find_by_sku(
    tx: &Transaction<'_>,
    cooperative_id: Id,
    sku: &str,
) -> Result<Option<Variant>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM variant
         WHERE cooperative_id = ?1 AND sku = ?2 COLLATE NOCASE AND deleted_at IS NULL"
    );
    Ok(tx
        .query_row(&sql, params![cooperative_id, sku], variant_from_row)
        .optional()?)
}

fn ensure_sku_free(
    tx: &Transaction<'_>,
    cooperative_id: Id,
    sku: &str,
    except: Option<Id>,
) -> Result<()> {
    let Some(holder) = find_by_sku(tx, cooperative_id, sku)? else {
        return Ok(());
    };
    if Some(holder.id) == except {
        return Ok(());
    }
    let product_name = products::get_product(tx, holder.product_id)?.draft.name;
    Err(CatalogError::invalid(
        Field::Sku,
        Problem::DuplicateSku {
            sku: holder.draft.sku,
            product_name,
        },
    ))
}

fn cooperative_of(tx: &Transaction<'_>, product_id: Id) -> Result<Id> {
    Ok(products::get_product(tx, product_id)?.draft.cooperative_id)
}

fn get_variant(tx: &Transaction<'_>, id: Id) -> Result<Variant> {
    let sql = format!("SELECT {COLUMNS} FROM variant WHERE id = ?1");
    tx.row(&sql, [id], variant_from_row)
        .optional()?
        .ok_or_else(|| CatalogError::not_found(RecordKind::Variant, id))
}

fn variant_from_row(row: &Row<'_>) -> rusqlite::Result<Variant> {
    Ok(Variant {
        id: row.get(0)?,
        product_id: row.get(1)?,
        draft: VariantDraft {
            sku: row.get(2)?,
            name: row.get(3)?,
            price_vnd: row.get(4)?,
            stock: row.get(5)?,
        },
        position: row.get(6)?,
        created_at: row.get(7)?,
        updated_at: row.get(8)?,
        deleted_at: row.get(9)?,
    })
}
