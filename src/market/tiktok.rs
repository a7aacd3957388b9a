//! TikTok Shop Partner API (marketplaces.md §2): signed query + body, token in the
//! `x-tts-access-token` header, `shop_cipher` on shop calls, `{code, message, data}`.

use std::sync::{Arc, Mutex};

use reqwest::Method;
use serde_json::{Value, json};

use super::error::{Credential, MarketError, RemoteField};
use super::http::{Http, Reply};
use super::{
    CreatedProduct, Endpoints, Marketplace, ProductDraft, Rejection, RemoteAttribute,
    RemoteCategory, RemoteImage, RemoteProduct, RemoteSku, Result, ReviewState, Session,
    ShopIdentity, SkuUpdate, Tokens, VARIATION_NAME, authorize_link, number_text, sign, unexpected,
};
use crate::platform::Platform;

#[derive(Debug)]
pub struct TiktokShop {
    app_key: String,
    app_secret: String,
    service_id: Option<String>,
    shop_cipher: Mutex<Option<String>>,
    /// The shop's default warehouse, asked once per session: every SKU's stock needs it.
    warehouse: tokio::sync::OnceCell<String>,
    session: Session,
}

/// A body to send: JSON bytes (signed as sent) or a multipart form (not signed).
enum Body {
    None,
    Json(Vec<u8>),
    Multipart(Box<dyn Fn() -> reqwest::multipart::Form + Send + Sync>),
}

impl TiktokShop {
    pub fn new(
        app_key: String,
        app_secret: String,
        service_id: Option<String>,
        shop_cipher: Option<String>,
        endpoints: Endpoints,
        http: Arc<Http>,
        tokens: Option<Tokens>,
    ) -> TiktokShop {
        TiktokShop {
            app_key,
            app_secret,
            service_id,
            shop_cipher: Mutex::new(shop_cipher),
            warehouse: tokio::sync::OnceCell::new(),
            session: Session::new(endpoints, http, tokens),
        }
    }

    /// The `shop_cipher` learnt when the shop was authorised.
    pub fn shop_cipher(&self) -> Option<String> {
        self.shop_cipher
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        extra_query: &[(&str, &str)],
        body: &Body,
        shop_scoped: bool,
    ) -> Result<Value> {
        self.session
            .with_clock_retry(|| {
                self.call_once(method.clone(), path, extra_query, body, shop_scoped)
            })
            .await
    }

    async fn call_once(
        &self,
        method: Method,
        path: &str,
        extra_query: &[(&str, &str)],
        body: &Body,
        shop_scoped: bool,
    ) -> Result<Value> {
        let token = self.session.access_token()?;
        let timestamp = self.session.http.clock().now_s().to_string();
        let cipher = if shop_scoped {
            Some(self.shop_cipher().ok_or(MarketError::WrongCredential {
                credential: Credential::ShopCipher,
            })?)
        } else {
            None
        };
        let mut query: Vec<(&str, &str)> =
            vec![("app_key", &self.app_key), ("timestamp", &timestamp)];
        if let Some(cipher) = &cipher {
            query.push(("shop_cipher", cipher));
        }
        query.extend_from_slice(extra_query);
        let signed_body = match body {
            Body::Json(bytes) => Some(bytes.as_slice()),
            Body::None | Body::Multipart(_) => None,
        };
        let signature = sign::tiktok(&self.app_secret, path, &query, signed_body);
        query.push(("sign", &signature));

        let url = format!("{}{path}", self.session.endpoints.api);
        let client = match body {
            Body::Multipart(_) => self.session.http.upload_client(),
            _ => self.session.http.client(),
        };
        let mut request = client
            .request(method, url)
            .query(&query)
            .header("x-tts-access-token", token);
        request = match body {
            Body::None => request,
            Body::Json(bytes) => request
                .header("content-type", "application/json")
                .body(bytes.clone()),
            Body::Multipart(form) => request.multipart(form()),
        };
        let reply = self.session.http.send(request).await?;
        envelope(&reply)
    }

    async fn warehouse_id(&self) -> Result<String> {
        self.warehouse
            .get_or_try_init(|| async {
                let data = self
                    .call(
                        Method::GET,
                        "/logistics/202309/warehouses",
                        &[],
                        &Body::None,
                        true,
                    )
                    .await?;
                let warehouses = data["warehouses"]
                    .as_array()
                    .ok_or_else(|| unexpected("warehouses"))?;
                let chosen = warehouses
                    .iter()
                    .find(|w| w["is_default"] == json!(true))
                    .or_else(|| warehouses.first())
                    .ok_or_else(|| unexpected("no warehouse"))?;
                number_text(&chosen["id"]).ok_or_else(|| unexpected("warehouse id"))
            })
            .await
            .cloned()
    }

    async fn product_body(&self, draft: &ProductDraft, with_key: bool) -> Result<Vec<u8>> {
        let warehouse = self.warehouse_id().await?;
        let package = draft.package;
        let mut body = json!({
            "title": draft.title,
            "description": draft.description,
            "category_id": draft.category_id,
            "main_images": draft.images.iter().map(|i| json!({"uri": i.id})).collect::<Vec<_>>(),
            "skus": draft.skus.iter().map(|s| {
                let mut sku = json!({
                    "seller_sku": s.seller_sku,
                    "price": {"amount": s.price_vnd.to_string(), "currency": "VND"},
                    "inventory": [{"warehouse_id": warehouse, "quantity": s.stock}],
                });
                if let Some(option) = &s.option {
                    // A custom sales attribute: TikTok Shop creates it from its name.
                    sku["sales_attributes"] = json!([{"name": VARIATION_NAME, "value_name": option}]);
                }
                sku
            }).collect::<Vec<_>>(),
            "package_weight": {"value": kilograms(package.weight_grams), "unit": "KILOGRAM"},
            "product_attributes": draft.attributes.iter().map(|(id, value)| json!({
                "id": id, "values": [{"name": value}],
            })).collect::<Vec<_>>(),
        });
        if let (Some(l), Some(w), Some(h)) =
            (package.length_cm, package.width_cm, package.height_cm)
        {
            body["package_dimensions"] = json!({
                "length": l.to_string(), "width": w.to_string(), "height": h.to_string(), "unit": "CENTIMETER",
            });
        }
        if with_key {
            body["idempotency_key"] = json!(draft.idempotency_key);
        }
        // Serialised once: these exact bytes are signed and sent.
        serde_json::to_vec(&body).map_err(|e| unexpected(&e.to_string()))
    }
}

/// Grams as TikTok's kilogram string ("0.7"), at most three decimals.
fn kilograms(grams: u32) -> String {
    let text = format!("{}.{:03}", grams / 1000, grams % 1000);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Reads TikTok's envelope: `code == 0` gives `data`; every other code its typed error.
fn envelope(reply: &Reply) -> Result<Value> {
    if reply.status.as_u16() == 429 {
        return Err(MarketError::RateLimited {
            wait: reply.retry_after(),
        });
    }
    let value: Value = reply.json()?;
    let code = value["code"].as_i64().ok_or_else(|| unexpected("code"))?;
    if code == 0 {
        return Ok(value.get("data").cloned().unwrap_or(Value::Null));
    }
    let message = value["message"].as_str().unwrap_or_default().to_owned();
    Err(error_for(code, message, reply))
}

fn error_for(code: i64, message: String, reply: &Reply) -> MarketError {
    let lower = message.to_lowercase();
    let credential = |credential| MarketError::WrongCredential { credential };
    let invalid = |field| MarketError::Invalid {
        field,
        code: code.to_string(),
        message: message.clone(),
    };
    match code {
        106_001 => credential(Credential::AppSecret),
        36_009_004 if lower.contains("timestamp") => MarketError::ClockRejected,
        36_009_004 if lower.contains("app_secret") => credential(Credential::AppSecret),
        36_009_004 => credential(Credential::AppKey),
        105_001 | 105_002 => MarketError::AuthExpired,
        106_013 => credential(Credential::ShopCipher),
        36_009_002 => MarketError::RateLimited {
            wait: reply.retry_after(),
        },
        36_004_005 => credential(Credential::AuthorizationCode),
        36_004_008 => MarketError::Reauthorize,
        12_052_051 => invalid(Some(RemoteField::Title)),
        12_052_024 => invalid(Some(RemoteField::Category)),
        12_052_104 => invalid(Some(RemoteField::Attributes)),
        12_052_217 => invalid(Some(RemoteField::Variants)),
        12_052_700 => MarketError::DuplicateSku {
            code: code.to_string(),
        },
        12_052_900 => MarketError::DailyLimit,
        12_000_000..=12_999_999 => invalid(None),
        _ if reply.status.is_server_error() => MarketError::Server {
            status: reply.status.as_u16(),
        },
        _ => MarketError::Platform {
            code: code.to_string(),
            message,
        },
    }
}

fn tokens_from(data: &Value) -> Result<Tokens> {
    let text = |key: &str| {
        data[key]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| unexpected(key))
    };
    Ok(Tokens {
        access_token: text("access_token")?,
        access_expires_at: data["access_token_expire_in"]
            .as_i64()
            .ok_or_else(|| unexpected("access_token_expire_in"))?,
        refresh_token: text("refresh_token")?,
        refresh_expires_at: data["refresh_token_expire_in"].as_i64(),
    })
}

fn state_of(data: &Value) -> Result<ReviewState> {
    let status = data["status"]
        .as_str()
        .ok_or_else(|| unexpected("status"))?;
    Ok(match status {
        "DRAFT" => ReviewState::Draft,
        "PENDING" => ReviewState::UnderReview,
        "ACTIVATE" => ReviewState::Live,
        "FAILED" => ReviewState::Rejected {
            reasons: data["audit_failed_reasons"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|entry| {
                    let suggestion = entry["suggestions"]
                        .as_array()
                        .and_then(|s| s.first())
                        .and_then(Value::as_str)
                        .map(str::to_owned);
                    entry["reasons"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .map(move |reason| Rejection {
                            reason: reason.to_owned(),
                            suggestion: suggestion.clone(),
                        })
                        .collect::<Vec<_>>()
                })
                .collect(),
        },
        "SELLER_DEACTIVATED" | "PLATFORM_DEACTIVATED" | "FREEZE" => ReviewState::Deactivated,
        "DELETED" => ReviewState::Deleted,
        other => return Err(unexpected(&format!("status {other}"))),
    })
}

impl Marketplace for TiktokShop {
    fn platform(&self) -> Platform {
        Platform::TiktokShop
    }

    fn authorize_url(&self, state: &str) -> String {
        // TikTok names the app by its service id (Partner Center shows it beside the app
        // key); without one the link cannot be made and the seller pastes Partner
        // Center's own link instead.
        authorize_link(
            &self.session.endpoints.authorize,
            &[
                ("service_id", self.service_id.as_deref().unwrap_or_default()),
                ("state", state),
            ],
        )
    }

    async fn exchange_code(&self, code: &str) -> Result<Tokens> {
        let url = format!("{}/api/v2/token/get", self.session.endpoints.auth);
        let request = self.session.http.client().get(url).query(&[
            ("app_key", self.app_key.as_str()),
            ("app_secret", self.app_secret.as_str()),
            ("auth_code", code),
            ("grant_type", "authorized_code"),
        ]);
        let tokens = tokens_from(&envelope(&self.session.http.send(request).await?)?)?;
        self.session.set_tokens(tokens.clone());
        Ok(tokens)
    }

    async fn refresh_tokens(&self) -> Result<Tokens> {
        let refresh_token = self.session.tokens()?.refresh_token;
        let url = format!("{}/api/v2/token/refresh", self.session.endpoints.auth);
        let request = self.session.http.client().get(url).query(&[
            ("app_key", self.app_key.as_str()),
            ("app_secret", self.app_secret.as_str()),
            ("refresh_token", refresh_token.as_str()),
            ("grant_type", "refresh_token"),
        ]);
        match envelope(&self.session.http.send(request).await?) {
            Ok(data) => tokens_from(&data),
            // An expired refresh token cannot be refreshed: only a new authorisation helps.
            Err(MarketError::AuthExpired) => Err(MarketError::Reauthorize),
            Err(other) => Err(other),
        }
    }

    fn use_tokens(&self, tokens: Tokens) {
        self.session.set_tokens(tokens);
    }

    fn current_tokens(&self) -> Option<Tokens> {
        self.session.current_tokens()
    }

    async fn test_connection(&self) -> Result<ShopIdentity> {
        let data = self
            .call(
                Method::GET,
                "/authorization/202309/shops",
                &[],
                &Body::None,
                false,
            )
            .await?;
        let shop = data["shops"]
            .as_array()
            .and_then(|shops| shops.first())
            .ok_or_else(|| unexpected("shops"))?;
        let identity = ShopIdentity {
            remote_id: number_text(&shop["id"]).ok_or_else(|| unexpected("shop id"))?,
            name: shop["name"].as_str().unwrap_or_default().to_owned(),
            cipher: shop["cipher"].as_str().map(str::to_owned),
        };
        if let Some(cipher) = &identity.cipher {
            *self
                .shop_cipher
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(cipher.clone());
        }
        Ok(identity)
    }

    async fn upload_image(&self, jpeg: Vec<u8>, file_name: &str) -> Result<RemoteImage> {
        let name = file_name.to_owned();
        let form = Body::Multipart(Box::new(move || {
            let part = reqwest::multipart::Part::bytes(jpeg.clone())
                .file_name(name.clone())
                .mime_str("image/jpeg")
                .expect("a valid MIME type");
            reqwest::multipart::Form::new()
                .part("data", part)
                .text("use_case", "MAIN_IMAGE")
        }));
        let data = self
            .call(
                Method::POST,
                "/product/202309/images/upload",
                &[],
                &form,
                false,
            )
            .await?;
        Ok(RemoteImage {
            id: data["uri"]
                .as_str()
                .ok_or_else(|| unexpected("uri"))?
                .to_owned(),
            url: data["url"].as_str().map(str::to_owned),
        })
    }

    async fn create_product(&self, draft: &ProductDraft) -> Result<CreatedProduct> {
        let body = Body::Json(self.product_body(draft, true).await?);
        let data = self
            .call(Method::POST, "/product/202309/products", &[], &body, true)
            .await?;
        Ok(CreatedProduct {
            product_id: number_text(&data["product_id"]).ok_or_else(|| unexpected("product_id"))?,
            skus: data["skus"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| {
                    Some((s["seller_sku"].as_str()?.to_owned(), number_text(&s["id"])?))
                })
                .collect(),
        })
    }

    async fn update_product(&self, product_id: &str, draft: &ProductDraft) -> Result<()> {
        let body = Body::Json(self.product_body(draft, false).await?);
        let path = format!("/product/202309/products/{product_id}");
        self.call(Method::PUT, &path, &[], &body, true).await?;
        Ok(())
    }

    async fn update_price_stock(&self, product_id: &str, skus: &[SkuUpdate]) -> Result<()> {
        let product = self.product(product_id).await?;
        let warehouse = self.warehouse_id().await?;
        let id_of = |seller_sku: &str| {
            product
                .skus
                .iter()
                .find(|s| s.seller_sku == seller_sku)
                .map(|s| s.id.clone())
                .ok_or_else(|| MarketError::Invalid {
                    field: Some(RemoteField::Sku),
                    code: "sku".into(),
                    message: seller_sku.to_owned(),
                })
        };
        let mut prices = Vec::new();
        let mut stocks = Vec::new();
        for sku in skus {
            let id = id_of(&sku.seller_sku)?;
            prices.push(json!({"id": id, "price": {"amount": sku.price_vnd.to_string(), "currency": "VND"}}));
            stocks.push(json!({"id": id, "inventory": [{"warehouse_id": warehouse, "quantity": sku.stock}]}));
        }
        let to_body = |value: Value| {
            serde_json::to_vec(&value)
                .map(Body::Json)
                .map_err(|e| unexpected(&e.to_string()))
        };
        let prices_path = format!("/product/202309/products/{product_id}/prices/update");
        self.call(
            Method::POST,
            &prices_path,
            &[],
            &to_body(json!({"skus": prices}))?,
            true,
        )
        .await?;
        let stock_path = format!("/product/202309/products/{product_id}/inventory/update");
        self.call(
            Method::POST,
            &stock_path,
            &[],
            &to_body(json!({"skus": stocks}))?,
            true,
        )
        .await?;
        Ok(())
    }

    async fn deactivate(&self, product_id: &str) -> Result<()> {
        let body = serde_json::to_vec(&json!({"product_ids": [product_id]}))
            .map_err(|e| unexpected(&e.to_string()))?;
        self.call(
            Method::POST,
            "/product/202309/products/deactivate",
            &[],
            &Body::Json(body),
            true,
        )
        .await?;
        Ok(())
    }

    async fn product(&self, product_id: &str) -> Result<RemoteProduct> {
        let path = format!("/product/202309/products/{product_id}");
        let data = self
            .call(Method::GET, &path, &[], &Body::None, true)
            .await?;
        Ok(RemoteProduct {
            id: number_text(&data["id"]).unwrap_or_else(|| product_id.to_owned()),
            state: state_of(&data)?,
            title: data["title"].as_str().map(str::to_owned),
            skus: data["skus"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| {
                    Some(RemoteSku {
                        id: number_text(&s["id"])?,
                        seller_sku: s["seller_sku"].as_str()?.to_owned(),
                        price_vnd: s["price"]["amount"].as_str().and_then(|a| a.parse().ok()),
                        stock: s["inventory"]
                            .as_array()
                            .map(|inv| {
                                inv.iter()
                                    .filter_map(|i| i["quantity"].as_u64())
                                    .sum::<u64>()
                            })
                            .and_then(|q| u32::try_from(q).ok()),
                    })
                })
                .collect(),
        })
    }

    async fn find_by_sku(&self, seller_sku: &str) -> Result<Option<String>> {
        let body = serde_json::to_vec(&json!({"seller_skus": [seller_sku]}))
            .map_err(|e| unexpected(&e.to_string()))?;
        let data = self
            .call(
                Method::POST,
                "/product/202309/products/search",
                &[("page_size", "20")],
                &Body::Json(body),
                true,
            )
            .await?;
        Ok(data["products"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| p["status"] != json!("DELETED"))
            .find(|p| {
                p["skus"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|s| s["seller_sku"] == json!(seller_sku))
            })
            .and_then(|p| number_text(&p["id"])))
    }

    async fn categories(&self) -> Result<Vec<RemoteCategory>> {
        let data = self
            .call(
                Method::GET,
                "/product/202309/categories",
                &[("locale", "vi-VN"), ("category_version", "v1")],
                &Body::None,
                true,
            )
            .await?;
        data["categories"]
            .as_array()
            .ok_or_else(|| unexpected("categories"))?
            .iter()
            .map(|c| {
                Ok(RemoteCategory {
                    id: number_text(&c["id"]).ok_or_else(|| unexpected("category id"))?,
                    parent_id: number_text(&c["parent_id"]).filter(|p| p != "0"),
                    name: c["local_name"].as_str().unwrap_or_default().to_owned(),
                    leaf: c["is_leaf"].as_bool().unwrap_or(false),
                })
            })
            .collect()
    }

    async fn attributes(&self, category_id: &str) -> Result<Vec<RemoteAttribute>> {
        let path = format!("/product/202309/categories/{category_id}/attributes");
        let data = self
            .call(Method::GET, &path, &[], &Body::None, true)
            .await?;
        data["attributes"]
            .as_array()
            .ok_or_else(|| unexpected("attributes"))?
            .iter()
            .map(|a| {
                Ok(RemoteAttribute {
                    id: number_text(&a["id"]).ok_or_else(|| unexpected("attribute id"))?,
                    name: a["name"].as_str().unwrap_or_default().to_owned(),
                    required: a["is_required"].as_bool().unwrap_or(false),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::kilograms;

    #[test]
    fn weights_are_kilograms_with_at_most_three_decimals() {
        assert_eq!(kilograms(700), "0.7");
        assert_eq!(kilograms(1250), "1.25");
        assert_eq!(kilograms(2000), "2");
        assert_eq!(kilograms(5), "0.005");
    }
}
