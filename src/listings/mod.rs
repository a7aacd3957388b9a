//! Listings: a product on one marketplace, with its own title, description, category,
//! attributes and prices (inherited from the product until edited), suggested from the
//! product's facts, and checked offline against the platform's and Vietnam's rules.
//!
//! - [`generate`]: suggested titles and descriptions within a platform's limits.
//! - [`check`]: readiness findings, each with severity, field, advice and source.
//! - [`facts`]: what the product states (net quantity, alcohol content…).
//! - [`copy`]: a listing fitted to another platform.
//!
//! The rows live in `catalog::listings`; the rules in `crate::rules`.

pub mod check;
pub mod claims;
pub mod copy;
pub mod facts;
pub mod generate;
pub mod view;

pub use check::{Effective, Finding, FixField, Readiness, check, label_findings};

use time::Date;

use crate::catalog::{Catalog, CatalogError};
use crate::i18n::I18n;
use crate::platform::Platform;
use crate::rules::RuleSet;

/// Products read, checked and stored per transaction by [`refresh_readiness`].
const READINESS_CHUNK: usize = 500;

/// Brings the stored readiness of every live product on `platform` up to date (those
/// changed since, or checked on an earlier day), for the catalog's filters. Returns how
/// many were checked.
pub fn refresh_readiness(
    catalog: &Catalog,
    rules: &RuleSet,
    platform: Platform,
    today: Date,
    i18n: &I18n,
) -> Result<usize, CatalogError> {
    let stale = catalog.products_needing_readiness(platform, today)?;
    // Read and stored a chunk at a time: one transaction each, bounded memory.
    for chunk in stale.chunks(READINESS_CHUNK) {
        let states: Vec<_> = catalog
            .listing_contexts(chunk)?
            .iter()
            .map(|context| {
                let readiness = check(context, platform, rules, today, i18n);
                let product = &context.detail.product;
                (product.id, product.updated_at, readiness.state)
            })
            .collect();
        catalog.store_readiness(platform, today, &states)?;
    }
    Ok(stale.len())
}
