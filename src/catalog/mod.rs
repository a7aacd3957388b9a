//! The catalog: cooperatives, OCOP products, certificates and variants in one SQLite file.
//!
//! [`Catalog`] is the one handle that opens the file. Every edit commits at once in an
//! `IMMEDIATE` transaction (so concurrent processes queue for the write lock instead of
//! failing with "database is locked"), in WAL mode with `synchronous = FULL` (so an edit
//! the user saw as saved survives a power cut, not only a crash).
//!
//! Architecture invariant: nothing here knows about Tauri, the network or the UI.

mod batch;
mod certificates;
mod cooperatives;
pub mod error;
pub(crate) mod exchange;
pub mod forms;
pub mod ids;
pub mod listing_forms;
pub mod listings;
pub mod migrate;
pub mod model;
pub mod ocop;
pub mod photos;
mod products;
mod resolve;
pub mod scripts;
pub mod search;
pub mod shops;
pub mod sync;
mod validate;
mod variants;
pub mod views;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use batch::Batch;
pub use error::{CatalogError, Field, FieldError, Problem, RecordKind, Result};
pub use ids::{Id, Timestamp};
pub use model::*;

/// How many prepared statements each connection keeps for reuse (the repositories use
/// about forty distinct ones).
const STATEMENT_CACHE: usize = 64;

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open catalog file.
pub struct Catalog {
    conn: Mutex<Connection>,
    path: PathBuf,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Catalog {
    /// Opens the catalog at `path`, creating it (and its folder) if it does not exist and
    /// upgrading its schema if an older release wrote it.
    ///
    /// A file from a newer release, a file that is not a catalog, and a damaged file are
    /// refused *before* anything is written to them, so the user can still restore or
    /// open them with the right version.
    pub fn open(path: &Path) -> Result<Catalog> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| CatalogError::DataDirUnavailable {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let sqlite = |e| CatalogError::from_sqlite(e, path);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(sqlite)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        check_identity(&conn, path)?;
        // Only now may we write: WAL lets readers work while an edit commits.
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(sqlite)?;
        if !mode.eq_ignore_ascii_case("wal") {
            // SQLite keeps the old mode when it cannot create the -wal file next to
            // the catalog: the folder is read-only.
            return Err(CatalogError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(sqlite)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sqlite)?;
        migrate::migrate(&mut conn).map_err(sqlite)?;
        Ok(Catalog {
            conn: Mutex::new(conn),
            path: path.to_path_buf(),
        })
    }

    /// Where the catalog file lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder that holds the catalog and, beside it, the photos.
    pub fn data_dir(&self) -> &Path {
        self.path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    }

    /// Runs SQLite's `quick_check`: a page-level consistency check, O(size of the file).
    pub fn verify(&self) -> Result<()> {
        let conn = self.lock();
        let verdict: String = conn
            .query_row("PRAGMA quick_check", [], |row| row.get(0))
            .map_err(|e| CatalogError::from_sqlite(e, &self.path))?;
        if verdict == "ok" {
            Ok(())
        } else {
            Err(CatalogError::Corrupt {
                path: self.path.clone(),
            })
        }
    }

    /// Runs `f` in one `IMMEDIATE` write transaction, committed only if `f` succeeds.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.write_as(|tx| f(tx).map_err(|e| self.explain(e)))
    }

    /// Runs `f` against a consistent snapshot.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.read_as(|tx| f(tx).map_err(|e| self.explain(e)))
    }

    /// [`Catalog::write`] for work whose own error type also covers files (bundles,
    /// backups): one `IMMEDIATE` transaction, committed only if `f` succeeds.
    pub(crate) fn write_as<T, E: From<CatalogError>>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.transaction(TransactionBehavior::Immediate, true, f)
    }

    /// [`Catalog::read`] for work whose own error type also covers files.
    pub(crate) fn read_as<T, E: From<CatalogError>>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.transaction(TransactionBehavior::Deferred, false, f)
    }

    /// Runs `f` in an `IMMEDIATE` transaction that is always rolled back.
    pub(crate) fn rehearse<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.transaction(TransactionBehavior::Immediate, false, |tx| {
            f(tx).map_err(|e| self.explain(e))
        })
    }

    /// Runs `f` with the connection itself, holding it: SQLite's online backup must copy
    /// from the connection that writes, so that its own writes are carried along instead
    /// of restarting the copy.
    pub(crate) fn with_connection<T>(&self, f: impl FnOnce(&Connection) -> T) -> T {
        f(&self.lock())
    }

    fn transaction<T, E: From<CatalogError>>(
        &self,
        behavior: TransactionBehavior,
        commit: bool,
        f: impl FnOnce(&Transaction<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let mut conn = self.lock();
        let sqlite = |e| E::from(CatalogError::from_sqlite(e, &self.path));
        let tx = conn.transaction_with_behavior(behavior).map_err(sqlite)?;
        let value = f(&tx)?;
        if commit { tx.commit() } else { tx.rollback() }.map_err(sqlite)?;
        Ok(value)
    }

    /// Turns a raw SQLite failure met inside a transaction into what it means for this
    /// file (damaged, disk full, busy…).
    fn explain(&self, error: CatalogError) -> CatalogError {
        match error {
            CatalogError::Sqlite(e) => CatalogError::from_sqlite(e, &self.path),
            other => other,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock rolled its transaction back when the
        // `Transaction` dropped, so the connection itself is still sound.
        self.conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Moves an unreadable catalog (and its WAL files) out of the way, renamed with the time
/// it was set aside, so that a new empty catalog can start in its place while the old
/// file is kept for a restore or an expert. Returns the new name.
pub fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = Timestamp::now().to_db_text().replace([':', '.'], "-");
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kept = path.with_file_name(format!("{stem}.damaged-{stamp}.sqlite3"));
    std::fs::rename(path, &kept)?;
    for suffix in ["-wal", "-shm"] {
        let companion = PathBuf::from(format!("{}{suffix}", path.display()));
        if companion.exists() {
            std::fs::rename(
                &companion,
                PathBuf::from(format!("{}{suffix}", kept.display())),
            )?;
        }
    }
    Ok(kept)
}

/// Refuses files that are not ours or are newer than this build, reading only.
fn check_identity(conn: &Connection, path: &Path) -> Result<()> {
    let sqlite = |e| CatalogError::from_sqlite(e, path);
    let (application_id, version, objects): (i32, u32, i64) = conn
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id),
                    (SELECT user_version FROM pragma_user_version),
                    (SELECT count(*) FROM sqlite_schema)",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .map_err(sqlite)?;
    let fresh = application_id == 0 && version == 0 && objects == 0;
    if !fresh && application_id != migrate::APPLICATION_ID {
        return Err(CatalogError::NotACatalog {
            path: path.to_path_buf(),
        });
    }
    if version > migrate::SCHEMA_VERSION {
        return Err(CatalogError::NewerVersion {
            path: path.to_path_buf(),
            found: version,
            supported: migrate::SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Statement-cached forms of rusqlite's one-shot calls: parsing and planning SQL costs
/// more than running these small statements, and a save runs a dozen of them.
pub(crate) trait CachedStatements {
    fn exec(&self, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize>;
    fn row<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        f: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T>;
}

impl CachedStatements for Connection {
    fn exec(&self, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    fn row<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        f: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        self.prepare_cached(sql)?.query_row(params, f)
    }
}

/// Reads a text column holding one of our stable codes; an unknown code is a column
/// conversion error rather than a silent default.
pub(crate) fn code_column<T>(
    row: &rusqlite::Row<'_>,
    index: usize,
    from_code: impl Fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let code: String = row.get(index)?;
    from_code(&code).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("unknown code {code:?}").into(),
        )
    })
}
