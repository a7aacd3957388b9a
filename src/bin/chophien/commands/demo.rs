//! `init` and `demo`.

use std::process::ExitCode;

use chophien::args;
use chophien::demo;

use crate::context::{Context, Failure};
use crate::output;

pub(crate) fn init(ctx: &Context<'_>) -> Result<ExitCode, Failure> {
    let path = ctx.catalog.path().display().to_string();
    if ctx.json {
        output::json(&serde_json::json!({ "path": path }));
    } else {
        println!("{}", ctx.tr_args("cli-init-done", args!["path" => path]));
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn demo(
    ctx: &Context<'_>,
    synthetic: Option<usize>,
    seed: u64,
) -> Result<ExitCode, Failure> {
    if let Some(count) = synthetic {
        let made = demo::synthetic::generate(&ctx.catalog, count, seed, ctx.today)
            .map_err(|e| ctx.fail(&e))?;
        if ctx.json {
            output::json(&serde_json::json!({ "generated": made }));
        } else {
            println!(
                "{}",
                ctx.tr_args("cli-synthetic-done", args!["count" => made])
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let report = demo::load(&ctx.catalog, ctx.today).map_err(|e| ctx.fail(&e))?;
    if ctx.json {
        output::json(&report);
    } else if report.cooperatives + report.products == 0 {
        println!("{}", ctx.tr("cli-demo-nothing-new"));
    } else {
        println!(
            "{}",
            ctx.tr_args(
                "cli-demo-done",
                args!["cooperatives" => report.cooperatives, "products" => report.products]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}
