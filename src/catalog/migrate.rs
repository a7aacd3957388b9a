//! Forward-only, numbered schema migrations.
//!
//! Each migration is a `.sql` file in `migrations/` plus, where SQL alone cannot do it,
//! a Rust step (e.g. filling the search index, which needs Vietnamese folding). A
//! migration and the new `user_version` commit in one `IMMEDIATE` transaction, so a
//! crash leaves the database at the old version or the new one, never between.
//!
//! We keep this 60-line runner instead of `rusqlite_migration` because we need the Rust
//! steps inside the same transaction and a refusal of newer files *before* anything
//! (even `journal_mode`) is written to them.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::{exchange, search};

/// `PRAGMA application_id` of a Chợ Phiên catalog: "CHPH".
pub const APPLICATION_ID: i32 = 0x4348_5048;

struct Migration {
    sql: &'static str,
    after: Option<fn(&Transaction<'_>) -> rusqlite::Result<()>>,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        sql: include_str!("migrations/0001_catalog.sql"),
        after: None,
    },
    Migration {
        sql: include_str!("migrations/0002_search.sql"),
        after: Some(search::reindex_all),
    },
    Migration {
        sql: include_str!("migrations/0003_photos.sql"),
        after: None,
    },
    Migration {
        sql: include_str!("migrations/0004_listings.sql"),
        after: None,
    },
    Migration {
        sql: include_str!("migrations/0005_scripts.sql"),
        after: None,
    },
    Migration {
        sql: include_str!("migrations/0006_shops.sql"),
        after: None,
    },
    Migration {
        sql: include_str!("migrations/0007_sync.sql"),
        after: None,
    },
    Migration {
        sql: include_str!("migrations/0008_exchange.sql"),
        after: Some(exchange::create_identity),
    },
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The schema version recorded in the file.
pub fn schema_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Applies every migration above the file's version, up to [`SCHEMA_VERSION`].
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Applies migrations up to `target` only. Tests use it to build a catalog as an older
/// release left it, then upgrade it.
pub fn migrate_to(conn: &mut Connection, target: u32) -> rusqlite::Result<()> {
    let current = schema_version(conn)?;
    for (index, migration) in MIGRATIONS.iter().enumerate() {
        let version = index as u32 + 1;
        if version <= current || version > target {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the write lock.
        if schema_version(&tx)? >= version {
            continue;
        }
        if version == 1 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.execute_batch(migration.sql)?;
        if let Some(step) = migration.after {
            step(&tx)?;
        }
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}
