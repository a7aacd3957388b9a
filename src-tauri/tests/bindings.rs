//! The committed TypeScript bindings must match the Rust command signatures.
//! After changing a command or a type that crosses IPC, regenerate them:
//! `UPDATE_BINDINGS=1 cargo test -p chophien-desktop --test bindings`.

use std::path::Path;

#[test]
fn committed_bindings_match_the_commands() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/ipc/bindings.ts");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        chophien_desktop::export_bindings(&committed).expect("write bindings");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let fresh = dir.path().join("bindings.ts");
    chophien_desktop::export_bindings(&fresh).expect("export bindings");
    let expected = std::fs::read_to_string(&fresh).expect("read fresh bindings");
    let actual = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        expected == actual,
        "ui/src/lib/ipc/bindings.ts is stale: run UPDATE_BINDINGS=1 cargo test -p chophien-desktop --test bindings"
    );
}
