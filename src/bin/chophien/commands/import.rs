//! `import FILE`: a product list from an Excel workbook (.xlsx) or a spreadsheet saved
//! as CSV.

use std::path::Path;
use std::process::ExitCode;

use chophien::args;
use chophien::import::{ImportOptions, import_file};

use crate::context::{Context, Failure};
use crate::output;

pub(crate) fn import(
    ctx: &Context<'_>,
    file: &Path,
    coop: Option<&str>,
    dry_run: bool,
) -> Result<ExitCode, Failure> {
    let cooperative_id = coop
        .map(|r| ctx.catalog.resolve_cooperative(r))
        .transpose()
        .map_err(|e| ctx.fail(&e))?;
    let options = ImportOptions {
        cooperative_id,
        dry_run,
    };
    let report =
        import_file(&ctx.catalog, file, options, &mut |_, _| true).map_err(|e| ctx.fail(&e))?;
    if ctx.json {
        output::json(&report);
    } else {
        let summary_id = if dry_run {
            "import-summary-dry-run"
        } else {
            "import-summary"
        };
        println!(
            "{}",
            ctx.tr_args(
                summary_id,
                args![
                    "rows" => report.rows,
                    "created" => report.products_created,
                    "updated" => report.products_updated,
                    "failed" => report.failed_rows,
                ]
            )
        );
        if !report.cooperatives_created.is_empty() {
            let names = report.cooperatives_created.join(", ");
            println!(
                "{}",
                ctx.tr_args("import-cooperatives-created", args!["names" => names])
            );
        }
        for error in &report.errors {
            println!("{}", error.localize(ctx.i18n));
        }
        let unlisted = report
            .failed_rows
            .saturating_sub(report.errors.len() as u64);
        if unlisted > 0 {
            println!(
                "{}",
                ctx.tr_args("import-more-errors", args!["count" => unlisted])
            );
        }
    }
    Ok(if report.failed_rows == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
