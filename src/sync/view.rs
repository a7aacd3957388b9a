//! The sync centre's rows: each product on each shop, its state in words, what the
//! platform said, when it will be tried again, and both copies when they disagree.

use serde::Serialize;
use time::UtcOffset;

use crate::args;
use crate::catalog::Catalog;
use crate::catalog::error::CatalogError;
use crate::catalog::ids::Id;
use crate::catalog::sync::{Publication, PublicationState};
use crate::i18n::I18n;
use crate::i18n::dates::format_datetime;
use crate::i18n::money::format_vnd;
use crate::listings::check::FixField;

use super::draft::Synced;

/// One side of a conflict, formatted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CopyView {
    pub title: String,
    /// "MO-500: 185.000 ₫" per SKU.
    pub prices: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncRow {
    pub publication_id: Id,
    pub product_id: Id,
    pub product_name: String,
    pub shop_id: Id,
    pub state: PublicationState,
    pub state_text: String,
    /// What the platform said (rejection reasons) or why sending failed.
    pub note: Option<String>,
    /// When a failed step is tried again.
    pub retry_at: Option<String>,
    pub updated_at: String,
    /// While the platform's copy differs from the last one sent: (this app's, the platform's).
    pub conflict: Option<(CopyView, CopyView)>,
    /// Where to correct the product when the platform refused one of its fields.
    pub fix: Option<FixField>,
}

/// The part of the product or listing that holds a field the platform refused.
fn fix_of(publication: &Publication) -> Option<FixField> {
    let field = publication.problem.as_ref()?["error"]["field"].as_str()?;
    Some(match field {
        "title" => FixField::Title,
        "description" => FixField::Description,
        // Category attributes are filled in beside the category, on the listing.
        "category" | "attributes" => FixField::Category,
        "images" => FixField::Photos,
        "price" | "stock" | "sku" | "variants" => FixField::Variants,
        "package" => FixField::Package,
        _ => return None,
    })
}

fn copy_of(title: Option<&str>, skus: impl Iterator<Item = (String, Option<i64>)>) -> CopyView {
    CopyView {
        title: title.unwrap_or_default().to_owned(),
        prices: skus
            .map(|(sku, price)| format!("{sku}: {}", price.map(format_vnd).unwrap_or_default()))
            .collect(),
    }
}

fn note_of(publication: &Publication) -> Option<String> {
    let problem = publication.problem.as_ref()?;
    if let Some(reasons) = problem["reasons"].as_array() {
        let lines: Vec<String> = reasons
            .iter()
            .filter_map(|r| {
                let reason = r["reason"].as_str()?;
                Some(match r["suggestion"].as_str() {
                    Some(suggestion) => format!("{reason} — {suggestion}"),
                    None => reason.to_owned(),
                })
            })
            .collect();
        return Some(lines.join("\n"));
    }
    problem["error"]["message"].as_str().map(str::to_owned)
}

impl SyncRow {
    pub fn new(
        publication: &Publication,
        product_name: String,
        offset: UtcOffset,
        i18n: &I18n,
    ) -> SyncRow {
        let retry_at = publication
            .problem
            .as_ref()
            .and_then(|p| p["retry_at"].as_str())
            .and_then(crate::catalog::ids::Timestamp::parse)
            .map(|t| format_datetime(t.as_offset_date_time(), offset));
        let conflict = publication.remote_copy.as_ref().map(|remote| {
            let last: Option<Synced> = remote
                .get("last_sent")
                .cloned()
                .and_then(|s| serde_json::from_value(s).ok());
            let local = last.map_or_else(
                || copy_of(None, std::iter::empty()),
                |l| {
                    copy_of(
                        Some(&l.title),
                        l.skus.into_iter().map(|(s, p, _)| (s, Some(p))),
                    )
                },
            );
            let theirs = copy_of(
                remote["title"].as_str(),
                remote["skus"].as_array().into_iter().flatten().map(|s| {
                    (
                        s["seller_sku"].as_str().unwrap_or_default().to_owned(),
                        s["price"].as_i64(),
                    )
                }),
            );
            (local, theirs)
        });
        SyncRow {
            publication_id: publication.id,
            product_id: publication.product_id,
            product_name,
            shop_id: publication.shop_id,
            state: publication.state,
            state_text: i18n.tr(&format!("sync-state-{}", publication.state.code())),
            note: note_of(publication).or_else(|| {
                retry_at
                    .as_ref()
                    .map(|at| i18n.tr_args("sync-retry-at", args!["at" => at]))
            }),
            retry_at,
            updated_at: format_datetime(publication.updated_at.as_offset_date_time(), offset),
            conflict,
            fix: fix_of(publication),
        }
    }
}

/// Every publication of `shop_id` (or of all shops), newest change first.
pub fn rows(
    catalog: &Catalog,
    shop_id: Option<Id>,
    offset: UtcOffset,
    i18n: &I18n,
) -> Result<Vec<SyncRow>, CatalogError> {
    catalog
        .publications(shop_id)?
        .iter()
        .map(|publication| {
            let name = catalog.product(publication.product_id)?.draft.name;
            Ok(SyncRow::new(publication, name, offset, i18n))
        })
        .collect()
}
