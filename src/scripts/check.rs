//! Scripts against the advertising rules: what a host says or shows may not claim what a
//! listing may not (cures, disease names, superlatives without proof); a supplement's
//! "not a medicine" sentence must be read aloud; strong spirits may not be advertised;
//! and the host must say that the session is advertising.

use serde::Serialize;
use time::Date;

use super::{Purpose, ScriptDraft};
use crate::catalog::listings::ListingContext;
use crate::i18n::{I18n, Lang};
use crate::listings::check::{Finding, FixField};
use crate::listings::claims::{Scope, spoken_findings};
use crate::rules::{RuleSet, Severity};
use crate::text::fold;

/// A finding about one segment of a script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScriptFinding {
    /// The segment's index (the product's first segment for what concerns its whole
    /// text).
    pub segment: u32,
    pub finding: Finding,
}

/// Words that show the host said it is advertising, folded.
fn discloses(text: &str, lang: Lang) -> bool {
    let folded = fold(text);
    match lang {
        Lang::Vi => folded.contains("quang cao"),
        Lang::En => folded.contains("advertis"),
    }
}

/// Checks every segment of `draft`; `contexts` are its products' (others are skipped).
pub fn check(
    draft: &ScriptDraft,
    contexts: &[ListingContext],
    rules: &RuleSet,
    today: Date,
    i18n: &I18n,
) -> Vec<ScriptFinding> {
    let lang = draft.lang;
    let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    let mut out = Vec::new();
    for (i, segment) in draft.segments.iter().enumerate() {
        let Some(context) = segment
            .product_id
            .and_then(|id| contexts.iter().find(|c| c.detail.product.id == id))
        else {
            continue;
        };
        let text = format!("{}\n{}", segment.lines, segment.on_screen);
        for finding in spoken_findings(context, &text, Scope::Claims, rules, today, lang) {
            out.push(ScriptFinding {
                segment: index(i),
                finding,
            });
        }
    }
    for context in contexts {
        let id = context.detail.product.id;
        let mine: Vec<_> = draft
            .segments
            .iter()
            .enumerate()
            .filter(|(_, s)| s.product_id == Some(id))
            .collect();
        let Some((first, _)) = mine.first() else {
            continue;
        };
        let said: Vec<&str> = mine.iter().map(|(_, s)| s.lines.as_str()).collect();
        for finding in spoken_findings(context, &said.join("\n"), Scope::Whole, rules, today, lang)
        {
            out.push(ScriptFinding {
                segment: index(*first),
                finding,
            });
        }
    }
    let is_livestream = draft.kind == super::ScriptKind::Livestream;
    if is_livestream && !draft.segments.iter().any(|s| discloses(&s.lines, lang)) {
        let opening = draft
            .segments
            .iter()
            .position(|s| s.purpose == Purpose::Welcome)
            .unwrap_or(0);
        out.push(ScriptFinding {
            segment: index(opening),
            finding: Finding {
                rule: "disclosure".to_owned(),
                severity: Severity::Warn,
                field: FixField::Description,
                message: i18n.tr("scripts-disclosure-missing"),
                source: "Luật Quảng cáo 2012, sửa đổi 2025".to_owned(),
            },
        });
    }
    out.sort_by_key(|f| (f.segment, std::cmp::Reverse(f.finding.severity)));
    out
}
