//! Scripts generated from product facts: the lines come from the Fluent templates of
//! `locales/<lang>/scripts.ftl` (several variants per segment, chosen per product so two
//! products do not sound the same), the layout from what trainers teach: an opening that
//! says it is advertising, product cycles of about a minute (hook, story, demonstration,
//! OCOP proof or origin, offer, questions, call to action) repeated until the session is
//! full, a re-hook every five minutes for people joining, and a closing.

use time::Date;

use super::{Purpose, ScriptDraft, ScriptKind, Segment, Tone, spoken_seconds};
use crate::catalog::Id;
use crate::catalog::model::ProductDetail;
use crate::i18n::dates::format_date;
use crate::i18n::money::format_vnd;
use crate::i18n::{Arg, I18n, Lang};
use crate::listings::facts::quantity_text;
use crate::text::{clean, clean_multiline, fold};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub kind: ScriptKind,
    pub tone: Tone,
    pub lang: Lang,
    /// A livestream's length (ignored for short videos).
    pub minutes: u32,
    pub words_per_minute: u32,
    pub offer: Option<String>,
}

/// A generated script, and the products that did not fit in the time asked for.
#[derive(Debug, Clone)]
pub struct Generated {
    pub draft: ScriptDraft,
    pub left_out: Vec<Id>,
}

/// Seconds of a livestream's fixed parts.
const WELCOME_SECONDS: u32 = 45;
const CLOSING_SECONDS: u32 = 30;
const REHOOK_SECONDS: u32 = 15;
/// How often people who just joined are welcomed again.
const REHOOK_EVERY: u32 = 5 * 60;

/// Each purpose of a product cycle with its least planned seconds (the spoken lines may
/// need more); a cycle is about a minute, as trainers teach.
const CYCLE: [(Purpose, u32); 7] = [
    (Purpose::Hook, 5),
    (Purpose::Story, 12),
    (Purpose::Demo, 15),
    (Purpose::Proof, 8),
    (Purpose::Offer, 8),
    (Purpose::Questions, 8),
    (Purpose::Cta, 5),
];

/// A short video's parts and their share of its seconds.
fn short_parts(seconds: u32, certified: bool) -> Vec<(Purpose, u32)> {
    match (seconds, certified) {
        (15, _) => vec![(Purpose::Hook, 3), (Purpose::Demo, 8), (Purpose::Cta, 4)],
        (30, _) => vec![
            (Purpose::Hook, 3),
            (Purpose::Story, 9),
            (Purpose::Demo, 11),
            (Purpose::Cta, 7),
        ],
        (_, true) => vec![
            (Purpose::Hook, 4),
            (Purpose::Story, 16),
            (Purpose::Demo, 20),
            (Purpose::Proof, 10),
            (Purpose::Cta, 10),
        ],
        (_, false) => vec![
            (Purpose::Hook, 4),
            (Purpose::Story, 21),
            (Purpose::Demo, 25),
            (Purpose::Cta, 10),
        ],
    }
}

/// One product as the templates see it.
struct Product {
    id: Id,
    name: String,
    certified: bool,
    args: Vec<(&'static str, Arg)>,
}

impl Product {
    fn new(detail: &ProductDetail, request: &Request, today: Date, i18n: &I18n) -> Product {
        let certificate = detail
            .current_certificate()
            .filter(|c| c.status(today).allows_stars());
        Product {
            id: detail.product.id,
            name: clean(&detail.product.draft.name),
            certified: certificate.is_some(),
            args: template_args(detail, request, today, i18n),
        }
    }

    /// The arguments, with the minute of the session.
    fn args_at(&self, minute: u32) -> Vec<(&'static str, Arg)> {
        let mut args = self.args.clone();
        args.push(("minute", Arg::from(minute)));
        args
    }
}

/// What the templates of `locales/<lang>/scripts.ftl` are given about a product (all but
/// the minute): every value is a readable text, a missing fact being named as a gap for
/// the user to fill.
pub fn template_args(
    detail: &ProductDetail,
    request: &Request,
    today: Date,
    i18n: &I18n,
) -> Vec<(&'static str, Arg)> {
    let draft = &detail.product.draft;
    let gap = |what: &str| i18n.tr_args("scripts-gap", &[("what", Arg::from(i18n.tr(what)))]);
    let fact = |value: Option<&String>, what: &str| {
        value
            .map(|v| clean(v))
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| gap(what))
    };
    let certificate = detail
        .current_certificate()
        .filter(|c| c.status(today).allows_stars());
    let price = detail
        .variants
        .iter()
        .filter(|v| v.deleted_at.is_none())
        .map(|v| v.draft.price_vnd)
        .min();
    let cooperative = &detail.cooperative.draft;
    vec![
        ("product", Arg::from(clean(&draft.name))),
        ("coop", Arg::from(clean(&cooperative.name))),
        (
            "province",
            Arg::from(
                cooperative
                    .province
                    .as_deref()
                    .map(clean)
                    .unwrap_or_else(|| "Việt Nam".to_owned()),
            ),
        ),
        ("stars", Arg::from(certificate.map_or(0, |c| c.stars))),
        (
            "until",
            Arg::from(
                certificate
                    .map(|c| format_date(c.valid_until))
                    .unwrap_or_default(),
            ),
        ),
        (
            "price",
            Arg::from(price.map_or_else(|| gap("scripts-gap-price"), format_vnd)),
        ),
        (
            "weight",
            Arg::from(quantity_text(detail, i18n).unwrap_or_else(|| gap("scripts-gap-weight"))),
        ),
        (
            "ingredients",
            Arg::from(fact(draft.ingredients.as_ref(), "scripts-gap-ingredients")),
        ),
        (
            "story",
            Arg::from(
                draft
                    .story
                    .as_deref()
                    .map(first_sentences)
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| gap("scripts-gap-story")),
            ),
        ),
        (
            "usage",
            Arg::from(fact(draft.usage.as_ref(), "scripts-gap-usage")),
        ),
        (
            "storage",
            Arg::from(fact(draft.storage.as_ref(), "scripts-gap-storage")),
        ),
        (
            "shelf",
            Arg::from(fact(draft.shelf_life.as_ref(), "scripts-gap-shelf")),
        ),
        (
            "offer",
            Arg::from(request.offer.as_deref().map(clean).unwrap_or_default()),
        ),
        ("tone", Arg::from(request.tone.code())),
    ]
}

/// Text as the catalog stores it (NFC, plain spaces: prices carry a no-break space), so
/// a script reads back exactly as generated.
fn said(text: String) -> String {
    clean_multiline(&text)
}

/// The story's first two sentences: enough to tell, short enough to say.
fn first_sentences(story: &str) -> String {
    let story = clean(story);
    let mut end = story.len();
    let mut seen = 0;
    for (at, ch) in story.char_indices() {
        if matches!(ch, '.' | '!' | '?') {
            seen += 1;
            if seen == 2 {
                end = at + ch.len_utf8();
                break;
            }
        }
    }
    story[..end].trim().to_owned()
}

/// Picks one of a template family's variants (`family-1`, `family-2`…) from `seed`, or
/// the family's single message.
fn variant(i18n: &I18n, family: &str, seed: u64) -> String {
    let count = (1..)
        .take_while(|n| i18n.has(&format!("{family}-{n}")))
        .count();
    if count == 0 {
        family.to_owned()
    } else {
        format!("{family}-{}", seed % count as u64 + 1)
    }
}

/// A stable number from a product and a place in the script (FNV-1a).
fn seed(id: Option<Id>, purpose: Purpose, round: u32) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let text = format!(
        "{}/{}/{round}",
        id.map(|i| i.to_string()).unwrap_or_default(),
        purpose.code()
    );
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

struct Writer<'a> {
    i18n: &'a I18n,
    request: &'a Request,
    /// What the session's own segments (opening, re-hooks, closing) say: the first
    /// product's cooperative and province.
    session: Vec<(&'static str, Arg)>,
}

impl Writer<'_> {
    /// One livestream segment about `product` (or the session, for `None`).
    fn segment(
        &self,
        purpose: Purpose,
        product: Option<&Product>,
        round: u32,
        minute: u32,
        least_seconds: u32,
    ) -> Segment {
        let i18n = self.i18n;
        let args = match product {
            Some(p) => p.args_at(minute),
            None => {
                let mut args = self.session.clone();
                args.push(("minute", Arg::from(minute)));
                args
            }
        };
        let special = self.request.offer.is_some() && purpose == Purpose::Offer;
        let family = if special {
            "scripts-offer-special".to_owned()
        } else {
            format!("scripts-{}", purpose.code())
        };
        let id = variant(i18n, &family, seed(product.map(|p| p.id), purpose, round));
        let mut lines = said(i18n.tr_args(&id, &args));
        if purpose == Purpose::Welcome {
            lines = format!(
                "{lines} {}",
                said(i18n.tr_args("scripts-disclosure", &args))
            );
        }
        let screen = if special {
            "scripts-screen-offer-special".to_owned()
        } else {
            format!("scripts-screen-{}", purpose.code())
        };
        Segment {
            purpose,
            product_id: product.map(|p| p.id),
            seconds: least_seconds.max(spoken_seconds(&lines, self.request.words_per_minute)),
            on_screen: said(i18n.tr_args(&screen, &args)),
            notes: said(i18n.tr_args(&format!("scripts-note-{}", purpose.code()), &args)),
            lines,
        }
    }

    /// One product cycle; the OCOP proof becomes the origin without a valid certificate.
    fn cycle(&self, product: &Product, round: u32, at: u32) -> Vec<Segment> {
        let mut elapsed = at;
        CYCLE
            .iter()
            .map(|(purpose, least)| {
                let purpose = match purpose {
                    Purpose::Proof if !product.certified => Purpose::Origin,
                    other => *other,
                };
                let segment = self.segment(purpose, Some(product), round, elapsed / 60, *least);
                elapsed += segment.seconds;
                segment
            })
            .collect()
    }

    /// A short video's segment: voice-over, caption and shot.
    fn short_segment(&self, purpose: Purpose, product: &Product, seconds: u32) -> Segment {
        let i18n = self.i18n;
        let args = product.args_at(0);
        let id = variant(
            i18n,
            &format!("scripts-short-{}", purpose.code()),
            seed(Some(product.id), purpose, 0),
        );
        Segment {
            purpose,
            product_id: Some(product.id),
            lines: said(i18n.tr_args(&id, &args)),
            on_screen: said(i18n.tr_args(&format!("scripts-screen-{}", purpose.code()), &args)),
            notes: said(i18n.tr_args(&format!("scripts-shot-{}", purpose.code()), &args)),
            seconds,
        }
    }
}

/// Generates a script for `products` (in order; a short video is about the first).
pub fn generate(products: &[ProductDetail], request: &Request, today: Date) -> Generated {
    // A blank deal is no deal: the offer is then read without one.
    let request = &Request {
        offer: request
            .offer
            .as_deref()
            .map(clean)
            .filter(|offer| !offer.is_empty()),
        ..request.clone()
    };
    let i18n = I18n::new(request.lang);
    let facts: Vec<Product> = products
        .iter()
        .map(|d| Product::new(d, request, today, &i18n))
        .collect();
    let writer = Writer {
        i18n: &i18n,
        request,
        session: facts.first().map_or_else(
            || vec![("tone", Arg::from(request.tone.code()))],
            |p| p.args.clone(),
        ),
    };
    let (segments, left_out, hashtags) = match (request.kind.short_seconds(), facts.first()) {
        (Some(seconds), Some(first)) => {
            let segments = short_parts(seconds, first.certified)
                .into_iter()
                .map(|(purpose, s)| writer.short_segment(purpose, first, s))
                .collect();
            let left_out = facts.iter().skip(1).map(|p| p.id).collect();
            (segments, left_out, hashtags(products))
        }
        _ => {
            let total = request.minutes.max(1) * 60;
            let (segments, left_out) = livestream(&writer, &facts, total);
            (segments, left_out, Vec::new())
        }
    };
    let title = i18n.tr_args(
        "scripts-title",
        &[
            (
                "product",
                Arg::from(facts.first().map(|p| p.name.as_str()).unwrap_or_default()),
            ),
            ("count", Arg::from(facts.len())),
        ],
    );
    Generated {
        draft: ScriptDraft {
            title,
            kind: request.kind,
            tone: request.tone,
            lang: request.lang,
            minutes: match request.kind {
                ScriptKind::Livestream => request.minutes.max(1),
                _ => 1,
            },
            words_per_minute: request.words_per_minute,
            offer: request.offer.clone(),
            product_ids: facts.iter().map(|p| p.id).collect(),
            segments,
            hashtags,
        },
        left_out,
    }
}

/// Lays a livestream out over `total` seconds: opening, cycles while they fit (re-hooks
/// every five minutes), closing; the time left is given to the questions, where a host
/// answers comments. Returns the products that got no cycle.
fn livestream(writer: &Writer<'_>, products: &[Product], total: u32) -> (Vec<Segment>, Vec<Id>) {
    let mut segments = vec![writer.segment(Purpose::Welcome, None, 0, 0, WELCOME_SECONDS)];
    let mut at = segments[0].seconds;
    let mut next_rehook = REHOOK_EVERY;
    let mut presented = vec![false; products.len()];
    'rounds: for round in 0.. {
        for (index, product) in products.iter().enumerate() {
            let mut block = Vec::new();
            if at >= next_rehook {
                block.push(writer.segment(Purpose::Rehook, None, round, at / 60, REHOOK_SECONDS));
            }
            let start = at + block.iter().map(|s| s.seconds).sum::<u32>();
            block.extend(writer.cycle(product, round, start));
            let length: u32 = block.iter().map(|s| s.seconds).sum();
            // The first cycle always goes in, so a very short session still has one.
            if at + length + CLOSING_SECONDS > total && segments.len() > 1 {
                break 'rounds;
            }
            if block[0].purpose == Purpose::Rehook {
                next_rehook += REHOOK_EVERY;
            }
            at += length;
            presented[index] = true;
            segments.extend(block);
        }
        if products.is_empty() {
            break;
        }
    }
    segments.push(writer.segment(Purpose::Closing, None, 0, at / 60, CLOSING_SECONDS));
    fit_to(&mut segments, total);
    let left_out = products
        .iter()
        .zip(presented)
        .filter(|(_, shown)| !shown)
        .map(|(p, _)| p.id)
        .collect();
    (segments, left_out)
}

/// Makes the planned seconds add up to `total`: slack goes to the questions (or, with
/// none, the closing); an overrun (a session shorter than one cycle) shrinks every
/// segment in proportion.
fn fit_to(segments: &mut [Segment], total: u32) {
    let planned: u32 = segments.iter().map(|s| s.seconds).sum();
    if planned <= total {
        let slack = total - planned;
        let absorbers: Vec<usize> = segments
            .iter()
            .enumerate()
            .filter(|(_, s)| s.purpose == Purpose::Questions)
            .map(|(i, _)| i)
            .collect();
        let absorbers = if absorbers.is_empty() {
            vec![segments.len() - 1]
        } else {
            absorbers
        };
        let share = slack / absorbers.len() as u32;
        let mut rest = slack % absorbers.len() as u32;
        for index in absorbers {
            segments[index].seconds += share + u32::from(rest > 0);
            rest = rest.saturating_sub(1);
        }
    } else {
        let scale = f64::from(total) / f64::from(planned);
        for segment in segments.iter_mut() {
            segment.seconds = ((f64::from(segment.seconds) * scale).round() as u32).max(1);
        }
    }
}

/// Hashtags for a short video: OCOP, the province and the product, written without
/// diacritics as viewers type them.
fn hashtags(products: &[ProductDetail]) -> Vec<String> {
    let Some(detail) = products.first() else {
        return Vec::new();
    };
    let tag = |text: &str| format!("#{}", fold(text).replace(' ', ""));
    let mut tags = vec!["#ocop".to_owned(), tag(&detail.product.draft.name)];
    if let Some(province) = &detail.cooperative.draft.province {
        tags.push(tag(province));
    }
    tags.push("#dacsan".to_owned());
    tags.dedup();
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_is_cut_after_two_sentences() {
        assert_eq!(
            first_sentences("Một. Hai! Ba? Bốn."),
            "Một. Hai!".to_owned()
        );
        assert_eq!(first_sentences("Không có dấu chấm"), "Không có dấu chấm");
    }

    #[test]
    fn slack_goes_to_the_questions_and_overruns_shrink_everything() {
        let segment = |purpose, seconds| Segment {
            purpose,
            product_id: None,
            lines: String::new(),
            on_screen: String::new(),
            notes: String::new(),
            seconds,
        };
        let mut segments = vec![
            segment(Purpose::Welcome, 40),
            segment(Purpose::Questions, 10),
            segment(Purpose::Questions, 10),
            segment(Purpose::Closing, 30),
        ];
        fit_to(&mut segments, 101);
        assert_eq!(
            segments.iter().map(|s| s.seconds).collect::<Vec<_>>(),
            [40, 16, 15, 30]
        );
        fit_to(&mut segments, 50);
        assert!(segments.iter().map(|s| s.seconds).sum::<u32>().abs_diff(50) <= 2);
    }
}
