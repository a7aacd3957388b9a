//! Shopee as the practice marketplace plays it: every parameter in the query, the sign
//! over partner id + path + timestamp (+ token + shop id), the body unsigned, and
//! `{error, message, response}` with HTTP 200 (docs/practice-marketplace.md).

use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::Shared;
use super::categories::{self, ATTRIBUTES};
use super::products::{self, Refusal};
use super::store::Product;
use super::wire::{Host, Incoming, Market, json as json_answer, random_hex};
use crate::market::sign::{self, ShopeeScope};

const ACCESS_S: f64 = 4.0 * 3600.0;
const REFRESH_S: f64 = 30.0 * 86_400.0;
/// Public calls: signed without token and shop.
const PUBLIC: [&str; 3] = [
    "/api/v2/auth/token/get",
    "/api/v2/auth/access_token/get",
    "/api/v2/media_space/upload_image",
];

fn ok(response: Value) -> Response {
    json_answer(
        StatusCode::OK,
        &json!({"request_id": random_hex(10), "error": "", "message": "", "warning": "", "response": response}),
    )
}

fn error(error: &str, message: &str) -> Response {
    json_answer(
        StatusCode::OK,
        &json!({"request_id": random_hex(10), "error": error, "message": message}),
    )
}

pub(crate) fn rate_limited() -> Response {
    error("error_rate_limit", "Too many requests.")
}

pub(crate) fn expired() -> Response {
    error("error_auth", "Invalid access_token.")
}

fn refused(refusal: &Refusal) -> Response {
    match refusal {
        Refusal::TitleLength => error(
            "error_name_length_limit",
            "item_name length must be 10-120 characters.",
        ),
        Refusal::NotLeaf => error(
            "error_invalid_category",
            "category_id is not a leaf category.",
        ),
        Refusal::RequiredAttribute(name) => error(
            "error_less_required_attribute",
            &format!("Mandatory attribute {name} is missing."),
        ),
        Refusal::NoImage | Refusal::UnknownImage => {
            error("error_image_num_min", "image_id_list is empty or unknown.")
        }
        Refusal::DuplicateSku(sku) => error(
            "error_item_sku_duplicate",
            &format!("item_sku {sku} already exists."),
        ),
        Refusal::Variation => error(
            "error_param",
            "tier_variation: every model needs an option of its own.",
        ),
        Refusal::DailyCap => error("error_limit", "Daily quota reached."),
        Refusal::NotFound => error("error_item_not_found", "Item not found."),
    }
}

fn token_answer(shared: &Shared, shop_key: &str, partner_id: &str) -> Response {
    let scale = shared.token_scale;
    match shared.store.issue_tokens(
        Market::Shopee,
        shop_key,
        (ACCESS_S * scale) as i64,
        (REFRESH_S * scale) as i64,
    ) {
        Ok((access, access_at, refresh, _)) => json_answer(
            StatusCode::OK,
            &json!({"request_id": random_hex(10), "error": "", "message": "", "access_token": access,
                    "refresh_token": refresh, "expire_in": access_at - time::OffsetDateTime::now_utc().unix_timestamp(),
                    "shop_id": shop_key.parse::<u64>().unwrap_or_default(), "partner_id": partner_id.parse::<u64>().unwrap_or_default()}),
        ),
        Err(_) => error("error_server", "Internal error."),
    }
}

/// Checks partner id, timestamp, signature and (shop calls) token and shop id.
fn verify(
    shared: &Shared,
    path: &str,
    request: &Incoming,
) -> Result<(String, String), Box<Response>> {
    let partner_id = request.param("partner_id").unwrap_or_default();
    let Ok(Some((shop_key, partner_key, _))) = shared.store.shop_by_app(Market::Shopee, partner_id)
    else {
        return Err(Box::new(error("error_param", "Invalid partner_id.")));
    };
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let Some(timestamp) = request
        .param("timestamp")
        .and_then(|t| t.parse::<i64>().ok())
    else {
        return Err(Box::new(error("error_param", "Timestamp is expired.")));
    };
    if (now - timestamp).abs() > 300 {
        return Err(Box::new(error("error_param", "Timestamp is expired.")));
    }
    let partner: u64 = partner_id.parse().unwrap_or_default();
    let public = PUBLIC.contains(&path);
    let scope_token = request.param("access_token").unwrap_or_default().to_owned();
    let shop_id: u64 = match request.param("shop_id") {
        Some(id) => id.parse().unwrap_or_default(),
        None if public => 0,
        None => {
            return Err(Box::new(error(
                "error_param",
                "There is no shop_id in query.",
            )));
        }
    };
    let scope = if public {
        ShopeeScope::Public
    } else {
        ShopeeScope::Shop {
            access_token: &scope_token,
            shop_id,
        }
    };
    if request.param("sign")
        != Some(sign::shopee(&partner_key, partner, path, timestamp, scope).as_str())
    {
        return Err(Box::new(error("error_sign", "Wrong sign.")));
    }
    if !public {
        if shop_id.to_string() != shop_key {
            return Err(Box::new(error("error_param", "Invalid shop_id.")));
        }
        match shared
            .store
            .token_shop(Market::Shopee, "access", &scope_token)
        {
            Ok(Ok(shop)) if shop == shop_key => {}
            _ => return Err(Box::new(expired())),
        }
        if !shared
            .store
            .count_within(
                &format!("shopee:{partner_id}:calls"),
                shared.daily_caps.shopee_calls,
            )
            .unwrap_or(false)
        {
            return Err(Box::new(error("error_limit", "Daily quota reached.")));
        }
    }
    if !shared
        .limits
        .allow(Market::Shopee, &format!("{partner_id}:{shop_key}:{path}"))
    {
        return Err(Box::new(rate_limited()));
    }
    Ok((shop_key, partner_id.to_owned()))
}

fn neutral(request: &Value) -> Value {
    let mut attributes = serde_json::Map::new();
    for attribute in request["attribute_list"].as_array().into_iter().flatten() {
        let id = attribute["attribute_id"].as_i64().map(|i| i.to_string());
        let value = attribute["attribute_value_list"][0]["original_value_name"].as_str();
        if let (Some(id), Some(value)) = (id, value) {
            attributes.insert(id, json!(value));
        }
    }
    json!({
        "title": request["item_name"], "description": request["description"],
        "category_id": request["category_id"].as_i64().map(|c| c.to_string()),
        "images": request["image"]["image_id_list"],
        "attributes": attributes,
        "skus": [{"seller_sku": request["item_sku"], "price": request["original_price"].as_f64().map(|p| p.round() as i64),
                  "stock": request["seller_stock"].as_array().into_iter().flatten().filter_map(|s| s["stock"].as_i64()).sum::<i64>()}],
    })
}

fn has_model(product: &Product) -> bool {
    product.body["variation"].is_array()
}

/// The neutral SKUs of an `init_tier_variation` request, or what is wrong with it.
fn models_of(request: &Value) -> Result<Vec<Value>, &'static str> {
    let tiers = request["tier_variation"]
        .as_array()
        .filter(|t| (1..=2).contains(&t.len()))
        .ok_or("tier_variation: one or two tiers are required.")?;
    let options: Vec<Vec<&str>> = tiers
        .iter()
        .map(|t| {
            t["option_list"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|o| o["option"].as_str())
                .collect()
        })
        .collect();
    let models = request["model"]
        .as_array()
        .filter(|m| !m.is_empty())
        .ok_or("model: at least one model is required.")?;
    models
        .iter()
        .map(|m| {
            let index: Vec<usize> = m["tier_index"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|i| i.as_u64().and_then(|i| usize::try_from(i).ok()))
                .collect();
            if index.len() != tiers.len() {
                return Err("model: tier_index must name one option of every tier.");
            }
            let names = index
                .iter()
                .zip(&options)
                .map(|(i, list)| list.get(*i).copied())
                .collect::<Option<Vec<&str>>>()
                .ok_or("model: tier_index is out of range.")?;
            Ok(json!({
                "seller_sku": m["model_sku"], "option": names.join(", "), "tier_index": index,
                "price": m["original_price"].as_f64().map(|p| p.round() as i64),
                "stock": m["seller_stock"].as_array().into_iter().flatten().filter_map(|s| s["stock"].as_i64()).sum::<i64>(),
            }))
        })
        .collect()
}

fn model_list(product: &Product) -> Vec<Value> {
    product.body["skus"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            json!({"model_id": s["id"].as_str().and_then(|i| i.parse::<i64>().ok()),
            "model_sku": s["seller_sku"], "tier_index": s["tier_index"],
            "price_info": [{"original_price": s["price"], "current_price": s["price"]}],
            "stock_info_v2": {"seller_stock": [{"stock": s["stock"]}]}})
        })
        .collect()
}

fn item_status(product: &Product) -> &'static str {
    match product.status.as_str() {
        "live" => "NORMAL",
        "rejected" => "BANNED",
        "inactive" => "UNLIST",
        _ => "REVIEWING",
    }
}

fn ids(request: &Incoming) -> Vec<String> {
    request
        .param("item_id_list")
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

pub(crate) async fn handle(
    shared: &Shared,
    _host: Host,
    path: &str,
    request: &Incoming,
) -> Response {
    let (shop_key, partner_id) = match verify(shared, path, request) {
        Ok(found) => found,
        Err(refusal) => return *refusal,
    };
    let body = request.json().unwrap_or(Value::Null);
    match (request.method.clone(), path) {
        (Method::POST, "/api/v2/auth/token/get") => match shared
            .store
            .take_code(Market::Shopee, body["code"].as_str().unwrap_or_default())
        {
            Ok(Some(shop)) if shop == shop_key => token_answer(shared, &shop_key, &partner_id),
            _ => error("error_auth", "Invalid code."),
        },
        (Method::POST, "/api/v2/auth/access_token/get") => {
            let refresh = body["refresh_token"].as_str().unwrap_or_default();
            match shared.store.token_shop(Market::Shopee, "refresh", refresh) {
                Ok(Ok(shop)) if shop == shop_key => {
                    // Single use: the old refresh token dies; the old access token has 5 minutes.
                    let _ = shared
                        .store
                        .retire_refresh(Market::Shopee, refresh, &shop_key, 300);
                    token_answer(shared, &shop_key, &partner_id)
                }
                _ => error("error_auth", "Invalid refresh_token."),
            }
        }
        (Method::POST, "/api/v2/media_space/upload_image") => {
            match request.multipart_file("image").await {
                Some(bytes) if !bytes.is_empty() => {
                    let sha = crate::photos::store::sha256_hex(&bytes);
                    match shared
                        .store
                        .add_image(Market::Shopee, &shop_key, &sha, bytes.len())
                    {
                        Ok(id) => {
                            shared.count_upload(Market::Shopee);
                            ok(json!({"image_info": {"image_id": id, "image_url_list": [
                            {"image_url_region": "VN", "image_url": format!("https://down-vn.img.susercontent.com/file/{id}")}]}}))
                        }
                        Err(_) => error("error_server", "Internal error."),
                    }
                }
                _ => error("error_param", "image is required."),
            }
        }
        (Method::GET, "/api/v2/product/get_category") => ok(
            json!({"category_list": categories::tree(Market::Shopee).iter().map(|n| json!({
            "category_id": n.id.parse::<i64>().unwrap_or_default(),
            "parent_category_id": n.parent.as_deref().and_then(|p| p.parse::<i64>().ok()).unwrap_or(0),
            "original_category_name": n.name, "display_category_name": n.name, "has_children": !n.leaf})).collect::<Vec<_>>()}),
        ),
        (Method::GET, "/api/v2/product/get_attributes") => ok(
            json!({"attribute_list": ATTRIBUTES.iter().map(|(id, name, required)| json!({
            "attribute_id": id.parse::<i64>().unwrap_or_default(), "original_attribute_name": name,
            "display_attribute_name": name, "is_mandatory": required, "input_type": "TEXT_FILED"})).collect::<Vec<_>>()}),
        ),
        (Method::GET, "/api/v2/logistics/get_channel_list") => {
            ok(json!({"logistics_channel_list": [
            {"logistics_channel_id": 50011, "logistics_channel_name": "Giao Hàng Tiết Kiệm", "enabled": true, "mask_channel_id": 0},
            {"logistics_channel_id": 50018, "logistics_channel_name": "J&T Express", "enabled": true, "mask_channel_id": 0}]}))
        }
        (Method::POST, "/api/v2/product/add_item") => {
            if body["logistic_info"]
                .as_array()
                .is_none_or(|l| l.is_empty())
            {
                return error("error_invalid_logistic_info", "logistic_info is required.");
            }
            match products::create(
                shared,
                Market::Shopee,
                &shop_key,
                neutral(&body),
                None,
                None,
            ) {
                Ok(product) => ok(
                    json!({"item_id": product.id.parse::<i64>().unwrap_or_default(), "item_name": product.body["title"]}),
                ),
                Err(refusal) => refused(&refusal),
            }
        }
        (Method::POST, "/api/v2/product/update_item") => {
            let id = body["item_id"].as_i64().unwrap_or_default().to_string();
            let mut next = neutral(&body);
            if let Ok(current) = products::read(shared, Market::Shopee, &shop_key, &id) {
                if has_model(&current) {
                    // Models keep their own prices and stock.
                    next["skus"] = current.body["skus"].clone();
                    next["variation"] = current.body["variation"].clone();
                }
            }
            match products::replace(shared, Market::Shopee, &shop_key, &id, next) {
                Ok(product) => {
                    ok(json!({"item_id": product.id.parse::<i64>().unwrap_or_default()}))
                }
                Err(refusal) => refused(&refusal),
            }
        }
        (Method::POST, "/api/v2/product/unlist_item") => {
            for item in body["item_list"].as_array().into_iter().flatten() {
                let id = item["item_id"].as_i64().unwrap_or_default().to_string();
                if let Err(refusal) = products::deactivate(shared, Market::Shopee, &shop_key, &id) {
                    return refused(&refusal);
                }
            }
            ok(json!({"success_list": body["item_list"], "failure_list": []}))
        }
        (Method::GET, "/api/v2/product/get_item_base_info") => {
            let items: Vec<Value> = ids(request)
                .iter()
                .filter_map(|id| products::read(shared, Market::Shopee, &shop_key, id).ok())
                .map(|p| {
                    let sku = &p.body["skus"][0];
                    let mut item = json!({"item_id": p.id.parse::<i64>().unwrap_or_default(), "item_status": item_status(&p),
                           "item_name": p.body["title"], "item_sku": sku["seller_sku"], "has_model": has_model(&p),
                           "update_time": time::OffsetDateTime::now_utc().unix_timestamp()});
                    if !has_model(&p) {
                        // Like Shopee, an item with models has its prices on them.
                        item["price_info"] = json!([{"original_price": sku["price"], "current_price": sku["price"]}]);
                        item["stock_info_v2"] = json!({"seller_stock": [{"stock": sku["stock"]}]});
                    }
                    item
                })
                .collect();
            ok(json!({"item_list": items}))
        }
        (Method::POST, "/api/v2/product/init_tier_variation") => {
            let id = body["item_id"].as_i64().unwrap_or_default().to_string();
            let current = match products::read(shared, Market::Shopee, &shop_key, &id) {
                Ok(product) => product,
                Err(refusal) => return refused(&refusal),
            };
            if has_model(&current) {
                return error(
                    "error_param",
                    "tier_variation is already initialised for this item.",
                );
            }
            match models_of(&body) {
                Ok(skus) => match products::set_variations(
                    shared,
                    Market::Shopee,
                    &shop_key,
                    &id,
                    body["tier_variation"].clone(),
                    skus,
                ) {
                    Ok(product) => ok(
                        json!({"item_id": body["item_id"], "tier_variation": body["tier_variation"],
                                             "model": model_list(&product)}),
                    ),
                    Err(refusal) => refused(&refusal),
                },
                Err(message) => error("error_param", message),
            }
        }
        (Method::GET, "/api/v2/product/get_model_list") => {
            let id = request.param("item_id").unwrap_or_default().to_owned();
            match products::read(shared, Market::Shopee, &shop_key, &id) {
                Ok(product) if has_model(&product) => ok(json!({
                    "tier_variation": product.body["variation"], "model": model_list(&product)})),
                Ok(_) => ok(json!({"tier_variation": [], "model": []})),
                Err(refusal) => refused(&refusal),
            }
        }
        (Method::GET, "/api/v2/product/get_item_violation_info") => {
            let items: Vec<Value> = ids(request)
                .iter()
                .filter_map(|id| products::read(shared, Market::Shopee, &shop_key, id).ok())
                .map(|p| json!({"item_id": p.id.parse::<i64>().unwrap_or_default(),
                    "violation_list": p.reasons.as_array().into_iter().flatten().map(|r| json!({
                        "violation_type": "PROHIBITED_LISTING", "violation_reason": r["reason"], "suggestion": r["suggestion"]})).collect::<Vec<_>>()}))
                .collect();
            ok(json!({"item_list": items}))
        }
        (Method::POST, "/api/v2/product/update_price" | "/api/v2/product/update_stock") => {
            let id = body["item_id"].as_i64().unwrap_or_default().to_string();
            let product = match products::read(shared, Market::Shopee, &shop_key, &id) {
                Ok(product) => product,
                Err(refusal) => return refused(&refusal),
            };
            let entries = body["price_list"]
                .as_array()
                .or_else(|| body["stock_list"].as_array())
                .cloned()
                .unwrap_or_default();
            let (mut done, mut failed) = (Vec::new(), Vec::new());
            for entry in &entries {
                let model_id = entry["model_id"].as_i64().unwrap_or_default();
                if (model_id == 0) == has_model(&product) {
                    failed.push(json!({"model_id": model_id, "failed_reason": if model_id == 0 {
                        "This item has models: give each model's model_id." } else { "Invalid model_id." }}));
                    continue;
                }
                let price = entry["original_price"].as_f64().map(|p| p.round() as i64);
                let stock = entry["seller_stock"][0]["stock"].as_i64();
                let wanted = model_id.to_string();
                let matches =
                    |sku: &Value| model_id == 0 || sku["id"].as_str() == Some(wanted.as_str());
                match products::set_sku(
                    shared,
                    Market::Shopee,
                    &shop_key,
                    &id,
                    matches,
                    price,
                    stock,
                ) {
                    Ok(()) => done.push(json!({"model_id": model_id})),
                    Err(Refusal::NotFound) => failed
                        .push(json!({"model_id": model_id, "failed_reason": "Invalid model_id."})),
                    Err(refusal) => return refused(&refusal),
                }
            }
            ok(json!({"success_list": done, "failure_list": failed}))
        }
        (Method::GET, "/api/v2/product/search_item") => {
            let sku = request.param("item_sku").unwrap_or_default().to_owned();
            let found = products::with_skus(shared, Market::Shopee, &shop_key, &[sku]);
            ok(
                json!({"item_id_list": found.iter().map(|p| p.id.parse::<i64>().unwrap_or_default()).collect::<Vec<_>>(), "total_count": found.len()}),
            )
        }
        _ => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}
