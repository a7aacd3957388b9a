//! Lazada as the practice marketplace plays it: system parameters in the query, business
//! ones in the query or a form body, one upper-case signature over all of them (files
//! aside), timestamps in milliseconds within 7 200 s, `{code: "0", data}` (see
//! docs/practice-marketplace.md).

use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::Shared;
use super::categories::{self, ATTRIBUTES, Node};
use super::products::{self, Refusal};
use super::store::Product;
use super::wire::{Host, Incoming, Market, json as json_answer, random_hex};
use crate::market::sign;

const ACCESS_S: f64 = 30.0 * 86_400.0;
const REFRESH_S: f64 = 180.0 * 86_400.0;

fn ok(data: Value) -> Response {
    json_answer(
        StatusCode::OK,
        &json!({"code": "0", "request_id": random_hex(10), "data": data}),
    )
}

fn error(kind: &str, code: &str, message: &str, field: Option<&str>) -> Response {
    let mut value =
        json!({"type": kind, "code": code, "message": message, "request_id": random_hex(10)});
    if let Some(field) = field {
        value["detail"] = json!([{"field": field, "message": message}]);
    }
    json_answer(StatusCode::OK, &value)
}

pub(crate) fn rate_limited() -> Response {
    error(
        "ISP",
        "ApiCallLimit",
        "The specified API is called too frequently, This ban will last 1 more seconds",
        None,
    )
}

pub(crate) fn expired() -> Response {
    error(
        "ISV",
        "IllegalAccessToken",
        "The specified access token is invalid or expired",
        None,
    )
}

fn refused(refusal: &Refusal) -> Response {
    match refusal {
        Refusal::TitleLength => error("ISV", "E005", "name: invalid length", Some("name")),
        Refusal::NotLeaf => error(
            "ISV",
            "E201",
            "PrimaryCategory: not a leaf category",
            Some("PrimaryCategory"),
        ),
        Refusal::RequiredAttribute(name) => {
            error("ISV", "4108", &format!("{name} is mandatory"), Some(name))
        }
        Refusal::NoImage | Refusal::UnknownImage => error(
            "ISV",
            "4139",
            "Images: main image is required",
            Some("Images"),
        ),
        Refusal::DuplicateSku(sku) => error(
            "ISV",
            "4105",
            &format!("SellerSku {sku} is duplicated"),
            Some("SellerSku"),
        ),
        Refusal::Variation => error(
            "ISV",
            "4125",
            "saleProp: required and different for each SKU when there are several",
            Some("saleProp"),
        ),
        Refusal::DailyCap => error(
            "ISP",
            "E901",
            "Product creation is temporarily disabled: daily limit",
            None,
        ),
        Refusal::NotFound => error("ISV", "E500", "Product not found", None),
    }
}

/// Every parameter the signature covers: the query and a form body.
fn params(request: &Incoming) -> Vec<(String, String)> {
    let mut all = request.query.clone();
    all.extend(request.form());
    all
}

fn param<'a>(all: &'a [(String, String)], name: &str) -> Option<&'a str> {
    all.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

fn verify(
    shared: &Shared,
    host: Host,
    path: &str,
    all: &[(String, String)],
) -> Result<(String, String), Box<Response>> {
    let app_key = param(all, "app_key").unwrap_or_default();
    let Ok(Some((shop_key, secret, _))) = shared.store.shop_by_app(Market::Lazada, app_key) else {
        return Err(Box::new(error(
            "ISV",
            "InvalidAppKey",
            "The specified app key is invalid",
            None,
        )));
    };
    let now_ms = time::OffsetDateTime::now_utc().unix_timestamp() * 1000;
    let timestamp = param(all, "timestamp").and_then(|t| t.parse::<i64>().ok());
    if timestamp.is_none_or(|t| (now_ms - t).abs() > 7_200_000) {
        return Err(Box::new(error(
            "ISV",
            "InvalidTimestamp",
            "The request has expired",
            None,
        )));
    }
    let pairs: Vec<(&str, &str)> = all.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    if param(all, "sign") != Some(sign::lazada(&secret, path, &pairs).as_str()) {
        return Err(Box::new(error(
            "ISV",
            "IncompleteSignature",
            "The request signature does not conform to platform standards",
            None,
        )));
    }
    if host == Host::Api {
        match shared.store.token_shop(
            Market::Lazada,
            "access",
            param(all, "access_token").unwrap_or_default(),
        ) {
            Ok(Ok(shop)) if shop == shop_key => {}
            _ => return Err(Box::new(expired())),
        }
    }
    if !shared
        .limits
        .allow(Market::Lazada, &format!("{app_key}:{shop_key}:{path}"))
    {
        return Err(Box::new(rate_limited()));
    }
    Ok((shop_key, app_key.to_owned()))
}

fn tokens(shared: &Shared, shop_key: &str) -> Response {
    let scale = shared.token_scale;
    match shared.store.issue_tokens(
        Market::Lazada,
        shop_key,
        (ACCESS_S * scale) as i64,
        (REFRESH_S * scale) as i64,
    ) {
        Ok((access, access_at, refresh, refresh_at)) => {
            let now = time::OffsetDateTime::now_utc().unix_timestamp();
            json_answer(
                StatusCode::OK,
                &json!({
                    "access_token": access, "refresh_token": refresh, "expires_in": access_at - now,
                    "refresh_expires_in": refresh_at - now, "country": "vn",
                    "country_user_info": [{"country": "vn", "seller_id": shop_key, "user_id": shop_key}],
                    "account": "practice@chophien.local", "account_platform": "seller_center", "code": "0", "request_id": random_hex(10),
                }),
            )
        }
        Err(_) => error("SYSTEM", "InternalError", "Internal error", None),
    }
}

fn neutral(payload: &Value) -> Value {
    let product = &payload["Request"]["Product"];
    let mut attributes = serde_json::Map::new();
    for (id, name, _) in ATTRIBUTES {
        if let Some(value) = product["Attributes"][id]
            .as_str()
            .or_else(|| product["Attributes"][name].as_str())
        {
            attributes.insert(id.to_owned(), json!(value));
        }
    }
    json!({
        "title": product["Attributes"]["name"], "description": product["Attributes"]["description"],
        "category_id": product["PrimaryCategory"], "images": product["Images"]["Image"], "attributes": attributes,
        "skus": product["Skus"]["Sku"].as_array().into_iter().flatten().map(|s| json!({
            "seller_sku": s["SellerSku"],
            "option": s["saleProp"].as_object().and_then(|p| p.values().next()).cloned(),
            "price": s["price"].as_str().and_then(|p| p.parse::<f64>().ok()).map(|p| p.round() as i64),
            "stock": s["quantity"].as_str().and_then(|q| q.parse::<i64>().ok()),
        })).collect::<Vec<_>>(),
    })
}

fn product_json(product: &Product) -> Value {
    let status = match product.status.as_str() {
        "live" => "active",
        "rejected" => "rejected",
        "inactive" => "inactive",
        _ => "pending",
    };
    json!({
        "item_id": product.id.parse::<i64>().unwrap_or_default(), "status": status,
        "attributes": {"name": product.body["title"], "description": product.body["description"]},
        "skus": product.body["skus"].as_array().into_iter().flatten().map(|s| json!({
            "SellerSku": s["seller_sku"], "SkuId": s["id"], "price": s["price"].as_i64().unwrap_or(0).to_string(),
            "quantity": s["stock"]})).collect::<Vec<_>>(),
        "rejectReason": product.reasons,
    })
}

fn nested(nodes: &[Node], parent: Option<&str>) -> Vec<Value> {
    nodes
        .iter()
        .filter(|n| n.parent.as_deref() == parent)
        .map(|n| json!({"category_id": n.id.parse::<i64>().unwrap_or_default(), "name": n.name, "leaf": n.leaf,
                        "children": nested(nodes, Some(&n.id))}))
        .collect()
}

pub(crate) async fn handle(
    shared: &Shared,
    host: Host,
    path: &str,
    request: &Incoming,
) -> Response {
    let all = params(request);
    let (shop_key, _) = match verify(shared, host, path, &all) {
        Ok(found) => found,
        Err(refusal) => return *refusal,
    };
    let payload = param(&all, "payload")
        .and_then(|p| serde_json::from_str::<Value>(p).ok())
        .unwrap_or(Value::Null);
    match (host, request.method.clone(), path) {
        (Host::Auth, Method::POST, "/auth/token/create") => match shared.store.take_code(Market::Lazada, param(&all, "code").unwrap_or_default()) {
            Ok(Some(shop)) if shop == shop_key => tokens(shared, &shop_key),
            _ => error("ISV", "InvalidCode", "The authorization code is invalid or used", None),
        },
        (Host::Auth, Method::POST, "/auth/token/refresh") => {
            match shared.store.token_shop(Market::Lazada, "refresh", param(&all, "refresh_token").unwrap_or_default()) {
                Ok(Ok(shop)) if shop == shop_key => tokens(shared, &shop_key),
                _ => error("ISV", "IllegalRefreshToken", "The refresh token is invalid or expired", None),
            }
        }
        (Host::Api, Method::POST, "/image/upload") => match request.multipart_file("image").await {
            Some(bytes) if !bytes.is_empty() => {
                let sha = crate::photos::store::sha256_hex(&bytes);
                match shared.store.add_image(Market::Lazada, &shop_key, &sha, bytes.len()) {
                    Ok(id) => {
                        shared.count_upload(Market::Lazada);
                        ok(json!({"image": {"url": id, "hash_code": sha}}))
                    }
                    Err(_) => error("SYSTEM", "InternalError", "Internal error", None),
                }
            }
            _ => error("ISV", "MissingParameter", "image is required", Some("image")),
        },
        (Host::Api, Method::GET, "/category/tree/get") => ok(Value::Array(nested(categories::tree(Market::Lazada), None))),
        (Host::Api, Method::GET, "/category/attributes/get") => ok(Value::Array(ATTRIBUTES.iter().map(|(id, name, required)| json!({
            "id": id.parse::<i64>().unwrap_or_default(), "name": id, "label": name, "is_mandatory": i64::from(*required),
            "input_type": "text", "is_sale_prop": 0})).collect())),
        (Host::Api, Method::POST, "/product/create") => {
            match products::create(shared, Market::Lazada, &shop_key, neutral(&payload), None, Some(shared.daily_caps.lazada_creations)) {
                Ok(product) => ok(json!({"item_id": product.id.parse::<i64>().unwrap_or_default(),
                    "sku_list": product.body["skus"].as_array().into_iter().flatten().map(|s| json!({
                        "seller_sku": s["seller_sku"], "shop_sku": format!("{}-VN", product.id), "sku_id": s["id"]})).collect::<Vec<_>>()})),
                Err(refusal) => refused(&refusal),
            }
        }
        (Host::Api, Method::POST, "/product/update") => {
            let id = payload["Request"]["Product"]["ItemId"].as_str().map(str::to_owned).unwrap_or_default();
            match products::replace(shared, Market::Lazada, &shop_key, &id, neutral(&payload)) {
                Ok(product) => ok(json!({"item_id": product.id.parse::<i64>().unwrap_or_default()})),
                Err(refusal) => refused(&refusal),
            }
        }
        (Host::Api, Method::POST, "/product/deactivate") => {
            let id = payload["Request"]["Product"]["ItemId"].as_str().unwrap_or_default().to_owned();
            match products::deactivate(shared, Market::Lazada, &shop_key, &id) {
                Ok(()) => ok(json!({})),
                Err(refusal) => refused(&refusal),
            }
        }
        (Host::Api, Method::GET, "/product/item/get") => {
            match products::read(shared, Market::Lazada, &shop_key, param(&all, "item_id").unwrap_or_default()) {
                Ok(product) => ok(product_json(&product)),
                Err(refusal) => refused(&refusal),
            }
        }
        (Host::Api, Method::POST, "/product/price_quantity/update") => {
            for sku in payload["Request"]["Product"]["Skus"]["Sku"].as_array().into_iter().flatten() {
                let id = sku["ItemId"].as_str().unwrap_or_default();
                let price = sku["Price"].as_str().and_then(|p| p.parse::<f64>().ok()).map(|p| p.round() as i64);
                let stock = sku["Quantity"].as_str().and_then(|q| q.parse::<i64>().ok());
                if let Err(refusal) = products::set_sku(shared, Market::Lazada, &shop_key, id, |s| s["seller_sku"] == sku["SellerSku"], price, stock) {
                    return refused(&refusal);
                }
            }
            ok(json!({}))
        }
        (Host::Api, Method::GET, "/products/get") => {
            let wanted: Vec<String> = param(&all, "sku_seller_list").and_then(|l| serde_json::from_str(l).ok()).unwrap_or_default();
            let found = if wanted.is_empty() {
                shared.store.products(Some(Market::Lazada)).unwrap_or_default().into_iter().map(|(_, p, _)| p).filter(|p| p.shop_key == shop_key).collect()
            } else {
                products::with_skus(shared, Market::Lazada, &shop_key, &wanted)
            };
            ok(json!({"total_products": found.len(), "products": found.iter().map(product_json).collect::<Vec<_>>()}))
        }
        _ => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}
