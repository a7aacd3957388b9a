//! Sending the catalog to shops when connectivity returns: an outbox of steps written
//! with the edits that caused them (`catalog::sync`), and an engine that drains it per
//! shop, exactly once, at each platform's pace, resuming after any crash.
//!
//! Exactly once: a creation carries TikTok's idempotency key; elsewhere, a step whose
//! previous attempt may have reached the platform (the process died mid-call, or the
//! answer was lost) first looks the product up by seller SKU, and a "duplicate SKU"
//! answer adopts the product already there. Photos already uploaded to a shop are
//! remembered by rendition and never uploaded again.

pub mod actions;
pub mod connectivity;
pub mod draft;
mod engine;
pub mod pacing;
pub mod view;

pub use engine::{Engine, Progress, ShopOutcome, SyncOptions};

use serde::Serialize;

use crate::catalog::error::CatalogError;
use crate::i18n::{I18n, Localize};
use crate::shops::ShopError;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Shop(#[from] ShopError),
}

impl Localize for SyncError {
    fn code(&self) -> &'static str {
        match self {
            SyncError::Catalog(e) => e.code(),
            SyncError::Shop(e) => e.code(),
        }
    }

    fn localize(&self, i18n: &I18n) -> String {
        match self {
            SyncError::Catalog(e) => e.localize(i18n),
            SyncError::Shop(e) => e.localize(i18n),
        }
    }
}

/// What stopped a step, as stored with the publication (and shown to the user).
#[derive(Debug, Clone, Serialize)]
pub struct StepError {
    pub code: &'static str,
    pub message: String,
    /// The platform's field when it refused one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<crate::market::RemoteField>,
}
