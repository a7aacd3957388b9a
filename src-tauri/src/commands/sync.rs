//! Publishing: queue products for a shop, send now (progress through a channel, "Tạm
//! dừng" stops taking new steps), the sync centre's rows, retry a failed product and
//! settle a conflict.

use std::sync::atomic::Ordering;

use chophien::catalog::Id;
use chophien::i18n::I18n;
use chophien::settings::SyncMode;
use chophien::sync::actions::{self, NotReady};
use chophien::sync::connectivity::{hosts_of, reachable};
use chophien::sync::view::{SyncRow, rows};
use chophien::sync::{Engine, ShopOutcome, SyncOptions};
use serde::Serialize;
use tauri::State;
use tauri::ipc::Channel;

use super::{offset, today};
use crate::ipc_error::IpcError;
use crate::market_state::MarketState;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct QueueOutcome {
    pub queued: u32,
    pub not_ready: Vec<NotReadyView>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct NotReadyView {
    pub product_id: Id,
    pub name: String,
    pub reasons: Vec<String>,
}

impl From<NotReady> for NotReadyView {
    fn from(value: NotReady) -> Self {
        NotReadyView {
            product_id: value.product_id,
            name: value.name,
            reasons: value.reasons,
        }
    }
}

/// Queues products for a shop; those whose listing does not pass its checks come back
/// with their reasons.
#[tauri::command]
#[specta::specta]
pub async fn publish_products(
    state: State<'_, AppState>,
    shop_id: Id,
    product_ids: Vec<Id>,
) -> Result<QueueOutcome, IpcError> {
    let i18n = state.i18n();
    let catalog = state.catalog()?;
    let rules = state.rules()?;
    let shop = catalog
        .shop(shop_id)
        .map_err(|e| IpcError::catalog(&e, &i18n))?;
    let result = actions::queue(&catalog, &shop, &product_ids, &rules, today(), &i18n)
        .map_err(|e| IpcError::catalog(&e, &i18n))?;
    Ok(QueueOutcome {
        queued: u32::try_from(result.queued.len()).unwrap_or(u32::MAX),
        not_ready: result
            .not_ready
            .into_iter()
            .map(NotReadyView::from)
            .collect(),
    })
}

/// How one shop's run ended, in words.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ShopRunView {
    pub shop_id: Id,
    pub outcome: String,
    pub message: String,
}

fn outcome_view(shop_id: Id, name: &str, outcome: &ShopOutcome, i18n: &I18n) -> ShopRunView {
    let (code, message) = match outcome {
        ShopOutcome::Drained => (
            "drained",
            i18n.tr_args("desktop-sync-drained", chophien::args!["shop" => name]),
        ),
        ShopOutcome::Waiting { .. } => (
            "waiting",
            i18n.tr_args("desktop-sync-waiting", chophien::args!["shop" => name]),
        ),
        ShopOutcome::Paused { message } => (
            "paused",
            i18n.tr_args(
                "desktop-sync-paused",
                chophien::args!["shop" => name, "message" => message],
            ),
        ),
        ShopOutcome::Cancelled => (
            "cancelled",
            i18n.tr_args("desktop-sync-cancelled", chophien::args!["shop" => name]),
        ),
    };
    ShopRunView {
        shop_id,
        outcome: code.to_owned(),
        message,
    }
}

/// Sends what waits, shop by shop (all shops, or `shop_id`), and follows reviews for a
/// while. Each change of a product's state goes to `progress` as its sync-centre row.
/// `refresh_statuses` asks about every product under review at once ("Làm mới trạng
/// thái") instead of at its next scheduled poll.
#[tauri::command]
#[specta::specta]
pub async fn sync_now(
    state: State<'_, AppState>,
    market: State<'_, MarketState>,
    shop_id: Option<Id>,
    refresh_statuses: bool,
    progress: Channel<SyncRow>,
) -> Result<Vec<ShopRunView>, IpcError> {
    let i18n = state.i18n();
    let _running = market.sync_lock.lock().await;
    market.stop_sync.store(false, Ordering::SeqCst);
    let catalog = state.catalog()?;
    let rules = state.rules()?;
    let shops: Vec<_> = catalog
        .shops()
        .map_err(|e| IpcError::catalog(&e, &i18n))?
        .into_iter()
        .filter(|s| shop_id.is_none_or(|id| s.id == id))
        .collect();
    if refresh_statuses {
        for shop in &shops {
            catalog
                .poll_reviews_now(shop.id)
                .map_err(|e| IpcError::catalog(&e, &i18n))?;
        }
    }
    let mut results = Vec::new();
    for shop in shops {
        let (sender, mut updates) = tokio::sync::mpsc::unbounded_channel();
        let engine = Engine {
            catalog: catalog.clone(),
            secrets: market.secrets_for(&shop),
            http: market.http.clone(),
            rules: rules.clone(),
            i18n: i18n.clone(),
            today: today(),
            options: SyncOptions {
                wait_for_reviews: std::time::Duration::from_secs(60),
                poll_first: std::time::Duration::from_secs(3),
                poll_cap: std::time::Duration::from_secs(30),
                ..SyncOptions::default()
            },
            cancel: market.stop_sync.clone(),
            progress: Some(sender),
        };
        let forward_catalog = catalog.clone();
        let forward_i18n = i18n.clone();
        let forward = progress.clone();
        let forwarder = tokio::spawn(async move {
            while let Some(update) = updates.recv().await {
                if let Ok(publication) = forward_catalog.publication(update.publication_id) {
                    let name = forward_catalog
                        .product(publication.product_id)
                        .map(|p| p.draft.name)
                        .unwrap_or_default();
                    // A closed window drops the channel; the sync carries on regardless.
                    let _ = forward.send(SyncRow::new(&publication, name, offset(), &forward_i18n));
                }
            }
        });
        let outcome = engine
            .run_shop(shop.id)
            .await
            .map_err(|e| IpcError::new(&e, &i18n))?;
        drop(engine);
        let _ = forwarder.await;
        results.push(outcome_view(shop.id, &shop.name, &outcome, &i18n));
    }
    Ok(results)
}

/// Asks the running sync to stop taking new steps ("Tạm dừng"); "Gửi ngay" resumes.
#[tauri::command]
#[specta::specta]
pub async fn stop_sync(market: State<'_, MarketState>) -> Result<(), IpcError> {
    market.stop_sync.store(true, Ordering::SeqCst);
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn sync_rows(
    state: State<'_, AppState>,
    shop_id: Option<Id>,
) -> Result<Vec<SyncRow>, IpcError> {
    let i18n = state.i18n();
    let catalog = state.catalog()?;
    rows(&catalog, shop_id, offset(), &i18n).map_err(|e| IpcError::catalog(&e, &i18n))
}

#[tauri::command]
#[specta::specta]
pub async fn retry_publication(
    state: State<'_, AppState>,
    publication_id: Id,
) -> Result<bool, IpcError> {
    let i18n = state.i18n();
    state
        .catalog()?
        .retry_publication(publication_id)
        .map_err(|e| IpcError::catalog(&e, &i18n))
}

/// Takes a product off a shop ("Gỡ khỏi cửa hàng"): out of its queue, or down from the
/// platform at the next sync. Returns what will happen, in the user's words.
#[tauri::command]
#[specta::specta]
pub async fn withdraw_from_shop(
    state: State<'_, AppState>,
    shop_id: Id,
    product_id: Id,
) -> Result<String, IpcError> {
    let i18n = state.i18n();
    let catalog = state.catalog()?;
    let shop = catalog
        .shop(shop_id)
        .map_err(|e| IpcError::catalog(&e, &i18n))?;
    chophien::sync::actions::withdraw(&catalog, &shop, product_id, &i18n)
        .map_err(|e| IpcError::catalog(&e, &i18n))
}

/// Settles a conflict: keep this app's copy (sent over the platform's) or take the
/// platform's.
#[tauri::command]
#[specta::specta]
pub async fn resolve_sync_conflict(
    state: State<'_, AppState>,
    publication_id: Id,
    keep_local: bool,
) -> Result<(), IpcError> {
    let i18n = state.i18n();
    let catalog = state.catalog()?;
    let rules = state.rules()?;
    actions::resolve(&catalog, publication_id, keep_local, &rules, today(), &i18n)
        .map_err(|e| IpcError::catalog(&e, &i18n))
}

/// What the app knows about sending: the mode chosen, how many steps wait, and whether a
/// marketplace is reachable now.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SyncStatus {
    pub mode: SyncMode,
    pub waiting: u32,
    pub online: bool,
}

/// Probes the shops' hosts (a short TCP connection each) and counts the waiting steps.
#[tauri::command]
#[specta::specta]
pub async fn sync_status(state: State<'_, AppState>) -> Result<SyncStatus, IpcError> {
    let i18n = state.i18n();
    let catalog = state.catalog()?;
    let shops = catalog.shops().map_err(|e| IpcError::catalog(&e, &i18n))?;
    let waiting = catalog
        .waiting_steps()
        .map_err(|e| IpcError::catalog(&e, &i18n))?;
    let online = reachable(&hosts_of(&shops), std::time::Duration::from_secs(3)).await;
    Ok(SyncStatus {
        mode: state.sync_mode(),
        waiting,
        online,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn set_sync_mode(state: State<'_, AppState>, mode: SyncMode) -> Result<(), IpcError> {
    state.set_sync_mode(mode).map_err(|_| {
        IpcError::message(
            "app.settings-not-saved",
            "desktop-error-settings",
            &state.i18n(),
        )
    })
}
