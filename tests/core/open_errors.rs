//! Files the catalog must refuse, and folders it cannot use: each gets its own error,
//! and the file is left exactly as it was.

use std::path::Path;

use chophien::catalog::migrate::SCHEMA_VERSION;
use chophien::catalog::{Catalog, CatalogError};
use rusqlite::Connection;

use crate::support::{ReadOnly, TempCatalog};

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_catalog_from_a_newer_release_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite3");
    drop(Catalog::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = bytes(&path);
    let error = Catalog::open(&path).unwrap_err();
    assert!(
        matches!(error, CatalogError::NewerVersion { found, .. } if found == SCHEMA_VERSION + 1),
        "{error:?}"
    );
    assert_eq!(bytes(&path), before, "the newer file must not be modified");
    assert!(
        !dir.path().join("newer.sqlite3-wal").exists(),
        "not even switched to WAL"
    );
}

#[test]
fn a_corrupt_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.sqlite3");
    let garbage: Vec<u8> = (0..64 * 1024).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&path, &garbage).unwrap();
    let error = Catalog::open(&path).unwrap_err();
    assert!(matches!(error, CatalogError::Corrupt { .. }), "{error:?}");
    assert_eq!(bytes(&path), garbage);
}

#[test]
fn a_damaged_page_is_reported_as_corruption() {
    let temp = TempCatalog::new();
    chophien::demo::load(&temp.catalog, crate::support::TODAY).unwrap();
    let path = temp.path();
    drop(temp.catalog);
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let mut data = bytes(&path);
    // Overwrite the middle of the file (table and index pages), keeping the header.
    let middle = data.len() / 2;
    for byte in &mut data[middle..middle + 8192] {
        *byte = 0x5A;
    }
    std::fs::write(&path, &data).unwrap();
    let outcome = Catalog::open(&path).and_then(|catalog| catalog.verify());
    assert!(
        matches!(outcome, Err(CatalogError::Corrupt { .. })),
        "{outcome:?}"
    );
}

#[test]
fn another_sqlite_file_is_not_taken_for_a_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE orders (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO orders (note) VALUES ('x');").unwrap();
    }
    let before = bytes(&path);
    assert!(matches!(
        Catalog::open(&path),
        Err(CatalogError::NotACatalog { .. })
    ));
    assert_eq!(bytes(&path), before);
}

#[test]
fn a_missing_data_folder_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a").join("b").join("catalog.sqlite3");
    Catalog::open(&path).unwrap();
    assert!(path.exists());
}

#[test]
fn a_folder_that_cannot_be_created_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"x").unwrap();
    let error = Catalog::open(&blocker.join("catalog.sqlite3")).unwrap_err();
    assert!(
        matches!(error, CatalogError::DataDirUnavailable { .. }),
        "{error:?}"
    );
}

#[test]
fn a_read_only_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let _guard = ReadOnly::set(&data);
    let error = Catalog::open(&data.join("catalog.sqlite3")).unwrap_err();
    assert!(
        matches!(
            error,
            CatalogError::ReadOnly { .. } | CatalogError::DataDirUnavailable { .. }
        ),
        "{error:?}"
    );
}

#[test]
fn a_read_only_catalog_is_reported_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite3");
    {
        let catalog = Catalog::open(&path).unwrap();
        drop(catalog);
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = bytes(&path);
    let error = {
        let _guard = ReadOnly::set(&path);
        Catalog::open(&path).unwrap_err()
    };
    assert!(matches!(error, CatalogError::ReadOnly { .. }), "{error:?}");
    assert_eq!(bytes(&path), before);
}
