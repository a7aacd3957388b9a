//! `publish PRODUCT… --shop S` and `sync [--shop S] [--dry-run] | status | retry | resolve`.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use chophien::args;
use chophien::catalog::Catalog;
use chophien::catalog::ids::{Id, Timestamp};
use chophien::catalog::shops::Shop;
use chophien::catalog::sync::{Publication, PublicationState};
use chophien::i18n::I18n;
use chophien::market::clock::Clock;
use chophien::market::http::{Http, Timeouts};
use chophien::shops::practice;
use chophien::shops::secrets::{Keychain, SecretStore, SessionSecrets};
use chophien::sync::{Engine, ShopOutcome, SyncOptions, actions};

use crate::args::{SyncArgs, SyncCommand};
use crate::context::{Context, Failure};
use crate::output::{self, Table};

pub(crate) fn publish(
    ctx: &Context<'_>,
    products: &[String],
    shop: &str,
    all_ready: bool,
) -> Result<ExitCode, Failure> {
    let catalog = &ctx.catalog;
    let shop_id = catalog.resolve_shop(shop).map_err(|e| ctx.fail(&e))?;
    let shop = catalog.shop(shop_id).map_err(|e| ctx.fail(&e))?;
    let ids: Vec<Id> = if all_ready {
        catalog.live_product_ids().map_err(|e| ctx.fail(&e))?
    } else {
        products
            .iter()
            .map(|p| catalog.resolve_product(p).map_err(|e| ctx.fail(&e)))
            .collect::<Result<_, _>>()?
    };
    let rules = ctx.rules()?;
    let result = actions::queue(catalog, &shop, &ids, &rules, ctx.today, ctx.i18n)
        .map_err(|e| ctx.fail(&e))?;
    if ctx.json {
        output::json(&result);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}",
        ctx.tr_args(
            "cli-publish-queued",
            args!["count" => result.queued.len(), "shop" => &shop.name]
        )
    );
    for product in &result.not_ready {
        println!(
            "{}",
            ctx.tr_args("cli-publish-not-ready", args!["name" => &product.name])
        );
        for reason in &product.reasons {
            println!("    • {reason}");
        }
    }
    Ok(if result.not_ready.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// `unpublish PRODUCT… --shop S`: each product out of the shop's queue, or down from it
/// at the next sync.
pub(crate) fn unpublish(
    ctx: &Context<'_>,
    products: &[String],
    shop: &str,
) -> Result<ExitCode, Failure> {
    let catalog = &ctx.catalog;
    let shop_id = catalog.resolve_shop(shop).map_err(|e| ctx.fail(&e))?;
    let shop = catalog.shop(shop_id).map_err(|e| ctx.fail(&e))?;
    for product in products {
        let id = catalog.resolve_product(product).map_err(|e| ctx.fail(&e))?;
        let said = actions::withdraw(catalog, &shop, id, ctx.i18n).map_err(|e| ctx.fail(&e))?;
        println!("{said}");
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn run(ctx: &Context<'_>, args: SyncArgs) -> Result<ExitCode, Failure> {
    match args.command {
        Some(SyncCommand::Status { shop }) => status(ctx, shop.as_deref()),
        Some(SyncCommand::Retry { listing }) => {
            let id = publication_of(ctx, &listing)?;
            let queued = ctx
                .catalog
                .retry_publication(id)
                .map_err(|e| ctx.fail(&e))?;
            let message = if queued {
                "cli-sync-retry-queued"
            } else {
                "cli-sync-retry-nothing"
            };
            println!("{}", ctx.tr(message));
            Ok(ExitCode::SUCCESS)
        }
        Some(SyncCommand::Resolve {
            listing,
            keep_local,
            ..
        }) => {
            let id = publication_of(ctx, &listing)?;
            let rules = ctx.rules()?;
            actions::resolve(&ctx.catalog, id, keep_local, &rules, ctx.today, ctx.i18n)
                .map_err(|e| ctx.fail(&e))?;
            println!(
                "{}",
                ctx.tr(if keep_local {
                    "cli-sync-kept-local"
                } else {
                    "cli-sync-took-remote"
                })
            );
            Ok(ExitCode::SUCCESS)
        }
        None => send(ctx, &args),
    }
}

/// A publication named by its id (or the tail of it), or by its product when the
/// product is on one shop only.
fn publication_of(ctx: &Context<'_>, reference: &str) -> Result<Id, Failure> {
    let publications = ctx.catalog.publications(None).map_err(|e| ctx.fail(&e))?;
    let wanted = reference.trim().to_ascii_lowercase().replace('-', "");
    let by_id: Vec<&Publication> = publications
        .iter()
        .filter(|p| wanted.len() >= 4 && p.id.to_string().replace('-', "").ends_with(&wanted))
        .collect();
    if let [only] = by_id.as_slice() {
        return Ok(only.id);
    }
    let product = ctx
        .catalog
        .resolve_product(reference)
        .map_err(|e| ctx.fail(&e))?;
    let of_product: Vec<&Publication> = publications
        .iter()
        .filter(|p| p.product_id == product)
        .collect();
    match of_product.as_slice() {
        [only] => Ok(only.id),
        _ => Err(ctx.fail_with(
            "cli.publication",
            "cli-sync-which-listing",
            args!["reference" => reference],
        )),
    }
}

fn state_text(ctx: &Context<'_>, state: PublicationState) -> String {
    ctx.tr(&format!("sync-state-{}", state.code()))
}

fn problem_text(publication: &Publication) -> String {
    let Some(problem) = &publication.problem else {
        return String::new();
    };
    if let Some(reasons) = problem["reasons"].as_array() {
        return reasons
            .iter()
            .filter_map(|r| r["reason"].as_str())
            .collect::<Vec<_>>()
            .join("; ");
    }
    problem["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn status(ctx: &Context<'_>, shop: Option<&str>) -> Result<ExitCode, Failure> {
    let catalog = &ctx.catalog;
    let shop_id = shop
        .map(|s| catalog.resolve_shop(s))
        .transpose()
        .map_err(|e| ctx.fail(&e))?;
    let publications = catalog.publications(shop_id).map_err(|e| ctx.fail(&e))?;
    if ctx.json {
        output::json(&publications);
        return Ok(ExitCode::SUCCESS);
    }
    let shops = catalog.shops().map_err(|e| ctx.fail(&e))?;
    let mut table = Table::new(vec![
        ctx.tr("cli-col-id"),
        ctx.tr("cli-col-name"),
        ctx.tr("cli-col-shop"),
        ctx.tr("cli-col-state"),
        ctx.tr("cli-col-note"),
    ]);
    for publication in &publications {
        let name = catalog
            .product(publication.product_id)
            .map(|p| p.draft.name)
            .unwrap_or_default();
        let shop = shops
            .iter()
            .find(|s| s.id == publication.shop_id)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        table.row(vec![
            publication.id.short(),
            name,
            shop,
            state_text(ctx, publication.state),
            problem_text(publication),
        ]);
    }
    table.print();
    Ok(ExitCode::SUCCESS)
}

fn send(ctx: &Context<'_>, options: &SyncArgs) -> Result<ExitCode, Failure> {
    let catalog = &ctx.catalog;
    let rules = Arc::new(ctx.rules()?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| {
            ctx.fail_with(
                "cli.runtime",
                "cli-runtime-failed",
                args!["error" => e.to_string()],
            )
        })?;
    let http = Arc::new(Http::new(Arc::new(Clock::system()), Timeouts::default()));
    // Practice shops are authorised afresh by the practice marketplace; real shops'
    // secrets are in the keychain.
    let (secrets, practice_shops): (Arc<dyn SecretStore>, Option<Vec<Shop>>) =
        match (&options.practice, &options.practice_token) {
            (Some(base), Some(token)) => {
                let session = Arc::new(SessionSecrets::default());
                let shops = runtime
                    .block_on(practice::connect(
                        catalog,
                        &session,
                        http.clone(),
                        &rules,
                        base,
                        token,
                    ))
                    .map_err(|e| ctx.fail(&e))?;
                (session, Some(shops))
            }
            _ => (Arc::new(Keychain), None),
        };
    let shops = match (&options.shop, practice_shops) {
        (Some(reference), _) => {
            let id = catalog.resolve_shop(reference).map_err(|e| ctx.fail(&e))?;
            vec![catalog.shop(id).map_err(|e| ctx.fail(&e))?]
        }
        (None, Some(shops)) => shops,
        (None, None) => catalog
            .shops()
            .map_err(|e| ctx.fail(&e))?
            .into_iter()
            .filter(|s| !s.practice)
            .collect(),
    };
    if options.refresh {
        for shop in &shops {
            catalog
                .poll_reviews_now(shop.id)
                .map_err(|e| ctx.fail(&e))?;
        }
    }
    if options.dry_run {
        for shop in &shops {
            let due = catalog
                .due_outbox(shop.id, Timestamp::now(), &[], usize::MAX)
                .map_err(|e| ctx.fail(&e))?;
            println!(
                "{}",
                ctx.tr_args(
                    "cli-sync-dry-run",
                    args!["shop" => &shop.name, "count" => due.len()]
                )
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    // The engine's tasks outlive this borrow of the context: they get their own handles.
    let shared = Arc::new(Catalog::open(catalog.path()).map_err(|e| ctx.fail(&e))?);
    let (progress, mut updates) = tokio::sync::mpsc::unbounded_channel();
    let engine = Engine {
        catalog: shared.clone(),
        secrets,
        http,
        rules,
        i18n: Arc::new(I18n::new(ctx.i18n.lang())),
        today: ctx.today,
        options: SyncOptions {
            wait_for_reviews: Duration::from_secs(options.wait_reviews),
            ..SyncOptions::default()
        },
        cancel: Arc::new(AtomicBool::new(false)),
        progress: Some(progress),
    };
    let mut code = ExitCode::SUCCESS;
    for shop in &shops {
        let outcome = runtime.block_on(async {
            let run = engine.run_shop(shop.id);
            tokio::pin!(run);
            loop {
                tokio::select! {
                    outcome = &mut run => break outcome,
                    Some(update) = updates.recv() => {
                        if !ctx.json {
                            let name = shared.product(update.product_id).map(|p| p.draft.name).unwrap_or_default();
                            let mut line = format!("{} · {}", name, state_text(ctx, update.state));
                            if let Some(message) = update.message {
                                line.push_str(&format!(" · {message}"));
                            }
                            println!("{line}");
                        }
                    }
                }
            }
        });
        let outcome = outcome.map_err(|e| ctx.fail(&e))?;
        if ctx.json {
            output::json(&serde_json::json!({"shop": shop.id, "result": outcome}));
            continue;
        }
        let line = match &outcome {
            ShopOutcome::Drained => ctx.tr_args("cli-sync-drained", args!["shop" => &shop.name]),
            ShopOutcome::Waiting { .. } => {
                ctx.tr_args("cli-sync-waiting", args!["shop" => &shop.name])
            }
            ShopOutcome::Paused { message } => {
                code = ExitCode::from(4);
                ctx.tr_args(
                    "cli-sync-paused",
                    args!["shop" => &shop.name, "message" => message],
                )
            }
            ShopOutcome::Cancelled => {
                ctx.tr_args("cli-sync-cancelled", args!["shop" => &shop.name])
            }
        };
        println!("{line}");
    }
    Ok(code)
}
