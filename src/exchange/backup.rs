//! Backups of the whole catalog and photo store, and their restore.
//!
//! A backup is a zip (`manifest.json`, `catalog.sqlite3`, `photos/<sha256>.<ext>`) made
//! with SQLite's online backup API from the connection that writes, in one step: the
//! copy is a consistent snapshot even while the app keeps saving (its writes wait for
//! the step; another process's writers only restart a multi-step copy, which one step
//! never is). The photos are those the snapshot names; the store keeps a file before any
//! row names it, so all of them exist. The zip is written to a temporary file and
//! renamed into place.
//!
//! A restore checks the whole file first (every entry's SHA-256, the database's identity,
//! version and `quick_check`), then keeps the current catalog as a backup, and only
//! then swaps the files. The restored catalog gets a new exchange id (see
//! [`give_own_identity`]).

use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::archive::{
    ArchiveWriter, CheckedArchive, MAX_DATABASE_BYTES, MAX_JSON_BYTES, MAX_PHOTO_BYTES, photo_entry,
};
use super::import::stage_photos;
use super::manifest::MANIFEST_ENTRY;
use super::{Control, ExchangeError, FileKind};
use crate::args;
use crate::catalog::{Catalog, CatalogError, Id, Timestamp, migrate, set_aside};
use crate::files;
use crate::i18n::I18n;
use crate::photos::PhotoStore;
use crate::photos::decode::Format;

/// The database inside a backup.
const DATABASE_ENTRY: &str = "catalog.sqlite3";
/// Automatic backups are named `<prefix><UTC time>.zip` in the backups folder.
const AUTO_PREFIX: &str = "chophien-auto-";

/// The folder where backups go by default: `backups/` in the data folder.
pub fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

/// What a backup holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BackupSummary {
    pub path: PathBuf,
    pub photos: u64,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RestoreSummary {
    /// Where the catalog that was replaced is kept.
    pub previous: Option<PathBuf>,
    pub photos_added: u64,
}

impl RestoreSummary {
    /// What the restore did, in the user's words.
    pub fn describe(&self, i18n: &I18n) -> String {
        match &self.previous {
            Some(previous) => i18n.tr_args(
                "exchange-restored",
                args!["previous" => previous.display().to_string()],
            ),
            None => i18n.tr("exchange-restored-fresh"),
        }
    }
}

/// Says where a backup went, in the user's words.
pub fn describe_backup(path: &Path, i18n: &I18n) -> String {
    i18n.tr_args(
        "exchange-backup-made",
        args!["file" => path.display().to_string()],
    )
}

/// Writes a backup of `catalog` and its photos to `out` (replaced atomically).
pub fn backup(
    catalog: &Catalog,
    out: &Path,
    control: Control<'_>,
) -> Result<BackupSummary, ExchangeError> {
    let dir = out.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(ExchangeError::io(dir))?;
    files::sweep_temporaries(dir).map_err(ExchangeError::io(dir))?;
    let snapshot = files::temporary_beside(out);
    let result = write_backup(catalog, &snapshot, out, control);
    let _ = std::fs::remove_file(&snapshot);
    result
}

fn write_backup(
    catalog: &Catalog,
    snapshot: &Path,
    out: &Path,
    control: Control<'_>,
) -> Result<BackupSummary, ExchangeError> {
    control.check()?;
    catalog.with_connection(|conn| copy_database(conn, snapshot))?;
    let (catalog_id, photos) = snapshot_contents(snapshot)?;
    let store = PhotoStore::at(catalog.data_dir());
    let total = photos.len() as u64;
    files::replace_atomically(out, |file| -> Result<(), ExchangeError> {
        let mut zip = ArchiveWriter::new(file);
        zip.add(DATABASE_ENTRY, false, |sink| {
            std::io::copy(&mut std::fs::File::open(snapshot)?, sink).map(drop)
        })?;
        for (done, (sha256, format)) in photos.iter().enumerate() {
            control.check()?;
            control.report(done as u64, total);
            zip.add_photo(&store, sha256, *format)?;
        }
        zip.finish(FileKind::Backup, catalog_id)?;
        control.report(total, total);
        Ok(())
    })
    .map_err(|error| error.about(out))?;
    Ok(BackupSummary {
        path: out.to_path_buf(),
        photos: total,
    })
}

/// Copies the database in one step of the online backup API, then makes the copy a
/// self-contained file (rollback journal, not WAL) so it can be checked read-only.
fn copy_database(conn: &Connection, snapshot: &Path) -> Result<(), ExchangeError> {
    let sqlite = |e| ExchangeError::Catalog(CatalogError::from_sqlite(e, snapshot));
    let mut copy = Connection::open(snapshot).map_err(sqlite)?;
    {
        let backup = Backup::new(conn, &mut copy).map_err(sqlite)?;
        // Another process may hold a lock for a moment: try again for up to 10 s.
        let mut attempts = 0;
        while backup.step(-1).map_err(sqlite)? != StepResult::Done {
            attempts += 1;
            if attempts > 500 {
                return Err(ExchangeError::Catalog(CatalogError::Busy {
                    path: snapshot.to_path_buf(),
                }));
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
    copy.pragma_update(None, "journal_mode", "DELETE")
        .map_err(sqlite)?;
    Ok(())
}

/// Checks a database copy read-only: ours, not newer than this release, and whole.
/// Returns its catalog id and the photo files it names.
fn snapshot_contents(path: &Path) -> Result<(String, Vec<(String, Format)>), ExchangeError> {
    let sqlite = |e| ExchangeError::Catalog(CatalogError::from_sqlite(e, path));
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(sqlite)?;
    let (application_id, version): (i32, u32) = conn
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id),
                    (SELECT user_version FROM pragma_user_version)",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .map_err(sqlite)?;
    if application_id != migrate::APPLICATION_ID {
        return Err(ExchangeError::Catalog(CatalogError::NotACatalog {
            path: path.to_path_buf(),
        }));
    }
    if version > migrate::SCHEMA_VERSION {
        return Err(ExchangeError::Catalog(CatalogError::NewerVersion {
            path: path.to_path_buf(),
            found: version,
            supported: migrate::SCHEMA_VERSION,
        }));
    }
    let verdict: String = conn
        .query_row("PRAGMA quick_check", [], |row| row.get(0))
        .map_err(sqlite)?;
    if verdict != "ok" {
        return Err(ExchangeError::Catalog(CatalogError::Corrupt {
            path: path.to_path_buf(),
        }));
    }
    // A backup from before migration 7 has no catalog id; its restore gets one.
    let catalog_id: String = conn
        .query_row("SELECT catalog_id FROM exchange_identity", [], |row| {
            row.get(0)
        })
        .unwrap_or_default();
    let mut stmt = conn
        .prepare("SELECT sha256, format FROM photo_file ORDER BY sha256")
        .map_err(sqlite)?;
    let photos = stmt
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .map_err(sqlite)?
        .filter_map(|row| {
            row.ok()
                .and_then(|(sha, code)| Format::from_code(&code).map(|format| (sha, format)))
        })
        .collect();
    Ok((catalog_id, photos))
}

/// Which entries a backup may hold, with each one's size cap.
fn backup_entry(name: &str) -> Option<u64> {
    match name {
        MANIFEST_ENTRY => Some(MAX_JSON_BYTES),
        DATABASE_ENTRY => Some(MAX_DATABASE_BYTES),
        _ => photo_entry(name).map(|_| MAX_PHOTO_BYTES),
    }
}

/// Replaces the catalog file `catalog_file` with the backup at `file`. No `Catalog` of
/// that file may be open in this process (the desktop app closes its own first).
///
/// The whole backup is checked before anything changes; the current catalog is then
/// kept as a backup in `backups/` (or, if it cannot be opened, renamed aside), and the
/// photos the store lacks are added (the store only ever grows).
pub fn restore(
    catalog_file: &Path,
    file: &Path,
    control: Control<'_>,
) -> Result<RestoreSummary, ExchangeError> {
    let mut archive = CheckedArchive::open(file, FileKind::Backup, backup_entry)?;
    if archive.manifest.entry(DATABASE_ENTRY).is_none() {
        return Err(ExchangeError::MissingEntry {
            path: file.to_path_buf(),
            entry: DATABASE_ENTRY.to_owned(),
        });
    }
    let data_dir = catalog_file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(data_dir).map_err(ExchangeError::io(data_dir))?;
    files::sweep_temporaries(data_dir).map_err(ExchangeError::io(data_dir))?;
    let incoming = files::temporary_beside(catalog_file);
    let result = (|| {
        let mut out = std::fs::File::create_new(&incoming).map_err(ExchangeError::io(&incoming))?;
        archive.copy_verified(DATABASE_ENTRY, &mut out)?;
        out.sync_all().map_err(ExchangeError::io(&incoming))?;
        drop(out);
        snapshot_contents(&incoming)?;
        give_own_identity(&incoming)?;
        let store = PhotoStore::open(data_dir).map_err(ExchangeError::io(data_dir))?;
        let staged = stage_photos(&mut archive, &store, control)?;
        control.check()?;
        let previous = keep_current(data_dir, catalog_file)?;
        for (temp, place) in &staged {
            files::move_into_place(temp, place).map_err(ExchangeError::io(place))?;
        }
        files::move_into_place(&incoming, catalog_file).map_err(ExchangeError::io(catalog_file))?;
        // Opening upgrades a backup from an older release and checks it once more.
        Catalog::open(catalog_file)?;
        Ok(RestoreSummary {
            previous,
            photos_added: staged.len() as u64,
        })
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&incoming);
    }
    result
}

/// Gives a restored copy its own exchange id. The copy is this catalog as it was, or
/// another laptop's: keeping the id it had would make two catalogs one peer to everyone
/// they exchange with, whose memory of what that peer last sent would then mix the two,
/// and an edit from one could replace an edit from the other unseen. With its own id, a
/// record that differs at its first exchange is shown as a conflict instead.
fn give_own_identity(path: &Path) -> Result<(), ExchangeError> {
    let sqlite = |e| ExchangeError::Catalog(CatalogError::from_sqlite(e, path));
    let conn = Connection::open(path).map_err(sqlite)?;
    // A backup from before migration 7 has no id yet: opening it makes a new one.
    let has_identity: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'exchange_identity')",
            [],
            |row| row.get(0),
        )
        .map_err(sqlite)?;
    if has_identity {
        conn.execute("UPDATE exchange_identity SET catalog_id = ?1", [Id::new()])
            .map_err(sqlite)?;
    }
    conn.close().map_err(|(_, e)| sqlite(e))
}

/// Keeps the current catalog before a restore replaces it: a backup when it opens, the
/// file itself renamed aside when it does not. Afterwards no `-wal`/`-shm` file is left
/// to be mistaken for the restored file's.
fn keep_current(data_dir: &Path, catalog_file: &Path) -> Result<Option<PathBuf>, ExchangeError> {
    if !catalog_file.exists() {
        return Ok(None);
    }
    let kept = match Catalog::open(catalog_file) {
        Ok(current) => {
            let out = backups_dir(data_dir).join(format!(
                "chophien-before-restore-{}.zip",
                file_stamp(&Timestamp::now())
            ));
            backup(&current, &out, Control::default())?;
            // Fold the WAL into the file so nothing is left beside it.
            current.with_connection(|conn| {
                conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            })?;
            drop(current);
            for suffix in ["-wal", "-shm"] {
                let companion = PathBuf::from(format!("{}{suffix}", catalog_file.display()));
                if companion.exists() {
                    std::fs::remove_file(&companion).map_err(ExchangeError::io(&companion))?;
                }
            }
            out
        }
        Err(_) => set_aside(catalog_file).map_err(ExchangeError::io(catalog_file))?,
    };
    Ok(Some(kept))
}

/// A time stamp that is a valid file name everywhere and sorts in time order.
fn file_stamp(time: &Timestamp) -> String {
    time.to_db_text().replace([':', '.'], "-")
}

/// How many automatic backups to keep, from what a person asked: at least one (a day
/// to go back to), at most 90 (three months of a catalog's size each).
pub fn backups_to_keep(asked: u32) -> usize {
    (asked as usize).clamp(1, MAX_BACKUPS_KEPT)
}

const MAX_BACKUPS_KEPT: usize = 90;

/// Makes today's automatic backup in `backups/` unless one exists, then deletes the
/// oldest automatic ones beyond `keep`. Returns the new backup, if one was made.
pub fn backup_if_due(catalog: &Catalog, keep: usize) -> Result<Option<PathBuf>, ExchangeError> {
    let dir = backups_dir(catalog.data_dir());
    // Runs at every start: what an interrupted backup left goes even on a day with
    // nothing to back up.
    files::sweep_temporaries(&dir).map_err(ExchangeError::io(&dir))?;
    let now = Timestamp::now();
    let today = now.to_db_text().get(..10).unwrap_or_default().to_owned();
    let mut autos = automatic_backups(&dir)?;
    let made = if autos
        .iter()
        .any(|name| name[AUTO_PREFIX.len()..].starts_with(&today))
    {
        None
    } else {
        let name = format!("{AUTO_PREFIX}{}.zip", file_stamp(&now));
        let out = dir.join(&name);
        backup(catalog, &out, Control::default())?;
        autos.push(name);
        Some(out)
    };
    autos.sort();
    let surplus = autos.len().saturating_sub(keep.clamp(1, MAX_BACKUPS_KEPT));
    for name in &autos[..surplus] {
        let path = dir.join(name);
        std::fs::remove_file(&path).map_err(ExchangeError::io(&path))?;
    }
    Ok(made)
}

fn automatic_backups(dir: &Path) -> Result<Vec<String>, ExchangeError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    Ok(entries
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(AUTO_PREFIX) && name.ends_with(".zip"))
        .collect())
}
