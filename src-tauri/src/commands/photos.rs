//! A product's photos: import (files or folders, with progress and a stop button),
//! order, cover, pad or crop, delete and undo. Each change answers with the product's
//! photo set as it now is, findings included, so the editor shows exactly what is saved.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use chophien::catalog::{Catalog, CatalogError, Id};
use chophien::i18n::I18n;
use chophien::photos::spec::Fit;
use chophien::photos::{FileProblem, PhotoError, PhotoSet, Progress, import};
use serde::Serialize;
use tauri::State;
use tauri::ipc::Channel;

use super::with_catalog;
use crate::ipc_error::IpcError;
use crate::state::AppState;

fn photo_set(catalog: &Catalog, product_id: Id, i18n: &I18n) -> Result<PhotoSet, CatalogError> {
    Ok(PhotoSet::new(&catalog.product_photos(product_id)?, i18n))
}

/// Runs `change` on a photo, then reads its product's photos.
fn changed(
    state: &AppState,
    photo_id: Id,
    change: impl FnOnce(&Catalog) -> Result<(), CatalogError>,
) -> Result<PhotoSet, IpcError> {
    let i18n = state.i18n();
    with_catalog(state, |catalog| {
        let product_id = catalog.photo(photo_id)?.product_id;
        change(catalog)?;
        photo_set(catalog, product_id, &i18n)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn product_photos(
    state: State<'_, AppState>,
    product_id: Id,
) -> Result<PhotoSet, IpcError> {
    let i18n = state.i18n();
    with_catalog(&state, |catalog| photo_set(catalog, product_id, &i18n))
}

/// What an import did, and the photos as they now are.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ImportOutcome {
    pub set: PhotoSet,
    pub added: u32,
    /// Files the product already showed.
    pub duplicates: u32,
    /// Files that could not be used, each with what to do.
    pub failed: Vec<FileProblem>,
    /// Files left out because the user pressed "Dừng".
    pub cancelled: u32,
}

/// Imports photo files, and the photos in folders, into the product. `progress` hears
/// after each file; `stop_photo_import` ends the batch early.
#[tauri::command]
#[specta::specta]
pub async fn import_photos(
    state: State<'_, AppState>,
    product_id: Id,
    paths: Vec<String>,
    progress: Channel<Progress>,
) -> Result<ImportOutcome, IpcError> {
    let catalog = state.catalog()?;
    let store = state.photo_store()?;
    let i18n = state.i18n();
    let mut failed = Vec::new();
    let mut files = Vec::new();
    for path in paths.into_iter().map(PathBuf::from) {
        if path.is_dir() {
            match import::files_in(&path) {
                Ok(found) => files.extend(found),
                Err(error) => {
                    let name = import::display_name(&path);
                    let problem = PhotoError::unreadable(&name, &error);
                    failed.push(FileProblem::new(&name, &problem, &i18n));
                }
            }
        } else {
            files.push(path);
        }
    }
    let stop = state.stop_photo_import.clone();
    stop.store(false, Ordering::SeqCst);
    let worker = tauri::async_runtime::spawn_blocking(move || {
        let report = import::import_files(&catalog, &store, product_id, &files, &|done| {
            // A closed window drops the channel; the import carries on regardless.
            let _ = progress.send(done.clone());
            !stop.load(Ordering::SeqCst)
        });
        (catalog, report)
    });
    let (catalog, report) = worker.await.map_err(|_| {
        IpcError::message("photos.import-failed", "desktop-photo-import-failed", &i18n)
    })?;
    let report = report.map_err(|error| IpcError::new(&error, &i18n))?;
    failed.extend(
        report
            .failed
            .iter()
            .map(|(file, error)| FileProblem::new(file, error, &i18n)),
    );
    Ok(ImportOutcome {
        set: photo_set(&catalog, product_id, &i18n).map_err(|e| IpcError::catalog(&e, &i18n))?,
        added: u32::try_from(report.added.len()).unwrap_or(u32::MAX),
        duplicates: report.duplicates,
        failed,
        cancelled: report.cancelled,
    })
}

/// Asks the running import to stop after the files it is working on.
#[tauri::command]
#[specta::specta]
pub async fn stop_photo_import(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.stop_photo_import.store(true, Ordering::SeqCst);
    Ok(())
}

/// Moves a photo to `position` (0 makes it the cover).
#[tauri::command]
#[specta::specta]
pub async fn move_photo(
    state: State<'_, AppState>,
    photo_id: Id,
    position: u32,
) -> Result<PhotoSet, IpcError> {
    changed(&state, photo_id, |catalog| {
        catalog.move_photo(photo_id, position).map(drop)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn set_photo_fit(
    state: State<'_, AppState>,
    photo_id: Id,
    fit: Fit,
) -> Result<PhotoSet, IpcError> {
    changed(&state, photo_id, |catalog| {
        catalog.set_photo_fit(photo_id, fit).map(drop)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn delete_photo(state: State<'_, AppState>, photo_id: Id) -> Result<PhotoSet, IpcError> {
    changed(&state, photo_id, |catalog| catalog.delete_photo(photo_id))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_photo(state: State<'_, AppState>, photo_id: Id) -> Result<PhotoSet, IpcError> {
    changed(&state, photo_id, |catalog| {
        catalog.restore_photo(photo_id).map(drop)
    })
}
