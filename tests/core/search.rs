//! Search on the demo catalog: Vietnamese with or without marks, prefixes as the user
//! types, ranking, and filters.

use chophien::catalog::ocop::Sector;
use chophien::catalog::search::{CertificateFilter, Filters, ProductQuery, Sort};
use chophien::catalog::{CertificateStatus, ProductSummary};
use unicode_normalization::UnicodeNormalization;

use crate::support::{TODAY, TempCatalog};

fn names(temp: &TempCatalog, query: &ProductQuery) -> Vec<String> {
    temp.catalog
        .find_products(query, TODAY)
        .unwrap()
        .items
        .into_iter()
        .map(|p| p.name)
        .collect()
}

fn search(temp: &TempCatalog, text: &str) -> Vec<String> {
    names(temp, &ProductQuery::text(text))
}

#[test]
fn diacritic_free_typing_finds_vietnamese_names() {
    let temp = TempCatalog::with_demo();
    assert_eq!(
        search(&temp, "banh chung").first().map(String::as_str),
        Some("Bánh chưng Tranh Khúc")
    );
    let honey = search(&temp, "mat ong");
    assert!(honey.len() >= 2);
    assert!(
        honey[..2].iter().all(|name| name.starts_with("Mật ong")),
        "{honey:?}"
    );
    // "đặc sản" is in stories only: đ must fold to d.
    assert!(!search(&temp, "dac san").is_empty());
    assert_eq!(search(&temp, "dac san"), search(&temp, "đặc sản"));
    // Place names starting with Đ.
    assert!(
        search(&temp, "dak lak")
            .iter()
            .any(|n| n.contains("Đắk Lắk"))
    );
    assert!(!search(&temp, "dong thap").is_empty());
}

#[test]
fn words_match_as_prefixes_while_typing() {
    let temp = TempCatalog::with_demo();
    for typed in ["che tan", "che tan c", "chè tân cươ", "CHE TAN CUONG"] {
        let found = search(&temp, typed);
        assert!(
            found
                .first()
                .is_some_and(|n| n.starts_with("Chè Tân Cương")),
            "{typed}: {found:?}"
        );
    }
}

#[test]
fn unfinished_words_still_find_by_prefix_when_whole_words_find_nothing() {
    let temp = TempCatalog::with_demo();
    let found = search(&temp, "ban chun");
    assert_eq!(
        found.first().map(String::as_str),
        Some("Bánh chưng Tranh Khúc"),
        "{found:?}"
    );
    // A long prefix is expanded through the index's word list ("nguye" → "nguyen").
    let long_prefix = search(&temp, "nguye");
    assert!(!long_prefix.is_empty());
    assert_eq!(long_prefix, search(&temp, "nguyên"));
}

#[test]
fn nfc_nfd_and_case_search_alike() {
    let temp = TempCatalog::with_demo();
    let nfc = search(&temp, "Bưởi Phúc Trạch");
    let nfd = search(&temp, &"Bưởi Phúc Trạch".nfd().collect::<String>());
    let upper = search(&temp, "BƯỞI PHÚC TRẠCH");
    assert!(!nfc.is_empty());
    assert_eq!(nfc, nfd);
    assert_eq!(nfc, upper);
}

#[test]
fn name_matches_rank_before_story_and_cooperative_matches() {
    let temp = TempCatalog::with_demo();
    // "Tân Cương" is in product names, but also in a cooperative name and a tour story.
    let query = ProductQuery {
        limit: 100,
        ..ProductQuery::text("tan cuong")
    };
    let page = temp.catalog.find_products(&query, TODAY).unwrap();
    let in_name: Vec<bool> = page
        .items
        .iter()
        .map(|p| chophien::text::fold(&p.name).contains("tan cuong"))
        .collect();
    let first_other = in_name.iter().position(|m| !m).unwrap_or(in_name.len());
    assert!(
        first_other >= 2,
        "{:?}",
        page.items.iter().map(|p| &p.name).collect::<Vec<_>>()
    );
    assert!(
        in_name[first_other..].iter().all(|m| !m),
        "a name match came after a context match"
    );
    assert_eq!(page.total as usize, page.items.len());
}

#[test]
fn cooperative_and_origin_are_searched_too() {
    let temp = TempCatalog::with_demo();
    let by_cooperative = search(&temp, "hong thai");
    assert!(
        by_cooperative
            .iter()
            .any(|n| n.starts_with("Chè Tân Cương")),
        "{by_cooperative:?}"
    );
    let by_province = search(&temp, "hung yen");
    assert!(by_province.iter().any(|n| n == "Nhãn lồng Hưng Yên"));
}

#[test]
fn nothing_matches_nonsense_and_empty_text_lists_everything() {
    let temp = TempCatalog::with_demo();
    assert!(search(&temp, "xyzzy qwerty").is_empty());
    let everything = temp
        .catalog
        .find_products(&ProductQuery::text("  ,, "), TODAY)
        .unwrap();
    assert!(everything.total >= 40);
    assert!(
        search(&temp, "🍯 mat ong")
            .iter()
            .any(|n| n.starts_with("Mật ong")),
        "emoji are ignored"
    );
}

fn filtered(temp: &TempCatalog, text: &str, filters: Filters) -> Vec<ProductSummary> {
    let query = ProductQuery {
        text: text.to_owned(),
        filters,
        limit: 200,
        ..ProductQuery::default()
    };
    temp.catalog.find_products(&query, TODAY).unwrap().items
}

#[test]
fn filters_narrow_search_and_lists() {
    let temp = TempCatalog::with_demo();
    let four_stars = filtered(
        &temp,
        "",
        Filters {
            stars: Some(4),
            ..Filters::default()
        },
    );
    assert!(!four_stars.is_empty() && four_stars.iter().all(|p| p.stars == Some(4)));

    let drinks = filtered(
        &temp,
        "",
        Filters {
            sector: Some(Sector::Beverage),
            ..Filters::default()
        },
    );
    assert!(drinks.len() >= 3 && drinks.iter().all(|p| p.sector == Sector::Beverage));

    let province = filtered(
        &temp,
        "",
        Filters {
            province: Some("dong thap".to_owned()),
            ..Filters::default()
        },
    );
    assert!(
        !province.is_empty()
            && province
                .iter()
                .all(|p| p.province.as_deref() == Some("Đồng Tháp"))
    );

    let coop_id = province[0].cooperative_id;
    let coop = filtered(
        &temp,
        "",
        Filters {
            cooperative_id: Some(coop_id),
            ..Filters::default()
        },
    );
    assert!(coop.iter().all(|p| p.cooperative_id == coop_id));

    let expiring = filtered(
        &temp,
        "",
        Filters {
            certificate: Some(CertificateFilter::Expiring),
            ..Filters::default()
        },
    );
    assert_eq!(expiring.len(), 5);
    assert!(expiring.iter().all(|p| matches!(p.certificate, Some(CertificateStatus::Expiring { days_left }) if days_left <= 60)));
    let expired = filtered(
        &temp,
        "",
        Filters {
            certificate: Some(CertificateFilter::Expired),
            ..Filters::default()
        },
    );
    assert_eq!(expired.len(), 5);
    assert!(
        expired
            .iter()
            .all(|p| matches!(p.certificate, Some(CertificateStatus::Expired { .. })))
    );

    // Filters combine with words.
    let honey_expiring = filtered(
        &temp,
        "mat ong",
        Filters {
            certificate: Some(CertificateFilter::Expiring),
            ..Filters::default()
        },
    );
    assert_eq!(
        honey_expiring
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["Mật ong bạc hà Mèo Vạc"]
    );
}

#[test]
fn search_results_can_be_sorted_and_paged() {
    let temp = TempCatalog::with_demo();
    let query = ProductQuery {
        sort: Sort::PriceLowest,
        ..ProductQuery::text("tra")
    };
    let page = temp.catalog.find_products(&query, TODAY).unwrap();
    let prices: Vec<i64> = page.items.iter().filter_map(|p| p.price_min).collect();
    assert!(prices.windows(2).all(|w| w[0] <= w[1]), "{prices:?}");
    let first = temp
        .catalog
        .find_products(
            &ProductQuery {
                limit: 2,
                ..ProductQuery::text("tan cuong")
            },
            TODAY,
        )
        .unwrap();
    let second = temp
        .catalog
        .find_products(
            &ProductQuery {
                limit: 2,
                offset: 2,
                ..ProductQuery::text("tan cuong")
            },
            TODAY,
        )
        .unwrap();
    assert!(
        first
            .items
            .iter()
            .all(|a| second.items.iter().all(|b| a.id != b.id)),
        "pages do not overlap"
    );
    assert_eq!(first.total, second.total);
}

#[test]
fn stars_show_only_the_current_certificate() {
    let temp = TempCatalog::with_demo();
    let expired = filtered(&temp, "che tan cuong moc cau", Filters::default());
    assert!(matches!(
        expired[0].certificate,
        Some(CertificateStatus::Expired { .. })
    ));
    assert!(
        !expired[0].certificate.unwrap().allows_stars(),
        "an expired certificate's stars may not be shown"
    );
}
