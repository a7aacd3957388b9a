//! Every validation error the catalog can return, each tied to its field.

use chophien::catalog::ocop::ProducerType;
use chophien::catalog::{CatalogError, CooperativeDraft, Field, Problem, ProductDraft};
use time::macros::date;

use crate::support::{TempCatalog, certificate, variant};

fn problems(error: CatalogError) -> Vec<(Field, Problem)> {
    match error {
        CatalogError::Invalid(errors) => errors.into_iter().map(|e| (e.field, e.problem)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn empty_names_are_refused() {
    let temp = TempCatalog::new();
    let error = temp
        .catalog
        .create_cooperative(&CooperativeDraft::named("   ", ProducerType::Cooperative))
        .unwrap_err();
    assert_eq!(problems(error), vec![(Field::Name, Problem::Required)]);
    let coop = temp.coop("HTX A");
    let error = temp
        .catalog
        .create_product(&ProductDraft::new(coop.id, "\u{200B} ", "I.2.b"))
        .unwrap_err();
    assert_eq!(problems(error), vec![(Field::Name, Problem::Required)]);
}

#[test]
fn stars_must_be_three_to_five() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX A");
    let product = temp.product(&coop, "Mật ong");
    for stars in [0, 1, 2, 6, -4] {
        let error = temp
            .catalog
            .add_certificate(product.id, &certificate(stars, date!(2025 - 01 - 01)))
            .unwrap_err();
        assert_eq!(
            problems(error),
            vec![(Field::Stars, Problem::StarsOutOfRange { stars })]
        );
    }
    for stars in 3..=5 {
        temp.catalog
            .add_certificate(product.id, &certificate(stars, date!(2025 - 01 - 01)))
            .unwrap();
    }
}

#[test]
fn certificate_cannot_end_before_it_starts() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX A");
    let product = temp.product(&coop, "Mật ong");
    let mut draft = certificate(4, date!(2025 - 06 - 01));
    draft.valid_until = Some(date!(2025 - 05 - 31));
    let error = temp
        .catalog
        .add_certificate(product.id, &draft)
        .unwrap_err();
    assert_eq!(
        problems(error),
        vec![(Field::ValidUntil, Problem::ValidUntilBeforeValidFrom)]
    );
}

#[test]
fn certificate_defaults_to_36_months() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX A");
    let product = temp.product(&coop, "Mật ong");
    let saved = temp
        .catalog
        .add_certificate(product.id, &certificate(4, date!(2024 - 02 - 29)))
        .unwrap();
    assert_eq!(saved.valid_until, date!(2027 - 02 - 28));
}

#[test]
fn prices_must_be_positive_and_plausible() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX A");
    let product = temp.product(&coop, "Mật ong");
    for (price, problem) in [
        (0, Problem::PriceNotPositive),
        (-125_000, Problem::PriceNotPositive),
        (5_000_000_000, Problem::PriceTooHigh { max: 1_000_000_000 }),
    ] {
        let error = temp
            .catalog
            .add_variant(product.id, &variant("MO-1", price))
            .unwrap_err();
        assert_eq!(
            problems(error),
            vec![(Field::Price, problem)],
            "price {price}"
        );
    }
    let mut negative_stock = variant("MO-1", 125_000);
    negative_stock.stock = -1;
    let error = temp
        .catalog
        .add_variant(product.id, &negative_stock)
        .unwrap_err();
    assert!(matches!(
        problems(error).as_slice(),
        [(Field::Stock, Problem::OutOfRange { .. })]
    ));
}

#[test]
fn sku_codes_are_unique_within_a_cooperative_only() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX A");
    let other_coop = temp.coop("HTX B");
    let honey = temp.product(&coop, "Mật ong hoa nhãn");
    let tea = temp.product(&coop, "Chè Tân Cương");
    temp.catalog
        .add_variant(honey.id, &variant("MO-500", 185_000))
        .unwrap();
    // Same code, other case, same cooperative: refused, naming the product that has it.
    let error = temp
        .catalog
        .add_variant(tea.id, &variant("mo-500", 90_000))
        .unwrap_err();
    assert_eq!(
        problems(error),
        vec![(
            Field::Sku,
            Problem::DuplicateSku {
                sku: "MO-500".to_owned(),
                product_name: "Mật ong hoa nhãn".to_owned()
            }
        )]
    );
    // Another cooperative may use the same code.
    let other = temp.product(&other_coop, "Mật ong rừng");
    temp.catalog
        .add_variant(other.id, &variant("MO-500", 200_000))
        .unwrap();
    // Moving the product into the first cooperative would clash: refused, nothing moves.
    let mut draft = other.draft.clone();
    draft.cooperative_id = coop.id;
    let error = temp.catalog.update_product(other.id, &draft).unwrap_err();
    assert!(matches!(
        problems(error).as_slice(),
        [(Field::Sku, Problem::DuplicateSku { .. })]
    ));
    assert_eq!(
        temp.catalog.product(other.id).unwrap().draft.cooperative_id,
        other_coop.id
    );
}

#[test]
fn unknown_subgroups_are_refused() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX A");
    let error = temp
        .catalog
        .create_product(&ProductDraft::new(coop.id, "Mật ong", "I.9.z"))
        .unwrap_err();
    assert_eq!(
        problems(error),
        vec![(
            Field::Subgroup,
            Problem::UnknownSubgroup {
                code: "I.9.z".to_owned()
            }
        )]
    );
    // Case and spaces are forgiven and stored in the official form.
    let product = temp
        .catalog
        .create_product(&ProductDraft::new(coop.id, "Mật ong", " i.2.B "))
        .unwrap();
    assert_eq!(product.draft.subgroup, "I.2.b");
}

#[test]
fn all_problems_of_a_draft_come_back_together() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX A");
    let mut draft = ProductDraft::new(coop.id, "", "X");
    draft.barcode = Some("12345".to_owned());
    draft.package.weight_g = Some(0);
    draft.story = Some("a".repeat(100_000));
    let fields: Vec<Field> = problems(temp.catalog.create_product(&draft).unwrap_err())
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    for expected in [
        Field::Name,
        Field::Subgroup,
        Field::Barcode,
        Field::PackageWeight,
        Field::Story,
    ] {
        assert!(
            fields.contains(&expected),
            "{expected:?} missing from {fields:?}"
        );
    }
}

#[test]
fn cooperative_fields_are_checked() {
    let temp = TempCatalog::new();
    let mut draft = CooperativeDraft::named("HTX A", ProducerType::Cooperative);
    draft.phone = Some("gọi chị Lan".to_owned());
    let error = temp.catalog.create_cooperative(&draft).unwrap_err();
    assert_eq!(problems(error), vec![(Field::Phone, Problem::InvalidPhone)]);
}

#[test]
fn products_need_a_live_cooperative() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX A");
    temp.catalog.delete_cooperative(coop.id).unwrap();
    let error = temp
        .catalog
        .create_product(&ProductDraft::new(coop.id, "Mật ong", "I.2.b"))
        .unwrap_err();
    assert_eq!(
        problems(error),
        vec![(Field::Cooperative, Problem::UnknownCooperative)]
    );
}
