//! Listing readiness benchmark: `cargo bench --bench listings` (add `-- --products N`).
//! Builds a synthetic catalog (stories, variants, certificates), then reports:
//!
//! - the checks alone of 10,000 listings (contexts already in memory), per platform;
//! - one listing's checks, p50/p95/max, for the "every keystroke" target (< 5 ms);
//! - the keystroke path of the Listings tab: save the listing, read it back, check all
//!   four platforms and build the view;
//! - `refresh_readiness` over the whole catalog (database reads and writes included);
//! - a hostile 10,000-character description.
//!
//! A plain bench binary, like the catalog's: the targets are totals and percentiles.

use std::time::{Duration, Instant};

use chophien::catalog::Catalog;
use chophien::catalog::listings::{ListingContext, ListingDraft};
use chophien::demo::synthetic;
use chophien::i18n::{I18n, Lang};
use chophien::listings::view::ListingsView;
use chophien::listings::{check, refresh_readiness};
use chophien::platform::Platform;
use chophien::rules::RuleSet;

fn main() {
    let products = std::env::args()
        .skip_while(|a| a != "--products")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let catalog = Catalog::open(&dir.path().join("bench.sqlite3")).expect("open");
    let today = chophien::i18n::dates::today(chophien::i18n::dates::VIETNAM);
    let i18n = I18n::new(Lang::Vi);
    let rules = RuleSet::built_in().expect("built-in rules");
    synthetic::generate(&catalog, products, 11, today).expect("generate");

    let ids = catalog
        .products_needing_readiness(Platform::TiktokShop, today)
        .expect("ids");
    let started = Instant::now();
    let contexts: Vec<ListingContext> = catalog.listing_contexts(&ids).expect("contexts");
    println!(
        "read {} listing contexts (one transaction) in {:.0} ms",
        contexts.len(),
        ms(started.elapsed())
    );

    for platform in Platform::ALL {
        let started = Instant::now();
        let mut blocked = 0;
        for context in &contexts {
            let readiness = check(context, platform, &rules, today, &i18n);
            blocked += usize::from(!readiness.findings.is_empty());
        }
        println!(
            "checks of {} listings on {}: {:.0} ms ({} with findings)",
            contexts.len(),
            platform.name(),
            ms(started.elapsed()),
            blocked
        );
    }

    let mut one = Vec::with_capacity(contexts.len());
    for context in &contexts {
        let started = Instant::now();
        std::hint::black_box(check(context, Platform::Shopee, &rules, today, &i18n));
        one.push(started.elapsed());
    }
    report("one listing's checks", &mut one);

    // The Listings tab on each keystroke: save, read back, check four platforms, view.
    let mut keystrokes = Vec::new();
    for (n, id) in ids.iter().take(300).enumerate() {
        let draft = ListingDraft {
            description: Some(format!(
                "Mô tả lần {n}: sản phẩm làm thủ công, đóng gói cẩn thận, giao hàng toàn quốc."
            )),
            ..ListingDraft::default()
        };
        let started = Instant::now();
        catalog
            .save_listing(*id, Platform::TiktokShop, &draft)
            .expect("save");
        let context = catalog.listing_context(*id).expect("context");
        std::hint::black_box(ListingsView::new(&context, &rules, today, &i18n));
        keystrokes.push(started.elapsed());
    }
    report("keystroke: save + read + 4 checks + view", &mut keystrokes);

    let started = Instant::now();
    let checked =
        refresh_readiness(&catalog, &rules, Platform::Lazada, today, &i18n).expect("refresh");
    println!(
        "refresh_readiness of {checked} products (reads, checks, writes): {:.0} ms",
        ms(started.elapsed())
    );
    let started = Instant::now();
    let again =
        refresh_readiness(&catalog, &rules, Platform::Lazada, today, &i18n).expect("refresh");
    println!(
        "refresh_readiness again ({again} stale): {:.1} ms",
        ms(started.elapsed())
    );

    let mut hostile = contexts[0].clone();
    let sentence = "Mật ong rừng nguyên chất, c h ữ a b ệ n h dạ dày, s\u{200B}ố 1 Việt Nam! ";
    hostile.listings[0].draft.description = Some(sentence.repeat(10_000 / sentence.len() + 1));
    let mut times = Vec::new();
    for _ in 0..50 {
        let started = Instant::now();
        std::hint::black_box(check(&hostile, Platform::TiktokShop, &rules, today, &i18n));
        times.push(started.elapsed());
    }
    report("a 10,000-character hostile description", &mut times);
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn report(label: &str, timings: &mut [Duration]) {
    timings.sort();
    let pick = |p: f64| {
        let index = ((timings.len() - 1) as f64 * p).round() as usize;
        ms(timings[index])
    };
    println!(
        "{label}: p50 {:.2} ms · p95 {:.2} ms · max {:.2} ms ({} runs)",
        pick(0.50),
        pick(0.95),
        pick(1.0),
        timings.len()
    );
}
