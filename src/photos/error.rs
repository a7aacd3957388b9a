//! Why a photo could not be used, naming the file and saying what to do.

use serde::Serialize;

use super::decode::DecodeProblem;
use crate::args;
use crate::catalog::CatalogError;
use crate::i18n::{I18n, Localize};

#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("{file}: cannot read ({reason:?})")]
    Unreadable { file: String, reason: ReadProblem },
    #[error("{file}: empty file")]
    Empty { file: String },
    #[error("{file}: {bytes} bytes is too big")]
    FileTooBig { file: String, bytes: u64 },
    #[error("{file}: HEIC/HEIF")]
    Heic { file: String },
    #[error("{file}: not an image ({looks_like:?})")]
    NotAnImage {
        file: String,
        looks_like: Option<&'static str>,
    },
    #[error("{file}: damaged")]
    Damaged { file: String },
    #[error("{file}: {width}x{height} is too large")]
    TooLarge {
        file: String,
        width: u32,
        height: u32,
    },
    #[error("{file}: the stored original is gone")]
    OriginalMissing { file: String },
    #[error("{file}: cannot store ({detail})")]
    Storage {
        file: String,
        detail: String,
        disk_full: bool,
    },
    #[error("{file}: no quality fits {max_bytes} bytes")]
    TooHeavy { file: String, max_bytes: u64 },
    #[error(transparent)]
    Catalog(#[from] CatalogError),
}

/// Why a file could not be read, in terms a user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadProblem {
    /// Moved, deleted, or on a memory card that was taken out.
    Missing,
    /// The system does not let this user read it.
    Denied,
    /// A folder where a photo was expected.
    Folder,
    Other(String),
}

impl ReadProblem {
    pub fn of(error: &std::io::Error) -> ReadProblem {
        match error.kind() {
            std::io::ErrorKind::NotFound => ReadProblem::Missing,
            std::io::ErrorKind::PermissionDenied => ReadProblem::Denied,
            std::io::ErrorKind::IsADirectory => ReadProblem::Folder,
            _ => ReadProblem::Other(error.to_string()),
        }
    }
}

impl PhotoError {
    pub fn unreadable(file: &str, error: &std::io::Error) -> PhotoError {
        PhotoError::Unreadable {
            file: file.to_owned(),
            reason: ReadProblem::of(error),
        }
    }

    pub(crate) fn decoding(file: &str, problem: DecodeProblem) -> PhotoError {
        let file = file.to_owned();
        match problem {
            DecodeProblem::Heic => PhotoError::Heic { file },
            DecodeProblem::NotAnImage(looks_like) => PhotoError::NotAnImage { file, looks_like },
            DecodeProblem::TooLarge { width, height } => PhotoError::TooLarge {
                file,
                width,
                height,
            },
            DecodeProblem::Damaged => PhotoError::Damaged { file },
        }
    }

    pub(crate) fn storage(file: &str, error: &std::io::Error) -> PhotoError {
        // ENOSPC (28) and EFBIG (27): no room left for the file.
        let disk_full = matches!(error.raw_os_error(), Some(28 | 27))
            || matches!(
                error.kind(),
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::FileTooLarge
            );
        PhotoError::Storage {
            file: file.to_owned(),
            detail: error.to_string(),
            disk_full,
        }
    }
}

/// A photo problem as it crosses to a user interface: which file, and the sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FileProblem {
    pub file: String,
    pub code: String,
    pub message: String,
}

impl FileProblem {
    pub fn new(file: &str, error: &PhotoError, i18n: &I18n) -> FileProblem {
        FileProblem {
            file: file.to_owned(),
            code: error.code().to_owned(),
            message: error.localize(i18n),
        }
    }
}

impl Localize for PhotoError {
    fn code(&self) -> &'static str {
        match self {
            PhotoError::Unreadable { .. } => "photos.unreadable",
            PhotoError::Empty { .. } => "photos.empty",
            PhotoError::FileTooBig { .. } => "photos.file-too-big",
            PhotoError::Heic { .. } => "photos.heic",
            PhotoError::NotAnImage { .. } => "photos.not-an-image",
            PhotoError::Damaged { .. } => "photos.damaged",
            PhotoError::TooLarge { .. } => "photos.too-large",
            PhotoError::OriginalMissing { .. } => "photos.original-missing",
            PhotoError::Storage { .. } => "photos.storage",
            PhotoError::TooHeavy { .. } => "photos.too-heavy",
            PhotoError::Catalog(error) => error.code(),
        }
    }

    fn localize(&self, i18n: &I18n) -> String {
        match self {
            PhotoError::Unreadable { file, reason } => match reason {
                ReadProblem::Missing => i18n.tr_args("photos-missing", args!["file" => file]),
                ReadProblem::Denied => i18n.tr_args("photos-denied", args!["file" => file]),
                ReadProblem::Folder => i18n.tr_args("photos-folder", args!["file" => file]),
                ReadProblem::Other(detail) => i18n.tr_args(
                    "photos-unreadable",
                    args!["file" => file, "detail" => detail],
                ),
            },
            PhotoError::Empty { file } => i18n.tr_args("photos-empty", args!["file" => file]),
            PhotoError::FileTooBig { file, bytes } => i18n.tr_args(
                "photos-file-too-big",
                args!["file" => file, "megabytes" => bytes / (1024 * 1024)],
            ),
            PhotoError::Heic { file } => i18n.tr_args("photos-heic", args!["file" => file]),
            PhotoError::NotAnImage {
                file,
                looks_like: Some(kind),
            } => i18n.tr_args(
                "photos-not-an-image-kind",
                args!["file" => file, "kind" => *kind],
            ),
            PhotoError::NotAnImage {
                file,
                looks_like: None,
            } => i18n.tr_args("photos-not-an-image", args!["file" => file]),
            PhotoError::Damaged { file } => i18n.tr_args("photos-damaged", args!["file" => file]),
            PhotoError::TooLarge {
                file,
                width,
                height,
            } => i18n.tr_args(
                "photos-too-large",
                args!["file" => file, "width" => *width, "height" => *height],
            ),
            PhotoError::OriginalMissing { file } => {
                i18n.tr_args("photos-original-missing", args!["file" => file])
            }
            PhotoError::Storage {
                file,
                disk_full: true,
                ..
            } => i18n.tr_args("photos-disk-full", args!["file" => file]),
            PhotoError::Storage {
                file,
                detail,
                disk_full: false,
            } => i18n.tr_args("photos-storage", args!["file" => file, "detail" => detail]),
            PhotoError::TooHeavy { file, max_bytes } => i18n.tr_args(
                "photos-too-heavy",
                args!["file" => file, "kilobytes" => max_bytes / 1024],
            ),
            PhotoError::Catalog(error) => error.localize(i18n),
        }
    }
}
