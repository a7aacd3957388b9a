//! "Copy to another platform": what a person wrote for one marketplace, fitted to
//! another's limits.

use crate::catalog::listings::ListingDraft;
use crate::rules::PlatformRules;
use crate::text::truncate_at_word;

/// The draft written for one platform, fitted to `target`: the title and description
/// cut between words to its limits, the category kept when `target` has it (its packs
/// use the same keys). What was inherited stays inherited, so the target gets its own
/// suggestion.
pub fn fitted(from: &ListingDraft, target: &PlatformRules) -> ListingDraft {
    ListingDraft {
        title: from
            .title
            .as_deref()
            .map(|t| truncate_at_word(t, target.title.max_chars)),
        description: from
            .description
            .as_deref()
            .map(|d| truncate_at_word(d, target.description.max_chars)),
        category: from
            .category
            .clone()
            .filter(|key| target.category(key).is_some()),
        attributes: from.attributes.clone(),
        prices: from.prices.clone(),
        photos: from.photos.clone(),
    }
}
