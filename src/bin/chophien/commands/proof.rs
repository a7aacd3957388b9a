//! `proof add|list|remove|restore`: documents that allow "nhất", "số 1" in advertising.

use std::process::ExitCode;

use chophien::args;
use chophien::catalog::listings::{ProofDraft, ProofKind};
use chophien::i18n::dates::format_date;

use super::parse;
use crate::args::ProofCommand;
use crate::context::{Context, Failure};
use crate::output::{self, Table};

pub(crate) fn run(ctx: &Context<'_>, command: ProofCommand) -> Result<ExitCode, Failure> {
    let catalog = &ctx.catalog;
    match command {
        ProofCommand::Add {
            product,
            kind,
            title,
            issuer,
            issued,
            until,
        } => {
            let product_id = catalog
                .resolve_product(&product)
                .map_err(|e| ctx.fail(&e))?;
            let draft = ProofDraft {
                kind: if kind == "survey" {
                    ProofKind::MarketSurvey
                } else {
                    ProofKind::ContestAward
                },
                title,
                issuer,
                issued_on: parse::date(ctx, &issued)?,
                valid_until: until.as_deref().map(|d| parse::date(ctx, d)).transpose()?,
            };
            let proof = catalog
                .add_proof(product_id, &draft)
                .map_err(|e| ctx.fail(&e))?;
            if ctx.json {
                output::json(&proof);
            } else {
                println!(
                    "{}",
                    ctx.tr_args(
                        "cli-proof-added",
                        args!["id" => proof.id.short(), "until" => format_date(proof.valid_until)]
                    )
                );
            }
        }
        ProofCommand::List { product } => {
            let product_id = catalog
                .resolve_product(&product)
                .map_err(|e| ctx.fail(&e))?;
            let proofs = catalog
                .listing_context(product_id)
                .map_err(|e| ctx.fail(&e))?
                .proofs;
            if ctx.json {
                output::json(&proofs);
            } else {
                let mut table = Table::new(vec![
                    ctx.tr("cli-col-id"),
                    ctx.tr("catalog-field-proof-title"),
                    ctx.tr("catalog-field-issued-on"),
                    ctx.tr("catalog-field-valid-until"),
                ]);
                for proof in &proofs {
                    table.row(vec![
                        proof.id.short(),
                        proof.title.clone(),
                        format_date(proof.issued_on),
                        format_date(proof.valid_until),
                    ]);
                }
                table.print();
            }
        }
        ProofCommand::Remove { proof } => {
            let id = catalog.resolve_proof(&proof).map_err(|e| ctx.fail(&e))?;
            catalog.delete_proof(id).map_err(|e| ctx.fail(&e))?;
            println!(
                "{}",
                ctx.tr_args("cli-proof-removed", args!["id" => id.short()])
            );
        }
        ProofCommand::Restore { proof } => {
            let id = catalog.resolve_proof(&proof).map_err(|e| ctx.fail(&e))?;
            catalog.restore_proof(id).map_err(|e| ctx.fail(&e))?;
            println!(
                "{}",
                ctx.tr_args("cli-proof-restored", args!["id" => id.short()])
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
