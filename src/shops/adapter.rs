//! One value for "this shop's marketplace", whatever the platform: the three adapters
//! behind an enum that forwards every call of the [`Marketplace`] trait.

use std::sync::Arc;

use crate::catalog::shops::{Shop, ShopIdentity};
use crate::market::http::Http;
use crate::market::{
    CreatedProduct, Endpoints, Lazada, Marketplace, ProductDraft, RemoteAttribute, RemoteCategory,
    RemoteImage, RemoteProduct, Result, Shopee, SkuUpdate, TiktokShop, Tokens,
};
use crate::platform::Platform;

#[derive(Debug)]
pub enum Adapter {
    TiktokShop(TiktokShop),
    Shopee(Shopee),
    Lazada(Lazada),
}

/// What is missing to build an adapter for a shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingIdentity {
    AppKey,
    PartnerId,
    ShopId,
    /// Tiki has no adapter.
    Platform,
}

impl Adapter {
    /// The adapter for `shop`, given its secret and tokens.
    pub fn for_shop(
        shop: &Shop,
        secret: String,
        tokens: Option<Tokens>,
        http: Arc<Http>,
    ) -> std::result::Result<Adapter, MissingIdentity> {
        Adapter::new(
            shop.platform,
            &shop.identity,
            shop.endpoints.clone(),
            secret,
            tokens,
            http,
        )
    }

    /// The adapter for an account on `platform` at `endpoints`.
    pub fn new(
        platform: Platform,
        identity: &ShopIdentity,
        endpoints: Endpoints,
        secret: String,
        tokens: Option<Tokens>,
        http: Arc<Http>,
    ) -> std::result::Result<Adapter, MissingIdentity> {
        Ok(match platform {
            Platform::TiktokShop => Adapter::TiktokShop(TiktokShop::new(
                identity.app_key.clone().ok_or(MissingIdentity::AppKey)?,
                secret,
                identity.service_id.clone(),
                identity.shop_cipher.clone(),
                endpoints,
                http,
                tokens,
            )),
            Platform::Shopee => Adapter::Shopee(Shopee::new(
                identity.partner_id.ok_or(MissingIdentity::PartnerId)?,
                secret,
                identity.shop_id.ok_or(MissingIdentity::ShopId)?,
                endpoints,
                http,
                tokens,
            )),
            Platform::Lazada => Adapter::Lazada(Lazada::new(
                identity.app_key.clone().ok_or(MissingIdentity::AppKey)?,
                secret,
                endpoints,
                http,
                tokens,
            )),
            Platform::Tiki => return Err(MissingIdentity::Platform),
        })
    }
}

macro_rules! forward {
    ($self:ident, $adapter:ident => $call:expr) => {
        match $self {
            Adapter::TiktokShop($adapter) => $call,
            Adapter::Shopee($adapter) => $call,
            Adapter::Lazada($adapter) => $call,
        }
    };
}

impl Marketplace for Adapter {
    fn platform(&self) -> Platform {
        forward!(self, a => a.platform())
    }

    fn authorize_url(&self, state: &str) -> String {
        forward!(self, a => a.authorize_url(state))
    }

    async fn exchange_code(&self, code: &str) -> Result<Tokens> {
        forward!(self, a => a.exchange_code(code).await)
    }

    async fn refresh_tokens(&self) -> Result<Tokens> {
        forward!(self, a => a.refresh_tokens().await)
    }

    fn use_tokens(&self, tokens: Tokens) {
        forward!(self, a => a.use_tokens(tokens))
    }

    fn current_tokens(&self) -> Option<Tokens> {
        forward!(self, a => a.current_tokens())
    }

    async fn deactivate(&self, product_id: &str) -> Result<()> {
        forward!(self, a => a.deactivate(product_id).await)
    }

    async fn test_connection(&self) -> Result<crate::market::ShopIdentity> {
        forward!(self, a => a.test_connection().await)
    }

    async fn upload_image(&self, jpeg: Vec<u8>, file_name: &str) -> Result<RemoteImage> {
        forward!(self, a => a.upload_image(jpeg, file_name).await)
    }

    async fn create_product(&self, draft: &ProductDraft) -> Result<CreatedProduct> {
        forward!(self, a => a.create_product(draft).await)
    }

    async fn update_product(&self, product_id: &str, draft: &ProductDraft) -> Result<()> {
        forward!(self, a => a.update_product(product_id, draft).await)
    }

    async fn update_price_stock(&self, product_id: &str, skus: &[SkuUpdate]) -> Result<()> {
        forward!(self, a => a.update_price_stock(product_id, skus).await)
    }

    async fn product(&self, product_id: &str) -> Result<RemoteProduct> {
        forward!(self, a => a.product(product_id).await)
    }

    async fn finish_creation(&self, product_id: &str, draft: &ProductDraft) -> Result<()> {
        forward!(self, a => a.finish_creation(product_id, draft).await)
    }

    async fn find_by_sku(&self, seller_sku: &str) -> Result<Option<String>> {
        forward!(self, a => a.find_by_sku(seller_sku).await)
    }

    async fn categories(&self) -> Result<Vec<RemoteCategory>> {
        forward!(self, a => a.categories().await)
    }

    async fn attributes(&self, category_id: &str) -> Result<Vec<RemoteAttribute>> {
        forward!(self, a => a.attributes(category_id).await)
    }
}
