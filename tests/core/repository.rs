//! Create, update, get, list, trash and restore for every record kind.

use chophien::catalog::ocop::{ProducerType, Sector, Unit};
use chophien::catalog::search::ProductQuery;
use chophien::catalog::{
    CatalogError, CooperativeDraft, NetQuantity, Package, ProductDraft, RecordKind,
};
use time::macros::date;
use unicode_normalization::UnicodeNormalization;

use crate::support::{TODAY, TempCatalog, certificate, variant};

#[test]
fn cooperative_lifecycle() {
    let temp = TempCatalog::new();
    let mut draft =
        CooperativeDraft::named("  Hợp tác xã  Chè Tân Cương ", ProducerType::Cooperative);
    draft.province = Some("Thái Nguyên".to_owned());
    draft.phone = Some("0208 3855 123".to_owned());
    let coop = temp.catalog.create_cooperative(&draft).unwrap();
    assert_eq!(
        coop.draft.name, "Hợp tác xã Chè Tân Cương",
        "names are trimmed and spaces collapsed"
    );
    assert_eq!(temp.catalog.cooperative(coop.id).unwrap(), coop);

    let mut edit = coop.draft.clone();
    edit.producer_type = ProducerType::CooperativeGroup;
    edit.phone = None;
    let edited = temp.catalog.update_cooperative(coop.id, &edit).unwrap();
    assert_eq!(edited.draft.producer_type, ProducerType::CooperativeGroup);
    assert_eq!(edited.draft.phone, None);
    assert!(edited.updated_at >= coop.updated_at);
    assert_eq!(edited.created_at, coop.created_at);

    assert_eq!(temp.catalog.list_cooperatives(false).unwrap().len(), 1);
    temp.catalog.delete_cooperative(coop.id).unwrap();
    assert!(temp.catalog.list_cooperatives(false).unwrap().is_empty());
    assert_eq!(temp.catalog.list_cooperatives(true).unwrap().len(), 1);
    temp.catalog.restore_cooperative(coop.id).unwrap();
    assert_eq!(temp.catalog.list_cooperatives(false).unwrap().len(), 1);
}

#[test]
fn deleting_a_cooperative_trashes_its_products_and_restore_brings_back_exactly_those() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX A");
    let kept_in_trash = temp.product(&coop, "Mật ong cũ");
    temp.catalog.delete_product(kept_in_trash.id).unwrap();
    let honey = temp.product(&coop, "Mật ong hoa nhãn");
    temp.catalog.delete_cooperative(coop.id).unwrap();
    assert!(temp.catalog.product(honey.id).unwrap().deleted_at.is_some());
    assert_eq!(
        temp.catalog
            .find_products(&ProductQuery::text("mat ong"), TODAY)
            .unwrap()
            .total,
        0
    );

    temp.catalog.restore_cooperative(coop.id).unwrap();
    assert!(temp.catalog.product(honey.id).unwrap().deleted_at.is_none());
    assert!(
        temp.catalog
            .product(kept_in_trash.id)
            .unwrap()
            .deleted_at
            .is_some(),
        "a product trashed before its cooperative stays in the trash"
    );
    assert_eq!(
        temp.catalog
            .find_products(&ProductQuery::text("mat ong"), TODAY)
            .unwrap()
            .total,
        1
    );
}

#[test]
fn product_lifecycle_with_every_field() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX Mật ong Hưng Yên");
    let draft = ProductDraft {
        cooperative_id: coop.id,
        name: "Mật ong hoa nhãn".to_owned(),
        subgroup: "I.2.b".to_owned(),
        story: Some("Ong nuôi dưới tán nhãn lồng.\n\nMùa hoa tháng ba.".to_owned()),
        ingredients: Some("100% mật ong hoa nhãn".to_owned()),
        usage: Some("Pha với nước ấm".to_owned()),
        storage: Some("Nơi khô ráo, tránh nắng".to_owned()),
        shelf_life: Some("24 tháng".to_owned()),
        net_quantity: Some(NetQuantity {
            amount: 500.0,
            unit: Unit::Millilitre,
        }),
        origin: Some("Sản xuất tại Việt Nam".to_owned()),
        package: Package {
            weight_g: Some(720),
            length_mm: Some(80),
            width_mm: Some(80),
            height_mm: Some(160),
        },
        barcode: Some("8934563138165".to_owned()),
    };
    let product = temp.catalog.create_product(&draft).unwrap();
    assert_eq!(product.draft, draft);
    assert_eq!(product.sector, Sector::Food);

    let mut edit = draft.clone();
    edit.subgroup = "II.2.b".to_owned();
    edit.story = None;
    let edited = temp.catalog.update_product(product.id, &edit).unwrap();
    assert_eq!(
        edited.sector,
        Sector::Beverage,
        "the sector follows the subgroup"
    );
    assert_eq!(edited.draft.story, None);

    let green = temp
        .catalog
        .add_variant(product.id, &variant("MO-500", 185_000))
        .unwrap();
    let big = temp
        .catalog
        .add_variant(product.id, &variant("MO-1000", 350_000))
        .unwrap();
    let cert = temp
        .catalog
        .add_certificate(product.id, &certificate(4, date!(2025 - 03 - 01)))
        .unwrap();
    let detail = temp.catalog.product_detail(product.id).unwrap();
    assert_eq!(
        detail.variants.iter().map(|v| v.id).collect::<Vec<_>>(),
        vec![green.id, big.id]
    );
    assert_eq!(detail.current_certificate().map(|c| c.id), Some(cert.id));
    assert_eq!(detail.cooperative.id, coop.id);

    let mut price_change = big.draft.clone();
    price_change.price_vnd = 340_000;
    assert_eq!(
        temp.catalog
            .update_variant(big.id, &price_change)
            .unwrap()
            .draft
            .price_vnd,
        340_000
    );
    temp.catalog.delete_variant(green.id).unwrap();
    let row = &temp
        .catalog
        .find_products(&ProductQuery::default(), TODAY)
        .unwrap()
        .items[0];
    assert_eq!(
        (row.price_min, row.variant_count),
        (Some(340_000), 1),
        "trashed variants do not count"
    );
    temp.catalog.restore_variant(green.id).unwrap();

    temp.catalog.delete_certificate(cert.id).unwrap();
    assert!(
        temp.catalog
            .product_detail(product.id)
            .unwrap()
            .current_certificate()
            .is_none()
    );
    temp.catalog.restore_certificate(cert.id).unwrap();

    temp.catalog.delete_product(product.id).unwrap();
    assert_eq!(
        temp.catalog
            .find_products(&ProductQuery::default(), TODAY)
            .unwrap()
            .total,
        0
    );
    let trash = ProductQuery {
        deleted: true,
        ..ProductQuery::default()
    };
    assert_eq!(temp.catalog.find_products(&trash, TODAY).unwrap().total, 1);
    temp.catalog.restore_product(product.id).unwrap();
    assert_eq!(
        temp.catalog
            .find_products(&ProductQuery::default(), TODAY)
            .unwrap()
            .total,
        1
    );
}

#[test]
fn restoring_a_variant_whose_sku_was_reused_is_refused() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX A");
    let product = temp.product(&coop, "Mật ong");
    let old = temp
        .catalog
        .add_variant(product.id, &variant("MO-1", 100_000))
        .unwrap();
    temp.catalog.delete_variant(old.id).unwrap();
    temp.catalog
        .add_variant(product.id, &variant("MO-1", 120_000))
        .unwrap();
    assert!(matches!(
        temp.catalog.restore_variant(old.id),
        Err(CatalogError::Invalid(_))
    ));
}

#[test]
fn emoji_are_kept_and_invisible_characters_dropped() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX Ong");
    let product = temp.product(&coop, "Mật ong rừng 🍯🐝\u{200B} hũ 500ml");
    assert_eq!(product.draft.name, "Mật ong rừng 🍯🐝 hũ 500ml");
}

#[test]
fn text_is_stored_as_nfc() {
    let temp = TempCatalog::new();
    let nfd_name: String = "Bưởi Phúc Trạch".nfd().collect();
    let coop = temp.coop("HTX Bưởi");
    let product = temp.product(&coop, &nfd_name);
    assert_eq!(product.draft.name, "Bưởi Phúc Trạch");
    assert!(unicode_normalization::is_nfc(&product.draft.name));
}

#[test]
fn listing_pages_and_sorts() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX A");
    for (index, name) in ["Chè xanh", "Bưởi", "Ấm gốm", "Đũa tre", "Mật ong"]
        .iter()
        .enumerate()
    {
        let product = temp.product(&coop, name);
        temp.catalog
            .add_variant(
                product.id,
                &variant(&format!("SP-{index}"), 10_000 * (index as i64 + 1)),
            )
            .unwrap();
    }
    let names = |query: ProductQuery| -> Vec<String> {
        temp.catalog
            .find_products(&query, TODAY)
            .unwrap()
            .items
            .into_iter()
            .map(|p| p.name)
            .collect()
    };
    use chophien::catalog::search::Sort;
    assert_eq!(
        names(ProductQuery {
            sort: Sort::Name,
            ..ProductQuery::default()
        }),
        ["Ấm gốm", "Bưởi", "Chè xanh", "Đũa tre", "Mật ong"],
        "Vietnamese names sort by their letters, not by code points of accented forms"
    );
    assert_eq!(
        names(ProductQuery {
            sort: Sort::PriceHighest,
            limit: 2,
            ..ProductQuery::default()
        }),
        ["Mật ong", "Đũa tre"]
    );
    assert_eq!(
        names(ProductQuery {
            sort: Sort::UpdatedNewest,
            limit: 1,
            ..ProductQuery::default()
        }),
        ["Mật ong"]
    );
    let page2 = temp
        .catalog
        .find_products(
            &ProductQuery {
                sort: Sort::PriceLowest,
                offset: 2,
                limit: 2,
                ..ProductQuery::default()
            },
            TODAY,
        )
        .unwrap();
    assert_eq!(page2.total, 5);
    assert_eq!(
        page2
            .items
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["Ấm gốm", "Đũa tre"]
    );
}

#[test]
fn missing_records_are_reported_by_kind() {
    let temp = TempCatalog::new();
    let id = chophien::catalog::Id::new();
    assert!(matches!(
        temp.catalog.product(id),
        Err(CatalogError::NotFound {
            kind: RecordKind::Product,
            ..
        })
    ));
    assert!(matches!(
        temp.catalog.delete_product(id),
        Err(CatalogError::NotFound { .. })
    ));
    assert!(matches!(
        temp.catalog.cooperative(id),
        Err(CatalogError::NotFound {
            kind: RecordKind::Cooperative,
            ..
        })
    ));
}

#[test]
fn references_resolve_by_id_suffix_or_name() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX Chè Tân Cương");
    let product = temp.product(&coop, "Chè Tân Cương đặc biệt");
    assert_eq!(
        temp.catalog.resolve_product(&product.id.short()).unwrap(),
        product.id
    );
    assert_eq!(
        temp.catalog
            .resolve_product(&product.id.to_string())
            .unwrap(),
        product.id
    );
    assert_eq!(
        temp.catalog
            .resolve_product("che tan cuong dac biet")
            .unwrap(),
        product.id
    );
    assert_eq!(
        temp.catalog
            .resolve_cooperative("HTX CHÈ TÂN CƯƠNG")
            .unwrap(),
        coop.id
    );
    assert!(matches!(
        temp.catalog.resolve_product("không có"),
        Err(CatalogError::NotFound { .. })
    ));
}
