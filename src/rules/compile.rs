//! Checking a rule pack and turning it into rules, or saying exactly what is wrong: the
//! file, the line, and what was expected there.

use regex::Regex;
use time::Date;
use toml::Spanned;

use super::files::{AdvertisingFile, LabelsFile, PlatformFile};
use super::phrases::PhraseSet;
use super::{
    AdvertisingRules, Category, Claim, Fact, Forbidden, LabelGroup, LabelRules, Message, PackInfo,
    PlatformRules, RequiredSentence, Restricted, Severity, TextField,
};
use crate::args;
use crate::catalog::ocop::{self, Sector};
use crate::i18n::{I18n, Localize};
use crate::platform::Platform;

/// The pack format this build reads.
const SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {detail}", .line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct RulePackError {
    pub file: String,
    pub line: Option<usize>,
    pub detail: String,
}

impl RulePackError {
    pub(super) fn missing(what: &str) -> RulePackError {
        RulePackError {
            file: what.to_owned(),
            line: None,
            detail: "missing".to_owned(),
        }
    }
}

impl Localize for RulePackError {
    fn code(&self) -> &'static str {
        "rules.invalid"
    }

    fn localize(&self, i18n: &I18n) -> String {
        let line = self.line.map_or_else(String::new, |l| l.to_string());
        i18n.tr_args(
            "listings-rules-invalid",
            args!["file" => self.file.as_str(), "line" => line, "detail" => self.detail.as_str()],
        )
    }
}

/// Reports problems in one file, with line numbers from byte offsets.
struct Reader<'a> {
    file: &'a str,
    text: &'a str,
}

impl Reader<'_> {
    fn error(&self, at: Option<usize>, detail: impl Into<String>) -> RulePackError {
        RulePackError {
            file: self.file.to_owned(),
            line: at.map(|offset| {
                self.text[..offset.min(self.text.len())]
                    .matches('\n')
                    .count()
                    + 1
            }),
            detail: detail.into(),
        }
    }

    fn at<T>(&self, spanned: &Spanned<T>, detail: impl Into<String>) -> RulePackError {
        self.error(Some(spanned.span().start), detail)
    }

    fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, RulePackError> {
        toml::from_str(self.text).map_err(|e| {
            let detail = e.message().to_owned();
            self.error(e.span().map(|s| s.start), detail)
        })
    }

    fn schema(&self, schema: u32) -> Result<(), RulePackError> {
        if schema == SCHEMA {
            Ok(())
        } else {
            Err(self.error(
                None,
                format!(
                    "schema {schema} is not {SCHEMA}: this pack is for another version of the app"
                ),
            ))
        }
    }

    fn date(&self, value: &toml::value::Datetime) -> Result<Date, RulePackError> {
        let date = value
            .date
            .ok_or_else(|| self.error(None, "checked_on must be a date"))?;
        let month =
            time::Month::try_from(date.month).map_err(|e| self.error(None, e.to_string()))?;
        Date::from_calendar_date(i32::from(date.year), month, date.day)
            .map_err(|e| self.error(None, e.to_string()))
    }

    fn severity(&self, code: &Spanned<String>) -> Result<Severity, RulePackError> {
        Severity::parse(code.get_ref()).ok_or_else(|| {
            self.at(
                code,
                format!("severity must be block or warn, not {:?}", code.get_ref()),
            )
        })
    }

    fn regex(&self, pattern: &Spanned<String>) -> Result<Regex, RulePackError> {
        Regex::new(pattern.get_ref()).map_err(|e| self.at(pattern, format!("bad regex: {e}")))
    }

    fn subgroups(&self, codes: &[Spanned<String>]) -> Result<Vec<String>, RulePackError> {
        codes
            .iter()
            .map(|code| {
                ocop::subgroup(code.get_ref())
                    .map(|s| s.code.to_owned())
                    .ok_or_else(|| {
                        self.at(code, format!("unknown OCOP subgroup {:?}", code.get_ref()))
                    })
            })
            .collect()
    }

    fn sectors(&self, codes: &[Spanned<String>]) -> Result<Vec<Sector>, RulePackError> {
        codes
            .iter()
            .map(|code| {
                Sector::from_code(code.get_ref())
                    .ok_or_else(|| self.at(code, format!("unknown sector {:?}", code.get_ref())))
            })
            .collect()
    }

    fn facts(&self, codes: &[Spanned<String>]) -> Result<Vec<Fact>, RulePackError> {
        codes
            .iter()
            .map(|code| {
                Fact::parse(code.get_ref())
                    .ok_or_else(|| self.at(code, format!("unknown fact {:?}", code.get_ref())))
            })
            .collect()
    }

    fn info(
        &self,
        name: &str,
        version: &str,
        checked_on: &toml::value::Datetime,
        sources: &[String],
    ) -> Result<PackInfo, RulePackError> {
        Ok(PackInfo {
            name: name.to_owned(),
            version: version.to_owned(),
            checked_on: self.date(checked_on)?,
            sources: sources.to_vec(),
        })
    }
}

fn stem(file: &str) -> &str {
    file.strip_suffix(".toml").unwrap_or(file)
}

pub(super) fn platform(file: &str, text: &str) -> Result<PlatformRules, RulePackError> {
    let reader = Reader { file, text };
    let pack: PlatformFile = reader.parse()?;
    reader.schema(pack.schema)?;
    let platform = Platform::parse(pack.platform.get_ref()).ok_or_else(|| {
        reader.at(
            &pack.platform,
            format!("unknown platform {:?}", pack.platform.get_ref()),
        )
    })?;
    if pack.title.min_chars > pack.title.max_chars
        || pack.description.min_chars > pack.description.max_chars
    {
        return Err(reader.error(None, "a minimum is larger than its maximum"));
    }
    let forbidden = pack
        .forbidden
        .iter()
        .map(|rule| {
            let fields = rule
                .fields
                .iter()
                .map(|field| match field.get_ref().as_str() {
                    "title" => Ok(TextField::Title),
                    "description" => Ok(TextField::Description),
                    other => Err(reader.at(
                        field,
                        format!("fields are title or description, not {other:?}"),
                    )),
                })
                .collect::<Result<_, _>>()?;
            Ok(Forbidden {
                id: rule.id.clone(),
                fields,
                regex: reader.regex(&rule.regex)?,
                severity: reader.severity(&rule.severity)?,
                source: rule.source.clone(),
                message: Message::new(&rule.vi, &rule.en),
            })
        })
        .collect::<Result<_, RulePackError>>()?;
    let categories = pack
        .category
        .iter()
        .map(|c| {
            Ok(Category {
                key: c.key.clone(),
                vi: c.vi.clone(),
                en: c.en.clone(),
                path: c.path.clone(),
                platform_id: Some(c.platform_id.clone()).filter(|id| !id.is_empty()),
                subgroups: reader.subgroups(&c.subgroups)?,
                required: reader.facts(&c.required)?,
            })
        })
        .collect::<Result<_, RulePackError>>()?;
    Ok(PlatformRules {
        platform,
        info: reader.info(stem(file), &pack.version, &pack.checked_on, &pack.sources)?,
        title: pack.title,
        description: pack.description,
        photos: pack.photos,
        price: pack.price,
        stock: pack.stock,
        package: pack.package,
        forbidden,
        categories,
    })
}

pub(super) fn advertising(file: &str, text: &str) -> Result<AdvertisingRules, RulePackError> {
    let reader = Reader { file, text };
    let pack: AdvertisingFile = reader.parse()?;
    reader.schema(pack.schema)?;
    let claims = pack
        .claim
        .iter()
        .map(|claim| {
            Ok(Claim {
                id: claim.id.clone(),
                sectors: claim
                    .sectors
                    .as_deref()
                    .map(|s| reader.sectors(s))
                    .transpose()?,
                severity: reader.severity(&claim.severity)?,
                otherwise: claim
                    .otherwise
                    .as_ref()
                    .map(|s| reader.severity(s))
                    .transpose()?,
                excused_by_proof: claim.excused_by_proof,
                phrases: PhraseSet::new(&claim.phrases),
                source: claim.source.clone(),
                message: Message::new(&claim.vi, &claim.en),
            })
        })
        .collect::<Result<_, RulePackError>>()?;
    let required_sentences = pack
        .required_sentence
        .iter()
        .map(|rule| {
            Ok(RequiredSentence {
                id: rule.id.clone(),
                subgroups: reader.subgroups(&rule.subgroups)?,
                sentence: rule.sentence.clone(),
                severity: reader.severity(&rule.severity)?,
                source: rule.source.clone(),
                message: Message::new(&rule.vi, &rule.en),
            })
        })
        .collect::<Result<_, RulePackError>>()?;
    let restricted = pack
        .restricted
        .iter()
        .map(|rule| {
            Ok(Restricted {
                id: rule.id.clone(),
                subgroups: reader.subgroups(&rule.subgroups)?,
                min_alcohol_percent: rule.min_alcohol_percent,
                severity: reader.severity(&rule.severity)?,
                source: rule.source.clone(),
                message: Message::new(&rule.vi, &rule.en),
                unknown: Message::new(&rule.unknown_vi, &rule.unknown_en),
            })
        })
        .collect::<Result<_, RulePackError>>()?;
    Ok(AdvertisingRules {
        info: reader.info(stem(file), &pack.version, &pack.checked_on, &pack.sources)?,
        claims,
        required_sentences,
        restricted,
        ocop_mention: reader.regex(&pack.ocop.mention)?,
        ocop_source: pack.ocop.source,
    })
}

pub(super) fn labels(file: &str, text: &str) -> Result<LabelRules, RulePackError> {
    let reader = Reader { file, text };
    let pack: LabelsFile = reader.parse()?;
    reader.schema(pack.schema)?;
    let groups = pack
        .group
        .iter()
        .map(|group| {
            Ok(LabelGroup {
                id: group.id.clone(),
                sectors: reader.sectors(&group.sectors)?,
                subgroups: reader.subgroups(&group.subgroups)?,
                required: reader.facts(&group.required)?,
            })
        })
        .collect::<Result<_, RulePackError>>()?;
    Ok(LabelRules {
        info: reader.info(stem(file), &pack.version, &pack.checked_on, &pack.sources)?,
        groups,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOPEE: &str = include_str!("../../assets/rules/shopee.toml");

    #[test]
    fn the_built_in_packs_load() {
        let set = super::super::RuleSet::built_in().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(set.platforms.len(), 4);
        assert!(set.advertising.claims.len() >= 3);
        for platform in &set.platforms {
            assert!(!platform.categories.is_empty(), "{:?}", platform.platform);
        }
    }

    #[test]
    fn a_bad_regex_names_its_file_and_line() {
        let broken = SHOPEE.replacen(
            r"regex = '\p{Extended_Pictographic}'",
            "regex = '(unclosed'",
            1,
        );
        let line = broken
            .lines()
            .position(|l| l.contains("(unclosed"))
            .map(|l| l + 1);
        let error = platform("shopee.toml", &broken).err();
        let error = error.unwrap_or_else(|| panic!("accepted a bad regex"));
        assert_eq!((error.file.as_str(), error.line), ("shopee.toml", line));
        assert!(error.detail.contains("bad regex"), "{}", error.detail);
    }

    #[test]
    fn an_unknown_field_is_refused_with_its_line() {
        let broken = SHOPEE.replacen("max_chars = 120", "max_chars = 120\nmax_emoji = 3", 1);
        let error = platform("shopee.toml", &broken)
            .err()
            .unwrap_or_else(|| panic!("accepted"));
        assert_eq!(
            error.line,
            broken
                .lines()
                .position(|l| l.starts_with("max_emoji"))
                .map(|l| l + 1)
        );
        assert!(error.detail.contains("max_emoji"), "{}", error.detail);
    }

    #[test]
    fn unknown_codes_are_refused() {
        for (from, to) in [
            ("subgroups = [\"I.2.b\"]", "subgroups = [\"I.9.z\"]"),
            ("severity = \"block\"", "severity = \"maybe\""),
            (
                "required = [\"net_quantity\", \"shelf_life\", \"origin\"]",
                "required = [\"colour\"]",
            ),
            ("platform = \"shopee\"", "platform = \"amazon\""),
        ] {
            let broken = SHOPEE.replacen(from, to, 1);
            let error = platform("shopee.toml", &broken)
                .err()
                .unwrap_or_else(|| panic!("accepted {to}"));
            assert!(error.line.is_some(), "{to}: {error}");
        }
    }
}
