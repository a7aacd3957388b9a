//! The outbox: every edit of a published product leaves a step in the same transaction,
//! later edits coalesce into the waiting step, and a step in flight is followed by a new
//! one rather than changed under it.

use chophien::catalog::ids::Timestamp;
use chophien::catalog::shops::{NewShop, ShopIdentity};
use chophien::catalog::sync::{OutboxOp, PublicationState};
use chophien::market::Endpoints;
use chophien::platform::Platform;

use crate::support::{TempCatalog, variant};

fn shop(temp: &TempCatalog) -> chophien::catalog::shops::Shop {
    temp.catalog
        .create_shop(&NewShop {
            platform: Platform::Shopee,
            name: "Shopee HTX".into(),
            practice: false,
            endpoints: Endpoints::real(Platform::Shopee).unwrap(),
            identity: ShopIdentity {
                partner_id: Some(1),
                shop_id: Some(2),
                ..ShopIdentity::default()
            },
        })
        .unwrap()
}

#[test]
fn edits_before_the_creation_leaves_need_no_update_and_later_ones_coalesce() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX Ong mật");
    let product = temp.product(&coop, "Mật ong hoa nhãn");
    let variant = temp
        .catalog
        .add_variant(product.id, &variant("MO-1", 185_000))
        .unwrap();
    let shop = shop(&temp);
    let publication = temp.catalog.queue_publication(shop.id, product.id).unwrap();
    assert_eq!(publication.state, PublicationState::Queued);
    // Queuing twice changes nothing.
    assert_eq!(
        temp.catalog
            .queue_publication(shop.id, product.id)
            .unwrap()
            .id,
        publication.id
    );

    let mut draft = variant.draft.clone();
    draft.price_vnd = 175_000;
    temp.catalog.update_variant(variant.id, &draft).unwrap();
    let due = temp
        .catalog
        .due_outbox(shop.id, Timestamp::now(), &[], 10)
        .unwrap();
    assert_eq!(
        due.len(),
        1,
        "the waiting creation will send the latest content"
    );
    assert_eq!(due[0].op, OutboxOp::Create);

    // The creation goes out and succeeds.
    let create = due[0].clone();
    temp.catalog.begin_outbox_attempt(create.seq).unwrap();
    temp.catalog
        .record_remote_id(publication.id, "9001")
        .unwrap();
    temp.catalog
        .complete_outbox(&create, None, PublicationState::Live, None)
        .unwrap();

    // Three edits: one waiting update, at the latest revision.
    for price in [170_000, 165_000, 160_000] {
        draft.price_vnd = price;
        temp.catalog.update_variant(variant.id, &draft).unwrap();
    }
    let due = temp
        .catalog
        .due_outbox(shop.id, Timestamp::now(), &[], 10)
        .unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].op, OutboxOp::Update);
    let revision = temp.catalog.publication(publication.id).unwrap().revision;
    assert_eq!(due[0].revision, revision);

    // While that update is in flight, another edit waits behind it.
    temp.catalog.begin_outbox_attempt(due[0].seq).unwrap();
    draft.stock = 3;
    temp.catalog.update_variant(variant.id, &draft).unwrap();
    let waiting = temp
        .catalog
        .due_outbox(shop.id, Timestamp::now(), &[], 10)
        .unwrap();
    assert_eq!(waiting.len(), 1, "steps of one product go in order");
    assert_eq!(
        waiting[0].seq, due[0].seq,
        "the one in flight first (in doubt)"
    );
    assert!(waiting[0].in_doubt);
    temp.catalog
        .complete_outbox(&waiting[0], None, PublicationState::Live, None)
        .unwrap();
    let next = temp
        .catalog
        .due_outbox(shop.id, Timestamp::now(), &[], 10)
        .unwrap();
    assert_eq!(next.len(), 1);
    assert!(next[0].seq > due[0].seq && next[0].revision > due[0].revision);
}

#[test]
fn deleting_a_published_product_asks_to_take_it_down() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX Chè");
    let product = temp.product(&coop, "Chè Shan tuyết");
    temp.catalog
        .add_variant(product.id, &variant("CHE-1", 90_000))
        .unwrap();
    let shop = shop(&temp);
    let publication = temp.catalog.queue_publication(shop.id, product.id).unwrap();
    let create = temp
        .catalog
        .due_outbox(shop.id, Timestamp::now(), &[], 10)
        .unwrap()
        .remove(0);
    temp.catalog.record_remote_id(publication.id, "77").unwrap();
    temp.catalog
        .complete_outbox(&create, None, PublicationState::Live, None)
        .unwrap();
    temp.catalog.delete_product(product.id).unwrap();
    let due = temp
        .catalog
        .due_outbox(shop.id, Timestamp::now(), &[], 10)
        .unwrap();
    assert_eq!(
        due.iter().map(|r| r.op).collect::<Vec<_>>(),
        vec![OutboxOp::Unpublish]
    );
}

#[test]
fn a_product_queued_again_after_its_creation_failed_is_due_again() {
    let temp = TempCatalog::new();
    let coop = temp.coop("HTX Ong mật");
    let product = temp.product(&coop, "Mật ong hoa nhãn");
    temp.catalog
        .add_variant(product.id, &variant("MO-1", 185_000))
        .unwrap();
    let shop = shop(&temp);
    let publication = temp.catalog.queue_publication(shop.id, product.id).unwrap();
    let due = temp
        .catalog
        .due_outbox(shop.id, Timestamp::now(), &[], 10)
        .unwrap();
    temp.catalog
        .fail_outbox(&due[0], &serde_json::json!({"code": "sync.no-photo"}))
        .unwrap();
    assert_eq!(
        temp.catalog.publication(publication.id).unwrap().state,
        PublicationState::Failed
    );
    assert!(
        temp.catalog
            .due_outbox(shop.id, Timestamp::now(), &[], 10)
            .unwrap()
            .is_empty()
    );

    // "Đăng lên cửa hàng" again: the new creation is not held back by the failed one.
    temp.catalog.queue_publication(shop.id, product.id).unwrap();
    let due = temp
        .catalog
        .due_outbox(shop.id, Timestamp::now(), &[], 10)
        .unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].op, OutboxOp::Create);
}
