//! What each marketplace accepts as a product photo, from the platforms' documentation
//! (image sizes, counts and formats in their seller and API guides),
//! and what we make for it: a square JPEG (sRGB, 4:2:0, no metadata).
//!
//! Changing a number here changes [`SPEC_VERSION`], which is part of every cached
//! variant's name, so variants made under the old rules are made again.

use serde::Serialize;

use crate::platform::Platform;

/// Bumped whenever a spec below changes; cached variants carry it in their file name.
pub const SPEC_VERSION: u32 = 1;

/// The square side of the small image the app shows in lists and editors.
pub const THUMBNAIL_SIDE: u32 = 320;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PhotoSpec {
    pub platform: Platform,
    /// The shorter side a source photo needs so the variant is not blown up past what
    /// the platform accepts (TikTok Shop: 600 px; Lazada: 500 px recommended).
    pub min_side: u32,
    /// The largest side the platform takes.
    pub max_side: u32,
    /// The side of the square variant we make.
    pub output_side: u32,
    /// The most bytes one photo may weigh (Lazada: aim for 1 MB).
    pub max_bytes: u64,
    /// The most photos a product may show.
    pub max_count: u32,
    /// Below this many photos the platform refuses the listing.
    pub min_count: u32,
    /// The number the platform recommends.
    pub recommended_count: u32,
}

const MB: u64 = 1024 * 1024;

/// The rules of `platform`.
pub fn spec(platform: Platform) -> PhotoSpec {
    match platform {
        // Main images 300–4000 px, ≤ 10 MB, ≤ 9; Seller Center asks 1:1 and ≥ 600×600;
        // ≥ 5 photos recommended.
        Platform::TiktokShop => PhotoSpec {
            platform,
            min_side: 600,
            max_side: 4000,
            output_side: 1200,
            max_bytes: 10 * MB,
            max_count: 9,
            min_count: 1,
            recommended_count: 5,
        },
        // media_space upload: JPG/PNG ≤ 10 MB, made square by Shopee, ≤ 9 per product.
        Platform::Shopee => PhotoSpec {
            platform,
            min_side: 500,
            max_side: 5000,
            output_side: 1024,
            max_bytes: 10 * MB,
            max_count: 9,
            min_count: 1,
            recommended_count: 5,
        },
        // JPG/PNG, 330–5000 px, ≤ 1 MB in the API reference (3 MB in newer guides: we aim
        // for 1 MB), 2–8 images, 1:1 recommended on white.
        Platform::Lazada => PhotoSpec {
            platform,
            min_side: 500,
            max_side: 5000,
            output_side: 1000,
            max_bytes: MB,
            max_count: 8,
            min_count: 2,
            recommended_count: 5,
        },
        // Tiki fetches image URLs; ≥ 500×500 px recommended.
        Platform::Tiki => PhotoSpec {
            platform,
            min_side: 500,
            max_side: 5000,
            output_side: 1024,
            max_bytes: 5 * MB,
            max_count: 9,
            min_count: 1,
            recommended_count: 5,
        },
    }
}

/// How a photo becomes square: padded on white (nothing cut off) or cut from the centre
/// (no white bands). The user chooses per photo.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    #[default]
    Pad,
    Crop,
}

impl Fit {
    pub fn code(self) -> &'static str {
        match self {
            Fit::Pad => "pad",
            Fit::Crop => "crop",
        }
    }

    pub fn from_code(code: &str) -> Option<Fit> {
        match code {
            "pad" => Some(Fit::Pad),
            "crop" => Some(Fit::Crop),
            _ => None,
        }
    }
}

/// What a stored photo can be rendered as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rendition {
    /// The app's own small square preview.
    Thumbnail(Fit),
    /// The upload variant for a marketplace.
    Variant(Platform, Fit),
}

impl Rendition {
    /// The side of the square image.
    pub fn side(self) -> u32 {
        match self {
            Rendition::Thumbnail(_) => THUMBNAIL_SIDE,
            Rendition::Variant(platform, _) => spec(platform).output_side,
        }
    }

    /// The most bytes the file may weigh, if the platform sets a limit.
    pub fn max_bytes(self) -> Option<u64> {
        match self {
            Rendition::Thumbnail(_) => None,
            Rendition::Variant(platform, _) => Some(spec(platform).max_bytes),
        }
    }

    pub fn fit(self) -> Fit {
        match self {
            Rendition::Thumbnail(fit) | Rendition::Variant(_, fit) => fit,
        }
    }

    /// The cache file name of this rendition of the photo `sha256`: it names everything
    /// the bytes depend on, so a change of rules or choice makes a new file.
    pub fn file_name(self, sha256: &str) -> String {
        match self {
            Rendition::Thumbnail(fit) => {
                format!("{sha256}-thumb-{}-v{SPEC_VERSION}.jpg", fit.code())
            }
            Rendition::Variant(platform, fit) => {
                format!(
                    "{sha256}-{}-{}-v{SPEC_VERSION}.jpg",
                    platform.code(),
                    fit.code()
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_fits_its_platform() {
        for platform in Platform::ALL {
            let s = spec(platform);
            assert!(
                s.min_side <= s.output_side && s.output_side <= s.max_side,
                "{platform:?}"
            );
            assert!(s.min_count <= s.recommended_count && s.recommended_count <= s.max_count);
        }
        assert_eq!(spec(Platform::Lazada).max_bytes, 1024 * 1024);
    }

    #[test]
    fn cache_names_change_with_the_choice() {
        let pad = Rendition::Variant(Platform::Shopee, Fit::Pad).file_name("ab");
        let crop = Rendition::Variant(Platform::Shopee, Fit::Crop).file_name("ab");
        assert_ne!(pad, crop);
        assert!(pad.contains(&format!("v{SPEC_VERSION}")));
    }
}
