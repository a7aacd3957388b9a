//! Schema upgrades from every earlier version, with data preserved.

use chophien::catalog::migrate::{self, SCHEMA_VERSION};
use chophien::catalog::search::ProductQuery;
use chophien::catalog::{Catalog, Id};
use rusqlite::Connection;

use crate::support::TODAY;

/// Rows as release N of the app would have written them, for each version that has a
/// table to put them in.
fn seed(conn: &Connection, version: u32) {
    if version < 1 {
        return;
    }
    let coop = Id::stable("seed/coop");
    let product = Id::stable("seed/product");
    conn.execute_batch(&format!(
        "INSERT INTO cooperative (id, name, name_folded, producer_type, province, province_folded, created_at, updated_at)
         VALUES ('{coop}', 'HTX Bưởi Phúc Trạch', 'htx buoi phuc trach', 'cooperative', 'Hà Tĩnh', 'ha tinh',
                 '2026-01-02T03:04:05.000Z', '2026-01-02T03:04:05.000Z');
         INSERT INTO product (id, cooperative_id, name, name_folded, sector, subgroup, story, created_at, updated_at)
         VALUES ('{product}', '{coop}', 'Bưởi Phúc Trạch', 'buoi phuc trach', 'food', 'I.1.a',
                 'Đặc sản Hương Khê', '2026-01-02T03:04:05.000Z', '2026-01-02T03:04:05.000Z');
         INSERT INTO variant (id, product_id, cooperative_id, sku, price_vnd, stock, created_at, updated_at)
         VALUES ('{}', '{product}', '{coop}', 'BPT-1', 65000, 30, '2026-01-02T03:04:05.000Z', '2026-01-02T03:04:05.000Z');",
        Id::stable("seed/variant")
    ))
    .unwrap();
    if version >= 2 {
        // From version 2 the app indexes each product as it saves it.
        conn.execute_batch(&format!(
            "INSERT INTO product_search (rowid, name, context)
             SELECT seq, 'buoi phuc trach', 'htx buoi phuc trach ha tinh dac san huong khe'
             FROM product WHERE id = '{product}';"
        ))
        .unwrap();
    }
}

#[test]
fn a_new_file_gets_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite3");
    drop(Catalog::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    assert_eq!(migrate::schema_version(&conn).unwrap(), SCHEMA_VERSION);
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
}

#[test]
fn upgrades_from_every_earlier_version_keep_the_data() {
    for from in 0..SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite3");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrate::migrate_to(&mut conn, from).unwrap();
            assert_eq!(migrate::schema_version(&conn).unwrap(), from);
            seed(&conn, from);
        }
        let catalog = Catalog::open(&path).unwrap();
        let conn = Connection::open(&path).unwrap();
        assert_eq!(
            migrate::schema_version(&conn).unwrap(),
            SCHEMA_VERSION,
            "from version {from}"
        );
        if from >= 1 {
            let product = catalog.product(Id::stable("seed/product")).unwrap();
            assert_eq!(product.draft.name, "Bưởi Phúc Trạch", "from version {from}");
            // The search index built by the upgrade finds rows written before it existed.
            let found = catalog
                .find_products(&ProductQuery::text("dac san huong khe"), TODAY)
                .unwrap();
            assert_eq!(found.total, 1, "from version {from}");
            assert_eq!(found.items[0].price_min, Some(65_000));
        }
    }
}

#[test]
fn every_migration_is_applied_once_even_when_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.sqlite3");
    for _ in 0..3 {
        drop(Catalog::open(&path).unwrap());
    }
    let conn = Connection::open(&path).unwrap();
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'product_search'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 1);
}
