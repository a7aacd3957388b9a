//! Errors as they cross to the UI: a stable code to switch on, a sentence already in the
//! user's language, and for validation failures one sentence per field, so each can be
//! shown next to its input. The UI never parses an error's text.

use chophien::catalog::{CatalogError, Field};
use chophien::i18n::{I18n, Localize};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct IpcError {
    /// Stable and machine-readable: `catalog.invalid`, `catalog.corrupt`, …
    pub code: String,
    /// What happened and what to do, in the current language.
    pub message: String,
    /// For `catalog.invalid`: what is wrong with each field.
    pub fields: Vec<FieldMessage>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct FieldMessage {
    pub field: Field,
    pub message: String,
}

impl IpcError {
    pub fn new(error: &impl Localize, i18n: &I18n) -> IpcError {
        IpcError {
            code: error.code().to_owned(),
            message: error.localize(i18n),
            fields: Vec::new(),
        }
    }

    pub fn catalog(error: &CatalogError, i18n: &I18n) -> IpcError {
        let mut ipc = IpcError::new(error, i18n);
        ipc.fields = error
            .field_errors()
            .iter()
            .map(|e| FieldMessage {
                field: e.field,
                message: e.localize(i18n),
            })
            .collect();
        ipc
    }

    /// A failure of the app's own (not the catalog's), by message ID.
    pub fn message(code: &str, id: &str, i18n: &I18n) -> IpcError {
        IpcError {
            code: code.to_owned(),
            message: i18n.tr(id),
            fields: Vec::new(),
        }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IpcError {}
