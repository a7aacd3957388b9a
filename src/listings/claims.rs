//! Vietnam's advertising rules on what a text says about a product: the sentences some
//! products must carry, claims they may not make (cures and disease names for food,
//! superlatives without a valid proof) and products that may not be advertised (strong
//! spirits). Shared by the listing checks and the checks of spoken script lines.

use time::Date;

use super::check::{Finding, FixField};
use super::facts;
use crate::catalog::listings::{Listing, ListingContext};
use crate::i18n::Lang;
use crate::platform::Platform;
use crate::rules::phrases::MatchText;
use crate::rules::{AdvertisingRules, RuleSet, Severity};

fn push(
    findings: &mut Vec<Finding>,
    rule: &str,
    severity: Severity,
    field: FixField,
    message: String,
    source: &str,
) {
    findings.push(Finding {
        rule: rule.to_owned(),
        severity,
        field,
        message,
        source: source.to_owned(),
    });
}

/// Finds and masks the sentences the product's subgroup requires (a supplement's "not a
/// medicine" sentence), so their words are not read as claims; reports each one the
/// description lacks when `findings` is given.
pub(crate) fn required_sentences(
    mut findings: Option<&mut Vec<Finding>>,
    ad: &AdvertisingRules,
    subgroup: &str,
    lang: Lang,
    [title, description]: [&mut MatchText; 2],
) {
    for required in ad
        .required_sentences
        .iter()
        .filter(|r| r.subgroups.iter().any(|s| s == subgroup))
    {
        let in_description = description.take_sentence(&required.sentence);
        title.take_sentence(&required.sentence);
        if let (false, Some(findings)) = (in_description, findings.as_deref_mut()) {
            push(
                findings,
                &required.id,
                required.severity,
                FixField::Description,
                required.message.text(lang, ""),
                &required.source,
            );
        }
    }
}

/// Claims the product's sector may not make, in each of `texts`.
pub(crate) fn claims(
    findings: &mut Vec<Finding>,
    ad: &AdvertisingRules,
    context: &ListingContext,
    lang: Lang,
    texts: &[(&MatchText, FixField)],
    today: Date,
) {
    let has_proof = context.proofs.iter().any(|p| p.valid_on(today));
    for claim in &ad.claims {
        let Some(severity) = claim.severity_for(context.detail.product.sector) else {
            continue;
        };
        if claim.excused_by_proof && has_proof {
            continue;
        }
        for (text, field) in texts {
            if let Some(found) = claim.phrases.find(text).first() {
                let fix = if claim.excused_by_proof
                    && severity == Severity::Block
                    && *field == FixField::Description
                {
                    FixField::Proofs
                } else {
                    *field
                };
                push(
                    findings,
                    &claim.id,
                    severity,
                    fix,
                    claim.message.text(lang, &found.excerpt),
                    &claim.source,
                );
            }
        }
    }
}

/// Products that may not be advertised at all (spirits of 15° and above).
pub(crate) fn restricted(
    findings: &mut Vec<Finding>,
    ad: &AdvertisingRules,
    context: &ListingContext,
    listing: &Listing,
    lang: Lang,
) {
    let detail = &context.detail;
    let subgroup = detail.product.draft.subgroup.as_str();
    for restricted in ad
        .restricted
        .iter()
        .filter(|r| r.subgroups.iter().any(|s| s == subgroup))
    {
        match facts::alcohol_percent(detail, listing) {
            Some(percent) if percent >= restricted.min_alcohol_percent => push(
                findings,
                &restricted.id,
                restricted.severity,
                FixField::AlcoholPercent,
                restricted.message.text(lang, ""),
                &restricted.source,
            ),
            Some(_) => {}
            None => push(
                findings,
                &restricted.id,
                Severity::Warn,
                FixField::AlcoholPercent,
                restricted.unknown.text(lang, ""),
                &restricted.source,
            ),
        }
    }
}

/// Which rules a piece of spoken or on-screen text is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The claims in one part (a script segment).
    Claims,
    /// Everything a product's whole text must or may not do: the required sentences said
    /// somewhere, and whether the product may be advertised at all.
    Whole,
}

/// The advertising findings for `text` said or shown about the product of `context`.
pub fn spoken_findings(
    context: &ListingContext,
    text: &str,
    scope: Scope,
    rules: &RuleSet,
    today: Date,
    lang: Lang,
) -> Vec<Finding> {
    let ad = &rules.advertising;
    let subgroup = context.detail.product.draft.subgroup.as_str();
    let mut findings = Vec::new();
    let mut nothing = MatchText::new("");
    let mut words = MatchText::new(text);
    let report_missing = (scope == Scope::Whole).then_some(&mut findings);
    required_sentences(
        report_missing,
        ad,
        subgroup,
        lang,
        [&mut nothing, &mut words],
    );
    match scope {
        Scope::Claims => claims(
            &mut findings,
            ad,
            context,
            lang,
            &[(&words, FixField::Description)],
            today,
        ),
        // The strength is typed on a listing, or written in the product's name or story.
        Scope::Whole => restricted(
            &mut findings,
            ad,
            context,
            context.listing(Platform::TiktokShop),
            lang,
        ),
    }
    findings
}
