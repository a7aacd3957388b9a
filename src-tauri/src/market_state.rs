//! What the app holds for the marketplaces while it runs: one HTTP client (and the clock
//! correction it learns), the practice marketplace when it was started, the practice
//! shops' secrets for this session, and the running sync's stop flag.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use chophien::catalog::shops::Shop;
use chophien::market::clock::Clock;
use chophien::market::http::{Http, Timeouts};
use chophien::sandbox::RunningSandbox;
use chophien::shops::secrets::{Keychain, SecretStore, SessionSecrets};

pub struct MarketState {
    pub http: Arc<Http>,
    pub practice: tokio::sync::Mutex<Option<RunningSandbox>>,
    pub practice_secrets: Arc<SessionSecrets>,
    /// Set by "Tạm dừng"; the running sync stops taking new steps.
    pub stop_sync: Arc<AtomicBool>,
    /// One sync at a time.
    pub sync_lock: tokio::sync::Mutex<()>,
}

impl MarketState {
    pub fn new() -> MarketState {
        MarketState {
            http: Arc::new(Http::new(Arc::new(Clock::system()), Timeouts::default())),
            practice: tokio::sync::Mutex::new(None),
            practice_secrets: Arc::new(SessionSecrets::default()),
            stop_sync: Arc::new(AtomicBool::new(false)),
            sync_lock: tokio::sync::Mutex::new(()),
        }
    }

    /// Where `shop`'s secrets are: this session's memory for practice shops, the OS
    /// keychain for real ones.
    pub fn secrets_for(&self, shop: &Shop) -> Arc<dyn SecretStore> {
        if shop.practice {
            self.practice_secrets.clone()
        } else {
            Arc::new(Keychain)
        }
    }
}
