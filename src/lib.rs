//! Chợ Phiên's core: everything the desktop app and the `chophien` command line share.
//!
//! - [`catalog`]: the SQLite catalog of cooperatives, OCOP products, certificates and
//!   variants, with Vietnamese search.
//! - [`demo`]: the bundled demo catalog and a synthetic catalog generator for load tests.
//! - [`exchange`]: offline exchange: `.chophien` bundles between laptops with their merge,
//!   backups and restore.
//! - [`import`]: product lists from spreadsheets exported as CSV.
//! - [`listings`]: a product on each marketplace: suggestions and readiness checks.
//! - [`market`]: the marketplaces' seller APIs (signing, adapters).
//! - [`photos`]: product photos: import, repair, quality, marketplace variants.
//! - [`platform`]: the marketplaces.
//! - [`rules`]: rule packs: each platform's listing rules and Vietnam's advertising and
//!   label rules, as data files.
//! - [`shops`]: marketplace accounts, their secrets in the OS keychain, token refresh.
//! - [`sync`]: the outbox engine that publishes to shops, exactly once.
//! - [`sandbox`]: the practice marketplace (a local server speaking the platforms' APIs).
//! - [`i18n`]: Fluent messages, VND prices and dates.
//! - [`text`]: NFC normalisation and Vietnamese folding.
//! - [`paths`]: where data lives; [`settings`]: the desktop preferences;
//!   [`files`]: atomic file writes.
//!
//! This crate never depends on Tauri (tests/architecture.rs checks it).

pub mod catalog;
pub mod demo;
pub mod exchange;
pub mod files;
pub mod i18n;
pub mod import;
pub mod listings;
pub mod market;
pub mod paths;
pub mod photos;
pub mod platform;
pub mod rules;
pub mod sandbox;
pub mod scripts;
pub mod settings;
pub mod shops;
pub mod sync;
pub mod text;
