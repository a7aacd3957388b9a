//! The practice marketplace's ready-made shops as shops of the catalog: one per platform,
//! authorised afresh at each start (the practice marketplace hands out a code on request,
//! as a seller approving the app would), their secrets kept for the session only.

use std::sync::Arc;

use serde_json::{Value, json};

use super::secrets::{SecretStore, SessionSecrets, ShopSecrets};
use super::{Adapter, ShopError};
use crate::catalog::Catalog;
use crate::catalog::shops::{NewShop, Shop, ShopIdentity};
use crate::market::http::Http;
use crate::market::{Endpoints, Malformed, MarketError, Marketplace, NetworkFailure};
use crate::platform::Platform;
use crate::rules::RuleSet;

/// The practice marketplace's name for each platform in its control API.
fn market_name(platform: Platform) -> &'static str {
    match platform {
        Platform::TiktokShop => "tiktok",
        Platform::Shopee => "shopee",
        Platform::Lazada => "lazada",
        Platform::Tiki => "tiki",
    }
}

/// A call to the practice marketplace's control API.
async fn control(
    http: &Http,
    base: &str,
    token: &str,
    path: &str,
    body: Option<Value>,
) -> Result<Value, MarketError> {
    let url = format!("{base}/_sandbox/{path}");
    let request = match body {
        Some(body) => http.client().post(url).json(&body),
        None => http.client().get(url),
    };
    let reply = http
        .send(request.header("x-sandbox-control", token))
        .await?;
    if !reply.status.is_success() {
        return Err(MarketError::Network(NetworkFailure::Connect));
    }
    reply.json()
}

fn identity_of(platform: Platform, shop: &Value) -> Result<(ShopIdentity, String), MarketError> {
    let text = |key: &str| shop[key].as_str().map(str::to_owned);
    let missing = || MarketError::Malformed(Malformed::Unexpected("practice shop".into()));
    Ok(match platform {
        Platform::Shopee => (
            ShopIdentity {
                partner_id: shop["partner_id"].as_u64(),
                shop_id: shop["shop_id"].as_u64(),
                ..ShopIdentity::default()
            },
            text("partner_key").ok_or_else(missing)?,
        ),
        _ => (
            ShopIdentity {
                app_key: text("app_key"),
                ..ShopIdentity::default()
            },
            text("app_secret").ok_or_else(missing)?,
        ),
    })
}

/// Connects the practice marketplace at `base` (control token `token`): makes or finds
/// a practice shop per platform, points it at `base`, authorises it, keeps its secrets
/// in `secrets` and finds the rule packs' categories in its tree. Returns the shops.
pub async fn connect(
    catalog: &Catalog,
    secrets: &SessionSecrets,
    http: Arc<Http>,
    rules: &RuleSet,
    base: &str,
    token: &str,
) -> Result<Vec<Shop>, ShopError> {
    let listed = control(&http, base, token, "shops", None).await?;
    let existing = catalog.shops()?;
    let mut shops = Vec::new();
    for platform in [Platform::TiktokShop, Platform::Shopee, Platform::Lazada] {
        let Some(remote) = listed["shops"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|s| s["platform"] == json!(market_name(platform)))
        else {
            continue;
        };
        let (identity, secret) = identity_of(platform, remote)?;
        let endpoints = Endpoints::practice(platform, base)
            .ok_or(ShopError::Market(MarketError::Reauthorize))?;
        let shop = match existing
            .iter()
            .find(|s| s.practice && s.platform == platform)
        {
            Some(shop) => {
                catalog.move_shop(shop.id, &endpoints)?;
                catalog.shop(shop.id)?
            }
            None => catalog.create_shop(&NewShop {
                platform,
                name: remote["name"]
                    .as_str()
                    .unwrap_or(platform.name())
                    .to_owned(),
                practice: true,
                endpoints: endpoints.clone(),
                identity: identity.clone(),
            })?,
        };
        let code = control(
            &http,
            base,
            token,
            "authorize",
            Some(json!({"platform": market_name(platform), "shop_id": remote["shop_id"]})),
        )
        .await?;
        let code = code["code"]
            .as_str()
            .ok_or(MarketError::Malformed(Malformed::Unexpected("code".into())))?;
        let adapter = Adapter::new(
            platform,
            &identity,
            endpoints,
            secret.clone(),
            None,
            http.clone(),
        )
        .map_err(|missing| ShopError::Incomplete(shop.name.clone(), missing))?;
        let tokens = adapter.exchange_code(code).await?;
        let remote_shop = adapter.test_connection().await?;
        let categories = super::categories::fetch(&adapter, rules.platform(platform)).await?;
        catalog.save_shop_categories(shop.id, &categories.found)?;
        secrets.save(
            shop.id,
            &ShopSecrets {
                secret,
                tokens: Some(tokens.clone()),
            },
        )?;
        let identity = ShopIdentity {
            shop_cipher: remote_shop.cipher,
            ..identity
        };
        shops.push(catalog.record_shop_authorization(
            shop.id,
            tokens.access_expires_at,
            tokens.refresh_expires_at,
            &identity,
        )?);
    }
    Ok(shops)
}
