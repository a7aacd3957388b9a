//! Property tests: any Vietnamese text is found by the ways people actually type it.

use chophien::catalog::search::ProductQuery;
use chophien::text::fold;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::support::{TODAY, TempCatalog};

/// Words made of Vietnamese letters with every tone and vowel mark, including đ.
fn vietnamese_text() -> impl Strategy<Value = String> {
    let word = "[a-zđăâêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]{1,7}";
    prop::collection::vec(word, 1..5).prop_map(|words| words.join(" "))
}

/// The ways a user may type the same text: without marks, lower case, in NFD (some
/// keyboards), in capitals, with Đ written as D.
fn typings(text: &str) -> Vec<String> {
    vec![
        fold(text),
        text.to_lowercase(),
        text.nfd().collect(),
        text.to_uppercase(),
        text.to_uppercase().nfd().collect(),
    ]
}

proptest! {
    #[test]
    fn every_typing_folds_to_the_same_words(text in vietnamese_text()) {
        let folded = fold(&text);
        for typed in typings(&text) {
            prop_assert_eq!(fold(&typed), folded.clone());
        }
        prop_assert!(folded.is_ascii(), "{} still has marks", folded);
        prop_assert_eq!(fold(&folded), folded.clone());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_product_is_found_by_every_typing_of_its_name(text in vietnamese_text()) {
        let temp = TempCatalog::new();
        let coop = temp.coop("HTX Thử");
        let product = temp.product(&coop, &text);
        for typed in typings(&text) {
            let found = temp.catalog.find_products(&ProductQuery::text(&typed), TODAY).unwrap();
            prop_assert!(found.items.iter().any(|p| p.id == product.id), "{:?} did not find {:?}", typed, text);
        }
    }
}
