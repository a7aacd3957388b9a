//! The sync engine against the practice marketplace on 127.0.0.1: many listings through
//! random faults, exactly once; edits made while offline or during a sync; tokens that
//! expire mid-run; a price changed on the platform (a conflict, never overwritten).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use chophien::catalog::ids::Id;
use chophien::catalog::shops::Shop;
use chophien::catalog::sync::PublicationState;
use chophien::catalog::{Catalog, ProductDraft, VariantDraft};
use chophien::i18n::{I18n, Lang};
use chophien::photos::PhotoStore;
use chophien::platform::Platform;
use chophien::rules::RuleSet;
use chophien::shops::practice;
use chophien::shops::secrets::SessionSecrets;
use chophien::sync::{Engine, ShopOutcome, SyncOptions};
use serde_json::json;

use crate::practice::{Practice, http, market_name};
use crate::support::{TODAY, TempCatalog};

/// A catalog, a practice marketplace and its shops connected.
pub struct World {
    pub temp: TempCatalog,
    pub engine_catalog: Arc<Catalog>,
    pub practice: Practice,
    pub secrets: Arc<SessionSecrets>,
    pub shops: Vec<Shop>,
    pub photos: Vec<PathBuf>,
}

fn tiny_jpeg(dir: &std::path::Path, index: usize) -> PathBuf {
    let path = dir.join(format!("p{index:05}.jpg"));
    let image = image::RgbImage::from_fn(96, 96, |x, y| {
        let seed = index as u32;
        image::Rgb([
            ((x * 7 + seed * 13) % 256) as u8,
            ((y * 5 + seed * 29) % 256) as u8,
            ((x + y + seed * 3) % 256) as u8,
        ])
    });
    image.save(&path).unwrap();
    path
}

impl World {
    pub async fn new(
        photo_pool: usize,
        tune: impl FnOnce(&mut chophien::sandbox::SandboxConfig),
    ) -> World {
        let temp = TempCatalog::new();
        let practice = Practice::start(tune).await;
        let secrets = Arc::new(SessionSecrets::default());
        let shops = practice::connect(
            &temp.catalog,
            &secrets,
            http(),
            &RuleSet::built_in().unwrap(),
            &practice.base(),
            practice.running.control_token(),
        )
        .await
        .unwrap();
        let dir = temp.dir.path().join("camera");
        std::fs::create_dir_all(&dir).unwrap();
        let photos = (0..photo_pool).map(|i| tiny_jpeg(&dir, i)).collect();
        let engine_catalog = Arc::new(Catalog::open(&temp.path()).unwrap());
        World {
            temp,
            engine_catalog,
            practice,
            secrets,
            shops,
            photos,
        }
    }

    pub fn shop(&self, platform: Platform) -> &Shop {
        self.shops.iter().find(|s| s.platform == platform).unwrap()
    }

    /// `count` products, each with one variant and five photos from the pool (products
    /// share photos, so a photo must go up once per shop however many products use it).
    pub fn products(&self, count: usize) -> Vec<Id> {
        let catalog = &self.temp.catalog;
        let coop = self.temp.coop("HTX Ong mật Hưng Yên");
        let store = PhotoStore::open(self.temp.dir.path()).unwrap();
        (0..count)
            .map(|i| {
                let mut draft =
                    ProductDraft::new(coop.id, &format!("Mật ong hoa nhãn số {i}"), "I.2.b");
                draft.package.weight_g = Some(700);
                draft.origin = Some("Hưng Yên".into());
                let product = catalog.create_product(&draft).unwrap();
                catalog
                    .add_variant(
                        product.id,
                        &VariantDraft {
                            sku: format!("MO-{i:05}"),
                            name: None,
                            price_vnd: 100_000 + i as i64,
                            stock: 20,
                        },
                    )
                    .unwrap();
                let files: Vec<PathBuf> = (0..5)
                    .map(|k| self.photos[(i + k) % self.photos.len()].clone())
                    .collect();
                chophien::photos::import_files(catalog, &store, product.id, &files, &|_| true)
                    .unwrap();
                product.id
            })
            .collect()
    }

    /// Queues every one of `products` for the shop of `platform`.
    pub fn queue(&self, platform: Platform, products: &[Id]) {
        for product in products {
            self.temp
                .catalog
                .queue_publication(self.shop(platform).id, *product)
                .unwrap();
        }
    }

    pub fn engine(&self, options: SyncOptions) -> Engine {
        Engine {
            catalog: self.engine_catalog.clone(),
            secrets: self.secrets.clone(),
            http: http(),
            rules: RuleSet::built_in().unwrap(),
            i18n: Arc::new(I18n::new(Lang::Vi)),
            today: TODAY,
            options,
            cancel: Arc::new(AtomicBool::new(false)),
            progress: None,
        }
    }

    /// Every product the market holds for `platform`.
    pub async fn market_products(&self, platform: Platform) -> Vec<serde_json::Value> {
        let answer = self
            .practice
            .control(
                &format!("products?platform={}", market_name(platform)),
                None,
            )
            .await;
        answer["products"].as_array().unwrap().clone()
    }
}

/// Fast options for tests: short back-off, quick polls.
pub fn quick() -> SyncOptions {
    SyncOptions {
        concurrency: 4,
        rate: Some(500.0),
        backoff_base: Duration::from_millis(20),
        backoff_cap: Duration::from_millis(400),
        poll_first: Duration::from_millis(20),
        poll_cap: Duration::from_millis(200),
        wait_for_reviews: Duration::from_secs(20),
        longest_wait: Duration::from_secs(5),
    }
}

/// Runs the engine until nothing is left (a run may end early waiting for back-off).
async fn drain(engine: &Engine, shop: &Shop) -> ShopOutcome {
    for _ in 0..50 {
        let outcome = engine.run_shop(shop.id).await.unwrap();
        if outcome == ShopOutcome::Drained {
            return outcome;
        }
    }
    panic!("the queue of {} never drained", shop.name);
}

/// The market holds each SKU once, and `catalog` sees each of its publications live there.
async fn assert_exactly_once(
    world: &World,
    catalog: &Catalog,
    platform: Platform,
    products: &[Id],
) {
    let shop = world.shop(platform);
    let held = world.market_products(platform).await;
    assert_eq!(
        held.len(),
        products.len(),
        "{platform:?}: products on the market"
    );
    let mut skus: Vec<String> = held
        .iter()
        .flat_map(|p| {
            p["seller_skus"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_owned())
        })
        .collect();
    skus.sort();
    skus.dedup();
    assert_eq!(
        skus.len(),
        products.len(),
        "{platform:?}: one product per SKU"
    );
    for publication in catalog.publications(Some(shop.id)).unwrap() {
        assert_eq!(
            publication.state,
            PublicationState::Live,
            "{platform:?}: {publication:?}"
        );
        let remote = publication.remote_id.unwrap();
        assert!(
            held.iter()
                .any(|p| p["id"].as_str() == Some(remote.as_str())),
            "{platform:?}: remote id {remote}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_listings_through_random_faults_go_live_exactly_once() {
    let count: usize = std::env::var("CHOPHIEN_SYNC_LISTINGS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    // The marketplace's own limit well above the engine's pace: rate limits come from
    // the injected faults here.
    let world = World::new(count.min(250), |config| config.rate_scale = 50.0).await;
    let products = world.products(count);
    let platform = Platform::Shopee;
    let shop = world.shop(platform);
    world.queue(shop.platform, &products);
    world
        .practice
        .control(
            "faults",
            Some(json!({"rate": 0.1, "seed": 7, "slow_ms": 1500,
                        "kinds": ["server_error", "slow", "drop_before", "drop_after_commit", "cut_body", "rate_limit"]})),
        )
        .await;
    let mut options = quick();
    options.concurrency = 6;
    let engine = world.engine(options);
    // Timeouts shorter than the slow answers.
    let engine = Engine {
        http: Arc::new(chophien::market::http::Http::new(
            Arc::new(chophien::market::clock::Clock::system()),
            chophien::market::http::Timeouts {
                connect: Duration::from_secs(2),
                request: Duration::from_secs(1),
            },
        )),
        ..engine
    };
    drain(&engine, shop).await;
    let publications = world.temp.catalog.publications(Some(shop.id)).unwrap();
    let not_live: Vec<_> = publications
        .iter()
        .filter(|p| p.state != PublicationState::Live)
        .map(|p| (p.state, p.problem.clone()))
        .collect();
    assert!(
        not_live.is_empty(),
        "{} not live, e.g. {:?}",
        not_live.len(),
        not_live.first()
    );
    assert_exactly_once(&world, &world.temp.catalog, platform, &products).await;
    let stats = world.practice.control("stats", None).await;
    let requests = |path: &str| {
        stats["requests"][format!("shopee {path}")]
            .as_u64()
            .unwrap_or(0) as usize
    };
    let upload = "/api/v2/media_space/upload_image";
    // Every photo goes up once; again only when the answer to its upload was lost (and
    // no other product sharing it got it up meanwhile).
    let distinct = count.min(250);
    assert!(requests(upload) >= distinct, "{stats}");
    assert!(
        requests(upload) <= distinct + requests(&format!("{upload} (fault)")),
        "{stats}"
    );
    // Every product created once (the market holds one per SKU, checked above); a creation
    // is repeated only after a fault.
    let creations = "/api/v2/product/add_item";
    assert!(
        requests(creations) <= count + requests(&format!("{creations} (fault)")),
        "{stats}"
    );
}

/// kill -9 of the syncing process at random moments, with edits between the kills: the
/// next run resumes, no product is created twice, no edit is lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_while_syncing_loses_nothing_and_duplicates_nothing() {
    let world = World::new(60, |_| {}).await;
    let products = world.products(30);
    let platforms = [Platform::TiktokShop, Platform::Shopee, Platform::Lazada];
    for platform in platforms {
        world.queue(platform, &products);
    }
    let mut rng = fastrand::Rng::with_seed(20261123);
    let run = |kill_after: Option<Duration>| {
        let mut command = std::process::Command::new(crate::support::chophien_bin());
        command
            .arg("--db")
            .arg(world.temp.path())
            .args(["sync", "--refresh", "--practice", &world.practice.base()])
            .env(
                "CHOPHIEN_PRACTICE_TOKEN",
                world.practice.running.control_token(),
            )
            .env("CHOPHIEN_DATA_DIR", world.temp.dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let mut child = command.spawn().unwrap();
        match kill_after {
            Some(wait) => {
                std::thread::sleep(wait);
                // SIGKILL: no destructor, no flush, like a power cut for the process.
                let _ = child.kill();
                child.wait().unwrap();
            }
            None => assert!(child.wait().unwrap().success()),
        }
    };
    let mut killed = 0;
    for round in 0..20 {
        let wait = Duration::from_millis(rng.u64(80..900));
        tokio::task::block_in_place(|| run(Some(wait)));
        killed += 1;
        // An edit between kills: its price must reach every shop in the end.
        let product = products[round % products.len()];
        let variant = world.temp.catalog.product_detail(product).unwrap().variants[0].clone();
        let mut draft = variant.draft.clone();
        draft.price_vnd += 1_000;
        world
            .temp
            .catalog
            .update_variant(variant.id, &draft)
            .unwrap();
    }
    assert_eq!(killed, 20);
    tokio::task::block_in_place(|| run(None));
    // Products created by that last run are asked about at the next one.
    tokio::task::block_in_place(|| run(None));
    for platform in platforms {
        assert_exactly_once(&world, &world.temp.catalog, platform, &products).await;
        let held = world.market_products(platform).await;
        for product in &products {
            let detail = world.temp.catalog.product_detail(*product).unwrap();
            let sku = &detail.variants[0].draft.sku;
            let on_market = held
                .iter()
                .find(|p| {
                    p["seller_skus"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|s| s.as_str() == Some(sku.as_str()))
                })
                .unwrap();
            assert_eq!(
                on_market["prices"][0].as_i64(),
                Some(detail.variants[0].draft.price_vnd),
                "{platform:?} {sku}: the last edit reached the market"
            );
        }
    }
}

/// Sets the variant's price (and so leaves an update in the outbox).
fn set_price(catalog: &Catalog, product: Id, price: i64) {
    let variant = catalog.product_detail(product).unwrap().variants[0].clone();
    let mut draft = variant.draft.clone();
    draft.price_vnd = price;
    catalog.update_variant(variant.id, &draft).unwrap();
}

async fn market_price(world: &World, platform: Platform, sku: &str) -> Option<i64> {
    world
        .market_products(platform)
        .await
        .iter()
        .find(|p| p["seller_skus"][0] == json!(sku))
        .and_then(|p| p["prices"][0].as_i64())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_price_changed_on_the_platform_is_a_conflict_not_overwritten() {
    let world = World::new(5, |_| {}).await;
    let products = world.products(1);
    let shop = world.shop(Platform::Shopee);
    world
        .temp
        .catalog
        .queue_publication(shop.id, products[0])
        .unwrap();
    let engine = world.engine(quick());
    drain(&engine, shop).await;
    let remote_id = world.temp.catalog.publications(Some(shop.id)).unwrap()[0]
        .remote_id
        .clone()
        .unwrap();

    // Someone edits the price in Seller Center…
    let session =
        chophien::shops::open(&world.temp.catalog, world.secrets.as_ref(), http(), shop.id)
            .await
            .unwrap();
    use chophien::market::Marketplace;
    session
        .adapter
        .update_price_stock(
            &remote_id,
            &[chophien::market::SkuUpdate {
                seller_sku: "MO-00000".into(),
                price_vnd: 123_000,
                stock: 20,
            }],
        )
        .await
        .unwrap();
    // …and the cooperative edits it here.
    set_price(&world.temp.catalog, products[0], 150_000);
    drain(&engine, shop).await;
    let publication = world
        .temp
        .catalog
        .publications(Some(shop.id))
        .unwrap()
        .remove(0);
    assert_eq!(publication.state, PublicationState::Conflict);
    assert_eq!(
        publication.remote_copy.as_ref().unwrap()["skus"][0]["price"],
        123_000
    );
    assert_eq!(
        market_price(&world, Platform::Shopee, "MO-00000").await,
        Some(123_000),
        "not overwritten"
    );

    // The cooperative keeps its own price: it goes up.
    let rules = RuleSet::built_in().unwrap();
    let i18n = I18n::new(Lang::Vi);
    chophien::sync::actions::resolve(
        &world.temp.catalog,
        publication.id,
        true,
        &rules,
        TODAY,
        &i18n,
    )
    .unwrap();
    drain(&engine, shop).await;
    assert_eq!(
        market_price(&world, Platform::Shopee, "MO-00000").await,
        Some(150_000)
    );
    assert_eq!(
        world.temp.catalog.publications(Some(shop.id)).unwrap()[0].state,
        PublicationState::Live
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_edits_wait_and_go_when_the_network_returns() {
    let world = World::new(10, |_| {}).await;
    let products = world.products(3);
    let shop = world.shop(Platform::TiktokShop);
    world.queue(shop.platform, &products);
    // Offline: every connection drops before anything is done.
    world
        .practice
        .control(
            "faults",
            Some(json!({"rate": 1.0, "kinds": ["drop_before"]})),
        )
        .await;
    let mut options = quick();
    options.longest_wait = Duration::from_millis(100);
    let engine = world.engine(options);
    let outcome = engine.run_shop(shop.id).await.unwrap();
    assert!(
        matches!(outcome, ShopOutcome::Waiting { .. }),
        "{outcome:?}"
    );
    assert!(world.market_products(Platform::TiktokShop).await.is_empty());
    set_price(&world.temp.catalog, products[0], 99_000);

    // Back online.
    world
        .practice
        .control("faults", Some(json!({"rate": 0.0})))
        .await;
    let engine = world.engine(quick());
    drain(&engine, shop).await;
    assert_exactly_once(&world, &world.temp.catalog, Platform::TiktokShop, &products).await;
    assert_eq!(
        market_price(&world, Platform::TiktokShop, "MO-00000").await,
        Some(99_000)
    );

    // An edit made while a sync runs is sent after it.
    set_price(&world.temp.catalog, products[1], 88_000);
    let running = tokio::spawn({
        let engine = world.engine(quick());
        let shop_id = shop.id;
        async move { engine.run_shop(shop_id).await }
    });
    set_price(&world.temp.catalog, products[2], 77_000);
    running.await.unwrap().unwrap();
    drain(&engine, shop).await;
    assert_eq!(
        market_price(&world, Platform::TiktokShop, "MO-00001").await,
        Some(88_000)
    );
    assert_eq!(
        market_price(&world, Platform::TiktokShop, "MO-00002").await,
        Some(77_000)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_token_is_renewed_mid_run_and_a_lapsed_shop_pauses_alone() {
    let world = World::new(10, |_| {}).await;
    let products = world.products(4);
    let tiktok = world.shop(Platform::TiktokShop);
    let shopee = world.shop(Platform::Shopee);
    world.queue(Platform::TiktokShop, &products);
    world.queue(Platform::Shopee, &products);
    let engine = world.engine(quick());
    // TikTok: the access token expires just as the run starts; it is renewed and the run goes on.
    let tiktok_shop = world.practice.shop(Platform::TiktokShop).await;
    world
        .practice
        .control(
            "expire",
            Some(
                json!({"platform": "tiktok", "shop_id": tiktok_shop["shop_id"], "token": "access"}),
            ),
        )
        .await;
    // Shopee: both tokens lapsed: that shop pauses with a message, the other carries on.
    let shopee_shop = world.practice.shop(Platform::Shopee).await;
    for token in ["access", "refresh"] {
        world
            .practice
            .control("expire", Some(json!({"platform": "shopee", "shop_id": shopee_shop["shop_id"], "token": token})))
            .await;
    }
    drain(&engine, tiktok).await;
    assert_exactly_once(&world, &world.temp.catalog, Platform::TiktokShop, &products).await;
    match engine.run_shop(shopee.id).await.unwrap() {
        ShopOutcome::Paused { message } => assert!(
            message.contains("kết nối lại") || message.contains("Kết nối lại"),
            "{message}"
        ),
        other => panic!("{other:?}"),
    }
    assert!(world.temp.catalog.shop(shopee.id).unwrap().needs_reauth);
    assert!(world.market_products(Platform::Shopee).await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lapsed_shop_reconnected_with_a_new_code_sends_again() {
    let world = World::new(5, |_| {}).await;
    let products = world.products(1);
    let shop = world.shop(Platform::Lazada);
    world
        .temp
        .catalog
        .queue_publication(shop.id, products[0])
        .unwrap();
    for token in ["access", "refresh"] {
        world
            .practice
            .control(
                "expire",
                Some(json!({"platform": "lazada", "token": token})),
            )
            .await;
    }
    let engine = world.engine(quick());
    assert!(matches!(
        engine.run_shop(shop.id).await.unwrap(),
        ShopOutcome::Paused { .. }
    ));
    assert!(world.temp.catalog.shop(shop.id).unwrap().needs_reauth);

    let code = world.practice.code(Platform::Lazada).await;
    let reconnected = chophien::shops::reconnect(
        &world.temp.catalog,
        world.secrets.as_ref(),
        http(),
        shop.id,
        &code,
    )
    .await
    .unwrap();
    assert!(!reconnected.needs_reauth);
    drain(&engine, shop).await;
    assert_exactly_once(&world, &world.temp.catalog, Platform::Lazada, &products).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_sizes_go_to_shopee_as_one_item_and_a_refused_field_says_where_to_fix_it() {
    let world = World::new(5, |_| {}).await;
    let products = world.products(2);
    let catalog = &world.temp.catalog;
    for (sku, name, price) in [
        ("MO-250", "Chai 250 ml", 98_000),
        ("MO-1L", "Can 1 lít", 350_000),
    ] {
        catalog
            .add_variant(
                products[0],
                &VariantDraft {
                    sku: sku.into(),
                    name: Some(name.into()),
                    price_vnd: price,
                    stock: 5,
                },
            )
            .unwrap();
    }
    let shop = world.shop(Platform::Shopee);
    catalog.queue_publication(shop.id, products[0]).unwrap();
    let engine = world.engine(quick());
    drain(&engine, shop).await;
    let held = world.market_products(Platform::Shopee).await;
    assert_eq!(held.len(), 1);
    assert_eq!(
        held[0]["seller_skus"],
        json!(["MO-00000", "MO-250", "MO-1L"])
    );
    assert_eq!(held[0]["prices"], json!([100_000, 98_000, 350_000]));

    // A price edit of one size reaches its model alone.
    let variant = catalog.product_detail(products[0]).unwrap().variants[2].clone();
    let mut draft = variant.draft.clone();
    draft.price_vnd = 330_000;
    catalog.update_variant(variant.id, &draft).unwrap();
    drain(&engine, shop).await;
    let held = world.market_products(Platform::Shopee).await;
    assert_eq!(held[0]["prices"], json!([100_000, 98_000, 330_000]));

    // The platform has made an attribute required since the shop's categories were
    // fetched: the product fails with the field, and the row says where to fix it.
    rusqlite::Connection::open(world.temp.path())
        .unwrap()
        .execute(
            "UPDATE shop_category SET required_attributes = '[]' WHERE shop_id = ?1",
            [shop.id.to_string()],
        )
        .unwrap();
    catalog.queue_publication(shop.id, products[1]).unwrap();
    drain(&engine, shop).await;
    let refused = catalog
        .publications(Some(shop.id))
        .unwrap()
        .into_iter()
        .find(|p| p.product_id == products[1])
        .unwrap();
    assert_eq!(refused.state, PublicationState::Failed);
    let row = chophien::sync::view::SyncRow::new(
        &refused,
        String::new(),
        time::UtcOffset::UTC,
        &I18n::new(Lang::Vi),
    );
    assert_eq!(row.fix, Some(chophien::listings::FixField::Category));
    assert!(
        row.note
            .as_deref()
            .unwrap_or_default()
            .contains("Thuộc tính"),
        "{row:?}"
    );
    assert_eq!(world.market_products(Platform::Shopee).await.len(), 1);
}

/// Runs `chophien sync` on a copy of the world's data folder inside a tmpfs only
/// `headroom_kb` larger than the copy (its own mount namespace: no root needed), then
/// copies what is left on it to `out`. Returns the exit status and what it printed.
fn sync_on_a_small_disk(world: &World, headroom_kb: u64, out: &std::path::Path) -> (i32, String) {
    let small = tempfile::tempdir().unwrap();
    let script = r#"
        set -e
        size=$(( $(du -sk "$FROM" | cut -f1) + $HEADROOM ))
        mount -t tmpfs -o size=${size}k tmpfs "$SMALL"
        cp -a "$FROM"/. "$SMALL"/
        set +e
        CHOPHIEN_DATA_DIR="$SMALL" "$BIN" --db "$SMALL/catalog.sqlite3" sync --practice "$URL" 2>&1
        code=$?
        df -k "$SMALL" | tail -1
        cp -a "$SMALL"/. "$OUT"/
        exit $code
    "#;
    let output = std::process::Command::new("unshare")
        .args(["--map-root-user", "--mount", "sh", "-c", script])
        .env("FROM", world.temp.dir.path())
        .env("SMALL", small.path())
        .env("OUT", out)
        .env("HEADROOM", headroom_kb.to_string())
        .env("BIN", crate::support::chophien_bin())
        .env("URL", world.practice.base())
        .env(
            "CHOPHIEN_PRACTICE_TOKEN",
            world.practice.running.control_token(),
        )
        .output()
        .expect("unshare (util-linux) runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().unwrap_or(-1), text)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disk_that_fills_during_a_sync_stops_it_cleanly_and_it_resumes_with_room() {
    let world = World::new(150, |_| {}).await;
    let products = world.products(30);
    let shop = world.shop(Platform::TiktokShop);
    world.queue(shop.platform, &products);
    let out = tempfile::tempdir().unwrap();
    let (code, printed) =
        tokio::task::block_in_place(|| sync_on_a_small_disk(&world, 600, out.path()));
    assert_ne!(code, 0, "{printed}");
    assert!(printed.contains("đã đầy"), "a clear message: {printed}");
    assert!(!printed.contains("panicked"), "{printed}");

    // What the full disk holds is a consistent catalog with the sync part-way.
    let copy = Catalog::open(&out.path().join("catalog.sqlite3")).unwrap();
    copy.verify().unwrap();
    let publications = copy.publications(Some(shop.id)).unwrap();
    let sent = publications
        .iter()
        .filter(|p| p.remote_id.is_some())
        .count();
    assert!(
        sent > 0 && sent < products.len(),
        "part-way: {sent} sent, {printed}"
    );

    // With room again (the folder copied to a roomy disk), the next runs finish it.
    for _ in 0..2 {
        let status = std::process::Command::new(crate::support::chophien_bin())
            .arg("--db")
            .arg(out.path().join("catalog.sqlite3"))
            .args(["sync", "--refresh", "--practice", &world.practice.base()])
            .env(
                "CHOPHIEN_PRACTICE_TOKEN",
                world.practice.running.control_token(),
            )
            .env("CHOPHIEN_DATA_DIR", out.path())
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
    }
    assert_exactly_once(&world, &copy, Platform::TiktokShop, &products).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_product_taken_off_a_shop_leaves_its_queue_or_comes_down_at_the_next_sync() {
    let world = World::new(5, |_| {}).await;
    let products = world.products(2);
    let catalog = &world.temp.catalog;
    let shop = world.shop(Platform::Lazada);
    let i18n = I18n::new(Lang::Vi);
    world.queue(Platform::Lazada, &products);
    // The second one leaves the queue before anything is sent: nothing reaches the market.
    let said = chophien::sync::actions::withdraw(catalog, shop, products[1], &i18n).unwrap();
    assert!(said.contains("hàng chờ"), "{said}");
    let engine = world.engine(quick());
    drain(&engine, shop).await;
    let held = world.market_products(Platform::Lazada).await;
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["status"], "live");

    // The first, live, comes down at the next sync; an edit made meanwhile is not sent.
    let said = chophien::sync::actions::withdraw(catalog, shop, products[0], &i18n).unwrap();
    assert!(said.contains("lần gửi tới"), "{said}");
    set_price(catalog, products[0], 99_000);
    drain(&engine, shop).await;
    let held = world.market_products(Platform::Lazada).await;
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["status"], "inactive");
    assert_ne!(held[0]["prices"][0], 99_000);
    for publication in catalog.publications(Some(shop.id)).unwrap() {
        assert_eq!(publication.state, PublicationState::Withdrawn);
    }
    let said = chophien::sync::actions::withdraw(catalog, shop, products[0], &i18n).unwrap();
    assert!(said.contains("không có gì để gỡ"), "{said}");

    // Published again later, it goes back up as the same product.
    catalog.queue_publication(shop.id, products[0]).unwrap();
    drain(&engine, shop).await;
    let held = world.market_products(Platform::Lazada).await;
    assert_eq!(held.len(), 1, "the same product, not a second one");
}
