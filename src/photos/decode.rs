//! Reading a photo file into upright sRGB pixels, as cheaply as the format allows.
//!
//! JPEGs (nearly every phone photo) are decoded at a reduced scale in the DCT domain:
//! a 12 MP photo needed at 1,200 px comes out at 2000×1500 for a quarter of the memory
//! and most of the later resizing work (performance.md §2). PNG and WebP are decoded
//! with hard limits on size so a 50,000 × 50,000 "bomb" is refused from its header,
//! before any large allocation. The EXIF orientation is applied, transparency is laid
//! on white, and a non-sRGB ICC profile (Display P3, Adobe RGB) is converted to sRGB.

use std::io::Cursor;

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};

/// The most pixels we decode from a JPEG (12000 × 10000): scaled decoding keeps even
/// that within a few tens of megabytes.
const MAX_JPEG_PIXELS: u64 = 120_000_000;
/// The most pixels of a PNG or WebP, decoded at full size (about 160 MB as RGBA).
const MAX_OTHER_PIXELS: u64 = 40_000_000;
const MAX_SIDE: u32 = 20_000;

/// File formats we recognise by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    Webp,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Webp => "webp",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::Webp => "webp",
        }
    }

    pub fn from_code(code: &str) -> Option<Format> {
        match code {
            "jpeg" => Some(Format::Jpeg),
            "png" => Some(Format::Png),
            "webp" => Some(Format::Webp),
            _ => None,
        }
    }
}

/// Why the bytes are not a photo we can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// HEIC/HEIF from an iPhone: the user must convert it to JPEG first.
    Heic,
    /// Not an image at all; what it looks like if we can tell ("PDF", "ZIP", "text").
    NotAnImage(Option<&'static str>),
    /// A photo larger than we decode.
    TooLarge { width: u32, height: u32 },
    /// Cut short or damaged.
    Damaged,
}

/// Recognises the format from the first bytes, whatever the file is named.
pub fn sniff(bytes: &[u8]) -> Result<Format, DecodeProblem> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return Ok(Format::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Ok(Format::Png);
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Ok(Format::Webp);
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        if [
            b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis",
        ]
        .iter()
        .any(|b| brand == *b)
        {
            return Err(DecodeProblem::Heic);
        }
        return Err(DecodeProblem::NotAnImage(Some("MP4/MOV")));
    }
    let looks_like = if starts(b"%PDF") {
        Some("PDF")
    } else if starts(b"PK\x03\x04") {
        Some("ZIP/Office")
    } else if starts(b"GIF8") {
        Some("GIF")
    } else if starts(b"BM") {
        Some("BMP")
    } else if bytes
        .iter()
        .take(512)
        .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace())
    {
        Some("text")
    } else {
        None
    };
    Err(DecodeProblem::NotAnImage(looks_like))
}

/// Upright sRGB pixels, possibly smaller than the file's, and the file's upright size.
pub struct Decoded {
    pub image: RgbImage,
    /// Width and height of the full photo once turned upright.
    pub width: u32,
    pub height: u32,
}

/// Decodes `bytes` so that the shorter side is at least `min_side` when the photo is that
/// big (JPEG scaling only ever goes down by 1/2, 1/4 or 1/8).
pub fn decode(bytes: &[u8], format: Format, min_side: u32) -> Result<Decoded, DecodeProblem> {
    let raw = match format {
        Format::Jpeg => decode_jpeg(bytes, min_side)?,
        Format::Png | Format::Webp => decode_other(bytes, format)?,
    };
    let image = match &raw.icc {
        Some(profile) if !is_srgb(profile) => to_srgb(raw.image, profile),
        _ => raw.image,
    };
    let mut dynamic = DynamicImage::ImageRgb8(image);
    dynamic.apply_orientation(raw.orientation);
    let (width, height) = if swaps_sides(raw.orientation) {
        (raw.height, raw.width)
    } else {
        (raw.width, raw.height)
    };
    Ok(Decoded {
        image: dynamic.into_rgb8(),
        width,
        height,
    })
}

fn swaps_sides(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// Pixels as stored (before orientation), with what is needed to show them right.
struct Raw {
    image: RgbImage,
    orientation: Orientation,
    icc: Option<Vec<u8>>,
    /// The full stored size (the pixels may be a scaled-down copy).
    width: u32,
    height: u32,
}

fn decode_jpeg(bytes: &[u8], min_side: u32) -> Result<Raw, DecodeProblem> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.read_info().map_err(|_| DecodeProblem::Damaged)?;
    let info = decoder.info().ok_or(DecodeProblem::Damaged)?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    if u64::from(width) * u64::from(height) > MAX_JPEG_PIXELS {
        return Err(DecodeProblem::TooLarge { width, height });
    }
    // Ask for the scale whose shorter side still reaches `min_side`.
    let short = width.min(height).max(1);
    let wanted = min_side.min(short);
    let requested_width =
        u16::try_from(u64::from(width) * u64::from(wanted) / u64::from(short)).unwrap_or(u16::MAX);
    let requested_height =
        u16::try_from(u64::from(height) * u64::from(wanted) / u64::from(short)).unwrap_or(u16::MAX);
    let (scaled_width, scaled_height) = decoder
        .scale(requested_width.max(1), requested_height.max(1))
        .map_err(|_| DecodeProblem::Damaged)?;
    let pixels = decoder.decode().map_err(|_| DecodeProblem::Damaged)?;
    let info = decoder.info().ok_or(DecodeProblem::Damaged)?;
    let orientation = decoder
        .exif_data()
        .and_then(Orientation::from_exif_chunk)
        .unwrap_or(Orientation::NoTransforms);
    let icc = decoder.icc_profile();
    let (w, h) = (u32::from(scaled_width), u32::from(scaled_height));
    let rgb = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => pixels,
        jpeg_decoder::PixelFormat::L8 => pixels.iter().flat_map(|&l| [l, l, l]).collect(),
        jpeg_decoder::PixelFormat::L16 => pixels
            .chunks_exact(2)
            .flat_map(|l| [l[0], l[0], l[0]])
            .collect(),
        // Adobe CMYK JPEGs (print shops) store inverted values.
        jpeg_decoder::PixelFormat::CMYK32 => pixels
            .chunks_exact(4)
            .flat_map(|p| {
                let k = u16::from(p[3]);
                [p[0], p[1], p[2]].map(|c| u8::try_from(u16::from(c) * k / 255).unwrap_or(u8::MAX))
            })
            .collect(),
    };
    let image = RgbImage::from_raw(w, h, rgb).ok_or(DecodeProblem::Damaged)?;
    Ok(Raw {
        image,
        orientation,
        icc,
        width,
        height,
    })
}

fn reader(bytes: &[u8], format: Format, limits: Limits) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = ImageReader::new(Cursor::new(bytes));
    reader.set_format(match format {
        Format::Png => image::ImageFormat::Png,
        Format::Webp => image::ImageFormat::WebP,
        Format::Jpeg => image::ImageFormat::Jpeg,
    });
    reader.limits(limits);
    reader
}

fn decode_other(bytes: &[u8], format: Format) -> Result<Raw, DecodeProblem> {
    // The header alone says how big the picture is: a bomb is refused here, with its
    // real size in the message, before anything is allocated for its pixels.
    let (width, height) = reader(bytes, format, Limits::no_limits())
        .into_dimensions()
        .map_err(|_| DecodeProblem::Damaged)?;
    if width > MAX_SIDE
        || height > MAX_SIDE
        || u64::from(width) * u64::from(height) > MAX_OTHER_PIXELS
    {
        return Err(DecodeProblem::TooLarge { width, height });
    }
    // The decoder's own limits stay as a second guard (a file whose chunks lie).
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(256 * 1024 * 1024);
    let too_large = |error: image::ImageError| match error {
        image::ImageError::Limits(_) => DecodeProblem::TooLarge { width, height },
        _ => DecodeProblem::Damaged,
    };
    let mut decoder = reader(bytes, format, limits)
        .into_decoder()
        .map_err(too_large)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let image = DynamicImage::from_decoder(decoder).map_err(too_large)?;
    Ok(Raw {
        image: on_white(image),
        orientation,
        icc,
        width,
        height,
    })
}

/// Flattens transparency onto white (cut-out product shots are common).
fn on_white(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let (width, height) = rgba.dimensions();
    let mut rgb = RgbImage::new(width, height);
    for (out, pixel) in rgb.pixels_mut().zip(rgba.pixels()) {
        let alpha = u16::from(pixel[3]);
        for channel in 0..3 {
            let value = (u16::from(pixel[channel]) * alpha + 255 * (255 - alpha)) / 255;
            out[channel] = u8::try_from(value).unwrap_or(u8::MAX);
        }
    }
    rgb
}

/// Whether an ICC profile describes sRGB (most cameras and phones embed one).
fn is_srgb(profile: &[u8]) -> bool {
    profile.windows(4).any(|w| w == b"sRGB") || profile.windows(8).any(|w| w == b"IEC61966")
}

/// Converts pixels from `profile` to sRGB; a profile we cannot read leaves them as they are
/// (a slightly off colour is better than a broken photo).
fn to_srgb(image: RgbImage, profile: &[u8]) -> RgbImage {
    let Ok(source) = moxcms::ColorProfile::new_from_slice(profile) else {
        return image;
    };
    let target = moxcms::ColorProfile::new_srgb();
    let Ok(transform) = source.create_transform_8bit(
        moxcms::Layout::Rgb,
        &target,
        moxcms::Layout::Rgb,
        moxcms::TransformOptions::default(),
    ) else {
        return image;
    };
    let (width, height) = image.dimensions();
    let mut converted = vec![0_u8; image.as_raw().len()];
    if transform.transform(image.as_raw(), &mut converted).is_err() {
        return image;
    }
    RgbImage::from_raw(width, height, converted).unwrap_or(image)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_formats_by_content_not_name() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Ok(Format::Jpeg));
        assert_eq!(
            sniff(b"%PDF-1.7 ..."),
            Err(DecodeProblem::NotAnImage(Some("PDF")))
        );
        assert_eq!(
            sniff(b"\0\0\0\x18ftypheic\0\0\0\0"),
            Err(DecodeProblem::Heic)
        );
        assert_eq!(sniff(b""), Err(DecodeProblem::NotAnImage(Some("text"))));
    }
}
