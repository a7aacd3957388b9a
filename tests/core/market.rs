//! The adapters against the practice marketplace on 127.0.0.1: each platform's flow
//! (photo, creation, review, price and stock), each typed error from the platform's
//! own signal, and a PC clock ten minutes fast.

use std::time::Duration;

use chophien::market::clock::Clock;
use chophien::market::{
    Credential, Endpoints, MarketError, Marketplace, Package, ProductDraft, RemoteField,
    RemoteImage, ReviewState, SkuDraft, SkuUpdate,
};
use chophien::platform::Platform;
use chophien::shops::Adapter;
use serde_json::json;

use crate::practice::{PLATFORMS, Practice, http, http_with, market_name, photo_bytes};

fn draft(sku: &str, title: &str, category_id: &str, images: Vec<RemoteImage>) -> ProductDraft {
    ProductDraft {
        title: title.to_owned(),
        description: "Mật ong nguyên chất từ rừng tràm U Minh, thu hoạch thủ công, đóng chai thủy tinh 500 ml. \
                      Dùng pha nước ấm mỗi sáng hoặc ăn kèm bánh mì."
            .to_owned(),
        category_id: category_id.to_owned(),
        images,
        skus: vec![SkuDraft {
            seller_sku: sku.to_owned(),
            option: None,
            price_vnd: 185_000,
            stock: 40,
        }],
        package: Package {
            weight_grams: 700,
            length_cm: Some(10),
            width_cm: Some(10),
            height_cm: Some(20),
        },
        attributes: Vec::new(),
        idempotency_key: format!("key-{sku}"),
    }
}

/// A leaf category of the shop's tree, with the attributes it requires filled in.
async fn leaf(adapter: &Adapter) -> (String, Vec<(String, String)>) {
    let categories = adapter.categories().await.unwrap();
    let leaf = categories.iter().find(|c| c.leaf).expect("a leaf category");
    let attributes = adapter
        .attributes(&leaf.id)
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.required)
        .map(|a| (a.id, "Việt Nam".to_owned()))
        .collect();
    (leaf.id.clone(), attributes)
}

async fn product_draft(adapter: &Adapter, sku: &str, title: &str) -> ProductDraft {
    let image = adapter
        .upload_image(photo_bytes(), "cover.jpg")
        .await
        .unwrap();
    let (category, attributes) = leaf(adapter).await;
    let mut draft = draft(sku, title, &category, vec![image]);
    draft.attributes = attributes;
    draft
}

#[tokio::test]
async fn each_platform_uploads_creates_reviews_and_updates() {
    let practice = Practice::start(|_| {}).await;
    for platform in PLATFORMS {
        let adapter = practice.adapter(platform, http()).await;
        let draft = product_draft(
            &adapter,
            "MO-500",
            "Mật ong rừng tràm U Minh 500 ml nguyên chất",
        )
        .await;
        let created = adapter.create_product(&draft).await.unwrap();
        let product = adapter.product(&created.product_id).await.unwrap();
        assert_eq!(product.state, ReviewState::Live, "{platform:?}");
        assert_eq!(product.skus[0].seller_sku, "MO-500");
        assert_eq!(product.skus[0].price_vnd, Some(185_000));

        adapter
            .update_price_stock(
                &created.product_id,
                &[SkuUpdate {
                    seller_sku: "MO-500".into(),
                    price_vnd: 175_000,
                    stock: 12,
                }],
            )
            .await
            .unwrap();
        let product = adapter.product(&created.product_id).await.unwrap();
        assert_eq!(product.skus[0].price_vnd, Some(175_000), "{platform:?}");
        assert_eq!(product.skus[0].stock, Some(12), "{platform:?}");
        assert_eq!(
            adapter.find_by_sku("MO-500").await.unwrap().as_deref(),
            Some(created.product_id.as_str())
        );
        assert_eq!(adapter.find_by_sku("NOT-THERE").await.unwrap(), None);
    }
}

fn three_sizes(mut draft: ProductDraft) -> ProductDraft {
    draft.skus = [
        ("MO-250", "Chai 250 ml", 98_000),
        ("MO-500", "Chai 500 ml", 185_000),
        ("MO-1L", "Can 1 lít", 350_000),
    ]
    .into_iter()
    .map(|(sku, option, price)| SkuDraft {
        seller_sku: sku.into(),
        option: Some(option.into()),
        price_vnd: price,
        stock: 10,
    })
    .collect();
    draft
}

#[tokio::test]
async fn a_product_with_three_sizes_is_one_product_with_three_options_on_each_platform() {
    let practice = Practice::start(|_| {}).await;
    for platform in PLATFORMS {
        let adapter = practice.adapter(platform, http()).await;
        let draft = three_sizes(
            product_draft(
                &adapter,
                "MO-250",
                "Mật ong rừng tràm U Minh nguyên chất ba cỡ",
            )
            .await,
        );
        let created = adapter.create_product(&draft).await.unwrap();
        let product = adapter.product(&created.product_id).await.unwrap();
        let prices: Vec<_> = product
            .skus
            .iter()
            .map(|s| (s.seller_sku.as_str(), s.price_vnd))
            .collect();
        assert_eq!(
            prices,
            [
                ("MO-250", Some(98_000)),
                ("MO-500", Some(185_000)),
                ("MO-1L", Some(350_000))
            ],
            "{platform:?}"
        );
        adapter
            .update_price_stock(
                &created.product_id,
                &[SkuUpdate {
                    seller_sku: "MO-500".into(),
                    price_vnd: 179_000,
                    stock: 3,
                }],
            )
            .await
            .unwrap();
        let product = adapter.product(&created.product_id).await.unwrap();
        let changed = product
            .skus
            .iter()
            .find(|s| s.seller_sku == "MO-500")
            .unwrap();
        assert_eq!(
            (changed.price_vnd, changed.stock),
            (Some(179_000), Some(3)),
            "{platform:?}"
        );
        let other = product
            .skus
            .iter()
            .find(|s| s.seller_sku == "MO-1L")
            .unwrap();
        assert_eq!(other.price_vnd, Some(350_000), "{platform:?}");
        for sku in ["MO-250", "MO-1L"] {
            assert_eq!(
                adapter.find_by_sku(sku).await.unwrap().as_deref(),
                Some(created.product_id.as_str()),
                "{platform:?} {sku}"
            );
        }

        // A content edit keeps every option and its price.
        let mut edited = draft.clone();
        edited.title = "Mật ong rừng tràm U Minh nguyên chất, ba cỡ chai".into();
        adapter
            .update_product(&created.product_id, &edited)
            .await
            .unwrap();
        let product = adapter.product(&created.product_id).await.unwrap();
        assert_eq!(product.skus.len(), 3, "{platform:?}");
        assert_eq!(product.title.as_deref(), Some(edited.title.as_str()));
    }
}

#[tokio::test]
async fn several_skus_without_their_own_options_are_refused_as_variations() {
    let practice = Practice::start(|_| {}).await;
    for platform in [Platform::TiktokShop, Platform::Lazada] {
        let adapter = practice.adapter(platform, http()).await;
        let mut draft = three_sizes(
            product_draft(
                &adapter,
                "MO-250",
                "Mật ong rừng tràm U Minh nguyên chất ba cỡ",
            )
            .await,
        );
        draft.skus[1].option = draft.skus[0].option.clone();
        match adapter.create_product(&draft).await {
            Err(MarketError::Invalid { field, .. }) => {
                assert_eq!(field, Some(RemoteField::Variants), "{platform:?}")
            }
            other => panic!("{platform:?}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn shopee_variations_left_undone_by_a_lost_answer_are_added_once() {
    let practice = Practice::start(|_| {}).await;
    let adapter = practice.adapter(Platform::Shopee, http()).await;
    let single = product_draft(
        &adapter,
        "MO-250",
        "Mật ong rừng tràm U Minh nguyên chất ba cỡ",
    )
    .await;
    // What a run killed between `add_item` and `init_tier_variation` leaves behind.
    let created = adapter.create_product(&single).await.unwrap();
    let draft = three_sizes(single);
    let found = adapter.find_by_sku("MO-250").await.unwrap().unwrap();
    assert_eq!(found, created.product_id);
    adapter.finish_creation(&found, &draft).await.unwrap();
    adapter.finish_creation(&found, &draft).await.unwrap();
    let product = adapter.product(&found).await.unwrap();
    let skus: Vec<_> = product.skus.iter().map(|s| s.seller_sku.as_str()).collect();
    assert_eq!(skus, ["MO-250", "MO-500", "MO-1L"]);
    let products = practice.control("products?platform=shopee", None).await;
    assert_eq!(
        products["products"].as_array().unwrap().len(),
        1,
        "one item on the market"
    );
}

#[tokio::test]
async fn a_review_takes_time_and_a_forbidden_word_is_rejected_with_its_reason() {
    let practice = Practice::start(|config| config.review_delay = Duration::from_millis(300)).await;
    for platform in PLATFORMS {
        let adapter = practice.adapter(platform, http()).await;
        let fine = product_draft(&adapter, "TRA-1", "Trà shan tuyết cổ thụ Hà Giang 100 g").await;
        let created = adapter.create_product(&fine).await.unwrap();
        assert_eq!(
            adapter.product(&created.product_id).await.unwrap().state,
            ReviewState::UnderReview
        );
        let mut bad = product_draft(&adapter, "TRA-2", "Trà shan tuyết hàng xách tay 100 g").await;
        bad.idempotency_key = "key-TRA-2".into();
        let rejected = adapter.create_product(&bad).await.unwrap();
        tokio::time::sleep(Duration::from_millis(400)).await;
        assert_eq!(
            adapter.product(&created.product_id).await.unwrap().state,
            ReviewState::Live
        );
        match adapter.product(&rejected.product_id).await.unwrap().state {
            ReviewState::Rejected { reasons } => {
                assert!(!reasons.is_empty(), "{platform:?}");
                assert!(reasons[0].reason.contains("xách tay"), "{:?}", reasons);
            }
            other => panic!("{platform:?}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_second_product_with_the_same_sku_is_a_duplicate_and_tiktok_keys_repeat_safely() {
    let practice = Practice::start(|_| {}).await;
    for platform in PLATFORMS {
        let adapter = practice.adapter(platform, http()).await;
        let first =
            product_draft(&adapter, "GAO-5KG", "Gạo ST25 Sóc Trăng túi 5 kg thơm dẻo").await;
        let created = adapter.create_product(&first).await.unwrap();
        if platform == Platform::TiktokShop {
            // The same key again: the same product, not a second one.
            let again = adapter.create_product(&first).await.unwrap();
            assert_eq!(again.product_id, created.product_id);
        }
        let mut second = first.clone();
        second.idempotency_key = "another-key".into();
        match adapter.create_product(&second).await {
            Err(MarketError::DuplicateSku { .. }) => {}
            other => panic!("{platform:?}: {other:?}"),
        }
    }
    let products = practice.control("products?platform=tiktok", None).await;
    assert_eq!(products["products"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_wrong_secret_is_named_by_the_platform() {
    let practice = Practice::start(|_| {}).await;
    for platform in PLATFORMS {
        let (identity, _) = practice.credentials(platform).await;
        let endpoints = Endpoints::practice(platform, &practice.base()).unwrap();
        let adapter = Adapter::new(
            platform,
            &identity,
            endpoints,
            "not-the-secret".into(),
            None,
            http(),
        )
        .unwrap();
        let error = match adapter.exchange_code(&practice.code(platform).await).await {
            // TikTok's and Lazada's token calls check the secret; Shopee's signature does.
            Err(error) => error,
            Ok(_) => adapter.test_connection().await.unwrap_err(),
        };
        let expected = match platform {
            Platform::Shopee => Credential::PartnerKey,
            _ => Credential::AppSecret,
        };
        assert_eq!(
            error,
            MarketError::WrongCredential {
                credential: expected
            },
            "{platform:?}"
        );
    }
}

#[tokio::test]
async fn a_pc_clock_ten_minutes_fast_is_corrected_from_the_platform() {
    let practice = Practice::start(|_| {}).await;
    for platform in PLATFORMS {
        let http = http_with(Clock::with_error_ms(10 * 60 * 1000));
        let adapter = practice.adapter(platform, http.clone()).await;
        // The first signed call learnt the offset (and was retried if it was refused).
        let offset = http.clock().offset_ms();
        assert!(
            (-601_500..=-598_500).contains(&offset),
            "{platform:?}: offset {offset}"
        );
        adapter.categories().await.unwrap();
    }
}

#[tokio::test]
async fn an_expired_token_is_reported_then_refreshed_and_shopee_refresh_tokens_are_single_use() {
    let practice = Practice::start(|_| {}).await;
    for platform in PLATFORMS {
        let adapter = practice.adapter(platform, http()).await;
        let shop = practice.shop(platform).await;
        practice
            .control(
                "expire",
                Some(json!({"platform": market_name(platform), "shop_id": shop["shop_id"], "token": "access"})),
            )
            .await;
        assert_eq!(
            adapter.categories().await.unwrap_err(),
            MarketError::AuthExpired,
            "{platform:?}"
        );
        let old = adapter.current_tokens().unwrap();
        let fresh = adapter.refresh_tokens().await.unwrap();
        adapter.use_tokens(fresh.clone());
        adapter.categories().await.unwrap();
        if platform == Platform::Shopee {
            assert_ne!(fresh.refresh_token, old.refresh_token);
            adapter.use_tokens(old);
            assert_eq!(
                adapter.refresh_tokens().await.unwrap_err(),
                MarketError::Reauthorize
            );
        }
        practice
            .control(
                "expire",
                Some(json!({"platform": market_name(platform), "shop_id": shop["shop_id"], "token": "refresh"})),
            )
            .await;
        adapter.use_tokens(fresh);
        assert_eq!(
            adapter.refresh_tokens().await.unwrap_err(),
            MarketError::Reauthorize,
            "{platform:?}"
        );
    }
}

#[tokio::test]
async fn too_many_requests_are_rate_limited_with_the_wait() {
    let practice = Practice::start(|config| config.rate_scale = 0.1).await;
    for platform in PLATFORMS {
        let adapter = practice.adapter(platform, http()).await;
        let mut limited = None;
        for _ in 0..100 {
            if let Err(error) = adapter.categories().await {
                limited = Some(error);
                break;
            }
        }
        match limited {
            Some(MarketError::RateLimited { .. }) => {}
            other => panic!("{platform:?}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_refused_field_is_named_and_a_daily_cap_is_typed() {
    let practice = Practice::start(|config| config.daily_caps.tiktok_creations = 1).await;
    let adapter = practice.adapter(Platform::TiktokShop, http()).await;
    let good = product_draft(&adapter, "QUE-1", "Quế thanh Văn Yên bó 500 g hữu cơ").await;

    let mut short = good.clone();
    short.title = "Quế".into();
    let mut not_leaf = good.clone();
    not_leaf.category_id = "1".into();
    let mut no_origin = good.clone();
    no_origin.attributes.clear();
    for (draft, field) in [
        (short, RemoteField::Title),
        (not_leaf, RemoteField::Category),
        (no_origin, RemoteField::Attributes),
    ] {
        match adapter.create_product(&draft).await {
            Err(MarketError::Invalid {
                field: Some(got), ..
            }) => assert_eq!(got, field),
            other => panic!("{field:?}: {other:?}"),
        }
    }
    adapter.create_product(&good).await.unwrap();
    let mut second = product_draft(&adapter, "QUE-2", "Quế thanh Văn Yên bó 1 kg hữu cơ").await;
    second.idempotency_key = "key-QUE-2".into();
    assert_eq!(
        adapter.create_product(&second).await,
        Err(MarketError::DailyLimit)
    );
}

/// A request signed by hand, as a client with a wrong clock and no correction would.
#[tokio::test]
async fn a_stale_timestamp_is_refused_with_each_platform_s_own_code() {
    let practice = Practice::start(|_| {}).await;
    let client = reqwest::Client::new();
    let stale = time::OffsetDateTime::now_utc().unix_timestamp() - 600;

    let shop = practice.shop(Platform::TiktokShop).await;
    let (key, secret) = (
        shop["app_key"].as_str().unwrap(),
        shop["app_secret"].as_str().unwrap(),
    );
    let path = "/authorization/202309/shops";
    let timestamp = stale.to_string();
    let query = [("app_key", key), ("timestamp", timestamp.as_str())];
    let signature = chophien::market::sign::tiktok(secret, path, &query, None);
    let answer: serde_json::Value = client
        .get(format!("{}/tiktok{path}", practice.base()))
        .query(&query)
        .query(&[("sign", signature)])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(answer["code"], 36_009_004, "{answer}");

    let shop = practice.shop(Platform::Shopee).await;
    let partner = shop["partner_id"].as_u64().unwrap();
    let path = "/api/v2/auth/token/get";
    let signature = chophien::market::sign::shopee(
        shop["partner_key"].as_str().unwrap(),
        partner,
        path,
        stale,
        chophien::market::sign::ShopeeScope::Public,
    );
    let answer: serde_json::Value = client
        .post(format!("{}/shopee{path}", practice.base()))
        .query(&[
            ("partner_id", partner.to_string()),
            ("timestamp", stale.to_string()),
            ("sign", signature),
        ])
        .json(&json!({"code": "x", "shop_id": shop["shop_id"], "partner_id": partner}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(answer["error"], "error_param", "{answer}");
    assert_eq!(answer["message"], "Timestamp is expired.");

    let shop = practice.shop(Platform::Lazada).await;
    let stale_ms = ((stale - 7_200) * 1000).to_string();
    let params = [
        ("app_key", shop["app_key"].as_str().unwrap()),
        ("timestamp", stale_ms.as_str()),
        ("sign_method", "sha256"),
        ("code", "x"),
    ];
    let signature = chophien::market::sign::lazada(
        shop["app_secret"].as_str().unwrap(),
        "/auth/token/create",
        &params,
    );
    let answer: serde_json::Value = client
        .post(format!(
            "{}/lazada-auth/rest/auth/token/create",
            practice.base()
        ))
        .query(&params)
        .query(&[("sign", signature)])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(answer["code"], "InvalidTimestamp", "{answer}");
}
