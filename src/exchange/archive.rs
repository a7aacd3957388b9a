//! Zip files read as hostile and written streamed.
//!
//! Reading follows `shared/reference/reliability.md` §5.2: every entry is checked before
//! any is read (a plain file with a name on the allowlist; no `..`, absolute or drive
//! path, no symlink), the entry count and each entry's declared size and compression
//! ratio are capped, reads stop one byte past the declared size, and each entry's
//! SHA-256 is compared with the manifest's. Nothing is ever extracted by name: callers
//! get a checked stream and decide where its bytes go.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use zip::ZipArchive;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::manifest::{MANIFEST_ENTRY, Manifest, ManifestEntry};
use super::{ExchangeError, FileKind};
use crate::photos::PhotoStore;
use crate::photos::decode::Format;
use crate::photos::store::is_sha256;

/// The folder of photo originals inside bundles and backups: `photos/<sha256>.<ext>`.
pub const PHOTOS_DIR: &str = "photos/";

/// The hash and extension of a photo entry's name, if it is one.
pub fn photo_entry(name: &str) -> Option<(&str, &str)> {
    let (sha256, extension) = name.strip_prefix(PHOTOS_DIR)?.split_once('.')?;
    (is_sha256(sha256) && ["jpg", "png", "webp"].contains(&extension))
        .then_some((sha256, extension))
}

/// At most this many entries (a bundle of 500 products has about 2,500).
pub const MAX_ENTRIES: usize = 100_000;
/// The manifest and each JSON entry.
pub const MAX_JSON_BYTES: u64 = 256 * 1024 * 1024;
/// A photo original (the photo import's own cap) or a catalog file in a backup.
pub const MAX_PHOTO_BYTES: u64 = crate::photos::import::MAX_FILE_BYTES as u64;
/// A catalog database inside a backup.
pub const MAX_DATABASE_BYTES: u64 = 16 * 1024 * 1024 * 1024;
/// The whole content, uncompressed.
pub const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024 * 1024;
/// Text compresses about 10:1; an entry declaring more than this is a bomb.
pub const MAX_RATIO: u64 = 100;

/// A zip whose entries all passed the checks, and its manifest.
pub struct CheckedArchive {
    zip: ZipArchive<BufReader<File>>,
    path: PathBuf,
    pub manifest: Manifest,
}

impl std::fmt::Debug for CheckedArchive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckedArchive")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl CheckedArchive {
    /// Opens `path` and checks every entry against `allowed` (which returns the entry's
    /// size cap, or `None` for a name that does not belong) and the manifest.
    pub fn open(
        path: &Path,
        kind: FileKind,
        allowed: fn(&str) -> Option<u64>,
    ) -> Result<CheckedArchive, ExchangeError> {
        let file = File::open(path).map_err(ExchangeError::io(path))?;
        let not_ours = || ExchangeError::NotAnArchive {
            path: path.to_path_buf(),
            expected: kind,
        };
        let mut zip = ZipArchive::new(BufReader::new(file)).map_err(|_| not_ours())?;
        let too_large = |entry: &str| ExchangeError::TooLarge {
            path: path.to_path_buf(),
            entry: entry.to_owned(),
        };
        if zip.len() > MAX_ENTRIES {
            return Err(too_large(&format!("{} entries", zip.len())));
        }
        let mut names = HashSet::new();
        let mut total: u64 = 0;
        for index in 0..zip.len() {
            let entry = zip.by_index_raw(index).map_err(|_| not_ours())?;
            let name = entry.name().to_owned();
            let unsafe_entry = || ExchangeError::UnsafeEntry {
                path: path.to_path_buf(),
                entry: name.clone(),
            };
            if !is_plain_relative(&name)
                || entry.enclosed_name().is_none()
                || entry.is_symlink()
                || !entry.is_file()
                || !names.insert(name.clone())
            {
                return Err(unsafe_entry());
            }
            let cap = allowed(&name).ok_or_else(unsafe_entry)?;
            let size = entry.size();
            let packed = entry.compressed_size().max(1);
            if size > cap || size / packed > MAX_RATIO {
                return Err(too_large(&name));
            }
            total = total.saturating_add(size);
            if total > MAX_TOTAL_BYTES {
                return Err(too_large(&name));
            }
        }
        if !names.contains(MANIFEST_ENTRY) {
            return Err(not_ours());
        }
        let mut bytes = Vec::new();
        read_capped(&mut zip, MANIFEST_ENTRY, MAX_JSON_BYTES, path, &mut bytes)?;
        let manifest = Manifest::parse(&bytes, kind, path)?;
        // The manifest lists exactly the other entries.
        let listed: HashSet<&str> = manifest.entries.iter().map(|e| e.path.as_str()).collect();
        let missing = |entry: &str| ExchangeError::MissingEntry {
            path: path.to_path_buf(),
            entry: entry.to_owned(),
        };
        if let Some(absent) = listed.iter().find(|name| !names.contains(**name)) {
            return Err(missing(absent));
        }
        if let Some(unlisted) = names
            .iter()
            .find(|name| name.as_str() != MANIFEST_ENTRY && !listed.contains(name.as_str()))
        {
            return Err(missing(unlisted));
        }
        if listed.len() != manifest.entries.len() {
            return Err(not_ours());
        }
        Ok(CheckedArchive {
            zip,
            path: path.to_path_buf(),
            manifest,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Streams the entry `name` into `sink`, failing if its size or SHA-256 differs from
    /// the manifest's (or the zip's own CRC fails).
    pub fn copy_verified(
        &mut self,
        name: &str,
        sink: &mut impl Write,
    ) -> Result<(), ExchangeError> {
        let expected =
            self.manifest
                .entry(name)
                .cloned()
                .ok_or_else(|| ExchangeError::MissingEntry {
                    path: self.path.clone(),
                    entry: name.to_owned(),
                })?;
        let mut hashing = HashingWriter::new(sink);
        read_capped(
            &mut self.zip,
            name,
            expected.bytes,
            &self.path,
            &mut hashing,
        )?;
        let (sha256, bytes) = hashing.finish();
        if sha256 != expected.sha256 || bytes != expected.bytes {
            return Err(ExchangeError::ChecksumMismatch {
                path: self.path.clone(),
                entry: name.to_owned(),
            });
        }
        Ok(())
    }

    /// A reader over an entry already verified with [`CheckedArchive::copy_verified`],
    /// capped at its manifest size.
    pub fn reader(&mut self, name: &str) -> Result<impl Read + '_, ExchangeError> {
        let bytes = self.manifest.entry(name).map_or(0, |e| e.bytes);
        let path = self.path.clone();
        let entry = self
            .zip
            .by_name(name)
            .map_err(|_| ExchangeError::MissingEntry {
                path,
                entry: name.to_owned(),
            })?;
        Ok(entry.take(bytes))
    }
}

/// A name made only of normal parts joined by `/`: not absolute, no drive letter, no
/// backslash, no `.` or `..`, nothing empty.
fn is_plain_relative(name: &str) -> bool {
    !name.is_empty()
        && !name.contains(['\\', ':', '\0'])
        && name
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// Copies at most `cap` bytes of `name` into `sink`; one byte more is a lie about the
/// size (a bomb that declared less than it holds).
fn read_capped(
    zip: &mut ZipArchive<BufReader<File>>,
    name: &str,
    cap: u64,
    path: &Path,
    sink: &mut impl Write,
) -> Result<(), ExchangeError> {
    let entry = zip.by_name(name).map_err(|_| ExchangeError::MissingEntry {
        path: path.to_path_buf(),
        entry: name.to_owned(),
    })?;
    let copied = std::io::copy(&mut entry.take(cap.saturating_add(1)), sink).map_err(|e| {
        // The zip reader reports a bad CRC or a broken stream as invalid data.
        if e.kind() == std::io::ErrorKind::InvalidData
            || e.kind() == std::io::ErrorKind::UnexpectedEof
        {
            ExchangeError::ChecksumMismatch {
                path: path.to_path_buf(),
                entry: name.to_owned(),
            }
        } else {
            ExchangeError::Io {
                path: path.to_path_buf(),
                source: e,
            }
        }
    })?;
    if copied > cap {
        return Err(ExchangeError::TooLarge {
            path: path.to_path_buf(),
            entry: name.to_owned(),
        });
    }
    Ok(())
}

/// Passes bytes through while hashing and counting them.
pub struct HashingWriter<W> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
}

impl<W: Write> HashingWriter<W> {
    pub fn new(inner: W) -> Self {
        HashingWriter {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    /// The lowercase hex SHA-256 and the count of what went through.
    pub fn finish(self) -> (String, u64) {
        let digest = self.hasher.finalize();
        (
            digest.iter().map(|b| format!("{b:02x}")).collect(),
            self.bytes,
        )
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.hasher.update(&buf[..written]);
        self.bytes += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes a zip entry by entry, recording each one's size and SHA-256 for the manifest,
/// which goes in last.
pub struct ArchiveWriter<'f> {
    zip: ZipWriter<&'f mut File>,
    entries: Vec<ManifestEntry>,
}

impl<'f> ArchiveWriter<'f> {
    pub fn new(file: &'f mut File) -> Self {
        ArchiveWriter {
            zip: ZipWriter::new(file),
            entries: Vec::new(),
        }
    }

    /// Adds an entry with what `write` produces. Photos and databases are stored as they
    /// are (JPEGs do not shrink; speed matters more for a database); JSON is deflated.
    pub fn add(
        &mut self,
        name: &str,
        compress: bool,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<ManifestEntry, ExchangeError> {
        let method = if compress {
            CompressionMethod::Deflated
        } else {
            CompressionMethod::Stored
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .large_file(true);
        self.zip
            .start_file(name, options)
            .map_err(|e| std::io::Error::other(e.to_string()))
            .map_err(ExchangeError::from)?;
        let mut hashing = HashingWriter::new(&mut self.zip);
        write(&mut hashing).map_err(ExchangeError::from)?;
        let (sha256, bytes) = hashing.finish();
        let entry = ManifestEntry {
            path: name.to_owned(),
            sha256,
            bytes,
        };
        self.entries.push(entry.clone());
        Ok(entry)
    }

    /// Adds the stored original of a photo, refusing one whose bytes no longer match its
    /// name (a damaged store must not travel).
    pub fn add_photo(
        &mut self,
        store: &PhotoStore,
        sha256: &str,
        format: Format,
    ) -> Result<(), ExchangeError> {
        let source = store.original_path(sha256, format.extension());
        let name = format!("{PHOTOS_DIR}{sha256}.{}", format.extension());
        let entry = self.add(&name, false, |sink| {
            std::io::copy(&mut File::open(&source)?, sink).map(drop)
        })?;
        if entry.sha256 != sha256 {
            return Err(ExchangeError::PhotoDamaged {
                sha256: sha256.to_owned(),
            });
        }
        Ok(())
    }

    /// Writes the manifest built from the entries and closes the zip.
    pub fn finish(mut self, kind: FileKind, source_catalog: String) -> Result<(), ExchangeError> {
        let manifest = Manifest::new(kind, source_catalog, std::mem::take(&mut self.entries));
        let json = serde_json::to_vec_pretty(&manifest)
            .map_err(std::io::Error::other)
            .map_err(ExchangeError::from)?;
        self.zip
            .start_file(
                MANIFEST_ENTRY,
                SimpleFileOptions::default().compression_method(CompressionMethod::Deflated),
            )
            .map_err(|e| std::io::Error::other(e.to_string()))
            .map_err(ExchangeError::from)?;
        self.zip.write_all(&json).map_err(ExchangeError::from)?;
        self.zip
            .finish()
            .map_err(|e| std::io::Error::other(e.to_string()))
            .map_err(ExchangeError::from)?;
        Ok(())
    }
}
