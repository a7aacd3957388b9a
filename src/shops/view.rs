//! A shop as the Shops screen shows it: its state in words, when its access lapses.

use serde::Serialize;
use time::{OffsetDateTime, UtcOffset};

use super::lapse_warning;
use crate::args;
use crate::catalog::ids::Id;
use crate::catalog::shops::Shop;
use crate::i18n::I18n;
use crate::i18n::dates::format_datetime;
use crate::platform::Platform;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ShopView {
    pub id: Id,
    pub name: String,
    pub platform: Platform,
    pub platform_name: String,
    pub practice: bool,
    /// "ok", "lapsing" or "reauth".
    pub health: String,
    /// The state in words ("Đang hoạt động", "Ủy quyền hết hạn sau 5 ngày…").
    pub health_text: String,
    /// When the authorisation lapses, as a date and time, if known.
    pub lapses_at: Option<String>,
}

impl ShopView {
    pub fn new(shop: &Shop, now: OffsetDateTime, offset: UtcOffset, i18n: &I18n) -> ShopView {
        let (health, health_text) = if shop.needs_reauth {
            ("reauth", i18n.tr("market-shop-needs-reauth"))
        } else if let Some(days) = lapse_warning(shop, now.unix_timestamp()) {
            (
                "lapsing",
                i18n.tr_args("market-shop-lapsing", args!["days" => days]),
            )
        } else {
            ("ok", i18n.tr("market-shop-ok"))
        };
        ShopView {
            id: shop.id,
            name: shop.name.clone(),
            platform: shop.platform,
            platform_name: shop.platform.name().to_owned(),
            practice: shop.practice,
            health: health.to_owned(),
            health_text,
            lapses_at: shop
                .refresh_expires_at
                .and_then(|at| OffsetDateTime::from_unix_timestamp(at).ok())
                .map(|at| format_datetime(at, offset)),
        }
    }
}
