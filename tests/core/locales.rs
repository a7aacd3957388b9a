//! The Fluent files: they parse, Vietnamese and English carry the same messages with the
//! same variables, IDs start with their file's name, and every ID the code uses exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chophien::catalog::ocop::{ProducerType, SUBGROUPS, Sector, Unit};
use chophien::i18n::{I18n, Lang, resources};
use fluent_bundle::FluentResource;

/// Message ID → the variables its text uses, for one language.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for (file, source) in resources(lang) {
        let resource =
            FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(_, errors)| {
                panic!("{}/{file} does not parse: {errors:?}", lang.code())
            });
        let prefix = file.trim_end_matches(".ftl");
        for line in source.lines() {
            let Some((id, text)) = line.split_once(" = ") else {
                continue;
            };
            if id.starts_with(' ') || id.starts_with('#') {
                continue;
            }
            assert!(
                id.starts_with(&format!("{prefix}-")),
                "{id} lives in {file} but does not start with {prefix}-"
            );
            let variables = text
                .split("{ $")
                .skip(1)
                .filter_map(|rest| rest.split([' ', '}']).next())
                .map(str::to_owned)
                .collect();
            assert!(
                all.insert(id.to_owned(), variables).is_none(),
                "{id} is defined twice in {}",
                lang.code()
            );
        }
        assert_eq!(
            resource.entries().count(),
            source
                .lines()
                .filter(|l| l.contains(" = ") && !l.starts_with(' ') && !l.starts_with('#'))
                .count(),
            "{}/{file}: every message is one line of `id = text`",
            lang.code()
        );
    }
    all
}

#[test]
fn vietnamese_and_english_carry_the_same_messages_and_variables() {
    let vi = messages(Lang::Vi);
    let en = messages(Lang::En);
    let vi_ids: BTreeSet<_> = vi.keys().collect();
    let en_ids: BTreeSet<_> = en.keys().collect();
    assert_eq!(
        vi_ids.difference(&en_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "missing in English"
    );
    assert_eq!(
        en_ids.difference(&vi_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "missing in Vietnamese"
    );
    for (id, variables) in &vi {
        assert_eq!(
            Some(variables),
            en.get(id),
            "{id} uses different variables in vi and en"
        );
    }
}

#[test]
fn english_is_actually_english() {
    let i18n = I18n::new(Lang::En);
    assert_eq!(i18n.tr("catalog-field-price"), "Price");
    let vi = I18n::new(Lang::Vi);
    assert_eq!(vi.tr("catalog-field-price"), "Giá bán");
}

/// String literals in the Rust sources that look like message IDs.
fn ids_used_in(dir: &Path, found: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            ids_used_in(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let source = std::fs::read_to_string(&path).unwrap();
            for literal in source.split('"').skip(1).step_by(2) {
                let prefixes = [
                    "app-",
                    "catalog-",
                    "cli-",
                    "desktop-",
                    "errors-",
                    "exchange-",
                    "import-",
                    "listings-",
                    "ocop-",
                    "photos-",
                    "scripts-",
                ];
                let looks_like_id = prefixes.iter().any(|p| literal.starts_with(p))
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !literal.ends_with('-');
                if looks_like_id {
                    found.insert(literal.to_owned());
                }
            }
        }
    }
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut used = BTreeSet::new();
    ids_used_in(&root.join("src"), &mut used);
    ids_used_in(&root.join("src-tauri/src"), &mut used);
    for sector in Sector::ALL {
        used.insert(sector.message_id());
    }
    for subgroup in SUBGROUPS {
        used.insert(subgroup.message_id());
    }
    for producer in ProducerType::ALL {
        used.insert(producer.message_id());
    }
    for unit in Unit::ALL {
        used.insert(unit.message_id());
    }
    for lang in Lang::ALL {
        let i18n = I18n::new(lang);
        let missing: Vec<_> = used.iter().filter(|id| !i18n.has(id)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
    }
}
