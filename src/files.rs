//! Writing files so that a crash or power cut never leaves half of one: write a
//! temporary file beside the target, sync it, rename it over the target, sync the folder.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Replaces `path` with `bytes` atomically: afterwards the file is either the old one or
/// the new one, never a mix, whatever happens in between.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_atomically(path, |file| file.write_all(bytes))
}

/// Replaces `path` with what `write` puts into a fresh temporary file beside it (a
/// bundle or a backup streamed entry by entry), atomically: the temporary is synced,
/// renamed over `path` and the folder synced; on any error it is removed.
pub fn replace_atomically<E: From<std::io::Error>>(
    path: &Path,
    write: impl FnOnce(&mut File) -> Result<(), E>,
) -> Result<(), E> {
    let dir = parent_dir(path);
    std::fs::create_dir_all(dir)?;
    let temp = temporary_beside(path);
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&temp)?;
        write(&mut file)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)?;
        sync_dir(dir)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// A unique name for a temporary file beside `path` (`.<name>.tmp-<uuid>`), the form
/// [`sweep_temporaries`] removes.
pub fn temporary_beside(path: &Path) -> PathBuf {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parent_dir(path).join(format!(
        ".{file_name}{TEMP_MARK}{}",
        uuid::Uuid::now_v7().simple()
    ))
}

/// Moves a finished temporary file to its place durably (rename, then sync the folder).
pub fn move_into_place(temp: &Path, path: &Path) -> std::io::Result<()> {
    std::fs::rename(temp, path)?;
    sync_dir(parent_dir(path))
}

/// Removes the temporary files an interrupted atomic write left in `dir` (goal G5); a
/// folder that does not exist has none.
pub fn sweep_temporaries(dir: &Path) -> std::io::Result<usize> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(0);
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        if is_temporary(&entry.file_name().to_string_lossy()) && entry.path().is_file() {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Whether a file name is one of ours: `.`, a name, `.tmp-` and 32 hex digits, or the
/// `-journal`, `-wal` or `-shm` file SQLite keeps beside such a temporary (a backup's
/// database copy is one).
fn is_temporary(name: &str) -> bool {
    let name = ["-journal", "-wal", "-shm"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .unwrap_or(name);
    name.starts_with('.')
        && name.rsplit_once(TEMP_MARK).is_some_and(|(_, tail)| {
            tail.len() == 32 && tail.bytes().all(|b| b.is_ascii_hexdigit())
        })
}

const TEMP_MARK: &str = ".tmp-";

fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Makes a rename in `dir` durable (a no-op where the OS cannot open folders).
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("settings.json");
        write_atomic(&path, b"old").unwrap_or_else(|e| panic!("{e}"));
        write_atomic(&path, b"new").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"new");
        let entries = std::fs::read_dir(dir.path())
            .map(|d| d.count())
            .unwrap_or(0);
        assert_eq!(entries, 1);
    }

    #[test]
    fn sweeps_only_our_temporaries() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let ours = temporary_beside(&dir.path().join("backup.zip"));
        std::fs::write(&ours, b"half").unwrap_or_else(|e| panic!("{e}"));
        let journal = PathBuf::from(format!("{}-journal", ours.display()));
        std::fs::write(&journal, b"rollback").unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join(".notes.tmp-mine"), b"keep")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(sweep_temporaries(dir.path()).unwrap_or(0), 2);
        assert!(!ours.exists() && !journal.exists());
        assert!(dir.path().join(".notes.tmp-mine").exists());
    }
}
