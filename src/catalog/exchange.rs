//! The catalog side of offline exchange (`crate::exchange`): every record kind a bundle
//! carries, read and written as a map of its columns, and the bookkeeping that tells a
//! change on one side from a change on both (migration 7).
//!
//! Columns computed from others (folded names for search) are never exchanged: they are
//! computed again on write, so a bundle cannot plant a search entry that differs from
//! the name it shows. Shops and their secrets are not record kinds here at all.

use std::collections::{BTreeMap, HashSet};

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{OptionalExtension, Transaction, params, params_from_iter};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use super::ids::{Id, Timestamp};
use super::{CachedStatements, ocop, search};
use crate::photos::store::is_sha256;
use crate::text;

/// The kinds of record a bundle carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Cooperative,
    Product,
    Certificate,
    Variant,
    PhotoFile,
    Photo,
    Listing,
    Proof,
    Script,
}

impl Kind {
    /// In the order they are written and applied: a record comes after those it
    /// refers to.
    pub const ALL: [Kind; 9] = [
        Kind::Cooperative,
        Kind::Product,
        Kind::Certificate,
        Kind::Variant,
        Kind::PhotoFile,
        Kind::Photo,
        Kind::Listing,
        Kind::Proof,
        Kind::Script,
    ];

    pub fn code(self) -> &'static str {
        self.spec().code
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    fn spec(self) -> &'static Spec {
        match self {
            Kind::Cooperative => &COOPERATIVE,
            Kind::Product => &PRODUCT,
            Kind::Certificate => &CERTIFICATE,
            Kind::Variant => &VARIANT,
            Kind::PhotoFile => &PHOTO_FILE,
            Kind::Photo => &PHOTO,
            Kind::Listing => &LISTING,
            Kind::Proof => &PROOF,
            Kind::Script => &SCRIPT,
        }
    }
}

/// How one kind is stored.
struct Spec {
    code: &'static str,
    table: &'static str,
    /// The column that identifies a record across catalogs.
    key: &'static str,
    /// Every exchanged column, the key first.
    columns: &'static [&'static str],
    /// `(column, source)`: columns holding the folded form of another, made on write.
    folded: &'static [(&'static str, &'static str)],
    /// The column naming the product a record belongs to.
    product_column: Option<&'static str>,
}

const COOPERATIVE: Spec = Spec {
    code: "cooperative",
    table: "cooperative",
    key: "id",
    columns: &[
        "id",
        "name",
        "producer_type",
        "registration_no",
        "address",
        "province",
        "commune",
        "phone",
        "created_at",
        "updated_at",
        "deleted_at",
    ],
    folded: &[("name_folded", "name"), ("province_folded", "province")],
    product_column: None,
};

const PRODUCT: Spec = Spec {
    code: "product",
    table: "product",
    key: "id",
    columns: &[
        "id",
        "cooperative_id",
        "name",
        "sector",
        "subgroup",
        "story",
        "ingredients",
        "usage",
        "storage",
        "shelf_life",
        "net_quantity",
        "net_unit",
        "origin",
        "package_weight_g",
        "package_length_mm",
        "package_width_mm",
        "package_height_mm",
        "barcode",
        "created_at",
        "updated_at",
        "deleted_at",
    ],
    folded: &[("name_folded", "name")],
    product_column: Some("id"),
};

const CERTIFICATE: Spec = Spec {
    code: "certificate",
    table: "ocop_certificate",
    key: "id",
    columns: &[
        "id",
        "product_id",
        "stars",
        "certificate_no",
        "decision_no",
        "decision_date",
        "issuing_authority",
        "valid_from",
        "valid_until",
        "created_at",
        "updated_at",
        "deleted_at",
    ],
    folded: &[],
    product_column: Some("product_id"),
};

const VARIANT: Spec = Spec {
    code: "variant",
    table: "variant",
    key: "id",
    columns: &[
        "id",
        "product_id",
        "cooperative_id",
        "sku",
        "name",
        "price_vnd",
        "stock",
        "position",
        "created_at",
        "updated_at",
        "deleted_at",
    ],
    folded: &[],
    product_column: Some("product_id"),
};

const PHOTO_FILE: Spec = Spec {
    code: "photo_file",
    table: "photo_file",
    key: "sha256",
    columns: &[
        "sha256",
        "format",
        "width",
        "height",
        "bytes",
        "sharpness",
        "brightness",
        "highlights",
        "created_at",
    ],
    folded: &[],
    product_column: None,
};

const PHOTO: Spec = Spec {
    code: "photo",
    table: "product_photo",
    key: "id",
    columns: &[
        "id",
        "product_id",
        "sha256",
        "position",
        "fit",
        "original_name",
        "created_at",
        "updated_at",
        "deleted_at",
    ],
    folded: &[],
    product_column: Some("product_id"),
};

const LISTING: Spec = Spec {
    code: "listing",
    table: "listing",
    key: "id",
    columns: &[
        "id",
        "product_id",
        "platform",
        "title",
        "description",
        "category",
        "attributes",
        "prices",
        "photos",
        "created_at",
        "updated_at",
    ],
    folded: &[],
    product_column: Some("product_id"),
};

const PROOF: Spec = Spec {
    code: "proof",
    table: "product_proof",
    key: "id",
    columns: &[
        "id",
        "product_id",
        "kind",
        "title",
        "issuer",
        "issued_on",
        "valid_until",
        "created_at",
        "updated_at",
        "deleted_at",
    ],
    folded: &[],
    product_column: Some("product_id"),
};

const SCRIPT: Spec = Spec {
    code: "script",
    table: "script",
    key: "id",
    columns: &[
        "id",
        "title",
        "kind",
        "tone",
        "lang",
        "minutes",
        "words_per_minute",
        "offer",
        "body",
        "created_at",
        "updated_at",
        "deleted_at",
    ],
    folded: &[],
    product_column: None,
};

/// A script's products and saved versions travel inside its record, as arrays of rows.
const SCRIPT_PRODUCTS: &str = "products";
const SCRIPT_VERSIONS: &str = "versions";

/// One record as a bundle carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub kind: Kind,
    pub fields: Map<String, Value>,
    /// The maker's memory of what each of its peers last sent for this record:
    /// peer catalog id → content hash.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub seen: BTreeMap<String, String>,
}

/// Why an incoming record cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// A field that this kind does not have, or a value of the wrong shape.
    #[error("field {0}")]
    Shape(String),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

impl Record {
    /// The value of the record's key column.
    pub fn key(&self) -> Option<&str> {
        self.fields
            .get(self.kind.spec().key)
            .and_then(Value::as_str)
    }

    /// The product this record belongs to, if it belongs to one.
    pub fn product_id(&self) -> Option<&str> {
        let column = self.kind.spec().product_column?;
        self.fields.get(column).and_then(Value::as_str)
    }

    fn text(&self, column: &str) -> Option<&str> {
        self.fields.get(column).and_then(Value::as_str)
    }

    /// The SHA-256 of the record's content, with its keys sorted. The key and the times
    /// (`is_bookkeeping`) are left out: the same edit made on two laptops is the same
    /// content, and a listing matched by product and platform may carry another id.
    pub fn content_hash(&self) -> String {
        let spec = self.kind.spec();
        let content: BTreeMap<&String, &Value> = self
            .fields
            .iter()
            .filter(|(name, _)| name.as_str() != spec.key && !is_bookkeeping(name))
            .collect();
        let bytes = serde_json::to_vec(&content).unwrap_or_default();
        Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Refuses records whose key is not an id (or a photo hash), whose fields this kind
    /// does not have, or whose values are not plain text or numbers.
    pub fn check_shape(&self) -> Result<(), ApplyError> {
        let spec = self.kind.spec();
        let key_ok = match self.key() {
            Some(key) if self.kind == Kind::PhotoFile => is_sha256(key),
            Some(key) => Id::parse(key).is_some(),
            None => false,
        };
        if !key_ok {
            return Err(ApplyError::Shape(spec.key.to_owned()));
        }
        for (name, value) in &self.fields {
            let known = spec.columns.contains(&name.as_str());
            let child = self.kind == Kind::Script
                && (name == SCRIPT_PRODUCTS || name == SCRIPT_VERSIONS)
                && value.is_array();
            let scalar = matches!(value, Value::Null | Value::Number(_) | Value::String(_));
            if !(known && scalar || child) {
                return Err(ApplyError::Shape(name.clone()));
            }
        }
        if self.kind == Kind::Photo && !self.text("sha256").is_some_and(is_sha256) {
            return Err(ApplyError::Shape("sha256".to_owned()));
        }
        // Codes the catalog reads back by name: an unknown one would make every list
        // that shows the record fail, so it never gets in.
        let known_code = |column: &str, known: fn(&str) -> bool| -> Result<(), ApplyError> {
            match self.fields.get(column) {
                None | Some(Value::Null) => Ok(()),
                Some(Value::String(code)) if known(code) => Ok(()),
                Some(_) => Err(ApplyError::Shape(column.to_owned())),
            }
        };
        match self.kind {
            Kind::Cooperative => known_code("producer_type", |c| {
                ocop::ProducerType::from_code(c).is_some()
            }),
            Kind::Product => {
                known_code("sector", |c| ocop::Sector::from_code(c).is_some())?;
                known_code("subgroup", |c| ocop::subgroup(c).is_some())?;
                known_code("net_unit", |c| ocop::Unit::from_code(c).is_some())
            }
            _ => Ok(()),
        }
    }
}

/// Whether a column only says when a record was made or last edited on one laptop,
/// which is not its content: the demo, loaded on two laptops, makes the same records
/// with the same ids at different times.
pub(crate) fn is_bookkeeping(column: &str) -> bool {
    matches!(column, "created_at" | "updated_at")
}

/// Migration 7's Rust step: this catalog's own id.
pub(crate) fn create_identity(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO exchange_identity (singleton, catalog_id) VALUES (1, ?1)",
        [Id::new()],
    )?;
    Ok(())
}

/// This catalog's id, which bundles name as their maker.
pub(crate) fn catalog_id(tx: &Transaction<'_>) -> rusqlite::Result<String> {
    tx.row(
        "SELECT catalog_id FROM exchange_identity WHERE singleton = 1",
        [],
        |row| row.get(0),
    )
}

/// Which records an export takes: everything, or chosen cooperatives and products
/// with what belongs to them.
#[derive(Debug, Default)]
pub(crate) struct Scope {
    everything: bool,
    cooperatives: HashSet<String>,
    products: HashSet<String>,
    photo_files: HashSet<String>,
}

impl Scope {
    /// The chosen cooperatives with all their products, and the chosen products with
    /// their cooperatives. Nothing chosen means everything.
    pub(crate) fn new(
        tx: &Transaction<'_>,
        cooperatives: &[Id],
        products: &[Id],
    ) -> rusqlite::Result<Scope> {
        if cooperatives.is_empty() && products.is_empty() {
            return Ok(Scope {
                everything: true,
                ..Scope::default()
            });
        }
        let mut scope = Scope::default();
        let mut owners = tx.prepare("SELECT id, cooperative_id FROM product")?;
        let mut rows = owners.query([])?;
        let chosen_coops: HashSet<String> = cooperatives.iter().map(Id::to_string).collect();
        let chosen_products: HashSet<String> = products.iter().map(Id::to_string).collect();
        while let Some(row) = rows.next()? {
            let (product, cooperative): (String, String) = (row.get(0)?, row.get(1)?);
            if chosen_coops.contains(&cooperative) || chosen_products.contains(&product) {
                scope.cooperatives.insert(cooperative);
                scope.products.insert(product);
            }
        }
        scope.cooperatives.extend(chosen_coops);
        let mut photos = tx.prepare("SELECT product_id, sha256 FROM product_photo")?;
        let mut rows = photos.query([])?;
        while let Some(row) = rows.next()? {
            let product: String = row.get(0)?;
            if scope.products.contains(&product) {
                scope.photo_files.insert(row.get(1)?);
            }
        }
        Ok(scope)
    }

    fn takes(&self, record: &Record) -> bool {
        if self.everything {
            return true;
        }
        match record.kind {
            Kind::Cooperative => record.key().is_some_and(|k| self.cooperatives.contains(k)),
            Kind::PhotoFile => record.key().is_some_and(|k| self.photo_files.contains(k)),
            // A script goes only with every product it presents.
            Kind::Script => script_products(record)
                .iter()
                .all(|product| self.products.contains(product)),
            _ => record
                .product_id()
                .is_some_and(|p| self.products.contains(p)),
        }
    }
}

fn script_products(record: &Record) -> Vec<String> {
    record
        .fields
        .get(SCRIPT_PRODUCTS)
        .and_then(Value::as_array)
        .map(|rows| {
            rows.iter()
                .filter_map(|row| row.get(1).and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Calls `visit` with every record of `kind` in `scope`, soft-deleted ones included (a
/// deletion travels like any edit), each with what its peers last sent.
pub(crate) fn for_each_record<E: From<rusqlite::Error>>(
    tx: &Transaction<'_>,
    kind: Kind,
    scope: &Scope,
    mut visit: impl FnMut(Record) -> Result<(), E>,
) -> Result<(), E> {
    let spec = kind.spec();
    let sql = format!(
        "SELECT {} FROM {} ORDER BY {}",
        spec.columns.join(", "),
        spec.table,
        spec.key
    );
    let mut stmt = tx.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let mut record = record_from_row(kind, row)?;
        if kind == Kind::Script {
            add_script_children(tx, &mut record)?;
        }
        if !scope.takes(&record) {
            continue;
        }
        record.seen = seen_by_peers(tx, &record)?;
        visit(record)?;
    }
    Ok(())
}

fn record_from_row(kind: Kind, row: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
    let mut fields = Map::new();
    for (index, column) in kind.spec().columns.iter().enumerate() {
        fields.insert((*column).to_owned(), json_value(row.get_ref(index)?));
    }
    Ok(Record {
        kind,
        fields,
        seen: BTreeMap::new(),
    })
}

fn json_value(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Integer(n) => Value::from(n),
        ValueRef::Real(x) => serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number),
        ValueRef::Text(bytes) => Value::String(String::from_utf8_lossy(bytes).into_owned()),
        // No exchanged column holds blobs.
        ValueRef::Null | ValueRef::Blob(_) => Value::Null,
    }
}

fn sql_value(value: Option<&Value>, column: &str) -> Result<SqlValue, ApplyError> {
    Ok(match value {
        None | Some(Value::Null) => SqlValue::Null,
        Some(Value::String(s)) => SqlValue::Text(s.nfc().collect()),
        Some(Value::Number(n)) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().ok_or_else(|| ApplyError::Shape(column.into()))?),
        },
        Some(_) => return Err(ApplyError::Shape(column.to_owned())),
    })
}

fn add_script_children(tx: &Transaction<'_>, record: &mut Record) -> rusqlite::Result<()> {
    let Some(id) = record.key().map(str::to_owned) else {
        return Ok(());
    };
    let products = child_rows(
        tx,
        "SELECT position, product_id FROM script_product WHERE script_id = ?1 ORDER BY position",
        &id,
    )?;
    let versions = child_rows(
        tx,
        "SELECT version, saved_at, draft FROM script_version WHERE script_id = ?1 ORDER BY version",
        &id,
    )?;
    record.fields.insert(SCRIPT_PRODUCTS.to_owned(), products);
    record.fields.insert(SCRIPT_VERSIONS.to_owned(), versions);
    Ok(())
}

/// The rows `sql` selects for `id`, each as a JSON array of its columns.
fn child_rows(tx: &Transaction<'_>, sql: &str, id: &str) -> rusqlite::Result<Value> {
    let mut stmt = tx.prepare_cached(sql)?;
    let width = stmt.column_count();
    let rows = stmt
        .query_map([id], |row| {
            (0..width)
                .map(|i| Ok(json_value(row.get_ref(i)?)))
                .collect::<rusqlite::Result<Vec<Value>>>()
                .map(Value::Array)
        })?
        .collect::<rusqlite::Result<Vec<Value>>>()?;
    Ok(Value::Array(rows))
}

/// The record as this catalog has it: by key, or for a listing (one per product and
/// platform) by its product and platform, so two laptops that each started the same
/// listing meet on one row.
pub(crate) fn local_twin(
    tx: &Transaction<'_>,
    incoming: &Record,
) -> rusqlite::Result<Option<Record>> {
    let kind = incoming.kind;
    let spec = kind.spec();
    let columns = spec.columns.join(", ");
    let by_key = format!(
        "SELECT {columns} FROM {} WHERE {} = ?1",
        spec.table, spec.key
    );
    let mut found = tx
        .prepare_cached(&by_key)?
        .query_row([incoming.key()], |row| record_from_row(kind, row))
        .optional()?;
    if found.is_none() && kind == Kind::Listing {
        found = tx
            .prepare_cached(&format!(
                "SELECT {columns} FROM listing WHERE product_id = ?1 AND platform = ?2"
            ))?
            .query_row(
                [incoming.text("product_id"), incoming.text("platform")],
                |row| record_from_row(kind, row),
            )
            .optional()?;
    }
    if let Some(record) = found.as_mut().filter(|_| kind == Kind::Script) {
        add_script_children(tx, record)?;
    }
    Ok(found)
}

/// Writes `record` as the catalog's version: a new row, or every exchanged column of the
/// row with the same key. The caller re-indexes the products it touched.
pub(crate) fn apply(tx: &Transaction<'_>, record: &Record) -> Result<(), ApplyError> {
    let spec = record.kind.spec();
    let mut names: Vec<&str> = spec.columns.to_vec();
    let mut values = Vec::with_capacity(names.len() + spec.folded.len());
    for column in spec.columns {
        values.push(sql_value(record.fields.get(*column), column)?);
    }
    for (column, source) in spec.folded {
        names.push(column);
        values.push(match record.text(source) {
            Some(source) => SqlValue::Text(text::fold(source)),
            None => SqlValue::Null,
        });
    }
    let placeholders = (1..=names.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let updates = names
        .iter()
        .filter(|name| **name != spec.key && **name != "created_at")
        .map(|name| format!("{name} = excluded.{name}"))
        .collect::<Vec<_>>()
        .join(", ");
    let action = if record.kind == Kind::PhotoFile {
        // A photo file is its content: the same hash is the same file.
        "NOTHING".to_owned()
    } else {
        format!("UPDATE SET {updates}")
    };
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({placeholders}) ON CONFLICT ({}) DO {action}",
        spec.table,
        names.join(", "),
        spec.key
    );
    tx.prepare_cached(&sql)?.execute(params_from_iter(values))?;
    if record.kind == Kind::Script {
        replace_script_children(tx, record)?;
    }
    Ok(())
}

fn replace_script_children(tx: &Transaction<'_>, record: &Record) -> Result<(), ApplyError> {
    let id = record.key();
    tx.exec("DELETE FROM script_product WHERE script_id = ?1", [id])?;
    tx.exec("DELETE FROM script_version WHERE script_id = ?1", [id])?;
    let rows = |name: &str, width: usize| -> Result<Vec<Vec<SqlValue>>, ApplyError> {
        let shape = || ApplyError::Shape(name.to_owned());
        let Some(list) = record.fields.get(name) else {
            return Ok(Vec::new());
        };
        let list = list.as_array().ok_or_else(shape)?;
        list.iter()
            .map(|row| {
                let cells = row
                    .as_array()
                    .filter(|c| c.len() == width)
                    .ok_or_else(shape)?;
                cells
                    .iter()
                    .map(|cell| sql_value(Some(cell), name))
                    .collect()
            })
            .collect()
    };
    for row in rows(SCRIPT_PRODUCTS, 2)? {
        tx.exec(
            "INSERT INTO script_product (script_id, position, product_id) VALUES (?1, ?2, ?3)",
            params![id, row[0], row[1]],
        )?;
    }
    for row in rows(SCRIPT_VERSIONS, 3)? {
        tx.exec(
            "INSERT INTO script_version (script_id, version, saved_at, draft) VALUES (?1, ?2, ?3, ?4)",
            params![id, row[0], row[1], row[2]],
        )?;
    }
    Ok(())
}

/// What `peer` last sent for this record, if it ever did.
pub(crate) fn seen_from(
    tx: &Transaction<'_>,
    peer: &str,
    record: &Record,
) -> rusqlite::Result<Option<String>> {
    tx.row(
        "SELECT hash FROM exchange_seen WHERE kind = ?1 AND record_id = ?2 AND peer_catalog = ?3",
        params![record.kind.code(), record.key(), peer],
        |row| row.get(0),
    )
    .optional()
}

fn seen_by_peers(
    tx: &Transaction<'_>,
    record: &Record,
) -> rusqlite::Result<BTreeMap<String, String>> {
    tx.prepare_cached(
        "SELECT peer_catalog, hash FROM exchange_seen WHERE kind = ?1 AND record_id = ?2",
    )?
    .query_map(params![record.kind.code(), record.key()], |row| {
        Ok((row.get(0)?, row.get(1)?))
    })?
    .collect()
}

/// Remembers that `peer` sent this content for the record.
pub(crate) fn remember_seen(
    tx: &Transaction<'_>,
    peer: &str,
    record: &Record,
    hash: &str,
) -> rusqlite::Result<()> {
    tx.exec(
        "INSERT INTO exchange_seen (peer_catalog, kind, record_id, hash) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (kind, record_id, peer_catalog) DO UPDATE SET hash = excluded.hash",
        params![peer, record.kind.code(), record.key(), hash],
    )?;
    Ok(())
}

/// A record both sides changed, kept side by side until the user chooses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub id: Id,
    pub kind: Kind,
    pub record_id: String,
    /// The catalog the incoming version came from.
    pub peer_catalog: String,
    pub local: Map<String, Value>,
    pub incoming: Map<String, Value>,
    pub created_at: Timestamp,
}

/// Which side the user kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    Local,
    Incoming,
}

/// Puts a record on the conflict list, replacing an open conflict about the same record.
pub(crate) fn add_conflict(
    tx: &Transaction<'_>,
    peer: &str,
    local: &Record,
    incoming: &Record,
) -> rusqlite::Result<()> {
    tx.exec(
        "DELETE FROM exchange_conflict WHERE kind = ?1 AND record_id = ?2 AND resolved_at IS NULL",
        params![local.kind.code(), local.key()],
    )?;
    tx.exec(
        "INSERT INTO exchange_conflict (id, peer_catalog, kind, record_id, local, incoming, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            Id::new(),
            peer,
            local.kind.code(),
            local.key(),
            Value::Object(local.fields.clone()).to_string(),
            Value::Object(incoming.fields.clone()).to_string(),
            Timestamp::now(),
        ],
    )?;
    Ok(())
}

/// The conflicts waiting for the user, oldest first.
pub(crate) fn open_conflicts(tx: &Transaction<'_>) -> rusqlite::Result<Vec<Conflict>> {
    tx.prepare(
        "SELECT id, kind, record_id, peer_catalog, local, incoming, created_at
         FROM exchange_conflict WHERE resolved_at IS NULL ORDER BY seq",
    )?
    .query_map([], |row| {
        let object = |index: usize| -> rusqlite::Result<Map<String, Value>> {
            let text: String = row.get(index)?;
            Ok(serde_json::from_str(&text).unwrap_or_default())
        };
        Ok(Conflict {
            id: row.get(0)?,
            kind: super::code_column(row, 1, Kind::from_code)?,
            record_id: row.get(2)?,
            peer_catalog: row.get(3)?,
            local: object(4)?,
            incoming: object(5)?,
            created_at: row.get(6)?,
        })
    })?
    .collect()
}

/// What settling a conflict did.
pub(crate) enum Settled {
    /// Closed; the conflict's incoming record, so the caller can re-index its product.
    Closed(Record),
    /// This catalog's copy was edited after the conflict was shown: taking the received
    /// version would have lost that edit unseen. The conflict now shows the edited copy
    /// and stays open.
    LocalChanged,
}

/// Closes a conflict; the incoming version, when chosen, becomes the catalog's. `None`
/// when no open conflict has this id.
pub(crate) fn resolve_conflict(
    tx: &Transaction<'_>,
    id: Id,
    resolution: Resolution,
) -> Result<Option<Settled>, ApplyError> {
    let Some(conflict) = open_conflicts(tx)?.into_iter().find(|c| c.id == id) else {
        return Ok(None);
    };
    let incoming = Record {
        kind: conflict.kind,
        fields: conflict.incoming,
        seen: BTreeMap::new(),
    };
    if resolution == Resolution::Incoming {
        let shown = Record {
            kind: conflict.kind,
            fields: conflict.local,
            seen: BTreeMap::new(),
        };
        if let Some(now) = local_twin(tx, &incoming)? {
            if now.content_hash() != shown.content_hash() {
                tx.exec(
                    "UPDATE exchange_conflict SET local = ?2 WHERE id = ?1",
                    params![id, Value::Object(now.fields).to_string()],
                )?;
                return Ok(Some(Settled::LocalChanged));
            }
        }
        apply(tx, &incoming)?;
    }
    // Only now has this catalog taken the peer's version into account: until the user
    // chose, a new bundle from that peer meets the same conflict again.
    remember_seen(
        tx,
        &conflict.peer_catalog,
        &incoming,
        &incoming.content_hash(),
    )?;
    tx.exec(
        "UPDATE exchange_conflict SET resolved_at = ?2, resolution = ?3 WHERE id = ?1",
        params![
            id,
            Timestamp::now(),
            match resolution {
                Resolution::Local => "local",
                Resolution::Incoming => "incoming",
            }
        ],
    )?;
    Ok(Some(Settled::Closed(incoming)))
}

/// Brings the search index and the stored readiness up to date for products whose
/// records (or cooperative) an exchange changed.
pub(crate) fn refresh_products(
    tx: &Transaction<'_>,
    products: &HashSet<String>,
    cooperatives: &HashSet<String>,
) -> rusqlite::Result<()> {
    let mut seqs: Vec<(i64, String)> = Vec::new();
    let mut stmt = tx.prepare_cached("SELECT seq, id, cooperative_id FROM product")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let (seq, id, cooperative): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
        if products.contains(&id) || cooperatives.contains(&cooperative) {
            seqs.push((seq, id));
        }
    }
    for (seq, id) in seqs {
        search::index_product(tx, seq)?;
        tx.exec("DELETE FROM listing_readiness WHERE product_id = ?1", [id])?;
    }
    Ok(())
}
