//! Goal G9 for photos: hostile files (a truncated JPEG, an empty file, a 50,000 × 50,000
//! PNG bomb, a PDF named .jpg, an HEIC, a file that cannot be read, a file too big) are
//! each refused within 1 s and 300 MB, with a translated message naming the file, while
//! the rest of the batch imports. A full disk mid-import and kill -9 mid-write leave no
//! half-written file and the catalog as it was.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use chophien::catalog::Catalog;
use chophien::demo::synthetic::SplitMix64;
use chophien::photos::PhotoStore;
use chophien::photos::store::sha256_hex;

use crate::photos::{PhotoCatalog, fixture};
use crate::support::{chophien_bin, kill_child_after};

/// A PNG whose header declares 50,000 × 50,000 RGB pixels (7.5 GB decoded) over a body
/// of a few hundred bytes.
fn png_bomb() -> Vec<u8> {
    fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        png.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
        png.extend_from_slice(kind);
        png.extend_from_slice(data);
        let mut crc = crc32fast::Hasher::new();
        crc.update(kind);
        crc.update(data);
        png.extend_from_slice(&crc.finalize().to_be_bytes());
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend_from_slice(&50_000_u32.to_be_bytes());
    header.extend_from_slice(&50_000_u32.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &header);
    // zlib: one stored block of 300 zero bytes, then its Adler-32.
    let mut idat = vec![0x78, 0x01, 0x01, 0x2C, 0x01, 0xD3, 0xFE];
    idat.extend_from_slice(&[0; 300]);
    idat.extend_from_slice(&((300_u32 << 16) | 1).to_be_bytes());
    chunk(&mut png, b"IDAT", &idat);
    chunk(&mut png, b"IEND", &[]);
    png
}

/// The hostile files, each with the error code it must get.
fn hostile_corpus(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let painting = std::fs::read(fixture("painting-4000x3000.jpg")).unwrap();
    let mut corpus = Vec::new();
    let mut add = |name: &str, bytes: &[u8], code: &'static str| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        corpus.push((path, code));
    };
    add(
        "anh-chep-do.jpg",
        &painting[..painting.len() / 2],
        "photos.damaged",
    );
    add("anh-rong.jpg", b"", "photos.empty");
    add("bom-50000.png", &png_bomb(), "photos.too-large");
    add(
        "hoa-don.jpg",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n",
        "photos.not-an-image",
    );
    add(
        "iphone.heic",
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
        "photos.heic",
    );
    // A file over the size limit, mostly a hole on disk.
    let huge = dir.join("anh-qua-nang.jpg");
    std::fs::write(&huge, [0xFF, 0xD8, 0xFF, 0xE0]).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&huge)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    corpus.push((huge, "photos.file-too-big"));
    corpus.push((unreadable_file(dir), "photos.unreadable"));
    corpus
}

/// A photo this user cannot read. The superuser reads any file, so for it (CI often
/// runs as root) a folder named like a photo stands in: reading it fails the same way.
fn unreadable_file(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("khong-doc-duoc.jpg");
    std::fs::copy(fixture("flower-with-gps.jpg"), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
    }
    path
}

/// A catalog file with one product, and the product's id.
fn catalog_with_product(dir: &Path) -> (PathBuf, String) {
    let db = dir.join("catalog.sqlite3");
    let catalog = Catalog::open(&db).unwrap();
    let coop = catalog
        .create_cooperative(&chophien::catalog::CooperativeDraft::named(
            "HTX Gốm Bát Tràng",
            chophien::catalog::ocop::ProducerType::Cooperative,
        ))
        .unwrap();
    let product = catalog
        .create_product(&chophien::catalog::ProductDraft::new(
            coop.id,
            "Bình gốm men lam",
            "I.2.b",
        ))
        .unwrap();
    (db, product.id.to_string())
}

fn photo_add(db: &Path) -> Command {
    let mut command = Command::new(chophien_bin());
    command
        .env_remove("CHOPHIEN_LANG")
        .env_remove("CHOPHIEN_DB")
        .arg("--db")
        .arg(db)
        .args(["--json", "photo", "add"]);
    command
}

fn failures(stdout: &[u8]) -> Vec<serde_json::Value> {
    let report: serde_json::Value = serde_json::from_slice(stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(stdout)));
    report["failed"].as_array().cloned().unwrap_or_default()
}

#[test]
fn hostile_files_are_refused_by_name_and_the_rest_of_the_batch_imports() {
    let dir = tempfile::tempdir().unwrap();
    let (db, product) = catalog_with_product(dir.path());
    let corpus = hostile_corpus(dir.path());
    let mut batch = photo_add(&db);
    batch.arg(&product).arg(fixture("storm-1920x1280.jpg"));
    batch.args(corpus.iter().map(|(path, _)| path));
    batch.arg(fixture("flower-with-gps.jpg"));
    let output = batch.output().unwrap();
    assert!(!output.status.success(), "a batch with failures says so");
    let failed = failures(&output.stdout);
    assert_eq!(failed.len(), corpus.len(), "{failed:#?}");
    for ((path, code), failure) in corpus.iter().zip(&failed) {
        let name = path.file_name().unwrap().to_string_lossy();
        assert_eq!(failure["file"], *name);
        assert_eq!(failure["code"], *code, "{name}");
        let message = failure["message"].as_str().unwrap();
        assert!(message.contains(&*name), "{message}");
        assert!(!message.contains("photos-"), "untranslated: {message}");
    }
    let catalog = Catalog::open(&db).unwrap();
    let product = catalog.resolve_product(&product).unwrap();
    let names: Vec<_> = catalog
        .product_photos(product)
        .unwrap()
        .into_iter()
        .map(|p| p.original_name.unwrap_or_default())
        .collect();
    assert_eq!(names, ["storm-1920x1280.jpg", "flower-with-gps.jpg"]);
}

#[test]
fn each_hostile_file_is_refused_within_a_second_and_300_megabytes() {
    let dir = tempfile::tempdir().unwrap();
    let (db, product) = catalog_with_product(dir.path());
    for (path, _) in hostile_corpus(dir.path()) {
        let measured = dir.path().join("time.txt");
        // GNU time: peak resident set in KiB and wall seconds of the whole process.
        let output = Command::new("/usr/bin/time")
            .args(["-f", "%M %e", "-o"])
            .arg(&measured)
            .arg(chophien_bin())
            .arg("--db")
            .arg(&db)
            .args(["photo", "add", &product])
            .arg(&path)
            .output()
            .expect("GNU time must be installed (the test command installs it)");
        let said = String::from_utf8_lossy(&output.stdout);
        let name = path.file_name().unwrap().to_string_lossy();
        assert_eq!(output.status.code(), Some(1), "{name}: {said}");
        assert!(said.contains(&*name), "{said}");
        let report = std::fs::read_to_string(&measured).unwrap();
        // The last line: the first may be "Command exited with non-zero status 1".
        let mut fields = report.lines().last().unwrap_or_default().split_whitespace();
        let kib: u64 = fields.next().unwrap().parse().unwrap();
        let seconds: f64 = fields.next().unwrap().parse().unwrap();
        assert!(kib <= 300 * 1024, "{}: {kib} KiB", path.display());
        assert!(seconds <= 1.0, "{}: {seconds} s", path.display());
    }
}

/// Every file in the store is whole: originals are named by the hash of their bytes,
/// and no temporary file is left once the store has been opened again.
fn assert_store_whole(data: &Path) {
    let store = PhotoStore::open(data).unwrap();
    let originals = store.root().join("originals");
    for shard in std::fs::read_dir(originals).unwrap().flatten() {
        for file in std::fs::read_dir(shard.path()).unwrap().flatten() {
            let name = file.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(file.path()).unwrap();
            let hash = name.split('.').next().unwrap_or_default();
            assert_eq!(sha256_hex(&bytes), hash, "{name} is not whole");
        }
    }
}

#[test]
fn a_full_disk_leaves_nothing_half_written_and_the_catalog_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (db, product) = catalog_with_product(dir.path());
    let painting = fixture("painting-4000x3000.jpg");
    // No file of this process may grow past 3 MB (the 5.5 MB painting cannot be stored);
    // SIGXFSZ is ignored, as a full disk gives an error, not a signal.
    let output = Command::new("bash")
        .args([
            "-c",
            r#"trap "" XFSZ; exec prlimit --fsize=3000000 "$@""#,
            "bash",
        ])
        .arg(chophien_bin())
        .args(["--db"])
        .arg(&db)
        .args(["--json", "photo", "add", &product])
        .arg(fixture("storm-1920x1280.jpg"))
        .arg(&painting)
        .arg(fixture("flower-with-gps.jpg"))
        .env_remove("CHOPHIEN_LANG")
        .output()
        .unwrap();
    let failed = failures(&output.stdout);
    assert_eq!(failed.len(), 1, "{failed:#?}");
    assert_eq!(failed[0]["file"], "painting-4000x3000.jpg");
    let message = failed[0]["message"].as_str().unwrap();
    assert!(message.contains("Ổ đĩa đầy"), "{message}");
    assert_store_whole(dir.path());
    let catalog = Catalog::open(&db).unwrap();
    let id = catalog.resolve_product(&product).unwrap();
    assert_eq!(catalog.product_photos(id).unwrap().len(), 2);
    catalog.verify().unwrap();
    // With room again, the same photo goes in.
    let output = photo_add(&db)
        .arg(&product)
        .arg(&painting)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(catalog.product_photos(id).unwrap().len(), 3);
}

const STORE_CHILD_ENV: &str = "CHOPHIEN_PHOTO_STORE_CHILD";
const KILLS: usize = 30;

/// The child: stores distinct 512 KiB "photos" one after another, printing each hash
/// once its write has returned.
#[test]
#[ignore = "run as a child process by kill_9_while_storing_photos_leaves_only_whole_files"]
fn photo_store_child_writer() {
    let Some(data) = std::env::var_os(STORE_CHILD_ENV) else {
        return;
    };
    let store = PhotoStore::open(Path::new(&data)).unwrap();
    let mut rng = SplitMix64::new(std::process::id().into());
    loop {
        let bytes: Vec<u8> = (0..64 * 1024)
            .flat_map(|_| rng.next_u64().to_le_bytes())
            .collect();
        let hash = sha256_hex(&bytes);
        store.put_original(&hash, "jpg", &bytes).unwrap();
        println!("{hash}");
    }
}

#[test]
fn kill_9_while_storing_photos_leaves_only_whole_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = SplitMix64::new(0x5EED);
    let mut acknowledged = Vec::new();
    let mut interrupted_writes = 0;
    for _ in 0..KILLS {
        let after = Duration::from_millis(20 + rng.below(100) as u64);
        let printed = kill_child_after(
            "photo_hostile::photo_store_child_writer",
            (STORE_CHILD_ENV, dir.path().as_os_str()),
            after,
        );
        acknowledged.extend(printed.into_iter().filter(|line| line.len() == 64));
        interrupted_writes += leftover_temporaries(dir.path());
        assert_store_whole(dir.path());
        assert_eq!(leftover_temporaries(dir.path()), 0, "swept on open");
    }
    let store = PhotoStore::open(dir.path()).unwrap();
    for hash in &acknowledged {
        assert!(store.original_path(hash, "jpg").exists(), "{hash} was lost");
    }
    assert!(
        interrupted_writes > 0 && !acknowledged.is_empty(),
        "the kills never hit a write ({interrupted_writes}) or nothing was written"
    );
}

fn leftover_temporaries(data: &Path) -> usize {
    let originals = data.join("photos/originals");
    let Ok(shards) = std::fs::read_dir(originals) else {
        return 0;
    };
    shards
        .flatten()
        .flat_map(|shard| {
            std::fs::read_dir(shard.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .filter(|file| file.file_name().to_string_lossy().contains(".tmp-"))
        .count()
}

#[test]
fn a_photo_whose_stored_original_was_deleted_gets_a_clear_message() {
    let photos = PhotoCatalog::new();
    let photo = photos.import_one(&fixture("flower-with-gps.jpg"));
    std::fs::remove_file(photos.store.original_path(&photo.file.sha256, "jpg")).unwrap();
    let what = chophien::photos::spec::Rendition::Variant(
        chophien::platform::Platform::Shopee,
        chophien::photos::spec::Fit::Pad,
    );
    let error =
        chophien::photos::rendition(&photos.store, &photo.file, what, "hoa.jpg").unwrap_err();
    let i18n = chophien::i18n::I18n::new(chophien::i18n::Lang::Vi);
    use chophien::i18n::Localize;
    assert_eq!(error.code(), "photos.original-missing");
    assert!(error.localize(&i18n).contains("hoa.jpg"));
}

/// Damaged copies of a JPEG, a PNG and a WebP: bytes flipped, cut short, lengths
/// rewritten. Each imports or is refused with a message; none panics.
#[test]
fn damaged_files_of_every_format_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let small = image::open(fixture("orientation/wood-orientation-6.jpg")).unwrap();
    let small = small.resize(200, 200, image::imageops::FilterType::Triangle);
    let png = dir.path().join("goc.png");
    let webp = dir.path().join("goc.webp");
    small.save(&png).unwrap();
    small.to_rgba8().save(&webp).unwrap();
    let sources = [
        std::fs::read(fixture("orientation/wood-orientation-6.jpg")).unwrap(),
        std::fs::read(&png).unwrap(),
        std::fs::read(&webp).unwrap(),
    ];
    let mut rng = SplitMix64::new(0xBAD);
    let mut files = Vec::new();
    for (n, source) in sources.iter().cycle().take(150).enumerate() {
        let mut bytes = source.clone();
        match n % 3 {
            0 => bytes.truncate(rng.below(bytes.len())),
            1 => {
                for _ in 0..1 + rng.below(8) {
                    let at = rng.below(bytes.len());
                    bytes[at] ^= 1 << rng.below(8);
                }
            }
            _ => {
                // Early bytes hold the segment and chunk lengths.
                let at = rng.below(bytes.len().min(400));
                bytes[at] = 0xFF;
            }
        }
        let path = dir.path().join(format!("hong-{n}.bin"));
        std::fs::write(&path, bytes).unwrap();
        files.push(path);
    }
    let photos = PhotoCatalog::new();
    let report = photos.import(&files);
    assert_eq!(
        report.added.len() + report.duplicates as usize + report.failed.len(),
        files.len()
    );
    assert!(!report.failed.is_empty());
}
