//! Product photos: import from phones and folders, turned upright, colours converted to
//! sRGB, stored once per content, measured for quality, and rendered as the square JPEGs
//! each marketplace accepts (no metadata, within its byte limit) when first needed.
//!
//! - [`decode`]: recognise the format, decode at reduced scale, orientation, sRGB.
//! - [`render`]: square (pad on white or crop), resize, encode within a byte limit.
//! - [`quality`]: sharpness, exposure, size per platform, enough photos, square cover.
//! - [`spec`]: what each platform accepts and what we make for it.
//! - [`strip`]: GPS, serials and other personal metadata removed without re-encoding.
//! - [`store`]: content-addressed files written atomically.
//! - [`import`]: the batch import and the lazily made renditions.
//!
//! The rows linking photos to products live in `catalog::photos`.

pub mod decode;
pub mod error;
pub mod import;
pub mod quality;
pub mod render;
pub mod spec;
pub mod store;
pub mod strip;

pub use error::{FileProblem, PhotoError};
pub use import::{ImportReport, Progress, import_files, rendition};
pub use store::PhotoStore;

use serde::Serialize;

use crate::catalog::Id;
use crate::catalog::photos::Photo;
use crate::i18n::I18n;
use quality::Finding;
use spec::Fit;

/// A product's photo as an editor shows it, with what is wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PhotoEntry {
    pub id: Id,
    pub sha256: String,
    pub position: u32,
    pub fit: Fit,
    pub width: u32,
    pub height: u32,
    pub original_name: Option<String>,
    pub findings: Vec<Advice>,
}

/// A finding with its sentence in the user's language.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Advice {
    pub finding: Finding,
    /// Whether a platform refuses the listing for it (otherwise it is advice).
    pub blocks: bool,
    pub message: String,
}

impl Advice {
    fn new(finding: Finding, i18n: &I18n) -> Advice {
        Advice {
            blocks: finding.blocks(),
            message: finding.message(i18n),
            finding,
        }
    }
}

/// All of a product's photos, cover first, and what is wrong with the set.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PhotoSet {
    pub photos: Vec<PhotoEntry>,
    pub findings: Vec<Advice>,
}

impl PhotoSet {
    pub fn new(photos: &[Photo], i18n: &I18n) -> PhotoSet {
        let sizes: Vec<(u32, u32)> = photos
            .iter()
            .map(|p| (p.file.width, p.file.height))
            .collect();
        PhotoSet {
            photos: photos
                .iter()
                .map(|photo| PhotoEntry {
                    id: photo.id,
                    sha256: photo.file.sha256.clone(),
                    position: photo.position,
                    fit: photo.fit,
                    width: photo.file.width,
                    height: photo.file.height,
                    original_name: photo.original_name.clone(),
                    findings: quality::photo_findings(
                        photo.file.width,
                        photo.file.height,
                        photo.fit,
                        &photo.file.measures,
                    )
                    .into_iter()
                    .map(|f| Advice::new(f, i18n))
                    .collect(),
                })
                .collect(),
            findings: quality::set_findings(&sizes)
                .into_iter()
                .map(|f| Advice::new(f, i18n))
                .collect(),
        }
    }
}
