//! Architecture invariants (see ARCHITECTURE.md), checked on the sources.

use std::path::Path;

fn rust_sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

#[test]
fn the_core_does_not_depend_on_tauri() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let package = manifest.split("[package]").nth(1).unwrap();
    let dependencies: String = package
        .split("\n[")
        .filter(|section| {
            section.starts_with("dependencies") || section.starts_with("dev-dependencies")
        })
        .collect();
    assert!(
        !dependencies.to_lowercase().contains("tauri"),
        "the core crate must not depend on Tauri"
    );
}

/// Goal G6: a deferred transaction that later writes fails with "database is locked"
/// without waiting; every write goes through `Catalog::write`, which is IMMEDIATE.
#[test]
fn every_write_transaction_is_immediate() {
    let mut sources = Vec::new();
    rust_sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut sources,
    );
    for (path, source) in &sources {
        assert!(
            !source.contains(".transaction()"),
            "{path}: use transaction_with_behavior(Immediate)"
        );
        assert!(
            !source.contains("unchecked_transaction"),
            "{path}: use Catalog::write"
        );
        let deferred = source.matches("TransactionBehavior::Deferred").count();
        let allowed = usize::from(path.ends_with("catalog/mod.rs"));
        assert!(
            deferred <= allowed,
            "{path}: only Catalog::read may open a deferred (read-only) transaction"
        );
    }
}
