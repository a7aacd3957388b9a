//! Which photos a product has, in which order, and how each becomes square. The files
//! themselves live in the photo store (`crate::photos`); here are only their rows.

use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};

use super::CachedStatements;
use super::error::{CatalogError, RecordKind, Result};
use super::ids::{Id, Timestamp};
use super::{Catalog, code_column, products};
use crate::photos::quality::Measures;
use crate::photos::spec::Fit;

/// A stored photo file: its content hash, upright size and measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PhotoFile {
    pub sha256: String,
    /// "jpeg", "png" or "webp".
    pub format: String,
    pub width: u32,
    pub height: u32,
    /// The original file's size (at most `photos::import::MAX_FILE_BYTES`).
    pub bytes: u32,
    pub measures: Measures,
}

/// One photo of a product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Photo {
    pub id: Id,
    pub product_id: Id,
    pub file: PhotoFile,
    /// 0 is the cover.
    pub position: u32,
    pub fit: Fit,
    pub original_name: Option<String>,
    pub created_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

impl Photo {
    /// How messages name the photo: the file it came from, or its short id.
    pub fn name(&self) -> String {
        self.original_name
            .clone()
            .unwrap_or_else(|| self.id.short())
    }
}

const COLUMNS: &str = "pp.id, pp.product_id, pf.sha256, pf.format, pf.width, pf.height, pf.bytes, \
     pf.sharpness, pf.brightness, pf.highlights, pp.position, pp.fit, pp.original_name, pp.created_at, \
     pp.deleted_at";

impl Catalog {
    /// Adds a stored file to the product's photos, at the end. A photo the product
    /// already shows is not added twice: the existing one comes back, with `false`.
    pub fn attach_photo(
        &self,
        product_id: Id,
        file: &PhotoFile,
        original_name: Option<&str>,
    ) -> Result<(Photo, bool)> {
        self.write(|tx| {
            products::get_product(tx, product_id)?;
            if let Some(existing) = live_photo_with(tx, product_id, &file.sha256)? {
                return Ok((existing, false));
            }
            let now = Timestamp::now();
            tx.exec(
                "INSERT OR IGNORE INTO photo_file (sha256, format, width, height, bytes, sharpness, brightness,
                     highlights, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    file.sha256,
                    file.format,
                    file.width,
                    file.height,
                    file.bytes,
                    file.measures.sharpness,
                    file.measures.brightness,
                    file.measures.highlights,
                    now
                ],
            )?;
            let id = Id::new();
            tx.exec(
                "INSERT INTO product_photo (id, product_id, sha256, position, original_name, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![id, product_id, file.sha256, live_count(tx, product_id)?, original_name, now],
            )?;
            products::touch(tx, product_id)?;
            Ok((get_photo(tx, id)?, true))
        })
    }

    /// The stored file with this hash, if any product has ever used it.
    pub fn photo_file(&self, sha256: &str) -> Result<Option<PhotoFile>> {
        self.read(|tx| {
            Ok(tx
                .row(
                    "SELECT sha256, format, width, height, bytes, sharpness, brightness, highlights
                     FROM photo_file WHERE sha256 = ?1",
                    [sha256],
                    file_from_row,
                )
                .optional()?)
        })
    }

    /// The product's live photos, cover first.
    pub fn product_photos(&self, product_id: Id) -> Result<Vec<Photo>> {
        self.read(|tx| live_photos(tx, product_id))
    }

    pub fn photo(&self, id: Id) -> Result<Photo> {
        self.read(|tx| get_photo(tx, id))
    }

    /// Moves a photo to `position` (0 makes it the cover), shifting the others.
    pub fn move_photo(&self, id: Id, position: u32) -> Result<Photo> {
        self.write(|tx| {
            let photo = get_live_photo(tx, id)?;
            place(tx, photo.product_id, id, position)?;
            get_photo(tx, id)
        })
    }

    pub fn set_photo_fit(&self, id: Id, fit: Fit) -> Result<Photo> {
        self.write(|tx| {
            let photo = get_live_photo(tx, id)?;
            tx.exec(
                "UPDATE product_photo SET fit = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, fit.code(), Timestamp::now()],
            )?;
            products::touch(tx, photo.product_id)?;
            get_photo(tx, id)
        })
    }

    /// Takes the photo off the product (the file stays, for undo and for other products).
    pub fn delete_photo(&self, id: Id) -> Result<()> {
        self.write(|tx| {
            let photo = get_photo(tx, id)?;
            let now = Timestamp::now();
            tx.exec(
                "UPDATE product_photo SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, now],
            )?;
            let order: Vec<Id> = live_photos(tx, photo.product_id)?.iter().map(|p| p.id).collect();
            renumber(tx, &order)?;
            products::touch(tx, photo.product_id)
        })
    }

    /// Puts a deleted photo back where it was (or last, if fewer photos are left).
    pub fn restore_photo(&self, id: Id) -> Result<Photo> {
        self.write(|tx| {
            let photo = get_photo(tx, id)?;
            if photo.deleted_at.is_none() {
                return Ok(photo);
            }
            if let Some(existing) = live_photo_with(tx, photo.product_id, &photo.file.sha256)? {
                // The same picture was added again meanwhile: keep that one.
                return Ok(existing);
            }
            tx.exec(
                "UPDATE product_photo SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1",
                params![id, Timestamp::now()],
            )?;
            place(tx, photo.product_id, id, photo.position)?;
            get_photo(tx, id)
        })
    }
}

fn live_count(tx: &Transaction<'_>, product_id: Id) -> Result<u32> {
    let count: i64 = tx.row(
        "SELECT count(*) FROM product_photo WHERE product_id = ?1 AND deleted_at IS NULL",
        [product_id],
        |row| row.get(0),
    )?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

pub(super) fn live_photos(tx: &Transaction<'_>, product_id: Id) -> Result<Vec<Photo>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM product_photo pp JOIN photo_file pf ON pf.sha256 = pp.sha256
         WHERE pp.product_id = ?1 AND pp.deleted_at IS NULL ORDER BY pp.position, pp.seq"
    );
    let mut stmt = tx.prepare_cached(&sql)?;
    let rows = stmt.query_map([product_id], photo_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn live_photo_with(tx: &Transaction<'_>, product_id: Id, sha256: &str) -> Result<Option<Photo>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM product_photo pp JOIN photo_file pf ON pf.sha256 = pp.sha256
         WHERE pp.product_id = ?1 AND pp.sha256 = ?2 AND pp.deleted_at IS NULL"
    );
    Ok(tx
        .row(&sql, params![product_id, sha256], photo_from_row)
        .optional()?)
}

fn get_photo(tx: &Transaction<'_>, id: Id) -> Result<Photo> {
    let sql = format!(
        "SELECT {COLUMNS} FROM product_photo pp JOIN photo_file pf ON pf.sha256 = pp.sha256 WHERE pp.id = ?1"
    );
    tx.row(&sql, [id], photo_from_row)
        .optional()?
        .ok_or_else(|| CatalogError::not_found(RecordKind::Photo, id))
}

/// A photo that has not been deleted (a deleted one cannot be moved or changed).
fn get_live_photo(tx: &Transaction<'_>, id: Id) -> Result<Photo> {
    let photo = get_photo(tx, id)?;
    if photo.deleted_at.is_some() {
        return Err(CatalogError::not_found(RecordKind::Photo, id));
    }
    Ok(photo)
}

/// Puts the live photo `id` at `position` among the product's live photos (or last),
/// renumbering them all.
fn place(tx: &Transaction<'_>, product_id: Id, id: Id, position: u32) -> Result<()> {
    let mut order: Vec<Id> = live_photos(tx, product_id)?
        .iter()
        .map(|p| p.id)
        .filter(|p| *p != id)
        .collect();
    let at = usize::try_from(position)
        .unwrap_or(usize::MAX)
        .min(order.len());
    order.insert(at, id);
    renumber(tx, &order)?;
    products::touch(tx, product_id)
}

/// Gives the photos positions 0, 1, 2… in the order given.
fn renumber(tx: &Transaction<'_>, order: &[Id]) -> Result<()> {
    for (position, id) in order.iter().enumerate() {
        tx.exec(
            "UPDATE product_photo SET position = ?2 WHERE id = ?1 AND position IS NOT ?2",
            params![id, i64::try_from(position).unwrap_or(i64::MAX)],
        )?;
    }
    Ok(())
}

fn file_from_row(row: &Row<'_>) -> rusqlite::Result<PhotoFile> {
    file_at(row, 0)
}

/// The file's eight columns, starting at column `first`.
fn file_at(row: &Row<'_>, first: usize) -> rusqlite::Result<PhotoFile> {
    Ok(PhotoFile {
        sha256: row.get(first)?,
        format: row.get(first + 1)?,
        width: row.get(first + 2)?,
        height: row.get(first + 3)?,
        bytes: row.get(first + 4)?,
        measures: Measures {
            sharpness: row.get(first + 5)?,
            brightness: row.get(first + 6)?,
            highlights: row.get(first + 7)?,
        },
    })
}

fn photo_from_row(row: &Row<'_>) -> rusqlite::Result<Photo> {
    Ok(Photo {
        id: row.get(0)?,
        product_id: row.get(1)?,
        file: file_at(row, 2)?,
        position: row.get(10)?,
        fit: code_column(row, 11, Fit::from_code)?,
        original_name: row.get(12)?,
        created_at: row.get(13)?,
        deleted_at: row.get(14)?,
    })
}
