//! Goal G1: kill -9 at 300 random moments while the catalog is being written; every edit
//! that was acknowledged survives and the file stays consistent. Goal G4: the connection
//! that saves edits syncs each commit to disk (`synchronous = FULL`).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use chophien::catalog::{Catalog, Id, ProductDraft};
use chophien::demo::synthetic::SplitMix64;

use crate::support::kill_child_after;

const KILLS: usize = 300;
const COOPERATIVE: &str = "HTX Mất điện";

/// A new catalog file with the cooperative the child writers add products to.
fn catalog_with_cooperative() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite3");
    let catalog = Catalog::open(&path).unwrap();
    let draft = chophien::catalog::CooperativeDraft::named(
        COOPERATIVE,
        chophien::catalog::ocop::ProducerType::Cooperative,
    );
    catalog.create_cooperative(&draft).unwrap();
    (dir, path)
}

/// In a child process: the catalog named by the environment and the cooperative's id.
fn open_as_child() -> Option<(Catalog, Id)> {
    let path = std::env::var_os(CHILD_ENV)?;
    let catalog = Catalog::open(Path::new(&path)).expect("child opens");
    let coop = catalog
        .find_cooperative_by_name(COOPERATIVE)
        .unwrap()
        .expect("cooperative");
    Some((catalog, coop.id))
}

const CHILD_ENV: &str = "CHOPHIEN_CRASH_CHILD_DB";

/// The child: writes products one transaction at a time and prints each id once its
/// commit has returned (the acknowledgement a user would see as "Đã lưu").
#[test]
#[ignore = "run as a child process by kill_9_never_loses_an_acknowledged_edit"]
fn crash_child_writer() {
    let Some((catalog, coop)) = open_as_child() else {
        return;
    };
    let mut n = 0_u64;
    loop {
        let draft = ProductDraft::new(coop, &format!("Sản phẩm số {n}"), "I.3.c");
        let product = catalog.create_product(&draft).expect("write");
        println!("{}", product.id);
        n += 1;
    }
}

#[test]
fn kill_9_never_loses_an_acknowledged_edit() {
    let (_dir, path) = catalog_with_cooperative();
    let mut rng = SplitMix64::new(0xC0FFEE);
    let mut acknowledged: Vec<Id> = Vec::new();
    for round in 0..KILLS {
        let after = Duration::from_millis(5 + rng.below(61) as u64);
        let printed = kill_child_after(
            "crash::crash_child_writer",
            (CHILD_ENV, path.as_os_str()),
            after,
        );
        acknowledged.extend(printed.iter().filter_map(|line| Id::parse(line)));

        let catalog =
            Catalog::open(&path).unwrap_or_else(|e| panic!("round {round}: reopen failed: {e}"));
        catalog
            .verify()
            .unwrap_or_else(|e| panic!("round {round}: quick_check failed: {e}"));
        if round % 30 == 29 || round == KILLS - 1 {
            for id in &acknowledged {
                catalog
                    .product(*id)
                    .unwrap_or_else(|e| panic!("round {round}: acknowledged {id} lost: {e}"));
            }
        } else if let Some(last) = acknowledged.last() {
            catalog
                .product(*last)
                .unwrap_or_else(|e| panic!("round {round}: last acknowledged {last} lost: {e}"));
        }
    }
    assert!(
        acknowledged.len() > KILLS,
        "the child wrote too little to prove anything: {}",
        acknowledged.len()
    );
}

/// The child of the fsync test: exactly `SAVES` saves, then exit.
#[test]
#[ignore = "run under strace by edits_are_synced_to_disk_before_they_are_acknowledged"]
fn fsync_child_writer() {
    let Some((catalog, coop)) = open_as_child() else {
        return;
    };
    for n in 0..SAVES {
        catalog
            .create_product(&ProductDraft::new(coop, &format!("Sản phẩm {n}"), "I.3.c"))
            .expect("write");
    }
}

const SAVES: usize = 200;

#[test]
fn edits_are_synced_to_disk_before_they_are_acknowledged() {
    let (dir, path) = catalog_with_cooperative();
    let summary = dir.path().join("strace.txt");
    let status = Command::new("strace")
        .args(["-f", "-c", "-e", "trace=fsync,fdatasync", "-o"])
        .arg(&summary)
        .arg(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash::fsync_child_writer",
            "--ignored",
            "--test-threads",
            "1",
        ])
        .env(CHILD_ENV, &path)
        .stdout(Stdio::null())
        .status()
        .expect("strace must be installed (the test command installs it)");
    assert!(status.success());
    let report = std::fs::read_to_string(&summary).unwrap();
    let syncs: usize = report
        .lines()
        .filter(|line| line.trim_end().ends_with("fsync") || line.trim_end().ends_with("fdatasync"))
        .filter_map(|line| line.split_whitespace().nth(3)?.parse::<usize>().ok())
        .sum();
    assert!(
        syncs >= SAVES,
        "{SAVES} saves issued only {syncs} syncs:\n{report}"
    );
}
