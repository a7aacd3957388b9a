//! Listings (a product on one marketplace), the documents that back advertising claims,
//! and the readiness last computed for each product and platform. The checks themselves
//! live in `crate::listings`; here are only their rows.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use time::Date;

use super::CachedStatements;
use super::error::{CatalogError, RecordKind, Result};
use super::ids::{Id, Timestamp, date_to_db};
use super::model::ProductDetail;
use super::photos::Photo;
use super::{Catalog, code_column, products, validate};
use crate::platform::Platform;

/// What a person set for a product on one platform. `None` (and an absent attribute or
/// price) is inherited from the product.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ListingDraft {
    pub title: Option<String>,
    pub description: Option<String>,
    /// A category key of the platform's rule pack.
    pub category: Option<String>,
    /// Attribute name → value as typed, e.g. `alcohol_percent` → `40`.
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    /// Variant id → price in đồng on this platform.
    #[serde(default)]
    pub prices: BTreeMap<Id, i64>,
    /// The photos sent to this platform, in order; `None` sends all the product's.
    #[serde(default)]
    pub photos: Option<Vec<Id>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Listing {
    pub product_id: Id,
    pub platform: Platform,
    pub draft: ListingDraft,
    /// When it was last edited; `None` while everything is inherited.
    pub updated_at: Option<Timestamp>,
}

/// A document that allows a superlative ("nhất", "số 1") in advertising.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ProofKind {
    /// A market survey by a licensed research organisation.
    MarketSurvey,
    /// A certificate from a regional or national contest.
    ContestAward,
}

impl ProofKind {
    pub fn code(self) -> &'static str {
        match self {
            ProofKind::MarketSurvey => "market_survey",
            ProofKind::ContestAward => "contest_award",
        }
    }

    pub fn from_code(code: &str) -> Option<ProofKind> {
        match code {
            "market_survey" => Some(ProofKind::MarketSurvey),
            "contest_award" => Some(ProofKind::ContestAward),
            _ => None,
        }
    }
}

/// How long a proof backs a claim when its end is not written on it: one year.
pub const PROOF_MONTHS: u8 = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProofDraft {
    pub kind: ProofKind,
    pub title: String,
    pub issuer: Option<String>,
    pub issued_on: Date,
    /// `None` means one year after `issued_on`.
    pub valid_until: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Proof {
    pub id: Id,
    pub product_id: Id,
    pub kind: ProofKind,
    pub title: String,
    pub issuer: Option<String>,
    pub issued_on: Date,
    pub valid_until: Date,
}

impl Proof {
    pub fn valid_on(&self, today: Date) -> bool {
        self.issued_on <= today && today <= self.valid_until
    }
}

/// Whether a listing can go to its marketplace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReadinessState {
    Ready,
    /// Nothing blocks it, but something deserves a look.
    Warnings,
    /// The platform or the law would refuse it.
    Blocked,
}

impl ReadinessState {
    pub fn code(self) -> &'static str {
        match self {
            ReadinessState::Ready => "ready",
            ReadinessState::Warnings => "warnings",
            ReadinessState::Blocked => "blocked",
        }
    }
}

/// Everything the checks of a product's listings read, in one snapshot.
#[derive(Debug, Clone)]
pub struct ListingContext {
    pub detail: ProductDetail,
    pub photos: Vec<Photo>,
    pub listings: Vec<Listing>,
    pub proofs: Vec<Proof>,
}

impl ListingContext {
    pub fn listing(&self, platform: Platform) -> &Listing {
        // `listing_context` fills one listing per platform.
        self.listings
            .iter()
            .find(|l| l.platform == platform)
            .unwrap_or(&self.listings[0])
    }

    /// The photos `platform` gets, in order: the listing's choice, or all of them.
    pub fn listing_photos(&self, platform: Platform) -> Vec<&Photo> {
        match &self.listing(platform).draft.photos {
            Some(chosen) => chosen
                .iter()
                .filter_map(|id| self.photos.iter().find(|p| p.id == *id))
                .collect(),
            None => self.photos.iter().collect(),
        }
    }
}

const LISTING_COLUMNS: &str =
    "product_id, platform, title, description, category, attributes, prices, photos, updated_at";

impl Catalog {
    /// The product's listing on each platform, in `Platform::ALL` order.
    pub fn product_listings(&self, product_id: Id) -> Result<Vec<Listing>> {
        self.read(|tx| {
            products::get_product(tx, product_id)?;
            listings_of(tx, product_id)
        })
    }

    /// Sets what the product shows on `platform` (the whole draft: `None` inherits).
    pub fn save_listing(
        &self,
        product_id: Id,
        platform: Platform,
        draft: &ListingDraft,
    ) -> Result<Listing> {
        let detail = self.product_detail(product_id)?;
        let cleaned = validate::listing(draft, &detail)?;
        self.write(|tx| {
            products::get_product(tx, product_id)?;
            // Only the product's own live photos, each once.
            let live = super::photos::live_photos(tx, product_id)?;
            let photos = cleaned.photos.as_ref().map(|chosen| {
                let mut kept: Vec<Id> = Vec::with_capacity(chosen.len());
                for id in chosen {
                    if live.iter().any(|p| p.id == *id) && !kept.contains(id) {
                        kept.push(*id);
                    }
                }
                to_json(&kept)
            });
            let now = Timestamp::now();
            tx.exec(
                "INSERT INTO listing (id, product_id, platform, title, description, category, attributes, prices,
                                      photos, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)
                 ON CONFLICT (product_id, platform) DO UPDATE SET
                     title = excluded.title, description = excluded.description, category = excluded.category,
                     attributes = excluded.attributes, prices = excluded.prices, photos = excluded.photos,
                     updated_at = excluded.updated_at",
                params![
                    Id::new(),
                    product_id,
                    platform.code(),
                    cleaned.title,
                    cleaned.description,
                    cleaned.category,
                    to_json(&cleaned.attributes),
                    to_json(&cleaned.prices),
                    photos,
                    now
                ],
            )?;
            products::touch(tx, product_id)?;
            listing_of(tx, product_id, platform)
        })
    }

    /// Everything the checks of the product's listings need, read at once.
    pub fn listing_context(&self, product_id: Id) -> Result<ListingContext> {
        self.read(|tx| context_of(tx, product_id))
    }

    /// The contexts of many products, read in one transaction (for batch checks).
    pub fn listing_contexts(&self, product_ids: &[Id]) -> Result<Vec<ListingContext>> {
        self.read(|tx| product_ids.iter().map(|id| context_of(tx, *id)).collect())
    }

    /// Adds a document backing the product's advertising claims.
    pub fn add_proof(&self, product_id: Id, draft: &ProofDraft) -> Result<Proof> {
        let cleaned = validate::proof(draft)?;
        self.write(|tx| {
            products::get_product(tx, product_id)?;
            let id = Id::new();
            let now = Timestamp::now();
            tx.exec(
                "INSERT INTO product_proof (id, product_id, kind, title, issuer, issued_on, valid_until, created_at,
                                            updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                params![
                    id,
                    product_id,
                    cleaned.kind.code(),
                    cleaned.title,
                    cleaned.issuer,
                    date_to_db(cleaned.issued_on),
                    date_to_db(cleaned.valid_until),
                    now
                ],
            )?;
            products::touch(tx, product_id)?;
            get_proof(tx, id)
        })
    }

    /// Takes a proof off the product (`restore_proof` puts it back).
    pub fn delete_proof(&self, id: Id) -> Result<()> {
        self.set_proof_deleted(id, Some(Timestamp::now()))
    }

    pub fn restore_proof(&self, id: Id) -> Result<()> {
        self.set_proof_deleted(id, None)
    }

    fn set_proof_deleted(&self, id: Id, at: Option<Timestamp>) -> Result<()> {
        self.write(|tx| {
            let proof = get_proof(tx, id)?;
            tx.exec(
                "UPDATE product_proof SET deleted_at = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, at, Timestamp::now()],
            )?;
            products::touch(tx, proof.product_id)
        })
    }

    /// Live products of `platform` whose readiness was not computed `today` since their
    /// last change.
    pub fn products_needing_readiness(&self, platform: Platform, today: Date) -> Result<Vec<Id>> {
        self.read(|tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT p.id FROM product p
                 LEFT JOIN listing_readiness r ON r.product_id = p.id AND r.platform = ?1
                 WHERE p.deleted_at IS NULL AND (r.checked_on IS NULL OR r.checked_on <> ?2)",
            )?;
            let rows = stmt.query_map(params![platform.code(), date_to_db(today)], |row| {
                row.get(0)
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<Id>>>()?)
        })
    }

    /// Records computed readiness, in one transaction. Each state is kept only if its
    /// product has not changed since it was read (`updated_at`): an edit made while the
    /// checks ran leaves the product to be checked again.
    pub fn store_readiness(
        &self,
        platform: Platform,
        today: Date,
        states: &[(Id, Timestamp, ReadinessState)],
    ) -> Result<()> {
        self.write(|tx| {
            for (product_id, read_at, state) in states {
                tx.exec(
                    "INSERT INTO listing_readiness (product_id, platform, state, checked_on)
                     SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM product WHERE id = ?1 AND updated_at = ?5)
                     ON CONFLICT (product_id, platform) DO UPDATE SET state = excluded.state,
                         checked_on = excluded.checked_on",
                    params![product_id, platform.code(), state.code(), date_to_db(today), read_at],
                )?;
            }
            Ok(())
        })
    }
}

fn context_of(tx: &Transaction<'_>, product_id: Id) -> Result<ListingContext> {
    Ok(ListingContext {
        detail: products::detail(tx, product_id)?,
        photos: super::photos::live_photos(tx, product_id)?,
        listings: listings_of(tx, product_id)?,
        proofs: proofs_of(tx, product_id)?,
    })
}

/// JSON text of a listing's map (maps of strings and numbers always serialise).
fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "{}".to_owned())
}

/// Any change to a product makes its computed readiness stale.
pub(super) fn forget_readiness(tx: &Transaction<'_>, product_id: Id) -> Result<()> {
    tx.exec(
        "DELETE FROM listing_readiness WHERE product_id = ?1",
        [product_id],
    )?;
    Ok(())
}

fn listings_of(tx: &Transaction<'_>, product_id: Id) -> Result<Vec<Listing>> {
    let sql = format!("SELECT {LISTING_COLUMNS} FROM listing WHERE product_id = ?1");
    let mut stmt = tx.prepare_cached(&sql)?;
    let stored = stmt
        .query_map([product_id], listing_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Platform::ALL
        .iter()
        .map(|platform| {
            stored
                .iter()
                .find(|l| l.platform == *platform)
                .cloned()
                .unwrap_or_else(|| unedited(product_id, *platform))
        })
        .collect())
}

/// A platform's listing before anything was set: everything inherited.
fn unedited(product_id: Id, platform: Platform) -> Listing {
    Listing {
        product_id,
        platform,
        draft: ListingDraft::default(),
        updated_at: None,
    }
}

fn listing_of(tx: &Transaction<'_>, product_id: Id, platform: Platform) -> Result<Listing> {
    let sql =
        format!("SELECT {LISTING_COLUMNS} FROM listing WHERE product_id = ?1 AND platform = ?2");
    let stored = tx
        .row(&sql, params![product_id, platform.code()], listing_from_row)
        .optional()?;
    Ok(stored.unwrap_or_else(|| unedited(product_id, platform)))
}

fn listing_from_row(row: &Row<'_>) -> rusqlite::Result<Listing> {
    let attributes: String = row.get(5)?;
    let prices: String = row.get(6)?;
    let photos: Option<String> = row.get(7)?;
    Ok(Listing {
        product_id: row.get(0)?,
        platform: code_column(row, 1, Platform::parse)?,
        draft: ListingDraft {
            title: row.get(2)?,
            description: row.get(3)?,
            category: row.get(4)?,
            attributes: serde_json::from_str(&attributes).unwrap_or_default(),
            prices: serde_json::from_str(&prices).unwrap_or_default(),
            photos: photos.and_then(|p| serde_json::from_str(&p).ok()),
        },
        updated_at: Some(row.get(8)?),
    })
}

const PROOF_COLUMNS: &str = "id, product_id, kind, title, issuer, issued_on, valid_until";

fn proofs_of(tx: &Transaction<'_>, product_id: Id) -> Result<Vec<Proof>> {
    let sql = format!(
        "SELECT {PROOF_COLUMNS} FROM product_proof WHERE product_id = ?1 AND deleted_at IS NULL ORDER BY valid_until DESC"
    );
    let mut stmt = tx.prepare_cached(&sql)?;
    let rows = stmt.query_map([product_id], proof_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn get_proof(tx: &Transaction<'_>, id: Id) -> Result<Proof> {
    let sql = format!("SELECT {PROOF_COLUMNS} FROM product_proof WHERE id = ?1");
    tx.row(&sql, [id], proof_from_row)
        .optional()?
        .ok_or_else(|| CatalogError::not_found(RecordKind::Proof, id))
}

fn proof_from_row(row: &Row<'_>) -> rusqlite::Result<Proof> {
    Ok(Proof {
        id: row.get(0)?,
        product_id: row.get(1)?,
        kind: code_column(row, 2, ProofKind::from_code)?,
        title: row.get(3)?,
        issuer: row.get(4)?,
        issued_on: super::certificates::date_column(row, 5)?,
        valid_until: super::certificates::date_column(row, 6)?,
    })
}
