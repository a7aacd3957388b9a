//! Sync benchmark: `cargo bench -p chophien --bench sync` (add `-- --products N`).
//!
//! 1. N products × 5 distinct photos, published to the practice marketplace's TikTok
//!    shop on loopback with no faults, by the `chophien sync --practice` program until
//!    every listing is live: wall time and peak memory of that process (GNU time).
//! 2. The same engine against a marketplace that enforces its rate (Shopee's, scaled),
//!    with the engine's bucket at that rate: the requests answered during the run over
//!    its time, as a share of the allowed rate.
//!
//! A plain bench binary: the targets are totals, one run each.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use chophien::catalog::ocop::ProducerType;
use chophien::catalog::{Catalog, CooperativeDraft, ProductDraft, VariantDraft};
use chophien::i18n::{I18n, Lang};
use chophien::market::clock::Clock;
use chophien::market::http::{Http, Timeouts};
use chophien::photos::PhotoStore;
use chophien::platform::Platform;
use chophien::rules::RuleSet;
use chophien::sandbox::SandboxConfig;
use chophien::shops::practice;
use chophien::shops::secrets::SessionSecrets;
use chophien::sync::{Engine, SyncOptions};

/// A distinct 800 × 800 photo: a gradient with the index in its colours and some noise,
/// so every file (and every upload) is different.
fn photo(dir: &Path, index: usize) -> PathBuf {
    let path = dir.join(format!("{index:06}.jpg"));
    let mut rng = fastrand::Rng::with_seed(index as u64);
    let image = image::RgbImage::from_fn(800, 800, |x, y| {
        let noise = rng.u8(0..24);
        image::Rgb([
            ((x / 4 + index as u32 * 7) % 256) as u8 ^ noise,
            ((y / 4 + index as u32 * 13) % 256) as u8,
            ((x + y) / 8 % 256) as u8 ^ noise,
        ])
    });
    image.save(&path).expect("write photo");
    path
}

fn products(catalog: &Catalog, dir: &Path, count: usize) -> Vec<chophien::catalog::Id> {
    let mut coop = CooperativeDraft::named("HTX Ong mật Hưng Yên", ProducerType::Cooperative);
    coop.province = Some("Hưng Yên".into());
    let coop = catalog.create_cooperative(&coop).expect("coop");
    let store = PhotoStore::open(catalog.data_dir()).expect("photo store");
    let camera = dir.join("camera");
    std::fs::create_dir_all(&camera).expect("camera folder");
    (0..count)
        .map(|i| {
            let mut draft =
                ProductDraft::new(coop.id, &format!("Mật ong hoa nhãn lô {i}"), "I.2.b");
            draft.package.weight_g = Some(700);
            draft.origin = Some("Hưng Yên".into());
            let product = catalog.create_product(&draft).expect("product");
            catalog
                .add_variant(
                    product.id,
                    &VariantDraft {
                        sku: format!("MO-{i:05}"),
                        name: None,
                        price_vnd: 185_000,
                        stock: 30,
                    },
                )
                .expect("variant");
            let files: Vec<PathBuf> = (0..5).map(|k| photo(&camera, i * 5 + k)).collect();
            chophien::photos::import_files(catalog, &store, product.id, &files, &|_| true)
                .expect("photos");
            product.id
        })
        .collect()
}

fn arg(name: &str, default: usize) -> usize {
    std::env::args()
        .skip_while(|a| a != name)
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let count = arg("--products", 1000);
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("catalog.sqlite3");
    let catalog = Catalog::open(&db).expect("open");
    let started = Instant::now();
    let ids = products(&catalog, dir.path(), count);
    println!(
        "{count} products with 5 photos each imported in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let mut config = SandboxConfig::new(dir.path().join("market.sqlite"));
    config.review_delay = Duration::ZERO;
    config.rate_scale = 1000.0;
    config.daily_caps.tiktok_creations = u64::MAX;
    let market = chophien::sandbox::start(config, 0)
        .await
        .expect("practice marketplace");
    let rules = RuleSet::built_in().expect("rules");
    let http = Arc::new(Http::new(Arc::new(Clock::system()), Timeouts::default()));
    let secrets = SessionSecrets::default();
    let shops = practice::connect(
        &catalog,
        &secrets,
        http.clone(),
        &rules,
        &market.base_url(),
        market.control_token(),
    )
    .await
    .expect("practice shops");
    let tiktok = shops
        .iter()
        .find(|s| s.platform == Platform::TiktokShop)
        .expect("tiktok shop");
    for id in &ids {
        catalog.queue_publication(tiktok.id, *id).expect("queue");
    }
    let program = env!("CARGO_BIN_EXE_chophien");
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%e s wall, %M KiB peak"])
        .arg(program)
        .arg("--db")
        .arg(&db)
        .args([
            "sync",
            "--practice",
            &market.base_url(),
            "--shop",
            &tiktok.id.to_string(),
            // Until the practice reviews end too: the figure is the time to live.
            "--wait-reviews",
            "600",
        ])
        .env("CHOPHIEN_PRACTICE_TOKEN", market.control_token())
        .env("CHOPHIEN_DATA_DIR", dir.path())
        .output()
        .expect("run /usr/bin/time chophien sync");
    let measured = String::from_utf8_lossy(&output.stderr);
    println!(
        "sync of {count} listings × 5 photos to TikTok Shop (practice, loopback, no faults): {}",
        measured.lines().last().unwrap_or_default()
    );
    let mut states = std::collections::BTreeMap::new();
    for publication in catalog.publications(Some(tiktok.id)).expect("publications") {
        *states
            .entry(format!("{:?}", publication.state))
            .or_insert(0) += 1;
    }
    println!("  listings by state at the end: {states:?}");

    // The pace: Shopee's practice limit is 10 requests/s per path; scaled ×4 = 40/s.
    let mut config = SandboxConfig::new(dir.path().join("market-paced.sqlite"));
    config.review_delay = Duration::ZERO;
    config.rate_scale = 4.0;
    let paced = chophien::sandbox::start(config, 0)
        .await
        .expect("paced marketplace");
    let shops = practice::connect(
        &catalog,
        &secrets,
        http.clone(),
        &rules,
        &paced.base_url(),
        paced.control_token(),
    )
    .await
    .expect("practice shops");
    let shopee = shops
        .iter()
        .find(|s| s.platform == Platform::Shopee)
        .expect("shopee shop");
    let paced_count = count.min(300);
    for id in &ids[..paced_count] {
        catalog.queue_publication(shopee.id, *id).expect("queue");
    }
    let allowed = 40.0;
    let engine = Engine {
        catalog: Arc::new(Catalog::open(&db).expect("open")),
        secrets: Arc::new(secrets),
        http,
        rules,
        i18n: Arc::new(I18n::new(Lang::Vi)),
        today: chophien::i18n::dates::today(chophien::i18n::dates::VIETNAM),
        options: SyncOptions {
            concurrency: 8,
            rate: Some(allowed),
            ..SyncOptions::default()
        },
        cancel: Arc::new(AtomicBool::new(false)),
        progress: None,
    };
    let before = requests_served(&paced).await;
    let started = Instant::now();
    let outcome = engine.run_shop(shopee.id).await.expect("run");
    let elapsed = started.elapsed().as_secs_f64();
    let during = requests_served(&paced).await - before;
    let reached = during as f64 / elapsed;
    println!(
        "paced run ({paced_count} listings to Shopee, {allowed} requests/s allowed): {outcome:?} in {elapsed:.1} s"
    );
    println!(
        "  {during} requests: {reached:.1} requests/s, {:.0} % of the allowed rate",
        100.0 * reached / allowed
    );
}

/// How many requests the practice marketplace has answered so far, on every path,
/// leaving out those it turned away for going too fast.
async fn requests_served(market: &chophien::sandbox::RunningSandbox) -> u64 {
    let stats: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/_sandbox/stats", market.base_url()))
        .header("x-sandbox-control", market.control_token())
        .send()
        .await
        .expect("stats")
        .json()
        .await
        .expect("stats json");
    let requests: u64 = stats["requests"]
        .as_object()
        .expect("request counts")
        .values()
        .filter_map(serde_json::Value::as_u64)
        .sum();
    requests - stats["rate_limited"].as_u64().expect("rate-limited count")
}
