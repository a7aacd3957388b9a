//! A product's listings on each marketplace, their readiness and the proofs behind
//! advertising claims. Each change answers with the whole Listings tab as it now is,
//! checked against the rules, so the window shows exactly what is saved.

use chophien::catalog::listing_forms::{ListingForm, ProofForm};
use chophien::catalog::{Catalog, CatalogError, Id};
use chophien::listings::copy;
use chophien::listings::view::ListingsView;
use chophien::platform::Platform;
use tauri::State;

use super::{today, with_catalog};
use crate::ipc_error::IpcError;
use crate::state::AppState;

/// Runs `change`, then reads the product's listings and checks them.
fn changed(
    state: &AppState,
    product_id: Id,
    change: impl FnOnce(&Catalog) -> Result<(), CatalogError>,
) -> Result<ListingsView, IpcError> {
    let rules = state.rules()?;
    let i18n = state.i18n();
    with_catalog(state, |catalog| {
        change(catalog)?;
        let context = catalog.listing_context(product_id)?;
        Ok(ListingsView::new(&context, &rules, today(), &i18n))
    })
}

#[tauri::command]
#[specta::specta]
pub async fn product_listings(
    state: State<'_, AppState>,
    product_id: Id,
) -> Result<ListingsView, IpcError> {
    changed(&state, product_id, |_| Ok(()))
}

/// Saves the whole listing of `platform` (`None` fields go back to the product's).
#[tauri::command]
#[specta::specta]
pub async fn save_listing(
    state: State<'_, AppState>,
    product_id: Id,
    platform: Platform,
    form: ListingForm,
) -> Result<ListingsView, IpcError> {
    changed(&state, product_id, |catalog| {
        catalog.save_listing(product_id, platform, &form.to_draft()?)?;
        Ok(())
    })
}

/// Copies what was written for `from` to `to`, fitted to `to`'s limits.
#[tauri::command]
#[specta::specta]
pub async fn copy_listing(
    state: State<'_, AppState>,
    product_id: Id,
    from: Platform,
    to: Platform,
) -> Result<ListingsView, IpcError> {
    let rules = state.rules()?;
    changed(&state, product_id, |catalog| {
        let listings = catalog.product_listings(product_id)?;
        let source = listings.iter().find(|l| l.platform == from);
        let draft = source.map(|l| copy::fitted(&l.draft, rules.platform(to)));
        catalog.save_listing(product_id, to, &draft.unwrap_or_default())?;
        Ok(())
    })
}

#[tauri::command]
#[specta::specta]
pub async fn add_proof(
    state: State<'_, AppState>,
    product_id: Id,
    form: ProofForm,
) -> Result<ListingsView, IpcError> {
    changed(&state, product_id, |catalog| {
        catalog.add_proof(product_id, &form.to_draft()?)?;
        Ok(())
    })
}

#[tauri::command]
#[specta::specta]
pub async fn delete_proof(
    state: State<'_, AppState>,
    product_id: Id,
    id: Id,
) -> Result<ListingsView, IpcError> {
    changed(&state, product_id, |catalog| catalog.delete_proof(id))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_proof(
    state: State<'_, AppState>,
    product_id: Id,
    id: Id,
) -> Result<ListingsView, IpcError> {
    changed(&state, product_id, |catalog| catalog.restore_proof(id))
}
