//! `listing check|show|set|copy`: a product on each marketplace.

use std::process::ExitCode;

use chophien::args;
use chophien::catalog::Id;
use chophien::catalog::listings::ReadinessState;
use chophien::listings::{self, Effective, Readiness, check, copy};
use chophien::platform::Platform;
use chophien::rules::{RuleSet, Severity};

use super::parse;
use crate::args::ListingCommand;
use crate::context::{Context, Failure};
use crate::output;

pub(crate) fn run(ctx: &Context<'_>, command: ListingCommand) -> Result<ExitCode, Failure> {
    let rules = ctx.rules()?;
    match command {
        ListingCommand::Check { product, platform } => {
            let id = product_id(ctx, &product)?;
            let platforms = match platform {
                Some(text) => vec![parse::platform(ctx, &text)?],
                None => Platform::ALL.to_vec(),
            };
            check_listings(ctx, &rules, id, &platforms)
        }
        ListingCommand::Show { product, platform } => {
            let id = product_id(ctx, &product)?;
            show(ctx, &rules, id, parse::platform(ctx, &platform)?)
        }
        ListingCommand::Set {
            product,
            platform,
            title,
            description,
            category,
            attributes,
            inherit,
        } => {
            let id = product_id(ctx, &product)?;
            let platform = parse::platform(ctx, &platform)?;
            let mut draft = ctx.catalog.product_listings(id).map_err(|e| ctx.fail(&e))?
                [platform_index(platform)]
            .draft
            .clone();
            if title.is_some() {
                draft.title = title;
            }
            if description.is_some() {
                draft.description = description;
            }
            if let Some(key) = category {
                if rules.platform(platform).category(&key).is_none() {
                    return Err(ctx.fail_with(
                        "cli.bad-category",
                        "cli-bad-category",
                        args!["text" => key, "keys" => category_keys(&rules, platform)],
                    ));
                }
                draft.category = Some(key);
            }
            for pair in attributes {
                let Some((name, value)) = pair.split_once('=') else {
                    return Err(ctx.fail_with(
                        "cli.bad-attribute",
                        "cli-bad-attribute",
                        args!["text" => pair],
                    ));
                };
                draft
                    .attributes
                    .insert(name.trim().to_owned(), value.trim().to_owned());
            }
            for field in inherit {
                match field.as_str() {
                    "title" => draft.title = None,
                    "description" => draft.description = None,
                    _ => draft.category = None,
                }
            }
            ctx.catalog
                .save_listing(id, platform, &draft)
                .map_err(|e| ctx.fail(&e))?;
            check_listings(ctx, &rules, id, &[platform])
        }
        ListingCommand::Copy { product, from, to } => {
            let id = product_id(ctx, &product)?;
            let (from, to) = (parse::platform(ctx, &from)?, parse::platform(ctx, &to)?);
            let listings = ctx.catalog.product_listings(id).map_err(|e| ctx.fail(&e))?;
            let fitted = copy::fitted(&listings[platform_index(from)].draft, rules.platform(to));
            ctx.catalog
                .save_listing(id, to, &fitted)
                .map_err(|e| ctx.fail(&e))?;
            check_listings(ctx, &rules, id, &[to])
        }
    }
}

fn product_id(ctx: &Context<'_>, reference: &str) -> Result<Id, Failure> {
    ctx.catalog
        .resolve_product(reference)
        .map_err(|e| ctx.fail(&e))
}

fn platform_index(platform: Platform) -> usize {
    Platform::ALL
        .iter()
        .position(|p| *p == platform)
        .unwrap_or(0)
}

fn category_keys(rules: &RuleSet, platform: Platform) -> String {
    rules
        .platform(platform)
        .categories
        .iter()
        .map(|c| c.key.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Prints each platform's verdict and findings; exit code 1 if any listing is blocked.
fn check_listings(
    ctx: &Context<'_>,
    rules: &RuleSet,
    id: Id,
    platforms: &[Platform],
) -> Result<ExitCode, Failure> {
    let context = ctx.catalog.listing_context(id).map_err(|e| ctx.fail(&e))?;
    let verdicts: Vec<Readiness> = platforms
        .iter()
        .map(|p| check(&context, *p, rules, ctx.today, ctx.i18n))
        .collect();
    let labels = listings::label_findings(&context, rules, ctx.i18n);
    if ctx.json {
        output::json(&serde_json::json!({ "listings": verdicts, "label": labels }));
    } else {
        for verdict in &verdicts {
            print_verdict(ctx, verdict);
        }
        if !labels.is_empty() {
            println!("{}", ctx.tr("cli-listing-label"));
            for finding in &labels {
                println!("  ! {}", finding.message);
            }
        }
        if let Some(first) = verdicts.first() {
            let versions: Vec<String> = first
                .packs
                .iter()
                .map(|p| format!("{} {}", p.name, p.version))
                .collect();
            println!(
                "{}",
                ctx.tr_args(
                    "cli-listing-packs",
                    args!["packs" => versions.join(", "), "days" => first.packs_age_days]
                )
            );
        }
    }
    let blocked = verdicts.iter().any(|v| v.state == ReadinessState::Blocked);
    Ok(if blocked {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn print_verdict(ctx: &Context<'_>, verdict: &Readiness) {
    let state = match verdict.state {
        ReadinessState::Ready => "cli-listing-ready",
        ReadinessState::Warnings => "cli-listing-warnings",
        ReadinessState::Blocked => "cli-listing-blocked",
    };
    println!("{}: {}", verdict.platform.name(), ctx.tr(state));
    for finding in &verdict.findings {
        let mark = if finding.severity == Severity::Block {
            "✗"
        } else {
            "!"
        };
        println!("  {mark} {}", finding.message);
    }
}

fn show(
    ctx: &Context<'_>,
    rules: &RuleSet,
    id: Id,
    platform: Platform,
) -> Result<ExitCode, Failure> {
    let context = ctx.catalog.listing_context(id).map_err(|e| ctx.fail(&e))?;
    let effective = Effective::of(&context, platform, rules, ctx.today, ctx.i18n);
    let verdict = check(&context, platform, rules, ctx.today, ctx.i18n);
    let listing = context.listing(platform);
    if ctx.json {
        output::json(
            &serde_json::json!({ "listing": listing, "effective": effective, "readiness": verdict }),
        );
        return Ok(ExitCode::SUCCESS);
    }
    let pack = rules.platform(platform);
    let inherited = |yes: bool| {
        if yes {
            format!(" ({})", ctx.tr("cli-listing-inherited"))
        } else {
            String::new()
        }
    };
    let category = effective
        .category
        .as_deref()
        .and_then(|key| pack.category(key));
    println!(
        "{}{}: {}",
        ctx.tr("catalog-field-title"),
        inherited(effective.title_inherited),
        effective.title
    );
    println!(
        "{}{}: {}",
        ctx.tr("catalog-field-category"),
        inherited(effective.category_inherited),
        category.map_or("—", |c| c.path.as_str())
    );
    for (name, value) in &listing.draft.attributes {
        println!("{name}: {value}");
    }
    println!(
        "\n{}{}:\n{}\n",
        ctx.tr("catalog-field-description"),
        inherited(effective.description_inherited),
        effective.description
    );
    print_verdict(ctx, &verdict);
    Ok(ExitCode::SUCCESS)
}
