//! What every platform does to products, in neutral terms: checks at creation, review
//! on read, price and stock, search by seller SKU, take-down. Each platform's module
//! turns requests into these and refusals into its own error answers.

use serde_json::{Value, json};

use super::Shared;
use super::categories::{self, ATTRIBUTES};
use super::store::Product;
use super::wire::Market;

/// Why a product is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    TitleLength,
    NotLeaf,
    RequiredAttribute(String),
    NoImage,
    UnknownImage,
    DuplicateSku(String),
    /// Several SKUs without an option each, or two with the same option.
    Variation,
    DailyCap,
    NotFound,
}

/// The neutral body: title, description, category_id, images, attributes {id: value},
/// skus [{id, seller_sku, price, stock}].
pub(crate) fn check(
    shared: &Shared,
    market: Market,
    shop_key: &str,
    body: &Value,
    editing: Option<&str>,
) -> Result<(), Refusal> {
    let title = body["title"].as_str().unwrap_or_default();
    let length = title.chars().count();
    let (min, max) = match market {
        Market::Tiktok => (25, 255),
        Market::Shopee => (10, 120),
        Market::Lazada => (1, 255),
    };
    if length < min || length > max {
        return Err(Refusal::TitleLength);
    }
    if !categories::is_leaf(market, body["category_id"].as_str().unwrap_or_default()) {
        return Err(Refusal::NotLeaf);
    }
    for (id, name, required) in ATTRIBUTES {
        let given = body["attributes"][id]
            .as_str()
            .is_some_and(|v| !v.trim().is_empty());
        if required && !given {
            return Err(Refusal::RequiredAttribute(name.to_owned()));
        }
    }
    let images = body["images"].as_array().cloned().unwrap_or_default();
    if images.is_empty() {
        return Err(Refusal::NoImage);
    }
    for image in &images {
        let known = image.as_str().is_some_and(|id| {
            shared
                .store
                .has_image(market, shop_key, id)
                .unwrap_or(false)
        });
        if !known {
            return Err(Refusal::UnknownImage);
        }
    }
    let skus = body["skus"].as_array().cloned().unwrap_or_default();
    if skus.len() > 1 && !options_distinct(&skus) {
        return Err(Refusal::Variation);
    }
    for sku in &skus {
        let seller_sku = sku["seller_sku"].as_str().unwrap_or_default();
        if let Ok(Some(other)) = shared.store.product_with_sku(market, shop_key, seller_sku) {
            if Some(other.id.as_str()) != editing {
                return Err(Refusal::DuplicateSku(seller_sku.to_owned()));
            }
        }
    }
    Ok(())
}

/// Whether every SKU has an option of its own for the shopper to choose.
fn options_distinct(skus: &[Value]) -> bool {
    let options: Vec<&str> = skus
        .iter()
        .filter_map(|s| s["option"].as_str())
        .filter(|o| !o.trim().is_empty())
        .collect();
    let mut unique = options.clone();
    unique.sort_unstable();
    unique.dedup();
    options.len() == skus.len() && unique.len() == skus.len()
}

/// Replaces a product's single SKU by its variations (Shopee's `init_tier_variation`):
/// `skus` are neutral SKUs with their options.
pub(crate) fn set_variations(
    shared: &Shared,
    market: Market,
    shop_key: &str,
    id: &str,
    variation: Value,
    skus: Vec<Value>,
) -> Result<Product, Refusal> {
    let mut product = read(shared, market, shop_key, id)?;
    if !options_distinct(&skus) {
        return Err(Refusal::Variation);
    }
    for sku in &skus {
        let seller_sku = sku["seller_sku"].as_str().unwrap_or_default();
        if let Ok(Some(other)) = shared.store.product_with_sku(market, shop_key, seller_sku) {
            if other.id != id {
                return Err(Refusal::DuplicateSku(seller_sku.to_owned()));
            }
        }
    }
    product.body["variation"] = variation;
    product.body["skus"] = Value::Array(skus);
    product.body = with_sku_ids(product.body, id);
    shared
        .store
        .save(market, &product)
        .map_err(|_| Refusal::NotFound)?;
    Ok(product)
}

/// Gives each SKU an id.
fn with_sku_ids(mut body: Value, product_id: &str) -> Value {
    if let Some(skus) = body["skus"].as_array_mut() {
        for (index, sku) in skus.iter_mut().enumerate() {
            sku["id"] = json!(format!("{product_id}{index:02}"));
        }
    }
    body
}

/// Creates (or, with a known idempotency key, finds) a product: its id and SKUs.
pub(crate) fn create(
    shared: &Shared,
    market: Market,
    shop_key: &str,
    body: Value,
    key: Option<&str>,
    daily_cap: Option<u64>,
) -> Result<Product, Refusal> {
    if let Some(key) = key {
        if let Ok(Some(id)) = shared.store.repeat_of(market, shop_key, key) {
            // The same request again: answered as the first time, nothing made.
            return read(shared, market, shop_key, &id);
        }
    }
    check(shared, market, shop_key, &body, None)?;
    if let Some(cap) = daily_cap {
        let name = format!("{}:{shop_key}:creations", market.code());
        if !shared.store.count_within(&name, cap).unwrap_or(false) {
            return Err(Refusal::DailyCap);
        }
    }
    let review_at = shared.review().review_at();
    let id = shared
        .store
        .create(market, shop_key, key, &body, review_at)
        .map_err(|_| Refusal::NotFound)?;
    let product = Product {
        shop_key: shop_key.to_owned(),
        id: id.clone(),
        body: with_sku_ids(body, &id),
        status: "pending".into(),
        reasons: json!([]),
        review_at,
    };
    shared
        .store
        .save(market, &product)
        .map_err(|_| Refusal::NotFound)?;
    Ok(product)
}

/// Reads a product, ending its review if its time has come.
pub(crate) fn read(
    shared: &Shared,
    market: Market,
    shop_key: &str,
    id: &str,
) -> Result<Product, Refusal> {
    let mut product = shared
        .store
        .product(market, shop_key, id)
        .ok()
        .flatten()
        .ok_or(Refusal::NotFound)?;
    if shared.review().settle(&mut product) {
        let _ = shared.store.save(market, &product);
    }
    Ok(product)
}

/// Replaces a product's content: it goes back under review.
pub(crate) fn replace(
    shared: &Shared,
    market: Market,
    shop_key: &str,
    id: &str,
    body: Value,
) -> Result<Product, Refusal> {
    let mut product = read(shared, market, shop_key, id)?;
    check(shared, market, shop_key, &body, Some(id))?;
    product.body = with_sku_ids(body, id);
    product.status = "pending".into();
    product.reasons = json!([]);
    product.review_at = shared.review().review_at();
    shared
        .store
        .save(market, &product)
        .map_err(|_| Refusal::NotFound)?;
    Ok(product)
}

/// Sets price and/or stock of the SKU matched by `matches`.
pub(crate) fn set_sku(
    shared: &Shared,
    market: Market,
    shop_key: &str,
    id: &str,
    matches: impl Fn(&Value) -> bool,
    price: Option<i64>,
    stock: Option<i64>,
) -> Result<(), Refusal> {
    let mut product = read(shared, market, shop_key, id)?;
    let mut found = false;
    for sku in product.body["skus"].as_array_mut().into_iter().flatten() {
        if matches(sku) {
            found = true;
            if let Some(price) = price {
                sku["price"] = json!(price);
            }
            if let Some(stock) = stock {
                sku["stock"] = json!(stock);
            }
        }
    }
    if !found {
        return Err(Refusal::NotFound);
    }
    shared
        .store
        .save(market, &product)
        .map_err(|_| Refusal::NotFound)
}

pub(crate) fn deactivate(
    shared: &Shared,
    market: Market,
    shop_key: &str,
    id: &str,
) -> Result<(), Refusal> {
    let mut product = read(shared, market, shop_key, id)?;
    product.status = "inactive".into();
    shared
        .store
        .save(market, &product)
        .map_err(|_| Refusal::NotFound)
}

/// Products of the shop holding one of `skus`, reviews settled.
pub(crate) fn with_skus(
    shared: &Shared,
    market: Market,
    shop_key: &str,
    skus: &[String],
) -> Vec<Product> {
    shared
        .store
        .products(Some(market))
        .unwrap_or_default()
        .into_iter()
        .map(|(_, p, _)| p)
        .filter(|p| p.shop_key == shop_key)
        .filter(|p| {
            p.body["skus"].as_array().into_iter().flatten().any(|s| {
                skus.iter()
                    .any(|wanted| s["seller_sku"].as_str() == Some(wanted.as_str()))
            })
        })
        .filter_map(|p| read(shared, market, shop_key, &p.id).ok())
        .collect()
}
