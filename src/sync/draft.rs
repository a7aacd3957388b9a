//! What a product becomes on a shop, built from the catalog at send time (never when the
//! step was queued: the latest content wins), with a fingerprint of the content so an
//! edit that changed only prices or stock is sent without a new review.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::Date;

use crate::catalog::Catalog;
use crate::catalog::ids::Id;
use crate::catalog::listings::ListingContext;
use crate::catalog::shops::{Shop, ShopCategory};
use crate::i18n::I18n;
use crate::listings::check::Effective;
use crate::market::{Package, ProductDraft, RemoteAttribute, SkuDraft};
use crate::photos::spec::Rendition;
use crate::photos::store::PhotoStore;
use crate::rules::RuleSet;
use crate::text;

/// Why a product cannot be sent as it is (the user must act).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DraftProblem {
    /// The listing has no category, or the shop's tree has no match for it.
    NoCategory {
        key: Option<String>,
    },
    /// The platform requires attributes the catalog cannot fill.
    MissingAttributes {
        names: Vec<String>,
    },
    NoVariant,
    NoPhoto,
    /// A photo's file is missing or damaged.
    Photo {
        message: String,
    },
}

/// A product ready to send, its photos not uploaded yet.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub draft: ProductDraft,
    /// (rendition file name, path) of each photo, in order.
    pub photos: Vec<(String, PathBuf)>,
    /// What the platform will hold after this step, compared with the next edit.
    pub synced: Synced,
}

/// What was last sent: compared with the next edit (did content change, or only prices
/// and stock?) and with the platform's copy (did someone change it there?).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Synced {
    pub content: String,
    pub title: String,
    /// (seller SKU, price, stock).
    pub skus: Vec<(String, i64, u32)>,
}

/// Cuts millimetres up to whole centimetres (a parcel never measures less than it is).
fn centimetres(mm: Option<i64>) -> Option<u32> {
    mm.filter(|v| *v > 0)
        .and_then(|v| u32::try_from((v + 9) / 10).ok())
}

/// A value for a required attribute, from the listing's own attributes (by name) or
/// from the product's facts.
fn attribute_value(
    attribute: &RemoteAttribute,
    context: &ListingContext,
    listing_attributes: &std::collections::BTreeMap<String, String>,
) -> Option<String> {
    let name = text::fold(&attribute.name);
    if let Some((_, value)) = listing_attributes
        .iter()
        .find(|(key, _)| text::fold(key) == name || text::fold(key) == text::fold(&attribute.id))
    {
        return Some(value.clone());
    }
    let product = &context.detail.product.draft;
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    if has(&["xuat xu", "origin", "noi san xuat"]) {
        return product
            .origin
            .clone()
            .or_else(|| context.detail.cooperative.draft.province.clone())
            .filter(|v| !v.is_empty());
    }
    if has(&["thuong hieu", "brand"]) {
        return Some(context.detail.cooperative.draft.name.clone());
    }
    if has(&["han su dung", "shelf life", "bao quan"]) {
        return product.shelf_life.clone();
    }
    if has(&["thanh phan", "ingredient"]) {
        return product.ingredients.clone();
    }
    None
}

/// Builds the draft of `product_id` for `shop`.
pub fn prepare(
    catalog: &Catalog,
    shop: &Shop,
    publication_id: Id,
    product_id: Id,
    rules: &RuleSet,
    today: Date,
    i18n: &I18n,
) -> Result<Result<Prepared, DraftProblem>, crate::catalog::error::CatalogError> {
    let context = catalog.listing_context(product_id)?;
    let platform = shop.platform;
    let effective = Effective::of(&context, platform, rules, today, i18n);
    let listing = &context.listing(platform).draft;
    let Some(key) = effective.category.clone() else {
        return Ok(Err(DraftProblem::NoCategory { key: None }));
    };
    let pack_id = rules
        .platform(platform)
        .category(&key)
        .and_then(|c| c.platform_id.clone())
        .filter(|id| !id.is_empty());
    let shop_category: Option<ShopCategory> = catalog.shop_category(shop.id, &key)?;
    let category_id = match (shop_category.as_ref(), pack_id) {
        (Some(found), _) => found.remote_id.clone(),
        (None, Some(id)) => id,
        (None, None) => return Ok(Err(DraftProblem::NoCategory { key: Some(key) })),
    };
    let mut attributes: Vec<(String, String)> = Vec::new();
    let mut missing = Vec::new();
    for required in shop_category.iter().flat_map(|c| &c.required_attributes) {
        match attribute_value(required, &context, &listing.attributes) {
            Some(value) => attributes.push((required.id.clone(), value)),
            None => missing.push(required.name.clone()),
        }
    }
    if !missing.is_empty() {
        return Ok(Err(DraftProblem::MissingAttributes { names: missing }));
    }
    let variants: Vec<_> = context
        .detail
        .variants
        .iter()
        .filter(|v| v.deleted_at.is_none())
        .collect();
    let several = variants.len() > 1;
    let mut skus: Vec<SkuDraft> = variants
        .iter()
        .map(|v| SkuDraft {
            seller_sku: v.draft.sku.clone(),
            // A variant without a name is offered under its SKU, which is unique.
            option: several.then(|| {
                v.draft
                    .name
                    .clone()
                    .filter(|name| !name.trim().is_empty())
                    .unwrap_or_else(|| v.draft.sku.clone())
            }),
            price_vnd: listing
                .prices
                .get(&v.id)
                .copied()
                .unwrap_or(v.draft.price_vnd),
            stock: u32::try_from(v.draft.stock.max(0)).unwrap_or(u32::MAX),
        })
        .collect();
    distinguish_options(&mut skus);
    if skus.is_empty() {
        return Ok(Err(DraftProblem::NoVariant));
    }
    let photos = context.listing_photos(platform);
    if photos.is_empty() {
        return Ok(Err(DraftProblem::NoPhoto));
    }
    let store = PhotoStore::at(catalog.data_dir());
    let owned: Vec<_> = photos.iter().map(|p| (*p).clone()).collect();
    let mut files = Vec::new();
    for (photo, made) in owned
        .iter()
        .zip(crate::photos::import::variants(&store, &owned, platform))
    {
        match made {
            Ok(path) => files.push((
                Rendition::Variant(platform, photo.fit).file_name(&photo.file.sha256),
                path,
            )),
            // A full disk is not this product's fault: the run stops, the step stays
            // queued, and it goes once there is room again.
            Err(crate::photos::PhotoError::Storage {
                disk_full: true, ..
            }) => {
                return Err(crate::catalog::error::CatalogError::DiskFull {
                    path: catalog.data_dir().to_path_buf(),
                });
            }
            Err(error) => {
                return Ok(Err(DraftProblem::Photo {
                    message: crate::i18n::Localize::localize(&error, i18n),
                }));
            }
        }
    }
    let package = context.detail.product.draft.package;
    let draft = ProductDraft {
        title: effective.title.clone(),
        description: effective.description.clone(),
        category_id,
        images: Vec::new(),
        skus: skus.clone(),
        package: Package {
            weight_grams: package
                .weight_g
                .and_then(|g| u32::try_from(g).ok())
                .unwrap_or(0),
            length_cm: centimetres(package.length_mm),
            width_cm: centimetres(package.width_mm),
            height_cm: centimetres(package.height_mm),
        },
        attributes,
        idempotency_key: format!("chophien-{publication_id}"),
    };
    let content = fingerprint(&draft, &files);
    Ok(Ok(Prepared {
        synced: Synced {
            content,
            title: draft.title.clone(),
            skus: skus
                .iter()
                .map(|s| (s.seller_sku.clone(), s.price_vnd, s.stock))
                .collect(),
        },
        draft,
        photos: files,
    }))
}

/// A hash of everything but prices and stock.
fn fingerprint(draft: &ProductDraft, photos: &[(String, PathBuf)]) -> String {
    let mut hash = Sha256::new();
    for part in [&draft.title, &draft.description, &draft.category_id] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    for (id, value) in &draft.attributes {
        hash.update(id.as_bytes());
        hash.update([1]);
        hash.update(value.as_bytes());
        hash.update([0]);
    }
    for (name, _) in photos {
        hash.update(name.as_bytes());
        hash.update([0]);
    }
    for sku in &draft.skus {
        hash.update(sku.seller_sku.as_bytes());
        hash.update([0]);
    }
    hash.update(format!("{:?}", draft.package).as_bytes());
    hex::encode(hash.finalize())
}

/// Two variants named alike would be one choice for the shopper, and the platforms refuse
/// that: each such option takes its SKU in brackets.
fn distinguish_options(skus: &mut [SkuDraft]) {
    let names: Vec<Option<String>> = skus.iter().map(|s| s.option.clone()).collect();
    for sku in skus.iter_mut() {
        let shared = sku
            .option
            .as_ref()
            .is_some_and(|o| names.iter().flatten().filter(|n| *n == o).count() > 1);
        if shared {
            if let Some(option) = &mut sku.option {
                *option = format!("{option} ({})", sku.seller_sku);
            }
        }
    }
}
