//! Shops: the list, practice mode (the practice marketplace started in the app, with a
//! shop per platform), connecting a real shop with its authorisation code, testing and
//! removing one.

use std::time::Duration;

use chophien::catalog::Id;
use chophien::catalog::shops::{NewShop, ShopIdentity};
use chophien::market::{Endpoints, Marketplace};
use chophien::platform::Platform;
use chophien::sandbox::SandboxConfig;
use chophien::shops::secrets::Keychain;
use chophien::shops::view::ShopView;
use chophien::shops::{self, Adapter, practice};
use serde::Deserialize;
use tauri::State;

use super::offset;
use crate::ipc_error::IpcError;
use crate::market_state::MarketState;
use crate::state::AppState;

/// How long the practice marketplace takes to review a product: long enough to watch
/// "Sàn đang duyệt", short enough for a class.
const PRACTICE_REVIEW: Duration = Duration::from_secs(5);

fn views(state: &AppState) -> Result<Vec<ShopView>, IpcError> {
    let i18n = state.i18n();
    let now = time::OffsetDateTime::now_utc();
    let shops = state
        .catalog()?
        .shops()
        .map_err(|e| IpcError::catalog(&e, &i18n))?;
    Ok(shops
        .iter()
        .map(|shop| ShopView::new(shop, now, offset(), &i18n))
        .collect())
}

#[tauri::command]
#[specta::specta]
pub async fn list_shops(state: State<'_, AppState>) -> Result<Vec<ShopView>, IpcError> {
    views(&state)
}

/// Starts the practice marketplace (once per run of the app) and connects its shops.
#[tauri::command]
#[specta::specta]
pub async fn start_practice(
    state: State<'_, AppState>,
    market: State<'_, MarketState>,
) -> Result<Vec<ShopView>, IpcError> {
    let i18n = state.i18n();
    let catalog = state.catalog()?;
    let mut practice = market.practice.lock().await;
    if practice.is_none() {
        let mut config = SandboxConfig::new(state.data_dir().join("practice-market.sqlite"));
        config.review_delay = PRACTICE_REVIEW;
        let running = chophien::sandbox::start(config, 0)
            .await
            .map_err(|e| IpcError::new(&e, &i18n))?;
        *practice = Some(running);
    }
    let running = practice.as_ref().expect("started above");
    let rules = state.rules()?;
    practice::connect(
        &catalog,
        &market.practice_secrets,
        market.http.clone(),
        &rules,
        &running.base_url(),
        running.control_token(),
    )
    .await
    .map_err(|e| IpcError::new(&e, &i18n))?;
    views(&state)
}

/// What a seller types to connect a real shop.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ConnectShop {
    pub platform: Platform,
    pub name: String,
    pub app_key: Option<String>,
    pub service_id: Option<String>,
    pub partner_id: Option<String>,
    pub shop_id: Option<String>,
    pub secret: String,
    pub code: String,
}

impl ConnectShop {
    fn new_shop(&self) -> Option<NewShop> {
        let number =
            |text: &Option<String>| text.as_deref().and_then(|t| t.trim().parse::<u64>().ok());
        let text = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        Some(NewShop {
            platform: self.platform,
            name: self.name.clone(),
            practice: false,
            endpoints: Endpoints::real(self.platform)?,
            identity: ShopIdentity {
                app_key: text(&self.app_key),
                service_id: text(&self.service_id),
                partner_id: number(&self.partner_id),
                shop_id: number(&self.shop_id),
                ..ShopIdentity::default()
            },
        })
    }
}

/// Opens the platform's authorisation page in the system browser (not in the app's
/// window, which never loads remote content).
#[tauri::command]
#[specta::specta]
pub async fn open_authorization(
    state: State<'_, AppState>,
    market: State<'_, MarketState>,
    form: ConnectShop,
) -> Result<(), IpcError> {
    let i18n = state.i18n();
    let missing = || IpcError::message("shops.incomplete", "desktop-shop-form-incomplete", &i18n);
    let new = form.new_shop().ok_or_else(missing)?;
    let adapter = Adapter::new(
        new.platform,
        &new.identity,
        new.endpoints.clone(),
        form.secret.clone(),
        None,
        market.http.clone(),
    )
    .map_err(|_| missing())?;
    open_in_browser(&adapter.authorize_url("chophien"))
        .map_err(|_| IpcError::message("shops.browser", "desktop-shop-browser-failed", &i18n))
}

/// The OS's own way to open a web address.
fn open_in_browser(url: &str) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("rundll32");
        c.args(["url.dll,FileProtocolHandler", url]);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        c.arg(url);
        c
    } else {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(url);
        c
    };
    command.spawn().map(drop)
}

/// Connects a real shop with the code the platform showed after authorisation.
#[tauri::command]
#[specta::specta]
pub async fn connect_shop(
    state: State<'_, AppState>,
    market: State<'_, MarketState>,
    form: ConnectShop,
) -> Result<Vec<ShopView>, IpcError> {
    let i18n = state.i18n();
    let new = form.new_shop().ok_or_else(|| {
        IpcError::message("shops.incomplete", "desktop-shop-form-incomplete", &i18n)
    })?;
    let catalog = state.catalog()?;
    shops::connect_new(
        &catalog,
        &Keychain,
        market.http.clone(),
        new,
        form.secret.trim().to_owned(),
        form.code.trim(),
    )
    .await
    .map_err(|e| IpcError::new(&e, &i18n))?;
    views(&state)
}

/// Calls the platform with the shop's tokens (renewed first if they are about to lapse).
#[tauri::command]
#[specta::specta]
pub async fn test_shop(
    state: State<'_, AppState>,
    market: State<'_, MarketState>,
    shop_id: Id,
) -> Result<String, IpcError> {
    let i18n = state.i18n();
    let catalog = state.catalog()?;
    let shop = catalog
        .shop(shop_id)
        .map_err(|e| IpcError::catalog(&e, &i18n))?;
    let store = market.secrets_for(&shop);
    let session = shops::open(&catalog, store.as_ref(), market.http.clone(), shop_id)
        .await
        .map_err(|e| IpcError::new(&e, &i18n))?;
    session
        .adapter
        .test_connection()
        .await
        .map_err(|e| IpcError::new(&e, &i18n))?;
    let offset_s = market.http.clock().offset_ms() / 1000;
    Ok(i18n.tr_args(
        "desktop-shop-test-ok",
        chophien::args!["name" => &shop.name, "offset" => offset_s],
    ))
}

#[tauri::command]
#[specta::specta]
pub async fn remove_shop(
    state: State<'_, AppState>,
    market: State<'_, MarketState>,
    shop_id: Id,
) -> Result<Vec<ShopView>, IpcError> {
    let i18n = state.i18n();
    let catalog = state.catalog()?;
    let shop = catalog
        .shop(shop_id)
        .map_err(|e| IpcError::catalog(&e, &i18n))?;
    let store = market.secrets_for(&shop);
    shops::remove(&catalog, store.as_ref(), shop_id).map_err(|e| IpcError::new(&e, &i18n))?;
    views(&state)
}

/// Opens the platform's authorisation page for a shop whose access lapsed.
#[tauri::command]
#[specta::specta]
pub async fn open_shop_authorization(
    state: State<'_, AppState>,
    market: State<'_, MarketState>,
    shop_id: Id,
) -> Result<(), IpcError> {
    let i18n = state.i18n();
    let catalog = state.catalog()?;
    let shop = catalog
        .shop(shop_id)
        .map_err(|e| IpcError::catalog(&e, &i18n))?;
    let store = market.secrets_for(&shop);
    let link = shops::authorization_link(&catalog, store.as_ref(), market.http.clone(), shop_id)
        .map_err(|e| IpcError::new(&e, &i18n))?;
    open_in_browser(&link)
        .map_err(|_| IpcError::message("shops.browser", "desktop-shop-browser-failed", &i18n))
}

/// Authorises a shop again with the code the platform showed ("Kết nối lại").
#[tauri::command]
#[specta::specta]
pub async fn reconnect_shop(
    state: State<'_, AppState>,
    market: State<'_, MarketState>,
    shop_id: Id,
    code: String,
) -> Result<Vec<ShopView>, IpcError> {
    let i18n = state.i18n();
    let catalog = state.catalog()?;
    let shop = catalog
        .shop(shop_id)
        .map_err(|e| IpcError::catalog(&e, &i18n))?;
    let store = market.secrets_for(&shop);
    shops::reconnect(
        &catalog,
        store.as_ref(),
        market.http.clone(),
        shop_id,
        code.trim(),
    )
    .await
    .map_err(|e| IpcError::new(&e, &i18n))?;
    views(&state)
}
