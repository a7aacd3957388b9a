//! What a person asks of the sync: put products in the queue of a shop (only those whose
//! listing passes its checks), take one off a shop, settle a conflict, send a failed one
//! again.

use serde::Serialize;
use serde_json::json;
use time::Date;

use super::draft::Synced;
use crate::catalog::Catalog;
use crate::catalog::error::CatalogError;
use crate::catalog::ids::Id;
use crate::catalog::shops::Shop;
use crate::catalog::sync::Publication;
use crate::i18n::I18n;
use crate::listings::check::{Effective, check};
use crate::rules::RuleSet;

/// A product left out of the queue, with the findings that block it.
#[derive(Debug, Clone, Serialize)]
pub struct NotReady {
    pub product_id: Id,
    pub name: String,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Queued {
    pub queued: Vec<Publication>,
    pub not_ready: Vec<NotReady>,
}

/// Queues each product whose listing on the shop's platform passes its checks; the
/// others are returned with their reasons.
pub fn queue(
    catalog: &Catalog,
    shop: &Shop,
    products: &[Id],
    rules: &RuleSet,
    today: Date,
    i18n: &I18n,
) -> Result<Queued, CatalogError> {
    let mut result = Queued::default();
    for context in catalog.listing_contexts(products)? {
        let readiness = check(&context, shop.platform, rules, today, i18n);
        let product = &context.detail.product;
        let blocking: Vec<String> = readiness
            .findings
            .iter()
            .filter(|f| f.severity == crate::rules::Severity::Block)
            .map(|f| f.message.clone())
            .collect();
        if blocking.is_empty() {
            result
                .queued
                .push(catalog.queue_publication(shop.id, product.id)?);
        } else {
            result.not_ready.push(NotReady {
                product_id: product.id,
                name: product.draft.name.clone(),
                reasons: blocking,
            });
        }
    }
    Ok(result)
}

/// Takes `product_id` off `shop`, and says what will happen in the user's words: it left
/// the queue, or it will be taken down at the next sync, or it was never there.
pub fn withdraw(
    catalog: &Catalog,
    shop: &Shop,
    product_id: Id,
    i18n: &I18n,
) -> Result<String, CatalogError> {
    let name = catalog.product(product_id)?.draft.name;
    let id = match catalog.publication_on(shop.id, product_id)? {
        Some(p) if p.state != crate::catalog::sync::PublicationState::Withdrawn => p.id,
        _ => {
            return Ok(i18n.tr_args(
                "sync-withdraw-not-there",
                crate::args!["name" => name, "shop" => &shop.name],
            ));
        }
    };
    let message = if catalog.withdraw_publication(id)? {
        "sync-withdraw-queued"
    } else {
        "sync-withdraw-dropped"
    };
    Ok(i18n.tr_args(message, crate::args!["name" => name, "shop" => &shop.name]))
}

/// Settles a conflict. Taking the platform's copy writes its title and prices into the
/// product's listing for that platform, then records them as what was last sent.
pub fn resolve(
    catalog: &Catalog,
    publication_id: Id,
    keep_local: bool,
    rules: &RuleSet,
    today: Date,
    i18n: &I18n,
) -> Result<(), CatalogError> {
    if keep_local {
        return catalog.resolve_conflict(publication_id, true, None);
    }
    let publication = catalog.publication(publication_id)?;
    let shop = catalog.shop(publication.shop_id)?;
    let Some(copy) = publication.remote_copy.clone() else {
        return catalog.resolve_conflict(publication_id, false, None);
    };
    let context = catalog.listing_context(publication.product_id)?;
    let mut draft = context.listing(shop.platform).draft.clone();
    let effective = Effective::of(&context, shop.platform, rules, today, i18n);
    let remote_title = copy["title"].as_str().map(str::to_owned);
    if let Some(title) = &remote_title {
        if *title != effective.title {
            draft.title = Some(title.clone());
        }
    }
    let mut skus = Vec::new();
    for sku in copy["skus"].as_array().into_iter().flatten() {
        let (Some(seller_sku), Some(price)) = (sku["seller_sku"].as_str(), sku["price"].as_i64())
        else {
            continue;
        };
        if let Some(variant) = context
            .detail
            .variants
            .iter()
            .find(|v| v.draft.sku == seller_sku)
        {
            draft.prices.insert(variant.id, price);
        }
        let stock = sku["stock"]
            .as_u64()
            .and_then(|s| u32::try_from(s).ok())
            .unwrap_or(0);
        skus.push((seller_sku.to_owned(), price, stock));
    }
    catalog.save_listing(publication.product_id, shop.platform, &draft)?;
    let last: Option<Synced> = publication
        .synced
        .clone()
        .and_then(|s| serde_json::from_value(s).ok());
    let synced = Synced {
        content: last.map(|l| l.content).unwrap_or_default(),
        title: remote_title.unwrap_or(effective.title),
        skus,
    };
    catalog.resolve_conflict(publication_id, false, Some(&json!(synced)))
}
