//! The "Trao đổi" screen: bundles between laptops, backups and restore, and the Seller
//! Center bulk-upload sheets. Each runs on a blocking thread, reports progress through a
//! channel and stops when `stop_exchange` sets the flag; it answers with the core's own
//! sentences, so the screen only shows them.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use chophien::catalog::Id;
use chophien::exchange::backup::{backup, backups_dir, backups_to_keep, describe_backup, restore};
use chophien::exchange::bulk::export_bulk;
use chophien::exchange::conflicts::{ConflictView, conflict_views, resolve};
use chophien::exchange::export::{BundleRequest, export_bundle as write_bundle};
use chophien::exchange::import::import_bundle as read_bundle;
use chophien::exchange::{Control, ExchangeError, Resolution};
use chophien::import::columns::Column;
use chophien::import::{self, ImportOptions, Preview};
use chophien::platform::Platform;
use serde::Serialize;
use tauri::State;
use tauri::ipc::Channel;

use super::today;
use crate::ipc_error::IpcError;
use crate::state::AppState;

/// How far a long exchange is.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ExchangeProgress {
    pub done: u32,
    pub total: u32,
}

/// What an exchange did, in the user's words, and the conflicts now waiting.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ExchangeOutcome {
    pub lines: Vec<String>,
    pub conflicts: Vec<ConflictView>,
}

/// Tells the screen how far the work is. A closed window drops the channel; the work
/// carries on regardless.
fn send(progress: &Channel<ExchangeProgress>, done: u64, total: u64) {
    let _ = progress.send(ExchangeProgress {
        done: u32::try_from(done).unwrap_or(u32::MAX),
        total: u32::try_from(total).unwrap_or(u32::MAX),
    });
}

/// Runs `work` on a blocking thread with the screen's progress channel and stop flag.
async fn run<T: Send + 'static>(
    state: &AppState,
    progress: Channel<ExchangeProgress>,
    work: impl FnOnce(Control<'_>) -> Result<T, ExchangeError> + Send + 'static,
) -> Result<T, IpcError> {
    let i18n = state.i18n();
    let stop = state.stop_exchange.clone();
    stop.store(false, Ordering::SeqCst);
    let worker = tauri::async_runtime::spawn_blocking(move || {
        let report = move |done: u64, total: u64| send(&progress, done, total);
        work(Control {
            cancel: Some(&stop),
            progress: Some(&report),
        })
    });
    worker
        .await
        .map_err(|_| IpcError::message("exchange.failed", "desktop-exchange-failed", &i18n))?
        .map_err(|error| IpcError::new(&error, &i18n))
}

/// Writes the chosen cooperatives (with all their products), or the whole catalog when
/// none is chosen, to a `.chophien` bundle at `path`.
#[tauri::command]
#[specta::specta]
pub async fn export_bundle(
    state: State<'_, AppState>,
    path: PathBuf,
    cooperatives: Vec<Id>,
    progress: Channel<ExchangeProgress>,
) -> Result<ExchangeOutcome, IpcError> {
    let catalog = state.catalog()?;
    let i18n = state.i18n();
    let out = path.clone();
    let request = BundleRequest {
        cooperatives,
        products: Vec::new(),
    };
    let summary = run(&state, progress, move |control| {
        write_bundle(&catalog, &request, &out, control)
    })
    .await?;
    Ok(ExchangeOutcome {
        lines: vec![summary.describe(&path, &i18n)],
        conflicts: Vec::new(),
    })
}

/// Merges the bundle at `path` into the catalog.
#[tauri::command]
#[specta::specta]
pub async fn import_bundle(
    state: State<'_, AppState>,
    path: PathBuf,
    progress: Channel<ExchangeProgress>,
) -> Result<ExchangeOutcome, IpcError> {
    let catalog = state.catalog()?;
    let i18n = state.i18n();
    let reading = catalog.clone();
    let summary = run(&state, progress, move |control| {
        read_bundle(&reading, &path, control)
    })
    .await?;
    let conflicts = conflict_views(&catalog, &i18n).map_err(|e| IpcError::new(&e, &i18n))?;
    Ok(ExchangeOutcome {
        lines: vec![summary.describe(&i18n)],
        conflicts,
    })
}

/// The records both computers changed, side by side.
#[tauri::command]
#[specta::specta]
pub async fn exchange_conflicts(state: State<'_, AppState>) -> Result<Vec<ConflictView>, IpcError> {
    let catalog = state.catalog()?;
    let i18n = state.i18n();
    conflict_views(&catalog, &i18n).map_err(|e| IpcError::new(&e, &i18n))
}

/// Keeps one side of a conflict; answers with the conflicts still open.
#[tauri::command]
#[specta::specta]
pub async fn resolve_conflict(
    state: State<'_, AppState>,
    id: Id,
    keep: Resolution,
) -> Result<Vec<ConflictView>, IpcError> {
    let catalog = state.catalog()?;
    let i18n = state.i18n();
    resolve(&catalog, id, keep).map_err(|e| IpcError::new(&e, &i18n))?;
    conflict_views(&catalog, &i18n).map_err(|e| IpcError::new(&e, &i18n))
}

/// Backs up the catalog and its photos into the data folder's `backups/`.
#[tauri::command]
#[specta::specta]
pub async fn make_backup(
    state: State<'_, AppState>,
    progress: Channel<ExchangeProgress>,
) -> Result<ExchangeOutcome, IpcError> {
    let catalog = state.catalog()?;
    let i18n = state.i18n();
    let stamp = chophien::catalog::Timestamp::now()
        .to_db_text()
        .replace([':', '.'], "-");
    let out = backups_dir(catalog.data_dir()).join(format!("chophien-{stamp}.zip"));
    let target = out.clone();
    run(&state, progress, move |control| {
        backup(&catalog, &target, control)
    })
    .await?;
    Ok(ExchangeOutcome {
        lines: vec![describe_backup(&out, &i18n)],
        conflicts: Vec::new(),
    })
}

/// Where backups go and how many automatic ones are kept.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct BackupSettings {
    pub folder: String,
    pub kept: u32,
}

fn backup_settings_of(state: &AppState) -> BackupSettings {
    BackupSettings {
        folder: backups_dir(&state.data_dir()).display().to_string(),
        kept: u32::try_from(state.backups_kept()).unwrap_or(u32::MAX),
    }
}

#[tauri::command]
#[specta::specta]
pub async fn backup_settings(state: State<'_, AppState>) -> Result<BackupSettings, IpcError> {
    Ok(backup_settings_of(&state))
}

/// Keeps `kept` automatic backups from now on (within the core's bounds).
#[tauri::command]
#[specta::specta]
pub async fn set_backups_kept(
    state: State<'_, AppState>,
    kept: u32,
) -> Result<BackupSettings, IpcError> {
    state.set_backups_kept(backups_to_keep(kept)).map_err(|_| {
        IpcError::message(
            "app.settings-not-saved",
            "desktop-error-settings",
            &state.i18n(),
        )
    })?;
    Ok(backup_settings_of(&state))
}

/// Replaces the catalog with the backup at `path`, keeping the current one as a backup.
/// The catalog is closed meanwhile and opened again afterwards, whatever happened.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(
    state: State<'_, AppState>,
    path: PathBuf,
    progress: Channel<ExchangeProgress>,
) -> Result<ExchangeOutcome, IpcError> {
    let i18n = state.i18n();
    let catalog_file = state.catalog_path();
    state.close_catalog()?;
    let restored = run(&state, progress, move |control| {
        restore(&catalog_file, &path, control)
    })
    .await;
    state.reopen();
    Ok(ExchangeOutcome {
        lines: vec![restored?.describe(&i18n)],
        conflicts: Vec::new(),
    })
}

/// Writes the bulk-upload sheet for `platform` and its photos into `folder`, and fills
/// `template` (the file downloaded from Seller Center) when the user chose one.
#[tauri::command]
#[specta::specta]
pub async fn export_bulk_sheet(
    state: State<'_, AppState>,
    platform: Platform,
    template: Option<PathBuf>,
    folder: PathBuf,
    progress: Channel<ExchangeProgress>,
) -> Result<ExchangeOutcome, IpcError> {
    let catalog = state.catalog()?;
    let rules = state.rules()?;
    let i18n = state.i18n();
    let writing = i18n.clone();
    let report = run(&state, progress, move |control| {
        export_bulk(
            &catalog,
            &rules,
            platform,
            template.as_deref(),
            &folder,
            today(),
            &writing,
            control,
        )
    })
    .await?;
    Ok(ExchangeOutcome {
        lines: report.describe(&i18n),
        conflicts: Vec::new(),
    })
}

/// A field a spreadsheet column can be mapped to, with its name in the user's language.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ImportField {
    pub column: Column,
    pub label: String,
}

/// The first rows of a product list and the fields its columns can hold.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ImportPreview {
    #[serde(flatten)]
    pub preview: Preview,
    pub fields: Vec<ImportField>,
}

/// Reads the header and first rows of an Excel or CSV product list.
#[tauri::command]
#[specta::specta]
pub async fn preview_product_list(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<ImportPreview, IpcError> {
    let i18n = state.i18n();
    let preview = import::preview(&path, PREVIEW_ROWS).map_err(|e| IpcError::new(&e, &i18n))?;
    Ok(ImportPreview {
        preview,
        fields: Column::ALL
            .into_iter()
            .map(|column| ImportField {
                column,
                label: i18n.tr(column.message_id()),
            })
            .collect(),
    })
}

/// Rows shown before importing.
const PREVIEW_ROWS: usize = 5;

/// Imports (or, with `dry_run`, checks) an Excel or CSV product list with the chosen
/// column `mapping`, into `cooperative_id` when the file has no cooperative column.
#[tauri::command]
#[specta::specta]
pub async fn import_product_list(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: Vec<Option<Column>>,
    cooperative_id: Option<Id>,
    dry_run: bool,
    progress: Channel<ExchangeProgress>,
) -> Result<ExchangeOutcome, IpcError> {
    let catalog = state.catalog()?;
    let i18n = state.i18n();
    let stop = state.stop_exchange.clone();
    stop.store(false, Ordering::SeqCst);
    let options = ImportOptions {
        cooperative_id,
        dry_run,
    };
    let worker = tauri::async_runtime::spawn_blocking(move || {
        import::import_mapped(&catalog, &path, options, &mapping, &mut |done, total| {
            send(&progress, done, total);
            !stop.load(Ordering::SeqCst)
        })
    });
    let report = worker
        .await
        .map_err(|_| IpcError::message("exchange.failed", "desktop-exchange-failed", &i18n))?
        .map_err(|error| IpcError::new(&error, &i18n))?;
    Ok(ExchangeOutcome {
        lines: report.describe(&i18n),
        conflicts: Vec::new(),
    })
}

/// Asks the running export, import, backup or restore to stop.
#[tauri::command]
#[specta::specta]
pub async fn stop_exchange(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.stop_exchange.store(true, Ordering::SeqCst);
    Ok(())
}
