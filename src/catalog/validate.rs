//! Drafts are cleaned (NFC, trimmed, empty → absent) and checked here before any write.
//! Every problem of a draft is reported at once, each tied to its field, so an editor
//! can mark all of them in one go.

use time::Date;

use super::error::{CatalogError, Field, FieldError, Problem, Result};
use super::listings::{ListingDraft, PROOF_MONTHS, ProofDraft, ProofKind};
use super::model::{
    CERTIFICATE_MONTHS, CertificateDraft, CooperativeDraft, ProductDetail, ProductDraft,
    VariantDraft,
};
use super::ocop::{self, Subgroup};
use crate::i18n::dates;
use crate::scripts::{LIVESTREAM_MINUTES, ScriptDraft, Segment, WORDS_PER_MINUTE};
use crate::text;

/// The highest price we accept: one billion đồng. Anything above is a typing slip
/// (an extra zero or two), not an OCOP product.
pub(super) const MAX_PRICE_VND: i64 = 1_000_000_000;
pub(super) const MAX_STOCK: i64 = 10_000_000;

const NAME_MAX: usize = 255;
const SHORT_TEXT_MAX: usize = 255;
const ADDRESS_MAX: usize = 500;
const LONG_TEXT_MAX: usize = 20_000;
const SKU_MAX: usize = 64;

/// Collects problems while cleaning a draft.
#[derive(Default)]
struct Findings(Vec<FieldError>);

impl Findings {
    fn add(&mut self, field: Field, problem: Problem) {
        self.0.push(FieldError::new(field, problem));
    }

    fn required_text(&mut self, field: Field, value: &str, max: usize) -> String {
        let cleaned = text::clean(value);
        if cleaned.is_empty() {
            self.add(field, Problem::Required);
        }
        self.limit(field, cleaned, max)
    }

    fn optional_text(&mut self, field: Field, value: Option<&str>, max: usize) -> Option<String> {
        text::clean_optional(value).map(|cleaned| self.limit(field, cleaned, max))
    }

    fn limit(&mut self, field: Field, cleaned: String, max: usize) -> String {
        if cleaned.chars().count() > max {
            self.add(field, Problem::TooLong { max });
        }
        cleaned
    }

    fn range(&mut self, field: Field, value: Option<i64>, min: i64, max: i64) {
        if value.is_some_and(|v| v < min || v > max) {
            self.add(field, Problem::OutOfRange { min, max });
        }
    }

    fn finish<T>(self, value: T) -> Result<T> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(CatalogError::Invalid(self.0))
        }
    }
}

pub(super) fn cooperative(draft: &CooperativeDraft) -> Result<CooperativeDraft> {
    let mut findings = Findings::default();
    let cleaned = CooperativeDraft {
        name: findings.required_text(Field::Name, &draft.name, NAME_MAX),
        producer_type: draft.producer_type,
        registration_no: findings.optional_text(
            Field::RegistrationNo,
            draft.registration_no.as_deref(),
            SHORT_TEXT_MAX,
        ),
        address: findings.optional_text(Field::Address, draft.address.as_deref(), ADDRESS_MAX),
        province: findings.optional_text(
            Field::Province,
            draft.province.as_deref(),
            SHORT_TEXT_MAX,
        ),
        commune: findings.optional_text(Field::Commune, draft.commune.as_deref(), SHORT_TEXT_MAX),
        phone: findings.optional_text(Field::Phone, draft.phone.as_deref(), 40),
    };
    if cleaned
        .phone
        .as_deref()
        .is_some_and(|phone| !is_phone_number(phone))
    {
        findings.add(Field::Phone, Problem::InvalidPhone);
    }
    findings.finish(cleaned)
}

pub(super) fn product(draft: &ProductDraft) -> Result<(ProductDraft, &'static Subgroup)> {
    let mut findings = Findings::default();
    let subgroup = ocop::subgroup(&draft.subgroup);
    if subgroup.is_none() {
        findings.add(
            Field::Subgroup,
            Problem::UnknownSubgroup {
                code: text::clean(&draft.subgroup),
            },
        );
    }
    let long = |findings: &mut Findings, field, value: &Option<String>| {
        findings.optional_text(field, value.as_deref(), LONG_TEXT_MAX)
    };
    let cleaned = ProductDraft {
        cooperative_id: draft.cooperative_id,
        name: findings.required_text(Field::Name, &draft.name, NAME_MAX),
        subgroup: subgroup.map_or_else(|| draft.subgroup.clone(), |s| s.code.to_owned()),
        story: long(&mut findings, Field::Story, &draft.story),
        ingredients: long(&mut findings, Field::Ingredients, &draft.ingredients),
        usage: long(&mut findings, Field::Usage, &draft.usage),
        storage: long(&mut findings, Field::Storage, &draft.storage),
        shelf_life: findings.optional_text(
            Field::ShelfLife,
            draft.shelf_life.as_deref(),
            SHORT_TEXT_MAX,
        ),
        net_quantity: draft.net_quantity,
        origin: findings.optional_text(Field::Origin, draft.origin.as_deref(), SHORT_TEXT_MAX),
        package: draft.package,
        barcode: findings.optional_text(Field::Barcode, draft.barcode.as_deref(), 32),
    };
    if let Some(quantity) = cleaned.net_quantity
        && !(quantity.amount.is_finite() && quantity.amount > 0.0 && quantity.amount <= 1_000_000.0)
    {
        findings.add(
            Field::NetQuantity,
            Problem::OutOfRange {
                min: 0,
                max: 1_000_000,
            },
        );
    }
    findings.range(Field::PackageWeight, cleaned.package.weight_g, 1, 1_000_000);
    findings.range(Field::PackageLength, cleaned.package.length_mm, 1, 10_000);
    findings.range(Field::PackageWidth, cleaned.package.width_mm, 1, 10_000);
    findings.range(Field::PackageHeight, cleaned.package.height_mm, 1, 10_000);
    if cleaned
        .barcode
        .as_deref()
        .is_some_and(|code| !is_gtin(code))
    {
        findings.add(Field::Barcode, Problem::InvalidBarcode);
    }
    let subgroup = findings.finish(subgroup)?;
    // `finish` only succeeds when no problem was found, and an unknown subgroup is one.
    subgroup
        .map(|s| (cleaned, s))
        .ok_or_else(|| CatalogError::invalid(Field::Subgroup, Problem::Required))
}

/// A cleaned certificate draft with its end date resolved.
pub(super) struct CleanCertificate {
    pub(super) draft: CertificateDraft,
    pub(super) valid_until: Date,
}

pub(super) fn certificate(draft: &CertificateDraft) -> Result<CleanCertificate> {
    let mut findings = Findings::default();
    if !(3..=5).contains(&draft.stars) {
        findings.add(
            Field::Stars,
            Problem::StarsOutOfRange { stars: draft.stars },
        );
    }
    let valid_until = draft
        .valid_until
        .unwrap_or_else(|| dates::add_months(draft.valid_from, CERTIFICATE_MONTHS));
    if valid_until < draft.valid_from {
        findings.add(Field::ValidUntil, Problem::ValidUntilBeforeValidFrom);
    }
    let cleaned = CertificateDraft {
        stars: draft.stars,
        certificate_no: findings.optional_text(
            Field::CertificateNo,
            draft.certificate_no.as_deref(),
            SHORT_TEXT_MAX,
        ),
        decision_no: findings.optional_text(
            Field::DecisionNo,
            draft.decision_no.as_deref(),
            SHORT_TEXT_MAX,
        ),
        decision_date: draft.decision_date,
        issuing_authority: findings.optional_text(
            Field::IssuingAuthority,
            draft.issuing_authority.as_deref(),
            SHORT_TEXT_MAX,
        ),
        valid_from: draft.valid_from,
        valid_until: Some(valid_until),
    };
    findings.finish(CleanCertificate {
        draft: cleaned,
        valid_until,
    })
}

pub(super) fn variant(draft: &VariantDraft) -> Result<VariantDraft> {
    let mut findings = Findings::default();
    let cleaned = VariantDraft {
        sku: findings.required_text(Field::Sku, &draft.sku, SKU_MAX),
        name: findings.optional_text(Field::VariantName, draft.name.as_deref(), SHORT_TEXT_MAX),
        price_vnd: draft.price_vnd,
        stock: draft.stock,
    };
    if cleaned.price_vnd <= 0 {
        findings.add(Field::Price, Problem::PriceNotPositive);
    } else if cleaned.price_vnd > MAX_PRICE_VND {
        findings.add(Field::Price, Problem::PriceTooHigh { max: MAX_PRICE_VND });
    }
    findings.range(Field::Stock, Some(cleaned.stock), 0, MAX_STOCK);
    findings.finish(cleaned)
}

/// The longest listing title kept (platforms allow 120–255; longer text is refused as
/// a paste gone wrong rather than stored and flagged).
const LISTING_TITLE_MAX: usize = 1_000;
/// Lazada takes 25,000 characters of description.
const LISTING_DESCRIPTION_MAX: usize = 30_000;
const ATTRIBUTE_MAX: usize = 500;

/// A listing draft cleaned: text in NFC, empty fields inherited, attribute names and
/// values trimmed, prices only for the product's own variants and within range.
pub(super) fn listing(draft: &ListingDraft, detail: &ProductDetail) -> Result<ListingDraft> {
    let mut findings = Findings::default();
    // An emptied title or description stays empty (and is reported by the checks):
    // only `None` goes back to the product's suggestion.
    let title = draft
        .title
        .as_deref()
        .map(|t| findings.limit(Field::Title, text::clean(t), LISTING_TITLE_MAX));
    let description = draft.description.as_deref().map(|d| {
        findings.limit(
            Field::Description,
            text::clean_multiline(d),
            LISTING_DESCRIPTION_MAX,
        )
    });
    let category =
        findings.optional_text(Field::Category, draft.category.as_deref(), SHORT_TEXT_MAX);
    let mut attributes = std::collections::BTreeMap::new();
    for (name, value) in &draft.attributes {
        let name = text::clean(name);
        let value = text::clean(value);
        if name.is_empty() || value.is_empty() {
            continue;
        }
        attributes.insert(name, findings.limit(Field::Attribute, value, ATTRIBUTE_MAX));
    }
    let mut prices = std::collections::BTreeMap::new();
    for (variant, price) in &draft.prices {
        if !detail
            .variants
            .iter()
            .any(|v| v.id == *variant && v.deleted_at.is_none())
        {
            continue;
        }
        if *price <= 0 {
            findings.add(Field::Price, Problem::PriceNotPositive);
        } else if *price > MAX_PRICE_VND {
            findings.add(Field::Price, Problem::PriceTooHigh { max: MAX_PRICE_VND });
        }
        prices.insert(*variant, *price);
    }
    findings.finish(ListingDraft {
        title,
        description,
        category,
        attributes,
        prices,
        photos: draft.photos.clone(),
    })
}

/// A proof with its end date: one year after issue unless written otherwise.
pub(super) struct CleanProof {
    pub kind: ProofKind,
    pub title: String,
    pub issuer: Option<String>,
    pub issued_on: Date,
    pub valid_until: Date,
}

pub(super) fn proof(draft: &ProofDraft) -> Result<CleanProof> {
    let mut findings = Findings::default();
    let title = findings.required_text(Field::ProofTitle, &draft.title, ADDRESS_MAX);
    let issuer = findings.optional_text(
        Field::IssuingAuthority,
        draft.issuer.as_deref(),
        ADDRESS_MAX,
    );
    let valid_until = draft
        .valid_until
        .unwrap_or_else(|| dates::add_months(draft.issued_on, i32::from(PROOF_MONTHS)));
    if valid_until < draft.issued_on {
        findings.add(Field::ValidUntil, Problem::ValidUntilBeforeValidFrom);
    }
    findings.finish(CleanProof {
        kind: draft.kind,
        title,
        issuer,
        issued_on: draft.issued_on,
        valid_until,
    })
}

/// A Vietnamese or international phone number: 8–15 digits, optionally with `+`,
/// spaces, dots, dashes or parentheses as people write them.
fn is_phone_number(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (8..=15).contains(&digits)
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '.' | '-' | '(' | ')'))
}

/// A GTIN barcode (EAN-8, UPC-A, EAN-13, GTIN-14) with a correct check digit.
fn is_gtin(code: &str) -> bool {
    let digits: Vec<u32> = code.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != code.chars().count() || ![8, 12, 13, 14].contains(&digits.len()) {
        return false;
    }
    let (body, check) = digits.split_at(digits.len() - 1);
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { d * 3 } else { *d })
        .sum();
    (10 - sum % 10) % 10 == check[0]
}

/// The most segments a script may have: a four-hour livestream needs about 300.
const MAX_SEGMENTS: usize = 2_000;
/// The most seconds one segment may plan: an hour.
const MAX_SEGMENT_SECONDS: u32 = 3_600;

/// A script with its text cleaned (NFC, invisible characters out; line breaks kept).
pub(super) fn script(draft: &ScriptDraft) -> Result<ScriptDraft> {
    let mut findings = Findings::default();
    let title = findings.required_text(Field::ScriptTitle, &draft.title, SHORT_TEXT_MAX);
    let minutes = LIVESTREAM_MINUTES;
    if !minutes.contains(&draft.minutes) {
        findings.add(
            Field::Minutes,
            Problem::OutOfRange {
                min: i64::from(*minutes.start()),
                max: i64::from(*minutes.end()),
            },
        );
    }
    if !WORDS_PER_MINUTE.contains(&draft.words_per_minute) {
        findings.add(
            Field::WordsPerMinute,
            Problem::OutOfRange {
                min: i64::from(*WORDS_PER_MINUTE.start()),
                max: i64::from(*WORDS_PER_MINUTE.end()),
            },
        );
    }
    if draft.segments.len() > MAX_SEGMENTS {
        findings.add(Field::Segment, Problem::TooLong { max: MAX_SEGMENTS });
    }
    let offer = findings.optional_text(Field::Segment, draft.offer.as_deref(), SHORT_TEXT_MAX);
    let mut segments = Vec::with_capacity(draft.segments.len());
    for segment in &draft.segments {
        if segment.seconds > MAX_SEGMENT_SECONDS {
            findings.add(
                Field::Seconds,
                Problem::OutOfRange {
                    min: 0,
                    max: i64::from(MAX_SEGMENT_SECONDS),
                },
            );
        }
        let mut text = |value: &str| {
            findings.limit(Field::Segment, text::clean_multiline(value), LONG_TEXT_MAX)
        };
        segments.push(Segment {
            lines: text(&segment.lines),
            on_screen: text(&segment.on_screen),
            notes: text(&segment.notes),
            ..segment.clone()
        });
    }
    let hashtags = draft
        .hashtags
        .iter()
        .map(|tag| text::clean(tag))
        .filter(|tag| !tag.is_empty())
        .collect();
    findings.finish(ScriptDraft {
        title,
        offer,
        segments,
        hashtags,
        ..draft.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gtin_check_digits() {
        assert!(is_gtin("8934563138165"));
        assert!(is_gtin("96385074"));
        assert!(!is_gtin("8934563138166"));
        assert!(!is_gtin("abc"));
    }

    #[test]
    fn phone_numbers() {
        assert!(is_phone_number("0912 345 678"));
        assert!(is_phone_number("+84 912.345.678"));
        assert!(!is_phone_number("12345"));
        assert!(!is_phone_number("gọi chị Lan"));
    }
}
