//! Suggested titles and descriptions, built from the product's facts and fitted to a
//! platform's limits (cut only between words). The user edits them freely; until then a
//! listing shows the suggestion.

use time::Date;

use super::facts;
use crate::args;
use crate::catalog::model::ProductDetail;
use crate::i18n::{I18n, dates};
use crate::rules::{AdvertisingRules, PlatformRules};
use crate::text::{clean, fold, truncate_at_word};

/// The certificate's stars, while they may be shown.
fn stars(detail: &ProductDetail, today: Date) -> Option<i64> {
    detail
        .current_certificate()
        .filter(|c| c.status(today).allows_stars())
        .map(|c| c.stars)
}

/// Name, place, OCOP stars and quantity: what buyers search for, within the platform's
/// title limits.
pub fn title(detail: &ProductDetail, rules: &PlatformRules, today: Date, i18n: &I18n) -> String {
    let draft = &detail.product.draft;
    let mut parts = vec![draft.name.clone()];
    let folded_name = fold(&draft.name);
    if let Some(province) = &detail.cooperative.draft.province
        && !folded_name.contains(&fold(province))
    {
        parts.push(province.clone());
    }
    if let Some(stars) = stars(detail, today) {
        parts.push(i18n.tr_args("listings-title-ocop", args!["stars" => stars]));
    }
    if let Some(quantity) = facts::quantity_text(detail, i18n) {
        parts.push(quantity);
    }
    let mut title = clean(&parts.join(" "));
    if title.chars().count() < rules.title.min_chars {
        // Too short to describe the product (TikTok asks 25 characters): say who makes it.
        title = clean(&format!("{title} {}", detail.cooperative.draft.name));
    }
    truncate_at_word(&title, rules.title.max_chars)
}

/// The story, then the facts a buyer and the label law ask for, one per line, within the
/// platform's description limit.
pub fn description(
    detail: &ProductDetail,
    rules: &PlatformRules,
    advertising: &AdvertisingRules,
    today: Date,
    i18n: &I18n,
) -> String {
    let draft = &detail.product.draft;
    let coop = &detail.cooperative.draft;
    let line = |id: &str, value: &Option<String>| {
        value
            .as_ref()
            .map(|v| i18n.tr_args(id, args!["value" => v.as_str()]))
    };
    let mut paragraphs: Vec<String> = Vec::new();
    paragraphs.extend(draft.story.clone());
    // Sentences the law requires (health supplements) come early, where no cut reaches.
    for required in advertising
        .required_sentences
        .iter()
        .filter(|r| r.subgroups.contains(&draft.subgroup))
    {
        paragraphs.push(format!("{}.", required.sentence));
    }
    paragraphs.extend(line("listings-describe-ingredients", &draft.ingredients));
    paragraphs.extend(line(
        "listings-describe-quantity",
        &facts::quantity_text(detail, i18n),
    ));
    paragraphs.extend(line("listings-describe-shelf-life", &draft.shelf_life));
    paragraphs.extend(line("listings-describe-usage", &draft.usage));
    paragraphs.extend(line("listings-describe-storage", &draft.storage));
    paragraphs.extend(draft.origin.clone());
    if let Some(certificate) = detail
        .current_certificate()
        .filter(|c| c.status(today).allows_stars())
    {
        paragraphs.push(i18n.tr_args(
            "listings-describe-ocop",
            args![
                "stars" => certificate.stars,
                "until" => dates::format_date(certificate.valid_until)
            ],
        ));
    }
    // The address usually names the commune and province already.
    let place: Vec<&str> = match coop.address.as_deref() {
        Some(address) => vec![address],
        None => [coop.commune.as_deref(), coop.province.as_deref()]
            .into_iter()
            .flatten()
            .collect(),
    };
    paragraphs.push(if place.is_empty() {
        i18n.tr_args(
            "listings-describe-maker",
            args!["maker" => coop.name.as_str()],
        )
    } else {
        i18n.tr_args(
            "listings-describe-maker-at",
            args!["maker" => coop.name.as_str(), "place" => place.join(", ")],
        )
    });
    fit_paragraphs(&paragraphs, rules.description.max_chars)
}

/// Joins paragraphs with line breaks, dropping whole paragraphs from the end (and cutting
/// the last one kept between words) to stay within `max_chars`.
fn fit_paragraphs(paragraphs: &[String], max_chars: usize) -> String {
    let mut out = String::new();
    for paragraph in paragraphs {
        let separator = if out.is_empty() { 0 } else { 1 };
        let room = max_chars.saturating_sub(out.chars().count() + separator);
        if room == 0 {
            break;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&truncate_at_word(paragraph, room));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_cut_between_words_within_the_limit() {
        let paragraphs = vec![
            "Mật ong hoa nhãn thơm".to_owned(),
            "Thành phần: mật ong nguyên chất".to_owned(),
        ];
        let fitted = fit_paragraphs(&paragraphs, 30);
        assert!(fitted.chars().count() <= 30, "{fitted}");
        assert!(fitted.starts_with("Mật ong hoa nhãn thơm\n"));
        assert!(!fitted.ends_with(' '));
        assert_eq!(fit_paragraphs(&paragraphs, 1000), paragraphs.join("\n"));
    }
}
