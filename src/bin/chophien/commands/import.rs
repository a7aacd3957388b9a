//! `import FILE`: a product list from an Excel workbook (.xlsx) or a spreadsheet saved
//! as CSV.

use std::path::Path;
use std::process::ExitCode;

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
        for line in report.describe(ctx.i18n) {
            println!("{line}");
        }
    }
    Ok(if report.failed_rows == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
