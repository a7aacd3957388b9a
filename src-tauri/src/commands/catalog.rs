//! Products, their variants and certificates, search and the demo.

use chophien::catalog::forms::{CertificateForm, ProductForm, VariantForm};
use chophien::catalog::ocop::{self, Vocabulary};
use chophien::catalog::search::ProductQuery;
use chophien::catalog::views::{ProductEditor, ProductRow};
use chophien::catalog::{Catalog, CatalogError, Field, Id, Page, Problem};
use chophien::demo::DemoReport;
use chophien::listings::refresh_readiness;
use tauri::State;

use super::{offset, today, with_catalog};
use crate::ipc_error::IpcError;
use crate::state::AppState;

/// The editor's view of a product, freshly read after a change.
fn editor(catalog: &Catalog, id: Id) -> Result<ProductEditor, CatalogError> {
    Ok(ProductEditor::new(
        &catalog.product_detail(id)?,
        today(),
        offset(),
    ))
}

#[tauri::command]
#[specta::specta]
pub async fn find_products(
    state: State<'_, AppState>,
    query: ProductQuery,
) -> Result<Page<ProductRow>, IpcError> {
    // The "ready for" and "blocked on" filters read stored readiness: bring it up to
    // date first (only products changed since their last check are checked again).
    let rules = match query.filters.readiness {
        Some(_) => Some(state.rules()?),
        None => None,
    };
    let i18n = state.i18n();
    with_catalog(&state, |catalog| {
        if let (Some(filter), Some(rules)) = (query.filters.readiness, &rules) {
            refresh_readiness(catalog, rules, filter.platform, today(), &i18n)?;
        }
        Ok(ProductRow::page(
            catalog.find_products(&query, today())?,
            offset(),
        ))
    })
}

#[tauri::command]
#[specta::specta]
pub async fn provinces(state: State<'_, AppState>) -> Result<Vec<String>, IpcError> {
    with_catalog(&state, Catalog::provinces)
}

#[tauri::command]
#[specta::specta]
pub async fn vocabulary() -> Result<Vocabulary, IpcError> {
    Ok(ocop::vocabulary())
}

#[tauri::command]
#[specta::specta]
pub async fn load_demo(state: State<'_, AppState>) -> Result<DemoReport, IpcError> {
    let catalog = state.catalog()?;
    chophien::demo::load(&catalog, today()).map_err(|error| IpcError::new(&error, &state.i18n()))
}

#[tauri::command]
#[specta::specta]
pub async fn product_editor(state: State<'_, AppState>, id: Id) -> Result<ProductEditor, IpcError> {
    with_catalog(&state, |catalog| editor(catalog, id))
}

/// A blank form for a new product of `cooperative_id`, or of the first cooperative.
#[tauri::command]
#[specta::specta]
pub async fn new_product_form(
    state: State<'_, AppState>,
    cooperative_id: Option<Id>,
) -> Result<ProductForm, IpcError> {
    with_catalog(&state, |catalog| {
        let cooperative_id = match cooperative_id {
            Some(id) => id,
            None => catalog
                .list_cooperatives(false)?
                .first()
                .map(|coop| coop.id)
                .ok_or_else(|| CatalogError::invalid(Field::Cooperative, Problem::Required))?,
        };
        Ok(ProductForm::empty(cooperative_id))
    })
}

#[tauri::command]
#[specta::specta]
pub async fn create_product(
    state: State<'_, AppState>,
    form: ProductForm,
) -> Result<ProductEditor, IpcError> {
    with_catalog(&state, |catalog| {
        let product = catalog.create_product(&form.to_draft()?)?;
        editor(catalog, product.id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn save_product(
    state: State<'_, AppState>,
    id: Id,
    form: ProductForm,
) -> Result<ProductEditor, IpcError> {
    with_catalog(&state, |catalog| {
        catalog.update_product(id, &form.to_draft()?)?;
        editor(catalog, id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn delete_product(state: State<'_, AppState>, id: Id) -> Result<(), IpcError> {
    with_catalog(&state, |catalog| catalog.delete_product(id))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_product(
    state: State<'_, AppState>,
    id: Id,
) -> Result<ProductEditor, IpcError> {
    with_catalog(&state, |catalog| {
        catalog.restore_product(id)?;
        editor(catalog, id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn add_variant(
    state: State<'_, AppState>,
    product_id: Id,
    form: VariantForm,
) -> Result<ProductEditor, IpcError> {
    with_catalog(&state, |catalog| {
        catalog.add_variant(product_id, &form.to_draft()?)?;
        editor(catalog, product_id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn save_variant(
    state: State<'_, AppState>,
    id: Id,
    form: VariantForm,
) -> Result<ProductEditor, IpcError> {
    with_catalog(&state, |catalog| {
        let variant = catalog.update_variant(id, &form.to_draft()?)?;
        editor(catalog, variant.product_id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn delete_variant(
    state: State<'_, AppState>,
    product_id: Id,
    id: Id,
) -> Result<ProductEditor, IpcError> {
    with_catalog(&state, |catalog| {
        catalog.delete_variant(id)?;
        editor(catalog, product_id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn restore_variant(
    state: State<'_, AppState>,
    id: Id,
) -> Result<ProductEditor, IpcError> {
    with_catalog(&state, |catalog| {
        let variant = catalog.restore_variant(id)?;
        editor(catalog, variant.product_id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn add_certificate(
    state: State<'_, AppState>,
    product_id: Id,
    form: CertificateForm,
) -> Result<ProductEditor, IpcError> {
    with_catalog(&state, |catalog| {
        catalog.add_certificate(product_id, &form.to_draft()?)?;
        editor(catalog, product_id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn save_certificate(
    state: State<'_, AppState>,
    id: Id,
    form: CertificateForm,
) -> Result<ProductEditor, IpcError> {
    with_catalog(&state, |catalog| {
        let certificate = catalog.update_certificate(id, &form.to_draft()?)?;
        editor(catalog, certificate.product_id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn delete_certificate(
    state: State<'_, AppState>,
    product_id: Id,
    id: Id,
) -> Result<ProductEditor, IpcError> {
    with_catalog(&state, |catalog| {
        catalog.delete_certificate(id)?;
        editor(catalog, product_id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn restore_certificate(
    state: State<'_, AppState>,
    id: Id,
) -> Result<ProductEditor, IpcError> {
    with_catalog(&state, |catalog| {
        let certificate = catalog.restore_certificate(id)?;
        editor(catalog, certificate.product_id)
    })
}
