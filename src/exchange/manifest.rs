//! The table of contents at the root of every bundle and backup: what made it, in which
//! format version, and the size and SHA-256 of every other entry.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{ExchangeError, FileKind};

/// The entry that holds the manifest.
pub const MANIFEST_ENTRY: &str = "manifest.json";

/// The format version this release writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// "chophien-bundle" or "chophien-backup".
    pub format: String,
    pub version: u32,
    pub created_at: String,
    /// The catalog that made the file.
    pub source_catalog: String,
    pub app_version: String,
    pub entries: Vec<ManifestEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestEntry {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

impl FileKind {
    pub(crate) fn format_name(self) -> &'static str {
        match self {
            FileKind::Bundle => "chophien-bundle",
            FileKind::Backup => "chophien-backup",
        }
    }
}

impl Manifest {
    pub(crate) fn new(kind: FileKind, source_catalog: String, entries: Vec<ManifestEntry>) -> Self {
        Manifest {
            format: kind.format_name().to_owned(),
            version: FORMAT_VERSION,
            created_at: crate::catalog::Timestamp::now().to_db_text(),
            source_catalog,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            entries,
        }
    }

    /// Reads a manifest, checking first that it is of the expected kind and not from a
    /// newer format (whose other fields this release cannot know).
    pub(crate) fn parse(bytes: &[u8], kind: FileKind, path: &Path) -> Result<Self, ExchangeError> {
        let not_ours = || ExchangeError::NotAnArchive {
            path: path.to_path_buf(),
            expected: kind,
        };
        let loose: serde_json::Value = serde_json::from_slice(bytes).map_err(|_| not_ours())?;
        if loose.get("format").and_then(|f| f.as_str()) != Some(kind.format_name()) {
            return Err(not_ours());
        }
        let found = loose
            .get("version")
            .and_then(serde_json::Value::as_u64)
            .ok_or_else(not_ours)?;
        if found > u64::from(FORMAT_VERSION) {
            return Err(ExchangeError::NewerFormat {
                path: path.to_path_buf(),
                found,
                supported: FORMAT_VERSION,
            });
        }
        serde_json::from_value(loose).map_err(|_| not_ours())
    }

    pub(crate) fn entry(&self, path: &str) -> Option<&ManifestEntry> {
        self.entries.iter().find(|entry| entry.path == path)
    }
}
