//! Selling scripts: a livestream run-of-show or a short-video script for one or several
//! products, generated from their facts through the Fluent templates of
//! `locales/*/scripts.ftl`, edited freely, saved with their history (`catalog::scripts`),
//! checked against the advertising rules and read from a teleprompter.
//!
//! - [`generate`]: the layout (product cycles, re-hooks, Q&A) and the lines.
//! - [`check`]: claims in spoken and on-screen text, and the advertising disclosure.
//! - [`export`]: the print page (A4) and the plain text for a phone.

pub mod check;
pub mod export;
pub mod generate;
pub mod view;

use serde::{Deserialize, Serialize};

use crate::catalog::Id;
use crate::i18n::Lang;

/// A comfortable Vietnamese livestream pace, in words (syllables) per minute.
pub const DEFAULT_WORDS_PER_MINUTE: u32 = 160;
/// The pace a person may set, in words per minute.
pub const WORDS_PER_MINUTE: std::ops::RangeInclusive<u32> = 60..=400;
/// A livestream's length, in minutes: from a short test to a long market day.
pub const LIVESTREAM_MINUTES: std::ops::RangeInclusive<u32> = 1..=240;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ScriptKind {
    Livestream,
    Short15,
    Short30,
    Short60,
}

impl ScriptKind {
    pub const ALL: [ScriptKind; 4] = [
        ScriptKind::Livestream,
        ScriptKind::Short15,
        ScriptKind::Short30,
        ScriptKind::Short60,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ScriptKind::Livestream => "livestream",
            ScriptKind::Short15 => "short15",
            ScriptKind::Short30 => "short30",
            ScriptKind::Short60 => "short60",
        }
    }

    pub fn parse(code: &str) -> Option<ScriptKind> {
        ScriptKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// A short video's length in seconds; `None` for a livestream.
    pub fn short_seconds(self) -> Option<u32> {
        match self {
            ScriptKind::Livestream => None,
            ScriptKind::Short15 => Some(15),
            ScriptKind::Short30 => Some(30),
            ScriptKind::Short60 => Some(60),
        }
    }

    pub fn message_id(self) -> String {
        format!("scripts-kind-{}", self.code())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// A family talking to neighbours.
    Warm,
    /// A market seller calling out.
    Energetic,
    /// Calm, explaining quality.
    Expert,
}

impl Tone {
    pub const ALL: [Tone; 3] = [Tone::Warm, Tone::Energetic, Tone::Expert];

    pub fn code(self) -> &'static str {
        match self {
            Tone::Warm => "warm",
            Tone::Energetic => "energetic",
            Tone::Expert => "expert",
        }
    }

    pub fn parse(code: &str) -> Option<Tone> {
        Tone::ALL.into_iter().find(|t| t.code() == code)
    }

    pub fn message_id(self) -> String {
        format!("scripts-tone-{}", self.code())
    }
}

/// What a segment is for, as trainers teach the structure of a product cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    Welcome,
    Hook,
    Story,
    Demo,
    Proof,
    Origin,
    Offer,
    Questions,
    Cta,
    Rehook,
    Closing,
}

impl Purpose {
    pub const ALL: [Purpose; 11] = [
        Purpose::Welcome,
        Purpose::Hook,
        Purpose::Story,
        Purpose::Demo,
        Purpose::Proof,
        Purpose::Origin,
        Purpose::Offer,
        Purpose::Questions,
        Purpose::Cta,
        Purpose::Rehook,
        Purpose::Closing,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Purpose::Welcome => "welcome",
            Purpose::Hook => "hook",
            Purpose::Story => "story",
            Purpose::Demo => "demo",
            Purpose::Proof => "proof",
            Purpose::Origin => "origin",
            Purpose::Offer => "offer",
            Purpose::Questions => "questions",
            Purpose::Cta => "cta",
            Purpose::Rehook => "rehook",
            Purpose::Closing => "closing",
        }
    }

    pub fn message_id(self) -> String {
        format!("scripts-purpose-{}", self.code())
    }
}

/// One step of a script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Segment {
    pub purpose: Purpose,
    /// The product it is about; `None` for the opening, re-hooks and closing.
    pub product_id: Option<Id>,
    /// What the host says.
    pub lines: String,
    /// Text shown on screen (captions, price).
    pub on_screen: String,
    /// Shot or action notes for the host and the camera.
    pub notes: String,
    /// Planned length.
    pub seconds: u32,
}

/// A whole script as it is edited and saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScriptDraft {
    pub title: String,
    pub kind: ScriptKind,
    pub tone: Tone,
    pub lang: Lang,
    /// The length asked for: minutes of a livestream (a short video's is in its kind).
    pub minutes: u32,
    pub words_per_minute: u32,
    /// The deal read out in the offer, if any ("mua 2 tặng 1").
    pub offer: Option<String>,
    pub product_ids: Vec<Id>,
    pub segments: Vec<Segment>,
    /// For short videos.
    pub hashtags: Vec<String>,
}

impl ScriptDraft {
    /// The planned length, in seconds.
    pub fn planned_seconds(&self) -> u32 {
        self.segments.iter().map(|s| s.seconds).sum()
    }

    /// How long the spoken lines take at the script's pace, in seconds.
    pub fn spoken_seconds(&self) -> u32 {
        self.segments
            .iter()
            .map(|s| spoken_seconds(&s.lines, self.words_per_minute))
            .sum()
    }
}

/// How long `text` takes to say at `words_per_minute` (a Vietnamese word is a syllable).
pub fn spoken_seconds(text: &str, words_per_minute: u32) -> u32 {
    let words = text.split_whitespace().count() as u64;
    let per_minute = u64::from(words_per_minute.max(1));
    u32::try_from((words * 60).div_ceil(per_minute)).unwrap_or(u32::MAX)
}

/// "07:30": a time in the session from its seconds (hours when it passes 60 minutes).
pub fn clock(seconds: u32) -> String {
    let (hours, minutes, secs) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{secs:02}")
    } else {
        format!("{minutes:02}:{secs:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_time_follows_the_pace() {
        assert_eq!(spoken_seconds("", 160), 0);
        let eighty = vec!["mật"; 80].join(" ");
        assert_eq!(spoken_seconds(&eighty, 160), 30);
        assert_eq!(spoken_seconds(&eighty, 80), 60);
        assert_eq!(spoken_seconds("một", 160), 1);
    }

    #[test]
    fn clocks_read_like_a_session_timer() {
        assert_eq!(clock(0), "00:00");
        assert_eq!(clock(75), "01:15");
        assert_eq!(clock(3 * 3600 + 61), "3:01:01");
    }

    #[test]
    fn codes_round_trip() {
        for kind in ScriptKind::ALL {
            assert_eq!(ScriptKind::parse(kind.code()), Some(kind));
        }
        for tone in Tone::ALL {
            assert_eq!(Tone::parse(tone.code()), Some(tone));
        }
    }
}
