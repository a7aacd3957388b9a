//! The practice marketplace, started in this process for a test, with its control API
//! and ready-made shops turned into connected adapters.

use std::sync::Arc;
use std::time::Duration;

use chophien::catalog::shops::ShopIdentity;
use chophien::market::clock::Clock;
use chophien::market::http::{Http, Timeouts};
use chophien::market::{Endpoints, Marketplace};
use chophien::platform::Platform;
use chophien::sandbox::{RunningSandbox, SandboxConfig};
use chophien::shops::Adapter;
use serde_json::{Value, json};
use tempfile::TempDir;

pub struct Practice {
    pub running: RunningSandbox,
    /// The practice marketplace's file lives here while the test runs.
    _dir: TempDir,
    client: reqwest::Client,
}

/// The practice marketplace's name for a platform in its control API.
pub fn market_name(platform: Platform) -> &'static str {
    match platform {
        Platform::TiktokShop => "tiktok",
        Platform::Shopee => "shopee",
        Platform::Lazada => "lazada",
        Platform::Tiki => "tiki",
    }
}

pub const PLATFORMS: [Platform; 3] = [Platform::TiktokShop, Platform::Shopee, Platform::Lazada];

impl Practice {
    /// Starts a practice marketplace in a new folder; `tune` adjusts its settings.
    pub async fn start(tune: impl FnOnce(&mut SandboxConfig)) -> Practice {
        let dir = tempfile::tempdir().unwrap();
        let mut config = SandboxConfig::new(dir.path().join("practice-market.sqlite"));
        config.review_delay = Duration::ZERO;
        tune(&mut config);
        let running = chophien::sandbox::start(config, 0).await.unwrap();
        chophien::market::http::install_crypto_provider();
        Practice {
            running,
            _dir: dir,
            client: reqwest::Client::new(),
        }
    }

    pub fn base(&self) -> String {
        self.running.base_url()
    }

    pub async fn control(&self, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/_sandbox/{path}", self.base());
        let request = match body {
            Some(body) => self.client.post(url).json(&body),
            None => self.client.get(url),
        };
        let response = request
            .header("x-sandbox-control", self.running.control_token())
            .send()
            .await
            .unwrap();
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        response.json().await.unwrap()
    }

    /// The ready-made shop of `platform`, as the control API lists it.
    pub async fn shop(&self, platform: Platform) -> Value {
        let shops = self.control("shops", None).await;
        shops["shops"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["platform"] == json!(market_name(platform)))
            .cloned()
            .unwrap()
    }

    /// The shop's identity and secret, as a seller would type them.
    pub async fn credentials(&self, platform: Platform) -> (ShopIdentity, String) {
        let shop = self.shop(platform).await;
        let text = |key: &str| shop[key].as_str().map(str::to_owned);
        match platform {
            Platform::Shopee => (
                ShopIdentity {
                    partner_id: shop["partner_id"].as_u64(),
                    shop_id: shop["shop_id"].as_u64(),
                    ..ShopIdentity::default()
                },
                text("partner_key").unwrap(),
            ),
            _ => (
                ShopIdentity {
                    app_key: text("app_key"),
                    ..ShopIdentity::default()
                },
                text("app_secret").unwrap(),
            ),
        }
    }

    /// A fresh single-use authorisation code for the platform's practice shop.
    pub async fn code(&self, platform: Platform) -> String {
        let shop = self.shop(platform).await;
        let answer = self
            .control(
                "authorize",
                Some(json!({"platform": market_name(platform), "shop_id": shop["shop_id"]})),
            )
            .await;
        answer["code"].as_str().unwrap().to_owned()
    }

    /// An adapter for the practice shop of `platform`, authorised.
    pub async fn adapter(&self, platform: Platform, http: Arc<Http>) -> Adapter {
        let (identity, secret) = self.credentials(platform).await;
        let endpoints = Endpoints::practice(platform, &self.base()).unwrap();
        let adapter = Adapter::new(platform, &identity, endpoints, secret, None, http).unwrap();
        adapter
            .exchange_code(&self.code(platform).await)
            .await
            .unwrap();
        adapter.test_connection().await.unwrap();
        adapter
    }
}

pub fn http() -> Arc<Http> {
    http_with(Clock::system())
}

pub fn http_with(clock: Clock) -> Arc<Http> {
    Arc::new(Http::new(
        Arc::new(clock),
        Timeouts {
            connect: Duration::from_secs(2),
            request: Duration::from_secs(5),
        },
    ))
}

/// A real product photo, as a marketplace variant would be (JPEG bytes).
pub fn photo_bytes() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/photos/storm-1920x1280.jpg"
    ))
    .unwrap()
}
