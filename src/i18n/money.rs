//! Prices in Vietnamese đồng: always an integer (VND has no minor unit), shown as
//! `125.000 ₫`, and typed by people in every way they write it on paper or in Zalo.

use crate::text;

/// The separator between the amount and `₫`: a no-break space, so the symbol never
/// wraps onto its own line.
const NBSP: char = '\u{00A0}';

/// `125000` → `"125.000 ₫"`; negative amounts keep their sign.
pub fn format_vnd(amount: i64) -> String {
    format!("{}{NBSP}₫", group_thousands(amount))
}

/// `1234567` → `"1.234.567"`.
pub fn group_thousands(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if amount < 0 {
        out.push('-');
    }
    for (idx, digit) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx) % 3 == 0 {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// Why a typed price could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PriceParseError {
    #[error("empty price")]
    Empty,
    #[error("not a price: {0}")]
    NotANumber(String),
    #[error("price too large: {0}")]
    TooLarge(String),
}

/// Reads a price as people type it: `125000`, `125.000`, `125,000`, `125 000`, `125k`,
/// `125 nghìn`, `1,5tr`, `1.5 triệu`, `125.000đ`, `125.000 ₫`, `125000 VND`.
///
/// Without a multiplier word, `.`, `,` and spaces are thousands separators and must
/// group digits by three (`12.50` is refused rather than guessed). With `k`/`nghìn`/
/// `tr`/`triệu`, one `.` or `,` is a decimal separator (`1,5tr` = 1 500 000).
pub fn parse_vnd(input: &str) -> Result<i64, PriceParseError> {
    let not_a_number = || PriceParseError::NotANumber(input.trim().to_owned());
    // Keep digits, separators and (folded) letters; spaces and the ₫ sign carry no
    // meaning; anything else ("-", "/", "+") means this is not a price.
    let mut compact = String::with_capacity(input.len());
    for ch in input.chars() {
        if ch.is_whitespace() || ch == '₫' {
            continue;
        } else if ch.is_ascii_digit() || ch == '.' || ch == ',' {
            compact.push(ch);
        } else if ch.is_alphabetic() {
            compact.push_str(&text::fold(&ch.to_string()));
        } else {
            return Err(not_a_number());
        }
    }
    if compact.is_empty() {
        return Err(PriceParseError::Empty);
    }
    // Currency words first (longest first so "vnd" does not leave a "v" behind).
    let amount = ["vnd", "dong", "d"]
        .iter()
        .find_map(|suffix| compact.strip_suffix(suffix))
        .unwrap_or(&compact);
    let (number, multiplier) = split_multiplier(amount);
    if number.is_empty()
        || !number
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(not_a_number());
    }
    let value = match multiplier {
        1 => parse_grouped_integer(number).ok_or_else(not_a_number)?,
        m => parse_decimal_times(number, m).ok_or_else(not_a_number)?,
    };
    if value > 1_000_000_000_000 {
        return Err(PriceParseError::TooLarge(input.trim().to_owned()));
    }
    Ok(value)
}

/// Splits a compact amount into its digits and a multiplier word.
fn split_multiplier(amount: &str) -> (&str, i64) {
    for (word, multiplier) in [
        ("trieu", 1_000_000),
        ("tr", 1_000_000),
        ("m", 1_000_000),
        ("nghin", 1_000),
        ("ngan", 1_000),
        ("k", 1_000),
    ] {
        if let Some(number) = amount.strip_suffix(word) {
            return (number, multiplier);
        }
    }
    (amount, 1)
}

fn parse_grouped_integer(raw: &str) -> Option<i64> {
    let groups: Vec<&str> = raw.split(['.', ',']).collect();
    let well_grouped = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !well_grouped {
        return None;
    }
    groups.concat().parse().ok()
}

fn parse_decimal_times(raw: &str, multiplier: i64) -> Option<i64> {
    let (whole, fraction) = match raw.split_once(['.', ',']) {
        Some((w, f)) if !f.contains(['.', ',']) => (w, f),
        Some(_) => return None,
        None => (raw, ""),
    };
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let scale = 10_i64.checked_pow(u32::try_from(fraction.len()).ok()?)?;
    let fraction: i64 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().ok()?
    };
    let fraction_value = fraction.checked_mul(multiplier)? / scale;
    if fraction.checked_mul(multiplier)? % scale != 0 {
        return None; // "1,2345k" is not a whole number of đồng
    }
    whole.checked_mul(multiplier)?.checked_add(fraction_value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_dots_and_symbol() {
        assert_eq!(format_vnd(125_000), "125.000\u{a0}₫");
        assert_eq!(format_vnd(0), "0\u{a0}₫");
        assert_eq!(format_vnd(1_234_567), "1.234.567\u{a0}₫");
        assert_eq!(format_vnd(-5_000), "-5.000\u{a0}₫");
    }

    #[test]
    fn parses_the_ways_people_type_prices() {
        for typed in [
            "125000",
            "125.000",
            "125,000",
            "125 000",
            "125k",
            "125K",
            "125 nghìn",
            "125 ngàn",
            "125.000đ",
            "125.000 ₫",
            "125000 VND",
            "125.000 đồng",
        ] {
            assert_eq!(parse_vnd(typed), Ok(125_000), "{typed}");
        }
        assert_eq!(parse_vnd("1,5tr"), Ok(1_500_000));
        assert_eq!(parse_vnd("1.5 triệu"), Ok(1_500_000));
        assert_eq!(parse_vnd("2tr"), Ok(2_000_000));
        assert_eq!(parse_vnd("1.250.000"), Ok(1_250_000));
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert_eq!(
            parse_vnd("abc"),
            Err(PriceParseError::NotANumber("abc".into()))
        );
        assert_eq!(parse_vnd(""), Err(PriceParseError::Empty));
        assert!(parse_vnd("12.50").is_err());
        assert!(parse_vnd("1.2.3k").is_err());
        assert!(parse_vnd("-5000").is_err());
        assert!(parse_vnd("99999999999999999999").is_err());
    }
}
