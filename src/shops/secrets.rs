//! Where a shop's secrets live: the OS keychain (Secret Service on Linux, the macOS
//! keychain, the Windows credential manager), one entry per shop holding the app secret
//! or partner key and the tokens together, so a refresh replaces them in one write.
//!
//! Nothing secret is ever written to SQLite, a log or an export; `Debug` of these types
//! prints no secret.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::catalog::ids::Id;
use crate::i18n::{I18n, Localize};
use crate::market::Tokens;

/// The keychain's service name for every entry of the app.
const SERVICE: &str = "chophien";

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopSecrets {
    /// TikTok Shop and Lazada: the app secret; Shopee: the partner key.
    pub secret: String,
    pub tokens: Option<Tokens>,
}

impl std::fmt::Debug for ShopSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ShopSecrets { .. }")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("no keychain is available: {0}")]
    Unavailable(String),
    #[error("the keychain is locked")]
    Locked,
    #[error("the keychain entry is damaged")]
    Damaged,
}

impl Localize for SecretError {
    fn code(&self) -> &'static str {
        match self {
            SecretError::Unavailable(_) => "secrets.unavailable",
            SecretError::Locked => "secrets.locked",
            SecretError::Damaged => "secrets.damaged",
        }
    }

    fn localize(&self, i18n: &I18n) -> String {
        match self {
            SecretError::Unavailable(_) => i18n.tr("market-keychain-unavailable"),
            SecretError::Locked => i18n.tr("market-keychain-locked"),
            SecretError::Damaged => i18n.tr("market-keychain-damaged"),
        }
    }
}

pub trait SecretStore: Send + Sync {
    fn load(&self, shop: Id) -> Result<Option<ShopSecrets>, SecretError>;
    fn save(&self, shop: Id, secrets: &ShopSecrets) -> Result<(), SecretError>;
    fn delete(&self, shop: Id) -> Result<(), SecretError>;
}

/// The operating system's keychain.
#[derive(Debug, Default)]
pub struct Keychain;

fn entry(shop: Id) -> Result<keyring::Entry, SecretError> {
    keyring::Entry::new(SERVICE, &format!("shop:{shop}")).map_err(keychain_error)
}

fn keychain_error(error: keyring::Error) -> SecretError {
    match error {
        keyring::Error::NoStorageAccess(_) => SecretError::Locked,
        keyring::Error::BadEncoding(_) => SecretError::Damaged,
        // The error's text names the platform's failure, never the secret.
        other => SecretError::Unavailable(other.to_string()),
    }
}

impl SecretStore for Keychain {
    fn load(&self, shop: Id) -> Result<Option<ShopSecrets>, SecretError> {
        match entry(shop)?.get_password() {
            Ok(text) => serde_json::from_str(&text)
                .map(Some)
                .map_err(|_| SecretError::Damaged),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(other) => Err(keychain_error(other)),
        }
    }

    fn save(&self, shop: Id, secrets: &ShopSecrets) -> Result<(), SecretError> {
        let text = serde_json::to_string(secrets).map_err(|_| SecretError::Damaged)?;
        entry(shop)?.set_password(&text).map_err(keychain_error)
    }

    fn delete(&self, shop: Id) -> Result<(), SecretError> {
        match entry(shop)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(other) => Err(keychain_error(other)),
        }
    }
}

/// Secrets kept in memory for this session only: the practice marketplace's shops, whose
/// credentials the practice marketplace hands out again at each start.
#[derive(Debug, Default)]
pub struct SessionSecrets(Mutex<HashMap<Id, ShopSecrets>>);

impl SecretStore for SessionSecrets {
    fn load(&self, shop: Id) -> Result<Option<ShopSecrets>, SecretError> {
        Ok(self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&shop)
            .cloned())
    }

    fn save(&self, shop: Id, secrets: &ShopSecrets) -> Result<(), SecretError> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(shop, secrets.clone());
        Ok(())
    }

    fn delete(&self, shop: Id) -> Result<(), SecretError> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(&shop);
        Ok(())
    }
}
