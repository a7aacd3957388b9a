//! Listings and readiness checks: each rule with cases that must and must not trigger,
//! suggestions that fit every platform for every demo product, inheritance and copying,
//! stored readiness for the catalog's filters, and hostile text.

use chophien::catalog::listings::{ListingDraft, ProofDraft, ProofKind, ReadinessState};
use chophien::catalog::ocop::Unit;
use chophien::catalog::search::{Filters, ProductQuery, ReadinessFilter};
use chophien::catalog::{CatalogError, Id, NetQuantity, ProductDraft};
use chophien::i18n::{I18n, Lang};
use chophien::listings::view::ListingsView;
use chophien::listings::{self, FixField, Readiness};
use chophien::platform::Platform;
use chophien::rules::{RuleSet, Severity};
use time::Duration;

use crate::photos::{PhotoCatalog, fixture};
use crate::support::{TODAY, certificate, variant};

fn rules() -> std::sync::Arc<RuleSet> {
    RuleSet::built_in().unwrap()
}

fn vi() -> I18n {
    I18n::new(Lang::Vi)
}

/// A honey product that passes every platform's rules: facts filled in, a variant, a
/// valid 4-star certificate, five photos, package size.
fn ready_product() -> (PhotoCatalog, Id) {
    let photos = PhotoCatalog::new();
    let catalog = &photos.temp.catalog;
    let id = photos.product;
    let mut draft = catalog.product(id).unwrap().draft;
    draft.name = "Mật ong hoa nhãn Hưng Yên".to_owned();
    draft.story = Some(
        "Mật ong hoa nhãn được quay từ những thùng ong đặt dưới vườn nhãn lồng ven sông Hồng. \
         Mật đặc, màu vàng sánh, thơm mùi hoa nhãn, chỉ lấy vài tuần mỗi năm vào mùa hoa."
            .to_owned(),
    );
    draft.ingredients = Some("100% mật ong hoa nhãn".to_owned());
    draft.usage = Some("Pha với nước ấm".to_owned());
    draft.storage = Some("Nơi thoáng mát".to_owned());
    draft.shelf_life = Some("24 tháng".to_owned());
    draft.origin = Some("Sản xuất tại Việt Nam".to_owned());
    draft.net_quantity = Some(NetQuantity {
        amount: 500.0,
        unit: Unit::Millilitre,
    });
    draft.package.weight_g = Some(750);
    draft.package.length_mm = Some(100);
    draft.package.width_mm = Some(100);
    draft.package.height_mm = Some(150);
    catalog.update_product(id, &draft).unwrap();
    catalog
        .add_variant(id, &variant("MO-500", 185_000))
        .unwrap();
    catalog
        .add_certificate(id, &certificate(4, TODAY - Duration::days(100)))
        .unwrap();
    let files: Vec<_> = [
        "painting-4000x3000.jpg",
        "storm-1920x1280.jpg",
        "ladybird-2560x1600.jpg",
        "flower-with-gps.jpg",
        "orientation/wood-orientation-1.jpg",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect();
    assert_eq!(photos.import(&files).added.len(), 5);
    (photos, id)
}

fn check(photos: &PhotoCatalog, id: Id, platform: Platform) -> Readiness {
    let context = photos.temp.catalog.listing_context(id).unwrap();
    listings::check(&context, platform, &rules(), TODAY, &vi())
}

fn rules_hit(readiness: &Readiness) -> Vec<(&str, Severity)> {
    readiness
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.severity))
        .collect()
}

/// Sets the listing's description (title stays suggested) and checks it.
fn with_description(photos: &PhotoCatalog, id: Id, platform: Platform, text: &str) -> Readiness {
    let draft = ListingDraft {
        description: Some(text.to_owned()),
        ..ListingDraft::default()
    };
    photos
        .temp
        .catalog
        .save_listing(id, platform, &draft)
        .unwrap();
    check(photos, id, platform)
}

fn with_title(photos: &PhotoCatalog, id: Id, platform: Platform, text: &str) -> Readiness {
    let draft = ListingDraft {
        title: Some(text.to_owned()),
        ..ListingDraft::default()
    };
    photos
        .temp
        .catalog
        .save_listing(id, platform, &draft)
        .unwrap();
    check(photos, id, platform)
}

const LONG_STORY: &str = "Mật ong hoa nhãn được quay từ những thùng ong đặt dưới vườn nhãn lồng ven sông Hồng. \
     Mật đặc, màu vàng sánh, thơm mùi hoa nhãn, chỉ lấy vài tuần mỗi năm vào mùa hoa, đóng chai thủy tinh.";

#[test]
fn a_complete_product_is_ready_everywhere() {
    let (photos, id) = ready_product();
    for platform in Platform::ALL {
        let readiness = check(&photos, id, platform);
        assert_eq!(
            readiness.state,
            ReadinessState::Ready,
            "{platform:?}: {:#?}",
            readiness.findings
        );
        assert!(readiness.packs.iter().any(|p| p.name == "vn-advertising"));
    }
}

#[test]
fn health_claims_block_food_however_typed_and_false_friends_do_not() {
    let (photos, id) = ready_product();
    for claim in [
        "Mật ong chữa bệnh dạ dày rất tốt.",
        "MẬT ONG NÀY CHỮA BỆNH",
        "mat ong chua benh, dung hang ngay",
        "Đặc trị ho cho cả nhà.",
        "Người bị tiểu đường dùng được.",
        "Là thần dược của núi rừng.",
        "c h ữ a   b ệ n h hiệu quả",
        "ch\u{200B}ữa bệnh",
        "\u{0441}hữa bệnh",
    ] {
        let readiness = with_description(
            &photos,
            id,
            Platform::Shopee,
            &format!("{LONG_STORY} {claim}"),
        );
        let blocking: Vec<_> = readiness
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Block && (f.rule == "cure" || f.rule == "disease"))
            .collect();
        assert!(
            !blocking.is_empty(),
            "missed {claim:?}: {:#?}",
            readiness.findings
        );
        assert_eq!(blocking[0].field, FixField::Description);
    }
    for innocent in [
        "Vị chua nhẹ, ngọt hậu, bệnh gì cũng không liên quan.",
        "Hũ thủy tinh dày, da dày không vỡ.",
        "Thống nhất giá bán tại hợp tác xã.",
        "Bảo quản ít nhất 2 năm ở nơi khô ráo.",
    ] {
        let readiness = with_description(
            &photos,
            id,
            Platform::Shopee,
            &format!("{LONG_STORY} {innocent}"),
        );
        assert_eq!(
            readiness.state,
            ReadinessState::Ready,
            "false alarm {innocent:?}: {:#?}",
            readiness.findings
        );
    }
}

#[test]
fn a_handicraft_naming_a_disease_is_only_warned() {
    let (photos, id) = ready_product();
    let catalog = &photos.temp.catalog;
    let mut draft = catalog.product(id).unwrap().draft;
    draft.subgroup = "IV.1".to_owned();
    catalog.update_product(id, &draft).unwrap();
    let readiness = with_description(
        &photos,
        id,
        Platform::Shopee,
        &format!("{LONG_STORY} Gối thảo dược giúp ngủ ngon, tốt cho xương khớp."),
    );
    assert!(
        rules_hit(&readiness).contains(&("disease", Severity::Warn)),
        "{:#?}",
        readiness.findings
    );
}

#[test]
fn superlatives_need_an_unexpired_proof() {
    let (photos, id) = ready_product();
    let text = format!("{LONG_STORY} Mật ong ngon nhất Việt Nam.");
    let readiness = with_description(&photos, id, Platform::Lazada, &text);
    let superlative = readiness
        .findings
        .iter()
        .find(|f| f.rule == "superlative")
        .unwrap();
    assert_eq!(
        (superlative.severity, superlative.field),
        (Severity::Block, FixField::Proofs)
    );
    assert!(
        superlative.message.contains("ngon nhất"),
        "{}",
        superlative.message
    );
    let catalog = &photos.temp.catalog;
    // A proof that expired does not help; a current one does.
    let old = ProofDraft {
        kind: ProofKind::ContestAward,
        title: "Giải Vàng Hội chợ 2024".to_owned(),
        issuer: Some("Bộ Công Thương".to_owned()),
        issued_on: TODAY - Duration::days(500),
        valid_until: None,
    };
    catalog.add_proof(id, &old).unwrap();
    assert!(
        check(&photos, id, Platform::Lazada)
            .findings
            .iter()
            .any(|f| f.rule == "superlative")
    );
    let current = ProofDraft {
        issued_on: TODAY - Duration::days(30),
        ..old
    };
    let proof = catalog.add_proof(id, &current).unwrap();
    assert_eq!(
        proof.valid_until,
        TODAY - Duration::days(30) + Duration::days(365)
    );
    assert!(
        !check(&photos, id, Platform::Lazada)
            .findings
            .iter()
            .any(|f| f.rule == "superlative")
    );
    for plain in ["Mật ong ngon, thơm.", "số lượng 1 hộp", "ít nhất 2 năm"] {
        catalog.delete_proof(proof.id).unwrap();
        let readiness = with_description(
            &photos,
            id,
            Platform::Lazada,
            &format!("{LONG_STORY} {plain}"),
        );
        assert!(
            !readiness.findings.iter().any(|f| f.rule == "superlative"),
            "{plain}"
        );
        catalog.restore_proof(proof.id).unwrap();
    }
}

#[test]
fn supplements_need_the_mandatory_sentence_which_is_not_a_claim() {
    let (photos, id) = ready_product();
    let catalog = &photos.temp.catalog;
    let mut draft = catalog.product(id).unwrap().draft;
    draft.subgroup = "III.1".to_owned();
    catalog.update_product(id, &draft).unwrap();
    let readiness = with_description(&photos, id, Platform::Shopee, LONG_STORY);
    assert!(rules_hit(&readiness).contains(&("supplement-disclaimer", Severity::Block)));
    let with_sentence = format!(
        "{LONG_STORY} Thực phẩm này không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh."
    );
    let readiness = with_description(&photos, id, Platform::Shopee, &with_sentence);
    assert!(
        !readiness
            .findings
            .iter()
            .any(|f| f.rule == "supplement-disclaimer" || f.rule == "cure"),
        "{:#?}",
        readiness.findings
    );
    // The generated description carries the sentence by itself.
    catalog
        .save_listing(id, Platform::Tiki, &ListingDraft::default())
        .unwrap();
    assert!(
        !check(&photos, id, Platform::Tiki)
            .findings
            .iter()
            .any(|f| f.rule == "supplement-disclaimer")
    );
}

#[test]
fn strong_spirits_are_flagged_and_weak_ones_are_not() {
    let (photos, id) = ready_product();
    let catalog = &photos.temp.catalog;
    let mut draft = catalog.product(id).unwrap().draft;
    draft.subgroup = "II.1.a".to_owned();
    draft.name = "Rượu làng Vân 40 độ".to_owned();
    catalog.update_product(id, &draft).unwrap();
    let readiness = check(&photos, id, Platform::Shopee);
    assert!(
        readiness
            .findings
            .iter()
            .any(|f| f.rule == "spirits" && f.field == FixField::AlcoholPercent)
    );
    draft.name = "Rượu làng Vân".to_owned();
    catalog.update_product(id, &draft).unwrap();
    let unknown = check(&photos, id, Platform::Shopee);
    assert!(
        unknown
            .findings
            .iter()
            .any(|f| f.rule == "spirits" && f.message.contains("nồng độ cồn"))
    );
    let weak = ListingDraft {
        attributes: [("alcohol_percent".to_owned(), "13,5".to_owned())].into(),
        ..ListingDraft::default()
    };
    catalog.save_listing(id, Platform::Shopee, &weak).unwrap();
    assert!(
        !check(&photos, id, Platform::Shopee)
            .findings
            .iter()
            .any(|f| f.rule == "spirits")
    );
}

#[test]
fn ocop_stars_in_text_must_match_a_valid_certificate() {
    let (photos, id) = ready_product();
    let ok = with_title(
        &photos,
        id,
        Platform::Shopee,
        "Mật ong hoa nhãn OCOP 4 sao 500 ml",
    );
    assert!(!ok.findings.iter().any(|f| f.rule == "star-claim"));
    let wrong = with_title(
        &photos,
        id,
        Platform::Shopee,
        "Mật ong hoa nhãn OCOP 5 sao 500 ml",
    );
    assert!(rules_hit(&wrong).contains(&("star-claim", Severity::Block)));
    let reversed = with_title(
        &photos,
        id,
        Platform::Shopee,
        "Mật ong hoa nhãn 5 sao ocop 500 ml",
    );
    assert!(rules_hit(&reversed).contains(&("star-claim", Severity::Block)));
    // Expired: the stars may not be shown, and the generated title stops showing them.
    let catalog = &photos.temp.catalog;
    let certificate_id = catalog.product_detail(id).unwrap().certificates[0].id;
    catalog.delete_certificate(certificate_id).unwrap();
    catalog
        .add_certificate(id, &certificate(4, TODAY - Duration::days(1200)))
        .unwrap();
    let expired = with_title(
        &photos,
        id,
        Platform::Shopee,
        "Mật ong hoa nhãn OCOP 4 sao 500 ml",
    );
    assert!(rules_hit(&expired).contains(&("star-claim", Severity::Block)));
    assert!(rules_hit(&expired).contains(&("certificate-expired", Severity::Warn)));
    catalog
        .save_listing(id, Platform::Shopee, &ListingDraft::default())
        .unwrap();
    let context = catalog.listing_context(id).unwrap();
    let effective = listings::Effective::of(&context, Platform::Shopee, &rules(), TODAY, &vi());
    assert!(!effective.title.contains("OCOP"), "{}", effective.title);
}

#[test]
fn an_expiring_certificate_is_a_warning() {
    let (photos, id) = ready_product();
    let catalog = &photos.temp.catalog;
    let certificate_id = catalog.product_detail(id).unwrap().certificates[0].id;
    catalog.delete_certificate(certificate_id).unwrap();
    let expiring = chophien::catalog::CertificateDraft {
        valid_until: Some(TODAY + Duration::days(20)),
        ..certificate(4, TODAY - Duration::days(1000))
    };
    catalog.add_certificate(id, &expiring).unwrap();
    let readiness = check(&photos, id, Platform::TiktokShop);
    assert_eq!(readiness.state, ReadinessState::Warnings);
    assert!(
        readiness
            .findings
            .iter()
            .any(|f| f.rule == "certificate-expiring" && f.message.contains("20"))
    );
}

#[test]
fn platform_patterns_block_promotions_links_and_other_platforms() {
    let (photos, id) = ready_product();
    for (platform, title, rule) in [
        (
            Platform::TiktokShop,
            "Mật ong hoa nhãn Hưng Yên giảm 50% hôm nay",
            "tiktok-promotion",
        ),
        (
            Platform::TiktokShop,
            "Mật ong hoa nhãn Hưng Yên freeship toàn quốc",
            "tiktok-promotion",
        ),
        (
            Platform::TiktokShop,
            "Mật ong hoa nhãn Hưng Yên có bán trên Shopee",
            "tiktok-platform-name",
        ),
        (
            Platform::TiktokShop,
            "Mật ong hoa nhãn Hưng Yên ★ hũ 500 ml ngon",
            "tiktok-symbols",
        ),
        (
            Platform::Shopee,
            "Mật ong hoa nhãn Hưng Yên 🍯 500 ml",
            "shopee-emoji",
        ),
        (
            Platform::Shopee,
            "Mật ong hoa nhãn #matong 500 ml",
            "shopee-hashtag",
        ),
        (
            Platform::Shopee,
            "Mật ong hoa nhãn gọi 0912 345 678",
            "shopee-contact",
        ),
        (
            Platform::Lazada,
            "Mật ong hoa nhãn xem thêm www.matong.vn",
            "lazada-contact",
        ),
    ] {
        let readiness = with_title(&photos, id, platform, title);
        assert!(
            readiness.findings.iter().any(|f| f.rule == rule),
            "{title}: {:#?}",
            readiness.findings
        );
    }
    let clean = with_title(
        &photos,
        id,
        Platform::TiktokShop,
        "Mật ong hoa nhãn Hưng Yên nguyên chất hũ 500 ml",
    );
    assert_eq!(clean.state, ReadinessState::Ready, "{:#?}", clean.findings);
}

#[test]
fn lengths_words_and_repetition_are_checked_per_platform() {
    let (photos, id) = ready_product();
    let short = with_title(&photos, id, Platform::TiktokShop, "Mật ong");
    assert!(rules_hit(&short).contains(&("title-short", Severity::Block)));
    let long = with_title(
        &photos,
        id,
        Platform::Shopee,
        &"Mật ong hoa nhãn ".repeat(10),
    );
    assert!(rules_hit(&long).contains(&("title-long", Severity::Block)));
    let stuffed = with_title(
        &photos,
        id,
        Platform::Shopee,
        "Mật ong mật ong mật ong hoa nhãn Hưng Yên",
    );
    assert!(rules_hit(&stuffed).contains(&("title-repeated", Severity::Warn)));
    let few_words = with_description(
        &photos,
        id,
        Platform::TiktokShop,
        "Mật ong hoa nhãn thơm ngon, đặc sánh, nguyên chất.",
    );
    assert!(rules_hit(&few_words).contains(&("description-few-words", Severity::Block)));
    assert!(
        !rules_hit(&with_description(
            &photos,
            id,
            Platform::TiktokShop,
            LONG_STORY
        ))
        .iter()
        .any(|(r, _)| *r == "description-few-words")
    );
}

#[test]
fn facts_prices_package_and_photos_per_platform() {
    let (photos, id) = ready_product();
    let catalog = &photos.temp.catalog;
    let mut draft = catalog.product(id).unwrap().draft;
    draft.net_quantity = None;
    draft.package.height_mm = None;
    catalog.update_product(id, &draft).unwrap();
    let shopee = check(&photos, id, Platform::Shopee);
    assert!(
        shopee
            .findings
            .iter()
            .any(|f| f.rule == "category-requires" && f.field == FixField::NetQuantity)
    );
    assert!(
        !shopee
            .findings
            .iter()
            .any(|f| f.rule == "dimensions-missing"),
        "Shopee does not require the size"
    );
    assert!(
        rules_hit(&check(&photos, id, Platform::Lazada))
            .contains(&("dimensions-missing", Severity::Block))
    );
    // A price above TikTok Shop's ceiling, set for that platform only.
    let variant_id = catalog.product_detail(id).unwrap().variants[0].id;
    let pricey = ListingDraft {
        prices: [(variant_id, 190_000_000)].into(),
        ..ListingDraft::default()
    };
    catalog
        .save_listing(id, Platform::TiktokShop, &pricey)
        .unwrap();
    assert!(
        rules_hit(&check(&photos, id, Platform::TiktokShop))
            .contains(&("price-high", Severity::Block))
    );
    assert!(
        !rules_hit(&check(&photos, id, Platform::Shopee))
            .iter()
            .any(|(r, _)| *r == "price-high")
    );
    // Lazada needs two photos; one is enough for Shopee.
    for photo in catalog.product_photos(id).unwrap().iter().skip(1) {
        catalog.delete_photo(photo.id).unwrap();
    }
    assert!(
        rules_hit(&check(&photos, id, Platform::Lazada))
            .contains(&("photo-count-low", Severity::Block))
    );
    assert!(
        rules_hit(&check(&photos, id, Platform::Shopee))
            .contains(&("photo-count-below-recommended", Severity::Warn))
    );
}

#[test]
fn a_listing_sends_only_the_photos_chosen_for_it() {
    let (photos, id) = ready_product();
    let catalog = &photos.temp.catalog;
    let all = catalog.product_photos(id).unwrap();
    assert!(all.len() >= 2);
    assert!(
        !rules_hit(&check(&photos, id, Platform::Lazada))
            .iter()
            .any(|(r, _)| *r == "photo-count-low")
    );
    // One photo chosen, once twice over, plus an id that is not the product's.
    let chosen = ListingDraft {
        photos: Some(vec![all[1].id, all[1].id, Id::new()]),
        ..ListingDraft::default()
    };
    let saved = catalog.save_listing(id, Platform::Lazada, &chosen).unwrap();
    assert_eq!(saved.draft.photos, Some(vec![all[1].id]));
    let context = catalog.listing_context(id).unwrap();
    assert_eq!(context.listing_photos(Platform::Lazada)[0].id, all[1].id);
    assert_eq!(context.listing_photos(Platform::Shopee).len(), all.len());
    assert!(
        rules_hit(&check(&photos, id, Platform::Lazada))
            .contains(&("photo-count-low", Severity::Block))
    );
    // A deleted photo drops out of the choice.
    catalog.delete_photo(all[1].id).unwrap();
    let context = catalog.listing_context(id).unwrap();
    assert!(context.listing_photos(Platform::Lazada).is_empty());
}

#[test]
fn the_listings_tab_view_shows_each_platform_as_it_will_look() {
    let (photos, id) = ready_product();
    let catalog = &photos.temp.catalog;
    let all = catalog.product_photos(id).unwrap();
    let shopee_price = ListingDraft {
        prices: [(catalog.product_detail(id).unwrap().variants[0].id, 179_000)].into(),
        photos: Some(vec![all[2].id, all[0].id]),
        ..ListingDraft::default()
    };
    catalog
        .save_listing(id, Platform::Shopee, &shopee_price)
        .unwrap();
    let context = catalog.listing_context(id).unwrap();
    let view = ListingsView::new(&context, &rules(), TODAY, &vi());
    assert_eq!(view.cards.len(), 4);
    let tiktok = &view.cards[0];
    assert_eq!(tiktok.platform, Platform::TiktokShop);
    assert_eq!(tiktok.readiness.state, ReadinessState::Ready);
    assert!(tiktok.effective.title_inherited && tiktok.form.title.is_none());
    assert_eq!(tiktok.preview.title, tiktok.effective.title);
    assert_eq!(tiktok.preview.price_text.as_deref(), Some("185.000\u{a0}₫"));
    assert_eq!(tiktok.preview.stars, Some(4));
    assert_eq!(
        tiktok.preview.cover.as_ref().unwrap().sha256,
        all[0].file.sha256
    );
    assert!(tiktok.photos.iter().all(|p| p.sent));
    assert_eq!(tiktok.limits.description_min_words, 30);
    assert!(tiktok.rules_text.contains("TikTok Shop") && tiktok.rules_text.contains("/"));
    assert!(tiktok.attributes.is_empty(), "honey is not a spirit");
    let shopee = &view.cards[1];
    assert_eq!(shopee.preview.price_text.as_deref(), Some("179.000\u{a0}₫"));
    assert_eq!(shopee.form.prices.values().next().unwrap(), "179.000");
    assert_eq!(
        shopee.preview.cover.as_ref().unwrap().sha256,
        all[2].file.sha256
    );
    let sent: Vec<_> = shopee.photos.iter().map(|p| (p.id, p.sent)).collect();
    assert_eq!(
        &sent[..3],
        &[(all[2].id, true), (all[0].id, true), (all[1].id, false)]
    );
    assert!(view.labels.is_empty());
}

#[test]
fn an_emptied_title_stays_empty_until_the_suggestion_is_taken_back() {
    let (photos, id) = ready_product();
    let catalog = &photos.temp.catalog;
    let emptied = ListingDraft {
        title: Some(" \u{200B} ".to_owned()),
        ..ListingDraft::default()
    };
    let saved = catalog.save_listing(id, Platform::Tiki, &emptied).unwrap();
    assert_eq!(saved.draft.title.as_deref(), Some(""));
    assert!(
        rules_hit(&check(&photos, id, Platform::Tiki)).contains(&("title-empty", Severity::Block))
    );
    catalog
        .save_listing(id, Platform::Tiki, &ListingDraft::default())
        .unwrap();
    assert_eq!(
        check(&photos, id, Platform::Tiki).state,
        ReadinessState::Ready
    );
}

#[test]
fn label_gaps_are_warnings_on_the_product() {
    let (photos, id) = ready_product();
    let catalog = &photos.temp.catalog;
    let context = catalog.listing_context(id).unwrap();
    assert!(listings::label_findings(&context, &rules(), &vi()).is_empty());
    let mut draft = catalog.product(id).unwrap().draft;
    draft.storage = None;
    draft.ingredients = None;
    catalog.update_product(id, &draft).unwrap();
    let context = catalog.listing_context(id).unwrap();
    let gaps: Vec<FixField> = listings::label_findings(&context, &rules(), &vi())
        .iter()
        .map(|f| f.field)
        .collect();
    assert_eq!(gaps, [FixField::Ingredients, FixField::Storage]);
}

#[test]
fn suggestions_for_every_demo_product_fit_every_platform() {
    let temp = crate::support::TempCatalog::with_demo();
    let rules = rules();
    for lang in [Lang::Vi, Lang::En] {
        let i18n = I18n::new(lang);
        let page = temp
            .catalog
            .find_products(
                &ProductQuery {
                    limit: 1000,
                    ..ProductQuery::default()
                },
                TODAY,
            )
            .unwrap();
        for product in &page.items {
            let context = temp.catalog.listing_context(product.id).unwrap();
            for platform in Platform::ALL {
                let effective = listings::Effective::of(&context, platform, &rules, TODAY, &i18n);
                let pack = rules.platform(platform);
                let title = effective.title.chars().count();
                assert!(
                    (pack.title.min_chars..=pack.title.max_chars).contains(&title),
                    "{platform:?} {:?}: {title}",
                    effective.title
                );
                assert!(effective.description.chars().count() <= pack.description.max_chars);
                assert!(
                    effective.category.is_some(),
                    "{platform:?} {}",
                    product.name
                );
                let readiness = listings::check(&context, platform, &rules, TODAY, &i18n);
                let text_problems: Vec<_> = readiness
                    .findings
                    .iter()
                    .filter(|f| {
                        matches!(f.field, FixField::Title)
                            || (f.field == FixField::Description
                                && f.severity == Severity::Block
                                && f.rule != "description-short"
                                && f.rule != "description-few-words")
                    })
                    .collect();
                assert!(
                    text_problems.is_empty(),
                    "{platform:?} {}: {text_problems:#?}",
                    product.name
                );
            }
        }
    }
}

#[test]
fn listings_inherit_until_edited_and_copy_fits_the_target() {
    let (photos, id) = ready_product();
    let catalog = &photos.temp.catalog;
    let rules = rules();
    let context = catalog.listing_context(id).unwrap();
    let suggested = listings::Effective::of(&context, Platform::Lazada, &rules, TODAY, &vi());
    assert!(
        suggested.title_inherited
            && suggested.description_inherited
            && suggested.category_inherited
    );
    let long_title = format!(
        "{} {}",
        "Mật ong hoa nhãn nguyên chất Hưng Yên thơm ngon đặc sánh".repeat(4),
        "hũ"
    );
    let written = ListingDraft {
        title: Some(long_title.clone()),
        category: Some("honey".to_owned()),
        ..ListingDraft::default()
    };
    catalog
        .save_listing(id, Platform::Lazada, &written)
        .unwrap();
    let context = catalog.listing_context(id).unwrap();
    let lazada = listings::Effective::of(&context, Platform::Lazada, &rules, TODAY, &vi());
    assert!(!lazada.title_inherited && lazada.description_inherited);
    let fitted = listings::copy::fitted(
        &context.listing(Platform::Lazada).draft,
        rules.platform(Platform::Shopee),
    );
    let title = fitted.title.unwrap();
    assert!(
        title.chars().count() <= 120 && long_title.starts_with(&title) && !title.ends_with(' ')
    );
    assert_eq!(fitted.category.as_deref(), Some("honey"));
    assert_eq!(fitted.description, None, "inherited stays inherited");
}

#[test]
fn hostile_listing_text_gets_a_clear_error_or_a_finding() {
    let (photos, id) = ready_product();
    let catalog = &photos.temp.catalog;
    let huge = ListingDraft {
        title: Some("Mật ong ".repeat(1_250)),
        ..ListingDraft::default()
    };
    match catalog.save_listing(id, Platform::Shopee, &huge) {
        Err(CatalogError::Invalid(errors)) => {
            assert_eq!(errors[0].field, chophien::catalog::Field::Title)
        }
        other => panic!("a 10,000-character title was accepted: {other:?}"),
    }
    // NFD and zero-width text is stored as NFC without the invisible characters.
    let nfd = ListingDraft {
        title: Some("Mật ong\u{200B} hoa nhãn".nfd_string()),
        ..ListingDraft::default()
    };
    let saved = catalog.save_listing(id, Platform::Shopee, &nfd).unwrap();
    assert_eq!(saved.draft.title.as_deref(), Some("Mật ong hoa nhãn"));
}

trait Nfd {
    fn nfd_string(&self) -> String;
}

impl Nfd for str {
    fn nfd_string(&self) -> String {
        use unicode_normalization::UnicodeNormalization;
        self.nfd().collect()
    }
}

#[test]
fn stored_readiness_feeds_the_catalog_filters_and_follows_edits() {
    let (photos, id) = ready_product();
    let catalog = &photos.temp.catalog;
    let coop = catalog.product(id).unwrap().draft.cooperative_id;
    let bare = catalog
        .create_product(&ProductDraft::new(coop, "Chè búp khô", "I.5.a"))
        .unwrap()
        .id;
    let rules = rules();
    let filtered = |blocked: bool| {
        listings::refresh_readiness(catalog, &rules, Platform::Shopee, TODAY, &vi()).unwrap();
        let query = ProductQuery {
            filters: Filters {
                readiness: Some(ReadinessFilter {
                    platform: Platform::Shopee,
                    blocked,
                }),
                ..Filters::default()
            },
            ..ProductQuery::default()
        };
        catalog
            .find_products(&query, TODAY)
            .unwrap()
            .items
            .iter()
            .map(|p| p.id)
            .collect::<Vec<Id>>()
    };
    assert_eq!(filtered(false), [id]);
    assert_eq!(filtered(true), [bare]);
    // An edit makes the product's readiness stale; the next refresh sees the change.
    let claim = ListingDraft {
        description: Some(format!("{LONG_STORY} Chữa bệnh dạ dày.")),
        ..ListingDraft::default()
    };
    catalog.save_listing(id, Platform::Shopee, &claim).unwrap();
    assert_eq!(filtered(true).len(), 2);
    assert!(filtered(false).is_empty());
    // Nothing changed: nothing is checked again the same day.
    assert_eq!(
        listings::refresh_readiness(catalog, &rules, Platform::Shopee, TODAY, &vi()).unwrap(),
        0
    );
    assert_eq!(
        listings::refresh_readiness(
            catalog,
            &rules,
            Platform::Shopee,
            TODAY + Duration::days(1),
            &vi()
        )
        .unwrap(),
        2
    );
}

#[test]
fn a_newer_rule_pack_replaces_the_built_in_one_and_a_broken_one_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let built_in = include_str!("../../assets/rules/shopee.toml");
    let newer = built_in
        .replace("version = \"2026.11.23\"", "version = \"2027.01.05\"")
        .replace("max_chars = 120", "max_chars = 100");
    std::fs::write(dir.path().join("shopee.toml"), &newer).unwrap();
    let broken = include_str!("../../assets/rules/lazada.toml")
        .replace("version = \"2026.11.23\"", "version = \"2027.01.05\"")
        .replacen("regex = '", "regex = '(", 1);
    std::fs::write(dir.path().join("lazada.toml"), &broken).unwrap();
    let (set, problems) = RuleSet::with_updates(dir.path()).unwrap();
    assert_eq!(set.platform(Platform::Shopee).title.max_chars, 100);
    assert_eq!(set.platform(Platform::Shopee).info.version, "2027.01.05");
    assert_eq!(
        set.platform(Platform::Lazada).info.version,
        "2026.11.23",
        "the broken update is not used"
    );
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].file, "lazada.toml");
    assert!(problems[0].line.is_some());
    let message = chophien::i18n::Localize::localize(&problems[0], &vi());
    assert!(
        message.contains("lazada.toml") && message.contains("dòng"),
        "{message}"
    );
}
