//! Lazada Open Platform (marketplaces.md §4): system parameters in the query, business
//! parameters in the query (GET) or a form body (POST), all signed together;
//! `{code: "0", data}` on success.

use std::sync::Arc;
use std::time::Duration;

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
pub struct Lazada {
    app_key: String,
    app_secret: String,
    session: Session,
}

enum Host {
    Api,
    Auth,
}

impl Lazada {
    pub fn new(
        app_key: String,
        app_secret: String,
        endpoints: Endpoints,
        http: Arc<Http>,
        tokens: Option<Tokens>,
    ) -> Lazada {
        Lazada {
            app_key,
            app_secret,
            session: Session::new(endpoints, http, tokens),
        }
    }

    async fn call(
        &self,
        method: Method,
        host: Host,
        path: &str,
        params: &[(&str, &str)],
        image: Option<&[u8]>,
    ) -> Result<Value> {
        self.session
            .with_clock_retry(|| self.call_once(method.clone(), &host, path, params, image))
            .await
    }

    async fn call_once(
        &self,
        method: Method,
        host: &Host,
        path: &str,
        params: &[(&str, &str)],
        image: Option<&[u8]>,
    ) -> Result<Value> {
        let timestamp = self.session.http.clock().now_ms().to_string();
        let token = match host {
            Host::Api => Some(self.session.access_token()?),
            Host::Auth => None,
        };
        let mut system: Vec<(&str, &str)> = vec![
            ("app_key", &self.app_key),
            ("timestamp", &timestamp),
            ("sign_method", "sha256"),
        ];
        if let Some(token) = &token {
            system.push(("access_token", token));
        }
        // Empty values are never sent: Lazada's own samples disagree on signing them.
        let business: Vec<(&str, &str)> = params
            .iter()
            .copied()
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let all: Vec<(&str, &str)> = system.iter().chain(business.iter()).copied().collect();
        let signature = sign::lazada(&self.app_secret, path, &all);
        system.push(("sign", &signature));

        let base = match host {
            Host::Api => &self.session.endpoints.api,
            Host::Auth => &self.session.endpoints.auth,
        };
        let url = format!("{base}{path}");
        let request = match (image, method == Method::GET) {
            (Some(bytes), _) => {
                let part = reqwest::multipart::Part::bytes(bytes.to_vec())
                    .file_name("photo.jpg")
                    .mime_str("image/jpeg")
                    .expect("a valid MIME type");
                self.session
                    .http
                    .upload_client()
                    .post(url)
                    .query(&system)
                    .multipart(reqwest::multipart::Form::new().part("image", part))
            }
            (None, true) => self
                .session
                .http
                .client()
                .get(url)
                .query(&all_with(&system, &business)),
            (None, false) => self
                .session
                .http
                .client()
                .request(method, url)
                .query(&system)
                .form(&business),
        };
        envelope(&self.session.http.send(request).await?)
    }

    async fn token_call(&self, path: &str, params: &[(&str, &str)]) -> Result<Tokens> {
        let value = self
            .call(Method::POST, Host::Auth, path, params, None)
            .await?;
        let now = self.session.http.clock().now_s();
        let text = |key: &str| {
            value[key]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| unexpected(key))
        };
        let seconds = |key: &str| value[key].as_i64().ok_or_else(|| unexpected(key));
        let refresh_in = seconds("refresh_expires_in")?;
        Ok(Tokens {
            access_token: text("access_token")?,
            access_expires_at: now + seconds("expires_in")?,
            refresh_token: text("refresh_token")?,
            // 0 means the token cannot be refreshed at all.
            refresh_expires_at: Some(if refresh_in > 0 {
                now + refresh_in
            } else {
                now
            }),
        })
    }

    fn payload(&self, draft: &ProductDraft, item_id: Option<&str>) -> Result<String> {
        let package = draft.package;
        let dimension = |value: Option<u32>| value.map(|v| v.to_string()).unwrap_or_default();
        let mut attributes = json!({
            "name": draft.title,
            "description": draft.description,
            "brand": "No Brand",
        });
        for (id, value) in &draft.attributes {
            attributes[id] = json!(value);
        }
        let mut product = json!({
            "PrimaryCategory": draft.category_id,
            "Images": {"Image": draft.images.iter().map(|i| i.id.clone()).collect::<Vec<_>>()},
            "Attributes": attributes,
            "Skus": {"Sku": draft.skus.iter().map(|s| {
                let mut sku = json!({
                    "SellerSku": s.seller_sku,
                    "quantity": s.stock.to_string(),
                    "price": s.price_vnd.to_string(),
                    "package_weight": format!("{:.2}", f64::from(package.weight_grams) / 1000.0),
                    "package_length": dimension(package.length_cm),
                    "package_width": dimension(package.width_cm),
                    "package_height": dimension(package.height_cm),
                });
                if let Some(option) = &s.option {
                    sku["saleProp"] = json!({VARIATION_NAME: option});
                }
                sku
            }).collect::<Vec<_>>()},
        });
        if let Some(item_id) = item_id {
            product["ItemId"] = json!(item_id);
        }
        serde_json::to_string(&json!({"Request": {"Product": product}}))
            .map_err(|e| unexpected(&e.to_string()))
    }
}

fn all_with<'a>(
    system: &[(&'a str, &'a str)],
    business: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    system.iter().chain(business.iter()).copied().collect()
}

/// Reads Lazada's envelope: `code` "0" gives the whole answer (`data` and token fields).
fn envelope(reply: &Reply) -> Result<Value> {
    let value: Value = reply.json()?;
    let code = number_text(&value["code"]).ok_or_else(|| unexpected("code"))?;
    if code == "0" {
        if reply.status.is_server_error() {
            return Err(MarketError::Server {
                status: reply.status.as_u16(),
            });
        }
        return Ok(value);
    }
    let message = value["message"].as_str().unwrap_or_default().to_owned();
    Err(error_for(&code, message, &value, reply))
}

/// "This ban will last 3 more seconds" → 3 s.
fn ban_seconds(message: &str) -> Option<Duration> {
    let tail = message.split("last").nth(1)?;
    let number: String = tail
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    number.parse().ok().map(Duration::from_secs)
}

fn field_of(name: &str) -> RemoteField {
    match name.to_ascii_lowercase().as_str() {
        "name" | "title" => RemoteField::Title,
        "description" | "short_description" => RemoteField::Description,
        "primarycategory" | "category" => RemoteField::Category,
        "images" | "image" => RemoteField::Images,
        "sellersku" => RemoteField::Sku,
        "saleprop" => RemoteField::Variants,
        "price" | "special_price" => RemoteField::Price,
        "quantity" => RemoteField::Stock,
        n if n.starts_with("package") => RemoteField::Package,
        _ => RemoteField::Attributes,
    }
}

fn error_for(code: &str, message: String, value: &Value, reply: &Reply) -> MarketError {
    let credential = |credential| MarketError::WrongCredential { credential };
    let detail_field = value["detail"]
        .as_array()
        .and_then(|d| d.first())
        .and_then(|d| d["field"].as_str())
        .map(field_of);
    match code {
        "IncompleteSignature" => credential(Credential::AppSecret),
        "InvalidTimestamp" | "InvalidTimeStamp" => MarketError::ClockRejected,
        "InvalidAppKey" | "InvalidApiKey" => credential(Credential::AppKey),
        "IllegalAccessToken" => MarketError::AuthExpired,
        "IllegalRefreshToken" => MarketError::Reauthorize,
        "InvalidCode" => credential(Credential::AuthorizationCode),
        "ApiCallLimit" => MarketError::RateLimited {
            wait: ban_seconds(&message).or_else(|| reply.retry_after()),
        },
        "E901" => MarketError::DailyLimit,
        "4105" => MarketError::DuplicateSku {
            code: code.to_owned(),
        },
        "E001" | "E005" | "E201" | "4108" | "4110" | "4116" | "4125" | "4131" | "4138" | "4139" => {
            let default_field = match code {
                "E201" => RemoteField::Category,
                "4108" | "4110" => RemoteField::Attributes,
                "4116" | "4138" | "4139" => RemoteField::Images,
                "4125" => RemoteField::Variants,
                _ => RemoteField::Attributes,
            };
            MarketError::Invalid {
                field: Some(detail_field.unwrap_or(default_field)),
                code: code.to_owned(),
                message,
            }
        }
        _ if value["type"] == json!("SYSTEM") || reply.status.is_server_error() => {
            MarketError::Server {
                status: reply.status.as_u16(),
            }
        }
        _ => MarketError::Platform {
            code: code.to_owned(),
            message,
        },
    }
}

fn state_of(data: &Value) -> Result<ReviewState> {
    let status = data["status"]
        .as_str()
        .ok_or_else(|| unexpected("status"))?;
    Ok(match status {
        "pending" => ReviewState::UnderReview,
        "active" => ReviewState::Live,
        "rejected" => ReviewState::Rejected {
            reasons: data["rejectReason"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| {
                    Some(Rejection {
                        reason: r["reason"].as_str()?.to_owned(),
                        suggestion: r["suggestion"].as_str().map(str::to_owned),
                    })
                })
                .collect(),
        },
        "inactive" => ReviewState::Deactivated,
        "deleted" => ReviewState::Deleted,
        other => return Err(unexpected(&format!("status {other}"))),
    })
}

impl Marketplace for Lazada {
    fn platform(&self) -> Platform {
        Platform::Lazada
    }

    fn authorize_url(&self, state: &str) -> String {
        authorize_link(
            &self.session.endpoints.authorize,
            &[
                ("response_type", "code"),
                ("force_auth", "true"),
                ("client_id", &self.app_key),
                ("redirect_uri", "https://localhost/"),
                ("state", state),
            ],
        )
    }

    async fn exchange_code(&self, code: &str) -> Result<Tokens> {
        let tokens = self
            .token_call("/auth/token/create", &[("code", code)])
            .await?;
        self.session.set_tokens(tokens.clone());
        Ok(tokens)
    }

    async fn refresh_tokens(&self) -> Result<Tokens> {
        let refresh_token = self.session.tokens()?.refresh_token;
        self.token_call("/auth/token/refresh", &[("refresh_token", &refresh_token)])
            .await
    }

    fn use_tokens(&self, tokens: Tokens) {
        self.session.set_tokens(tokens);
    }

    fn current_tokens(&self) -> Option<Tokens> {
        self.session.current_tokens()
    }

    async fn test_connection(&self) -> Result<ShopIdentity> {
        let value = self
            .call(
                Method::GET,
                Host::Api,
                "/products/get",
                &[("filter", "all"), ("limit", "1")],
                None,
            )
            .await?;
        value["data"]
            .get("total_products")
            .ok_or_else(|| unexpected("total_products"))?;
        Ok(ShopIdentity {
            remote_id: self.app_key.clone(),
            name: String::new(),
            cipher: None,
        })
    }

    async fn upload_image(&self, jpeg: Vec<u8>, _file_name: &str) -> Result<RemoteImage> {
        let value = self
            .call(Method::POST, Host::Api, "/image/upload", &[], Some(&jpeg))
            .await?;
        let url = value["data"]["image"]["url"]
            .as_str()
            .ok_or_else(|| unexpected("image url"))?
            .to_owned();
        Ok(RemoteImage {
            id: url.clone(),
            url: Some(url),
        })
    }

    async fn create_product(&self, draft: &ProductDraft) -> Result<CreatedProduct> {
        let payload = self.payload(draft, None)?;
        let value = self
            .call(
                Method::POST,
                Host::Api,
                "/product/create",
                &[("payload", &payload)],
                None,
            )
            .await?;
        let data = &value["data"];
        Ok(CreatedProduct {
            product_id: number_text(&data["item_id"]).ok_or_else(|| unexpected("item_id"))?,
            skus: data["sku_list"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| {
                    Some((
                        s["seller_sku"].as_str()?.to_owned(),
                        number_text(&s["sku_id"])?,
                    ))
                })
                .collect(),
        })
    }

    async fn update_product(&self, product_id: &str, draft: &ProductDraft) -> Result<()> {
        let payload = self.payload(draft, Some(product_id))?;
        self.call(
            Method::POST,
            Host::Api,
            "/product/update",
            &[("payload", &payload)],
            None,
        )
        .await?;
        Ok(())
    }

    async fn update_price_stock(&self, product_id: &str, skus: &[SkuUpdate]) -> Result<()> {
        let payload = json!({"Request": {"Product": {"Skus": {"Sku": skus.iter().map(|s| json!({
            "ItemId": product_id,
            "SellerSku": s.seller_sku,
            "Price": s.price_vnd.to_string(),
            "Quantity": s.stock.to_string(),
        })).collect::<Vec<_>>()}}}});
        let payload = serde_json::to_string(&payload).map_err(|e| unexpected(&e.to_string()))?;
        self.call(
            Method::POST,
            Host::Api,
            "/product/price_quantity/update",
            &[("payload", &payload)],
            None,
        )
        .await?;
        Ok(())
    }

    async fn deactivate(&self, product_id: &str) -> Result<()> {
        let payload =
            serde_json::to_string(&json!({"Request": {"Product": {"ItemId": product_id}}}))
                .map_err(|e| unexpected(&e.to_string()))?;
        self.call(
            Method::POST,
            Host::Api,
            "/product/deactivate",
            &[("payload", &payload)],
            None,
        )
        .await?;
        Ok(())
    }

    async fn product(&self, product_id: &str) -> Result<RemoteProduct> {
        let value = self
            .call(
                Method::GET,
                Host::Api,
                "/product/item/get",
                &[("item_id", product_id)],
                None,
            )
            .await?;
        let data = &value["data"];
        Ok(RemoteProduct {
            id: product_id.to_owned(),
            state: state_of(data)?,
            title: data["attributes"]["name"].as_str().map(str::to_owned),
            skus: data["skus"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| {
                    Some(RemoteSku {
                        id: number_text(&s["SkuId"])?,
                        seller_sku: s["SellerSku"].as_str()?.to_owned(),
                        price_vnd: number_text(&s["price"])
                            .and_then(|p| p.parse::<f64>().ok())
                            .map(|p| p.round() as i64),
                        stock: number_text(&s["quantity"]).and_then(|q| q.parse().ok()),
                    })
                })
                .collect(),
        })
    }

    async fn find_by_sku(&self, seller_sku: &str) -> Result<Option<String>> {
        let list = serde_json::to_string(&[seller_sku]).map_err(|e| unexpected(&e.to_string()))?;
        let value = self
            .call(
                Method::GET,
                Host::Api,
                "/products/get",
                &[("filter", "all"), ("sku_seller_list", &list)],
                None,
            )
            .await?;
        Ok(value["data"]["products"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| p["status"] != json!("deleted"))
            .find(|p| {
                p["skus"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|s| s["SellerSku"] == json!(seller_sku))
            })
            .and_then(|p| number_text(&p["item_id"])))
    }

    async fn categories(&self) -> Result<Vec<RemoteCategory>> {
        let value = self
            .call(
                Method::GET,
                Host::Api,
                "/category/tree/get",
                &[("language_code", "vi_VN")],
                None,
            )
            .await?;
        let mut categories = Vec::new();
        let mut stack: Vec<(Option<String>, &Value)> = value["data"]
            .as_array()
            .ok_or_else(|| unexpected("category tree"))?
            .iter()
            .map(|c| (None, c))
            .collect();
        while let Some((parent_id, node)) = stack.pop() {
            let id = number_text(&node["category_id"]).ok_or_else(|| unexpected("category_id"))?;
            for child in node["children"].as_array().into_iter().flatten() {
                stack.push((Some(id.clone()), child));
            }
            categories.push(RemoteCategory {
                id,
                parent_id,
                name: node["name"].as_str().unwrap_or_default().to_owned(),
                leaf: node["leaf"].as_bool().unwrap_or(false),
            });
        }
        Ok(categories)
    }

    async fn attributes(&self, category_id: &str) -> Result<Vec<RemoteAttribute>> {
        let value = self
            .call(
                Method::GET,
                Host::Api,
                "/category/attributes/get",
                &[
                    ("primary_category_id", category_id),
                    ("language_code", "vi_VN"),
                ],
                None,
            )
            .await?;
        value["data"]
            .as_array()
            .ok_or_else(|| unexpected("attributes"))?
            .iter()
            .map(|a| {
                Ok(RemoteAttribute {
                    id: a["name"]
                        .as_str()
                        .ok_or_else(|| unexpected("attribute name"))?
                        .to_owned(),
                    name: a["label"]
                        .as_str()
                        .or_else(|| a["name"].as_str())
                        .unwrap_or_default()
                        .to_owned(),
                    required: matches!(a["is_mandatory"].as_i64(), Some(1))
                        || a["is_mandatory"] == json!(true),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::ban_seconds;
    use std::time::Duration;

    #[test]
    fn the_ban_length_is_read_from_the_message() {
        assert_eq!(
            ban_seconds(
                "The specified API is called too frequently, This ban will last 3 more seconds"
            ),
            Some(Duration::from_secs(3))
        );
        assert_eq!(ban_seconds("Too frequent"), None);
    }
}
