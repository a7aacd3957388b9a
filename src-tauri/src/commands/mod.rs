//! The Tauri commands: each one parses its arguments, calls the core, and maps the
//! error to a translated `IpcError`. No business rule lives here.

pub mod app;
pub mod catalog;
pub mod cooperatives;
pub mod exchange;
pub mod listings;
pub mod photos;
pub mod scripts;
pub mod shops;
pub mod sync;

use chophien::catalog::{Catalog, CatalogError};
use chophien::i18n::dates;
use time::{Date, UtcOffset};

use crate::ipc_error::IpcError;
use crate::state::AppState;

/// Runs `f` on the open catalog, translating its errors for the UI.
fn with_catalog<T>(
    state: &AppState,
    f: impl FnOnce(&Catalog) -> Result<T, CatalogError>,
) -> Result<T, IpcError> {
    let catalog = state.catalog()?;
    f(&catalog).map_err(|error| IpcError::catalog(&error, &state.i18n()))
}

/// The local time offset used to show times (Vietnam's when the OS will not say).
fn offset() -> UtcOffset {
    dates::local_offset()
}

/// Today, which decides whether a certificate is valid, expiring or expired.
fn today() -> Date {
    dates::today(offset())
}
