//! One module per group of commands; each turns arguments into a core call and prints
//! the result.

mod coop;
mod demo;
mod exchange;
mod import;
mod listing;
mod parse;
mod photo;
mod product;
mod proof;
mod sandbox;
mod script;
mod search;
mod shop;
mod sync;

use std::process::ExitCode;

use crate::args::Command;
use crate::context::{Context, Failure};

pub(crate) use exchange::restore;

pub(crate) fn run(ctx: &Context<'_>, command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Init => demo::init(ctx),
        Command::Demo { synthetic, seed } => demo::demo(ctx, synthetic, seed),
        Command::Coop(command) => coop::run(ctx, command),
        Command::Product(command) => product::run(ctx, command),
        Command::Variant(command) => product::variant(ctx, command),
        Command::Cert(command) => product::certificate(ctx, command),
        Command::Photo(command) => photo::run(ctx, command),
        Command::Listing(command) => listing::run(ctx, command),
        Command::Proof(command) => proof::run(ctx, command),
        Command::Script(args) => script::run(ctx, args),
        Command::Shop(command) => shop::run(ctx, command),
        Command::Sandbox(command) => sandbox::run(ctx, command),
        Command::Publish {
            products,
            shop,
            all_ready,
        } => sync::publish(ctx, &products, &shop, all_ready),
        Command::Unpublish { products, shop } => sync::unpublish(ctx, &products, &shop),
        Command::Sync(args) => sync::run(ctx, args),
        Command::Search {
            query,
            filters,
            limit,
        } => search::search(ctx, &query, &filters, limit),
        Command::Import {
            file,
            coop,
            dry_run,
        } => import::import(ctx, &file, coop.as_deref(), dry_run),
        Command::Export {
            platform,
            out,
            template,
        } => exchange::bulk(ctx, &platform, template.as_deref(), &out),
        Command::Bundle(command) => exchange::bundle(ctx, command),
        Command::Backup { out, auto, keep } => exchange::backup(ctx, out.as_deref(), auto, keep),
    }
}
