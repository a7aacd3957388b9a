//! The conflict list: records both catalogs changed since their last exchange, shown
//! side by side until the user keeps theirs or takes the incoming version.

use std::collections::HashSet;

use super::{Conflict, ExchangeError, Kind, Resolution};
use crate::catalog::exchange as records;
use crate::catalog::{Catalog, Id};

/// The open conflicts, oldest first.
pub fn conflicts(catalog: &Catalog) -> Result<Vec<Conflict>, ExchangeError> {
    catalog.read_as(|tx| Ok(records::open_conflicts(tx)?))
}

/// Closes the conflict `id`, keeping the chosen side.
pub fn resolve(catalog: &Catalog, id: Id, resolution: Resolution) -> Result<(), ExchangeError> {
    catalog.write_as(|tx| {
        let record = records::resolve_conflict(tx, id, resolution)
            .map_err(|e| ExchangeError::BadRecord {
                path: catalog.path().to_path_buf(),
                kind: String::new(),
                id: id.to_string(),
                detail: e.to_string(),
            })?
            .ok_or(ExchangeError::ConflictNotFound)?;
        let mut products = HashSet::new();
        let mut cooperatives = HashSet::new();
        if record.kind == Kind::Cooperative {
            cooperatives.extend(record.key().map(str::to_owned));
        } else {
            products.extend(record.product_id().map(str::to_owned));
        }
        records::refresh_products(tx, &products, &cooperatives)?;
        Ok(())
    })
}
