//! The rule-pack files as written (TOML, see `assets/rules/`), before they are checked
//! and compiled. Unknown fields are refused, so a misspelt key is an error with its line,
//! not a rule that silently never applies.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlatformFile {
    pub schema: u32,
    pub platform: Spanned<String>,
    pub version: String,
    pub checked_on: toml::value::Datetime,
    pub sources: Vec<String>,
    pub title: TitleLimits,
    pub description: DescriptionLimits,
    pub photos: PhotoLimits,
    pub price: PriceLimits,
    pub stock: StockLimits,
    pub package: PackageRules,
    #[serde(default)]
    pub forbidden: Vec<ForbiddenFile>,
    #[serde(default)]
    pub category: Vec<CategoryFile>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleLimits {
    pub min_chars: usize,
    pub max_chars: usize,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DescriptionLimits {
    pub min_chars: usize,
    pub max_chars: usize,
    #[serde(default)]
    pub min_words: usize,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhotoLimits {
    pub min_count: u32,
    pub max_count: u32,
    pub recommended_count: u32,
    pub min_side: u32,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceLimits {
    pub min_vnd: i64,
    pub max_vnd: Option<i64>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StockLimits {
    pub max: i64,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageRules {
    pub weight_required: bool,
    pub dimensions_required: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ForbiddenFile {
    pub id: String,
    pub fields: Vec<Spanned<String>>,
    pub regex: Spanned<String>,
    pub severity: Spanned<String>,
    pub source: String,
    pub vi: String,
    pub en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CategoryFile {
    pub key: String,
    pub vi: String,
    pub en: String,
    pub path: String,
    pub platform_id: String,
    pub subgroups: Vec<Spanned<String>>,
    pub required: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AdvertisingFile {
    pub schema: u32,
    pub version: String,
    pub checked_on: toml::value::Datetime,
    pub sources: Vec<String>,
    #[serde(default)]
    pub claim: Vec<ClaimFile>,
    #[serde(default)]
    pub required_sentence: Vec<RequiredSentenceFile>,
    #[serde(default)]
    pub restricted: Vec<RestrictedFile>,
    pub ocop: OcopFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ClaimFile {
    pub id: String,
    #[serde(default)]
    pub sectors: Option<Vec<Spanned<String>>>,
    pub severity: Spanned<String>,
    #[serde(default)]
    pub otherwise: Option<Spanned<String>>,
    #[serde(default)]
    pub excused_by_proof: bool,
    pub phrases: Vec<String>,
    pub source: String,
    pub vi: String,
    pub en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RequiredSentenceFile {
    pub id: String,
    pub subgroups: Vec<Spanned<String>>,
    pub sentence: String,
    pub severity: Spanned<String>,
    pub source: String,
    pub vi: String,
    pub en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RestrictedFile {
    pub id: String,
    pub subgroups: Vec<Spanned<String>>,
    pub min_alcohol_percent: f64,
    pub severity: Spanned<String>,
    pub source: String,
    pub vi: String,
    pub en: String,
    pub unknown_vi: String,
    pub unknown_en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OcopFile {
    pub mention: Spanned<String>,
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LabelsFile {
    pub schema: u32,
    pub version: String,
    pub checked_on: toml::value::Datetime,
    pub sources: Vec<String>,
    pub group: Vec<LabelGroupFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LabelGroupFile {
    pub id: String,
    #[serde(default)]
    pub sectors: Vec<Spanned<String>>,
    #[serde(default)]
    pub subgroups: Vec<Spanned<String>>,
    pub required: Vec<Spanned<String>>,
}
