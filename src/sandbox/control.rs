//! The control API (`/_sandbox/*`), for tests and the app's practice mode: the shops and
//! their credentials, fresh authorisation codes, expiring tokens, faults, review
//! settings, and what the marketplace holds and counted.

use std::time::Duration;

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::faults::FaultPlan;
use super::wire::{Incoming, Market, json as json_answer, text};
use super::{PracticeShop, Shared};

/// The shop named by `shop_id` (Lazada: its seller id), or the market's one shop when
/// none is named.
fn shop_key_of(shared: &Shared, market: Market, shop_id: &Value) -> Option<String> {
    let wanted = match shop_id {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    shared.store.shops().ok()?.into_iter().find_map(|shop| {
        let (this, key) = match shop {
            PracticeShop::Tiktok { shop_id, .. } => (Market::Tiktok, shop_id),
            PracticeShop::Shopee { shop_id, .. } => (Market::Shopee, shop_id.to_string()),
            PracticeShop::Lazada { seller_id, .. } => (Market::Lazada, seller_id),
        };
        (this == market && wanted.as_ref().is_none_or(|w| *w == key)).then_some(key)
    })
}

pub(crate) fn handle(shared: &Shared, path: &str, request: &Incoming) -> Response {
    if request.header("x-sandbox-control") != Some(shared.control_token.as_str()) {
        return text(
            StatusCode::FORBIDDEN,
            "the control token is missing or wrong",
        );
    }
    let body = request.json().unwrap_or(Value::Null);
    let market = || {
        body["platform"]
            .as_str()
            .or_else(|| request.param("platform"))
            .and_then(Market::from_code)
    };
    match path {
        "shops" => json_answer(
            StatusCode::OK,
            &json!({"shops": shared.store.shops().unwrap_or_default()}),
        ),
        "authorize" => {
            let Some(market) = market() else {
                return text(StatusCode::BAD_REQUEST, "platform?");
            };
            let named = if body["shop_id"].is_null() {
                &body["seller_id"]
            } else {
                &body["shop_id"]
            };
            let code = shop_key_of(shared, market, named)
                .and_then(|key| shared.store.new_code(market, &key).ok().flatten());
            match code {
                Some(code) => json_answer(StatusCode::OK, &json!({"code": code})),
                None => text(StatusCode::NOT_FOUND, "no such shop"),
            }
        }
        "expire" => {
            let Some(market) = market() else {
                return text(StatusCode::BAD_REQUEST, "platform?");
            };
            let kind = if body["token"] == json!("refresh") {
                "refresh"
            } else {
                "access"
            };
            match shop_key_of(shared, market, &body["shop_id"])
                .map(|key| shared.store.expire(market, &key, kind))
            {
                Some(Ok(count)) => json_answer(StatusCode::OK, &json!({"expired": count})),
                _ => text(StatusCode::NOT_FOUND, "no such shop"),
            }
        }
        "faults" => match serde_json::from_value::<FaultPlan>(body) {
            Ok(plan) => {
                shared.faults.set(plan);
                json_answer(StatusCode::OK, &json!({"ok": true}))
            }
            Err(error) => json_answer(
                StatusCode::BAD_REQUEST,
                &json!({"error": error.to_string()}),
            ),
        },
        "review" => {
            let mut review = shared
                .review
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some(ms) = body["delay_ms"].as_u64() {
                review.delay = Duration::from_millis(ms);
            }
            if let Some(words) = body["reject_words"].as_array() {
                review.reject_words = words
                    .iter()
                    .filter_map(|w| w.as_str().map(str::to_owned))
                    .collect();
            }
            json_answer(StatusCode::OK, &json!({"ok": true}))
        }
        "products" => {
            let all = shared
                .store
                .products(request.param("platform").and_then(Market::from_code))
                .unwrap_or_default();
            let products: Vec<Value> = all
                .iter()
                .map(|(market, product, calls)| {
                    let skus = product.body["skus"].as_array().cloned().unwrap_or_default();
                    json!({
                        "platform": market, "shop_id": product.shop_key, "id": product.id, "status": product.status,
                        "title": product.body["title"], "images": product.body["images"],
                        "seller_skus": skus.iter().map(|s| s["seller_sku"].clone()).collect::<Vec<_>>(),
                        "prices": skus.iter().map(|s| s["price"].clone()).collect::<Vec<_>>(),
                        "create_calls": calls,
                    })
                })
                .collect();
            json_answer(StatusCode::OK, &json!({"products": products}))
        }
        "stats" => json_answer(StatusCode::OK, &shared.stats()),
        _ => text(StatusCode::NOT_FOUND, "unknown control call"),
    }
}
