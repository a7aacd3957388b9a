//! Many edits in one transaction: the demo loader and spreadsheet imports. Either the
//! whole batch commits or none of it does; [`Batch::row`] lets one row of a batch fail
//! on its own without undoing the others.

use rusqlite::{OptionalExtension, Transaction};

use super::error::{RecordKind, Result};
use super::ids::Id;
use super::model::{
    Certificate, CertificateDraft, Cooperative, CooperativeDraft, Product, ProductDraft, Variant,
    VariantDraft,
};
use super::{Catalog, certificates, cooperatives, products, variants};

/// Edits inside one open transaction.
pub struct Batch<'a> {
    tx: &'a Transaction<'a>,
}

impl Catalog {
    /// Runs `f` in one write transaction: committed if it returns `Ok`, rolled back
    /// otherwise (nothing of it is saved).
    pub fn batch<T>(&self, f: impl FnOnce(&mut Batch<'_>) -> Result<T>) -> Result<T> {
        self.write(|tx| f(&mut Batch { tx }))
    }

    /// Runs `f` in a transaction that is always rolled back: shows what a batch would
    /// do, duplicates within the batch included, without changing anything.
    pub fn dry_run<T>(&self, f: impl FnOnce(&mut Batch<'_>) -> Result<T>) -> Result<T> {
        self.rehearse(|tx| f(&mut Batch { tx }))
    }
}

impl Batch<'_> {
    /// Runs one row of the batch under a savepoint: if it fails, its partial edits are
    /// undone and the rest of the batch goes on.
    pub fn row<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.tx.execute_batch("SAVEPOINT batch_row")?;
        match f(self) {
            Ok(value) => {
                self.tx.execute_batch("RELEASE batch_row")?;
                Ok(value)
            }
            Err(error) => {
                self.tx
                    .execute_batch("ROLLBACK TO batch_row; RELEASE batch_row")?;
                Err(error)
            }
        }
    }

    /// Whether a record with this id exists, live or in the trash.
    pub fn contains(&self, kind: RecordKind, id: Id) -> Result<bool> {
        let table = kind.table();
        let sql = format!("SELECT 1 FROM {table} WHERE id = ?1");
        Ok(self
            .tx
            .query_row(&sql, [id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    pub fn create_cooperative(&mut self, id: Id, draft: &CooperativeDraft) -> Result<Cooperative> {
        cooperatives::insert_cooperative(self.tx, id, draft)
    }

    pub fn cooperative_by_name(&self, name: &str) -> Result<Option<Cooperative>> {
        cooperatives::find_by_name(self.tx, name)
    }

    pub fn create_product(&mut self, id: Id, draft: &ProductDraft) -> Result<Product> {
        products::insert_product(self.tx, id, draft)
    }

    pub fn update_product(&mut self, id: Id, draft: &ProductDraft) -> Result<Product> {
        products::update_product(self.tx, id, draft)
    }

    pub fn product_by_name(&self, cooperative_id: Id, name: &str) -> Result<Option<Product>> {
        products::find_by_name(self.tx, cooperative_id, name)
    }

    pub fn add_certificate(
        &mut self,
        id: Id,
        product_id: Id,
        draft: &CertificateDraft,
    ) -> Result<Certificate> {
        certificates::insert_certificate(self.tx, id, product_id, draft)
    }

    pub fn certificates(&self, product_id: Id) -> Result<Vec<Certificate>> {
        certificates::for_product(self.tx, product_id)
    }

    pub fn add_variant(&mut self, id: Id, product_id: Id, draft: &VariantDraft) -> Result<Variant> {
        variants::insert_variant(self.tx, id, product_id, draft)
    }

    pub fn update_variant(&mut self, id: Id, draft: &VariantDraft) -> Result<Variant> {
        variants::update_variant(self.tx, id, draft)
    }

    pub fn variant_by_sku(&self, cooperative_id: Id, sku: &str) -> Result<Option<Variant>> {
        variants::find_by_sku(self.tx, cooperative_id, sku)
    }
}
