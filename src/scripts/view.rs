//! The script editor's view: the script, its findings, each segment's start time and
//! product, the planned and spoken lengths, and its saved versions.

use serde::Serialize;
use time::{Date, UtcOffset};

use super::check::{ScriptFinding, check};
use super::{ScriptDraft, clock};
use crate::catalog::Id;
use crate::catalog::listings::ListingContext;
use crate::catalog::scripts::{Script, ScriptVersion};
use crate::i18n::I18n;
use crate::i18n::dates::format_datetime;
use crate::rules::RuleSet;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScriptView {
    pub id: Id,
    pub draft: ScriptDraft,
    pub findings: Vec<ScriptFinding>,
    /// Each segment's start in the session ("07:30").
    pub starts: Vec<String>,
    /// Each segment's product name, empty for the session's own segments.
    pub product_names: Vec<String>,
    pub planned_seconds: u32,
    /// How long the spoken lines take at the script's pace.
    pub spoken_seconds: u32,
    pub versions: Vec<VersionEntry>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VersionEntry {
    pub version: u32,
    /// When it was saved, as the user reads dates.
    pub saved_text: String,
    pub planned_text: String,
}

impl ScriptView {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        script: &Script,
        versions: &[ScriptVersion],
        contexts: &[ListingContext],
        rules: &RuleSet,
        today: Date,
        offset: UtcOffset,
        i18n: &I18n,
    ) -> ScriptView {
        let draft = &script.draft;
        let mut at = 0;
        let starts = draft
            .segments
            .iter()
            .map(|s| {
                let start = clock(at);
                at += s.seconds;
                start
            })
            .collect();
        let product_names = draft
            .segments
            .iter()
            .map(|s| {
                s.product_id
                    .and_then(|id| contexts.iter().find(|c| c.detail.product.id == id))
                    .map(|c| c.detail.product.draft.name.clone())
                    .unwrap_or_default()
            })
            .collect();
        ScriptView {
            id: script.id,
            findings: check(draft, contexts, rules, today, i18n),
            starts,
            product_names,
            planned_seconds: draft.planned_seconds(),
            spoken_seconds: draft.spoken_seconds(),
            versions: versions
                .iter()
                .map(|v| VersionEntry {
                    version: v.version,
                    saved_text: format_datetime(v.saved_at.as_offset_date_time(), offset),
                    planned_text: clock(v.planned_seconds),
                })
                .collect(),
            draft: draft.clone(),
        }
    }
}
