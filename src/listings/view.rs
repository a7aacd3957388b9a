//! The Listings tab's view of a product: one card per platform with what the listing
//! will show, its readiness, limits and choices, the label gaps and the proofs. Built
//! here so the window only lays it out.

use serde::Serialize;
use time::Date;

use super::check::fact_name;
use super::{Effective, Finding, Readiness, check, label_findings};
use crate::args;
use crate::catalog::Id;
use crate::catalog::listing_forms::{ListingForm, ProofForm};
use crate::catalog::listings::ListingContext;
use crate::catalog::model::Cover;
use crate::i18n::dates::format_date;
use crate::i18n::money::format_vnd;
use crate::i18n::{I18n, Lang};
use crate::photos::spec::Fit;
use crate::platform::Platform;
use crate::rules::{Fact, RuleSet};

/// Everything the Listings tab shows for one product.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ListingsView {
    pub product_id: Id,
    pub cards: Vec<ListingCard>,
    /// Gaps in the food label (Decree 43/2017): warnings on the product itself.
    pub labels: Vec<Finding>,
    pub proofs: Vec<ProofEntry>,
}

/// The product on one platform.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ListingCard {
    pub platform: Platform,
    pub name: String,
    /// What the person set (inherited fields are `None`).
    pub form: ListingForm,
    /// What the listing will show, inherited fields filled in.
    pub effective: Effective,
    pub readiness: Readiness,
    pub limits: CardLimits,
    pub categories: Vec<CategoryChoice>,
    /// Listing attributes asked of this product (e.g. the alcohol content of a spirit).
    pub attributes: Vec<AttributeField>,
    pub variants: Vec<VariantPrice>,
    /// The product's photos, those sent first and in their order.
    pub photos: Vec<PhotoChoice>,
    pub preview: CardPreview,
    /// "Quy tắc TikTok Shop bản 2026.11.23, đối chiếu ngày 23/11/2026".
    pub rules_text: String,
}

#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CardLimits {
    pub title_min: u32,
    pub title_max: u32,
    pub description_min_chars: u32,
    pub description_min_words: u32,
    pub description_max: u32,
    pub photos_min: u32,
    pub photos_max: u32,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CategoryChoice {
    pub key: String,
    pub name: String,
    /// Where it sits in the platform's tree.
    pub path: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AttributeField {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VariantPrice {
    pub id: Id,
    pub label: String,
    /// The product's own price, shown when the listing inherits it.
    pub product_price: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PhotoChoice {
    pub id: Id,
    pub sha256: String,
    pub fit: Fit,
    pub sent: bool,
}

/// How the listing looks in a marketplace's product grid on a phone.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CardPreview {
    pub title: String,
    pub price_text: Option<String>,
    pub cover: Option<Cover>,
    /// Shown only while the certificate allows the stars.
    pub stars: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProofEntry {
    pub id: Id,
    pub form: ProofForm,
    pub valid: bool,
}

impl ListingsView {
    pub fn new(context: &ListingContext, rules: &RuleSet, today: Date, i18n: &I18n) -> Self {
        ListingsView {
            product_id: context.detail.product.id,
            cards: Platform::ALL
                .iter()
                .map(|platform| ListingCard::new(context, *platform, rules, today, i18n))
                .collect(),
            labels: label_findings(context, rules, i18n),
            proofs: context
                .proofs
                .iter()
                .map(|proof| ProofEntry {
                    id: proof.id,
                    form: ProofForm::from(proof),
                    valid: proof.valid_on(today),
                })
                .collect(),
        }
    }
}

impl ListingCard {
    pub fn new(
        context: &ListingContext,
        platform: Platform,
        rules: &RuleSet,
        today: Date,
        i18n: &I18n,
    ) -> Self {
        let pack = rules.platform(platform);
        let listing = context.listing(platform);
        let detail = &context.detail;
        let effective = Effective::of(context, platform, rules, today, i18n);
        let readiness = check(context, platform, rules, today, i18n);
        let rules_text = i18n.tr_args(
            "listings-rules-version",
            args![
                "platform" => platform.name(),
                "version" => pack.info.version.as_str(),
                "checked" => format_date(pack.info.checked_on),
                "days" => readiness.packs_age_days,
            ],
        );
        let category = effective.category.as_deref().and_then(|k| pack.category(k));
        let subgroup = detail.product.draft.subgroup.as_str();
        let restricted = rules
            .advertising
            .restricted
            .iter()
            .any(|r| r.subgroups.iter().any(|s| s == subgroup));
        let needs_alcohol =
            restricted || category.is_some_and(|c| c.required.contains(&Fact::AlcoholPercent));
        let live_variants: Vec<_> = detail
            .variants
            .iter()
            .filter(|v| v.deleted_at.is_none())
            .collect();
        let sent = context.listing_photos(platform);
        let unsent = context
            .photos
            .iter()
            .filter(|p| !sent.iter().any(|s| s.id == p.id));
        let lowest_price = live_variants
            .iter()
            .map(|v| {
                listing
                    .draft
                    .prices
                    .get(&v.id)
                    .copied()
                    .unwrap_or(v.draft.price_vnd)
            })
            .min();
        let certificate = detail.current_certificate();
        let name_in = |vi: &str, en: &str| match i18n.lang() {
            Lang::Vi => vi.to_owned(),
            Lang::En => en.to_owned(),
        };
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        ListingCard {
            platform,
            name: platform.name().to_owned(),
            form: ListingForm::from(&listing.draft),
            preview: CardPreview {
                title: effective.title.clone(),
                price_text: lowest_price.map(format_vnd),
                cover: sent.first().map(|p| Cover {
                    sha256: p.file.sha256.clone(),
                    fit: p.fit,
                }),
                stars: certificate
                    .filter(|c| c.status(today).allows_stars())
                    .map(|c| c.stars),
            },
            effective,
            readiness,
            limits: CardLimits {
                title_min: count(pack.title.min_chars),
                title_max: count(pack.title.max_chars),
                description_min_chars: count(pack.description.min_chars),
                description_min_words: count(pack.description.min_words),
                description_max: count(pack.description.max_chars),
                photos_min: pack.photos.min_count,
                photos_max: pack.photos.max_count,
            },
            categories: pack
                .categories
                .iter()
                .map(|c| CategoryChoice {
                    key: c.key.clone(),
                    name: name_in(&c.vi, &c.en),
                    path: c.path.clone(),
                })
                .collect(),
            attributes: needs_alcohol
                .then(|| AttributeField {
                    key: super::facts::ALCOHOL_ATTRIBUTE.to_owned(),
                    label: fact_name(i18n, Fact::AlcoholPercent),
                })
                .into_iter()
                .collect(),
            variants: live_variants
                .iter()
                .map(|v| VariantPrice {
                    id: v.id,
                    label: match &v.draft.name {
                        Some(name) => format!("{} · {name}", v.draft.sku),
                        None => v.draft.sku.clone(),
                    },
                    product_price: format_vnd(v.draft.price_vnd),
                })
                .collect(),
            photos: sent
                .iter()
                .map(|p| (*p, true))
                .chain(unsent.map(|p| (p, false)))
                .map(|(p, sent)| PhotoChoice {
                    id: p.id,
                    sha256: p.file.sha256.clone(),
                    fit: p.fit,
                    sent,
                })
                .collect(),
            rules_text,
        }
    }
}
