//! Readiness checks: everything that would make a marketplace refuse a listing, or the
//! law forbid it, found offline before any upload. Each finding has a severity, the
//! field to fix, a sentence saying what to change, and the source of the rule.

use serde::Serialize;
use time::Date;

use super::generate;
use super::{claims, facts};
use crate::args;
use crate::catalog::listings::{Listing, ListingContext, ReadinessState};
use crate::catalog::model::{CertificateStatus, ProductDetail};
use crate::i18n::money::format_vnd;
use crate::i18n::{I18n, Lang};
use crate::photos::quality::{self, Finding as PhotoFinding};
use crate::platform::Platform;
use crate::rules::phrases::MatchText;
use crate::rules::{Fact, PackInfo, PlatformRules, RuleSet, Severity, TextField};

/// Where the user goes to fix a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FixField {
    Title,
    Description,
    Category,
    Variants,
    Package,
    Photos,
    Certificate,
    Proofs,
    NetQuantity,
    ShelfLife,
    Origin,
    Ingredients,
    Storage,
    Usage,
    AlcoholPercent,
    Cooperative,
    Barcode,
}

impl From<Fact> for FixField {
    fn from(fact: Fact) -> FixField {
        match fact {
            Fact::NetQuantity => FixField::NetQuantity,
            Fact::ShelfLife => FixField::ShelfLife,
            Fact::Origin => FixField::Origin,
            Fact::Ingredients => FixField::Ingredients,
            Fact::Storage => FixField::Storage,
            Fact::Usage => FixField::Usage,
            Fact::PackageWeight | Fact::PackageDimensions => FixField::Package,
            Fact::AlcoholPercent => FixField::AlcoholPercent,
            Fact::Responsible => FixField::Cooperative,
            Fact::Barcode => FixField::Barcode,
        }
    }
}

/// One thing to change before the listing can go, or to look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// Named apart from the photo findings for the generated TypeScript.
#[serde(rename = "ListingFinding")]
pub struct Finding {
    /// The rule's id: stable, for scripts and tests.
    pub rule: String,
    pub severity: Severity,
    pub field: FixField,
    /// What to change, in the user's language.
    pub message: String,
    /// The law, platform document or guide the rule comes from.
    pub source: String,
}

/// A listing's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Readiness {
    pub platform: Platform,
    pub state: ReadinessState,
    /// Blocking findings first.
    pub findings: Vec<Finding>,
    /// The rule packs used, with their versions and check dates.
    pub packs: Vec<PackInfo>,
    /// Days since the oldest pack used was last checked against its sources.
    pub packs_age_days: i64,
}

/// What the listing will show, with inherited fields filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Effective {
    pub title: String,
    pub title_inherited: bool,
    pub description: String,
    pub description_inherited: bool,
    /// The category key, chosen or the default for the product's OCOP subgroup.
    pub category: Option<String>,
    pub category_inherited: bool,
}

impl Effective {
    pub fn of(
        context: &ListingContext,
        platform: Platform,
        rules: &RuleSet,
        today: Date,
        i18n: &I18n,
    ) -> Effective {
        let listing = context.listing(platform);
        let pack = rules.platform(platform);
        let detail = &context.detail;
        let draft = &listing.draft;
        Effective {
            title: draft
                .title
                .clone()
                .unwrap_or_else(|| generate::title(detail, pack, today, i18n)),
            title_inherited: draft.title.is_none(),
            description: draft.description.clone().unwrap_or_else(|| {
                generate::description(detail, pack, &rules.advertising, today, i18n)
            }),
            description_inherited: draft.description.is_none(),
            category: draft.category.clone().or_else(|| {
                pack.default_category(&detail.product.draft.subgroup)
                    .map(|c| c.key.clone())
            }),
            category_inherited: draft.category.is_none(),
        }
    }
}

/// Collects findings with their sources.
struct Report<'a> {
    i18n: &'a I18n,
    findings: Vec<Finding>,
}

impl Report<'_> {
    fn add(
        &mut self,
        rule: &str,
        severity: Severity,
        field: FixField,
        message: String,
        source: &str,
    ) {
        self.findings.push(Finding {
            rule: rule.to_owned(),
            severity,
            field,
            message,
            source: source.to_owned(),
        });
    }

    /// A finding whose sentence is in the app's own messages.
    fn local(
        &mut self,
        rule: &str,
        severity: Severity,
        field: FixField,
        id: &str,
        args: &[(&str, crate::i18n::Arg)],
        source: &str,
    ) {
        let message = self.i18n.tr_args(id, args);
        self.add(rule, severity, field, message, source);
    }
}

/// Checks the product's listing on `platform` against every rule that applies.
pub fn check(
    context: &ListingContext,
    platform: Platform,
    rules: &RuleSet,
    today: Date,
    i18n: &I18n,
) -> Readiness {
    let pack = rules.platform(platform);
    let listing = context.listing(platform);
    let effective = Effective::of(context, platform, rules, today, i18n);
    let mut report = Report {
        i18n,
        findings: Vec::new(),
    };
    let source = pack
        .info
        .sources
        .first()
        .map(String::as_str)
        .unwrap_or_default();
    // Each text is normalised and split into words once, for every check that reads it.
    let mut title_words = MatchText::new(&effective.title);
    let mut description_words = MatchText::new(&effective.description);
    check_title(&mut report, pack, &effective.title, &title_words, source);
    check_description(
        &mut report,
        pack,
        &effective.description,
        &description_words,
        source,
    );
    check_patterns(&mut report, pack, &effective, i18n.lang());
    check_claims(
        &mut report,
        rules,
        context,
        listing,
        [&mut title_words, &mut description_words],
        today,
    );
    check_ocop(&mut report, rules, &context.detail, &effective, today);
    check_category(
        &mut report,
        pack,
        context,
        listing,
        effective.category.as_deref(),
        source,
    );
    check_prices(&mut report, pack, &context.detail, listing, source);
    check_package(&mut report, pack, &context.detail, source);
    check_photos(&mut report, pack, context, source);
    let mut findings = report.findings;
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let state = if findings.iter().any(|f| f.severity == Severity::Block) {
        ReadinessState::Blocked
    } else if findings.is_empty() {
        ReadinessState::Ready
    } else {
        ReadinessState::Warnings
    };
    let packs = vec![pack.info.clone(), rules.advertising.info.clone()];
    let oldest = packs.iter().map(|p| p.checked_on).min().unwrap_or(today);
    Readiness {
        platform,
        state,
        findings,
        packs,
        packs_age_days: (today - oldest).whole_days().max(0),
    }
}

fn check_title(
    report: &mut Report<'_>,
    pack: &PlatformRules,
    title: &str,
    words: &MatchText,
    source: &str,
) {
    let count = title.chars().count();
    let limits = pack.title;
    if count == 0 {
        report.local(
            "title-empty",
            Severity::Block,
            FixField::Title,
            "listings-title-empty",
            args![],
            source,
        );
    } else if count < limits.min_chars {
        report.local(
            "title-short",
            Severity::Block,
            FixField::Title,
            "listings-title-short",
            args!["min" => limits.min_chars, "count" => count],
            source,
        );
    } else if count > limits.max_chars {
        report.local(
            "title-long",
            Severity::Block,
            FixField::Title,
            "listings-title-long",
            args!["max" => limits.max_chars, "count" => count],
            source,
        );
    }
    // Keyword stuffing: a word (not a number or a unit) said three times or more.
    let mut repeated: Vec<(&str, usize)> = words
        .word_counts()
        .into_iter()
        .filter(|(word, n)| {
            *n > 2 && word.chars().count() > 1 && !word.chars().all(|c| c.is_ascii_digit())
        })
        .collect();
    repeated.sort();
    if let Some((word, times)) = repeated.first() {
        report.local(
            "title-repeated",
            Severity::Warn,
            FixField::Title,
            "listings-title-repeated",
            args!["word" => *word, "count" => *times],
            source,
        );
    }
}

fn check_description(
    report: &mut Report<'_>,
    pack: &PlatformRules,
    description: &str,
    words: &MatchText,
    source: &str,
) {
    let limits = pack.description;
    let count = description.chars().count();
    let words = words.word_count();
    if count < limits.min_chars {
        report.local(
            "description-short",
            Severity::Block,
            FixField::Description,
            "listings-description-short",
            args!["min" => limits.min_chars, "count" => count],
            source,
        );
    }
    if words < limits.min_words {
        report.local(
            "description-few-words",
            Severity::Block,
            FixField::Description,
            "listings-description-few-words",
            args!["min" => limits.min_words, "count" => words],
            source,
        );
    }
    if count > limits.max_chars {
        report.local(
            "description-long",
            Severity::Block,
            FixField::Description,
            "listings-description-long",
            args!["max" => limits.max_chars, "count" => count],
            source,
        );
    }
}

fn check_patterns(
    report: &mut Report<'_>,
    pack: &PlatformRules,
    effective: &Effective,
    lang: Lang,
) {
    for rule in &pack.forbidden {
        for field in &rule.fields {
            let (text, fix) = match field {
                TextField::Title => (&effective.title, FixField::Title),
                TextField::Description => (&effective.description, FixField::Description),
            };
            if let Some(found) = rule.regex.find(text) {
                report.add(
                    &rule.id,
                    rule.severity,
                    fix,
                    rule.message.text(lang, found.as_str()),
                    &rule.source,
                );
            }
        }
    }
}

fn check_claims(
    report: &mut Report<'_>,
    rules: &RuleSet,
    context: &ListingContext,
    listing: &Listing,
    [title, description]: [&mut MatchText; 2],
    today: Date,
) {
    let lang = report.i18n.lang();
    let ad = &rules.advertising;
    let subgroup = context.detail.product.draft.subgroup.as_str();
    let findings = &mut report.findings;
    claims::required_sentences(Some(findings), ad, subgroup, lang, [title, description]);
    claims::claims(
        findings,
        ad,
        context,
        lang,
        &[
            (title, FixField::Title),
            (description, FixField::Description),
        ],
        today,
    );
    claims::restricted(findings, ad, context, listing, lang);
}

fn check_ocop(
    report: &mut Report<'_>,
    rules: &RuleSet,
    detail: &ProductDetail,
    effective: &Effective,
    today: Date,
) {
    let source = rules.advertising.ocop_source.as_str();
    let certificate = detail.current_certificate();
    let status = certificate.map(|c| c.status(today));
    for (text, field) in [
        (&effective.title, FixField::Title),
        (&effective.description, FixField::Description),
    ] {
        let Some(captures) = rules.advertising.ocop_mention.captures(text) else {
            continue;
        };
        let said: i64 = captures
            .get(1)
            .or_else(|| captures.get(2))
            .and_then(|m| m.as_str().parse().ok())
            .unwrap_or(0);
        let (id, severity) = match (certificate, status) {
            (None, _) => ("listings-ocop-no-certificate", Severity::Block),
            (Some(_), Some(s)) if !s.allows_stars() => ("listings-ocop-not-valid", Severity::Block),
            (Some(c), _) if c.stars != said => ("listings-ocop-wrong-stars", Severity::Block),
            _ => continue,
        };
        let stars = certificate.map_or(0, |c| c.stars);
        report.local(
            "star-claim",
            severity,
            field,
            id,
            args!["said" => said, "stars" => stars],
            source,
        );
    }
    match status {
        Some(CertificateStatus::Expiring { days_left }) => report.local(
            "certificate-expiring",
            Severity::Warn,
            FixField::Certificate,
            "listings-ocop-expiring",
            args!["days" => days_left],
            source,
        ),
        Some(CertificateStatus::Expired { .. }) => report.local(
            "certificate-expired",
            Severity::Warn,
            FixField::Certificate,
            "listings-ocop-expired",
            args![],
            source,
        ),
        None => report.local(
            "certificate-missing",
            Severity::Warn,
            FixField::Certificate,
            "listings-ocop-missing",
            args![],
            source,
        ),
        _ => {}
    }
}

pub(crate) fn fact_name(i18n: &I18n, fact: Fact) -> String {
    i18n.tr(&format!("listings-fact-{}", fact.code().replace('_', "-")))
}

fn check_category(
    report: &mut Report<'_>,
    pack: &PlatformRules,
    context: &ListingContext,
    listing: &Listing,
    category: Option<&str>,
    source: &str,
) {
    let Some(category) = category.and_then(|key| pack.category(key)) else {
        report.local(
            "category-missing",
            Severity::Block,
            FixField::Category,
            "listings-category-missing",
            args![],
            source,
        );
        return;
    };
    for fact in &category.required {
        if !facts::has(&context.detail, listing, *fact) {
            let name = fact_name(report.i18n, *fact);
            let label = match report.i18n.lang() {
                Lang::Vi => category.vi.as_str(),
                Lang::En => category.en.as_str(),
            };
            report.local(
                "category-requires",
                Severity::Block,
                (*fact).into(),
                "listings-category-requires",
                args!["fact" => name, "category" => label],
                source,
            );
        }
    }
}

fn check_prices(
    report: &mut Report<'_>,
    pack: &PlatformRules,
    detail: &ProductDetail,
    listing: &Listing,
    source: &str,
) {
    let variants: Vec<_> = detail
        .variants
        .iter()
        .filter(|v| v.deleted_at.is_none())
        .collect();
    if variants.is_empty() {
        report.local(
            "no-variants",
            Severity::Block,
            FixField::Variants,
            "listings-no-variants",
            args![],
            source,
        );
        return;
    }
    for variant in &variants {
        let price = listing
            .draft
            .prices
            .get(&variant.id)
            .copied()
            .unwrap_or(variant.draft.price_vnd);
        let sku = variant.draft.sku.as_str();
        if price < pack.price.min_vnd {
            report.local(
                "price-low",
                Severity::Block,
                FixField::Variants,
                "listings-price-low",
                args!["sku" => sku, "min" => format_vnd(pack.price.min_vnd)],
                source,
            );
        }
        if let Some(max) = pack.price.max_vnd.filter(|max| price > *max) {
            report.local(
                "price-high",
                Severity::Block,
                FixField::Variants,
                "listings-price-high",
                args!["sku" => sku, "max" => format_vnd(max)],
                source,
            );
        }
        if variant.draft.stock > pack.stock.max {
            report.local(
                "stock-high",
                Severity::Block,
                FixField::Variants,
                "listings-stock-high",
                args!["sku" => sku, "max" => pack.stock.max],
                source,
            );
        }
    }
    if variants.iter().all(|v| v.draft.stock == 0) {
        report.local(
            "out-of-stock",
            Severity::Warn,
            FixField::Variants,
            "listings-out-of-stock",
            args![],
            source,
        );
    }
}

fn check_package(
    report: &mut Report<'_>,
    pack: &PlatformRules,
    detail: &ProductDetail,
    source: &str,
) {
    let package = detail.product.draft.package;
    if pack.package.weight_required && package.weight_g.is_none() {
        report.local(
            "weight-missing",
            Severity::Block,
            FixField::Package,
            "listings-weight-missing",
            args![],
            source,
        );
    }
    let dimensions = [package.length_mm, package.width_mm, package.height_mm];
    if pack.package.dimensions_required && dimensions.iter().any(Option::is_none) {
        report.local(
            "dimensions-missing",
            Severity::Block,
            FixField::Package,
            "listings-dimensions-missing",
            args![],
            source,
        );
    }
}

fn check_photos(
    report: &mut Report<'_>,
    pack: &PlatformRules,
    context: &ListingContext,
    source: &str,
) {
    let limits = pack.photos;
    let photos = context.listing_photos(pack.platform);
    let count = u32::try_from(photos.len()).unwrap_or(u32::MAX);
    let platform = pack.platform.name();
    if count < limits.min_count {
        report.local(
            "photo-count-low",
            Severity::Block,
            FixField::Photos,
            "listings-photos-too-few",
            args!["platform" => platform, "min" => limits.min_count, "count" => count],
            source,
        );
    } else if count < limits.recommended_count {
        report.local(
            "photo-count-below-recommended",
            Severity::Warn,
            FixField::Photos,
            "listings-photos-few",
            args!["platform" => platform, "recommended" => limits.recommended_count, "count" => count],
            source,
        );
    } else if count > limits.max_count {
        report.local(
            "photo-count-high",
            Severity::Warn,
            FixField::Photos,
            "listings-photos-too-many",
            args!["platform" => platform, "max" => limits.max_count, "count" => count],
            source,
        );
    }
    // Only the photos the platform will get are judged.
    for photo in photos.iter().take(limits.max_count as usize) {
        let name = photo.name();
        let side = match photo.fit {
            crate::photos::spec::Fit::Pad => photo.file.width.max(photo.file.height),
            crate::photos::spec::Fit::Crop => photo.file.width.min(photo.file.height),
        };
        if side < limits.min_side {
            report.local(
                "photo-small",
                Severity::Block,
                FixField::Photos,
                "listings-photo-small",
                args!["name" => name.as_str(), "side" => side, "min" => limits.min_side],
                source,
            );
        }
        for finding in quality::photo_findings(
            photo.file.width,
            photo.file.height,
            photo.fit,
            &photo.file.measures,
        ) {
            let id = match finding {
                PhotoFinding::Blurry => "listings-photo-blurry",
                PhotoFinding::TooDark => "listings-photo-dark",
                PhotoFinding::Overexposed => "listings-photo-overexposed",
                _ => continue,
            };
            report.local(
                "photo-quality",
                Severity::Warn,
                FixField::Photos,
                id,
                args!["name" => name.as_str()],
                source,
            );
        }
    }
}

/// The label facts (Decree 43/2017 as amended) the product does not state yet: warnings
/// on the product, for every platform.
pub fn label_findings(context: &ListingContext, rules: &RuleSet, i18n: &I18n) -> Vec<Finding> {
    let detail = &context.detail;
    let source = rules
        .labels
        .info
        .sources
        .first()
        .cloned()
        .unwrap_or_default();
    rules
        .labels
        .required(detail.product.sector, &detail.product.draft.subgroup)
        .into_iter()
        .filter(|fact| {
            !context
                .listings
                .iter()
                .any(|l| facts::has(detail, l, *fact))
        })
        .map(|fact| Finding {
            rule: format!("label-{}", fact.code()),
            severity: Severity::Warn,
            field: fact.into(),
            message: i18n.tr_args(
                "listings-label-missing",
                args!["fact" => fact_name(i18n, fact)],
            ),
            source: source.clone(),
        })
        .collect()
}
