//! Shops: connecting a marketplace account (authorisation code → tokens), keeping its
//! secrets in the keychain, and opening a session that refreshes tokens just before use.
//!
//! Order matters when tokens change: Shopee's refresh tokens are single-use, so new
//! tokens are written to the keychain before the adapter uses them; a crash between the
//! two leaves the new pair stored and the old one unused.

mod adapter;
pub mod categories;
pub mod practice;
pub mod secrets;
pub mod view;

use std::sync::Arc;

pub use adapter::{Adapter, MissingIdentity};
use secrets::{SecretError, SecretStore, ShopSecrets};

use crate::args;
use crate::catalog::Catalog;
use crate::catalog::error::CatalogError;
use crate::catalog::ids::Id;
use crate::catalog::shops::{NewShop, Shop, ShopIdentity};
use crate::i18n::{I18n, Localize};
use crate::market::http::Http;
use crate::market::{MarketError, Marketplace};

/// Tokens are renewed when they have less than this left (seconds): a sync session
/// started now finishes with valid tokens.
pub const REFRESH_MARGIN_S: i64 = 15 * 60;

/// The list warns when the refresh token lapses within this many days.
pub const LAPSE_WARNING_DAYS: i64 = 7;

#[derive(Debug, thiserror::Error)]
pub enum ShopError {
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Secrets(#[from] SecretError),
    #[error(transparent)]
    Market(#[from] MarketError),
    #[error("the keychain holds no secrets for shop {0}")]
    NoSecrets(String),
    #[error("shop {0} lacks {1:?}")]
    Incomplete(String, MissingIdentity),
}

impl Localize for ShopError {
    fn code(&self) -> &'static str {
        match self {
            ShopError::Catalog(e) => e.code(),
            ShopError::Secrets(e) => e.code(),
            ShopError::Market(e) => e.code(),
            ShopError::NoSecrets(_) => "shops.no-secrets",
            ShopError::Incomplete(..) => "shops.incomplete",
        }
    }

    fn localize(&self, i18n: &I18n) -> String {
        match self {
            ShopError::Catalog(e) => e.localize(i18n),
            ShopError::Secrets(e) => e.localize(i18n),
            ShopError::Market(e) => e.localize(i18n),
            ShopError::NoSecrets(name) => {
                i18n.tr_args("market-shop-no-secrets", args!["shop" => name])
            }
            ShopError::Incomplete(name, _) => {
                i18n.tr_args("market-shop-incomplete", args!["shop" => name])
            }
        }
    }
}

/// Days until the shop's refresh token lapses, when that is soon enough to warn.
pub fn lapse_warning(shop: &Shop, now_s: i64) -> Option<i64> {
    let left = shop.refresh_expires_at? - now_s;
    (left < LAPSE_WARNING_DAYS * 86_400).then(|| left.max(0) / 86_400)
}

/// Connects a new shop: trades the authorisation code for tokens, asks the platform who
/// the shop is, then saves the shop and its secrets. Nothing is saved if a step fails.
pub async fn connect_new(
    catalog: &Catalog,
    store: &dyn SecretStore,
    http: Arc<Http>,
    new: NewShop,
    secret: String,
    code: &str,
) -> Result<Shop, ShopError> {
    let adapter = Adapter::new(
        new.platform,
        &new.identity,
        new.endpoints.clone(),
        secret.clone(),
        None,
        http,
    )
    .map_err(|missing| ShopError::Incomplete(new.name.clone(), missing))?;
    let tokens = adapter.exchange_code(code).await?;
    let remote = adapter.test_connection().await?;
    let shop = catalog.create_shop(&new)?;
    let saved = store.save(
        shop.id,
        &ShopSecrets {
            secret,
            tokens: Some(tokens.clone()),
        },
    );
    if let Err(error) = saved {
        // No shop without its secrets.
        catalog.remove_shop(shop.id)?;
        return Err(error.into());
    }
    let identity = learned_identity(&shop.identity, &remote);
    Ok(catalog.record_shop_authorization(
        shop.id,
        tokens.access_expires_at,
        tokens.refresh_expires_at,
        &identity,
    )?)
}

/// Authorises an existing shop again (its access lapsed or was withdrawn): trades the
/// new code for tokens, stores them, and the shop is active again.
pub async fn reconnect(
    catalog: &Catalog,
    store: &dyn SecretStore,
    http: Arc<Http>,
    shop_id: Id,
    code: &str,
) -> Result<Shop, ShopError> {
    let shop = catalog.shop(shop_id)?;
    let secrets = store
        .load(shop.id)?
        .ok_or_else(|| ShopError::NoSecrets(shop.name.clone()))?;
    let adapter = Adapter::for_shop(&shop, secrets.secret.clone(), None, http)
        .map_err(|missing| ShopError::Incomplete(shop.name.clone(), missing))?;
    let tokens = adapter.exchange_code(code).await?;
    let remote = adapter.test_connection().await?;
    store.save(
        shop.id,
        &ShopSecrets {
            secret: secrets.secret,
            tokens: Some(tokens.clone()),
        },
    )?;
    Ok(catalog.record_shop_authorization(
        shop.id,
        tokens.access_expires_at,
        tokens.refresh_expires_at,
        &learned_identity(&shop.identity, &remote),
    )?)
}

/// The platform page where the seller authorises the app again for `shop_id`.
pub fn authorization_link(
    catalog: &Catalog,
    store: &dyn SecretStore,
    http: Arc<Http>,
    shop_id: Id,
) -> Result<String, ShopError> {
    let shop = catalog.shop(shop_id)?;
    let secrets = store
        .load(shop.id)?
        .ok_or_else(|| ShopError::NoSecrets(shop.name.clone()))?;
    let adapter = Adapter::for_shop(&shop, secrets.secret, None, http)
        .map_err(|missing| ShopError::Incomplete(shop.name.clone(), missing))?;
    Ok(adapter.authorize_url("chophien"))
}

fn learned_identity(known: &ShopIdentity, remote: &crate::market::ShopIdentity) -> ShopIdentity {
    ShopIdentity {
        shop_cipher: remote.cipher.clone().or_else(|| known.shop_cipher.clone()),
        remote_name: (!remote.name.is_empty())
            .then(|| remote.name.clone())
            .or_else(|| known.remote_name.clone()),
        ..known.clone()
    }
}

/// A shop ready for calls: its adapter holds tokens valid for a while.
#[derive(Debug)]
pub struct Session {
    pub shop: Shop,
    pub adapter: Adapter,
}

/// Opens a session for `shop_id`, renewing the tokens first when they are about to
/// expire (the new ones are stored before they are used). A refused refresh marks the
/// shop as needing a new authorisation.
pub async fn open(
    catalog: &Catalog,
    store: &dyn SecretStore,
    http: Arc<Http>,
    shop_id: Id,
) -> Result<Session, ShopError> {
    let shop = catalog.shop(shop_id)?;
    let secrets = store
        .load(shop.id)?
        .ok_or_else(|| ShopError::NoSecrets(shop.name.clone()))?;
    if shop.needs_reauth || secrets.tokens.is_none() {
        return Err(MarketError::Reauthorize.into());
    }
    let now = http.clock().now_s();
    let adapter = Adapter::for_shop(&shop, secrets.secret.clone(), secrets.tokens.clone(), http)
        .map_err(|missing| ShopError::Incomplete(shop.name.clone(), missing))?;
    let due = shop
        .access_expires_at
        .is_none_or(|expires| expires - now < REFRESH_MARGIN_S);
    if !due {
        return Ok(Session { shop, adapter });
    }
    let shop = refresh(catalog, store, &shop, &adapter, secrets.secret).await?;
    Ok(Session { shop, adapter })
}

/// Renews a session's tokens now (also after the platform said they expired mid-run).
pub async fn refresh_session(
    catalog: &Catalog,
    store: &dyn SecretStore,
    session: &mut Session,
) -> Result<(), ShopError> {
    let secrets = store
        .load(session.shop.id)?
        .ok_or_else(|| ShopError::NoSecrets(session.shop.name.clone()))?;
    session.shop = refresh(
        catalog,
        store,
        &session.shop,
        &session.adapter,
        secrets.secret,
    )
    .await?;
    Ok(())
}

async fn refresh(
    catalog: &Catalog,
    store: &dyn SecretStore,
    shop: &Shop,
    adapter: &Adapter,
    secret: String,
) -> Result<Shop, ShopError> {
    match adapter.refresh_tokens().await {
        Ok(tokens) => {
            store.save(
                shop.id,
                &ShopSecrets {
                    secret,
                    tokens: Some(tokens.clone()),
                },
            )?;
            adapter.use_tokens(tokens.clone());
            Ok(catalog.record_shop_authorization(
                shop.id,
                tokens.access_expires_at,
                tokens.refresh_expires_at,
                &shop.identity,
            )?)
        }
        Err(MarketError::Reauthorize) => {
            catalog.mark_shop_needs_reauth(shop.id)?;
            Err(MarketError::Reauthorize.into())
        }
        Err(other) => Err(other.into()),
    }
}

/// Forgets a shop: its secrets leave the keychain first, then the shop leaves the list.
pub fn remove(catalog: &Catalog, store: &dyn SecretStore, shop_id: Id) -> Result<(), ShopError> {
    store.delete(shop_id)?;
    catalog.remove_shop(shop_id)?;
    Ok(())
}
