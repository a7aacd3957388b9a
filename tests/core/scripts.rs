//! Selling scripts: every template renders for every demo product in both languages,
//! lengths add up, claims in spoken text are caught, gaps are named, history restores.

use chophien::catalog::ProductDraft;
use chophien::i18n::{I18n, Lang, resources};
use chophien::rules::{RuleSet, Severity};
use chophien::scripts::generate::{Request, generate, template_args};
use chophien::scripts::{DEFAULT_WORDS_PER_MINUTE, Purpose, ScriptKind, Tone, check};
use unicode_normalization::UnicodeNormalization;

use crate::support::{TODAY, TempCatalog, certificate, product_ids, variant};

fn request(kind: ScriptKind, minutes: u32) -> Request {
    Request {
        kind,
        tone: Tone::Warm,
        lang: Lang::Vi,
        minutes,
        words_per_minute: DEFAULT_WORDS_PER_MINUTE,
        offer: None,
    }
}

/// Text a template produced that a person should never see.
fn raw(text: &str) -> Option<&'static str> {
    [
        "{",
        "}",
        "$",
        "scripts-",
        "undefined",
        "None",
        "null",
        "  ",
        " .",
        " ,",
    ]
    .into_iter()
    .find(|bad| text.contains(bad))
    .or_else(|| text.trim().is_empty().then_some("empty"))
}

#[test]
fn every_template_renders_for_every_demo_product_in_both_languages() {
    let temp = TempCatalog::with_demo();
    let ids = product_ids(&temp.catalog);
    assert_eq!(ids.len(), 48);
    for lang in Lang::ALL {
        let i18n = I18n::new(lang);
        let templates: Vec<String> = resources(lang)
            .iter()
            .filter(|(file, _)| *file == "scripts.ftl")
            .flat_map(|(_, text)| text.lines())
            .filter_map(|line| line.split_once(" = ").map(|(id, _)| id.to_owned()))
            .filter(|id| id.starts_with("scripts-"))
            .collect();
        assert!(templates.len() > 60, "{} templates", templates.len());
        for id in &ids {
            let detail = temp.catalog.product_detail(*id).unwrap();
            for tone in Tone::ALL {
                let mut request = request(ScriptKind::Livestream, 20);
                request.tone = tone;
                request.lang = lang;
                request.offer = Some("mua 2 tặng 1".to_owned());
                let mut args = template_args(&detail, &request, TODAY, &i18n);
                args.push(("minute", 12u32.into()));
                args.push(("count", 3u32.into()));
                args.push(("what", "giá bán".into()));
                args.push(("wpm", 160u32.into()));
                for template in &templates {
                    let text = i18n.tr_args(template, &args);
                    assert_eq!(
                        raw(&text),
                        None,
                        "{} {template} for {:?} ({tone:?}): {text:?}",
                        lang.code(),
                        detail.product.draft.name
                    );
                }
            }
        }
    }
}

#[test]
fn generated_scripts_fill_the_time_asked_for() {
    let temp = TempCatalog::with_demo();
    let ids = product_ids(&temp.catalog);
    let three: Vec<_> = ids[..3]
        .iter()
        .map(|id| temp.catalog.product_detail(*id).unwrap())
        .collect();
    for minutes in [1, 5, 20, 60, 90] {
        let generated = generate(&three, &request(ScriptKind::Livestream, minutes), TODAY);
        let planned = generated.draft.planned_seconds();
        let asked = minutes * 60;
        assert!(
            planned.abs_diff(asked) * 10 <= asked,
            "{minutes} min: planned {planned} s"
        );
        let segments = &generated.draft.segments;
        assert_eq!(segments[0].purpose, Purpose::Welcome);
        assert_eq!(segments.last().unwrap().purpose, Purpose::Closing);
        if minutes >= 20 {
            assert!(generated.left_out.is_empty());
            assert!(segments.iter().any(|s| s.purpose == Purpose::Rehook));
            // Each product gets several cycles, and they do not repeat the same hook.
            let hooks: Vec<_> = segments
                .iter()
                .filter(|s| s.purpose == Purpose::Hook && s.product_id == Some(ids[0]))
                .map(|s| s.lines.clone())
                .collect();
            assert!(hooks.len() >= 3, "{hooks:?}");
            assert!(hooks.windows(2).any(|w| w[0] != w[1]), "{hooks:?}");
        }
    }
    for (kind, seconds) in [
        (ScriptKind::Short15, 15),
        (ScriptKind::Short30, 30),
        (ScriptKind::Short60, 60),
    ] {
        let generated = generate(&three[..1], &request(kind, 1), TODAY);
        assert_eq!(generated.draft.planned_seconds(), seconds);
        assert!(generated.draft.hashtags.contains(&"#ocop".to_owned()));
        assert!(generated.draft.segments.iter().all(|s| !s.notes.is_empty()));
    }
    // A blank deal is no deal.
    let mut blank = request(ScriptKind::Livestream, 5);
    blank.offer = Some(" \u{200B}".to_owned());
    let generated = generate(&three[..1], &blank, TODAY).draft;
    assert_eq!(generated.offer, None);
    let none = generate(&three[..1], &request(ScriptKind::Livestream, 5), TODAY).draft;
    assert_eq!(generated.segments, none.segments);
    // Two products do not sound the same.
    let first = generate(&three[..1], &request(ScriptKind::Livestream, 5), TODAY);
    let second = generate(&three[1..2], &request(ScriptKind::Livestream, 5), TODAY);
    let opening = |g: &chophien::scripts::generate::Generated| {
        g.draft
            .segments
            .iter()
            .filter(|s| s.product_id.is_some())
            .map(|s| s.lines.replace(&g.draft.title, ""))
            .collect::<Vec<_>>()
    };
    assert_ne!(opening(&first), opening(&second));
}

#[test]
fn many_products_and_long_sessions_still_add_up() {
    let temp = TempCatalog::with_demo();
    let ids = product_ids(&temp.catalog);
    let all: Vec<_> = ids
        .iter()
        .map(|id| temp.catalog.product_detail(*id).unwrap())
        .collect();
    let fifty: Vec<_> = all.iter().cycle().take(50).cloned().collect();
    let short = generate(&fifty, &request(ScriptKind::Livestream, 20), TODAY);
    assert!(short.draft.planned_seconds().abs_diff(1200) <= 120);
    assert!(
        !short.left_out.is_empty(),
        "50 products cannot fit in 20 minutes"
    );
    let long = generate(&fifty, &request(ScriptKind::Livestream, 180), TODAY);
    assert!(long.draft.planned_seconds().abs_diff(180 * 60) <= 18 * 60);
    assert!(long.left_out.is_empty());
    let saved = temp.catalog.create_script(&long.draft).unwrap();
    assert_eq!(saved.draft.segments.len(), long.draft.segments.len());
}

#[test]
fn missing_facts_are_named_not_left_empty() {
    let temp = TempCatalog::new();
    let coop = temp.coop("Hợp tác xã Chè Tân Cương");
    // NFD text: the script reads the same as with composed letters.
    let name = "Chè móc câu Tân Cương".nfd().collect::<String>();
    let bare = temp
        .catalog
        .create_product(&ProductDraft::new(coop.id, &name, "I.5.a"))
        .unwrap();
    let detail = temp.catalog.product_detail(bare.id).unwrap();
    for kind in ScriptKind::ALL {
        for lang in Lang::ALL {
            let mut request = request(kind, 10);
            request.lang = lang;
            let generated = generate(std::slice::from_ref(&detail), &request, TODAY);
            for segment in &generated.draft.segments {
                for text in [&segment.lines, &segment.on_screen, &segment.notes] {
                    assert_eq!(raw(text), None, "{kind:?} {lang:?}: {text:?}");
                }
            }
            let said: String = generated
                .draft
                .segments
                .iter()
                .map(|s| s.lines.as_str())
                .collect();
            let gap = match lang {
                Lang::Vi => "Cần bổ sung",
                Lang::En => "To fill in",
            };
            assert!(said.contains(gap), "{kind:?} {lang:?}: {said}");
            assert!(said.contains("Chè móc câu Tân Cương"), "{said}");
        }
    }
}

#[test]
fn a_cure_claim_in_the_story_is_flagged_and_disclosure_is_required() {
    let temp = TempCatalog::new();
    let coop = temp.coop("Hợp tác xã Nghệ Hưng Yên");
    let mut draft = ProductDraft::new(coop.id, "Tinh bột nghệ Hưng Yên", "I.3.c");
    draft.story =
        Some("Tinh bột nghệ nguyên chất. Uống mỗi sáng giúp chữa bệnh dạ dày.".to_owned());
    let product = temp.catalog.create_product(&draft).unwrap();
    temp.catalog
        .add_variant(product.id, &variant("NGHE-200", 150_000))
        .unwrap();
    temp.catalog
        .add_certificate(
            product.id,
            &certificate(4, TODAY - time::Duration::days(30)),
        )
        .unwrap();
    let context = temp.catalog.listing_context(product.id).unwrap();
    let rules = RuleSet::built_in().unwrap();
    let i18n = I18n::new(Lang::Vi);
    let mut generated = generate(
        std::slice::from_ref(&context.detail),
        &request(ScriptKind::Livestream, 10),
        TODAY,
    )
    .draft;
    let findings = check::check(
        &generated,
        std::slice::from_ref(&context),
        &rules,
        TODAY,
        &i18n,
    );
    let story = generated
        .segments
        .iter()
        .position(|s| s.purpose == Purpose::Story)
        .unwrap();
    assert!(
        findings.iter().any(|f| f.finding.rule == "cure"
            && f.finding.severity == Severity::Block
            && f.segment as usize == story),
        "{findings:#?}"
    );
    assert!(!findings.iter().any(|f| f.finding.rule == "disclosure"));
    // The host no longer says it is advertising: a reminder on the opening.
    generated.segments[0].lines = "Xin chào cả nhà!".to_owned();
    for segment in &mut generated.segments {
        segment.lines = segment.lines.replace("chữa bệnh dạ dày", "ấm bụng");
    }
    let findings = check::check(
        &generated,
        std::slice::from_ref(&context),
        &rules,
        TODAY,
        &i18n,
    );
    assert_eq!(
        findings
            .iter()
            .map(|f| (f.finding.rule.as_str(), f.segment))
            .collect::<Vec<_>>(),
        [("disclosure", 0)]
    );
}

#[test]
fn saved_scripts_keep_their_history() {
    let temp = TempCatalog::with_demo();
    let ids = product_ids(&temp.catalog);
    let detail = temp.catalog.product_detail(ids[0]).unwrap();
    let generated = generate(&[detail], &request(ScriptKind::Short30, 1), TODAY).draft;
    let script = temp.catalog.create_script(&generated).unwrap();
    assert_eq!(script.draft, generated);
    let mut edited = script.draft.clone();
    edited.segments[0].lines = "Câu mở đầu mới".to_owned();
    temp.catalog.save_script(script.id, &edited).unwrap();
    edited.segments[0].lines = "Câu mở đầu mới hơn".to_owned();
    let saved = temp.catalog.save_script(script.id, &edited).unwrap();
    assert_eq!(saved.draft.segments[0].lines, "Câu mở đầu mới hơn");
    // Typing within a minute shares a version; the generated text stays version 1.
    let versions = temp.catalog.script_versions(script.id).unwrap();
    assert_eq!(
        versions.iter().map(|v| v.version).collect::<Vec<_>>(),
        [2, 1]
    );
    let restored = temp.catalog.restore_script_version(script.id, 1).unwrap();
    assert_eq!(restored.draft, generated);
    assert_eq!(temp.catalog.script_versions(script.id).unwrap().len(), 3);
    assert_eq!(temp.catalog.list_scripts().unwrap()[0].id, script.id);
    temp.catalog.delete_script(script.id).unwrap();
    assert!(temp.catalog.list_scripts().unwrap().is_empty());
    temp.catalog.restore_script(script.id).unwrap();
    assert_eq!(temp.catalog.list_scripts().unwrap().len(), 1);
    // An empty title or an absurd pace is refused by field.
    edited.title = " ".to_owned();
    edited.words_per_minute = 5;
    let error = temp.catalog.save_script(script.id, &edited).unwrap_err();
    assert_eq!(error.field_errors().len(), 2);
}
