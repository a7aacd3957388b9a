//! What the app sends to and reads from any marketplace, in the app's own terms; each
//! adapter translates to and from its platform's fields.

use serde::{Deserialize, Serialize};

/// A shop's tokens. Times are Unix seconds on the platform's clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tokens {
    pub access_token: String,
    pub access_expires_at: i64,
    pub refresh_token: String,
    /// `None` when the platform does not say (the documented lifetime is assumed by the
    /// caller).
    pub refresh_expires_at: Option<i64>,
}

/// Who the shop is on the platform, as the platform reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopIdentity {
    pub remote_id: String,
    pub name: String,
    /// TikTok Shop's `shop_cipher`, needed on every shop call.
    pub cipher: Option<String>,
}

/// A photo the platform now hosts: `id` goes in product fields (TikTok `uri`, Shopee
/// `image_id`, Lazada URL), `url` is where it can be seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteImage {
    pub id: String,
    pub url: Option<String>,
}

/// The name of the one variation the app gives a product with several SKUs: shoppers
/// choose between the variants' names under it.
pub const VARIATION_NAME: &str = "Phân loại";

/// One sellable unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkuDraft {
    pub seller_sku: String,
    /// The option a shopper picks ("Hộp 500 g"); set when the product has several SKUs,
    /// each different, since every platform asks for one then.
    pub option: Option<String>,
    pub price_vnd: i64,
    pub stock: u32,
}

/// The parcel: grams and whole centimetres, as the catalog keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Package {
    pub weight_grams: u32,
    pub length_cm: Option<u32>,
    pub width_cm: Option<u32>,
    pub height_cm: Option<u32>,
}

/// A product as it will be created or replaced on a platform, photos already uploaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDraft {
    pub title: String,
    pub description: String,
    pub category_id: String,
    pub images: Vec<RemoteImage>,
    pub skus: Vec<SkuDraft>,
    pub package: Package,
    /// Category attributes: (attribute id, value as text).
    pub attributes: Vec<(String, String)>,
    /// Sent where the platform accepts one (TikTok Shop) so that a retry after a timeout
    /// never makes a second product; derived from the listing, never regenerated.
    pub idempotency_key: String,
}

/// What the platform answered to a creation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedProduct {
    pub product_id: String,
    /// (seller SKU, the platform's SKU id).
    pub skus: Vec<(String, String)>,
}

/// One reason a platform gave for refusing a product, with its advice when it gives one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub reason: String,
    pub suggestion: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ReviewState {
    Draft,
    UnderReview,
    Live,
    Rejected {
        reasons: Vec<Rejection>,
    },
    /// Hidden by the seller or the platform.
    Deactivated,
    Deleted,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteSku {
    pub id: String,
    pub seller_sku: String,
    pub price_vnd: Option<i64>,
    pub stock: Option<u32>,
}

/// A product as the platform holds it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteProduct {
    pub id: String,
    pub state: ReviewState,
    pub title: Option<String>,
    pub skus: Vec<RemoteSku>,
}

/// New price and stock for one SKU.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkuUpdate {
    pub seller_sku: String,
    pub price_vnd: i64,
    pub stock: u32,
}

impl From<&SkuDraft> for SkuUpdate {
    fn from(sku: &SkuDraft) -> SkuUpdate {
        SkuUpdate {
            seller_sku: sku.seller_sku.clone(),
            price_vnd: sku.price_vnd,
            stock: sku.stock,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteCategory {
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
    pub leaf: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteAttribute {
    pub id: String,
    pub name: String,
    pub required: bool,
}
