//! Integration tests of the core, against real SQLite files in temporary folders.
//! One test binary (faster to build and link than one per file).

mod architecture;
mod bulk;
mod cli;
mod concurrency;
mod crash;
mod demo;
mod exchange;
mod folding;
mod import;
mod import_xlsx;
mod keychain;
mod listings;
mod locales;
mod market;
mod market_hostile;
mod migrations;
mod open_errors;
mod outbox;
mod photo_hostile;
mod photos;
mod practice;
mod repository;
mod scripts;
mod search;
mod signing;
mod support;
mod sync;
mod validation;
