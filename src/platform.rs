//! The marketplaces a listing can go to. Their rules live with the module that needs
//! them (photo sizes in `photos::spec`, titles and claims in the listing checks).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    TiktokShop,
    Shopee,
    Lazada,
    Tiki,
}

impl Platform {
    pub const ALL: [Platform; 4] = [
        Platform::TiktokShop,
        Platform::Shopee,
        Platform::Lazada,
        Platform::Tiki,
    ];

    /// The stable code stored in SQLite and typed on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Platform::TiktokShop => "tiktok_shop",
            Platform::Shopee => "shopee",
            Platform::Lazada => "lazada",
            Platform::Tiki => "tiki",
        }
    }

    /// Reads a platform from its code or its name as people write it ("TikTok Shop",
    /// "tiktok", "lazada").
    pub fn parse(input: &str) -> Option<Platform> {
        let folded = crate::text::fold(input).replace(' ', "");
        match folded.as_str() {
            "tiktokshop" | "tiktok" | "tiktok_shop" | "tts" => Some(Platform::TiktokShop),
            "shopee" => Some(Platform::Shopee),
            "lazada" => Some(Platform::Lazada),
            "tiki" => Some(Platform::Tiki),
            _ => None,
        }
    }

    /// The platform's name as its sellers know it (not translated).
    pub fn name(self) -> &'static str {
        match self {
            Platform::TiktokShop => "TikTok Shop",
            Platform::Shopee => "Shopee",
            Platform::Lazada => "Lazada",
            Platform::Tiki => "Tiki",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_people_type_are_read() {
        assert_eq!(Platform::parse("TikTok Shop"), Some(Platform::TiktokShop));
        assert_eq!(Platform::parse("tiktok_shop"), Some(Platform::TiktokShop));
        assert_eq!(Platform::parse("LAZADA"), Some(Platform::Lazada));
        assert_eq!(Platform::parse("sendo"), None);
        for platform in Platform::ALL {
            assert_eq!(Platform::parse(platform.code()), Some(platform));
        }
    }
}
