//! Finding restricted phrases ("chữa bệnh", "tốt nhất") in what sellers write, however
//! they write it: upper case, NFD, full-width letters, zero-width characters, Cyrillic
//! look-alikes ("сhữa" with a Cyrillic с), letters spaced out ("c h ữ a   b ệ n h"), or no
//! diacritics at all ("CHUA BENH").
//!
//! Text is compared word by word on two channels. A word typed with its diacritics
//! matches only that exact word, so "vị chua ngọt" never matches "chữa". A word typed
//! without any diacritic is compared folded ("chua" = "chữa" = "chùa"), which is how
//! people type on a phone without a Vietnamese keyboard; phrases are two words or more
//! wherever a folded single word would be ambiguous.

use std::borrow::Cow;
use std::collections::HashMap;

use unicode_normalization::{
    IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfd_quick, is_nfkc_quick,
};

use crate::text::fold;

/// Letters from other scripts that look like Latin ones, as used to slip past filters.
fn unconfuse(ch: char) -> char {
    match ch {
        'а' => 'a',
        'в' => 'b',
        'с' => 'c',
        'ԁ' => 'd',
        'е' => 'e',
        'һ' => 'h',
        'і' => 'i',
        'ј' => 'j',
        'к' => 'k',
        'м' => 'm',
        'н' => 'h',
        'о' => 'o',
        'р' => 'p',
        'ѕ' => 's',
        'т' => 't',
        'у' => 'y',
        'х' => 'x',
        'ɡ' => 'g',
        'α' => 'a',
        'ε' => 'e',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ο' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'u',
        other => other,
    }
}

/// Characters that render as nothing (see also `text::clean`).
fn is_invisible(ch: char) -> bool {
    matches!(
        ch,
        '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// The form every comparison uses: compatibility forms folded (full-width, ligatures),
/// invisible characters dropped, look-alikes mapped, NFC, lower case.
pub fn normalise(input: &str) -> String {
    // Text typed on a keyboard is almost always NFC already: the quick checks skip the
    // costly decompose-recompose passes (they were most of a listing check's time).
    let compatible: Cow<'_, str> = if is_nfkc_quick(input.chars()) == IsNormalized::Yes {
        Cow::Borrowed(input)
    } else {
        Cow::Owned(input.nfkc().collect())
    };
    let mapped: String = compatible
        .chars()
        .filter(|c| !is_invisible(*c))
        .flat_map(char::to_lowercase)
        .map(unconfuse)
        .collect();
    if is_nfc_quick(mapped.chars()) == IsNormalized::Yes {
        mapped
    } else {
        mapped.nfc().collect()
    }
}

/// One word of a text.
#[derive(Debug, Clone)]
struct Token {
    accented: String,
    /// The word folded, when it was typed without any diacritic (else it only matches
    /// exactly).
    plain: Option<String>,
    /// Letters typed one by one with gaps ("c h ữ a"), joined: compared by containment.
    spelled: bool,
    masked: bool,
    start: usize,
    end: usize,
}

impl Token {
    fn new(text: &str, start: usize, end: usize) -> Token {
        let accented = text[start..end].to_owned();
        // The word is its own folded form only if folding changes nothing: true of
        // ASCII (it is lower case already), false of any letter with a diacritic.
        let plain = if accented.is_ascii() {
            Some(accented.clone())
        } else if is_nfd_quick(accented.chars()) != IsNormalized::Yes {
            None
        } else {
            let folded = fold(&accented);
            (folded == accented).then_some(folded)
        };
        Token {
            accented,
            plain,
            spelled: false,
            masked: false,
            start,
            end,
        }
    }
}

/// A text made ready for matching.
#[derive(Debug, Clone)]
pub struct MatchText {
    normalised: String,
    tokens: Vec<Token>,
}

impl MatchText {
    pub fn new(input: &str) -> MatchText {
        let normalised = normalise(input);
        let mut tokens: Vec<Token> = Vec::new();
        let mut start = None;
        for (at, ch) in normalised.char_indices() {
            match (ch.is_alphanumeric(), start) {
                (true, None) => start = Some(at),
                (false, Some(from)) => {
                    tokens.push(Token::new(&normalised, from, at));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(from) = start {
            tokens.push(Token::new(&normalised, from, normalised.len()));
        }
        let tokens = join_spelled(&normalised, tokens);
        MatchText { normalised, tokens }
    }

    /// Where the words of `phrase` stand together, as token indices.
    fn position(&self, phrase: &Phrase, at: usize) -> bool {
        let n = phrase.accented.len();
        let Some(window) = self.tokens.get(at..at + n) else {
            return false;
        };
        if window.iter().any(|t| t.masked || t.spelled) {
            return false;
        }
        let exact = window
            .iter()
            .zip(&phrase.accented)
            .all(|(t, w)| t.accented == *w);
        exact
            || window
                .iter()
                .zip(&phrase.plain)
                .all(|(t, w)| t.plain.as_deref() == Some(w.as_str()))
    }

    /// The text the tokens `from..to` span, as normalised.
    fn excerpt(&self, from: usize, to: usize) -> String {
        self.normalised[self.tokens[from].start..self.tokens[to - 1].end].to_owned()
    }

    /// Finds `sentence` (word for word, punctuation ignored) and hides its words from
    /// later matching: a required disclaimer ("…thay thế thuốc chữa bệnh") must not
    /// count as a claim. Returns whether it was there.
    pub fn take_sentence(&mut self, sentence: &str) -> bool {
        let phrase = Phrase::new(sentence);
        let n = phrase.accented.len();
        if n == 0 {
            return false;
        }
        let found = (0..self.tokens.len()).find(|at| self.position(&phrase, *at));
        if let Some(at) = found {
            self.tokens[at..at + n]
                .iter_mut()
                .for_each(|t| t.masked = true);
        }
        found.is_some()
    }

    /// The number of words.
    pub fn word_count(&self) -> usize {
        self.tokens.len()
    }

    /// How often each word appears (accented form).
    pub fn word_counts(&self) -> HashMap<&str, usize> {
        let mut counts = HashMap::new();
        for token in &self.tokens {
            *counts.entry(token.accented.as_str()).or_insert(0) += 1;
        }
        counts
    }
}

/// Runs of three or more single letters ("c h ữ a b ệ n h") become one spelled token.
fn join_spelled(text: &str, tokens: Vec<Token>) -> Vec<Token> {
    let single =
        |t: &Token| t.accented.chars().count() == 1 && t.accented.chars().all(char::is_alphabetic);
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut run: Vec<Token> = Vec::new();
    let flush = |run: &mut Vec<Token>, out: &mut Vec<Token>| {
        if run.len() >= 3 {
            let accented: String = run.iter().map(|t| t.accented.as_str()).collect();
            let folded = fold(&accented).replace(' ', "");
            out.push(Token {
                plain: Some(folded),
                accented,
                spelled: true,
                masked: false,
                start: run[0].start,
                end: run[run.len() - 1].end,
            });
        } else {
            out.append(run);
        }
        run.clear();
    };
    for token in tokens {
        let adjacent = run
            .last()
            .is_some_and(|last: &Token| text[last.end..token.start].chars().count() <= 3);
        if single(&token) && (run.is_empty() || adjacent) {
            run.push(token);
        } else {
            flush(&mut run, &mut out);
            if single(&token) {
                run.push(token);
            } else {
                out.push(token);
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// One phrase, as words.
#[derive(Debug, Clone)]
struct Phrase {
    accented: Vec<String>,
    plain: Vec<String>,
    joined_accented: String,
    joined_plain: String,
}

impl Phrase {
    fn new(text: &str) -> Phrase {
        let words = MatchText::new(text);
        let accented: Vec<String> = words.tokens.iter().map(|t| t.accented.clone()).collect();
        let plain: Vec<String> = accented.iter().map(|w| fold(w)).collect();
        Phrase {
            joined_accented: accented.concat(),
            joined_plain: plain.concat(),
            accented,
            plain,
        }
    }
}

/// A phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The phrase as the rule pack writes it.
    pub phrase: String,
    /// The words as they stand in the text (normalised).
    pub excerpt: String,
}

/// The phrases of one rule, indexed by their first word for one pass over a text.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    texts: Vec<String>,
    phrases: Vec<Phrase>,
    by_first_word: HashMap<String, Vec<usize>>,
}

impl PhraseSet {
    pub fn new(texts: &[String]) -> PhraseSet {
        let phrases: Vec<Phrase> = texts.iter().map(|t| Phrase::new(t)).collect();
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, phrase) in phrases.iter().enumerate() {
            for first in [phrase.accented.first(), phrase.plain.first()]
                .into_iter()
                .flatten()
            {
                let entry = by_first_word.entry(first.clone()).or_default();
                if !entry.contains(&index) {
                    entry.push(index);
                }
            }
        }
        PhraseSet {
            texts: texts.to_vec(),
            phrases,
            by_first_word,
        }
    }

    /// Every phrase of the set found in `text`, each once, in text order.
    pub fn find(&self, text: &MatchText) -> Vec<Found> {
        let mut found: Vec<(usize, Found)> = Vec::new();
        let mut seen = vec![false; self.phrases.len()];
        for (at, token) in text.tokens.iter().enumerate() {
            if token.masked {
                continue;
            }
            if token.spelled {
                for (index, phrase) in self.phrases.iter().enumerate() {
                    let inside = token.accented.contains(&phrase.joined_accented)
                        || token
                            .plain
                            .as_deref()
                            .is_some_and(|p| p.contains(&phrase.joined_plain));
                    if inside && !seen[index] {
                        seen[index] = true;
                        found.push((
                            at,
                            Found {
                                phrase: self.texts[index].clone(),
                                excerpt: token.accented.clone(),
                            },
                        ));
                    }
                }
                continue;
            }
            let keys = [Some(&token.accented), token.plain.as_ref()];
            for index in keys
                .into_iter()
                .flatten()
                .filter_map(|k| self.by_first_word.get(k))
                .flatten()
            {
                let phrase = &self.phrases[*index];
                if !seen[*index] && text.position(phrase, at) {
                    seen[*index] = true;
                    let excerpt = text.excerpt(at, at + phrase.accented.len());
                    found.push((
                        at,
                        Found {
                            phrase: self.texts[*index].clone(),
                            excerpt,
                        },
                    ));
                }
            }
        }
        found.sort_by_key(|(at, _)| *at);
        found.into_iter().map(|(_, f)| f).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(phrases: &[&str]) -> PhraseSet {
        PhraseSet::new(&phrases.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>())
    }

    fn finds(set: &PhraseSet, text: &str) -> bool {
        !set.find(&MatchText::new(text)).is_empty()
    }

    #[test]
    fn claims_are_found_however_they_are_typed() {
        let cure = set(&["chữa bệnh"]);
        for text in [
            "Mật ong chữa bệnh dạ dày",
            "MẬT ONG CHỮA BỆNH",
            "chua benh da day",
            "CHUA BENH",
            "chu\u{0303}\u{031B}a bệnh", // decomposed
            "chữa\u{200B} bệnh",
            "c h ữ a  b ệ n h",
            "\u{0441}hữa bệnh",  // Cyrillic с
            "ｃｈｕａ ｂｅｎｈ", // full width
            "chữa-bệnh",
        ] {
            assert!(finds(&cure, text), "missed in {text:?}");
        }
    }

    #[test]
    fn false_friends_do_not_trigger() {
        let cure = set(&["chữa bệnh"]);
        let stomach = set(&["dạ dày"]);
        let best = set(&["tốt nhất", "số 1"]);
        for (rule, text) in [
            (&cure, "vị chua ngọt, bệnh gì cũng không"),
            (&cure, "nhà chùa bên sông"),
            (&stomach, "vải da dày dặn"),
            (&best, "thống nhất giá bán"),
            (&best, "số lượng 1 hộp"),
            (&best, "tốt cho người lớn tuổi nhất định phải thử"),
        ] {
            assert!(!finds(rule, text), "false alarm in {text:?}");
        }
    }

    #[test]
    fn a_required_sentence_is_not_a_claim() {
        let cure = set(&["chữa bệnh"]);
        let mut text = MatchText::new(
            "Thực phẩm này không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh.",
        );
        assert!(text.take_sentence(
            "Thực phẩm này không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh"
        ));
        assert!(cure.find(&text).is_empty());
    }
}
