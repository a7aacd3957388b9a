//! What a product and its listing say about the facts labels and categories require.

use std::sync::LazyLock;

use regex::Regex;

use crate::catalog::forms::format_amount;
use crate::catalog::listings::Listing;
use crate::catalog::model::ProductDetail;
use crate::i18n::I18n;
use crate::rules::Fact;

/// The listing attribute where the alcohol content is typed, in percent.
pub const ALCOHOL_ATTRIBUTE: &str = "alcohol_percent";

/// "40 độ", "29°", "13,5%": the strength as names and labels write it.
static STRENGTH: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)(\d{1,2}(?:[.,]\d)?)\s*(?:độ|do\b|°|%\s*(?:vol|abv)?)").ok());

/// The alcohol content: typed on the listing, or written in the name or the story.
pub fn alcohol_percent(detail: &ProductDetail, listing: &Listing) -> Option<f64> {
    let parse = |text: &str| {
        text.trim()
            .trim_end_matches('%')
            .trim()
            .replace(',', ".")
            .parse::<f64>()
            .ok()
    };
    if let Some(value) = listing
        .draft
        .attributes
        .get(ALCOHOL_ATTRIBUTE)
        .and_then(|v| parse(v))
    {
        return Some(value);
    }
    let regex = STRENGTH.as_ref()?;
    let draft = &detail.product.draft;
    [Some(draft.name.as_str()), draft.story.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|text| regex.captures(text).and_then(|c| parse(&c[1])))
}

/// Whether the product (or its listing, for listing attributes) states `fact`.
pub fn has(detail: &ProductDetail, listing: &Listing, fact: Fact) -> bool {
    let draft = &detail.product.draft;
    let package = draft.package;
    match fact {
        Fact::NetQuantity => draft.net_quantity.is_some(),
        Fact::ShelfLife => draft.shelf_life.is_some(),
        Fact::Origin => draft.origin.is_some(),
        Fact::Ingredients => draft.ingredients.is_some(),
        Fact::Storage => draft.storage.is_some(),
        Fact::Usage => draft.usage.is_some(),
        Fact::PackageWeight => package.weight_g.is_some(),
        Fact::PackageDimensions => {
            package.length_mm.is_some() && package.width_mm.is_some() && package.height_mm.is_some()
        }
        Fact::AlcoholPercent => alcohol_percent(detail, listing).is_some(),
        Fact::Responsible => {
            let coop = &detail.cooperative.draft;
            coop.address.is_some() || coop.province.is_some()
        }
        Fact::Barcode => draft.barcode.is_some(),
    }
}

/// "500 g", "1,5 lít": the net quantity as a label prints it.
pub fn quantity_text(detail: &ProductDetail, i18n: &I18n) -> Option<String> {
    detail.product.draft.net_quantity.map(|q| {
        format!(
            "{} {}",
            format_amount(q.amount),
            i18n.tr(&q.unit.message_id())
        )
    })
}
