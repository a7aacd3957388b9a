//! Selling scripts: generate from products, edit and save with history, export for the
//! host. Each change answers with the script as saved, checked against the rules.

use std::path::PathBuf;

use chophien::catalog::scripts::ScriptSummary;
use chophien::catalog::{Catalog, CatalogError, Id};
use chophien::scripts::generate::{Request, generate};
use chophien::scripts::view::ScriptView;
use chophien::scripts::{ScriptDraft, ScriptKind, Tone, export};
use serde::Deserialize;
use tauri::State;

use super::{offset, today, with_catalog};
use crate::ipc_error::IpcError;
use crate::state::AppState;

/// Reads the script with its versions and products and checks it.
fn view(state: &AppState, catalog: &Catalog, id: Id) -> Result<ScriptView, IpcError> {
    let rules = state.rules()?;
    let i18n = state.i18n();
    let read = || -> Result<_, CatalogError> {
        let script = catalog.script(id)?;
        let versions = catalog.script_versions(id)?;
        let contexts = catalog.listing_contexts(&script.draft.product_ids)?;
        Ok((script, versions, contexts))
    };
    let (script, versions, contexts) = read().map_err(|error| IpcError::catalog(&error, &i18n))?;
    Ok(ScriptView::new(
        &script,
        &versions,
        &contexts,
        &rules,
        today(),
        offset(),
        &i18n,
    ))
}

/// Runs `change` on the catalog, then answers with the script `id` returns.
fn changed(
    state: &AppState,
    change: impl FnOnce(&Catalog) -> Result<Id, CatalogError>,
) -> Result<ScriptView, IpcError> {
    let catalog = state.catalog()?;
    let id = change(&catalog).map_err(|error| IpcError::catalog(&error, &state.i18n()))?;
    view(state, &catalog, id)
}

#[tauri::command]
#[specta::specta]
pub async fn list_scripts(state: State<'_, AppState>) -> Result<Vec<ScriptSummary>, IpcError> {
    with_catalog(&state, Catalog::list_scripts)
}

/// What the "new script" form asks for.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ScriptRequest {
    pub product_ids: Vec<Id>,
    pub kind: ScriptKind,
    pub tone: Tone,
    pub minutes: u32,
    pub words_per_minute: u32,
    pub offer: Option<String>,
}

/// Generates a script in the app's language and saves it (version 1).
#[tauri::command]
#[specta::specta]
pub async fn generate_script(
    state: State<'_, AppState>,
    request: ScriptRequest,
) -> Result<ScriptView, IpcError> {
    let lang = state.lang();
    changed(&state, |catalog| {
        let contexts = catalog.listing_contexts(&request.product_ids)?;
        let details: Vec<_> = contexts.into_iter().map(|c| c.detail).collect();
        let request = Request {
            kind: request.kind,
            tone: request.tone,
            lang,
            minutes: request.minutes,
            words_per_minute: request.words_per_minute,
            offer: request.offer,
        };
        let generated = generate(&details, &request, today());
        Ok(catalog.create_script(&generated.draft)?.id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn script_view(state: State<'_, AppState>, id: Id) -> Result<ScriptView, IpcError> {
    let catalog = state.catalog()?;
    view(&state, &catalog, id)
}

#[tauri::command]
#[specta::specta]
pub async fn save_script(
    state: State<'_, AppState>,
    id: Id,
    draft: ScriptDraft,
) -> Result<ScriptView, IpcError> {
    changed(&state, |catalog| Ok(catalog.save_script(id, &draft)?.id))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_script_version(
    state: State<'_, AppState>,
    id: Id,
    version: u32,
) -> Result<ScriptView, IpcError> {
    changed(&state, |catalog| {
        Ok(catalog.restore_script_version(id, version)?.id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn delete_script(state: State<'_, AppState>, id: Id) -> Result<(), IpcError> {
    with_catalog(&state, |catalog| catalog.delete_script(id))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_script(state: State<'_, AppState>, id: Id) -> Result<ScriptView, IpcError> {
    changed(&state, |catalog| {
        catalog.restore_script(id)?;
        Ok(id)
    })
}

/// The two ways a script leaves the app.
#[derive(Debug, Clone, Copy, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// A page to print on A4.
    Html,
    /// Plain text for a phone.
    Text,
}

/// Writes the script to `path`, a file the user chose in the save dialog.
#[tauri::command]
#[specta::specta]
pub async fn export_script(
    state: State<'_, AppState>,
    id: Id,
    format: ExportFormat,
    path: PathBuf,
) -> Result<(), IpcError> {
    let i18n = state.i18n();
    let script = with_catalog(&state, |catalog| catalog.script(id))?;
    let text = match format {
        ExportFormat::Html => export::html(&script.draft, &i18n),
        ExportFormat::Text => export::text(&script.draft, &i18n),
    };
    export::write(&path, &text).map_err(|error| IpcError::new(&error, &i18n))
}
