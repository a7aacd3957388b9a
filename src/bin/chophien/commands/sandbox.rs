//! `sandbox serve`: the practice marketplace on 127.0.0.1, until Ctrl+C.

use std::process::ExitCode;
use std::time::Duration;

use chophien::args;
use chophien::sandbox::{FaultKind, FaultPlan, PracticeShop, SandboxConfig};

use crate::args::SandboxCommand;
use crate::context::{Context, Failure};
use crate::output;

pub(crate) fn run(ctx: &Context<'_>, command: SandboxCommand) -> Result<ExitCode, Failure> {
    let SandboxCommand::Serve {
        port,
        fault_rate,
        market_db,
        review_delay_ms,
    } = command;
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
    let path = market_db.unwrap_or_else(|| ctx.catalog.data_dir().join("practice-market.sqlite"));
    let mut config = SandboxConfig::new(path);
    config.review_delay = Duration::from_millis(review_delay_ms);
    if fault_rate > 0.0 {
        config.faults = FaultPlan {
            rate: fault_rate.min(1.0),
            kinds: vec![
                FaultKind::ServerError,
                FaultKind::Slow,
                FaultKind::DropBefore,
                FaultKind::DropAfterCommit,
                FaultKind::CutBody,
                FaultKind::RateLimit,
            ],
            seed: 1,
            slow_ms: Some(15_000),
            ..FaultPlan::default()
        };
    }
    runtime.block_on(async {
        let running = chophien::sandbox::start(config, port).await.map_err(|e| ctx.fail(&e))?;
        if ctx.json {
            output::json(&serde_json::json!({"base_url": running.base_url(), "control_token": running.control_token(), "shops": running.shops()}));
        } else {
            println!("{}", ctx.tr_args("cli-sandbox-serving", args!["url" => running.base_url()]));
            println!("{}", ctx.tr_args("cli-sandbox-token", args!["token" => running.control_token()]));
            for shop in running.shops() {
                println!("  {}", shop_line(&shop));
            }
            println!("{}", ctx.tr("cli-sandbox-stop"));
        }
        // Stops on Ctrl+C (or when the terminal closes).
        let _ = tokio::signal::ctrl_c().await;
        running.shutdown().await;
        Ok::<_, Failure>(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// One practice shop's credentials on a line (these are practice credentials, made for
/// this local marketplace, not secrets of any real shop).
fn shop_line(shop: &PracticeShop) -> String {
    match shop {
        PracticeShop::Tiktok {
            name,
            app_key,
            app_secret,
            shop_id,
            ..
        } => {
            format!(
                "TikTok Shop · {name} · app key {app_key} · app secret {app_secret} · shop {shop_id}"
            )
        }
        PracticeShop::Shopee {
            name,
            partner_id,
            partner_key,
            shop_id,
        } => {
            format!(
                "Shopee · {name} · partner id {partner_id} · partner key {partner_key} · shop id {shop_id}"
            )
        }
        PracticeShop::Lazada {
            name,
            app_key,
            app_secret,
            seller_id,
        } => {
            format!(
                "Lazada · {name} · app key {app_key} · app secret {app_secret} · seller {seller_id}"
            )
        }
    }
}
