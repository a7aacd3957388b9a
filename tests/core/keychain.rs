//! Shop secrets in a real Secret Service (gnome-keyring on a throwaway D-Bus session),
//! through the built `chophien` program against the practice marketplace: the secret
//! and the tokens are in the keychain, and nowhere in the catalog, its WAL, the data
//! folder or the program's output (reliability goal G8).

use std::process::Command;

use chophien::platform::Platform;

use crate::practice::Practice;
use crate::support::chophien_bin;

/// Runs `script` in a shell on a new session bus with an unlocked login keyring, waiting
/// until the keyring owns its bus name (otherwise a second, locked daemon may start).
fn in_keyring_session(home: &std::path::Path, script: &str) -> std::process::Output {
    let wrapped = format!(
        r#"printf %s "test-keyring-pw" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
i=0; until dbus-send --session --dest=org.freedesktop.DBus --print-reply /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets | grep -q "boolean true"; do
  i=$((i+1)); [ $i -gt 200 ] && exit 90; sleep 0.05; done
set -e
{script}"#
    );
    Command::new("dbus-run-session")
        .args(["--", "sh", "-c", &wrapped])
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("share"))
        .env("XDG_RUNTIME_DIR", home)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .output()
        .expect("dbus-run-session (package dbus) runs")
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// Every file under `dir`, read whole.
fn files_under(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                found.push((path, bytes));
            }
        }
    }
    found
}

/// Every entry of a zip, uncompressed.
fn bundle_entries(path: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
            (entry.name().to_owned(), bytes)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_live_in_the_keychain_and_nowhere_else() {
    let practice = Practice::start(|_| {}).await;
    let shop = practice.shop(Platform::Shopee).await;
    let partner_key = shop["partner_key"].as_str().unwrap().to_owned();
    let code = practice.code(Platform::Shopee).await;
    let home = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("catalog.sqlite3");
    let script = format!(
        r#"export CHOPHIEN_DATA_DIR='{data}'
printf '%s\n' '{key}' | '{bin}' --db '{db}' shop add --platform shopee --name 'Shopee HTX' \
    --partner-id {partner} --shop-id {shop_id} --code '{code}' --practice '{base}'
'{bin}' --db '{db}' shop test 'Shopee HTX'
'{bin}' --db '{db}' shop list
'{bin}' --db '{db}' demo > /dev/null
'{bin}' --db '{db}' bundle export --out '{data}/exported.chophien' --product 'Quế thanh Văn Yên' > /dev/null
id=$('{bin}' --db '{db}' --json shop list | sed 's/.*"id":"\([^"]*\)".*/\1/')
echo "ENTRY=$(secret-tool lookup service chophien username "shop:$id")"
'{bin}' --db '{db}' shop remove 'Shopee HTX'
echo "AFTER=$(secret-tool lookup service chophien username "shop:$id" || true)"
"#,
        data = data.path().display(),
        key = partner_key,
        bin = chophien_bin().display(),
        db = db.display(),
        partner = shop["partner_id"],
        shop_id = shop["shop_id"],
        code = code,
        base = practice.base(),
    );
    let output = tokio::task::block_in_place(|| in_keyring_session(home.path(), &script));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stdout}\n{stderr}");
    // The secret and the tokens were in the real Secret Service…
    let entry = stdout
        .lines()
        .find_map(|l| l.strip_prefix("ENTRY="))
        .unwrap();
    let stored: serde_json::Value =
        serde_json::from_str(entry).unwrap_or_else(|_| panic!("{stdout}"));
    assert_eq!(stored["secret"], partner_key.as_str());
    let access = stored["tokens"]["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let refresh = stored["tokens"]["refresh_token"]
        .as_str()
        .unwrap()
        .to_owned();
    // …and left it with the shop.
    assert_eq!(
        stdout.lines().find_map(|l| l.strip_prefix("AFTER=")),
        Some("")
    );
    // Nowhere else: not in the catalog, its WAL, any file of the data folder, or what the
    // program printed (the test's own keychain read-back aside), nor in an export.
    let exported = bundle_entries(&data.path().join("exported.chophien"));
    assert!(exported.len() > 1, "the bundle holds entries");
    let printed: String = stdout
        .lines()
        .filter(|l| !l.starts_with("ENTRY="))
        .collect::<Vec<_>>()
        .join("\n");
    for canary in [&partner_key, &access, &refresh] {
        for (path, bytes) in files_under(data.path()) {
            assert!(!contains(&bytes, canary), "a secret in {}", path.display());
        }
        assert!(!printed.contains(canary.as_str()), "a secret in the output");
        for (name, bytes) in &exported {
            assert!(
                !contains(bytes, canary),
                "a secret in the exported bundle's {name}"
            );
        }
        assert!(!stderr.contains(canary.as_str()), "a secret on stderr");
    }
}
