//! Shared fixtures: a catalog in a temporary folder, a fixed "today", and quick ways
//! to make records.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use chophien::catalog::ocop::ProducerType;
use chophien::catalog::search::ProductQuery;
use chophien::catalog::{
    Catalog, CertificateDraft, Cooperative, CooperativeDraft, Id, Product, ProductDraft,
    VariantDraft,
};
use tempfile::TempDir;
use time::Date;
use time::macros::date;

/// The day the tests pretend it is.
pub const TODAY: Date = date!(2026 - 11 - 23);

/// A catalog file in its own temporary folder, removed when dropped.
pub struct TempCatalog {
    pub catalog: Catalog,
    pub dir: TempDir,
}

impl TempCatalog {
    pub fn new() -> TempCatalog {
        let dir = tempfile::tempdir().expect("temp dir");
        let catalog = Catalog::open(&dir.path().join("catalog.sqlite3")).expect("open catalog");
        TempCatalog { catalog, dir }
    }

    /// A fresh catalog with the demo loaded as of [`TODAY`].
    pub fn with_demo() -> TempCatalog {
        let temp = TempCatalog::new();
        chophien::demo::load(&temp.catalog, TODAY).expect("load demo");
        temp
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("catalog.sqlite3")
    }

    pub fn coop(&self, name: &str) -> Cooperative {
        let mut draft = CooperativeDraft::named(name, ProducerType::Cooperative);
        draft.province = Some("Hưng Yên".to_owned());
        self.catalog
            .create_cooperative(&draft)
            .expect("create cooperative")
    }

    pub fn product(&self, coop: &Cooperative, name: &str) -> Product {
        let draft = ProductDraft::new(coop.id, name, "I.2.b");
        self.catalog.create_product(&draft).expect("create product")
    }
}

/// The ids of the catalog's live products (up to 1,000), in the list's default order.
pub fn product_ids(catalog: &Catalog) -> Vec<Id> {
    let query = ProductQuery {
        limit: 1000,
        ..ProductQuery::default()
    };
    catalog
        .find_products(&query, TODAY)
        .expect("list products")
        .items
        .iter()
        .map(|p| p.id)
        .collect()
}

pub fn variant(sku: &str, price: i64) -> VariantDraft {
    VariantDraft {
        sku: sku.to_owned(),
        name: None,
        price_vnd: price,
        stock: 10,
    }
}

pub fn certificate(stars: i64, valid_from: Date) -> CertificateDraft {
    CertificateDraft {
        stars,
        certificate_no: Some("Số 12/GCN-UBND".to_owned()),
        decision_no: Some("1234/QĐ-UBND".to_owned()),
        decision_date: Some(valid_from),
        issuing_authority: Some("UBND tỉnh Hưng Yên".to_owned()),
        valid_from,
        valid_until: None,
    }
}

/// Path of the built `chophien` program.
pub fn chophien_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_chophien"))
}

/// Makes a file or folder unwritable even for root (tests may run as root, which
/// ignores permission bits): permission bits plus, for root, the immutable flag.
pub struct ReadOnly(PathBuf);

impl ReadOnly {
    pub fn set(path: &std::path::Path) -> ReadOnly {
        use std::os::unix::fs::PermissionsExt;
        let mode = if path.is_dir() { 0o555 } else { 0o444 };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
        if is_root() {
            let status = std::process::Command::new("chattr")
                .arg("+i")
                .arg(path)
                .status()
                .expect("run chattr");
            assert!(
                status.success(),
                "chattr +i failed: a read-only test needs it when run as root"
            );
        }
        ReadOnly(path.to_path_buf())
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if is_root() {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.0)
                .status();
        }
        let mode = if self.0.is_dir() { 0o755 } else { 0o644 };
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(mode));
    }
}

pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

/// Runs the ignored test `name` of this test binary as a child process with the variable
/// `env` set, kills it with SIGKILL after `after`, and returns the lines it had printed
/// (its acknowledgements).
pub fn kill_child_after(name: &str, env: (&str, &OsStr), after: Duration) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            name,
            "--ignored",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env(env.0, env.1)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<String>>()
    });
    std::thread::sleep(after);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    reader.join().unwrap()
}

/// A zip whose one worksheet part unpacks to 100 MiB of spaces from about 100 KB.
pub fn zip_bomb(path: &std::path::Path) {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..100 {
        zip.write_all(&spaces).unwrap();
    }
    zip.finish().unwrap();
}
