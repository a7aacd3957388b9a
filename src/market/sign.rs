//! Request signatures, exactly as each marketplace computes them (marketplaces.md §2.2,
//! §3.2, §4.2; every documented example is reproduced in tests/core/signing.rs).
//!
//! Signatures are made at send time from the exact bytes sent, never when a job is queued:
//! they hold a timestamp the platform checks against its own clock.

use hmac::{Hmac, Mac};
use sha2::Sha256;

fn hmac_sha256(key: &str, message: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length: `new_from_slice` cannot fail for it.
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// Parameters sorted by key, byte-wise, as all three platforms require.
fn sorted<'a>(params: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut sorted = params.to_vec();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    sorted
}

/// TikTok Shop: `hex(HMAC(secret, secret + path + Σ key+value + body + secret))`, over
/// every query parameter but `sign` and `access_token`, with the body exactly as sent
/// unless it is multipart (`body = None`).
pub fn tiktok(app_secret: &str, path: &str, query: &[(&str, &str)], body: Option<&[u8]>) -> String {
    let mut message = Vec::with_capacity(256 + body.map_or(0, <[u8]>::len));
    message.extend_from_slice(app_secret.as_bytes());
    message.extend_from_slice(path.as_bytes());
    for (key, value) in sorted(query) {
        if key != "sign" && key != "access_token" {
            message.extend_from_slice(key.as_bytes());
            message.extend_from_slice(value.as_bytes());
        }
    }
    if let Some(body) = body {
        message.extend_from_slice(body);
    }
    message.extend_from_slice(app_secret.as_bytes());
    hex::encode(hmac_sha256(app_secret, &message))
}

/// Who a Shopee call acts for: public calls name nobody, shop calls a shop, merchant
/// calls a merchant; the last two add the access token and the id to the signed string.
#[derive(Debug, Clone, Copy)]
pub enum ShopeeScope<'a> {
    Public,
    Shop {
        access_token: &'a str,
        shop_id: u64,
    },
    Merchant {
        access_token: &'a str,
        merchant_id: u64,
    },
}

/// Shopee: `hex(HMAC(partner_key, partner_id + path + timestamp [+ token + shop/merchant id]))`.
/// The body and the other query parameters are not signed.
pub fn shopee(
    partner_key: &str,
    partner_id: u64,
    path: &str,
    timestamp: i64,
    scope: ShopeeScope,
) -> String {
    let mut base = format!("{partner_id}{path}{timestamp}");
    match scope {
        ShopeeScope::Public => {}
        ShopeeScope::Shop {
            access_token,
            shop_id,
        } => {
            base.push_str(access_token);
            base.push_str(&shop_id.to_string());
        }
        ShopeeScope::Merchant {
            access_token,
            merchant_id,
        } => {
            base.push_str(access_token);
            base.push_str(&merchant_id.to_string());
        }
    }
    hex::encode(hmac_sha256(partner_key, base.as_bytes()))
}

/// Lazada: `HEX(HMAC(secret, path + Σ key+value))` in upper case, over every system and
/// business parameter (`payload` included) but `sign` and uploaded files.
pub fn lazada(app_secret: &str, path: &str, params: &[(&str, &str)]) -> String {
    let mut message = String::with_capacity(256);
    message.push_str(path);
    for (key, value) in sorted(params) {
        if key != "sign" {
            message.push_str(key);
            message.push_str(value);
        }
    }
    hex::encode_upper(hmac_sha256(app_secret, message.as_bytes()))
}
