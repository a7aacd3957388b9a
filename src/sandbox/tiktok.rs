//! TikTok Shop as the practice marketplace plays it (docs/practice-marketplace.md):
//! `{code, message, request_id, data}`, signatures over path, sorted query and body,
//! timestamps in [now − 300 s, now + 30 s], the token in `x-tts-access-token`.

use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::Shared;
use super::categories::{self, ATTRIBUTES};
use super::products::{self, Refusal};
use super::store::Product;
use super::wire::{Host, Incoming, Market, json as json_answer, random_hex};
use crate::market::sign;

const DAY_S: i64 = 86_400;
const WAREHOUSE: &str = "7000714532876273420";

fn answer(code: i64, message: &str, data: Value) -> Response {
    let status = match code {
        0 => StatusCode::OK,
        106_001 | 36_009_004 => StatusCode::UNAUTHORIZED,
        36_009_002 => StatusCode::TOO_MANY_REQUESTS,
        _ => StatusCode::OK,
    };
    let mut response = json_answer(
        status,
        &json!({"code": code, "message": message, "request_id": random_hex(10), "data": data}),
    );
    if code == 36_009_002 {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
    }
    response
}

fn ok(data: Value) -> Response {
    answer(0, "Success", data)
}

fn error(code: i64, message: &str) -> Response {
    answer(code, message, Value::Null)
}

pub(crate) fn rate_limited() -> Response {
    error(36_009_002, "Too many requests")
}

pub(crate) fn expired() -> Response {
    error(105_002, "Access token is expired")
}

fn refused(refusal: &Refusal) -> Response {
    match refusal {
        Refusal::TitleLength => error(
            12_052_051,
            "product title length must be between 25 and 255 characters",
        ),
        Refusal::NotLeaf => error(12_052_024, "category_id is not a leaf category"),
        Refusal::RequiredAttribute(name) => error(
            12_052_104,
            &format!("product_attributes: required attribute {name} is missing"),
        ),
        Refusal::NoImage | Refusal::UnknownImage => {
            error(12_052_038, "main_images: invalid or missing image uri")
        }
        Refusal::DuplicateSku(sku) => error(
            12_052_700,
            &format!("seller_sku {sku} already exists in this shop"),
        ),
        Refusal::Variation => error(
            12_052_217,
            "skus: each SKU needs its own sales_attributes when there are several",
        ),
        Refusal::DailyCap => error(
            12_052_900,
            "The number of products created today has reached the limit",
        ),
        Refusal::NotFound => error(12_052_010, "product does not exist"),
    }
}

fn tokens(shared: &Shared, shop_key: &str) -> Response {
    let scale = shared.token_scale;
    let (access, access_at, refresh, refresh_at) = match shared.store.issue_tokens(
        Market::Tiktok,
        shop_key,
        (7.0 * DAY_S as f64 * scale) as i64,
        (30.0 * DAY_S as f64 * scale) as i64,
    ) {
        Ok(issued) => issued,
        Err(_) => return error(36_009_003, "internal error"),
    };
    ok(json!({
        "access_token": access, "access_token_expire_in": access_at,
        "refresh_token": refresh, "refresh_token_expire_in": refresh_at,
        "open_id": shop_key, "seller_name": Market::Tiktok.shop_name(), "seller_base_region": "VN",
        "user_type": 0, "granted_scopes": ["seller.product.basic", "seller.product.write"],
    }))
}

/// `/api/v2/token/get` and `/api/v2/token/refresh` on the auth host: not signed; the app
/// secret travels in the query.
fn token_call(shared: &Shared, path: &str, request: &Incoming) -> Response {
    let app_key = request.param("app_key").unwrap_or_default();
    let Ok(Some((shop_key, secret, _))) = shared.store.shop_by_app(Market::Tiktok, app_key) else {
        return error(36_009_004, "Invalid app_key");
    };
    if request.param("app_secret") != Some(secret.as_str()) {
        return error(36_009_004, "Invalid app_secret");
    }
    match path {
        "/api/v2/token/get" => match shared.store.take_code(
            Market::Tiktok,
            request.param("auth_code").unwrap_or_default(),
        ) {
            Ok(Some(shop)) if shop == shop_key => tokens(shared, &shop_key),
            _ => error(36_004_005, "auth_code is invalid or has been used"),
        },
        "/api/v2/token/refresh" => {
            let refresh = request.param("refresh_token").unwrap_or_default();
            match shared.store.token_shop(Market::Tiktok, "refresh", refresh) {
                Ok(Ok(shop)) if shop == shop_key => tokens(shared, &shop_key),
                _ => error(36_004_008, "refresh_token is invalid or expired"),
            }
        }
        _ => super::wire::text(StatusCode::NOT_FOUND, "not found"),
    }
}

/// Checks app key, timestamp, signature, token and (for shop calls) the shop cipher.
/// The shop's key, or the refusal to send.
fn verify(shared: &Shared, path: &str, request: &Incoming) -> Result<String, Box<Response>> {
    let app_key = request.param("app_key").unwrap_or_default();
    let Ok(Some((shop_key, secret, cipher))) = shared.store.shop_by_app(Market::Tiktok, app_key)
    else {
        return Err(Box::new(error(36_009_004, "Invalid app_key")));
    };
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let timestamp: Option<i64> = request.param("timestamp").and_then(|t| t.parse().ok());
    if timestamp.is_none_or(|t| t < now - 300 || t > now + 30) {
        return Err(Box::new(error(
            36_009_004,
            "Invalid timestamp: outside the allowed window",
        )));
    }
    let query: Vec<(&str, &str)> = request
        .query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let body =
        (!request.is_multipart() && !request.body.is_empty()).then_some(request.body.as_slice());
    if request.param("sign") != Some(sign::tiktok(&secret, path, &query, body).as_str()) {
        return Err(Box::new(error(106_001, "Invalid sign")));
    }
    let token = request.header("x-tts-access-token").unwrap_or_default();
    match shared.store.token_shop(Market::Tiktok, "access", token) {
        Ok(Ok(shop)) if shop == shop_key => {}
        Ok(Err(true)) => return Err(Box::new(expired())),
        _ => return Err(Box::new(error(105_001, "Access token is invalid"))),
    }
    let shop_call =
        path != "/authorization/202309/shops" && path != "/product/202309/images/upload";
    if shop_call && request.param("shop_cipher") != Some(cipher.as_str()) {
        return Err(Box::new(error(
            106_013,
            "shop_cipher is missing or invalid",
        )));
    }
    if !shared
        .limits
        .allow(Market::Tiktok, &format!("{app_key}:{shop_key}:{path}"))
    {
        return Err(Box::new(rate_limited()));
    }
    Ok(shop_key)
}

/// The neutral body of a create or edit request.
fn neutral(request: &Value) -> Value {
    let mut attributes = serde_json::Map::new();
    for attribute in request["product_attributes"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let value = attribute["values"][0]["name"]
            .as_str()
            .or_else(|| attribute["values"][0]["id"].as_str());
        if let (Some(id), Some(value)) = (attribute["id"].as_str(), value) {
            attributes.insert(id.to_owned(), json!(value));
        }
    }
    json!({
        "title": request["title"], "description": request["description"], "category_id": request["category_id"],
        "images": request["main_images"].as_array().into_iter().flatten().map(|i| i["uri"].clone()).collect::<Vec<_>>(),
        "attributes": attributes,
        "skus": request["skus"].as_array().into_iter().flatten().map(|s| json!({
            "seller_sku": s["seller_sku"],
            "option": s["sales_attributes"][0]["value_name"],
            "price": s["price"]["amount"].as_str().and_then(|a| a.parse::<i64>().ok()),
            "stock": s["inventory"].as_array().into_iter().flatten().filter_map(|i| i["quantity"].as_i64()).sum::<i64>(),
        })).collect::<Vec<_>>(),
    })
}

fn status_of(product: &Product) -> (&'static str, &'static str) {
    match product.status.as_str() {
        "live" => ("ACTIVATE", "APPROVED"),
        "rejected" => ("FAILED", "FAILED"),
        "inactive" => ("SELLER_DEACTIVATED", "APPROVED"),
        _ => ("PENDING", "AUDITING"),
    }
}

fn product_json(product: &Product) -> Value {
    let (status, audit) = status_of(product);
    let reasons: Vec<Value> = product.reasons.as_array().into_iter().flatten().map(|r| json!({
        "position": "product", "reasons": [r["reason"]], "suggestions": [r["suggestion"]], "listing_platform": "TIKTOK_SHOP",
    })).collect();
    json!({
        "id": product.id, "status": status, "title": product.body["title"], "description": product.body["description"],
        "category_id": product.body["category_id"],
        "skus": product.body["skus"].as_array().into_iter().flatten().map(|s| json!({
            "id": s["id"], "seller_sku": s["seller_sku"],
            "price": {"amount": s["price"].as_i64().unwrap_or(0).to_string(), "currency": "VND"},
            "inventory": [{"warehouse_id": WAREHOUSE, "quantity": s["stock"]}],
        })).collect::<Vec<_>>(),
        "audit": {"status": audit}, "audit_failed_reasons": reasons,
        "update_time": time::OffsetDateTime::now_utc().unix_timestamp(),
    })
}

fn created(product: &Product) -> Response {
    ok(json!({
        "product_id": product.id,
        "skus": product.body["skus"].as_array().into_iter().flatten().map(|s| json!({"id": s["id"], "seller_sku": s["seller_sku"]})).collect::<Vec<_>>(),
        "warnings": [],
    }))
}

pub(crate) async fn handle(
    shared: &Shared,
    host: Host,
    path: &str,
    request: &Incoming,
) -> Response {
    if host == Host::Auth {
        return token_call(shared, path, request);
    }
    let shop_key = match verify(shared, path, request) {
        Ok(shop) => shop,
        Err(refusal) => return *refusal,
    };
    let body = request.json().unwrap_or(Value::Null);
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let method = request.method.clone();
    match (method, segments.as_slice()) {
        (Method::GET, ["authorization", "202309", "shops"]) => {
            let cipher = shared
                .store
                .shop_by_app(Market::Tiktok, request.param("app_key").unwrap_or_default())
                .ok()
                .flatten()
                .map(|s| s.2)
                .unwrap_or_default();
            ok(
                json!({"shops": [{"id": shop_key, "name": Market::Tiktok.shop_name(), "region": "VN",
                                 "seller_type": "LOCAL", "cipher": cipher, "code": "VNLCPRACTICE"}]}),
            )
        }
        (Method::POST, ["product", "202309", "images", "upload"]) => {
            match request.multipart_file("data").await {
                Some(bytes) if !bytes.is_empty() => {
                    let sha = crate::photos::store::sha256_hex(&bytes);
                    match shared
                        .store
                        .add_image(Market::Tiktok, &shop_key, &sha, bytes.len())
                    {
                        Ok(id) => {
                            shared.count_upload(Market::Tiktok);
                            ok(
                                json!({"uri": id, "url": format!("https://p16-oec-va.ibyteimg.com/{id}.jpg"),
                                  "width": 1200, "height": 1200, "use_case": "MAIN_IMAGE"}),
                            )
                        }
                        Err(_) => error(36_009_003, "internal error"),
                    }
                }
                _ => error(12_052_038, "data: the image file is missing"),
            }
        }
        (Method::GET, ["logistics", "202309", "warehouses"]) => ok(json!({"warehouses": [
            {"id": WAREHOUSE, "name": "Kho chính", "type": "SALES_WAREHOUSE", "is_default": true}]})),
        (Method::GET, ["product", "202309", "categories"]) => ok(
            json!({"categories": categories::tree(Market::Tiktok).iter().map(|n| json!({
            "id": n.id, "parent_id": n.parent.clone().unwrap_or_else(|| "0".into()), "local_name": n.name,
            "is_leaf": n.leaf, "permission_statuses": ["AVAILABLE"]})).collect::<Vec<_>>()}),
        ),
        (Method::GET, ["product", "202309", "categories", _, "attributes"]) => ok(
            json!({"attributes": ATTRIBUTES.iter().map(|(id, name, required)| json!({
            "id": id, "name": name, "type": "PRODUCT_PROPERTY", "is_required": required, "values": []})).collect::<Vec<_>>()}),
        ),
        (Method::POST, ["product", "202309", "products"]) => {
            let key = body["idempotency_key"].as_str().map(str::to_owned);
            match products::create(
                shared,
                Market::Tiktok,
                &shop_key,
                neutral(&body),
                key.as_deref(),
                Some(shared.daily_caps.tiktok_creations),
            ) {
                Ok(product) => created(&product),
                Err(refusal) => refused(&refusal),
            }
        }
        (Method::POST, ["product", "202309", "products", "search"]) => {
            let skus: Vec<String> = body["seller_skus"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect();
            let found = products::with_skus(shared, Market::Tiktok, &shop_key, &skus);
            ok(
                json!({"products": found.iter().map(|p| json!({"id": p.id, "status": status_of(p).0,
                "skus": p.body["skus"].as_array().into_iter().flatten().map(|s| json!({"id": s["id"], "seller_sku": s["seller_sku"]})).collect::<Vec<_>>()})).collect::<Vec<_>>(),
                "total_count": found.len()}),
            )
        }
        (Method::POST, ["product", "202309", "products", "deactivate"]) => {
            for id in body["product_ids"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if let Err(refusal) = products::deactivate(shared, Market::Tiktok, &shop_key, id) {
                    return refused(&refusal);
                }
            }
            ok(json!({}))
        }
        (Method::GET, ["product", "202309", "products", id]) => {
            match products::read(shared, Market::Tiktok, &shop_key, id) {
                Ok(product) => ok(product_json(&product)),
                Err(refusal) => refused(&refusal),
            }
        }
        (Method::PUT, ["product", "202309", "products", id]) => {
            match products::replace(shared, Market::Tiktok, &shop_key, id, neutral(&body)) {
                Ok(product) => created(&product),
                Err(refusal) => refused(&refusal),
            }
        }
        (Method::POST, ["product", "202309", "products", id, "prices", "update"]) => {
            for sku in body["skus"].as_array().into_iter().flatten() {
                let price = sku["price"]["amount"]
                    .as_str()
                    .and_then(|a| a.parse::<i64>().ok());
                if let Err(refusal) = products::set_sku(
                    shared,
                    Market::Tiktok,
                    &shop_key,
                    id,
                    |s| s["id"] == sku["id"],
                    price,
                    None,
                ) {
                    return refused(&refusal);
                }
            }
            ok(json!({}))
        }
        (Method::POST, ["product", "202309", "products", id, "inventory", "update"]) => {
            for sku in body["skus"].as_array().into_iter().flatten() {
                let stock = sku["inventory"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|i| i["quantity"].as_i64())
                    .sum::<i64>();
                if let Err(refusal) = products::set_sku(
                    shared,
                    Market::Tiktok,
                    &shop_key,
                    id,
                    |s| s["id"] == sku["id"],
                    None,
                    Some(stock),
                ) {
                    return refused(&refusal);
                }
            }
            ok(json!({}))
        }
        _ => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}
