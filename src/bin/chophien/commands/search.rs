//! `search` and `product list`: the same query, with or without words.

use std::process::ExitCode;

use chophien::args;
use chophien::catalog::search::{CertificateFilter, Filters, ProductQuery, ReadinessFilter, Sort};
use chophien::listings;

use super::parse;
use crate::args::FilterArgs;
use crate::context::{Context, Failure};
use crate::output;

pub(crate) fn filters(ctx: &Context<'_>, args: &FilterArgs) -> Result<Filters, Failure> {
    let certificate = if args.expiring {
        Some(CertificateFilter::Expiring)
    } else if args.expired {
        Some(CertificateFilter::Expired)
    } else {
        None
    };
    Ok(Filters {
        stars: args.stars,
        sector: args
            .sector
            .as_deref()
            .map(|s| parse::sector(ctx, s))
            .transpose()?,
        province: args.province.clone(),
        cooperative_id: args
            .coop
            .as_deref()
            .map(|r| ctx.catalog.resolve_cooperative(r))
            .transpose()
            .map_err(|e| ctx.fail(&e))?,
        certificate,
        readiness: readiness(ctx, args)?,
    })
}

/// `--ready P` / `--blocked P`, after bringing the stored readiness up to date.
fn readiness(ctx: &Context<'_>, args: &FilterArgs) -> Result<Option<ReadinessFilter>, Failure> {
    let (text, blocked) = match (&args.ready, &args.blocked) {
        (Some(text), _) => (text, false),
        (None, Some(text)) => (text, true),
        (None, None) => return Ok(None),
    };
    let platform = parse::platform(ctx, text)?;
    let rules = ctx.rules()?;
    listings::refresh_readiness(&ctx.catalog, &rules, platform, ctx.today, ctx.i18n)
        .map_err(|e| ctx.fail(&e))?;
    Ok(Some(ReadinessFilter { platform, blocked }))
}

pub(crate) fn search(
    ctx: &Context<'_>,
    text: &str,
    filter_args: &FilterArgs,
    limit: u64,
) -> Result<ExitCode, Failure> {
    let query = ProductQuery {
        text: text.to_owned(),
        filters: filters(ctx, filter_args)?,
        limit,
        ..ProductQuery::default()
    };
    let page = ctx
        .catalog
        .find_products(&query, ctx.today)
        .map_err(|e| ctx.fail(&e))?;
    if ctx.json {
        output::json(&page);
    } else if page.items.is_empty() {
        println!("{}", ctx.tr("cli-no-results"));
    } else {
        println!(
            "{}",
            ctx.tr_args(
                "cli-search-summary",
                args!["total" => page.total, "query" => text]
            )
        );
        output::product_table(&page.items, ctx.i18n);
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn list(
    ctx: &Context<'_>,
    filter_args: &FilterArgs,
    page_number: u64,
    per_page: u64,
    sort: Option<&str>,
    deleted: bool,
) -> Result<ExitCode, Failure> {
    let per_page = per_page.clamp(1, 1000);
    let sort = match sort {
        Some("name") => Sort::Name,
        Some("created") => Sort::CreatedNewest,
        Some("price") => Sort::PriceLowest,
        Some("price-desc") => Sort::PriceHighest,
        Some("stars") => Sort::StarsHighest,
        _ => Sort::UpdatedNewest,
    };
    let query = ProductQuery {
        text: String::new(),
        filters: filters(ctx, filter_args)?,
        sort,
        offset: page_number.saturating_sub(1) * per_page,
        limit: per_page,
        deleted,
    };
    let page = ctx
        .catalog
        .find_products(&query, ctx.today)
        .map_err(|e| ctx.fail(&e))?;
    if ctx.json {
        output::json(&page);
    } else if page.total == 0 {
        let unfiltered = !deleted && query.filters == Filters::default();
        let empty = if unfiltered {
            "cli-empty-catalog"
        } else {
            "cli-no-results"
        };
        println!("{}", ctx.tr(empty));
    } else {
        let pages = page.total.div_ceil(per_page).max(1);
        println!(
            "{}",
            ctx.tr_args(
                "cli-list-summary",
                args!["page" => page_number.max(1), "pages" => pages, "total" => page.total]
            )
        );
        output::product_table(&page.items, ctx.i18n);
    }
    Ok(ExitCode::SUCCESS)
}
