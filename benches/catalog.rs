//! Catalog benchmark: `cargo bench --bench catalog` (add `-- --products N` to change the
//! size). Builds a synthetic catalog of 100,000 products, then reports latency
//! percentiles for type-ahead search and the first page of the product list, the cost
//! of 10,000 inserts in one transaction, and the size of the file on disk.
//!
//! A plain bench binary rather than criterion: the targets are percentiles (p95, p99)
//! over many different queries, which criterion's mean-of-iterations does not report.

use std::time::{Duration, Instant};

use chophien::catalog::search::{ProductQuery, Sort};
use chophien::catalog::{Catalog, Id, ProductDraft};
use chophien::demo::synthetic::{self, SplitMix64};
use chophien::text;

fn main() {
    let products = std::env::args()
        .skip_while(|a| a != "--products")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.sqlite3");
    let catalog = Catalog::open(&path).expect("open");
    let today = chophien::i18n::dates::today(chophien::i18n::dates::VIETNAM);

    let started = Instant::now();
    synthetic::generate(&catalog, products, 7, today).expect("generate");
    println!(
        "generated {products} products in {:.2} s",
        started.elapsed().as_secs_f64()
    );

    // 10,000 more inserts in one transaction (a large spreadsheet import).
    let coop = catalog.list_cooperatives(false).expect("coops")[0].id;
    let mut rng = SplitMix64::new(99);
    let started = Instant::now();
    catalog
        .batch(|batch| {
            for _ in 0..10_000 {
                batch.create_product(
                    Id::new(),
                    &ProductDraft::new(coop, &synthetic::product_name(&mut rng), "I.3.c"),
                )?;
            }
            Ok(())
        })
        .expect("insert");
    println!(
        "10,000 inserts in one transaction: {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );

    // Queries as users type them, drawn from real rows: a whole first word and a
    // prefix of the second (3+ letters), all without diacritics.
    let mut rng = SplitMix64::new(2026);
    let mut two_words = Vec::new();
    let mut prefixes = Vec::new();
    while two_words.len() < 2000 {
        let words = text::folded_words(&synthetic::product_name(&mut rng));
        let first = &words[rng.below(words.len() - 1)];
        let index = words.iter().position(|w| w == first).unwrap_or(0);
        let second = &words[index + 1];
        if first.len() >= 2 && second.len() >= 3 {
            let cut = 3 + rng.below(second.len() - 2);
            two_words.push(format!("{first} {}", &second[..cut.min(second.len())]));
            prefixes.push(words[0][..words[0].len().min(2 + rng.below(3))].to_owned());
        }
    }
    report(
        "search, two diacritic-free words (top 50)",
        &time_queries(&catalog, &two_words, today),
    );
    report(
        "search, one prefix as typed (top 50)",
        &time_queries(&catalog, &prefixes, today),
    );

    let first_page = ProductQuery {
        sort: Sort::UpdatedNewest,
        limit: 50,
        ..ProductQuery::default()
    };
    let timings: Vec<Duration> = (0..2000)
        .map(|_| {
            let started = Instant::now();
            let page = catalog.find_products(&first_page, today).expect("list");
            assert_eq!(page.items.len(), 50);
            started.elapsed()
        })
        .collect();
    report("first page of 50 by updated_at", &timings);

    drop(catalog);
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let wal = std::fs::metadata(dir.path().join("bench.sqlite3-wal"))
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "database on disk: {:.1} MB ({} products; WAL {:.1} MB before checkpoint)",
        size as f64 / 1e6,
        products + 10_000,
        wal as f64 / 1e6
    );
}

fn time_queries(catalog: &Catalog, queries: &[String], today: time::Date) -> Vec<Duration> {
    if std::env::var_os("SHOW_SLOW").is_some() {
        let mut slow: Vec<(Duration, &String)> = queries
            .iter()
            .map(|q| {
                let query = ProductQuery {
                    limit: 50,
                    ..ProductQuery::text(q)
                };
                let t = Instant::now();
                let page = catalog.find_products(&query, today).unwrap();
                std::hint::black_box(page);
                (t.elapsed(), q)
            })
            .collect();
        slow.sort();
        for (d, q) in slow.iter().rev().take(12) {
            eprintln!("SLOW {:.2} ms {q}", d.as_secs_f64() * 1000.0);
        }
    }
    // One warm-up pass, then the timed pass.
    for pass in 0..2 {
        let mut timings = Vec::with_capacity(queries.len());
        for text in queries {
            let query = ProductQuery {
                limit: 50,
                ..ProductQuery::text(text)
            };
            let started = Instant::now();
            let page = catalog.find_products(&query, today).expect("search");
            timings.push(started.elapsed());
            std::hint::black_box(page);
        }
        if pass == 1 {
            return timings;
        }
    }
    Vec::new()
}

fn report(label: &str, timings: &[Duration]) {
    let mut sorted = timings.to_vec();
    sorted.sort();
    let pick =
        |p: f64| sorted[((sorted.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0;
    println!(
        "{label}: p50 {:.2} ms · p95 {:.2} ms · p99 {:.2} ms · max {:.2} ms ({} runs)",
        pick(0.50),
        pick(0.95),
        pick(0.99),
        pick(1.0),
        sorted.len()
    );
}
