//! Review: a new or edited product is under review for `delay`; then it goes live, or is
//! rejected when its title or description holds one of the refused phrases (compared
//! folded, so "hàng xách tay" and "HANG XACH TAY" are the same).

use std::time::Duration;

use serde_json::{Value, json};

use super::store::Product;
use crate::text;

fn now_ms() -> i64 {
    i64::try_from(time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000)
        .unwrap_or(i64::MAX)
}

#[derive(Debug, Clone)]
pub(crate) struct ReviewSettings {
    pub(crate) delay: Duration,
    pub(crate) reject_words: Vec<String>,
}

impl ReviewSettings {
    pub(crate) fn new(delay: Duration) -> ReviewSettings {
        ReviewSettings {
            delay,
            reject_words: vec!["hàng xách tay".into(), "zalo".into(), "hàng nhái".into()],
        }
    }

    /// When a product sent now leaves review (Unix milliseconds).
    pub(crate) fn review_at(&self) -> i64 {
        now_ms() + i64::try_from(self.delay.as_millis()).unwrap_or(i64::MAX / 2)
    }

    /// Ends the review of `product` if its time has come; true when it changed.
    pub(crate) fn settle(&self, product: &mut Product) -> bool {
        if product.status != "pending" {
            return false;
        }
        if now_ms() < product.review_at {
            return false;
        }
        let folded = text::fold(&format!(
            "{} {}",
            product.body["title"].as_str().unwrap_or_default(),
            product.body["description"].as_str().unwrap_or_default()
        ));
        let refused: Vec<&String> = self
            .reject_words
            .iter()
            .filter(|w| folded.contains(&text::fold(w)))
            .collect();
        if refused.is_empty() {
            product.status = "live".into();
            product.reasons = json!([]);
        } else {
            product.status = "rejected".into();
            product.reasons = Value::Array(
                refused
                    .iter()
                    .map(|word| {
                        json!({
                            "reason": format!("Sản phẩm vi phạm chính sách: {word}"),
                            "suggestion": format!("Bỏ cụm từ “{word}” khỏi tên và mô tả rồi gửi lại."),
                        })
                    })
                    .collect(),
            );
        }
        true
    }
}
