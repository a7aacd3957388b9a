//! Rate limits: a token bucket per (platform, app, shop, API path), refilled at the
//! platform's rate (TikTok 50/s as documented; Shopee and Lazada 10/s, chosen), times a
//! scale tests set.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use super::wire::Market;

pub(crate) struct Limits {
    scale: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
    /// Requests turned away for going too fast, so a benchmark can count only the rest.
    refused: AtomicU64,
}

fn rate(market: Market) -> f64 {
    match market {
        Market::Tiktok => 50.0,
        Market::Shopee | Market::Lazada => 10.0,
    }
}

impl Limits {
    pub(crate) fn new(scale: f64) -> Limits {
        Limits {
            scale: if scale > 0.0 { scale } else { 1.0 },
            buckets: Mutex::new(HashMap::new()),
            refused: AtomicU64::new(0),
        }
    }

    /// Takes a request from the bucket `key` of `market`; false when it is empty.
    pub(crate) fn allow(&self, market: Market, key: &str) -> bool {
        let rate = rate(market) * self.scale;
        let capacity = rate.max(1.0);
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let now = Instant::now();
        let bucket = buckets
            .entry(format!("{}:{key}", market.code()))
            .or_insert((capacity, now));
        bucket.0 = (bucket.0 + now.duration_since(bucket.1).as_secs_f64() * rate).min(capacity);
        bucket.1 = now;
        if bucket.0 >= 1.0 {
            bucket.0 -= 1.0;
            true
        } else {
            self.refused.fetch_add(1, Ordering::Relaxed);
            false
        }
    }

    /// How many requests were refused for going too fast.
    pub(crate) fn refused(&self) -> u64 {
        self.refused.load(Ordering::Relaxed)
    }
}
