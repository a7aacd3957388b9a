//! `photo add|list|remove|restore|cover|fit|export`.

use std::path::PathBuf;
use std::process::ExitCode;

use chophien::args;
use chophien::catalog::Id;
use chophien::photos::spec::Fit;
use chophien::photos::{FileProblem, PhotoSet, PhotoStore, import};

use super::parse;
use crate::args::PhotoCommand;
use crate::context::{Context, Failure};
use crate::output::{self, Table};

pub(crate) fn run(ctx: &Context<'_>, command: PhotoCommand) -> Result<ExitCode, Failure> {
    let catalog = &ctx.catalog;
    let store = PhotoStore::open(catalog.data_dir()).map_err(|e| {
        ctx.fail_with(
            "photos.store",
            "cli-photo-store",
            args!["detail" => e.to_string()],
        )
    })?;
    let photo_id = |reference: &str| catalog.resolve_photo(reference).map_err(|e| ctx.fail(&e));
    match command {
        PhotoCommand::Add {
            product,
            files,
            dir,
        } => add(ctx, &store, &product, files, dir),
        PhotoCommand::List { product } => list(ctx, &product),
        PhotoCommand::Remove { photo } => {
            let id = photo_id(&photo)?;
            catalog.delete_photo(id).map_err(|e| ctx.fail(&e))?;
            say(ctx, id, "cli-photo-removed")
        }
        PhotoCommand::Restore { photo } => {
            let id = photo_id(&photo)?;
            catalog.restore_photo(id).map_err(|e| ctx.fail(&e))?;
            say(ctx, id, "cli-photo-restored")
        }
        PhotoCommand::Cover { photo } => {
            let id = photo_id(&photo)?;
            catalog.move_photo(id, 0).map_err(|e| ctx.fail(&e))?;
            say(ctx, id, "cli-photo-cover")
        }
        PhotoCommand::Fit { photo, fit } => {
            let id = photo_id(&photo)?;
            let fit = Fit::from_code(&fit).unwrap_or_default();
            catalog.set_photo_fit(id, fit).map_err(|e| ctx.fail(&e))?;
            say(ctx, id, "cli-photo-fit")
        }
        PhotoCommand::Export {
            product,
            platform,
            out,
        } => export(ctx, &store, &product, &platform, &out),
    }
}

fn say(ctx: &Context<'_>, id: Id, message: &str) -> Result<ExitCode, Failure> {
    if ctx.json {
        output::json(&ctx.catalog.photo(id).map_err(|e| ctx.fail(&e))?);
    } else {
        println!("{}", ctx.tr_args(message, args!["id" => id.short()]));
    }
    Ok(ExitCode::SUCCESS)
}

fn add(
    ctx: &Context<'_>,
    store: &PhotoStore,
    product: &str,
    mut files: Vec<PathBuf>,
    dir: Option<PathBuf>,
) -> Result<ExitCode, Failure> {
    let product_id = ctx
        .catalog
        .resolve_product(product)
        .map_err(|e| ctx.fail(&e))?;
    if let Some(dir) = dir {
        let found = import::files_in(&dir).map_err(|e| {
            ctx.fail_with(
                "photos.folder",
                "cli-photo-folder",
                args!["dir" => dir.display().to_string(), "detail" => e.to_string()],
            )
        })?;
        files.extend(found);
    }
    let report = import::import_files(&ctx.catalog, store, product_id, &files, &|_| true)
        .map_err(|e| ctx.fail(&e))?;
    let problems: Vec<FileProblem> = report
        .failed
        .iter()
        .map(|(file, error)| FileProblem::new(file, error, ctx.i18n))
        .collect();
    if ctx.json {
        output::json(&serde_json::json!({
            "added": report.added,
            "duplicates": report.duplicates,
            "failed": problems,
        }));
    } else {
        println!(
            "{}",
            ctx.tr_args(
                "cli-photo-added",
                args!["added" => report.added.len(), "duplicates" => report.duplicates, "failed" => problems.len()]
            )
        );
        for problem in &problems {
            println!("  {}", problem.message);
        }
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn list(ctx: &Context<'_>, product: &str) -> Result<ExitCode, Failure> {
    let product_id = ctx
        .catalog
        .resolve_product(product)
        .map_err(|e| ctx.fail(&e))?;
    let set = PhotoSet::new(
        &ctx.catalog
            .product_photos(product_id)
            .map_err(|e| ctx.fail(&e))?,
        ctx.i18n,
    );
    if ctx.json {
        output::json(&set);
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(vec![
        ctx.tr("cli-col-id"),
        ctx.tr("cli-col-photo"),
        ctx.tr("cli-col-size"),
        ctx.tr("cli-col-fit"),
        ctx.tr("cli-col-advice"),
    ]);
    for photo in &set.photos {
        let advice: Vec<&str> = photo.findings.iter().map(|f| f.message.as_str()).collect();
        table.row(vec![
            photo.id.short(),
            photo.original_name.clone().unwrap_or_default(),
            format!("{}×{}", photo.width, photo.height),
            ctx.tr(if photo.fit == Fit::Pad {
                "cli-fit-pad"
            } else {
                "cli-fit-crop"
            }),
            advice.join("; "),
        ]);
    }
    table.print();
    for finding in &set.findings {
        println!("• {}", finding.message);
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the product's photos as `platform` wants them into `out`, in display order.
fn export(
    ctx: &Context<'_>,
    store: &PhotoStore,
    product: &str,
    platform: &str,
    out: &PathBuf,
) -> Result<ExitCode, Failure> {
    let product_id = ctx
        .catalog
        .resolve_product(product)
        .map_err(|e| ctx.fail(&e))?;
    let platform = parse::platform(ctx, platform)?;
    let photos = ctx
        .catalog
        .product_photos(product_id)
        .map_err(|e| ctx.fail(&e))?;
    std::fs::create_dir_all(out).map_err(|e| {
        ctx.fail_with(
            "photos.folder",
            "cli-photo-folder",
            args!["dir" => out.display().to_string(), "detail" => e.to_string()],
        )
    })?;
    let mut written = Vec::new();
    for (photo, made) in photos
        .iter()
        .zip(import::variants(store, &photos, platform))
    {
        let path = made.map_err(|e| ctx.fail(&e))?;
        let target = out.join(format!("{:02}.jpg", photo.position + 1));
        std::fs::copy(&path, &target).map_err(|e| {
            ctx.fail_with(
                "photos.folder",
                "cli-photo-folder",
                args!["dir" => out.display().to_string(), "detail" => e.to_string()],
            )
        })?;
        written.push(target.display().to_string());
    }
    if ctx.json {
        output::json(&written);
    } else {
        println!(
            "{}",
            ctx.tr_args(
                "cli-photo-exported",
                args!["count" => written.len(), "dir" => out.display().to_string()]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}
