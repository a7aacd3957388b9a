//! What is wrong with a photo, measured once at import and judged against each platform's
//! rules when asked: too small, blurry, too dark, burnt out; and for a product's set of
//! photos, too few for a platform or a cover that is not square.

use fast_image_resize::images::Image;
use fast_image_resize::{PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::RgbImage;
use serde::{Deserialize, Serialize};

use super::spec::{Fit, spec};
use crate::args;
use crate::i18n::I18n;
use crate::platform::Platform;

/// The measurements a photo's findings are judged from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Measures {
    /// Variance of the Laplacian of the grey image at 512 px: low means little detail.
    pub sharpness: f64,
    /// Mean brightness, 0–255.
    pub brightness: f64,
    /// Share of pixels that are burnt white.
    pub highlights: f64,
}

/// Below this sharpness a photo looks blurred at marketplace size.
pub const BLURRY_BELOW: f64 = 40.0;
const DARK_BELOW: f64 = 60.0;
const BURNT_ABOVE: f64 = 0.25;
/// The side the measures are taken at (independent of the photo's own size).
const MEASURE_SIDE: u32 = 512;

/// One thing to tell the user about a photo. Platforms with the same rule are named
/// together ("Shopee, Lazada, Tiki need 500 px") so the advice stays short.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    /// Smaller than `platforms` need: `side` px where `min_side` are wanted.
    TooSmall {
        platforms: Vec<Platform>,
        side: u32,
        min_side: u32,
    },
    Blurry,
    TooDark,
    Overexposed,
    /// The cover photo is not square and will be padded or cropped.
    CoverNotSquare,
    /// The product has fewer photos than `platforms` accept.
    TooFewPhotos {
        platforms: Vec<Platform>,
        count: u32,
        min_count: u32,
    },
    /// Fewer photos than `platforms` recommend.
    FewPhotos {
        platforms: Vec<Platform>,
        count: u32,
        recommended: u32,
    },
}

impl Finding {
    /// Whether a platform refuses the listing for it (otherwise it is advice).
    pub fn blocks(&self) -> bool {
        matches!(
            self,
            Finding::TooFewPhotos { .. } | Finding::TooSmall { .. }
        )
    }

    /// What to do about it, in plain words.
    pub fn message(&self, i18n: &I18n) -> String {
        match self {
            Finding::TooSmall { platforms, side, min_side } => i18n.tr_args(
                "photos-finding-too-small",
                args!["platforms" => names(platforms), "side" => *side, "min" => *min_side],
            ),
            Finding::Blurry => i18n.tr("photos-finding-blurry"),
            Finding::TooDark => i18n.tr("photos-finding-too-dark"),
            Finding::Overexposed => i18n.tr("photos-finding-overexposed"),
            Finding::CoverNotSquare => i18n.tr("photos-finding-cover-not-square"),
            Finding::TooFewPhotos { platforms, count, min_count } => i18n.tr_args(
                "photos-finding-too-few",
                args!["platforms" => names(platforms), "count" => *count, "min" => *min_count],
            ),
            Finding::FewPhotos { platforms, count, recommended } => i18n.tr_args(
                "photos-finding-few",
                args!["platforms" => names(platforms), "count" => *count, "recommended" => *recommended],
            ),
        }
    }
}

fn names(platforms: &[Platform]) -> String {
    platforms
        .iter()
        .map(|p| p.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The platforms for which `threshold` is broken, grouped by the threshold's value (in
/// the order platforms are listed), e.g. [(600, [TikTok Shop]), (500, [Shopee, Lazada])].
fn grouped(threshold: impl Fn(Platform) -> Option<u32>) -> Vec<(u32, Vec<Platform>)> {
    let mut groups: Vec<(u32, Vec<Platform>)> = Vec::new();
    for platform in Platform::ALL {
        let Some(value) = threshold(platform) else {
            continue;
        };
        match groups.iter_mut().find(|(v, _)| *v == value) {
            Some((_, platforms)) => platforms.push(platform),
            None => groups.push((value, vec![platform])),
        }
    }
    groups
}

/// Measures a decoded photo.
pub fn measure(image: &RgbImage) -> Measures {
    let grey = small_grey(image);
    let (width, height) = (grey.width() as usize, grey.height() as usize);
    let pixels = grey.buffer();
    let mut sum = 0.0;
    let mut sum_sq = 0.0;
    let mut count = 0.0;
    for y in 1..height.saturating_sub(1) {
        for x in 1..width.saturating_sub(1) {
            let at = |dx: isize, dy: isize| {
                f64::from(pixels[(y as isize + dy) as usize * width + (x as isize + dx) as usize])
            };
            let laplacian = at(0, -1) + at(-1, 0) + at(1, 0) + at(0, 1) - 4.0 * at(0, 0);
            sum += laplacian;
            sum_sq += laplacian * laplacian;
            count += 1.0;
        }
    }
    let sharpness = if count > 0.0 {
        sum_sq / count - (sum / count).powi(2)
    } else {
        0.0
    };
    let total = pixels.len().max(1) as f64;
    let brightness = pixels.iter().map(|&p| f64::from(p)).sum::<f64>() / total;
    let highlights = pixels.iter().filter(|&&p| p >= 250).count() as f64 / total;
    Measures {
        sharpness,
        brightness,
        highlights,
    }
}

/// The grey image at about [`MEASURE_SIDE`] on its longer side.
fn small_grey(image: &RgbImage) -> Image<'static> {
    let (width, height) = image.dimensions();
    let long = width.max(height).max(1);
    let scale = f64::from(MEASURE_SIDE.min(long)) / f64::from(long);
    let target_width = ((f64::from(width) * scale) as u32).max(1);
    let target_height = ((f64::from(height) * scale) as u32).max(1);
    let grey: Vec<u8> = image
        .pixels()
        .map(|p| {
            let luma = 0.299 * f64::from(p[0]) + 0.587 * f64::from(p[1]) + 0.114 * f64::from(p[2]);
            luma.round().clamp(0.0, 255.0) as u8
        })
        .collect();
    let mut dst = Image::new(target_width, target_height, PixelType::U8);
    let resized = Image::from_vec_u8(width, height, grey, PixelType::U8).and_then(|src| {
        Resizer::new()
            .resize(
                &src,
                &mut dst,
                &ResizeOptions::new().resize_alg(ResizeAlg::Interpolation(
                    fast_image_resize::FilterType::Bilinear,
                )),
            )
            .map_err(|_| fast_image_resize::ImageBufferError::InvalidBufferSize)
    });
    match resized {
        Ok(()) => dst,
        Err(_) => Image::new(1, 1, PixelType::U8),
    }
}

/// What is wrong with one photo of `width` × `height` (upright) made square by `fit`.
pub fn photo_findings(width: u32, height: u32, fit: Fit, measures: &Measures) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Padding keeps the long side; cropping keeps the short one.
    let side = match fit {
        Fit::Pad => width.max(height),
        Fit::Crop => width.min(height),
    };
    let too_small = grouped(|platform| Some(spec(platform).min_side).filter(|min| side < *min));
    for (min_side, platforms) in too_small {
        findings.push(Finding::TooSmall {
            platforms,
            side,
            min_side,
        });
    }
    if measures.sharpness < BLURRY_BELOW {
        findings.push(Finding::Blurry);
    }
    if measures.brightness < DARK_BELOW {
        findings.push(Finding::TooDark);
    }
    if measures.highlights > BURNT_ABOVE {
        findings.push(Finding::Overexposed);
    }
    findings
}

/// What is wrong with a product's set of live photos: `sizes` in display order, the
/// first being the cover.
pub fn set_findings(sizes: &[(u32, u32)]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let count = u32::try_from(sizes.len()).unwrap_or(u32::MAX);
    let too_few = grouped(|platform| Some(spec(platform).min_count).filter(|min| count < *min));
    for (min_count, platforms) in too_few {
        findings.push(Finding::TooFewPhotos {
            platforms,
            count,
            min_count,
        });
    }
    let few = grouped(|platform| {
        let s = spec(platform);
        Some(s.recommended_count).filter(|recommended| count >= s.min_count && count < *recommended)
    });
    for (recommended, platforms) in few {
        findings.push(Finding::FewPhotos {
            platforms,
            count,
            recommended,
        });
    }
    if let Some((width, height)) = sizes.first() {
        // Within 3 % counts as square.
        let ratio = f64::from(*width) / f64::from((*height).max(1));
        if !(0.97..=1.03).contains(&ratio) {
            findings.push(Finding::CoverNotSquare);
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_grey_is_blurry_and_sharp_edges_are_not() {
        let flat = RgbImage::from_pixel(300, 300, image::Rgb([128, 128, 128]));
        let checker = RgbImage::from_fn(300, 300, |x, y| {
            if (x / 4 + y / 4) % 2 == 0 {
                image::Rgb([250, 250, 250])
            } else {
                image::Rgb([10, 10, 10])
            }
        });
        assert!(measure(&flat).sharpness < BLURRY_BELOW);
        assert!(measure(&checker).sharpness > BLURRY_BELOW * 10.0);
    }

    #[test]
    fn small_photos_are_named_per_platform() {
        let measures = Measures {
            sharpness: 500.0,
            brightness: 120.0,
            highlights: 0.0,
        };
        let findings = photo_findings(550, 400, Fit::Pad, &measures);
        let tiktok = vec![Platform::TiktokShop];
        assert_eq!(
            findings,
            vec![Finding::TooSmall {
                platforms: tiktok,
                side: 550,
                min_side: 600
            }]
        );
        let tiny = photo_findings(300, 300, Fit::Pad, &measures);
        let others = vec![Platform::Shopee, Platform::Lazada, Platform::Tiki];
        assert_eq!(
            tiny[1],
            Finding::TooSmall {
                platforms: others,
                side: 300,
                min_side: 500
            }
        );
    }

    #[test]
    fn sets_need_enough_photos_and_a_square_cover() {
        let findings = set_findings(&[(1600, 1200)]);
        let lazada = vec![Platform::Lazada];
        assert!(findings.contains(&Finding::TooFewPhotos {
            platforms: lazada,
            count: 1,
            min_count: 2
        }));
        let others = vec![Platform::TiktokShop, Platform::Shopee, Platform::Tiki];
        assert!(findings.contains(&Finding::FewPhotos {
            platforms: others,
            count: 1,
            recommended: 5
        }));
        assert!(findings.contains(&Finding::CoverNotSquare));
        assert!(!set_findings(&[(1000, 1000); 5]).contains(&Finding::CoverNotSquare));
    }
}
