//! Saved scripts and their history. A script is saved whole (an editor sends what it
//! shows); each save is also kept as a version, except that saves less than a minute
//! apart (typing) share one, so restoring goes back to a moment a person would remember.
//! Version 1, the script as generated, is always kept.

use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use time::Duration;

use super::CachedStatements;
use super::error::{CatalogError, Field, Problem, RecordKind, Result};
use super::ids::{Id, Timestamp};
use super::{Catalog, code_column, products, validate};
use crate::i18n::Lang;
use crate::scripts::{ScriptDraft, ScriptKind, Tone};

/// Saves closer together than this update the same version.
const VERSION_WINDOW: Duration = Duration::minutes(1);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Script {
    pub id: Id,
    pub draft: ScriptDraft,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// A line of the script list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScriptSummary {
    pub id: Id,
    pub title: String,
    pub kind: ScriptKind,
    pub planned_seconds: u32,
    pub product_count: u32,
    pub updated_at: Timestamp,
}

/// A saved version, newest first in lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScriptVersion {
    pub version: u32,
    pub saved_at: Timestamp,
    pub title: String,
    pub planned_seconds: u32,
}

/// What the `body` column holds.
#[derive(Serialize, Deserialize)]
struct Body {
    segments: Vec<crate::scripts::Segment>,
    hashtags: Vec<String>,
}

const COLUMNS: &str = "id, title, kind, tone, lang, minutes, words_per_minute, offer, body, created_at, updated_at, deleted_at";

impl Catalog {
    pub fn create_script(&self, draft: &ScriptDraft) -> Result<Script> {
        let cleaned = validate::script(draft)?;
        self.write(|tx| {
            check_products(tx, &cleaned)?;
            let id = Id::new();
            let now = Timestamp::now();
            // The row is made with its id and creation time, then filled like a save.
            tx.exec(
                "INSERT INTO script (id, title, kind, tone, lang, minutes, words_per_minute, body, created_at,
                                     updated_at)
                 VALUES (?1, '-', 'livestream', 'warm', 'vi', 1, 160, '{}', ?2, ?2)",
                params![id, now],
            )?;
            update_row(tx, id, &cleaned, now)?;
            add_version(tx, id, &cleaned, now)?;
            get_script(tx, id)
        })
    }

    /// Saves the whole script (what the editor shows) and records the version.
    pub fn save_script(&self, id: Id, draft: &ScriptDraft) -> Result<Script> {
        let cleaned = validate::script(draft)?;
        self.write(|tx| {
            get_script(tx, id)?;
            check_products(tx, &cleaned)?;
            let now = Timestamp::now();
            update_row(tx, id, &cleaned, now)?;
            let last: Option<(u32, Timestamp)> = tx
                .row(
                    "SELECT version, saved_at FROM script_version WHERE script_id = ?1
                     ORDER BY version DESC LIMIT 1",
                    [id],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?;
            match last {
                // Version 1 is the script as first made: it is never overwritten.
                Some((version, saved_at))
                    if version > 1
                        && now.as_offset_date_time() - saved_at.as_offset_date_time()
                            < VERSION_WINDOW =>
                {
                    tx.exec(
                        "UPDATE script_version SET draft = ?3, saved_at = ?4 WHERE script_id = ?1 AND version = ?2",
                        params![id, version, draft_json(&cleaned), now],
                    )?;
                }
                _ => add_version(tx, id, &cleaned, now)?,
            }
            get_script(tx, id)
        })
    }

    pub fn script(&self, id: Id) -> Result<Script> {
        self.read(|tx| get_script(tx, id))
    }

    /// Live scripts, the most recently edited first.
    pub fn list_scripts(&self) -> Result<Vec<ScriptSummary>> {
        self.read(|tx| {
            let sql = format!(
                "SELECT {COLUMNS} FROM script WHERE deleted_at IS NULL ORDER BY updated_at DESC, seq DESC"
            );
            let mut stmt = tx.prepare_cached(&sql)?;
            let scripts = stmt
                .query_map([], |row| script_from_row(tx, row))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(scripts
                .into_iter()
                .map(|s| ScriptSummary {
                    id: s.id,
                    title: s.draft.title.clone(),
                    kind: s.draft.kind,
                    planned_seconds: s.draft.planned_seconds(),
                    product_count: u32::try_from(s.draft.product_ids.len()).unwrap_or(u32::MAX),
                    updated_at: s.updated_at,
                })
                .collect())
        })
    }

    /// The script's saved versions, newest first.
    pub fn script_versions(&self, id: Id) -> Result<Vec<ScriptVersion>> {
        self.read(|tx| {
            get_script(tx, id)?;
            let mut stmt = tx.prepare_cached(
                "SELECT version, saved_at, draft FROM script_version WHERE script_id = ?1 ORDER BY version DESC",
            )?;
            let rows = stmt.query_map([id], |row| {
                let draft: String = row.get(2)?;
                Ok((row.get(0)?, row.get(1)?, draft))
            })?;
            let mut versions = Vec::new();
            for row in rows {
                let (version, saved_at, draft): (u32, Timestamp, String) = row?;
                let draft = parse_draft(&draft, 2)?;
                versions.push(ScriptVersion {
                    version,
                    saved_at,
                    title: draft.title.clone(),
                    planned_seconds: draft.planned_seconds(),
                });
            }
            Ok(versions)
        })
    }

    /// Makes an earlier version the current text (itself saved as a new version, so the
    /// text it replaces can be restored in turn).
    pub fn restore_script_version(&self, id: Id, version: u32) -> Result<Script> {
        let draft = self.read(|tx| {
            let text: String = tx
                .row(
                    "SELECT draft FROM script_version WHERE script_id = ?1 AND version = ?2",
                    params![id, version],
                    |row| row.get(0),
                )
                .optional()?
                .ok_or_else(|| CatalogError::not_found(RecordKind::Script, id))?;
            Ok(parse_draft(&text, 0)?)
        })?;
        self.write(|tx| {
            let now = Timestamp::now();
            let current = get_script(tx, id)?;
            update_row(tx, id, &draft, now)?;
            if current.draft != draft {
                add_version(tx, id, &draft, now)?;
            }
            get_script(tx, id)
        })
    }

    /// Moves the script to the trash; [`Catalog::restore_script`] undoes it.
    pub fn delete_script(&self, id: Id) -> Result<()> {
        self.set_script_deleted(id, Some(Timestamp::now()))
    }

    pub fn restore_script(&self, id: Id) -> Result<()> {
        self.set_script_deleted(id, None)
    }

    fn set_script_deleted(&self, id: Id, at: Option<Timestamp>) -> Result<()> {
        self.write(|tx| {
            get_script(tx, id)?;
            tx.exec(
                "UPDATE script SET deleted_at = ?2 WHERE id = ?1",
                params![id, at],
            )?;
            Ok(())
        })
    }
}

/// Writes a (validated) draft over the script's row and product list.
fn update_row(tx: &Transaction<'_>, id: Id, draft: &ScriptDraft, now: Timestamp) -> Result<()> {
    tx.exec(
        "UPDATE script SET title = ?2, kind = ?3, tone = ?4, lang = ?5, minutes = ?6, words_per_minute = ?7,
                           offer = ?8, body = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            id,
            draft.title,
            draft.kind.code(),
            draft.tone.code(),
            draft.lang.code(),
            draft.minutes,
            draft.words_per_minute,
            draft.offer,
            body_json(draft),
            now
        ],
    )?;
    write_products(tx, id, draft)
}

fn check_products(tx: &Transaction<'_>, draft: &ScriptDraft) -> Result<()> {
    if draft.product_ids.is_empty() {
        return Err(CatalogError::invalid(Field::Segment, Problem::Required));
    }
    for id in &draft.product_ids {
        products::get_product(tx, *id)?;
    }
    Ok(())
}

fn write_products(tx: &Transaction<'_>, id: Id, draft: &ScriptDraft) -> Result<()> {
    tx.exec("DELETE FROM script_product WHERE script_id = ?1", [id])?;
    for (position, product) in draft.product_ids.iter().enumerate() {
        tx.exec(
            "INSERT INTO script_product (script_id, position, product_id) VALUES (?1, ?2, ?3)",
            params![id, i64::try_from(position).unwrap_or(i64::MAX), product],
        )?;
    }
    Ok(())
}

fn add_version(tx: &Transaction<'_>, id: Id, draft: &ScriptDraft, now: Timestamp) -> Result<()> {
    tx.exec(
        "INSERT INTO script_version (script_id, version, saved_at, draft)
         VALUES (?1, (SELECT coalesce(max(version), 0) + 1 FROM script_version WHERE script_id = ?1), ?2, ?3)",
        params![id, now, draft_json(draft)],
    )?;
    Ok(())
}

/// JSON of types that always serialise (strings, numbers, enums).
fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn body_json(draft: &ScriptDraft) -> String {
    to_json(&Body {
        segments: draft.segments.clone(),
        hashtags: draft.hashtags.clone(),
    })
}

fn draft_json(draft: &ScriptDraft) -> String {
    to_json(draft)
}

fn parse_draft(text: &str, column: usize) -> rusqlite::Result<ScriptDraft> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, e.into())
    })
}

fn get_script(tx: &Transaction<'_>, id: Id) -> Result<Script> {
    let sql = format!("SELECT {COLUMNS} FROM script WHERE id = ?1");
    tx.row(&sql, [id], |row| script_from_row(tx, row))
        .optional()?
        .ok_or_else(|| CatalogError::not_found(RecordKind::Script, id))
}

fn script_from_row(tx: &Transaction<'_>, row: &Row<'_>) -> rusqlite::Result<Script> {
    let id: Id = row.get(0)?;
    let body: String = row.get(8)?;
    let body: Body = serde_json::from_str(&body).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(8, rusqlite::types::Type::Text, e.into())
    })?;
    let mut stmt = tx.prepare_cached(
        "SELECT product_id FROM script_product WHERE script_id = ?1 ORDER BY position",
    )?;
    let product_ids = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<Id>>>()?;
    Ok(Script {
        id,
        draft: ScriptDraft {
            title: row.get(1)?,
            kind: code_column(row, 2, ScriptKind::parse)?,
            tone: code_column(row, 3, Tone::parse)?,
            lang: code_column(row, 4, Lang::from_code)?,
            minutes: row.get(5)?,
            words_per_minute: row.get(6)?,
            offer: row.get(7)?,
            product_ids,
            segments: body.segments,
            hashtags: body.hashtags,
        },
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
        deleted_at: row.get(11)?,
    })
}
