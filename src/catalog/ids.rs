//! Record identity and time stamps as stored in SQLite.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A UUIDv7 record id, stored as hyphenated text. Version 7 ids grow with time, so new
/// rows append to the id index instead of landing at random pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct Id(Uuid);

impl Id {
    pub fn new() -> Id {
        Id(Uuid::now_v7())
    }

    /// A reproducible v7 id for bundled records (the demo catalog): the same key
    /// always gives the same id, so loading the demo twice never duplicates it.
    pub fn stable(key: &str) -> Id {
        // 2026-01-01T00:00:00Z, fixed so that demo ids sort before the user's own.
        const EPOCH_MS: u64 = 1_767_225_600_000;
        let digest = fnv1a_128(key.as_bytes());
        let mut random = [0_u8; 10];
        random.copy_from_slice(&digest[..10]);
        Id(uuid::Builder::from_unix_timestamp_millis(EPOCH_MS, &random).into_uuid())
    }

    pub fn parse(text: &str) -> Option<Id> {
        Uuid::parse_str(text.trim()).ok().map(Id)
    }

    /// The last eight hex digits: the random part of a v7 id, short enough to type.
    pub fn short(&self) -> String {
        let simple = self.0.simple().to_string();
        simple[simple.len() - 8..].to_owned()
    }
}

impl Default for Id {
    fn default() -> Self {
        Id::new()
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl ToSql for Id {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for Id {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        Id::parse(text).ok_or_else(|| FromSqlError::Other(format!("bad id {text:?}").into()))
    }
}

/// 128-bit FNV-1a, enough to spread demo keys over the random bits of an id.
fn fnv1a_128(bytes: &[u8]) -> [u8; 16] {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut hash = OFFSET;
    for byte in bytes {
        hash ^= u128::from(*byte);
        hash = hash.wrapping_mul(PRIME);
    }
    hash.to_be_bytes()
}

/// A UTC instant with millisecond precision, stored as `2026-11-23T15:28:28.123Z`
/// so that text order is time order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "specta", derive(specta::Type), specta(type = String))]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    pub fn now() -> Timestamp {
        let now = OffsetDateTime::now_utc();
        let millis = now.millisecond();
        Timestamp(
            now.replace_nanosecond(u32::from(millis) * 1_000_000)
                .unwrap_or(now),
        )
    }

    pub fn as_offset_date_time(&self) -> OffsetDateTime {
        self.0
    }

    /// The next instant the database can tell apart from this one (a millisecond on).
    pub fn next(&self) -> Timestamp {
        Timestamp(self.0 + time::Duration::milliseconds(1))
    }

    pub fn to_db_text(&self) -> String {
        let t = self.0;
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
            t.millisecond()
        )
    }

    pub fn parse(text: &str) -> Option<Timestamp> {
        OffsetDateTime::parse(text, &Rfc3339).ok().map(Timestamp)
    }
}

impl From<OffsetDateTime> for Timestamp {
    fn from(value: OffsetDateTime) -> Self {
        Timestamp(value.to_offset(time::UtcOffset::UTC))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_db_text())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).ok_or_else(|| serde::de::Error::custom("bad timestamp"))
    }
}

impl ToSql for Timestamp {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_db_text()))
    }
}

impl FromSql for Timestamp {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        Timestamp::parse(text)
            .ok_or_else(|| FromSqlError::Other(format!("bad time {text:?}").into()))
    }
}

/// ISO `YYYY-MM-DD` text for a calendar date.
pub fn date_to_db(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Parses a stored ISO date; `None` for anything else.
pub fn date_from_db(text: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text, &format).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_ids_are_reproducible_v7() {
        let a = Id::stable("demo/coop/1");
        assert_eq!(a, Id::stable("demo/coop/1"));
        assert_ne!(a, Id::stable("demo/coop/2"));
        assert_eq!(a.0.get_version_num(), 7);
    }

    #[test]
    fn timestamps_round_trip_through_text() {
        let now = Timestamp::now();
        assert_eq!(Timestamp::parse(&now.to_db_text()), Some(now));
    }
}
