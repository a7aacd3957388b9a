//! OCOP products: create, edit, read, trash and restore.

use super::CachedStatements;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::error::{CatalogError, Field, Problem, RecordKind, Result};
use super::ids::{Id, Timestamp};
use super::model::{NetQuantity, Package, Product, ProductDetail, ProductDraft};
use super::ocop::{Sector, Unit};
use super::{Catalog, certificates, code_column, cooperatives, search, validate, variants};
use crate::text;

const COLUMNS: &str = "id, cooperative_id, name, subgroup, story, ingredients, usage, storage, \
     shelf_life, net_quantity, net_unit, origin, package_weight_g, package_length_mm, \
     package_width_mm, package_height_mm, barcode, sector, created_at, updated_at, deleted_at";

impl Catalog {
    pub fn create_product(&self, draft: &ProductDraft) -> Result<Product> {
        self.write(|tx| insert_product(tx, Id::new(), draft))
    }

    /// Replaces every field of the product with the draft's. Moving a product to another
    /// cooperative moves its SKU codes too, and is refused if one is taken there.
    pub fn update_product(&self, id: Id, draft: &ProductDraft) -> Result<Product> {
        self.write(|tx| update_product(tx, id, draft))
    }

    /// The product, also when it is in the trash.
    /// Every live product, oldest first.
    pub fn live_product_ids(&self) -> Result<Vec<Id>> {
        self.read(|tx| {
            let mut statement =
                tx.prepare_cached("SELECT id FROM product WHERE deleted_at IS NULL ORDER BY seq")?;
            let ids = statement.query_map([], |row| row.get(0))?;
            Ok(ids.collect::<rusqlite::Result<_>>()?)
        })
    }

    pub fn product(&self, id: Id) -> Result<Product> {
        self.read(|tx| get_product(tx, id))
    }

    /// The product with its cooperative, variants and certificates.
    pub fn product_detail(&self, id: Id) -> Result<ProductDetail> {
        self.read(|tx| detail(tx, id))
    }

    /// Moves the product to the trash; [`Catalog::restore_product`] undoes it.
    pub fn delete_product(&self, id: Id) -> Result<()> {
        self.write(|tx| {
            let now = Timestamp::now();
            let changed = tx.exec(
                "UPDATE product SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, now],
            )?;
            if changed == 0 {
                return Err(CatalogError::not_found(RecordKind::Product, id));
            }
            search::unindex_product(tx, seq_of(tx, id)?)?;
            Ok(())
        })
    }

    /// Takes the product out of the trash. Its cooperative must not be in the trash.
    pub fn restore_product(&self, id: Id) -> Result<Product> {
        self.write(|tx| {
            let product = get_product(tx, id)?;
            if product.deleted_at.is_none() {
                return Ok(product);
            }
            ensure_live_cooperative(tx, product.draft.cooperative_id)?;
            tx.exec(
                "UPDATE product SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1",
                params![id, Timestamp::now()],
            )?;
            search::index_product(tx, seq_of(tx, id)?)?;
            get_product(tx, id)
        })
    }
}

pub(super) fn insert_product(
    tx: &Transaction<'_>,
    id: Id,
    draft: &ProductDraft,
) -> Result<Product> {
    let (draft, subgroup) = validate::product(draft)?;
    ensure_live_cooperative(tx, draft.cooperative_id)?;
    save(tx, id, &draft, subgroup.sector)?;
    search::index_product(tx, seq_of(tx, id)?)?;
    get_product(tx, id)
}

pub(super) fn update_product(
    tx: &Transaction<'_>,
    id: Id,
    draft: &ProductDraft,
) -> Result<Product> {
    let (draft, subgroup) = validate::product(draft)?;
    let before = get_product(tx, id)?;
    if before.draft.cooperative_id != draft.cooperative_id {
        ensure_live_cooperative(tx, draft.cooperative_id)?;
        variants::move_to_cooperative(tx, id, draft.cooperative_id)?;
    }
    save(tx, id, &draft, subgroup.sector)?;
    if before.deleted_at.is_none() {
        search::index_product(tx, seq_of(tx, id)?)?;
    }
    get_product(tx, id)
}

fn ensure_live_cooperative(tx: &Transaction<'_>, cooperative_id: Id) -> Result<()> {
    if cooperatives::is_live(tx, cooperative_id)? {
        Ok(())
    } else {
        Err(CatalogError::invalid(
            Field::Cooperative,
            Problem::UnknownCooperative,
        ))
    }
}

/// Writes a validated draft: a new row, or every editable column of an existing one.
fn save(tx: &Transaction<'_>, id: Id, draft: &ProductDraft, sector: Sector) -> Result<()> {
    tx.exec(
        "INSERT INTO product (id, cooperative_id, name, name_folded, subgroup, sector, story,
             ingredients, usage, storage, shelf_life, net_quantity, net_unit, origin,
             package_weight_g, package_length_mm, package_width_mm, package_height_mm, barcode,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?20)
         ON CONFLICT (id) DO UPDATE SET cooperative_id = excluded.cooperative_id,
             name = excluded.name, name_folded = excluded.name_folded,
             subgroup = excluded.subgroup, sector = excluded.sector, story = excluded.story,
             ingredients = excluded.ingredients, usage = excluded.usage,
             storage = excluded.storage, shelf_life = excluded.shelf_life,
             net_quantity = excluded.net_quantity, net_unit = excluded.net_unit,
             origin = excluded.origin, package_weight_g = excluded.package_weight_g,
             package_length_mm = excluded.package_length_mm,
             package_width_mm = excluded.package_width_mm,
             package_height_mm = excluded.package_height_mm, barcode = excluded.barcode,
             updated_at = excluded.updated_at",
        params![
            id,
            draft.cooperative_id,
            draft.name,
            text::fold(&draft.name),
            draft.subgroup,
            sector.code(),
            draft.story,
            draft.ingredients,
            draft.usage,
            draft.storage,
            draft.shelf_life,
            draft.net_quantity.map(|q| q.amount),
            draft.net_quantity.map(|q| q.unit.code()),
            draft.origin,
            draft.package.weight_g,
            draft.package.length_mm,
            draft.package.width_mm,
            draft.package.height_mm,
            draft.barcode,
            Timestamp::now(),
        ],
    )?;
    super::listings::forget_readiness(tx, id)
}

/// Marks the product as changed now, after an edit to one of its variants or
/// certificates, so "recently updated" lists show it first. The time always moves
/// forward, even for two edits in the same millisecond: the sync's outbox trigger fires
/// when it changes, and a repeated value would leave the second edit unsent.
pub(super) fn touch(tx: &Transaction<'_>, id: Id) -> Result<()> {
    let previous: Option<Timestamp> = tx
        .query_row(
            "SELECT updated_at FROM product WHERE id = ?1",
            [id],
            |row| row.get(0),
        )
        .optional()?;
    let now = Timestamp::now();
    let stamp = match previous {
        Some(previous) if previous.as_offset_date_time() >= now.as_offset_date_time() => {
            Timestamp::from(previous.as_offset_date_time() + time::Duration::milliseconds(1))
        }
        _ => now,
    };
    tx.exec(
        "UPDATE product SET updated_at = ?2 WHERE id = ?1",
        params![id, stamp],
    )?;
    super::listings::forget_readiness(tx, id)
}

/// A product with its cooperative, variants and certificates.
pub(super) fn detail(tx: &Transaction<'_>, id: Id) -> Result<ProductDetail> {
    let product = get_product(tx, id)?;
    Ok(ProductDetail {
        cooperative: cooperatives::get_cooperative(tx, product.draft.cooperative_id)?,
        variants: variants::for_product(tx, id)?,
        certificates: certificates::for_product(tx, id)?,
        product,
    })
}

pub(super) fn get_product(tx: &Transaction<'_>, id: Id) -> Result<Product> {
    let sql = format!("SELECT {COLUMNS} FROM product WHERE id = ?1");
    tx.row(&sql, [id], product_from_row)
        .optional()?
        .ok_or_else(|| CatalogError::not_found(RecordKind::Product, id))
}

/// The product's rowid in the search index.
pub(super) fn seq_of(tx: &Transaction<'_>, id: Id) -> Result<i64> {
    tx.row("SELECT seq FROM product WHERE id = ?1", [id], |row| {
        row.get(0)
    })
    .optional()?
    .ok_or_else(|| CatalogError::not_found(RecordKind::Product, id))
}

/// Finds a live product of the cooperative by name, ignoring case and diacritics.
pub(super) fn find_by_name(
    tx: &Transaction<'_>,
    cooperative_id: Id,
    name: &str,
) -> Result<Option<Product>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM product
         WHERE cooperative_id = ?1 AND name_folded = ?2 AND deleted_at IS NULL ORDER BY seq LIMIT 1"
    );
    Ok(tx
        .query_row(
            &sql,
            params![cooperative_id, text::fold(name)],
            product_from_row,
        )
        .optional()?)
}

fn product_from_row(row: &Row<'_>) -> rusqlite::Result<Product> {
    let amount: Option<f64> = row.get(9)?;
    let unit: Option<String> = row.get(10)?;
    let net_quantity = match (amount, unit.as_deref().and_then(Unit::from_code)) {
        (Some(amount), Some(unit)) => Some(NetQuantity { amount, unit }),
        _ => None,
    };
    Ok(Product {
        id: row.get(0)?,
        draft: ProductDraft {
            cooperative_id: row.get(1)?,
            name: row.get(2)?,
            subgroup: row.get(3)?,
            story: row.get(4)?,
            ingredients: row.get(5)?,
            usage: row.get(6)?,
            storage: row.get(7)?,
            shelf_life: row.get(8)?,
            net_quantity,
            origin: row.get(11)?,
            package: Package {
                weight_g: row.get(12)?,
                length_mm: row.get(13)?,
                width_mm: row.get(14)?,
                height_mm: row.get(15)?,
            },
            barcode: row.get(16)?,
        },
        sector: code_column(row, 17, Sector::from_code)?,
        created_at: row.get(18)?,
        updated_at: row.get(19)?,
        deleted_at: row.get(20)?,
    })
}
