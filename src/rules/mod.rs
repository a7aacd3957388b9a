//! Rule packs: what each marketplace and Vietnamese law ask of a listing, as data files
//! (`assets/rules/*.toml`) that can be corrected, or replaced by a newer download,
//! without touching code. Each pack has a version and the date it was last checked
//! against its sources; every rule names its source.
//!
//! - [`files`]: the TOML as written; unknown fields are refused.
//! - [`compile`]: checks a pack (regexes, codes, limits) and compiles it, or says what is
//!   wrong, with the file and line.
//! - [`phrases`]: the claim matcher that normalises text first (case, Unicode forms,
//!   zero-width characters, look-alike letters, spaced-out letters).

mod compile;
mod files;
pub mod phrases;

use std::path::Path;
use std::sync::{Arc, LazyLock};

use regex::Regex;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::catalog::ocop::Sector;
use crate::i18n::Lang;
use crate::platform::Platform;

pub use compile::RulePackError;
pub use files::{
    DescriptionLimits, PackageRules, PhotoLimits, PriceLimits, StockLimits, TitleLimits,
};
use phrases::PhraseSet;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The user may go ahead.
    Warn,
    /// The listing cannot be queued for upload.
    Block,
}

impl Severity {
    fn parse(code: &str) -> Option<Severity> {
        match code {
            "warn" => Some(Severity::Warn),
            "block" => Some(Severity::Block),
            _ => None,
        }
    }
}

/// A fact about a product that a label or a category may require.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    NetQuantity,
    ShelfLife,
    Origin,
    Ingredients,
    Storage,
    Usage,
    PackageWeight,
    PackageDimensions,
    AlcoholPercent,
    /// The organisation responsible for the goods: name and address.
    Responsible,
    Barcode,
}

impl Fact {
    pub const ALL: [Fact; 11] = [
        Fact::NetQuantity,
        Fact::ShelfLife,
        Fact::Origin,
        Fact::Ingredients,
        Fact::Storage,
        Fact::Usage,
        Fact::PackageWeight,
        Fact::PackageDimensions,
        Fact::AlcoholPercent,
        Fact::Responsible,
        Fact::Barcode,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Fact::NetQuantity => "net_quantity",
            Fact::ShelfLife => "shelf_life",
            Fact::Origin => "origin",
            Fact::Ingredients => "ingredients",
            Fact::Storage => "storage",
            Fact::Usage => "usage",
            Fact::PackageWeight => "package_weight",
            Fact::PackageDimensions => "package_dimensions",
            Fact::AlcoholPercent => "alcohol_percent",
            Fact::Responsible => "responsible",
            Fact::Barcode => "barcode",
        }
    }

    pub fn parse(code: &str) -> Option<Fact> {
        Fact::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// A sentence in both languages; `{ $match }` stands for the text that triggered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub vi: String,
    pub en: String,
}

impl Message {
    pub fn new(vi: &str, en: &str) -> Message {
        Message {
            vi: vi.to_owned(),
            en: en.to_owned(),
        }
    }

    pub fn text(&self, lang: Lang, matched: &str) -> String {
        let template = match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        };
        template.replace("{ $match }", matched)
    }
}

/// Which text of a listing a pattern looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Title,
    Description,
}

/// A pattern a platform refuses in titles or descriptions.
#[derive(Debug, Clone)]
pub struct Forbidden {
    pub id: String,
    pub fields: Vec<TextField>,
    pub regex: Regex,
    pub severity: Severity,
    pub source: String,
    pub message: Message,
}

/// A platform category that fits OCOP products, and what it requires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Category {
    pub key: String,
    pub vi: String,
    pub en: String,
    /// Where it sits in the platform's tree, as sellers see it.
    pub path: String,
    /// The platform's own id, where known (otherwise chosen in Seller Center).
    pub platform_id: Option<String>,
    pub subgroups: Vec<String>,
    pub required: Vec<Fact>,
}

/// When a pack was made and how much to trust it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PackInfo {
    /// What the pack covers: a platform code, "vn-advertising" or "vn-labels".
    pub name: String,
    pub version: String,
    pub checked_on: Date,
    pub sources: Vec<String>,
}

/// One platform's rules.
#[derive(Debug, Clone)]
pub struct PlatformRules {
    pub platform: Platform,
    pub info: PackInfo,
    pub title: TitleLimits,
    pub description: DescriptionLimits,
    pub photos: PhotoLimits,
    pub price: PriceLimits,
    pub stock: StockLimits,
    pub package: PackageRules,
    pub forbidden: Vec<Forbidden>,
    pub categories: Vec<Category>,
}

impl PlatformRules {
    pub fn category(&self, key: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.key == key)
    }

    /// The first category listing the product's OCOP subgroup.
    pub fn default_category(&self, subgroup: &str) -> Option<&Category> {
        self.categories
            .iter()
            .find(|c| c.subgroups.iter().any(|s| s == subgroup))
    }
}

/// Claims the advertising law restricts.
#[derive(Debug, Clone)]
pub struct Claim {
    pub id: String,
    /// The sectors where `severity` applies (all when `None`); elsewhere `otherwise`.
    pub sectors: Option<Vec<Sector>>,
    pub severity: Severity,
    pub otherwise: Option<Severity>,
    /// Allowed when the product has an unexpired proof (market survey, contest award).
    pub excused_by_proof: bool,
    pub phrases: PhraseSet,
    pub source: String,
    pub message: Message,
}

impl Claim {
    /// How bad the claim is for a product of `sector`; `None` when it does not apply.
    pub fn severity_for(&self, sector: Sector) -> Option<Severity> {
        match &self.sectors {
            Some(sectors) if !sectors.contains(&sector) => self.otherwise,
            _ => Some(self.severity),
        }
    }
}

/// A sentence the law requires for some subgroups.
#[derive(Debug, Clone)]
pub struct RequiredSentence {
    pub id: String,
    pub subgroups: Vec<String>,
    pub sentence: String,
    pub severity: Severity,
    pub source: String,
    pub message: Message,
}

/// Products that may not be advertised above a strength.
#[derive(Debug, Clone)]
pub struct Restricted {
    pub id: String,
    pub subgroups: Vec<String>,
    pub min_alcohol_percent: f64,
    pub severity: Severity,
    pub source: String,
    pub message: Message,
    pub unknown: Message,
}

#[derive(Debug, Clone)]
pub struct AdvertisingRules {
    pub info: PackInfo,
    pub claims: Vec<Claim>,
    pub required_sentences: Vec<RequiredSentence>,
    pub restricted: Vec<Restricted>,
    /// Finds "OCOP 4 sao" and its variants; group 1 or 2 is the number of stars.
    pub ocop_mention: Regex,
    pub ocop_source: String,
}

/// What a product's label must hold, by sector or subgroup.
#[derive(Debug, Clone)]
pub struct LabelGroup {
    pub id: String,
    pub sectors: Vec<Sector>,
    pub subgroups: Vec<String>,
    pub required: Vec<Fact>,
}

#[derive(Debug, Clone)]
pub struct LabelRules {
    pub info: PackInfo,
    pub groups: Vec<LabelGroup>,
}

impl LabelRules {
    /// Every fact the label of a product of `sector` and `subgroup` must show, once each.
    pub fn required(&self, sector: Sector, subgroup: &str) -> Vec<Fact> {
        let mut facts = Vec::new();
        let groups = self
            .groups
            .iter()
            .filter(|g| g.sectors.contains(&sector) || g.subgroups.iter().any(|s| s == subgroup));
        for fact in groups.flat_map(|g| g.required.iter().copied()) {
            if !facts.contains(&fact) {
                facts.push(fact);
            }
        }
        facts
    }
}

/// Every rule the checks use.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub platforms: Vec<PlatformRules>,
    pub advertising: AdvertisingRules,
    pub labels: LabelRules,
}

/// The packs built into the program.
const EMBEDDED: [(&str, &str); 6] = [
    (
        "tiktok-shop.toml",
        include_str!("../../assets/rules/tiktok-shop.toml"),
    ),
    (
        "shopee.toml",
        include_str!("../../assets/rules/shopee.toml"),
    ),
    (
        "lazada.toml",
        include_str!("../../assets/rules/lazada.toml"),
    ),
    ("tiki.toml", include_str!("../../assets/rules/tiki.toml")),
    (
        "vn-advertising.toml",
        include_str!("../../assets/rules/vn-advertising.toml"),
    ),
    (
        "vn-labels.toml",
        include_str!("../../assets/rules/vn-labels.toml"),
    ),
];

static BUILT_IN: LazyLock<Result<Arc<RuleSet>, RulePackError>> = LazyLock::new(|| {
    RuleSet::from_files(EMBEDDED.iter().map(|(name, text)| (*name, *text))).map(Arc::new)
});

impl RuleSet {
    /// The packs shipped with this build (parsed once).
    pub fn built_in() -> Result<Arc<RuleSet>, RulePackError> {
        BUILT_IN.clone()
    }

    /// Builds a rule set from named TOML texts: four platform packs, `vn-advertising.toml`
    /// and `vn-labels.toml`.
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<RuleSet, RulePackError> {
        let mut platforms = Vec::new();
        let mut advertising = None;
        let mut labels = None;
        for (name, text) in files {
            match name {
                "vn-advertising.toml" => advertising = Some(compile::advertising(name, text)?),
                "vn-labels.toml" => labels = Some(compile::labels(name, text)?),
                _ => platforms.push(compile::platform(name, text)?),
            }
        }
        let missing = |what: &str| RulePackError::missing(what);
        for platform in Platform::ALL {
            if !platforms
                .iter()
                .any(|p: &PlatformRules| p.platform == platform)
            {
                return Err(missing(platform.code()));
            }
        }
        platforms.sort_by_key(|p| Platform::ALL.iter().position(|q| *q == p.platform));
        Ok(RuleSet {
            platforms,
            advertising: advertising.ok_or_else(|| missing("vn-advertising.toml"))?,
            labels: labels.ok_or_else(|| missing("vn-labels.toml"))?,
        })
    }

    /// The built-in packs, each replaced by a newer version found in `dir` (a pack
    /// downloaded later). A file that cannot be used is reported and the pack it would
    /// have replaced is kept.
    pub fn with_updates(dir: &Path) -> Result<(RuleSet, Vec<RulePackError>), RulePackError> {
        let built_in = RuleSet::built_in()?;
        let mut texts: Vec<(String, String)> = EMBEDDED
            .iter()
            .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
            .collect();
        let mut problems = Vec::new();
        for (name, text) in texts.iter_mut() {
            let path = dir.join(&*name);
            let Ok(update) = std::fs::read_to_string(&path) else {
                continue;
            };
            let candidate: Vec<(&str, &str)> = EMBEDDED
                .iter()
                .map(|(n, t)| {
                    if *n == name.as_str() {
                        (*n, update.as_str())
                    } else {
                        (*n, *t)
                    }
                })
                .collect();
            match RuleSet::from_files(candidate) {
                Ok(set) if set.version_of(name) > built_in.version_of(name) => *text = update,
                Ok(_) => {}
                Err(problem) => problems.push(problem),
            }
        }
        let set = RuleSet::from_files(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())))?;
        Ok((set, problems))
    }

    /// The version of the pack in file `name`.
    fn version_of(&self, name: &str) -> String {
        match name {
            "vn-advertising.toml" => self.advertising.info.version.clone(),
            "vn-labels.toml" => self.labels.info.version.clone(),
            _ => self
                .platforms
                .iter()
                .find(|p| format!("{}.toml", p.info.name) == name)
                .map(|p| p.info.version.clone())
                .unwrap_or_default(),
        }
    }

    pub fn platform(&self, platform: Platform) -> &PlatformRules {
        // Every platform is present: `from_files` refuses a set that lacks one.
        self.platforms
            .iter()
            .find(|p| p.platform == platform)
            .unwrap_or(&self.platforms[0])
    }
}
