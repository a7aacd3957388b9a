//! `coop add|list|show|edit|delete|restore`.

use std::process::ExitCode;

use chophien::args;
use chophien::catalog::ocop::ProducerType;
use chophien::catalog::{Cooperative, CooperativeDraft};

use super::parse;
use crate::args::{CoopCommand, CoopFields};
use crate::context::{Context, Failure};
use crate::output::{self, Table};

pub(crate) fn run(ctx: &Context<'_>, command: CoopCommand) -> Result<ExitCode, Failure> {
    let catalog = &ctx.catalog;
    match command {
        CoopCommand::Add(fields) => {
            let mut draft = CooperativeDraft::named("", ProducerType::Cooperative);
            apply(ctx, &mut draft, fields)?;
            let coop = catalog
                .create_cooperative(&draft)
                .map_err(|e| ctx.fail(&e))?;
            done(ctx, &coop, "cli-coop-created")
        }
        CoopCommand::Edit { reference, fields } => {
            let id = catalog
                .resolve_cooperative(&reference)
                .map_err(|e| ctx.fail(&e))?;
            let mut draft = catalog.cooperative(id).map_err(|e| ctx.fail(&e))?.draft;
            apply(ctx, &mut draft, fields)?;
            let coop = catalog
                .update_cooperative(id, &draft)
                .map_err(|e| ctx.fail(&e))?;
            done(ctx, &coop, "cli-coop-updated")
        }
        CoopCommand::Show { reference } => {
            let id = catalog
                .resolve_cooperative(&reference)
                .map_err(|e| ctx.fail(&e))?;
            let coop = catalog.cooperative(id).map_err(|e| ctx.fail(&e))?;
            if ctx.json {
                output::json(&coop);
            } else {
                show(ctx, &coop);
            }
            Ok(ExitCode::SUCCESS)
        }
        CoopCommand::List { deleted } => {
            let coops = catalog
                .list_cooperatives(deleted)
                .map_err(|e| ctx.fail(&e))?;
            if ctx.json {
                output::json(&coops);
                return Ok(ExitCode::SUCCESS);
            }
            println!(
                "{}",
                ctx.tr_args("cli-coop-summary", args!["total" => coops.len()])
            );
            let mut table = Table::new(vec![
                ctx.tr("cli-col-id"),
                ctx.tr("cli-col-name"),
                ctx.tr("cli-col-type"),
                ctx.tr("cli-col-province"),
            ]);
            for coop in &coops {
                table.row(vec![
                    coop.id.short(),
                    coop.draft.name.clone(),
                    ctx.tr(&coop.draft.producer_type.message_id()),
                    coop.draft.province.clone().unwrap_or_default(),
                ]);
            }
            table.print();
            Ok(ExitCode::SUCCESS)
        }
        CoopCommand::Delete { reference } => {
            let id = catalog
                .resolve_cooperative(&reference)
                .map_err(|e| ctx.fail(&e))?;
            let coop = catalog.cooperative(id).map_err(|e| ctx.fail(&e))?;
            catalog.delete_cooperative(id).map_err(|e| ctx.fail(&e))?;
            done(ctx, &coop, "cli-coop-deleted")
        }
        CoopCommand::Restore { reference } => {
            let id = catalog
                .resolve_cooperative(&reference)
                .map_err(|e| ctx.fail(&e))?;
            let coop = catalog.restore_cooperative(id).map_err(|e| ctx.fail(&e))?;
            done(ctx, &coop, "cli-coop-restored")
        }
    }
}

fn apply(
    ctx: &Context<'_>,
    draft: &mut CooperativeDraft,
    fields: CoopFields,
) -> Result<(), Failure> {
    if let Some(name) = fields.name {
        draft.name = name;
    }
    if let Some(text) = fields.producer_type {
        draft.producer_type = parse::producer_type(ctx, &text)?;
    }
    parse::update(&mut draft.registration_no, fields.registration_no);
    parse::update(&mut draft.address, fields.address);
    parse::update(&mut draft.province, fields.province);
    parse::update(&mut draft.commune, fields.commune);
    parse::update(&mut draft.phone, fields.phone);
    Ok(())
}

fn done(ctx: &Context<'_>, coop: &Cooperative, message: &str) -> Result<ExitCode, Failure> {
    if ctx.json {
        output::json(coop);
    } else {
        println!(
            "{}",
            ctx.tr_args(
                message,
                args!["name" => &coop.draft.name, "id" => coop.id.short()]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn show(ctx: &Context<'_>, coop: &Cooperative) {
    let d = &coop.draft;
    println!("{}  ({} {})", d.name, ctx.tr("cli-col-id"), coop.id.short());
    if coop.deleted_at.is_some() {
        println!("{}", ctx.tr("cli-in-trash"));
    }
    let lines = [
        ("cli-col-type", Some(ctx.tr(&d.producer_type.message_id()))),
        ("catalog-field-registration-no", d.registration_no.clone()),
        ("catalog-field-address", d.address.clone()),
        ("catalog-field-commune", d.commune.clone()),
        ("catalog-field-province", d.province.clone()),
        ("catalog-field-phone", d.phone.clone()),
    ];
    for (label, value) in lines {
        if let Some(value) = value {
            println!("{}: {value}", ctx.tr(label));
        }
    }
}
