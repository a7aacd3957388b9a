//! `product …`, `variant …` and `cert …`.

use std::process::ExitCode;

use chophien::args;
use chophien::catalog::{
    CatalogError, CertificateDraft, Field, FieldError, Id, Problem, ProductDetail, ProductDraft,
    VariantDraft,
};
use chophien::i18n::dates::format_date;
use chophien::i18n::money::format_vnd;

use super::{parse, search};
use crate::args::{CertCommand, ProductCommand, ProductFields, VariantCommand, VariantFields};
use crate::context::{Context, Failure};
use crate::output;

pub(crate) fn run(ctx: &Context<'_>, command: ProductCommand) -> Result<ExitCode, Failure> {
    let catalog = &ctx.catalog;
    match command {
        ProductCommand::Add { fields, variant } => add(ctx, fields, variant),
        ProductCommand::Edit { product, fields } => {
            let id = resolve(ctx, &product)?;
            let mut draft = catalog.product(id).map_err(|e| ctx.fail(&e))?.draft;
            apply(ctx, &mut draft, fields)?;
            let product = catalog
                .update_product(id, &draft)
                .map_err(|e| ctx.fail(&e))?;
            say(
                ctx,
                &product,
                "cli-product-updated",
                &product.draft.name,
                product.id,
            )
        }
        ProductCommand::Show { product } => {
            let detail = catalog
                .product_detail(resolve(ctx, &product)?)
                .map_err(|e| ctx.fail(&e))?;
            if ctx.json {
                output::json(&detail);
            } else {
                show(ctx, &detail);
            }
            Ok(ExitCode::SUCCESS)
        }
        ProductCommand::List {
            filters,
            page,
            per_page,
            sort,
            deleted,
        } => search::list(ctx, &filters, page, per_page, sort.as_deref(), deleted),
        ProductCommand::Delete { product } => {
            let id = resolve(ctx, &product)?;
            let product = catalog.product(id).map_err(|e| ctx.fail(&e))?;
            catalog.delete_product(id).map_err(|e| ctx.fail(&e))?;
            say(
                ctx,
                &product,
                "cli-product-deleted",
                &product.draft.name,
                id,
            )
        }
        ProductCommand::Restore { product } => {
            let id = resolve(ctx, &product)?;
            let product = catalog.restore_product(id).map_err(|e| ctx.fail(&e))?;
            say(
                ctx,
                &product,
                "cli-product-restored",
                &product.draft.name,
                id,
            )
        }
    }
}

fn resolve(ctx: &Context<'_>, reference: &str) -> Result<Id, Failure> {
    ctx.catalog
        .resolve_product(reference)
        .map_err(|e| ctx.fail(&e))
}

/// Prints the record as JSON, or the message naming it.
fn say(
    ctx: &Context<'_>,
    record: &impl serde::Serialize,
    message: &str,
    name: &str,
    id: Id,
) -> Result<ExitCode, Failure> {
    if ctx.json {
        output::json(record);
    } else {
        println!(
            "{}",
            ctx.tr_args(message, args!["name" => name, "id" => id.short()])
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `product add`: the product and, if `--sku`/`--price` are given, its first variant,
/// in one transaction: a refused variant leaves no half-made product behind.
fn add(
    ctx: &Context<'_>,
    fields: ProductFields,
    variant: VariantFields,
) -> Result<ExitCode, Failure> {
    let Some(coop) = fields.coop.as_deref() else {
        let missing =
            CatalogError::Invalid(vec![FieldError::new(Field::Cooperative, Problem::Required)]);
        return Err(ctx.fail(&missing));
    };
    let cooperative_id = ctx
        .catalog
        .resolve_cooperative(coop)
        .map_err(|e| ctx.fail(&e))?;
    let mut draft = ProductDraft::new(cooperative_id, "", "");
    apply(ctx, &mut draft, fields)?;
    let variant = match (&variant.sku, &variant.price) {
        (None, None) => None,
        (sku, price) => Some(VariantDraft {
            sku: sku.clone().unwrap_or_default(),
            name: variant.variant_name.clone(),
            price_vnd: match price {
                Some(text) => parse::price(ctx, text)?,
                None => 0,
            },
            stock: variant.stock.unwrap_or(0),
        }),
    };
    let product = ctx
        .catalog
        .batch(|batch| {
            let product = batch.create_product(Id::new(), &draft)?;
            if let Some(variant) = &variant {
                batch.add_variant(Id::new(), product.id, variant)?;
            }
            Ok(product)
        })
        .map_err(|e| ctx.fail(&e))?;
    say(
        ctx,
        &product,
        "cli-product-created",
        &product.draft.name,
        product.id,
    )
}

fn apply(
    ctx: &Context<'_>,
    draft: &mut ProductDraft,
    fields: ProductFields,
) -> Result<(), Failure> {
    if let Some(coop) = &fields.coop {
        draft.cooperative_id = ctx
            .catalog
            .resolve_cooperative(coop)
            .map_err(|e| ctx.fail(&e))?;
    }
    if let Some(name) = fields.name {
        draft.name = name;
    }
    if let Some(subgroup) = fields.subgroup {
        draft.subgroup = subgroup;
    }
    parse::update(&mut draft.story, fields.story);
    parse::update(&mut draft.ingredients, fields.ingredients);
    parse::update(&mut draft.usage, fields.usage);
    parse::update(&mut draft.storage, fields.storage);
    parse::update(&mut draft.shelf_life, fields.shelf_life);
    parse::update(&mut draft.origin, fields.origin);
    parse::update(&mut draft.barcode, fields.barcode);
    if let Some(text) = fields.quantity {
        draft.net_quantity = parse::quantity(ctx, &text)?;
    }
    if let Some(text) = fields.weight {
        draft.package.weight_g = parse::grams(ctx, &text)?;
    }
    if let Some(text) = fields.size {
        let [length, width, height] = parse::size(ctx, &text)?;
        draft.package.length_mm = length;
        draft.package.width_mm = width;
        draft.package.height_mm = height;
    }
    Ok(())
}

fn show(ctx: &Context<'_>, detail: &ProductDetail) {
    let product = &detail.product;
    let d = &product.draft;
    println!(
        "{}  ({} {})",
        d.name,
        ctx.tr("cli-col-id"),
        product.id.short()
    );
    if product.deleted_at.is_some() {
        println!("{}", ctx.tr("cli-in-trash"));
    }
    let coop = &detail.cooperative.draft;
    let place = coop
        .province
        .as_deref()
        .map(|p| format!(" · {p}"))
        .unwrap_or_default();
    println!(
        "{}: {}{place}",
        ctx.tr("catalog-field-cooperative"),
        coop.name
    );
    let subgroup = chophien::catalog::ocop::subgroup(&d.subgroup);
    if let Some(subgroup) = subgroup {
        println!(
            "{}: {} {} ({})",
            ctx.tr("catalog-field-subgroup"),
            subgroup.code,
            ctx.tr(&subgroup.message_id()),
            ctx.tr(&subgroup.sector.message_id())
        );
    }
    match detail.current_certificate() {
        Some(certificate) => {
            let status = certificate.status(ctx.today);
            println!(
                "{}: {} — {}",
                ctx.tr("cli-label-certificates"),
                ctx.tr_args("ocop-stars", args!["stars" => certificate.stars]),
                output::certificate_status(status, Some(certificate.valid_until), ctx.i18n)
            );
        }
        None => println!(
            "{}: {}",
            ctx.tr("cli-label-certificates"),
            ctx.tr("ocop-certificate-none")
        ),
    }
    let quantity = d.net_quantity.map(|q| {
        let amount = format!("{}", q.amount).replace('.', ",");
        format!("{amount} {}", ctx.tr(&q.unit.message_id()))
    });
    let package = &d.package;
    let size = match (package.length_mm, package.width_mm, package.height_mm) {
        (Some(l), Some(w), Some(h)) => Some(format!("{l}×{w}×{h} mm")),
        _ => None,
    };
    let fields = [
        ("catalog-field-net-quantity", quantity),
        ("catalog-field-origin", d.origin.clone()),
        (
            "catalog-field-package-weight",
            package.weight_g.map(|g| g.to_string()),
        ),
        ("cli-label-package-size", size),
        ("catalog-field-barcode", d.barcode.clone()),
        ("catalog-field-shelf-life", d.shelf_life.clone()),
        ("catalog-field-ingredients", d.ingredients.clone()),
        ("catalog-field-usage", d.usage.clone()),
        ("catalog-field-storage", d.storage.clone()),
        ("catalog-field-story", d.story.clone()),
    ];
    for (label, value) in fields {
        if let Some(value) = value {
            println!("{}: {value}", ctx.tr(label));
        }
    }
    let live: Vec<_> = detail
        .variants
        .iter()
        .filter(|v| v.deleted_at.is_none())
        .collect();
    if !live.is_empty() {
        println!("{}:", ctx.tr("cli-label-variants"));
        let mut table = output::Table::new(vec![
            ctx.tr("cli-col-sku"),
            ctx.tr("cli-col-name"),
            ctx.tr("cli-col-price"),
            ctx.tr("cli-col-stock"),
        ]);
        for variant in live {
            table.row(vec![
                format!("  {}", variant.draft.sku),
                variant.draft.name.clone().unwrap_or_default(),
                format_vnd(variant.draft.price_vnd),
                variant.draft.stock.to_string(),
            ]);
        }
        table.print();
    }
    let certificates: Vec<_> = detail
        .certificates
        .iter()
        .filter(|c| c.deleted_at.is_none())
        .collect();
    if certificates.len() > 1 {
        for certificate in certificates {
            println!(
                "  {}  {}  {} – {}",
                certificate.id.short(),
                ctx.tr_args("ocop-stars", args!["stars" => certificate.stars]),
                format_date(certificate.valid_from),
                format_date(certificate.valid_until)
            );
        }
    }
}

pub(crate) fn variant(ctx: &Context<'_>, command: VariantCommand) -> Result<ExitCode, Failure> {
    let catalog = &ctx.catalog;
    let fail = |e: CatalogError| ctx.fail(&e);
    match command {
        VariantCommand::Add {
            product,
            sku,
            price,
            stock,
            name,
        } => {
            let product_id = resolve(ctx, &product)?;
            let draft = VariantDraft {
                sku,
                name,
                price_vnd: parse::price(ctx, &price)?,
                stock,
            };
            let variant = catalog.add_variant(product_id, &draft).map_err(fail)?;
            let price = format_vnd(variant.draft.price_vnd);
            print_record(
                ctx,
                &variant,
                ctx.tr_args(
                    "cli-variant-added",
                    args!["sku" => &variant.draft.sku, "price" => price],
                ),
            )
        }
        VariantCommand::Edit {
            product,
            sku,
            new_sku,
            price,
            stock,
            name,
        } => {
            let (variant_id, mut draft) = find_variant(ctx, &product, &sku, false)?;
            if let Some(new_sku) = new_sku {
                draft.sku = new_sku;
            }
            if let Some(price) = price {
                draft.price_vnd = parse::price(ctx, &price)?;
            }
            if let Some(stock) = stock {
                draft.stock = stock;
            }
            parse::update(&mut draft.name, name);
            let variant = catalog.update_variant(variant_id, &draft).map_err(fail)?;
            print_record(
                ctx,
                &variant,
                ctx.tr_args("cli-variant-updated", args!["sku" => &variant.draft.sku]),
            )
        }
        VariantCommand::Delete { product, sku } => {
            let (variant_id, draft) = find_variant(ctx, &product, &sku, false)?;
            catalog.delete_variant(variant_id).map_err(fail)?;
            print_record(
                ctx,
                &draft,
                ctx.tr_args("cli-variant-deleted", args!["sku" => &draft.sku]),
            )
        }
        VariantCommand::Restore { product, sku } => {
            let (variant_id, _) = find_variant(ctx, &product, &sku, true)?;
            let variant = catalog.restore_variant(variant_id).map_err(fail)?;
            print_record(
                ctx,
                &variant,
                ctx.tr_args("cli-variant-restored", args!["sku" => &variant.draft.sku]),
            )
        }
    }
}

fn print_record(
    ctx: &Context<'_>,
    record: &impl serde::Serialize,
    message: String,
) -> Result<ExitCode, Failure> {
    if ctx.json {
        output::json(record);
    } else {
        println!("{message}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The product's variant with this SKU code, live or (for restore) in the trash.
fn find_variant(
    ctx: &Context<'_>,
    product: &str,
    sku: &str,
    trashed: bool,
) -> Result<(Id, VariantDraft), Failure> {
    let product_id = resolve(ctx, product)?;
    let detail = ctx
        .catalog
        .product_detail(product_id)
        .map_err(|e| ctx.fail(&e))?;
    detail
        .variants
        .iter()
        .rev()
        .find(|v| v.deleted_at.is_some() == trashed && v.draft.sku.eq_ignore_ascii_case(sku.trim()))
        .map(|v| (v.id, v.draft.clone()))
        .ok_or_else(|| {
            ctx.fail_with(
                "cli.variant-not-found",
                "cli-variant-not-found",
                args!["product" => &detail.product.draft.name, "sku" => sku],
            )
        })
}

pub(crate) fn certificate(ctx: &Context<'_>, command: CertCommand) -> Result<ExitCode, Failure> {
    let catalog = &ctx.catalog;
    match command {
        CertCommand::Add {
            product,
            stars,
            from,
            until,
            certificate_no,
            decision_no,
            decision_date,
            authority,
        } => {
            let product_id = resolve(ctx, &product)?;
            let draft = CertificateDraft {
                stars,
                certificate_no,
                decision_no,
                decision_date: decision_date.map(|d| parse::date(ctx, &d)).transpose()?,
                issuing_authority: authority,
                valid_from: parse::date(ctx, &from)?,
                valid_until: until.map(|d| parse::date(ctx, &d)).transpose()?,
            };
            let certificate = catalog
                .add_certificate(product_id, &draft)
                .map_err(|e| ctx.fail(&e))?;
            let message = ctx.tr_args(
                "cli-certificate-added",
                args![
                    "stars" => certificate.stars,
                    "until" => format_date(certificate.valid_until),
                    "id" => certificate.id.short(),
                ],
            );
            print_record(ctx, &certificate, message)
        }
        CertCommand::Delete { certificate } => {
            let id = catalog
                .resolve_certificate(&certificate)
                .map_err(|e| ctx.fail(&e))?;
            catalog.delete_certificate(id).map_err(|e| ctx.fail(&e))?;
            print_record(
                ctx,
                &serde_json::json!({ "deleted": id }),
                ctx.tr("cli-certificate-deleted"),
            )
        }
        CertCommand::Restore { certificate } => {
            let id = catalog
                .resolve_certificate(&certificate)
                .map_err(|e| ctx.fail(&e))?;
            let restored = catalog.restore_certificate(id).map_err(|e| ctx.fail(&e))?;
            print_record(ctx, &restored, ctx.tr("cli-certificate-restored"))
        }
    }
}
