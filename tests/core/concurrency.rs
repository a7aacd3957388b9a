//! Several writers and readers on one catalog file, as when the desktop app is open
//! while a volunteer runs the command line: nobody sees "database is locked".

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chophien::catalog::search::ProductQuery;
use chophien::catalog::{Catalog, ProductDraft};

use crate::support::{TODAY, TempCatalog, chophien_bin};

/// Goal G6: 4 readers and a writer (here two, which also contend with each other)
/// on separate connections for 60 s: no write ever fails with SQLITE_BUSY.
#[test]
fn readers_and_writers_never_hit_a_locked_database() {
    let temp = TempCatalog::with_demo();
    let path = temp.path();
    let coop = temp.coop("HTX Thử tải");
    let stop = Arc::new(AtomicBool::new(false));
    let writes = Arc::new(AtomicU64::new(0));
    let reads = Arc::new(AtomicU64::new(0));
    let mut handles = Vec::new();
    for writer in 0..2 {
        let (path, stop, writes) = (path.clone(), stop.clone(), writes.clone());
        handles.push(std::thread::spawn(move || {
            let catalog = Catalog::open(&path).expect("writer opens");
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                let draft = ProductDraft::new(coop.id, &format!("Sản phẩm {writer}-{n}"), "I.3.c");
                catalog
                    .create_product(&draft)
                    .expect("a write failed under contention");
                writes.fetch_add(1, Ordering::Relaxed);
                n += 1;
            }
        }));
    }
    for _ in 0..4 {
        let (path, stop, reads) = (path.clone(), stop.clone(), reads.clone());
        handles.push(std::thread::spawn(move || {
            let catalog = Catalog::open(&path).expect("reader opens");
            while !stop.load(Ordering::Relaxed) {
                catalog
                    .find_products(&ProductQuery::text("san pham"), TODAY)
                    .expect("a read failed");
                reads.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) && !handles.iter().any(|h| h.is_finished()) {
        std::thread::sleep(Duration::from_millis(200));
    }
    stop.store(true, Ordering::Relaxed);
    for handle in handles {
        handle.join().expect("no thread panicked");
    }
    assert!(writes.load(Ordering::Relaxed) > 100 && reads.load(Ordering::Relaxed) > 100);
    temp.catalog.verify().unwrap();
}

/// Eight `chophien` processes adding products to one file at the same moment.
#[test]
fn concurrent_command_line_processes_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("catalog.sqlite3");
    let coop = std::process::Command::new(chophien_bin())
        .args(["--json", "--db"])
        .arg(&db)
        .args(["coop", "add", "--name", "HTX Song song"])
        .output()
        .unwrap();
    assert!(coop.status.success());
    let children: Vec<_> = (0..8)
        .map(|worker| {
            let script = (0..15)
                .map(|n| {
                    format!(
                        "{bin} --db {db} product add --coop 'HTX Song song' --name 'Sản phẩm {worker}-{n}' --subgroup I.3.c --sku SP-{worker}-{n} --price 10k || exit 1",
                        bin = chophien_bin().display(),
                        db = db.display()
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            std::process::Command::new("sh").arg("-c").arg(script).stdout(std::process::Stdio::null()).spawn().unwrap()
        })
        .collect();
    for mut child in children {
        assert!(
            child.wait().unwrap().success(),
            "a process failed while others were writing"
        );
    }
    let catalog = Catalog::open(&db).unwrap();
    assert_eq!(
        catalog
            .find_products(&ProductQuery::default(), TODAY)
            .unwrap()
            .total,
        8 * 15
    );
}
