//! Goal G7, least privilege: the window may call exactly the app's own commands (each
//! declared in build.rs and allowed by name), listen to events, and open the open and
//! save dialogs — no file system, shell or HTTP plugin — under a strict CSP.

use std::collections::BTreeSet;
use std::path::Path;

fn read_json(relative: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("parse")
}

/// The commands registered in src/bindings.rs, by name.
fn registered_commands() -> BTreeSet<String> {
    let source =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bindings.rs"))
            .expect("read");
    let list = source
        .split("collect_commands![")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("command list");
    list.split(',')
        .filter_map(|entry| entry.trim().rsplit("::").next().map(str::to_owned))
        .filter(|name| !name.is_empty())
        .collect()
}

#[test]
fn the_capability_allows_exactly_our_commands_and_nothing_broad() {
    let capability = read_json("capabilities/main.json");
    let permissions: BTreeSet<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| {
            p.as_str()
                .expect("plain permission names only, no scopes")
                .to_owned()
        })
        .collect();
    let mut expected: BTreeSet<String> = registered_commands()
        .iter()
        .map(|name| format!("allow-{}", name.replace('_', "-")))
        .collect();
    expected.insert("core:event:default".to_owned());
    expected.insert("dialog:allow-open".to_owned());
    // Where to write an exported script: the user picks the file, the core writes it.
    expected.insert("dialog:allow-save".to_owned());
    assert_eq!(
        permissions, expected,
        "capabilities/main.json must list exactly the allowlist"
    );
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    assert_ne!(capability["local"], serde_json::json!(false));
    assert!(
        capability.get("remote").is_none(),
        "no remote origin may call the app"
    );
}

#[test]
fn every_registered_command_is_declared_to_the_permission_system() {
    let build = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("build.rs"))
        .expect("read");
    let declared: BTreeSet<String> = build
        .split("const COMMANDS")
        .nth(1)
        .expect("command list")
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    assert_eq!(
        declared,
        registered_commands(),
        "build.rs and src/bindings.rs must list the same commands"
    );
}

#[test]
fn no_broad_plugin_is_a_dependency() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .expect("read");
    for plugin in [
        "tauri-plugin-fs",
        "tauri-plugin-shell",
        "tauri-plugin-http",
        "tauri-plugin-sql",
        "tauri-plugin-opener",
    ] {
        assert!(
            !manifest.contains(plugin),
            "{plugin} must not be used: do file and network work in the core"
        );
    }
}

#[test]
fn the_content_security_policy_is_strict() {
    let config = read_json("tauri.conf.json");
    let csp = &config["app"]["security"]["csp"];
    let policy = serde_json::to_string(csp).expect("csp");
    assert!(!policy.contains("unsafe-eval"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    // Sorted: the policy's directive order depends on serde_json's map features.
    let mut hosts: Vec<&str> = policy
        .split(|c: char| c.is_whitespace() || c == '"')
        .filter(|word| word.starts_with("http"))
        .collect();
    hosts.sort_unstable();
    assert_eq!(
        hosts,
        ["http://ipc.localhost", "http://photo.localhost"],
        "only the app's own photo and ipc hosts (Windows names): {policy}"
    );
    assert!(!policy.contains("https:"), "no remote sources: {policy}");
    for directive in [
        "default-src",
        "script-src",
        "style-src",
        "connect-src",
        "object-src",
        "frame-src",
    ] {
        assert!(csp.get(directive).is_some(), "{directive} must be set");
    }
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(config["app"]["security"]["freezePrototype"], true);
    assert!(
        config["app"]["security"]
            .get("dangerousDisableAssetCspModification")
            .is_none()
    );
}

#[test]
fn release_builds_have_no_devtools() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .expect("read");
    assert!(
        !manifest.contains("devtools"),
        "the devtools feature must stay off (it enables them in release)"
    );
}
