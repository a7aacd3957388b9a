//! Writing a `.chophien` bundle: chosen cooperatives and products with everything that
//! belongs to them, as one zip streamed to a temporary file and renamed into place.
//!
//! ```text
//! records.jsonl             one record per line, in the order they must be applied
//! photos/<sha256>.<ext>     each photo original once, named by its content
//! manifest.json             format version, maker, and every entry's size and SHA-256
//! ```

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::archive::ArchiveWriter;
use super::{Control, ExchangeError, FileKind, Kind};
use crate::args;
use crate::catalog::exchange::{self as records, Record, Scope};
use crate::catalog::{Catalog, Id};
use crate::files;
use crate::i18n::I18n;
use crate::photos::PhotoStore;
use crate::photos::decode::Format;

pub const RECORDS_ENTRY: &str = "records.jsonl";

/// What to put in a bundle; nothing chosen means the whole catalog.
#[derive(Debug, Clone, Default)]
pub struct BundleRequest {
    pub cooperatives: Vec<Id>,
    pub products: Vec<Id>,
}

/// What a bundle holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BundleSummary {
    /// Records per kind.
    pub records: BTreeMap<Kind, u64>,
    pub photos: u64,
}

impl BundleSummary {
    /// What was written to `out`, in the user's words.
    pub fn describe(&self, out: &Path, i18n: &I18n) -> String {
        i18n.tr_args(
            "exchange-bundle-exported",
            args![
                "records" => self.records.values().sum::<u64>(),
                "photos" => self.photos,
                "file" => out.display().to_string(),
            ],
        )
    }
}

/// Writes the bundle to `out` (replaced atomically).
pub fn export_bundle(
    catalog: &Catalog,
    request: &BundleRequest,
    out: &Path,
    control: Control<'_>,
) -> Result<BundleSummary, ExchangeError> {
    if let Some(dir) = out.parent() {
        files::sweep_temporaries(dir).map_err(ExchangeError::io(dir))?;
    }
    let store = PhotoStore::at(catalog.data_dir());
    let mut summary = BundleSummary::default();
    files::replace_atomically(out, |file| -> Result<(), ExchangeError> {
        let mut zip = ArchiveWriter::new(file);
        let mut photos: Vec<(String, Format)> = Vec::new();
        let catalog_id = catalog.read_as(|tx| {
            let scope = Scope::new(tx, &request.cooperatives, &request.products)?;
            // The entry's writer speaks io::Error; keep the records' own error instead.
            let mut failure = None;
            let written = zip.add(RECORDS_ENTRY, true, |sink| {
                let mut sink = std::io::BufWriter::new(sink);
                if let Err(error) = write_records(tx, &scope, &mut sink, &mut summary, &mut photos)
                {
                    failure = Some(error);
                    return Err(std::io::Error::other("records"));
                }
                sink.flush()
            });
            if let Some(error) = failure {
                return Err(error);
            }
            written?;
            Ok::<_, ExchangeError>(records::catalog_id(tx)?)
        })?;
        let total = photos.len() as u64;
        for (done, (sha256, format)) in photos.iter().enumerate() {
            control.check()?;
            control.report(done as u64, total);
            zip.add_photo(&store, sha256, *format)?;
        }
        summary.photos = total;
        zip.finish(FileKind::Bundle, catalog_id)?;
        control.report(total, total);
        Ok(())
    })
    .map_err(|error| error.about(out))?;
    Ok(summary)
}

fn write_records(
    tx: &rusqlite::Transaction<'_>,
    scope: &Scope,
    sink: &mut impl Write,
    summary: &mut BundleSummary,
    photos: &mut Vec<(String, Format)>,
) -> Result<(), ExchangeError> {
    for kind in Kind::ALL {
        records::for_each_record(tx, kind, scope, |record: Record| {
            if kind == Kind::PhotoFile {
                let format = record
                    .fields
                    .get("format")
                    .and_then(|f| f.as_str())
                    .and_then(Format::from_code);
                if let (Some(sha256), Some(format)) = (record.key(), format) {
                    photos.push((sha256.to_owned(), format));
                }
            }
            serde_json::to_writer(&mut *sink, &record).map_err(std::io::Error::other)?;
            sink.write_all(b"\n")?;
            *summary.records.entry(kind).or_default() += 1;
            Ok::<_, ExchangeError>(())
        })?;
    }
    Ok(())
}
