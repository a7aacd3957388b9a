//! Removing what a photo says about its owner before it is stored: GPS position, camera
//! serial, owner name, date, XMP edits, comments, embedded previews. The picture itself
//! is copied byte for byte (no re-encoding, no loss). What is kept is what is needed to
//! show it right: the colour profile, the JFIF/Adobe colour headers, and the EXIF
//! orientation, rewritten as a tiny EXIF block holding nothing else.
//!
//! Walks JPEG segments, PNG chunks and WebP (RIFF) chunks by their declared lengths,
//! with every index checked: a damaged file is refused, never read out of bounds.

use image::metadata::Orientation;

use super::decode::{DecodeProblem, Format};

/// The bytes of `bytes` without personal metadata, and the orientation they keep.
pub fn strip(bytes: &[u8], format: Format) -> Result<Vec<u8>, DecodeProblem> {
    match format {
        Format::Jpeg => strip_jpeg(bytes),
        Format::Png => strip_png(bytes),
        Format::Webp => strip_webp(bytes),
    }
    .ok_or(DecodeProblem::Damaged)
}

/// A TIFF block (as EXIF stores it) with one entry: the orientation.
fn orientation_only_tiff(orientation: Orientation) -> Vec<u8> {
    let mut tiff = Vec::with_capacity(26);
    tiff.extend_from_slice(b"II*\0"); // little-endian TIFF
    tiff.extend_from_slice(&8_u32.to_le_bytes()); // first IFD right after the header
    tiff.extend_from_slice(&1_u16.to_le_bytes()); // one entry
    tiff.extend_from_slice(&0x0112_u16.to_le_bytes()); // Orientation
    tiff.extend_from_slice(&3_u16.to_le_bytes()); // SHORT
    tiff.extend_from_slice(&1_u32.to_le_bytes()); // one value
    tiff.extend_from_slice(&u16::from(orientation.to_exif()).to_le_bytes());
    tiff.extend_from_slice(&[0, 0]); // value padding
    tiff.extend_from_slice(&0_u32.to_le_bytes()); // no next IFD
    tiff
}

/// The orientation an EXIF/TIFF block asks for, if it asks for a turn or a flip.
fn turn_in(tiff: &[u8]) -> Option<Orientation> {
    let tiff = tiff.strip_prefix(b"Exif\0\0").unwrap_or(tiff);
    Orientation::from_exif_chunk(tiff).filter(|o| *o != Orientation::NoTransforms)
}

const EXIF_HEADER: &[u8] = b"Exif\0\0";
const ICC_HEADER: &[u8] = b"ICC_PROFILE\0";

fn strip_jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut kept: Vec<u8> = Vec::with_capacity(bytes.len());
    kept.extend_from_slice(&[0xFF, 0xD8]);
    let mut orientation = None;
    let mut exif_at = 2; // where the orientation block goes: after SOI and JFIF
    let mut at = 2;
    loop {
        // Markers may be preceded by any number of 0xFF fill bytes.
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        match marker {
            0xD9 => {
                // End of the main picture: anything after (phone previews, depth maps,
                // each with its own EXIF) is dropped.
                kept.extend_from_slice(&[0xFF, 0xD9]);
                break;
            }
            0x01 | 0xD0..=0xD7 => {
                kept.extend_from_slice(&[0xFF, marker]);
                at += 2;
                continue;
            }
            _ => {}
        }
        let length = usize::from(u16::from_be_bytes([
            *bytes.get(at + 2)?,
            *bytes.get(at + 3)?,
        ]));
        if length < 2 {
            return None;
        }
        let end = at.checked_add(2 + length)?;
        let segment = bytes.get(at..end)?;
        let payload = &segment[4..];
        let keep = match marker {
            0xE0 => {
                exif_at = kept.len() + segment.len();
                true
            }
            0xE1 => {
                if payload.starts_with(EXIF_HEADER) && orientation.is_none() {
                    orientation = turn_in(payload);
                }
                false
            }
            0xE2 => payload.starts_with(ICC_HEADER),
            0xEE => true, // Adobe: how to read the colour channels
            0xE3..=0xED | 0xEF | 0xFE => false,
            _ => true,
        };
        if keep {
            kept.extend_from_slice(segment);
        }
        at = end;
        if marker == 0xDA {
            // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or
            // a restart marker.
            let scan_end = scan_end(bytes, at)?;
            kept.extend_from_slice(&bytes[at..scan_end]);
            at = scan_end;
        }
    }
    if let Some(orientation) = orientation {
        let tiff = orientation_only_tiff(orientation);
        let length = u16::try_from(2 + EXIF_HEADER.len() + tiff.len()).ok()?;
        let mut segment = vec![0xFF, 0xE1];
        segment.extend_from_slice(&length.to_be_bytes());
        segment.extend_from_slice(EXIF_HEADER);
        segment.extend_from_slice(&tiff);
        kept.splice(exif_at..exif_at, segment);
    }
    Some(kept)
}

/// Where the entropy-coded data starting at `from` ends.
fn scan_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let found = bytes.get(at..)?.iter().position(|&b| b == 0xFF)?;
        at += found;
        match *bytes.get(at + 1)? {
            0x00 | 0xD0..=0xD7 => at += 2,
            0xFF => at += 1,
            _ => return Some(at),
        }
    }
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

fn strip_png(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut kept = PNG_SIGNATURE.to_vec();
    let mut at = PNG_SIGNATURE.len();
    if !bytes.starts_with(PNG_SIGNATURE) {
        return None;
    }
    loop {
        let length =
            usize::try_from(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?)).ok()?;
        let kind: [u8; 4] = bytes.get(at + 4..at + 8)?.try_into().ok()?;
        let end = at.checked_add(12)?.checked_add(length)?;
        let chunk = bytes.get(at..end)?;
        match &kind {
            b"eXIf" => {
                if let Some(orientation) = turn_in(&chunk[8..8 + length]) {
                    kept.extend_from_slice(&png_chunk(
                        b"eXIf",
                        &orientation_only_tiff(orientation),
                    ));
                }
            }
            b"tEXt" | b"zTXt" | b"iTXt" | b"tIME" => {}
            _ => kept.extend_from_slice(chunk),
        }
        at = end;
        if &kind == b"IEND" {
            return Some(kept);
        }
    }
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut chunk = Vec::with_capacity(data.len() + 12);
    chunk.extend_from_slice(&u32::try_from(data.len()).unwrap_or(0).to_be_bytes());
    chunk.extend_from_slice(kind);
    chunk.extend_from_slice(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    chunk.extend_from_slice(&crc.finalize().to_be_bytes());
    chunk
}

/// VP8X flags: EXIF and XMP present.
const WEBP_EXIF_FLAG: u8 = 0x08;
const WEBP_XMP_FLAG: u8 = 0x04;

fn strip_webp(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.get(0..4)? != b"RIFF" || bytes.get(8..12)? != b"WEBP" {
        return None;
    }
    let mut kept = b"RIFF\0\0\0\0WEBP".to_vec();
    let mut orientation = None;
    let mut vp8x_flags_at = None;
    let mut at = 12;
    while at < bytes.len() {
        let kind: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
        let size = usize::try_from(u32::from_le_bytes(
            bytes.get(at + 4..at + 8)?.try_into().ok()?,
        ))
        .ok()?;
        let padded = size.checked_add(size % 2)?;
        let end = at.checked_add(8)?.checked_add(padded)?.min(bytes.len());
        let chunk = bytes.get(at..end)?;
        match &kind {
            b"EXIF" => {
                orientation = orientation.or_else(|| chunk.get(8..8 + size).and_then(turn_in))
            }
            b"XMP " => {}
            _ => {
                if &kind == b"VP8X" {
                    vp8x_flags_at = Some(kept.len() + 8);
                }
                kept.extend_from_slice(chunk);
            }
        }
        at = end;
    }
    if let Some(flags_at) = vp8x_flags_at {
        let flags = kept.get_mut(flags_at)?;
        *flags &= !(WEBP_EXIF_FLAG | WEBP_XMP_FLAG);
        if let Some(orientation) = orientation {
            *flags |= WEBP_EXIF_FLAG;
            let tiff = orientation_only_tiff(orientation);
            kept.extend_from_slice(b"EXIF");
            kept.extend_from_slice(&u32::try_from(tiff.len()).ok()?.to_le_bytes());
            kept.extend_from_slice(&tiff);
        }
    }
    let riff_size = u32::try_from(kept.len() - 8).ok()?;
    kept[4..8].copy_from_slice(&riff_size.to_le_bytes());
    Some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
        let mut segment = vec![0xFF, marker];
        segment.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap_or(0).to_be_bytes());
        segment.extend_from_slice(payload);
        segment
    }

    #[test]
    fn jpeg_keeps_the_picture_and_the_turn_only() {
        let mut exif = EXIF_HEADER.to_vec();
        exif.extend_from_slice(&orientation_only_tiff(Orientation::Rotate90));
        exif.extend_from_slice(b"GPS 21.0N 105.8E Canon serial 12345");
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend(segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
        jpeg.extend(segment(0xE1, &exif));
        jpeg.extend(segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>"));
        jpeg.extend(segment(0xFE, b"a comment"));
        jpeg.extend(segment(0xDB, &[0; 65]));
        jpeg.extend(segment(0xDA, &[1, 1, 0, 0, 63, 0]));
        jpeg.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9]);
        jpeg.extend_from_slice(b"trailing preview with GPS");
        let stripped = strip(&jpeg, Format::Jpeg).unwrap_or_default();
        let text = String::from_utf8_lossy(&stripped);
        assert!(!text.contains("GPS") && !text.contains("xmpmeta") && !text.contains("comment"));
        assert!(stripped.ends_with(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9]));
        let exif_at = stripped
            .windows(6)
            .position(|w| w == EXIF_HEADER)
            .unwrap_or(0);
        assert_eq!(turn_in(&stripped[exif_at..]), Some(Orientation::Rotate90));
    }

    #[test]
    fn damaged_lengths_are_refused_not_overrun() {
        assert_eq!(
            strip(&[0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 1, 2], Format::Jpeg),
            Err(DecodeProblem::Damaged)
        );
        assert_eq!(
            strip(b"\x89PNG\r\n\x1a\n\xFF\xFF\xFF\xFFtEXt", Format::Png),
            Err(DecodeProblem::Damaged)
        );
        assert_eq!(
            strip(b"RIFF\0\0\0\0WEBPVP8X\xFF", Format::Webp),
            Err(DecodeProblem::Damaged)
        );
    }

    #[test]
    fn png_text_chunks_go() {
        let mut png = PNG_SIGNATURE.to_vec();
        png.extend(png_chunk(b"IHDR", &[0; 13]));
        png.extend(png_chunk(b"tEXt", b"Author\0Nguyen Van A"));
        png.extend(png_chunk(b"IDAT", &[1, 2, 3]));
        png.extend(png_chunk(b"IEND", &[]));
        let stripped = strip(&png, Format::Png).unwrap_or_default();
        assert!(!String::from_utf8_lossy(&stripped).contains("Nguyen"));
        assert_eq!(stripped.len(), png.len() - (12 + 19));
    }
}
