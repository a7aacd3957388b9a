//! The bundled demo catalog: big and varied enough to teach with, and loaded once.

use std::collections::HashSet;

use chophien::catalog::ocop::Sector;
use chophien::catalog::search::{CertificateFilter, Filters, ProductQuery};

use crate::support::{TODAY, TempCatalog};

#[test]
fn the_demo_covers_many_provinces_and_every_sector() {
    let temp = TempCatalog::with_demo();
    let everything = ProductQuery {
        limit: 1000,
        ..ProductQuery::default()
    };
    let products = temp.catalog.find_products(&everything, TODAY).unwrap();
    assert!(
        products.total >= 40,
        "only {} demo products",
        products.total
    );
    let provinces: HashSet<_> = products
        .items
        .iter()
        .filter_map(|p| p.province.clone())
        .collect();
    assert!(provinces.len() >= 8, "only {} provinces", provinces.len());
    let sectors: HashSet<Sector> = products.items.iter().map(|p| p.sector).collect();
    assert_eq!(sectors.len(), 6, "sectors: {sectors:?}");
    assert!(
        products
            .items
            .iter()
            .all(|p| p.variant_count > 0 && p.price_min.is_some()),
        "every product has a price"
    );

    let count = |state| {
        let query = ProductQuery {
            filters: Filters {
                certificate: Some(state),
                ..Filters::default()
            },
            ..ProductQuery::default()
        };
        temp.catalog.find_products(&query, TODAY).unwrap().total
    };
    assert!(
        count(CertificateFilter::Expired) >= 3,
        "some certificates have expired"
    );
    assert!(
        count(CertificateFilter::Expiring) >= 3,
        "some certificates expire soon"
    );
    assert!(
        count(CertificateFilter::Missing) >= 1,
        "some products have none yet"
    );
}

#[test]
fn loading_the_demo_twice_adds_nothing() {
    let temp = TempCatalog::with_demo();
    let before = temp
        .catalog
        .find_products(&ProductQuery::default(), TODAY)
        .unwrap()
        .total;
    let again = chophien::demo::load(&temp.catalog, TODAY).unwrap();
    assert_eq!((again.cooperatives, again.products), (0, 0));
    assert_eq!(
        temp.catalog
            .find_products(&ProductQuery::default(), TODAY)
            .unwrap()
            .total,
        before
    );
}

#[test]
fn the_demo_does_not_bring_back_what_the_user_deleted() {
    let temp = TempCatalog::with_demo();
    let first = temp
        .catalog
        .find_products(&ProductQuery::default(), TODAY)
        .unwrap()
        .items[0]
        .id;
    temp.catalog.delete_product(first).unwrap();
    chophien::demo::load(&temp.catalog, TODAY).unwrap();
    assert!(temp.catalog.product(first).unwrap().deleted_at.is_some());
}
