//! The practice marketplace's own SQLite file: its shops and their credentials, tokens,
//! authorisation codes, uploaded images and products. Separate from any catalog, as a
//! real marketplace's servers are.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde_json::{Value, json};

use super::PracticeShop;
use super::wire::{Market, random_hex};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS shop (
    market      TEXT NOT NULL,
    shop_key    TEXT NOT NULL,
    name        TEXT NOT NULL,
    app_key     TEXT NOT NULL,
    secret      TEXT NOT NULL,
    cipher      TEXT NOT NULL,
    PRIMARY KEY (market, shop_key)
);
CREATE TABLE IF NOT EXISTS token (
    token       TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    market      TEXT NOT NULL,
    shop_key    TEXT NOT NULL,
    expires_at  INTEGER NOT NULL,
    used        INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS code (
    code        TEXT PRIMARY KEY,
    market      TEXT NOT NULL,
    shop_key    TEXT NOT NULL,
    used        INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS image (
    market      TEXT NOT NULL,
    shop_key    TEXT NOT NULL,
    id          TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    bytes       INTEGER NOT NULL,
    PRIMARY KEY (market, shop_key, id)
);
CREATE TABLE IF NOT EXISTS product (
    seq             INTEGER PRIMARY KEY,
    market          TEXT NOT NULL,
    shop_key        TEXT NOT NULL,
    id              TEXT NOT NULL,
    idempotency_key TEXT,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL,
    reasons         TEXT NOT NULL DEFAULT '[]',
    review_at       INTEGER NOT NULL,
    create_calls    INTEGER NOT NULL DEFAULT 1,
    UNIQUE (market, id)
);
CREATE TABLE IF NOT EXISTS counter (
    day         TEXT NOT NULL,
    name        TEXT NOT NULL,
    count       INTEGER NOT NULL,
    PRIMARY KEY (day, name)
);
";

pub(crate) struct Store {
    conn: Mutex<Connection>,
}

/// A product as the marketplace holds it.
#[derive(Debug, Clone)]
pub(crate) struct Product {
    pub(crate) shop_key: String,
    pub(crate) id: String,
    /// The platform-neutral body: title, description, category, images, attributes,
    /// skus `[{id, seller_sku, price, stock}]`.
    pub(crate) body: Value,
    pub(crate) status: String,
    pub(crate) reasons: Value,
    pub(crate) review_at: i64,
}

fn now_s() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn today() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
}

impl Store {
    pub(crate) fn open(path: &Path) -> rusqlite::Result<Store> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.execute_batch(SCHEMA)?;
        let store = Store {
            conn: Mutex::new(conn),
        };
        store.ready_made_shops()?;
        Ok(store)
    }

    /// Runs `f` in one IMMEDIATE transaction.
    pub(crate) fn write<T>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        let mut conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// One shop per platform, made on the first start with fresh credentials.
    fn ready_made_shops(&self) -> rusqlite::Result<()> {
        self.write(|tx| {
            for market in [Market::Tiktok, Market::Shopee, Market::Lazada] {
                let exists: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM shop WHERE market = ?1)", [market.code()], |r| r.get(0))?;
                if exists {
                    continue;
                }
                let (shop_key, app_key) = match market {
                    // Shopee's partner and shop ids are numbers.
                    Market::Shopee => (
                        (100_000 + fastrand::u32(0..900_000)).to_string(),
                        (2_000_000 + fastrand::u32(0..900_000)).to_string(),
                    ),
                    _ => (random_hex(8), random_hex(12)),
                };
                tx.execute(
                    "INSERT INTO shop (market, shop_key, name, app_key, secret, cipher) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![market.code(), shop_key, market.shop_name(), app_key, random_hex(32), format!("ROW_{}", random_hex(16))],
                )?;
            }
            Ok(())
        })
    }

    pub(crate) fn shops(&self) -> rusqlite::Result<Vec<PracticeShop>> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut statement = conn.prepare(
            "SELECT market, shop_key, name, app_key, secret, cipher FROM shop ORDER BY market",
        )?;
        let rows = statement.query_map([], |row| {
            let market: String = row.get(0)?;
            let shop_key: String = row.get(1)?;
            let name: String = row.get(2)?;
            let app_key: String = row.get(3)?;
            let secret: String = row.get(4)?;
            let cipher: String = row.get(5)?;
            Ok(match market.as_str() {
                "shopee" => PracticeShop::Shopee {
                    name,
                    partner_id: app_key.parse().unwrap_or_default(),
                    partner_key: secret,
                    shop_id: shop_key.parse().unwrap_or_default(),
                },
                "lazada" => PracticeShop::Lazada {
                    name,
                    app_key,
                    app_secret: secret,
                    seller_id: shop_key,
                },
                _ => PracticeShop::Tiktok {
                    name,
                    app_key,
                    app_secret: secret,
                    shop_cipher: cipher,
                    shop_id: shop_key,
                },
            })
        })?;
        rows.collect()
    }

    /// (shop key, secret, cipher) of the shop whose app key (Shopee: partner id) is `app_key`.
    pub(crate) fn shop_by_app(
        &self,
        market: Market,
        app_key: &str,
    ) -> rusqlite::Result<Option<(String, String, String)>> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        conn.query_row(
            "SELECT shop_key, secret, cipher FROM shop WHERE market = ?1 AND app_key = ?2",
            params![market.code(), app_key],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()
    }

    pub(crate) fn new_code(
        &self,
        market: Market,
        shop_key: &str,
    ) -> rusqlite::Result<Option<String>> {
        self.write(|tx| {
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM shop WHERE market = ?1 AND shop_key = ?2)",
                params![market.code(), shop_key],
                |r| r.get(0),
            )?;
            if !exists {
                return Ok(None);
            }
            let code = random_hex(16);
            tx.execute(
                "INSERT INTO code (code, market, shop_key) VALUES (?1, ?2, ?3)",
                params![code, market.code(), shop_key],
            )?;
            Ok(Some(code))
        })
    }

    /// Uses a code once: the shop it authorises, if it was valid and unused.
    pub(crate) fn take_code(&self, market: Market, code: &str) -> rusqlite::Result<Option<String>> {
        self.write(|tx| {
            let shop: Option<String> = tx
                .query_row(
                    "SELECT shop_key FROM code WHERE code = ?1 AND market = ?2 AND used = 0",
                    params![code, market.code()],
                    |r| r.get(0),
                )
                .optional()?;
            tx.execute("UPDATE code SET used = 1 WHERE code = ?1", [code])?;
            Ok(shop)
        })
    }

    /// New access and refresh tokens for a shop: (access, access expiry, refresh, refresh expiry).
    pub(crate) fn issue_tokens(
        &self,
        market: Market,
        shop_key: &str,
        access_s: i64,
        refresh_s: i64,
    ) -> rusqlite::Result<(String, i64, String, i64)> {
        self.write(|tx| {
            let now = now_s();
            let access = random_hex(32);
            let refresh = random_hex(32);
            tx.execute(
                "INSERT INTO token (token, kind, market, shop_key, expires_at) VALUES (?1, 'access', ?2, ?3, ?4)",
                params![access, market.code(), shop_key, now + access_s],
            )?;
            tx.execute(
                "INSERT INTO token (token, kind, market, shop_key, expires_at) VALUES (?1, 'refresh', ?2, ?3, ?4)",
                params![refresh, market.code(), shop_key, now + refresh_s],
            )?;
            Ok((access, now + access_s, refresh, now + refresh_s))
        })
    }

    /// The shop a live token of `kind` belongs to; `Err(true)` when it exists but expired
    /// (or, for a single-use refresh token, was used).
    pub(crate) fn token_shop(
        &self,
        market: Market,
        kind: &str,
        token: &str,
    ) -> rusqlite::Result<Result<String, bool>> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let found: Option<(String, i64, bool)> = conn
            .query_row(
                "SELECT shop_key, expires_at, used FROM token WHERE token = ?1 AND market = ?2 AND kind = ?3",
                params![token, market.code(), kind],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        Ok(match found {
            None => Err(false),
            Some((_, expires, used)) if expires <= now_s() || used => Err(true),
            Some((shop, _, _)) => Ok(shop),
        })
    }

    /// Retires a refresh token (Shopee's are single-use); the shop's older access tokens
    /// keep working `grace_s` more seconds.
    pub(crate) fn retire_refresh(
        &self,
        market: Market,
        refresh: &str,
        shop_key: &str,
        grace_s: i64,
    ) -> rusqlite::Result<()> {
        self.write(|tx| {
            tx.execute("UPDATE token SET used = 1 WHERE token = ?1", [refresh])?;
            tx.execute(
                "UPDATE token SET expires_at = min(expires_at, ?3) WHERE market = ?1 AND shop_key = ?2 AND kind = 'access'",
                params![market.code(), shop_key, now_s() + grace_s],
            )?;
            Ok(())
        })
    }

    /// Makes a shop's current tokens of `kind` expired now (the control API).
    pub(crate) fn expire(
        &self,
        market: Market,
        shop_key: &str,
        kind: &str,
    ) -> rusqlite::Result<usize> {
        self.write(|tx| {
            tx.execute(
                "UPDATE token SET expires_at = ?4 WHERE market = ?1 AND shop_key = ?2 AND kind = ?3",
                params![market.code(), shop_key, kind, now_s() - 1],
            )
        })
    }

    pub(crate) fn add_image(
        &self,
        market: Market,
        shop_key: &str,
        sha256: &str,
        bytes: usize,
    ) -> rusqlite::Result<String> {
        self.write(|tx| {
            let id = format!("img-{}", &sha256[..16.min(sha256.len())]);
            tx.execute(
                "INSERT OR IGNORE INTO image (market, shop_key, id, sha256, bytes) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![market.code(), shop_key, id, sha256, bytes as i64],
            )?;
            Ok(id)
        })
    }

    pub(crate) fn has_image(
        &self,
        market: Market,
        shop_key: &str,
        id: &str,
    ) -> rusqlite::Result<bool> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM image WHERE market = ?1 AND shop_key = ?2 AND id = ?3)",
            params![market.code(), shop_key, id],
            |r| r.get(0),
        )
    }

    /// Adds one to today's counter `name` if it stays within `cap`; false when full.
    pub(crate) fn count_within(&self, name: &str, cap: u64) -> rusqlite::Result<bool> {
        self.write(|tx| {
            let day = today();
            let count: i64 = tx
                .query_row(
                    "SELECT count FROM counter WHERE day = ?1 AND name = ?2",
                    params![day, name],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or(0);
            if u64::try_from(count).unwrap_or(0) >= cap {
                return Ok(false);
            }
            tx.execute(
                "INSERT INTO counter (day, name, count) VALUES (?1, ?2, 1)
                 ON CONFLICT (day, name) DO UPDATE SET count = count + 1",
                params![day, name],
            )?;
            Ok(true)
        })
    }

    fn product_from(row: &rusqlite::Row<'_>) -> rusqlite::Result<Product> {
        let body: String = row.get(2)?;
        let reasons: String = row.get(4)?;
        Ok(Product {
            shop_key: row.get(0)?,
            id: row.get(1)?,
            body: serde_json::from_str(&body).unwrap_or(Value::Null),
            status: row.get(3)?,
            reasons: serde_json::from_str(&reasons).unwrap_or(json!([])),
            review_at: row.get(5)?,
        })
    }

    pub(crate) fn product(
        &self,
        market: Market,
        shop_key: &str,
        id: &str,
    ) -> rusqlite::Result<Option<Product>> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        conn.query_row(
            "SELECT shop_key, id, body, status, reasons, review_at FROM product WHERE market = ?1 AND shop_key = ?2 AND id = ?3",
            params![market.code(), shop_key, id],
            Store::product_from,
        )
        .optional()
    }

    pub(crate) fn products(
        &self,
        market: Option<Market>,
    ) -> rusqlite::Result<Vec<(String, Product, i64)>> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut statement = conn.prepare(
            "SELECT shop_key, id, body, status, reasons, review_at, market, create_calls FROM product
              WHERE ?1 IS NULL OR market = ?1 ORDER BY seq",
        )?;
        let rows = statement.query_map([market.map(Market::code)], |row| {
            Ok((row.get(6)?, Store::product_from(row)?, row.get(7)?))
        })?;
        rows.collect()
    }

    /// The shop's product holding `seller_sku`, if any.
    pub(crate) fn product_with_sku(
        &self,
        market: Market,
        shop_key: &str,
        seller_sku: &str,
    ) -> rusqlite::Result<Option<Product>> {
        Ok(self
            .products(Some(market))?
            .into_iter()
            .map(|(_, p, _)| p)
            .find(|p| {
                p.shop_key == shop_key
                    && p.status != "deleted"
                    && p.body["skus"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .any(|s| s["seller_sku"] == json!(seller_sku))
            }))
    }

    /// The product an earlier creation with idempotency key `key` made, counting this
    /// repeated call.
    pub(crate) fn repeat_of(
        &self,
        market: Market,
        shop_key: &str,
        key: &str,
    ) -> rusqlite::Result<Option<String>> {
        self.write(|tx| {
            let earlier: Option<String> = tx
                .query_row(
                    "SELECT id FROM product WHERE market = ?1 AND shop_key = ?2 AND idempotency_key = ?3",
                    params![market.code(), shop_key, key],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = &earlier {
                tx.execute(
                    "UPDATE product SET create_calls = create_calls + 1 WHERE market = ?1 AND id = ?2",
                    params![market.code(), id],
                )?;
            }
            Ok(earlier)
        })
    }

    /// Stores a new product; its id.
    pub(crate) fn create(
        &self,
        market: Market,
        shop_key: &str,
        key: Option<&str>,
        body: &Value,
        review_at: i64,
    ) -> rusqlite::Result<String> {
        self.write(|tx| {
            let id = (1_000_000_000u64 + fastrand::u64(0..8_000_000_000)).to_string();
            tx.execute(
                "INSERT INTO product (market, shop_key, id, idempotency_key, body, status, review_at) VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6)",
                params![market.code(), shop_key, id, key, body.to_string(), review_at],
            )?;
            Ok(id)
        })
    }

    pub(crate) fn save(&self, market: Market, product: &Product) -> rusqlite::Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE product SET body = ?3, status = ?4, reasons = ?5, review_at = ?6 WHERE market = ?1 AND id = ?2",
                params![market.code(), product.id, product.body.to_string(), product.status, product.reasons.to_string(), product.review_at],
            )?;
            Ok(())
        })
    }
}
