//! Bundle benchmark: `cargo bench --bench exchange` (add `-- --products N --photos M`).
//!
//! Builds a synthetic catalog of 500 products with 2,000 distinct photos (1600×1200
//! JPEGs, four per product), then runs the export and the import of its `.chophien`
//! bundle each in a child process under GNU time, so the wall time and the peak
//! resident memory are those of the exchange alone. Memory must not grow with the
//! photos: both sides stream.
//!
//! A plain bench binary, like the others: the figures are totals for one run.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chophien::catalog::Catalog;
use chophien::catalog::search::ProductQuery;
use chophien::demo::synthetic;
use chophien::exchange::Control;
use chophien::exchange::export::{BundleRequest, export_bundle};
use chophien::exchange::import::import_bundle;
use chophien::photos::PhotoStore;
use chophien::photos::import::import_files;
use chophien::photos::render::encode;
use image::RgbImage;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(position) = args.iter().position(|a| a == "--child") {
        child(&args[position + 1..]);
        return;
    }
    let option = |name: &str, default: usize| {
        args.iter()
            .skip_while(|a| *a != name)
            .nth(1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(default)
    };
    let products = option("--products", 500);
    let photos = option("--photos", 2_000);
    if !Path::new("/usr/bin/time").exists() {
        println!("== exchange: skipped (needs GNU time: apt install time)");
        return;
    }

    let dir = tempfile::tempdir().expect("temp dir");
    let source = dir.path().join("source");
    let started = Instant::now();
    make_catalog(&source, products, photos);
    println!(
        "made {products} products with {photos} photos in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let bundle = dir.path().join("bench.chophien");
    let (export_s, export_kib) = measured(&["export", &path(&source), &path(&bundle)]);
    let size = std::fs::metadata(&bundle).map(|m| m.len()).unwrap_or(0);
    println!(
        "bundle export: {export_s:.2} s, peak RSS {} MiB, file {} MiB",
        export_kib / 1024,
        size / (1024 * 1024)
    );
    let target = dir.path().join("target");
    let (import_s, import_kib) = measured(&["import", &path(&target), &path(&bundle)]);
    println!(
        "bundle import into an empty catalog: {import_s:.2} s, peak RSS {} MiB",
        import_kib / 1024
    );
    let (again_s, again_kib) = measured(&["import", &path(&target), &path(&bundle)]);
    println!(
        "the same bundle again (everything unchanged): {again_s:.2} s, peak RSS {} MiB",
        again_kib / 1024
    );
}

fn path(path: &Path) -> String {
    path.display().to_string()
}

/// A catalog of `products` synthetic products and `photos` distinct photos spread over
/// them, imported through the real photo pipeline.
fn make_catalog(data: &Path, products: usize, photos: usize) {
    let catalog = Catalog::open(&data.join("catalog.sqlite3")).expect("open");
    let today = chophien::i18n::dates::today(chophien::i18n::dates::VIETNAM);
    synthetic::generate(&catalog, products, 7, today).expect("generate");
    let query = ProductQuery {
        limit: products as u64,
        ..ProductQuery::default()
    };
    let ids: Vec<_> = catalog
        .find_products(&query, today)
        .expect("list")
        .items
        .iter()
        .map(|p| p.id)
        .collect();
    let store = PhotoStore::open(data).expect("store");
    let files = data.join("incoming");
    std::fs::create_dir_all(&files).expect("dir");
    let per_product = photos.div_ceil(ids.len().max(1));
    for (index, id) in ids.iter().enumerate() {
        let first = index * per_product;
        let batch: Vec<PathBuf> = (first..(first + per_product).min(photos))
            .map(|n| {
                let file = files.join(format!("{n}.jpg"));
                std::fs::write(&file, photo(n)).expect("write photo");
                file
            })
            .collect();
        if batch.is_empty() {
            break;
        }
        let report = import_files(&catalog, &store, *id, &batch, &|_| true).expect("import");
        assert!(report.failed.is_empty(), "{:?}", report.failed);
        for file in batch {
            std::fs::remove_file(file).expect("remove");
        }
    }
}

/// A distinct 1600×1200 photo: a gradient whose colours depend on `n`.
fn photo(n: usize) -> Vec<u8> {
    let shift = (n % 251) as u32;
    let tint = (n / 251) as u32;
    let image = RgbImage::from_fn(1600, 1200, |x, y| {
        image::Rgb([
            ((x / 7 + shift) % 256) as u8,
            ((y / 5 + tint * 17) % 256) as u8,
            (((x + y) / 11 + shift * 3) % 256) as u8,
        ])
    });
    encode(&image, 85).expect("encode")
}

/// Runs this binary as a child under GNU time: (wall seconds, peak RSS in KiB).
fn measured(args: &[&str]) -> (f64, u64) {
    let report = tempfile::NamedTempFile::new().expect("temp file");
    let status = Command::new("/usr/bin/time")
        .args(["-f", "%e %M", "-o"])
        .arg(report.path())
        .arg(std::env::current_exe().expect("bench binary"))
        .arg("--child")
        .args(args)
        .status()
        .expect("run child");
    assert!(status.success(), "child {args:?} failed");
    let text = std::fs::read_to_string(report.path()).expect("time report");
    let mut fields = text.lines().last().unwrap_or_default().split_whitespace();
    let seconds = fields.next().and_then(|s| s.parse().ok()).unwrap_or(0.0);
    let kib = fields.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    (seconds, kib)
}

/// `--child export DATA OUT` or `--child import DATA BUNDLE`.
fn child(args: &[String]) {
    let [what, data, file] = args else {
        panic!("child arguments: {args:?}");
    };
    let catalog = Catalog::open(&Path::new(data).join("catalog.sqlite3")).expect("open");
    match what.as_str() {
        "export" => {
            export_bundle(
                &catalog,
                &BundleRequest::default(),
                Path::new(file),
                Control::default(),
            )
            .expect("export");
        }
        "import" => {
            import_bundle(&catalog, Path::new(file), Control::default()).expect("import");
        }
        other => panic!("unknown child step {other}"),
    }
}
