//! The marketplaces' seller APIs: how each one signs ([`sign`]), one adapter per platform
//! behind the [`Marketplace`] trait, and the HTTP and clock handling they share.
//!
//! Adapters never read the catalog or the keychain: they are given credentials and
//! tokens, and hand back new tokens for the caller to keep (Shopee's refresh tokens are
//! single-use, so the caller must store the new pair before the adapter uses it).

pub mod clock;
pub mod error;
pub mod http;
mod lazada;
mod shopee;
pub mod sign;
mod tiktok;
pub mod types;

use std::future::Future;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use error::{Credential, Malformed, MarketError, NetworkFailure, RemoteField};
pub use lazada::Lazada;
pub use shopee::Shopee;
pub use tiktok::TiktokShop;
pub use types::*;

use crate::platform::Platform;
use http::Http;

pub type Result<T, E = MarketError> = std::result::Result<T, E>;

/// Where a platform's API lives: the real hosts, or the practice marketplace's prefixes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoints {
    /// Signed API calls.
    pub api: String,
    /// Token calls.
    pub auth: String,
    /// The page where the seller authorises the app (opened in the browser).
    pub authorize: String,
}

impl Endpoints {
    /// The platform's own addresses (marketplaces.md §1).
    pub fn real(platform: Platform) -> Option<Endpoints> {
        let (api, auth, authorize) = match platform {
            Platform::TiktokShop => (
                "https://open-api.tiktokglobalshop.com",
                "https://auth.tiktok-shops.com",
                "https://services.tiktokshop.com/open/authorize",
            ),
            Platform::Shopee => (
                "https://partner.shopeemobile.com",
                "https://partner.shopeemobile.com",
                "https://partner.shopeemobile.com/api/v2/shop/auth_partner",
            ),
            Platform::Lazada => (
                "https://api.lazada.vn/rest",
                "https://auth.lazada.com/rest",
                "https://auth.lazada.com/oauth/authorize",
            ),
            Platform::Tiki => return None,
        };
        Some(Endpoints {
            api: api.into(),
            auth: auth.into(),
            authorize: authorize.into(),
        })
    }

    /// The practice marketplace at `base` (`http://127.0.0.1:PORT`), which mirrors each
    /// platform under a prefix (docs/practice-marketplace.md).
    pub fn practice(platform: Platform, base: &str) -> Option<Endpoints> {
        let base = base.trim_end_matches('/');
        let (api, auth, authorize) = match platform {
            Platform::TiktokShop => (
                format!("{base}/tiktok"),
                format!("{base}/tiktok-auth"),
                format!("{base}/tiktok-services/open/authorize"),
            ),
            Platform::Shopee => (
                format!("{base}/shopee"),
                format!("{base}/shopee"),
                format!("{base}/shopee/api/v2/shop/auth_partner"),
            ),
            Platform::Lazada => (
                format!("{base}/lazada/rest"),
                format!("{base}/lazada-auth/rest"),
                format!("{base}/lazada-auth/oauth/authorize"),
            ),
            Platform::Tiki => return None,
        };
        Some(Endpoints {
            api,
            auth,
            authorize,
        })
    }
}

/// A shop's credentials for its platform. The secrets among them come from the keychain.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "platform", rename_all = "snake_case")]
pub enum Credentials {
    TiktokShop {
        app_key: String,
        app_secret: String,
        /// Partner Center's service id, for the authorisation link.
        service_id: Option<String>,
        /// Known once the shop has been authorised (`None` before).
        shop_cipher: Option<String>,
    },
    Shopee {
        partner_id: u64,
        partner_key: String,
        shop_id: u64,
    },
    Lazada {
        app_key: String,
        app_secret: String,
    },
}

// Never print a secret, not even in a debug log.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Credentials::TiktokShop { app_key, .. } => {
                write!(f, "TiktokShop {{ app_key: {app_key}, .. }}")
            }
            Credentials::Shopee {
                partner_id,
                shop_id,
                ..
            } => write!(
                f,
                "Shopee {{ partner_id: {partner_id}, shop_id: {shop_id}, .. }}"
            ),
            Credentials::Lazada { app_key, .. } => write!(f, "Lazada {{ app_key: {app_key}, .. }}"),
        }
    }
}

impl Credentials {
    pub fn platform(&self) -> Platform {
        match self {
            Credentials::TiktokShop { .. } => Platform::TiktokShop,
            Credentials::Shopee { .. } => Platform::Shopee,
            Credentials::Lazada { .. } => Platform::Lazada,
        }
    }
}

/// One platform's seller API, as the app uses it.
pub trait Marketplace: Send + Sync {
    fn platform(&self) -> Platform;

    /// The address of the page where the seller lets the app act for the shop; it ends
    /// with a code to paste back into [`Marketplace::exchange_code`].
    fn authorize_url(&self, state: &str) -> String;

    /// Trades an authorisation code for tokens (and uses them from now on).
    fn exchange_code(&self, code: &str) -> impl Future<Output = Result<Tokens>> + Send;

    /// Asks for new tokens with the refresh token. They are returned, not used: the
    /// caller stores them first, then calls [`Marketplace::use_tokens`].
    fn refresh_tokens(&self) -> impl Future<Output = Result<Tokens>> + Send;

    fn use_tokens(&self, tokens: Tokens);

    /// The tokens in use (to tell, after a refusal, whether another task renewed them).
    fn current_tokens(&self) -> Option<Tokens>;

    /// A cheap signed call that proves the credentials and tokens work.
    fn test_connection(&self) -> impl Future<Output = Result<ShopIdentity>> + Send;

    fn upload_image(
        &self,
        jpeg: Vec<u8>,
        file_name: &str,
    ) -> impl Future<Output = Result<RemoteImage>> + Send;

    fn create_product(
        &self,
        draft: &ProductDraft,
    ) -> impl Future<Output = Result<CreatedProduct>> + Send;

    /// Finishes a creation that takes several calls (Shopee's variations come after
    /// `add_item`) on a product found by its SKU after an answer was lost; the product
    /// is left as it is when nothing is missing.
    fn finish_creation(
        &self,
        _product_id: &str,
        _draft: &ProductDraft,
    ) -> impl Future<Output = Result<()>> + Send {
        async { Ok(()) }
    }

    /// Replaces the product's content (the platform reviews it again).
    fn update_product(
        &self,
        product_id: &str,
        draft: &ProductDraft,
    ) -> impl Future<Output = Result<()>> + Send;

    fn update_price_stock(
        &self,
        product_id: &str,
        skus: &[SkuUpdate],
    ) -> impl Future<Output = Result<()>> + Send;

    /// Takes the product off sale (it stays in the seller's list).
    fn deactivate(&self, product_id: &str) -> impl Future<Output = Result<()>> + Send;

    fn product(&self, product_id: &str) -> impl Future<Output = Result<RemoteProduct>> + Send;

    /// The product holding `seller_sku`, if the shop has one: how a creation whose answer
    /// was lost is recognised instead of repeated.
    fn find_by_sku(&self, seller_sku: &str) -> impl Future<Output = Result<Option<String>>> + Send;

    fn categories(&self) -> impl Future<Output = Result<Vec<RemoteCategory>>> + Send;

    fn attributes(
        &self,
        category_id: &str,
    ) -> impl Future<Output = Result<Vec<RemoteAttribute>>> + Send;
}

/// Shared pieces of every adapter: the endpoints, the HTTP client (and its clock) and
/// the tokens in use.
#[derive(Debug)]
struct Session {
    endpoints: Endpoints,
    http: Arc<Http>,
    tokens: std::sync::Mutex<Option<Tokens>>,
}

impl Session {
    fn new(endpoints: Endpoints, http: Arc<Http>, tokens: Option<Tokens>) -> Session {
        Session {
            endpoints,
            http,
            tokens: std::sync::Mutex::new(tokens),
        }
    }

    fn tokens(&self) -> Result<Tokens> {
        self.tokens
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
            .ok_or(MarketError::Reauthorize)
    }

    fn access_token(&self) -> Result<String> {
        Ok(self.tokens()?.access_token)
    }

    fn current_tokens(&self) -> Option<Tokens> {
        self.tokens
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    fn set_tokens(&self, tokens: Tokens) {
        *self
            .tokens
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(tokens);
    }

    /// Runs `call`, and once more if the platform refused its time: the refusal's `Date`
    /// header has just corrected the clock.
    async fn with_clock_retry<T, F, Fut>(&self, call: F) -> Result<T>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let offset_before = self.http.clock().offset_ms();
        match call().await {
            Err(MarketError::ClockRejected) if self.http.clock().offset_ms() != offset_before => {
                call().await
            }
            other => other,
        }
    }
}

/// Reads a number the platforms send either as a JSON number or as a string.
fn number_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) if !s.is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// An authorisation page's address with its query.
fn authorize_link(base: &str, query: &[(&str, &str)]) -> String {
    match reqwest::Url::parse_with_params(base, query) {
        Ok(url) => url.to_string(),
        Err(_) => base.to_owned(),
    }
}

fn unexpected(what: &str) -> MarketError {
    MarketError::Malformed(Malformed::Unexpected(what.to_owned()))
}
