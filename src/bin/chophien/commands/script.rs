//! `script PRODUCT… --kind livestream --minutes 20`: a selling script from the products'
//! facts, checked against the advertising rules; printed, saved, or written as a print
//! page or plain text.

use std::path::Path;
use std::process::ExitCode;

use chophien::args;
use chophien::rules::Severity;
use chophien::scripts::generate::{Request, generate};
use chophien::scripts::{ScriptKind, Tone, check, export};

use crate::args::ScriptArgs;
use crate::context::{Context, Failure};
use crate::output;

pub(crate) fn run(ctx: &Context<'_>, args: ScriptArgs) -> Result<ExitCode, Failure> {
    let catalog = &ctx.catalog;
    let ids = args
        .products
        .iter()
        .map(|p| catalog.resolve_product(p).map_err(|e| ctx.fail(&e)))
        .collect::<Result<Vec<_>, _>>()?;
    let contexts = catalog.listing_contexts(&ids).map_err(|e| ctx.fail(&e))?;
    let details: Vec<_> = contexts.iter().map(|c| c.detail.clone()).collect();
    let request = Request {
        // clap only lets the listed values through.
        kind: ScriptKind::parse(&args.kind).unwrap_or(ScriptKind::Livestream),
        tone: Tone::parse(&args.tone).unwrap_or(Tone::Warm),
        lang: ctx.i18n.lang(),
        minutes: args.minutes,
        words_per_minute: args.wpm,
        offer: args.offer,
    };
    let generated = generate(&details, &request, ctx.today);
    let rules = ctx.rules()?;
    let findings = check::check(&generated.draft, &contexts, &rules, ctx.today, ctx.i18n);
    let saved = if args.save {
        Some(
            catalog
                .create_script(&generated.draft)
                .map_err(|e| ctx.fail(&e))?,
        )
    } else {
        None
    };
    if let Some(path) = &args.html {
        write(ctx, path, &export::html(&generated.draft, ctx.i18n))?;
    }
    if let Some(path) = &args.text {
        write(ctx, path, &export::text(&generated.draft, ctx.i18n))?;
    }
    if ctx.json {
        output::json(&serde_json::json!({
            "script": generated.draft,
            "findings": findings,
            "left_out": generated.left_out,
            "saved": saved.as_ref().map(|s| s.id),
        }));
    } else {
        print!("{}", export::text(&generated.draft, ctx.i18n));
        if !generated.left_out.is_empty() {
            println!(
                "\n{}",
                ctx.tr_args(
                    "cli-script-left-out",
                    args!["count" => generated.left_out.len(), "minutes" => args.minutes]
                )
            );
        }
        if !findings.is_empty() {
            println!("\n{}", ctx.tr("cli-script-findings"));
        }
        for finding in &findings {
            let mark = if finding.finding.severity == Severity::Block {
                "✗"
            } else {
                "!"
            };
            println!(
                "  {mark} [{}] {}",
                finding.segment + 1,
                finding.finding.message
            );
        }
        if let Some(script) = &saved {
            println!(
                "\n{}",
                ctx.tr_args("cli-script-saved", args!["id" => script.id.short()])
            );
        }
    }
    let blocked = findings
        .iter()
        .any(|f| f.finding.severity == Severity::Block);
    Ok(if blocked {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn write(ctx: &Context<'_>, path: &Path, text: &str) -> Result<(), Failure> {
    export::write(path, text).map_err(|e| ctx.fail(&e))
}
