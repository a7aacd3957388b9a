//! Shops: marketplace accounts. Only what is not secret is kept here; the secrets live in
//! the OS keychain (`crate::shops::secrets`) under the shop's id.

use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};

use super::Catalog;
use super::error::{CatalogError, Field, Problem, RecordKind, Result};
use super::ids::{Id, Timestamp};
use crate::market::Endpoints;
use crate::platform::Platform;
use crate::text;

/// What identifies a shop on its platform without being secret.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopIdentity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop_cipher: Option<String>,
    /// The shop's name on the platform, when it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shop {
    pub id: Id,
    pub platform: Platform,
    pub name: String,
    pub practice: bool,
    pub endpoints: Endpoints,
    pub identity: ShopIdentity,
    pub access_expires_at: Option<i64>,
    pub refresh_expires_at: Option<i64>,
    pub needs_reauth: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A shop about to be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewShop {
    pub platform: Platform,
    pub name: String,
    pub practice: bool,
    pub endpoints: Endpoints,
    pub identity: ShopIdentity,
}

const COLUMNS: &str = "id, platform, name, practice, endpoints, identity, access_expires_at, \
     refresh_expires_at, needs_reauth, created_at, updated_at";

fn json_column<T: for<'de> Deserialize<'de>>(row: &Row<'_>, index: usize) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Shop> {
    let code: String = row.get(1)?;
    Ok(Shop {
        id: row.get(0)?,
        platform: Platform::parse(&code).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                1,
                rusqlite::types::Type::Text,
                format!("unknown platform {code}").into(),
            )
        })?,
        name: row.get(2)?,
        practice: row.get(3)?,
        endpoints: json_column(row, 4)?,
        identity: json_column(row, 5)?,
        access_expires_at: row.get(6)?,
        refresh_expires_at: row.get(7)?,
        needs_reauth: row.get(8)?,
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
    })
}

fn get(tx: &Transaction<'_>, id: Id) -> Result<Shop> {
    tx.query_row(
        &format!("SELECT {COLUMNS} FROM shop WHERE id = ?1 AND deleted_at IS NULL"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| CatalogError::not_found(RecordKind::Shop, id))
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Plain structs of strings and numbers always serialise.
    serde_json::to_string(value).expect("shop fields serialise")
}

impl Catalog {
    pub fn create_shop(&self, new: &NewShop) -> Result<Shop> {
        let name = text::clean(&new.name);
        if name.is_empty() {
            return Err(CatalogError::invalid(Field::Name, Problem::Required));
        }
        let id = Id::new();
        let now = Timestamp::now();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO shop (id, platform, name, name_folded, practice, endpoints, identity, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                params![
                    id,
                    new.platform.code(),
                    name,
                    text::fold(&name),
                    new.practice,
                    to_json(&new.endpoints),
                    to_json(&new.identity),
                    now
                ],
            )?;
            get(tx, id)
        })
    }

    pub fn shop(&self, id: Id) -> Result<Shop> {
        self.read(|tx| get(tx, id))
    }

    /// Live shops, practice shops last, then by name.
    pub fn shops(&self) -> Result<Vec<Shop>> {
        self.read(|tx| {
            let mut statement = tx.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM shop WHERE deleted_at IS NULL ORDER BY practice, name_folded"
            ))?;
            let shops = statement
                .query_map([], from_row)?
                .collect::<rusqlite::Result<_>>()?;
            Ok(shops)
        })
    }

    /// Records a new authorisation or refresh: when the tokens now held expire, and
    /// what the platform told about the shop.
    pub fn record_shop_authorization(
        &self,
        id: Id,
        access_expires_at: i64,
        refresh_expires_at: Option<i64>,
        identity: &ShopIdentity,
    ) -> Result<Shop> {
        self.write(|tx| {
            get(tx, id)?;
            tx.execute(
                "UPDATE shop SET access_expires_at = ?2, refresh_expires_at = ?3, identity = ?4,
                     needs_reauth = 0, updated_at = ?5 WHERE id = ?1",
                params![
                    id,
                    access_expires_at,
                    refresh_expires_at,
                    to_json(identity),
                    Timestamp::now()
                ],
            )?;
            get(tx, id)
        })
    }

    /// The platform refused the refresh token: the shop waits for a new authorisation.
    pub fn mark_shop_needs_reauth(&self, id: Id) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE shop SET needs_reauth = 1, updated_at = ?2 WHERE id = ?1",
                params![id, Timestamp::now()],
            )?;
            Ok(())
        })
    }

    /// Points a practice shop at the practice marketplace's current address (its port
    /// changes from one start to the next).
    pub fn move_shop(&self, id: Id, endpoints: &Endpoints) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE shop SET endpoints = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, to_json(endpoints), Timestamp::now()],
            )?;
            Ok(())
        })
    }

    /// Removes a shop from the list. Its secrets are deleted from the keychain by the
    /// caller first.
    pub fn remove_shop(&self, id: Id) -> Result<()> {
        self.write(|tx| {
            get(tx, id)?;
            tx.execute(
                "UPDATE shop SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
                params![id, Timestamp::now()],
            )?;
            Ok(())
        })
    }
}

/// A rule-pack category found in a shop's category tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopCategory {
    pub category_key: String,
    pub remote_id: String,
    pub remote_path: String,
    pub required_attributes: Vec<crate::market::RemoteAttribute>,
}

impl Catalog {
    /// Replaces what is known of `shop_id`'s categories.
    pub fn save_shop_categories(&self, shop_id: Id, categories: &[ShopCategory]) -> Result<()> {
        self.write(|tx| {
            get(tx, shop_id)?;
            tx.execute("DELETE FROM shop_category WHERE shop_id = ?1", [shop_id])?;
            let now = Timestamp::now();
            for category in categories {
                tx.execute(
                    "INSERT INTO shop_category (shop_id, category_key, remote_id, remote_path, required_attributes, fetched_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        shop_id,
                        category.category_key,
                        category.remote_id,
                        category.remote_path,
                        to_json(&category.required_attributes),
                        now
                    ],
                )?;
            }
            Ok(())
        })
    }

    /// Where the rule-pack category `key` sits in `shop_id`'s tree, if it was fetched.
    pub fn shop_category(&self, shop_id: Id, key: &str) -> Result<Option<ShopCategory>> {
        self.read(|tx| {
            Ok(tx
                .query_row(
                    "SELECT category_key, remote_id, remote_path, required_attributes FROM shop_category
                      WHERE shop_id = ?1 AND category_key = ?2",
                    params![shop_id, key],
                    |row| {
                        Ok(ShopCategory {
                            category_key: row.get(0)?,
                            remote_id: row.get(1)?,
                            remote_path: row.get(2)?,
                            required_attributes: json_column(row, 3)?,
                        })
                    },
                )
                .optional()?)
        })
    }
}
