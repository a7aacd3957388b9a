//! Start-up, language, data folder and the about box.

use std::path::PathBuf;

use chophien::catalog::search::ProductQuery;
use chophien::i18n::Lang;
use serde::Serialize;
use tauri::State;

use crate::ipc_error::IpcError;
use crate::state::AppState;

/// What the first screen should be.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Startup {
    /// The catalog is open; with no products the welcome screen offers the demo.
    Ready { products: u64 },
    /// The catalog could not be opened: why, and where it is.
    Failed {
        code: String,
        message: String,
        path: String,
    },
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppInfo {
    pub version: String,
    pub lang: Lang,
    pub data_dir: String,
    pub catalog_path: String,
    pub config_dir: String,
}

#[tauri::command]
#[specta::specta]
pub async fn startup(state: State<'_, AppState>) -> Result<Startup, IpcError> {
    Ok(current_startup(&state))
}

/// Tries to open the catalog again, after the user fixed what was wrong.
#[tauri::command]
#[specta::specta]
pub async fn retry_startup(state: State<'_, AppState>) -> Result<Startup, IpcError> {
    state.reopen();
    Ok(current_startup(&state))
}

/// Keeps the unreadable catalog aside (renamed, never deleted) and starts an empty one.
#[tauri::command]
#[specta::specta]
pub async fn start_empty_catalog(state: State<'_, AppState>) -> Result<Startup, IpcError> {
    chophien::catalog::set_aside(&state.catalog_path()).map_err(|_| {
        IpcError::message(
            "app.set-aside-failed",
            "desktop-error-set-aside",
            &state.i18n(),
        )
    })?;
    state.reopen();
    Ok(current_startup(&state))
}

/// Uses another folder for the catalog (opening the catalog already there, if any).
#[tauri::command]
#[specta::specta]
pub async fn use_data_folder(
    state: State<'_, AppState>,
    path: String,
) -> Result<Startup, IpcError> {
    state.set_data_dir(PathBuf::from(path)).map_err(|_| {
        IpcError::message(
            "app.settings-not-saved",
            "desktop-error-settings",
            &state.i18n(),
        )
    })?;
    Ok(current_startup(&state))
}

#[tauri::command]
#[specta::specta]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        lang: state.lang(),
        data_dir: state.data_dir().display().to_string(),
        catalog_path: state.catalog_path().display().to_string(),
        config_dir: state.config_dir().display().to_string(),
    })
}

/// Switches every message the core sends to `lang`, and remembers it.
#[tauri::command]
#[specta::specta]
pub async fn set_language(state: State<'_, AppState>, lang: Lang) -> Result<(), IpcError> {
    state.set_language(lang).map_err(|_| {
        IpcError::message(
            "app.settings-not-saved",
            "desktop-error-settings",
            &state.i18n(),
        )
    })
}

/// The UI calls this once its first screen is on display: how long start-up took is
/// worth knowing on a slow laptop, and the benchmark reads this line.
#[tauri::command]
#[specta::specta]
pub async fn ui_ready(state: State<'_, AppState>) -> Result<(), IpcError> {
    eprintln!(
        "chophien-desktop: first screen ready {} ms after start",
        state.started.elapsed().as_millis()
    );
    Ok(())
}

fn current_startup(state: &AppState) -> Startup {
    let first = ProductQuery {
        limit: 1,
        ..ProductQuery::default()
    };
    match super::with_catalog(state, |catalog| {
        catalog.find_products(&first, super::today())
    }) {
        Ok(page) => Startup::Ready {
            products: page.total,
        },
        Err(error) => Startup::Failed {
            code: error.code,
            message: error.message,
            path: state.catalog_path().display().to_string(),
        },
    }
}
