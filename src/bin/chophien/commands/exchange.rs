//! `export --platform`, `bundle export|import|conflicts|resolve`, `backup` and `restore`:
//! work carried between laptops and to Seller Center in files, and copies of the whole
//! catalog. The sentences come from the core, as in the desktop app.

use std::path::Path;
use std::process::ExitCode;

use chophien::args;
use chophien::catalog::Id;
use chophien::exchange::backup::{
    backup as make_backup, backup_if_due, backups_dir, describe_backup, restore as restore_backup,
};
use chophien::exchange::bulk::export_bulk;
use chophien::exchange::conflicts::{conflict_views, resolve};
use chophien::exchange::export::{BundleRequest, export_bundle};
use chophien::exchange::import::import_bundle;
use chophien::exchange::{Control, Resolution};
use chophien::i18n::{I18n, Localize};

use super::parse;
use crate::args::BundleCommand;
use crate::context::{Context, Failure, catalog_path};
use crate::output;

/// `export --platform P --out DIR [--template FILE]`: the Seller Center bulk-upload
/// sheet and its photos, and the seller's downloaded template filled.
pub(crate) fn bulk(
    ctx: &Context<'_>,
    platform: &str,
    template: Option<&Path>,
    out: &Path,
) -> Result<ExitCode, Failure> {
    let platform = parse::platform(ctx, platform)?;
    let rules = ctx.rules()?;
    let report = export_bulk(
        &ctx.catalog,
        &rules,
        platform,
        template,
        out,
        ctx.today,
        ctx.i18n,
        Control::default(),
    )
    .map_err(|e| ctx.fail(&e))?;
    if ctx.json {
        output::json(&report);
    } else {
        print_lines(&report.describe(ctx.i18n));
    }
    Ok(ExitCode::SUCCESS)
}

fn print_lines(lines: &[String]) {
    for line in lines {
        println!("{line}");
    }
}

pub(crate) fn bundle(ctx: &Context<'_>, command: BundleCommand) -> Result<ExitCode, Failure> {
    let catalog = &ctx.catalog;
    match command {
        BundleCommand::Export {
            out,
            coops,
            products,
        } => {
            let request = BundleRequest {
                cooperatives: coops
                    .iter()
                    .map(|c| catalog.resolve_cooperative(c).map_err(|e| ctx.fail(&e)))
                    .collect::<Result<_, _>>()?,
                products: products
                    .iter()
                    .map(|p| catalog.resolve_product(p).map_err(|e| ctx.fail(&e)))
                    .collect::<Result<_, _>>()?,
            };
            let summary = export_bundle(catalog, &request, &out, Control::default())
                .map_err(|e| ctx.fail(&e))?;
            if ctx.json {
                output::json(&summary);
            } else {
                println!("{}", summary.describe(&out, ctx.i18n));
            }
        }
        BundleCommand::Import { file } => {
            let summary =
                import_bundle(catalog, &file, Control::default()).map_err(|e| ctx.fail(&e))?;
            if ctx.json {
                output::json(&summary);
            } else {
                println!("{}", summary.describe(ctx.i18n));
                if summary.conflicts > 0 {
                    println!(
                        "{}",
                        ctx.tr_args(
                            "exchange-conflicts-waiting",
                            args!["count" => summary.conflicts]
                        )
                    );
                }
            }
        }
        BundleCommand::Conflicts => {
            let open = conflict_views(catalog, ctx.i18n).map_err(|e| ctx.fail(&e))?;
            if ctx.json {
                output::json(&open);
            } else if open.is_empty() {
                println!("{}", ctx.tr("exchange-no-conflicts"));
            }
            for conflict in open.iter().filter(|_| !ctx.json) {
                let id = conflict.id.to_string();
                println!(
                    "{}",
                    ctx.tr_args(
                        "exchange-conflict-row",
                        args!["id" => id, "title" => &conflict.title]
                    )
                );
                for field in &conflict.fields {
                    println!(
                        "{}",
                        ctx.tr_args(
                            "exchange-conflict-field",
                            args![
                                "field" => &field.label,
                                "local" => &field.local,
                                "incoming" => &field.incoming,
                            ]
                        )
                    );
                }
            }
        }
        BundleCommand::Resolve { conflict, keep } => {
            let open = conflict_views(catalog, ctx.i18n).map_err(|e| ctx.fail(&e))?;
            // The id or its last characters, as elsewhere on the command line.
            let id = Id::parse(&conflict)
                .or_else(|| {
                    let mut matching = open
                        .iter()
                        .filter(|c| c.id.to_string().ends_with(&conflict));
                    matching
                        .next()
                        .filter(|_| matching.next().is_none())
                        .map(|c| c.id)
                })
                .unwrap_or_default();
            let resolution = if keep == "incoming" {
                Resolution::Incoming
            } else {
                Resolution::Local
            };
            resolve(catalog, id, resolution).map_err(|e| ctx.fail(&e))?;
            println!("{}", ctx.tr("exchange-conflict-resolved"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn backup(
    ctx: &Context<'_>,
    out: Option<&Path>,
    auto: bool,
    keep: usize,
) -> Result<ExitCode, Failure> {
    let catalog = &ctx.catalog;
    let made = if auto {
        backup_if_due(catalog, keep).map_err(|e| ctx.fail(&e))?
    } else {
        let out = out.map_or_else(
            || {
                let stamp = chophien::catalog::Timestamp::now()
                    .to_db_text()
                    .replace([':', '.'], "-");
                backups_dir(catalog.data_dir()).join(format!("chophien-{stamp}.zip"))
            },
            Path::to_path_buf,
        );
        make_backup(catalog, &out, Control::default()).map_err(|e| ctx.fail(&e))?;
        Some(out)
    };
    match made {
        Some(path) if ctx.json => output::json(&serde_json::json!({ "backup": path })),
        Some(path) => println!("{}", describe_backup(&path, ctx.i18n)),
        None if ctx.json => output::json(&serde_json::json!({ "backup": null })),
        None => println!("{}", ctx.tr("exchange-backup-not-due")),
    }
    Ok(ExitCode::SUCCESS)
}

/// Replaces the catalog with a backup; runs with no catalog open.
pub(crate) fn restore(
    db: Option<&Path>,
    json: bool,
    i18n: &I18n,
    file: &Path,
) -> Result<ExitCode, Failure> {
    let catalog_file = catalog_path(db, i18n)?;
    let summary = restore_backup(&catalog_file, file, Control::default())
        .map_err(|e| Failure::new(e.code(), e.localize(i18n)))?;
    if json {
        output::json(&summary);
    } else {
        println!("{}", summary.describe(i18n));
    }
    Ok(ExitCode::SUCCESS)
}
