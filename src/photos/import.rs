//! Importing photos into a product: read each file, recognise it, measure it, store it,
//! then link it, in the order given. Files are worked on in parallel (one per core, so
//! memory stays bounded by a few decoded photos); one bad file is reported with its
//! name and the others still import.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use super::decode::{self, Format};
use super::error::PhotoError;
use super::quality;
use super::render;
use super::spec::{Fit, Rendition};
use super::store::{PhotoStore, sha256_hex};
use super::strip;
use crate::catalog::photos::{Photo, PhotoFile};
use crate::catalog::{Catalog, Id};
use crate::platform::Platform;

/// The largest file we read (a 200 MP phone photo is about 40 MB).
pub const MAX_FILE_BYTES: u32 = 64 * 1024 * 1024;
/// The side photos are decoded to at import: enough to measure them and make the
/// thumbnail, a quarter of a 12 MP photo's pixels.
const IMPORT_SIDE: u32 = 640;

/// Where a batch stands, for a progress bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    /// The file just finished.
    pub file: String,
}

/// What a batch did.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub added: Vec<Photo>,
    /// Files the product already showed.
    pub duplicates: u32,
    pub failed: Vec<(String, PhotoError)>,
    /// Files not looked at because the user stopped the batch.
    pub cancelled: u32,
}

/// A file ready to be linked: stored, measured, with its thumbnail made.
struct Prepared {
    file: PhotoFile,
    name: String,
}

/// Imports `files` into the product, telling `progress` after each file; `progress`
/// returning false stops the batch (photos already imported stay).
pub fn import_files(
    catalog: &Catalog,
    store: &PhotoStore,
    product_id: Id,
    files: &[PathBuf],
    progress: &(dyn Fn(&Progress) -> bool + Sync),
) -> Result<ImportReport, PhotoError> {
    catalog.product(product_id)?;
    let total = u32::try_from(files.len()).unwrap_or(u32::MAX);
    let done = AtomicU32::new(0);
    let stop = AtomicBool::new(false);
    let prepared: Vec<Option<Result<Prepared, PhotoError>>> = files
        .par_iter()
        .map(|path| {
            if stop.load(Ordering::Relaxed) {
                return None;
            }
            let result = prepare(catalog, store, path);
            let now = done.fetch_add(1, Ordering::Relaxed) + 1;
            if !progress(&Progress {
                done: now,
                total,
                file: display_name(path),
            }) {
                stop.store(true, Ordering::Relaxed);
            }
            Some(result)
        })
        .collect();
    let mut report = ImportReport::default();
    for (path, outcome) in files.iter().zip(prepared) {
        match outcome {
            None => report.cancelled += 1,
            Some(Err(error)) => report.failed.push((display_name(path), error)),
            Some(Ok(prepared)) => {
                let (photo, added) =
                    catalog.attach_photo(product_id, &prepared.file, Some(&prepared.name))?;
                if added {
                    report.added.push(photo);
                } else {
                    report.duplicates += 1;
                }
            }
        }
    }
    Ok(report)
}

/// The picture files directly inside `dir`, by name (what `--dir` and a dropped folder
/// import). Anything else is left for the import to explain, so nothing is silently lost.
pub fn files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .filter(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            !name.starts_with('.')
        })
        .collect();
    files.sort();
    Ok(files)
}

fn prepare(catalog: &Catalog, store: &PhotoStore, path: &Path) -> Result<Prepared, PhotoError> {
    let name = display_name(path);
    let unreadable = |e: std::io::Error| PhotoError::unreadable(&name, &e);
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size == 0 {
        return Err(PhotoError::Empty { file: name });
    }
    if size > u64::from(MAX_FILE_BYTES) {
        return Err(PhotoError::FileTooBig {
            file: name,
            bytes: size,
        });
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let format = decode::sniff(&bytes).map_err(|p| PhotoError::decoding(&name, p))?;
    // What is stored (and hashed, so the same photo dedupes) carries no GPS or serial.
    let bytes = strip::strip(&bytes, format).map_err(|p| PhotoError::decoding(&name, p))?;
    let sha256 = sha256_hex(&bytes);
    // Seen before (by this product or another): its measures are known and its file kept.
    if let Some(file) = catalog.photo_file(&sha256)?
        && store.original_path(&sha256, format.extension()).exists()
    {
        return Ok(Prepared { file, name });
    }
    let decoded =
        decode::decode(&bytes, format, IMPORT_SIDE).map_err(|p| PhotoError::decoding(&name, p))?;
    let measures = quality::measure(&decoded.image);
    let thumbnail = Rendition::Thumbnail(Fit::Pad);
    let rendered = render::render(&decoded.image, thumbnail.side(), Fit::Pad, None)
        .map_err(|_| PhotoError::Damaged { file: name.clone() })?;
    store
        .put_original(&sha256, format.extension(), &bytes)
        .map_err(|e| PhotoError::storage(&name, &e))?;
    store
        .put_cached(&sha256, &thumbnail.file_name(&sha256), &rendered.jpeg)
        .map_err(|e| PhotoError::storage(&name, &e))?;
    let file = PhotoFile {
        sha256,
        format: format.code().to_owned(),
        width: decoded.width,
        height: decoded.height,
        bytes: u32::try_from(bytes.len()).unwrap_or(MAX_FILE_BYTES),
        measures,
    };
    Ok(Prepared { file, name })
}

/// The file's name as people see it in their folder.
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The files a marketplace gets for `photos`, in their order: each made (one per core)
/// if it is not cached yet.
pub fn variants(
    store: &PhotoStore,
    photos: &[Photo],
    platform: Platform,
) -> Vec<Result<PathBuf, PhotoError>> {
    photos
        .par_iter()
        .map(|photo| {
            let what = Rendition::Variant(platform, photo.fit);
            rendition(store, &photo.file, what, &photo.name())
        })
        .collect()
}

/// The path of a rendition of a stored photo, made (and cached) if it does not exist yet.
/// `name` is how errors call the photo (the name it was imported under).
pub fn rendition(
    store: &PhotoStore,
    file: &PhotoFile,
    rendition: Rendition,
    name: &str,
) -> Result<PathBuf, PhotoError> {
    let path = store.cache_path(&file.sha256, &rendition.file_name(&file.sha256));
    if path.exists() {
        return Ok(path);
    }
    let format = Format::from_code(&file.format).unwrap_or(Format::Jpeg);
    let original = store.original_path(&file.sha256, format.extension());
    let name = name.to_owned();
    let bytes = std::fs::read(&original).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => PhotoError::OriginalMissing { file: name.clone() },
        _ => PhotoError::unreadable(&name, &e),
    })?;
    let side = rendition_side(file, rendition);
    let decoded =
        decode::decode(&bytes, format, side).map_err(|p| PhotoError::decoding(&name, p))?;
    let rendered = render::render(&decoded.image, side, rendition.fit(), rendition.max_bytes())
        .map_err(|e| match e {
            render::RenderError::TooHeavy { max_bytes, .. } => PhotoError::TooHeavy {
                file: name.clone(),
                max_bytes,
            },
            _ => PhotoError::Damaged { file: name.clone() },
        })?;
    store
        .put_cached(
            &file.sha256,
            &rendition.file_name(&file.sha256),
            &rendered.jpeg,
        )
        .map_err(|e| PhotoError::storage(&name, &e))
}

/// The side of a rendition: a marketplace variant is never blown up past the photo's own
/// detail, but always reaches the platform's minimum.
fn rendition_side(file: &PhotoFile, rendition: Rendition) -> u32 {
    match rendition {
        Rendition::Thumbnail(_) => rendition.side(),
        Rendition::Variant(platform, fit) => {
            let natural = match fit {
                Fit::Pad => file.width.max(file.height),
                Fit::Crop => file.width.min(file.height),
            };
            let spec = super::spec::spec(platform);
            spec.output_side.min(natural.max(spec.min_side))
        }
    }
}
