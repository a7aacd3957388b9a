//! The demo catalog bundled in `assets/demo/catalog.json`: real-looking OCOP products
//! from many provinces, for trainers, first launches and tests.
//!
//! Records get stable ids derived from their keys, so loading the demo twice adds
//! nothing the second time, and a product the user deleted is not brought back.
//! Certificate dates are stored as "days before the day of loading", so the demo always
//! shows some valid, some expiring and some expired certificates, whenever it is loaded.

pub mod synthetic;

use serde::Deserialize;
use time::{Date, Duration};

use crate::catalog::ocop::{ProducerType, Unit};
use crate::catalog::{
    Batch, Catalog, CatalogError, CertificateDraft, CooperativeDraft, Id, NetQuantity, Package,
    ProductDraft, RecordKind, Result, VariantDraft,
};
use crate::i18n::{I18n, Localize};

const DEMO_JSON: &str = include_str!("../../assets/demo/catalog.json");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DemoCatalog {
    pub(crate) cooperatives: Vec<DemoCooperative>,
    pub(crate) products: Vec<DemoProduct>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DemoCooperative {
    key: String,
    name: String,
    producer_type: ProducerType,
    registration_no: Option<String>,
    address: Option<String>,
    pub(crate) province: String,
    commune: Option<String>,
    phone: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DemoProduct {
    key: String,
    cooperative: String,
    pub(crate) name: String,
    pub(crate) subgroup: String,
    story: Option<String>,
    ingredients: Option<String>,
    usage: Option<String>,
    storage: Option<String>,
    shelf_life: Option<String>,
    net_quantity: Option<DemoQuantity>,
    origin: Option<String>,
    package: Option<Package>,
    barcode: Option<String>,
    pub(crate) certificate: Option<DemoCertificate>,
    variants: Vec<VariantDraft>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoQuantity {
    amount: f64,
    unit: Unit,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DemoCertificate {
    stars: i64,
    certificate_no: Option<String>,
    decision_no: Option<String>,
    issuing_authority: Option<String>,
    /// How many days before the day of loading the certificate took effect.
    pub(crate) issued_days_ago: i64,
}

/// What a demo load added; everything else was already there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DemoReport {
    pub cooperatives: usize,
    pub products: usize,
}

pub(crate) fn demo_catalog() -> std::result::Result<DemoCatalog, serde_json::Error> {
    serde_json::from_str(DEMO_JSON)
}

/// Why the demo could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The bundled file does not parse: a build mistake (tests guard against it),
    /// reported rather than panicking.
    #[error("the bundled demo catalog is broken: {0}")]
    Broken(String),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
}

impl Localize for DemoError {
    fn code(&self) -> &'static str {
        match self {
            DemoError::Broken(_) => "demo.broken",
            DemoError::Catalog(error) => error.code(),
        }
    }

    fn localize(&self, i18n: &I18n) -> String {
        match self {
            DemoError::Broken(detail) => {
                i18n.tr_args("errors-demo-broken", crate::args!["detail" => detail])
            }
            DemoError::Catalog(error) => error.localize(i18n),
        }
    }
}

/// Loads the demo catalog, adding only what is not there yet, in one transaction.
pub fn load(catalog: &Catalog, today: Date) -> std::result::Result<DemoReport, DemoError> {
    let demo = demo_catalog().map_err(|e| DemoError::Broken(e.to_string()))?;
    let report = catalog.batch(|batch| {
        let mut report = DemoReport::default();
        for coop in &demo.cooperatives {
            let id = Id::stable(&format!("demo/cooperative/{}", coop.key));
            if !batch.contains(RecordKind::Cooperative, id)? {
                batch.create_cooperative(id, &coop.draft())?;
                report.cooperatives += 1;
            }
        }
        for product in &demo.products {
            if add_product(batch, product, today)? {
                report.products += 1;
            }
        }
        Ok(report)
    })?;
    Ok(report)
}

/// The id of the demo product with this key, whenever and wherever the demo is loaded.
pub fn product_id(key: &str) -> Id {
    Id::stable(&format!("demo/product/{key}"))
}

fn add_product(batch: &mut Batch<'_>, product: &DemoProduct, today: Date) -> Result<bool> {
    let id = product_id(&product.key);
    if batch.contains(RecordKind::Product, id)? {
        return Ok(false);
    }
    let cooperative_id = Id::stable(&format!("demo/cooperative/{}", product.cooperative));
    let draft = ProductDraft {
        cooperative_id,
        name: product.name.clone(),
        subgroup: product.subgroup.clone(),
        story: product.story.clone(),
        ingredients: product.ingredients.clone(),
        usage: product.usage.clone(),
        storage: product.storage.clone(),
        shelf_life: product.shelf_life.clone(),
        net_quantity: product.net_quantity.as_ref().map(|q| NetQuantity {
            amount: q.amount,
            unit: q.unit,
        }),
        origin: product.origin.clone(),
        package: product.package.unwrap_or_default(),
        barcode: product.barcode.clone(),
    };
    batch.create_product(id, &draft)?;
    for (index, variant) in product.variants.iter().enumerate() {
        let variant_id = Id::stable(&format!("demo/variant/{}/{index}", product.key));
        batch.add_variant(variant_id, id, variant)?;
    }
    if let Some(certificate) = &product.certificate {
        let certificate_id = Id::stable(&format!("demo/certificate/{}", product.key));
        batch.add_certificate(certificate_id, id, &certificate.draft(today))?;
    }
    Ok(true)
}

impl DemoCooperative {
    fn draft(&self) -> CooperativeDraft {
        CooperativeDraft {
            name: self.name.clone(),
            producer_type: self.producer_type,
            registration_no: self.registration_no.clone(),
            address: self.address.clone(),
            province: Some(self.province.clone()),
            commune: self.commune.clone(),
            phone: self.phone.clone(),
        }
    }
}

impl DemoCertificate {
    fn draft(&self, today: Date) -> CertificateDraft {
        let issued = today - Duration::days(self.issued_days_ago);
        CertificateDraft {
            stars: self.stars,
            certificate_no: self.certificate_no.clone(),
            decision_no: self.decision_no.clone(),
            decision_date: Some(issued),
            issuing_authority: self.issuing_authority.clone(),
            valid_from: issued,
            valid_until: None,
        }
    }
}
