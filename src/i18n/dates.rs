//! Dates as Vietnamese people write them: `22/11/2026`, day first, always.

use time::{Date, Month, OffsetDateTime, UtcOffset};

/// `2026-11-22` → `"22/11/2026"`.
pub fn format_date(date: Date) -> String {
    format!(
        "{:02}/{:02}/{}",
        date.day(),
        u8::from(date.month()),
        date.year()
    )
}

/// A stored UTC instant shown as a local date and time: `"22/11/2026 14:05"`.
pub fn format_datetime(instant: OffsetDateTime, offset: UtcOffset) -> String {
    let local = instant.to_offset(offset);
    format!(
        "{} {:02}:{:02}",
        format_date(local.date()),
        local.hour(),
        local.minute()
    )
}

/// The local offset of this machine, or Vietnam's (UTC+7) when the OS will not say.
pub fn local_offset() -> UtcOffset {
    UtcOffset::current_local_offset().unwrap_or(VIETNAM)
}

/// Indochina Time: Vietnam has no daylight saving.
pub const VIETNAM: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

/// Today in the given offset.
pub fn today(offset: UtcOffset) -> Date {
    OffsetDateTime::now_utc().to_offset(offset).date()
}

/// Reads `22/11/2026`, `22-11-2026`, `22.11.2026`, `2/3/2026` and ISO `2026-11-22`.
/// Two-digit years are refused: on a certificate they are ambiguous.
pub fn parse_date(input: &str) -> Option<Date> {
    let input = input.trim();
    let parts: Vec<&str> = input.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (year, month, day) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    if year.len() != 4 || month.is_empty() || month.len() > 2 || day.is_empty() || day.len() > 2 {
        return None;
    }
    let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()
}

/// `date` moved by whole months, clamping the day to the end of shorter months
/// (an OCOP certificate issued on 31/05 is valid until 31/05 three years on, and one
/// issued on 29/02 until 28/02).
pub fn add_months(date: Date, months: i32) -> Date {
    let total = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + months;
    let year = total.div_euclid(12);
    let month_number = u8::try_from(total.rem_euclid(12) + 1).unwrap_or(1);
    let month = Month::try_from(month_number).unwrap_or(Month::January);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn formats_day_first() {
        assert_eq!(format_date(date!(2026 - 11 - 22)), "22/11/2026");
        assert_eq!(format_date(date!(2026 - 01 - 05)), "05/01/2026");
        let instant = datetime!(2026-11-22 20:30 UTC);
        assert_eq!(format_datetime(instant, VIETNAM), "23/11/2026 03:30");
    }

    #[test]
    fn parses_common_forms() {
        assert_eq!(parse_date("22/11/2026"), Some(date!(2026 - 11 - 22)));
        assert_eq!(parse_date("2/3/2026"), Some(date!(2026 - 03 - 02)));
        assert_eq!(parse_date("22-11-2026"), Some(date!(2026 - 11 - 22)));
        assert_eq!(parse_date("2026-11-22"), Some(date!(2026 - 11 - 22)));
        assert_eq!(parse_date("31/02/2026"), None);
        assert_eq!(parse_date("22/11/26"), None);
        assert_eq!(parse_date("hôm qua"), None);
    }

    #[test]
    fn adds_months_with_clamping() {
        assert_eq!(add_months(date!(2024 - 02 - 29), 36), date!(2027 - 02 - 28));
        assert_eq!(add_months(date!(2023 - 05 - 31), 36), date!(2026 - 05 - 31));
        assert_eq!(add_months(date!(2026 - 11 - 30), 3), date!(2027 - 02 - 28));
    }
}
