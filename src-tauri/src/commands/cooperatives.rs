//! Cooperatives and other producers.

use chophien::catalog::forms::CooperativeForm;
use chophien::catalog::views::CooperativeEntry;
use chophien::catalog::{Catalog, CatalogError, Id};
use tauri::State;

use super::{offset, with_catalog};
use crate::ipc_error::IpcError;
use crate::state::AppState;

fn entry(catalog: &Catalog, id: Id) -> Result<CooperativeEntry, CatalogError> {
    let coop = catalog.cooperative(id)?;
    let products = catalog.product_counts()?.get(&id).copied().unwrap_or(0);
    Ok(CooperativeEntry::new(&coop, products, offset()))
}

#[tauri::command]
#[specta::specta]
pub async fn list_cooperatives(
    state: State<'_, AppState>,
    deleted: bool,
) -> Result<Vec<CooperativeEntry>, IpcError> {
    with_catalog(&state, |catalog| {
        let counts = catalog.product_counts()?;
        Ok(catalog
            .list_cooperatives(deleted)?
            .iter()
            .map(|coop| {
                CooperativeEntry::new(coop, counts.get(&coop.id).copied().unwrap_or(0), offset())
            })
            .collect())
    })
}

/// A blank form: a cooperative (hợp tác xã) unless the user picks another type.
#[tauri::command]
#[specta::specta]
pub async fn new_cooperative_form() -> Result<CooperativeForm, IpcError> {
    Ok(CooperativeForm::empty())
}

#[tauri::command]
#[specta::specta]
pub async fn create_cooperative(
    state: State<'_, AppState>,
    form: CooperativeForm,
) -> Result<CooperativeEntry, IpcError> {
    with_catalog(&state, |catalog| {
        let coop = catalog.create_cooperative(&form.to_draft())?;
        entry(catalog, coop.id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn save_cooperative(
    state: State<'_, AppState>,
    id: Id,
    form: CooperativeForm,
) -> Result<CooperativeEntry, IpcError> {
    with_catalog(&state, |catalog| {
        catalog.update_cooperative(id, &form.to_draft())?;
        entry(catalog, id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn delete_cooperative(state: State<'_, AppState>, id: Id) -> Result<(), IpcError> {
    with_catalog(&state, |catalog| catalog.delete_cooperative(id))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_cooperative(
    state: State<'_, AppState>,
    id: Id,
) -> Result<CooperativeEntry, IpcError> {
    with_catalog(&state, |catalog| {
        catalog.restore_cooperative(id)?;
        entry(catalog, id)
    })
}
