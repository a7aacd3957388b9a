//! `shop add|list|test|remove`: connecting marketplace accounts.

use std::io::BufRead;
use std::process::ExitCode;
use std::sync::Arc;

use chophien::args;
use chophien::catalog::shops::{NewShop, ShopIdentity};
use chophien::market::clock::Clock;
use chophien::market::http::{Http, Timeouts};
use chophien::market::{Endpoints, Marketplace};
use chophien::platform::Platform;
use chophien::shops::secrets::Keychain;
use chophien::shops::{self, Adapter};

use crate::args::ShopCommand;
use crate::context::{Context, Failure};
use crate::output::{self, Table};

/// Where a secret may be given instead of standard input (for scripts).
const SECRET_VARIABLE: &str = "CHOPHIEN_SHOP_SECRET";

pub(crate) fn run(ctx: &Context<'_>, command: ShopCommand) -> Result<ExitCode, Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread()
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
    match command {
        ShopCommand::Add {
            platform,
            name,
            app_key,
            service_id,
            partner_id,
            shop_id,
            code,
            practice,
        } => {
            let platform = Platform::parse(&platform)
                .filter(|p| *p != Platform::Tiki)
                .ok_or_else(|| {
                    ctx.fail_with(
                        "cli.platform",
                        "cli-shop-platform-unknown",
                        args!["platform" => platform],
                    )
                })?;
            let endpoints = match &practice {
                Some(base) => Endpoints::practice(platform, base),
                None => Endpoints::real(platform),
            }
            .ok_or_else(|| {
                ctx.fail_with(
                    "cli.platform",
                    "cli-shop-platform-unknown",
                    args!["platform" => platform.name()],
                )
            })?;
            let new = NewShop {
                platform,
                name,
                practice: false,
                endpoints,
                identity: ShopIdentity {
                    app_key,
                    service_id,
                    partner_id,
                    shop_id,
                    ..ShopIdentity::default()
                },
            };
            let secret = read_secret(ctx)?;
            let Some(code) = code else {
                // Without a code, show where to get one.
                let adapter = Adapter::new(
                    platform,
                    &new.identity,
                    new.endpoints.clone(),
                    secret,
                    None,
                    http,
                )
                .map_err(|_| {
                    ctx.fail_with(
                        "cli.shop-identity",
                        "cli-shop-identity-missing",
                        args!["platform" => platform.name()],
                    )
                })?;
                println!(
                    "{}",
                    ctx.tr_args(
                        "cli-shop-authorize",
                        args!["url" => adapter.authorize_url("chophien")]
                    )
                );
                return Ok(ExitCode::from(2));
            };
            let shop = runtime
                .block_on(shops::connect_new(
                    &ctx.catalog,
                    &Keychain,
                    http,
                    new,
                    secret,
                    &code,
                ))
                .map_err(|e| ctx.fail(&e))?;
            if ctx.json {
                output::json(&shop);
            } else {
                println!(
                    "{}",
                    ctx.tr_args(
                        "cli-shop-added",
                        args!["id" => shop.id.short(), "name" => &shop.name]
                    )
                );
            }
        }
        ShopCommand::List => {
            let list = ctx.catalog.shops().map_err(|e| ctx.fail(&e))?;
            if ctx.json {
                output::json(&list);
                return Ok(ExitCode::SUCCESS);
            }
            let now = time::OffsetDateTime::now_utc().unix_timestamp();
            let mut table = Table::new(vec![
                ctx.tr("cli-col-id"),
                ctx.tr("cli-col-name"),
                ctx.tr("cli-col-platform"),
                ctx.tr("cli-col-state"),
            ]);
            for shop in &list {
                let state = if shop.needs_reauth {
                    ctx.tr("cli-shop-state-reauth")
                } else if let Some(days) = shops::lapse_warning(shop, now) {
                    ctx.tr_args("cli-shop-state-lapsing", args!["days" => days])
                } else {
                    ctx.tr("cli-shop-state-ok")
                };
                table.row(vec![
                    shop.id.short(),
                    shop.name.clone(),
                    shop.platform.name().to_owned(),
                    state,
                ]);
            }
            table.print();
        }
        ShopCommand::Test { shop } => {
            let id = ctx.catalog.resolve_shop(&shop).map_err(|e| ctx.fail(&e))?;
            let clock_http = http.clone();
            let identity = runtime
                .block_on(async {
                    let session = shops::open(&ctx.catalog, &Keychain, http, id).await?;
                    Ok::<_, shops::ShopError>(session.adapter.test_connection().await?)
                })
                .map_err(|e| ctx.fail(&e))?;
            let offset_s = clock_http.clock().offset_ms() / 1000;
            if ctx.json {
                output::json(&serde_json::json!({"shop": identity, "clock_offset_s": offset_s}));
            } else {
                println!(
                    "{}",
                    ctx.tr_args(
                        "cli-shop-test-ok",
                        args!["name" => identity.name, "offset" => offset_s]
                    )
                );
            }
        }
        ShopCommand::Categories { shop } => {
            let id = ctx.catalog.resolve_shop(&shop).map_err(|e| ctx.fail(&e))?;
            let rules = ctx.rules()?;
            let found = runtime
                .block_on(async {
                    let session = shops::open(&ctx.catalog, &Keychain, http, id).await?;
                    let pack = rules.platform(session.shop.platform);
                    Ok::<_, shops::ShopError>(
                        shops::categories::fetch(&session.adapter, pack).await?,
                    )
                })
                .map_err(|e| ctx.fail(&e))?;
            ctx.catalog
                .save_shop_categories(id, &found.found)
                .map_err(|e| ctx.fail(&e))?;
            if ctx.json {
                output::json(&serde_json::json!({"found": found.found, "missing": found.missing}));
            } else {
                println!(
                    "{}",
                    ctx.tr_args(
                        "cli-shop-categories",
                        args!["found" => found.found.len(), "missing" => found.missing.len()]
                    )
                );
                for key in &found.missing {
                    println!("    • {key}");
                }
            }
        }
        ShopCommand::Reconnect { shop, code } => {
            let id = ctx.catalog.resolve_shop(&shop).map_err(|e| ctx.fail(&e))?;
            let Some(code) = code else {
                let link = shops::authorization_link(&ctx.catalog, &Keychain, http, id)
                    .map_err(|e| ctx.fail(&e))?;
                println!(
                    "{}",
                    ctx.tr_args("cli-shop-authorize", args!["url" => link])
                );
                return Ok(ExitCode::from(2));
            };
            let shop = runtime
                .block_on(shops::reconnect(&ctx.catalog, &Keychain, http, id, &code))
                .map_err(|e| ctx.fail(&e))?;
            println!(
                "{}",
                ctx.tr_args("cli-shop-reconnected", args!["name" => &shop.name])
            );
        }
        ShopCommand::Remove { shop } => {
            let id = ctx.catalog.resolve_shop(&shop).map_err(|e| ctx.fail(&e))?;
            shops::remove(&ctx.catalog, &Keychain, id).map_err(|e| ctx.fail(&e))?;
            println!(
                "{}",
                ctx.tr_args("cli-shop-removed", args!["id" => id.short()])
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The app secret or partner key: from `CHOPHIEN_SHOP_SECRET`, else the first line of
/// standard input.
fn read_secret(ctx: &Context<'_>) -> Result<String, Failure> {
    if let Ok(secret) = std::env::var(SECRET_VARIABLE) {
        if !secret.trim().is_empty() {
            return Ok(secret.trim().to_owned());
        }
    }
    eprintln!("{}", ctx.tr("cli-shop-secret-prompt"));
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).map_err(|e| {
        ctx.fail_with(
            "cli.stdin",
            "cli-shop-secret-missing",
            args!["error" => e.to_string()],
        )
    })?;
    let secret = line.trim().to_owned();
    if secret.is_empty() {
        return Err(ctx.fail_with(
            "cli.secret",
            "cli-shop-secret-missing",
            args!["error" => ""],
        ));
    }
    Ok(secret)
}
