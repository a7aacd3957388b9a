//! Reading a `.chophien` bundle into the catalog.
//!
//! Order matters for "nothing imported" and for the photo store's invariant (a file is
//! stored before any row names it):
//! 1. every entry's name, kind and size is checked and the manifest read
//!    ([`CheckedArchive::open`]): hostile names, symlinks, bombs and newer formats stop
//!    here, before a byte is written;
//! 2. the records are read once, each parsed and its shape checked, and their SHA-256
//!    compared with the manifest's; photos are copied to temporary files beside their
//!    place in the store while their SHA-256 is checked against both the manifest and
//!    their name (photos the store already has are only checked);
//! 3. only when everything checked out are the photos renamed into place;
//! 4. the records are merged in one `IMMEDIATE` transaction: any failure rolls all of
//!    them back.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::archive::{CheckedArchive, MAX_JSON_BYTES, MAX_PHOTO_BYTES, PHOTOS_DIR, photo_entry};
use super::export::RECORDS_ENTRY;
use super::manifest::MANIFEST_ENTRY;
use super::merge::{Decision, decide};
use super::{Control, ExchangeError, FileKind, Kind};
use crate::args;
use crate::catalog::Catalog;
use crate::catalog::exchange::{self as records, Record};
use crate::files;
use crate::i18n::I18n;
use crate::photos::PhotoStore;

/// One line of `records.jsonl` at most (a script with its versions is the largest).
const MAX_RECORD_LINE: u64 = 16 * 1024 * 1024;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MergeSummary {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Records only this catalog changed since the last exchange: ours were kept.
    pub kept_local: u64,
    /// Records both sides changed: put on the conflict list.
    pub conflicts: u64,
    /// Photo files the store did not have.
    pub photos_added: u64,
}

impl MergeSummary {
    /// What the import did, in the user's words.
    pub fn describe(&self, i18n: &I18n) -> String {
        i18n.tr_args(
            "exchange-bundle-imported",
            args![
                "added" => self.added,
                "updated" => self.updated,
                "unchanged" => self.unchanged,
                "kept" => self.kept_local,
                "conflicts" => self.conflicts,
                "photos" => self.photos_added,
            ],
        )
    }
}

/// Which entries a bundle may hold, with each one's size cap.
fn bundle_entry(name: &str) -> Option<u64> {
    match name {
        MANIFEST_ENTRY | RECORDS_ENTRY => Some(MAX_JSON_BYTES),
        _ => photo_entry(name).map(|_| MAX_PHOTO_BYTES),
    }
}

/// Imports the bundle at `path`, merging it into `catalog`.
pub fn import_bundle(
    catalog: &Catalog,
    path: &Path,
    control: Control<'_>,
) -> Result<MergeSummary, ExchangeError> {
    let mut archive = CheckedArchive::open(path, FileKind::Bundle, bundle_entry)?;
    if !archive
        .manifest
        .entries
        .iter()
        .any(|e| e.path == RECORDS_ENTRY)
    {
        return Err(ExchangeError::MissingEntry {
            path: path.to_path_buf(),
            entry: RECORDS_ENTRY.to_owned(),
        });
    }
    let mut checker = RecordChecker::new(path);
    let verified = archive.copy_verified(RECORDS_ENTRY, &mut checker);
    // The checker's own refusal, rather than the I/O error it had to give the copy.
    if let Some(refusal) = checker.failure.take() {
        return Err(refusal);
    }
    verified?;
    checker.finish()?;
    let store =
        PhotoStore::open(catalog.data_dir()).map_err(ExchangeError::io(catalog.data_dir()))?;
    let staged = stage_photos(&mut archive, &store, control)?;
    let photos_added = staged.len() as u64;
    for (temp, place) in &staged {
        files::move_into_place(temp, place).map_err(ExchangeError::io(place))?;
    }
    let sender = archive.manifest.source_catalog.clone();
    let mut summary = catalog.write_as(|tx| {
        let own_id = records::catalog_id(tx)?;
        let mut reader = BufReader::new(archive.reader(RECORDS_ENTRY)?);
        let mut merge = Merge {
            tx,
            path,
            sender: &sender,
            own_id: &own_id,
            summary: MergeSummary::default(),
            products: HashSet::new(),
            cooperatives: HashSet::new(),
        };
        let mut line = Vec::new();
        while next_line(&mut reader, &mut line).map_err(ExchangeError::io(path))? {
            control.check()?;
            let record: Record =
                serde_json::from_slice(&line).map_err(|e| bad(path, "?", "?", &e.to_string()))?;
            merge.record(&record)?;
        }
        records::refresh_products(tx, &merge.products, &merge.cooperatives)?;
        Ok::<_, ExchangeError>(merge.summary)
    })?;
    summary.photos_added = photos_added;
    Ok(summary)
}

/// Copies the photos the store lacks to temporary files beside their places, checking
/// every photo's bytes. On any failure the temporaries are removed.
pub(super) fn stage_photos(
    archive: &mut CheckedArchive,
    store: &PhotoStore,
    control: Control<'_>,
) -> Result<Vec<(PathBuf, PathBuf)>, ExchangeError> {
    let photos: Vec<String> = archive
        .manifest
        .entries
        .iter()
        .filter(|e| e.path.starts_with(PHOTOS_DIR))
        .map(|e| e.path.clone())
        .collect();
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let total = photos.len() as u64;
    let result = (|| {
        for (done, name) in photos.iter().enumerate() {
            control.check()?;
            control.report(done as u64, total);
            let Some((sha256, extension)) = photo_entry(name) else {
                continue;
            };
            // The name is the content's hash: a photo renamed inside the zip is refused.
            if archive
                .manifest
                .entry(name)
                .is_none_or(|e| e.sha256 != sha256)
            {
                return Err(ExchangeError::ChecksumMismatch {
                    path: archive.path().to_path_buf(),
                    entry: name.clone(),
                });
            }
            let place = store.original_path(sha256, extension);
            if place.exists() {
                archive.copy_verified(name, &mut std::io::sink())?;
                continue;
            }
            let dir = place.parent().unwrap_or(store.root());
            std::fs::create_dir_all(dir).map_err(ExchangeError::io(dir))?;
            let temp = files::temporary_beside(&place);
            let mut out = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)
                .map_err(ExchangeError::io(&temp))?;
            staged.push((temp.clone(), place));
            archive.copy_verified(name, &mut out)?;
            out.sync_all().map_err(ExchangeError::io(&temp))?;
        }
        control.report(total, total);
        Ok(())
    })();
    if let Err(error) = result {
        for (temp, _) in &staged {
            let _ = std::fs::remove_file(temp);
        }
        return Err(error);
    }
    Ok(staged)
}

/// Reads one line into `line` (without its end), refusing lines longer than
/// [`MAX_RECORD_LINE`]. Returns false at the end.
fn next_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<bool> {
    loop {
        line.clear();
        let read = reader
            .by_ref()
            .take(MAX_RECORD_LINE + 1)
            .read_until(b'\n', line)?;
        if read == 0 {
            return Ok(false);
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        } else if read as u64 > MAX_RECORD_LINE {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "record line too long",
            ));
        }
        if !line.is_empty() {
            return Ok(true);
        }
    }
}

fn bad(path: &Path, kind: &str, id: &str, detail: &str) -> ExchangeError {
    ExchangeError::BadRecord {
        path: path.to_path_buf(),
        kind: kind.to_owned(),
        id: id.to_owned(),
        detail: detail.to_owned(),
    }
}

/// Checks each line of the records entry as it streams past (parsed, right shape, kinds
/// in order), so a bad record stops the import before any photo is moved in.
struct RecordChecker<'p> {
    path: &'p Path,
    pending: Vec<u8>,
    last_kind: Option<Kind>,
    failure: Option<ExchangeError>,
}

impl<'p> RecordChecker<'p> {
    fn new(path: &'p Path) -> Self {
        RecordChecker {
            path,
            pending: Vec::new(),
            last_kind: None,
            failure: None,
        }
    }

    /// Checks the last line when the entry does not end with a line break.
    fn finish(mut self) -> Result<(), ExchangeError> {
        let last = std::mem::take(&mut self.pending);
        self.check_line(&last)
    }

    fn check_line(&mut self, line: &[u8]) -> Result<(), ExchangeError> {
        if line.is_empty() {
            return Ok(());
        }
        let record: Record =
            serde_json::from_slice(line).map_err(|e| bad(self.path, "?", "?", &e.to_string()))?;
        let id = record.key().unwrap_or("?").to_owned();
        record
            .check_shape()
            .map_err(|e| bad(self.path, record.kind.code(), &id, &e.to_string()))?;
        // Records come in dependency order; one out of order would fail on a reference.
        if self.last_kind.is_some_and(|last| last > record.kind) {
            return Err(bad(self.path, record.kind.code(), &id, "order"));
        }
        self.last_kind = Some(record.kind);
        Ok(())
    }
}

impl std::io::Write for RecordChecker<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.failure.is_some() {
            return Err(std::io::Error::other("bad record"));
        }
        self.pending.extend_from_slice(buf);
        while let Some(end) = self.pending.iter().position(|b| *b == b'\n') {
            let line: Vec<u8> = self.pending.drain(..=end).collect();
            if let Err(error) = self.check_line(&line[..line.len() - 1]) {
                self.failure = Some(error);
                return Err(std::io::Error::other("bad record"));
            }
        }
        if self.pending.len() as u64 > MAX_RECORD_LINE {
            self.failure = Some(bad(self.path, "?", "?", "line too long"));
            return Err(std::io::Error::other("bad record"));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The state of one merge transaction.
struct Merge<'a, 't> {
    tx: &'a rusqlite::Transaction<'t>,
    path: &'a Path,
    sender: &'a str,
    own_id: &'a str,
    summary: MergeSummary,
    products: HashSet<String>,
    cooperatives: HashSet<String>,
}

impl Merge<'_, '_> {
    fn record(&mut self, incoming: &Record) -> Result<(), ExchangeError> {
        let id = incoming.key().unwrap_or("?").to_owned();
        let refuse = |detail: &str| bad(self.path, incoming.kind.code(), &id, detail);
        incoming.check_shape().map_err(|e| refuse(&e.to_string()))?;
        let local = records::local_twin(self.tx, incoming)?;
        let incoming_hash = incoming.content_hash();
        let local_hash = local.as_ref().map(Record::content_hash);
        let seen = records::seen_from(self.tx, self.sender, incoming)?;
        let mut ancestors: Vec<&str> = Vec::new();
        ancestors.extend(seen.as_deref());
        ancestors.extend(incoming.seen.get(self.own_id).map(String::as_str));
        let decision = decide(local_hash.as_deref(), &incoming_hash, &ancestors);
        // A listing matched by product and platform keeps our id.
        let mut to_write = incoming.clone();
        if let Some(local_key) = local.as_ref().and_then(Record::key) {
            to_write
                .fields
                .insert("id".to_owned(), local_key.to_owned().into());
        }
        match decision {
            Decision::Add | Decision::TakeIncoming => {
                records::apply(self.tx, &to_write).map_err(|e| refuse(&e.to_string()))?;
                self.touched(incoming);
                if decision == Decision::Add {
                    self.summary.added += 1;
                } else {
                    self.summary.updated += 1;
                }
            }
            Decision::Same => self.summary.unchanged += 1,
            Decision::KeepLocal => self.summary.kept_local += 1,
            Decision::Conflict => {
                if let Some(local) = &local {
                    records::add_conflict(self.tx, self.sender, local, &to_write)?;
                }
                self.summary.conflicts += 1;
                // Seen only once the user has chosen (see `resolve_conflict`).
                return Ok(());
            }
        }
        records::remember_seen(self.tx, self.sender, &to_write, &incoming_hash)?;
        Ok(())
    }

    fn touched(&mut self, record: &Record) {
        match record.kind {
            Kind::Cooperative => {
                self.cooperatives.extend(record.key().map(str::to_owned));
            }
            _ => {
                self.products.extend(record.product_id().map(str::to_owned));
            }
        }
    }
}
