//! Shopee Open Platform v2 (marketplaces.md §3): every parameter in the query, the body
//! unsigned, `{error, message, response}` where an empty `error` means success.

use std::sync::Arc;

use reqwest::Method;
use serde_json::{Value, json};

use super::error::{Credential, MarketError, RemoteField};
use super::http::{Http, Reply};
use super::sign::ShopeeScope;
use super::{
    CreatedProduct, Endpoints, Marketplace, ProductDraft, Rejection, RemoteAttribute,
    RemoteCategory, RemoteImage, RemoteProduct, RemoteSku, Result, ReviewState, Session,
    ShopIdentity, SkuDraft, SkuUpdate, Tokens, VARIATION_NAME, authorize_link, number_text, sign,
    unexpected,
};
use crate::platform::Platform;

/// Shopee does not say how long a refresh token lasts in its answers; its documentation
/// gives 30 days.
const REFRESH_LIFETIME_S: i64 = 30 * 24 * 3600;

#[derive(Debug)]
pub struct Shopee {
    partner_id: u64,
    partner_key: String,
    shop_id: u64,
    /// The shop's enabled delivery channels, asked once per session: a product needs one.
    channels: tokio::sync::OnceCell<Vec<i64>>,
    session: Session,
}

enum Body {
    None,
    Json(Value),
    Multipart(Box<dyn Fn() -> reqwest::multipart::Form + Send + Sync>),
}

impl Shopee {
    pub fn new(
        partner_id: u64,
        partner_key: String,
        shop_id: u64,
        endpoints: Endpoints,
        http: Arc<Http>,
        tokens: Option<Tokens>,
    ) -> Shopee {
        Shopee {
            partner_id,
            partner_key,
            shop_id,
            channels: tokio::sync::OnceCell::new(),
            session: Session::new(endpoints, http, tokens),
        }
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        shop_scoped: bool,
        extra_query: &[(&str, &str)],
        body: &Body,
    ) -> Result<Value> {
        self.session
            .with_clock_retry(|| {
                self.call_once(method.clone(), path, shop_scoped, extra_query, body)
            })
            .await
    }

    async fn call_once(
        &self,
        method: Method,
        path: &str,
        shop_scoped: bool,
        extra_query: &[(&str, &str)],
        body: &Body,
    ) -> Result<Value> {
        let timestamp = self.session.http.clock().now_s();
        let token = if shop_scoped {
            Some(self.session.access_token()?)
        } else {
            None
        };
        let scope = match &token {
            Some(access_token) => ShopeeScope::Shop {
                access_token,
                shop_id: self.shop_id,
            },
            None => ShopeeScope::Public,
        };
        let signature = sign::shopee(&self.partner_key, self.partner_id, path, timestamp, scope);
        let partner_id = self.partner_id.to_string();
        let timestamp = timestamp.to_string();
        let shop_id = self.shop_id.to_string();
        let mut query: Vec<(&str, &str)> = vec![
            ("partner_id", &partner_id),
            ("timestamp", &timestamp),
            ("sign", &signature),
        ];
        if let Some(token) = &token {
            query.push(("access_token", token));
            query.push(("shop_id", &shop_id));
        }
        query.extend_from_slice(extra_query);
        let url = format!("{}{path}", self.session.endpoints.api);
        let client = match body {
            Body::Multipart(_) => self.session.http.upload_client(),
            _ => self.session.http.client(),
        };
        let request = client.request(method, url).query(&query);
        let request = match body {
            Body::None => request,
            Body::Json(value) => request.json(value),
            Body::Multipart(form) => request.multipart(form()),
        };
        envelope(&self.session.http.send(request).await?)
    }

    async fn channels(&self) -> Result<Vec<i64>> {
        self.channels
            .get_or_try_init(|| async {
                let response = self
                    .call(
                        Method::GET,
                        "/api/v2/logistics/get_channel_list",
                        true,
                        &[],
                        &Body::None,
                    )
                    .await?;
                let channels: Vec<i64> = response["logistics_channel_list"]
                    .as_array()
                    .ok_or_else(|| unexpected("logistics_channel_list"))?
                    .iter()
                    .filter(|c| c["enabled"] == json!(true))
                    .filter_map(|c| c["logistics_channel_id"].as_i64())
                    .collect();
                if channels.is_empty() {
                    // A product needs a delivery channel; the seller turns one on in
                    // Seller Center.
                    return Err(MarketError::Invalid {
                        field: Some(RemoteField::Package),
                        code: "error_invalid_logistic_info".into(),
                        message: "no delivery channel is enabled".into(),
                    });
                }
                Ok(channels)
            })
            .await
            .cloned()
    }

    /// `add_item`'s body. With several SKUs the item is made with the first one's price,
    /// stock and SKU (how `search_item` finds it again), and the variations follow.
    async fn item_body(&self, draft: &ProductDraft) -> Result<Value> {
        let sku = draft.skus.first().ok_or_else(|| MarketError::Invalid {
            field: Some(RemoteField::Sku),
            code: "model".into(),
            message: "no SKU".into(),
        })?;
        let channels = self.channels().await?;
        let package = draft.package;
        let mut body = json!({
            "item_name": draft.title,
            "description": draft.description,
            "original_price": sku.price_vnd,
            "weight": f64::from(package.weight_grams) / 1000.0,
            "category_id": draft.category_id.parse::<i64>().map_err(|_| MarketError::Invalid {
                field: Some(RemoteField::Category),
                code: "error_invalid_category".into(),
                message: draft.category_id.clone(),
            })?,
            "image": {"image_id_list": draft.images.iter().map(|i| i.id.clone()).collect::<Vec<_>>()},
            "logistic_info": channels.iter().map(|id| json!({"logistic_id": id, "enabled": true})).collect::<Vec<_>>(),
            "item_sku": sku.seller_sku,
            "seller_stock": [{"stock": sku.stock}],
            "attribute_list": draft.attributes.iter().map(|(id, value)| json!({
                "attribute_id": id.parse::<i64>().unwrap_or_default(),
                "attribute_value_list": [{"value_id": 0, "original_value_name": value}],
            })).collect::<Vec<_>>(),
        });
        if let (Some(l), Some(w), Some(h)) =
            (package.length_cm, package.width_cm, package.height_cm)
        {
            body["dimension"] =
                json!({"package_length": l, "package_width": w, "package_height": h});
        }
        Ok(body)
    }

    /// The item's models; none for an item sold as one SKU.
    async fn models(&self, item_id: i64) -> Result<Vec<Model>> {
        let response = self
            .call(
                Method::GET,
                "/api/v2/product/get_model_list",
                true,
                &[("item_id", &item_id.to_string())],
                &Body::None,
            )
            .await?;
        models_from(&response["model"])
    }

    /// One tier named [`VARIATION_NAME`] whose options are the SKUs' options, one model
    /// per SKU.
    async fn init_variations(&self, item_id: i64, skus: &[SkuDraft]) -> Result<Vec<Model>> {
        let options: Vec<Value> = skus
            .iter()
            .map(|s| json!({"option": s.option.as_deref().unwrap_or(&s.seller_sku)}))
            .collect();
        let models: Vec<Value> = skus
            .iter()
            .enumerate()
            .map(|(index, s)| {
                json!({"tier_index": [index], "original_price": s.price_vnd,
                       "model_sku": s.seller_sku, "seller_stock": [{"stock": s.stock}]})
            })
            .collect();
        let body = json!({
            "item_id": item_id,
            "tier_variation": [{"name": VARIATION_NAME, "option_list": options}],
            "model": models,
        });
        let response = self
            .call(
                Method::POST,
                "/api/v2/product/init_tier_variation",
                true,
                &[],
                &Body::Json(body),
            )
            .await?;
        models_from(&response["model"])
    }

    /// Prices then stock of every SKU in one call each, by model (0 for an item without
    /// models).
    async fn set_price_stock(
        &self,
        item_id: i64,
        models: &[Model],
        skus: &[SkuUpdate],
    ) -> Result<()> {
        let mut entries = Vec::new();
        for sku in skus {
            let model_id = match models.iter().find(|m| m.seller_sku == sku.seller_sku) {
                Some(model) => model.id,
                None if models.is_empty() && skus.len() == 1 => 0,
                None => {
                    // Adding or removing variants of a live item is done in Seller Center.
                    return Err(MarketError::Invalid {
                        field: Some(RemoteField::Variants),
                        code: "model_sku".into(),
                        message: format!("no model has the SKU {}", sku.seller_sku),
                    });
                }
            };
            entries.push((model_id, sku));
        }
        let price = json!({"item_id": item_id, "price_list": entries.iter()
            .map(|(id, sku)| json!({"model_id": id, "original_price": sku.price_vnd})).collect::<Vec<_>>()});
        let stock = json!({"item_id": item_id, "stock_list": entries.iter()
            .map(|(id, sku)| json!({"model_id": id, "seller_stock": [{"stock": sku.stock}]})).collect::<Vec<_>>()});
        for (path, body) in [
            ("/api/v2/product/update_price", price),
            ("/api/v2/product/update_stock", stock),
        ] {
            let response = self
                .call(Method::POST, path, true, &[], &Body::Json(body))
                .await?;
            if let Some(failure) = response["failure_list"].as_array().and_then(|f| f.first()) {
                return Err(MarketError::Invalid {
                    field: Some(if path.ends_with("price") {
                        RemoteField::Price
                    } else {
                        RemoteField::Stock
                    }),
                    code: "failure_list".into(),
                    message: failure["failed_reason"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                });
            }
        }
        Ok(())
    }

    async fn rejection_reasons(&self, item_id: &str) -> Result<Vec<Rejection>> {
        let response = self
            .call(
                Method::GET,
                "/api/v2/product/get_item_violation_info",
                true,
                &[("item_id_list", item_id)],
                &Body::None,
            )
            .await?;
        Ok(response["item_list"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|item| item["violation_list"].as_array().into_iter().flatten())
            .filter_map(|v| {
                Some(Rejection {
                    reason: v["violation_reason"].as_str()?.to_owned(),
                    suggestion: v["suggestion"]
                        .as_str()
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned),
                })
            })
            .collect())
    }

    async fn token_call(&self, path: &str, body: Value) -> Result<Tokens> {
        let response = self
            .call(Method::POST, path, false, &[], &Body::Json(body))
            .await?;
        let now = self.session.http.clock().now_s();
        let text = |key: &str| {
            response[key]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| unexpected(key))
        };
        Ok(Tokens {
            access_token: text("access_token")?,
            access_expires_at: now
                + response["expire_in"]
                    .as_i64()
                    .ok_or_else(|| unexpected("expire_in"))?,
            refresh_token: text("refresh_token")?,
            refresh_expires_at: Some(now + REFRESH_LIFETIME_S),
        })
    }
}

/// Reads Shopee's envelope. Token answers carry their fields at the top level, every
/// other answer under `response`.
fn envelope(reply: &Reply) -> Result<Value> {
    let value: Value = reply.json()?;
    let error = value["error"].as_str().unwrap_or_default();
    if error.is_empty() {
        if reply.status.is_server_error() {
            return Err(MarketError::Server {
                status: reply.status.as_u16(),
            });
        }
        return Ok(match value.get("response") {
            Some(response) => response.clone(),
            None => value,
        });
    }
    let message = value["message"].as_str().unwrap_or_default().to_owned();
    Err(error_for(error, message, reply))
}

fn error_for(error: &str, message: String, reply: &Reply) -> MarketError {
    let lower = message.to_lowercase();
    let credential = |credential| MarketError::WrongCredential { credential };
    let invalid = |field| MarketError::Invalid {
        field: Some(field),
        code: error.to_owned(),
        message: message.clone(),
    };
    match error {
        "error_sign" => credential(Credential::PartnerKey),
        "error_param" if lower.contains("timestamp") => MarketError::ClockRejected,
        "error_param" if lower.contains("partner_id") => credential(Credential::PartnerId),
        "error_param" if lower.contains("shop_id") => credential(Credential::ShopId),
        "error_param" if lower.contains("tier_variation") || lower.contains("model") => {
            invalid(RemoteField::Variants)
        }
        "error_auth" if lower.contains("refresh") => MarketError::Reauthorize,
        "error_auth" if lower.contains("code") => credential(Credential::AuthorizationCode),
        "error_auth" | "invalid_acceess_token" | "invalid_access_token" => MarketError::AuthExpired,
        "error_rate_limit" => MarketError::RateLimited {
            wait: reply.retry_after(),
        },
        "error_limit" => MarketError::DailyLimit,
        "error_server" | "error_system_busy" | "error_inner" => MarketError::Server {
            status: reply.status.as_u16(),
        },
        "error_name_length_limit" | "error_item_name_is_too_short" => invalid(RemoteField::Title),
        "error_desc_length_min_limit" | "error_desc_length_max_limit" => {
            invalid(RemoteField::Description)
        }
        "error_image_num_min" | "error_image_num_max" => invalid(RemoteField::Images),
        "error_invalid_category" => invalid(RemoteField::Category),
        "error_less_required_attribute" => invalid(RemoteField::Attributes),
        "error_invalid_logistic_info" => invalid(RemoteField::Package),
        "error_item_sku_duplicate" => MarketError::DuplicateSku {
            code: error.to_owned(),
        },
        _ => MarketError::Platform {
            code: error.to_owned(),
            message,
        },
    }
}

/// One variant of an item as Shopee numbers it.
struct Model {
    id: i64,
    seller_sku: String,
    price_vnd: Option<i64>,
    stock: Option<u32>,
}

fn models_from(list: &Value) -> Result<Vec<Model>> {
    list.as_array()
        .ok_or_else(|| unexpected("model"))?
        .iter()
        .map(|m| {
            Ok(Model {
                id: m["model_id"]
                    .as_i64()
                    .ok_or_else(|| unexpected("model_id"))?,
                seller_sku: m["model_sku"].as_str().unwrap_or_default().to_owned(),
                price_vnd: original_price(&m["price_info"]),
                stock: seller_stock(&m["stock_info_v2"]),
            })
        })
        .collect()
}

fn original_price(price_info: &Value) -> Option<i64> {
    price_info
        .as_array()
        .and_then(|p| p.first())
        .and_then(|p| p["original_price"].as_f64())
        .map(|p| p.round() as i64)
}

fn seller_stock(stock_info: &Value) -> Option<u32> {
    stock_info["seller_stock"]
        .as_array()
        .map(|s| s.iter().filter_map(|e| e["stock"].as_u64()).sum::<u64>())
        .and_then(|s| u32::try_from(s).ok())
}

fn item_number(product_id: &str) -> Result<i64> {
    product_id.parse::<i64>().map_err(|_| unexpected("item_id"))
}

fn state_of(status: &str) -> Result<ReviewState> {
    Ok(match status {
        "REVIEWING" => ReviewState::UnderReview,
        "NORMAL" => ReviewState::Live,
        "BANNED" => ReviewState::Rejected {
            reasons: Vec::new(),
        },
        "UNLIST" => ReviewState::Deactivated,
        "SELLER_DELETE" | "SHOPEE_DELETE" => ReviewState::Deleted,
        other => return Err(unexpected(&format!("item_status {other}"))),
    })
}

impl Marketplace for Shopee {
    fn platform(&self) -> Platform {
        Platform::Shopee
    }

    fn authorize_url(&self, _state: &str) -> String {
        let path = "/api/v2/shop/auth_partner";
        let timestamp = self.session.http.clock().now_s();
        let signature = sign::shopee(
            &self.partner_key,
            self.partner_id,
            path,
            timestamp,
            ShopeeScope::Public,
        );
        // No redirect page of our own: Shopee shows the code in the address bar of the
        // page it lands on, which the seller copies back.
        authorize_link(
            &self.session.endpoints.authorize,
            &[
                ("partner_id", &self.partner_id.to_string()),
                ("timestamp", &timestamp.to_string()),
                ("sign", &signature),
                ("redirect", "https://localhost/"),
            ],
        )
    }

    async fn exchange_code(&self, code: &str) -> Result<Tokens> {
        let tokens = self
            .token_call(
                "/api/v2/auth/token/get",
                json!({"code": code, "shop_id": self.shop_id, "partner_id": self.partner_id}),
            )
            .await?;
        self.session.set_tokens(tokens.clone());
        Ok(tokens)
    }

    async fn refresh_tokens(&self) -> Result<Tokens> {
        let refresh_token = self.session.tokens()?.refresh_token;
        self.token_call(
            "/api/v2/auth/access_token/get",
            json!({"refresh_token": refresh_token, "shop_id": self.shop_id, "partner_id": self.partner_id}),
        )
        .await
    }

    fn use_tokens(&self, tokens: Tokens) {
        self.session.set_tokens(tokens);
    }

    fn current_tokens(&self) -> Option<Tokens> {
        self.session.current_tokens()
    }

    async fn test_connection(&self) -> Result<ShopIdentity> {
        self.channels().await?;
        Ok(ShopIdentity {
            remote_id: self.shop_id.to_string(),
            name: String::new(),
            cipher: None,
        })
    }

    async fn upload_image(&self, jpeg: Vec<u8>, file_name: &str) -> Result<RemoteImage> {
        let name = file_name.to_owned();
        let form = Body::Multipart(Box::new(move || {
            let part = reqwest::multipart::Part::bytes(jpeg.clone())
                .file_name(name.clone())
                .mime_str("image/jpeg")
                .expect("a valid MIME type");
            reqwest::multipart::Form::new()
                .part("image", part)
                .text("scene", "normal")
        }));
        let response = self
            .call(
                Method::POST,
                "/api/v2/media_space/upload_image",
                false,
                &[],
                &form,
            )
            .await?;
        let info = &response["image_info"];
        Ok(RemoteImage {
            id: info["image_id"]
                .as_str()
                .ok_or_else(|| unexpected("image_id"))?
                .to_owned(),
            url: info["image_url_list"]
                .as_array()
                .and_then(|urls| urls.first())
                .and_then(|u| u["image_url"].as_str())
                .map(str::to_owned),
        })
    }

    async fn create_product(&self, draft: &ProductDraft) -> Result<CreatedProduct> {
        let body = Body::Json(self.item_body(draft).await?);
        let response = self
            .call(Method::POST, "/api/v2/product/add_item", true, &[], &body)
            .await?;
        let item_id = number_text(&response["item_id"]).ok_or_else(|| unexpected("item_id"))?;
        let skus = if draft.skus.len() > 1 {
            self.init_variations(item_number(&item_id)?, &draft.skus)
                .await?
                .into_iter()
                .map(|m| (m.seller_sku, m.id.to_string()))
                .collect()
        } else {
            draft
                .skus
                .iter()
                .map(|s| (s.seller_sku.clone(), item_id.clone()))
                .collect()
        };
        Ok(CreatedProduct {
            skus,
            product_id: item_id,
        })
    }

    async fn finish_creation(&self, product_id: &str, draft: &ProductDraft) -> Result<()> {
        let item_id = item_number(product_id)?;
        if draft.skus.len() > 1 && self.models(item_id).await?.is_empty() {
            self.init_variations(item_id, &draft.skus).await?;
        }
        Ok(())
    }

    async fn update_product(&self, product_id: &str, draft: &ProductDraft) -> Result<()> {
        let item_id = item_number(product_id)?;
        let mut body = self.item_body(draft).await?;
        body["item_id"] = json!(item_id);
        let models = self.models(item_id).await?;
        if !models.is_empty() {
            // An item with models keeps its prices and stock on them.
            if let Some(fields) = body.as_object_mut() {
                for key in ["original_price", "seller_stock", "item_sku"] {
                    fields.remove(key);
                }
            }
        }
        self.call(
            Method::POST,
            "/api/v2/product/update_item",
            true,
            &[],
            &Body::Json(body),
        )
        .await?;
        if models.is_empty() && draft.skus.len() > 1 {
            self.init_variations(item_id, &draft.skus).await?;
        } else if !models.is_empty() {
            let skus: Vec<SkuUpdate> = draft.skus.iter().map(SkuUpdate::from).collect();
            self.set_price_stock(item_id, &models, &skus).await?;
        }
        Ok(())
    }

    async fn update_price_stock(&self, product_id: &str, skus: &[SkuUpdate]) -> Result<()> {
        let item_id = item_number(product_id)?;
        let models = self.models(item_id).await?;
        self.set_price_stock(item_id, &models, skus).await
    }

    async fn deactivate(&self, product_id: &str) -> Result<()> {
        let item_id = item_number(product_id)?;
        let body = json!({"item_list": [{"item_id": item_id, "unlist": true}]});
        self.call(
            Method::POST,
            "/api/v2/product/unlist_item",
            true,
            &[],
            &Body::Json(body),
        )
        .await?;
        Ok(())
    }

    async fn product(&self, product_id: &str) -> Result<RemoteProduct> {
        let response = self
            .call(
                Method::GET,
                "/api/v2/product/get_item_base_info",
                true,
                &[("item_id_list", product_id)],
                &Body::None,
            )
            .await?;
        let item = response["item_list"]
            .as_array()
            .and_then(|items| items.first())
            .ok_or_else(|| unexpected("item_list"))?;
        let mut state = state_of(
            item["item_status"]
                .as_str()
                .ok_or_else(|| unexpected("item_status"))?,
        )?;
        if let ReviewState::Rejected { reasons } = &mut state {
            *reasons = self.rejection_reasons(product_id).await?;
        }
        let skus = if item["has_model"] == json!(true) {
            self.models(item_number(product_id)?)
                .await?
                .into_iter()
                .map(|m| RemoteSku {
                    id: m.id.to_string(),
                    seller_sku: m.seller_sku,
                    price_vnd: m.price_vnd,
                    stock: m.stock,
                })
                .collect()
        } else {
            vec![RemoteSku {
                id: product_id.to_owned(),
                seller_sku: item["item_sku"].as_str().unwrap_or_default().to_owned(),
                price_vnd: original_price(&item["price_info"]),
                stock: seller_stock(&item["stock_info_v2"]),
            }]
        };
        Ok(RemoteProduct {
            id: product_id.to_owned(),
            state,
            title: item["item_name"].as_str().map(str::to_owned),
            skus,
        })
    }

    async fn find_by_sku(&self, seller_sku: &str) -> Result<Option<String>> {
        let response = self
            .call(
                Method::GET,
                "/api/v2/product/search_item",
                true,
                &[("item_sku", seller_sku), ("page_size", "20")],
                &Body::None,
            )
            .await?;
        Ok(response["item_id_list"]
            .as_array()
            .and_then(|ids| ids.first())
            .and_then(number_text))
    }

    async fn categories(&self) -> Result<Vec<RemoteCategory>> {
        let response = self
            .call(
                Method::GET,
                "/api/v2/product/get_category",
                true,
                &[("language", "vi")],
                &Body::None,
            )
            .await?;
        response["category_list"]
            .as_array()
            .ok_or_else(|| unexpected("category_list"))?
            .iter()
            .map(|c| {
                Ok(RemoteCategory {
                    id: number_text(&c["category_id"]).ok_or_else(|| unexpected("category_id"))?,
                    parent_id: number_text(&c["parent_category_id"]).filter(|p| p != "0"),
                    name: c["display_category_name"]
                        .as_str()
                        .or_else(|| c["original_category_name"].as_str())
                        .unwrap_or_default()
                        .to_owned(),
                    leaf: c["has_children"] == json!(false),
                })
            })
            .collect()
    }

    async fn attributes(&self, category_id: &str) -> Result<Vec<RemoteAttribute>> {
        let response = self
            .call(
                Method::GET,
                "/api/v2/product/get_attributes",
                true,
                &[("category_id", category_id), ("language", "vi")],
                &Body::None,
            )
            .await?;
        response["attribute_list"]
            .as_array()
            .ok_or_else(|| unexpected("attribute_list"))?
            .iter()
            .map(|a| {
                Ok(RemoteAttribute {
                    id: number_text(&a["attribute_id"])
                        .ok_or_else(|| unexpected("attribute_id"))?,
                    name: a["display_attribute_name"]
                        .as_str()
                        .or_else(|| a["original_attribute_name"].as_str())
                        .unwrap_or_default()
                        .to_owned(),
                    required: a["is_mandatory"].as_bool().unwrap_or(false),
                })
            })
            .collect()
    }
}
