//! Every user-facing sentence comes from the Fluent files in `locales/<lang>/`, shared by
//! the command line, the core's error messages and the desktop UI. Vietnamese is the
//! source language; English must carry every message (a test checks parity).
//!
//! Message IDs start with the file name (`catalog-…` lives in `catalog.ftl`). Bundles
//! are the concurrent kind so one `I18n` can serve many threads, and Unicode isolation
//! marks are off: our text leaves the app (terminal, spreadsheets, marketplace titles)
//! where invisible U+2068/U+2069 would only be noise.

pub mod dates;
pub mod money;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::{LanguageIdentifier, langid};

/// A language the app speaks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "vi" | "vi-vn" | "vie" => Some(Lang::Vi),
            "en" | "en-us" | "en-gb" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::Vi => langid!("vi"),
            Lang::En => langid!("en"),
        }
    }
}

macro_rules! locale_files {
    ($lang:literal: $($name:literal),+ $(,)?) => {
        &[$(($name, include_str!(concat!("../../locales/", $lang, "/", $name)))),+]
    };
}

/// The embedded `.ftl` files of each language, by file name.
const VI_FILES: &[(&str, &str)] = locale_files!("vi": "app.ftl", "catalog.ftl", "desktop.ftl", "cli.ftl", "errors.ftl", "import.ftl", "ocop.ftl", "photos.ftl", "listings.ftl", "scripts.ftl", "market.ftl", "sync.ftl", "exchange.ftl");
const EN_FILES: &[(&str, &str)] = locale_files!("en": "app.ftl", "catalog.ftl", "desktop.ftl", "cli.ftl", "errors.ftl", "import.ftl", "ocop.ftl", "photos.ftl", "listings.ftl", "scripts.ftl", "market.ftl", "sync.ftl", "exchange.ftl");

/// The `.ftl` sources of `lang`, as `(file name, text)`, for the UI to build its own bundle.
pub fn resources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Vi => VI_FILES,
        Lang::En => EN_FILES,
    }
}

/// A translator for one language.
pub struct I18n {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// One argument value for a message.
#[derive(Debug, Clone)]
pub enum Arg {
    Str(String),
    Num(f64),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Str(value.to_owned())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Str(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Str(value.clone())
    }
}

macro_rules! numeric_arg {
    ($($t:ty),+) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(value: $t) -> Self {
                Arg::Num(value as f64)
            }
        }
    )+};
}
numeric_arg!(u8, u16, u32, u64, usize, i32, i64);

impl I18n {
    /// Builds the bundle from the embedded files. A file that fails to parse is a
    /// programming error caught by the locale tests; at run time its valid messages
    /// still load and a missing message shows its ID rather than nothing.
    pub fn new(lang: Lang) -> Self {
        let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
        bundle.set_use_isolating(false);
        for (_, source) in resources(lang) {
            let resource = match FluentResource::try_new((*source).to_owned()) {
                Ok(resource) => resource,
                Err((partial, _errors)) => partial,
            };
            // Duplicate IDs across files are reported by the locale tests.
            bundle.add_resource_overriding(resource);
        }
        I18n { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether a message with this ID exists.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` with no arguments.
    pub fn tr(&self, id: &str) -> String {
        self.tr_args(id, &[])
    }

    /// The message `id` formatted with `args`.
    pub fn tr_args(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Str(s) => FluentValue::from(s.as_str()),
                Arg::Num(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

/// Builds an argument list: `args!["name" => product.name, "count" => 3]`.
#[macro_export]
macro_rules! args {
    ($($name:literal => $value:expr),* $(,)?) => {
        &[$(($name, $crate::i18n::Arg::from($value))),*]
    };
}

/// Something that can explain itself to a user in their language.
pub trait Localize {
    /// A stable, machine-readable code (`catalog.not-found`) that UIs and scripts switch on.
    fn code(&self) -> &'static str;
    /// A translated sentence that says what happened and what to do.
    fn localize(&self, i18n: &I18n) -> String;
}
