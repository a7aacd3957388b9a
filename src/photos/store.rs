//! Photo files on disk, named by the SHA-256 of their bytes so that the same photo
//! imported twice is stored once:
//!
//! ```text
//! <data>/photos/originals/ab/abcdef….jpg      the file exactly as imported
//! <data>/photos/cache/ab/abcdef…-shopee-pad-v1.jpg   renditions, made when first needed
//! ```
//!
//! Every file is written atomically (temporary file in the same folder, fsync, rename,
//! fsync of the folder): a crash or a full disk leaves the old state or the new one,
//! never half a photo. Leftover temporary files are swept when the store opens.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::files::write_atomic;

#[derive(Debug, Clone)]
pub struct PhotoStore {
    root: PathBuf,
}

impl PhotoStore {
    /// The store inside a data folder; sweeps temporary files a crash left behind.
    pub fn open(data_dir: &Path) -> std::io::Result<PhotoStore> {
        let store = PhotoStore::at(data_dir);
        for dir in ["originals", "cache"] {
            std::fs::create_dir_all(store.root.join(dir))?;
        }
        store.sweep_temporaries()?;
        Ok(store)
    }

    /// The store inside a data folder as it is, without the set-up of [`PhotoStore::open`]
    /// (for a process that has opened it once already). Writes make their folders.
    pub fn at(data_dir: &Path) -> PhotoStore {
        PhotoStore {
            root: data_dir.join("photos"),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the original of `sha256` lives (whether or not it exists yet).
    pub fn original_path(&self, sha256: &str, extension: &str) -> PathBuf {
        self.root
            .join("originals")
            .join(shard(sha256))
            .join(format!("{sha256}.{extension}"))
    }

    /// Where the rendition `file_name` of `sha256` is cached.
    pub fn cache_path(&self, sha256: &str, file_name: &str) -> PathBuf {
        self.root.join("cache").join(shard(sha256)).join(file_name)
    }

    /// Stores the original unless a file with these bytes is already there.
    pub fn put_original(
        &self,
        sha256: &str,
        extension: &str,
        bytes: &[u8],
    ) -> std::io::Result<PathBuf> {
        let path = self.original_path(sha256, extension);
        if !path.exists() {
            write_atomic(&path, bytes)?;
        }
        Ok(path)
    }

    pub fn put_cached(
        &self,
        sha256: &str,
        file_name: &str,
        bytes: &[u8],
    ) -> std::io::Result<PathBuf> {
        let path = self.cache_path(sha256, file_name);
        write_atomic(&path, bytes)?;
        Ok(path)
    }

    /// Removes temporary files left by an interrupted write (names start with "." and
    /// contain ".tmp-", see `files::write_atomic`).
    fn sweep_temporaries(&self) -> std::io::Result<()> {
        for top in ["originals", "cache"] {
            let Ok(shards) = std::fs::read_dir(self.root.join(top)) else {
                continue;
            };
            for shard in shards.flatten() {
                let Ok(entries) = std::fs::read_dir(shard.path()) else {
                    continue;
                };
                for entry in entries.flatten() {
                    let name = entry.file_name();
                    let name = name.to_string_lossy();
                    if name.starts_with('.') && name.contains(".tmp-") {
                        std::fs::remove_file(entry.path())?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// The lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `text` is a SHA-256 as we write them (64 lowercase hex digits): the only names
/// the store will ever turn into a path.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Files are spread over 256 folders by their first two hex digits.
fn shard(sha256: &str) -> &str {
    sha256.get(..2).unwrap_or("00")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_bytes_are_stored_once() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = PhotoStore::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let sha = sha256_hex(b"photo");
        assert!(is_sha256(&sha));
        let first = store
            .put_original(&sha, "jpg", b"photo")
            .unwrap_or_else(|e| panic!("{e}"));
        let second = store
            .put_original(&sha, "jpg", b"photo")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(first, second);
        assert_eq!(std::fs::read(first).unwrap_or_default(), b"photo");
    }

    #[test]
    fn leftover_temporaries_are_swept() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let shard = dir.path().join("photos/originals/ab");
        std::fs::create_dir_all(&shard).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(shard.join(".abc.jpg.tmp-123"), b"half").unwrap_or_else(|e| panic!("{e}"));
        PhotoStore::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert!(!shard.join(".abc.jpg.tmp-123").exists());
    }

    #[test]
    fn only_hashes_become_paths() {
        assert!(!is_sha256("../../etc/passwd"));
        assert!(!is_sha256(&"A".repeat(64)));
    }
}
