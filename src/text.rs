//! Vietnamese text on its way in and for matching.
//!
//! Two Vietnamese keyboards can type the same word as different code points (Unikey
//! sends precomposed NFC, some phone keyboards send NFD), so everything we store is NFC.
//! Search and rule matching compare a *folded* form: lower case, diacritics removed and
//! `đ` turned into `d`, because SQLite's `remove_diacritics` does not fold `đ`/`Đ` and
//! users often type without accents at all.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// NFC-normalises, trims and collapses inner runs of whitespace to one space.
///
/// Invisible format characters (zero-width space, joiners, BOM) are dropped: they only
/// ever arrive by copy-paste and would make two identical-looking names differ.
pub fn clean(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for ch in input.nfc() {
        if is_invisible(ch) {
            continue;
        }
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(ch);
    }
    out
}

/// Like [`clean`] but keeps line breaks, for multi-line fields such as a product story.
/// Each line is cleaned; runs of more than one empty line are collapsed to one.
pub fn clean_multiline(input: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in input.lines() {
        let line = clean(line);
        if line.is_empty() && lines.last().is_none_or(|last| last.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|last| last.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// Cleans an optional field: empty after cleaning means absent.
pub fn clean_optional(input: Option<&str>) -> Option<String> {
    input.map(clean_multiline).filter(|s| !s.is_empty())
}

/// The folded form used for search and rule matching: lower case, no diacritics,
/// `đ` → `d`, any run of non-alphanumeric characters turned into one space.
///
/// `fold("Bánh chưng Đặc sản!")` is `"banh chung dac san"`.
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for ch in input.nfd() {
        if is_combining_mark(ch) || is_invisible(ch) {
            continue;
        }
        let ch = match ch {
            'đ' | 'Đ' => 'd',
            other => other,
        };
        if ch.is_alphanumeric() {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.extend(ch.to_lowercase());
        } else {
            pending_space = !out.is_empty();
        }
    }
    out
}

/// The folded words of `input`, in order.
pub fn folded_words(input: &str) -> Vec<String> {
    fold(input)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Format characters that render as nothing: zero-width space/non-joiner/joiner,
/// word joiner, BOM, soft hyphen, and the bidi isolation marks Fluent may insert.
fn is_invisible(ch: char) -> bool {
    matches!(
        ch,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Shortens `text` to at most `max_chars` characters, cutting only at a word boundary
/// (never inside a word), without trailing punctuation or spaces. A single word longer
/// than the limit is cut hard.
pub fn truncate_at_word(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut end = 0;
    for (idx, ch) in text.char_indices().take(max_chars) {
        if ch.is_whitespace() {
            end = idx;
        }
    }
    // The cut fell exactly at the end of a word when the next character is a space.
    let next_is_space = text.chars().nth(max_chars).is_some_and(char::is_whitespace);
    if next_is_space {
        end = text
            .char_indices()
            .nth(max_chars)
            .map_or(text.len(), |(i, _)| i);
    }
    if end == 0 {
        // One word longer than the limit: a hard cut is the only honest option.
        return text.chars().take(max_chars).collect();
    }
    text[..end]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–'))
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_diacritics_and_folds_d() {
        assert_eq!(fold("Bánh chưng"), "banh chung");
        assert_eq!(fold("ĐẶC SẢN Đắk Lắk"), "dac san dak lak");
        assert_eq!(fold("Mật ong hoa nhãn, 500ml!"), "mat ong hoa nhan 500ml");
        assert_eq!(fold("Chè\u{200B}Tân Cương"), "chetan cuong");
    }

    #[test]
    fn fold_treats_nfd_like_nfc() {
        let nfd: String = "Bưởi Phúc Trạch".nfd().collect();
        assert_eq!(fold(&nfd), fold("Bưởi Phúc Trạch"));
    }

    #[test]
    fn clean_normalises_and_collapses() {
        let nfd: String = "  Gạo   ST25\u{FEFF} ".nfd().collect();
        assert_eq!(clean(&nfd), "Gạo ST25");
        assert_eq!(clean_multiline("a\n\n\n b \n\n"), "a\n\nb");
    }

    #[test]
    fn truncation_respects_word_boundaries() {
        assert_eq!(truncate_at_word("Mật ong hoa nhãn", 9), "Mật ong");
        assert_eq!(truncate_at_word("Mật ong hoa nhãn", 7), "Mật ong");
        assert_eq!(
            truncate_at_word("Mật ong hoa nhãn", 100),
            "Mật ong hoa nhãn"
        );
    }
}
