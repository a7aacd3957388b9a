//! The listing and proof editors' forms: prices and dates as people type them, read
//! into drafts by the core (see `forms` for the product's own forms).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::error::{Field, Problem, Result};
use super::forms::Reader;
use super::ids::Id;
use super::listings::{ListingDraft, Proof, ProofDraft, ProofKind};
use crate::i18n::dates::format_date;
use crate::i18n::money::{group_thousands, parse_vnd};

/// A product on one platform as its card shows it. `None` (and an empty price) is
/// inherited from the product.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ListingForm {
    pub title: Option<String>,
    pub description: Option<String>,
    pub category: Option<String>,
    pub attributes: BTreeMap<String, String>,
    /// Variant id → price on this platform as typed ("119.000", "119k").
    pub prices: BTreeMap<Id, String>,
    /// The photos sent, in order; `None` sends all the product's.
    pub photos: Option<Vec<Id>>,
}

impl ListingForm {
    pub fn to_draft(&self) -> Result<ListingDraft> {
        let mut reader = Reader::default();
        let mut prices = BTreeMap::new();
        for (variant, typed) in &self.prices {
            if typed.trim().is_empty() {
                continue;
            }
            match parse_vnd(typed) {
                Ok(price) => {
                    prices.insert(*variant, price);
                }
                Err(_) => reader.refuse(
                    Field::Price,
                    Problem::NotAPrice {
                        text: typed.trim().to_owned(),
                    },
                ),
            }
        }
        reader.finish(ListingDraft {
            title: self.title.clone(),
            description: self.description.clone(),
            category: self.category.clone(),
            attributes: self.attributes.clone(),
            prices,
            photos: self.photos.clone(),
        })
    }
}

impl From<&ListingDraft> for ListingForm {
    fn from(draft: &ListingDraft) -> Self {
        ListingForm {
            title: draft.title.clone(),
            description: draft.description.clone(),
            category: draft.category.clone(),
            attributes: draft.attributes.clone(),
            prices: draft
                .prices
                .iter()
                .map(|(id, price)| (*id, group_thousands(*price)))
                .collect(),
            photos: draft.photos.clone(),
        }
    }
}

/// A document backing a claim, as typed: dates "22/11/2026", an empty end meaning one
/// year after issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProofForm {
    pub kind: ProofKind,
    pub title: String,
    pub issuer: String,
    pub issued_on: String,
    pub valid_until: String,
}

impl ProofForm {
    pub fn empty() -> ProofForm {
        ProofForm {
            kind: ProofKind::ContestAward,
            title: String::new(),
            issuer: String::new(),
            issued_on: String::new(),
            valid_until: String::new(),
        }
    }

    pub fn to_draft(&self) -> Result<ProofDraft> {
        let mut reader = Reader::default();
        let issued_on = reader.date(Field::IssuedOn, &self.issued_on);
        if self.issued_on.trim().is_empty() {
            reader.refuse(Field::IssuedOn, Problem::Required);
        }
        let valid_until = reader.date(Field::ValidUntil, &self.valid_until);
        reader.finish(ProofDraft {
            kind: self.kind,
            title: self.title.clone(),
            issuer: Reader::text(&self.issuer),
            issued_on: issued_on.unwrap_or(time::Date::MIN),
            valid_until,
        })
    }
}

impl From<&Proof> for ProofForm {
    fn from(proof: &Proof) -> Self {
        ProofForm {
            kind: proof.kind,
            title: proof.title.clone(),
            issuer: proof.issuer.clone().unwrap_or_default(),
            issued_on: format_date(proof.issued_on),
            valid_until: format_date(proof.valid_until),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_prices_are_read_as_typed_and_empty_ones_inherit() {
        let (a, b, c) = (Id::new(), Id::new(), Id::new());
        let form = ListingForm {
            prices: BTreeMap::from([(a, "119k".into()), (b, " ".into()), (c, "1.250.000".into())]),
            ..ListingForm::default()
        };
        let draft = form.to_draft().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(draft.prices, BTreeMap::from([(a, 119_000), (c, 1_250_000)]));
        assert_eq!(ListingForm::from(&draft).prices[&c], "1.250.000");
        let bad = ListingForm {
            prices: BTreeMap::from([(a, "rẻ".into())]),
            ..ListingForm::default()
        };
        let error = bad.to_draft().unwrap_err();
        assert_eq!(error.field_errors()[0].field, Field::Price);
    }

    #[test]
    fn a_proof_needs_its_issue_date() {
        let mut form = ProofForm::empty();
        form.title = "Giải Vàng hội chợ OCOP 2026".into();
        let error = form.to_draft().unwrap_err();
        assert_eq!(error.field_errors()[0].field, Field::IssuedOn);
        form.issued_on = "02/09/2026".into();
        let draft = form.to_draft().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(draft.valid_until, None);
        form.valid_until = "31/02/2027".into();
        assert_eq!(
            form.to_draft().unwrap_err().field_errors()[0].field,
            Field::ValidUntil
        );
    }
}
