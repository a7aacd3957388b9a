//! The practice marketplace: a local HTTP server that answers the part of TikTok Shop's,
//! Shopee's and Lazada's seller APIs the app uses, as `docs/practice-marketplace.md`
//! specifies, so sellers can rehearse and tests can exercise the adapters offline.
//!
//! Invariants: it listens on 127.0.0.1 only and refuses any other `Host` (DNS
//! rebinding); it verifies every signature with the same functions the app signs with
//! ([`crate::market::sign`]); it keeps its shops, tokens and products in its own SQLite
//! file, never the catalog; injected faults that "do the work" commit it before breaking
//! the connection, so clients can test exactly-once publishing against them.

mod categories;
mod control;
mod faults;
mod lazada;
mod limits;
mod pages;
mod products;
mod review;
mod shopee;
mod store;
mod tiktok;
mod wire;

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};

pub use faults::{FaultKind, FaultPlan};

use faults::Faults;
use limits::Limits;
use review::ReviewSettings;
use store::Store;
use wire::{Host, Incoming, Market};

/// Request bodies above this size are refused (image uploads are the largest).
const BODY_LIMIT: usize = 20 * 1024 * 1024;

/// How the practice marketplace behaves.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Its own SQLite file: shops, tokens and products survive restarts.
    pub db_path: PathBuf,
    /// How long a new or edited product stays under review.
    pub review_delay: Duration,
    /// Multiplies every platform's requests-per-second budget (tests use small values).
    pub rate_scale: f64,
    /// Multiplies every token lifetime (tests use small values).
    pub token_scale: f64,
    /// Faults injected from the start (the control API can change them).
    pub faults: FaultPlan,
    /// The daily caps (the contract's values by default).
    pub daily_caps: DailyCaps,
}

impl SandboxConfig {
    /// The contract's defaults: review 3 s, real rates and lifetimes, no faults.
    pub fn new(db_path: PathBuf) -> Self {
        SandboxConfig {
            db_path,
            review_delay: Duration::from_millis(3_000),
            rate_scale: 1.0,
            token_scale: 1.0,
            faults: FaultPlan::default(),
            daily_caps: DailyCaps::default(),
        }
    }
}

/// Per-day quotas, counted in UTC days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyCaps {
    /// TikTok Shop: product creations per shop.
    pub tiktok_creations: u64,
    /// Shopee: API calls per app (partner).
    pub shopee_calls: u64,
    /// Lazada: product creations per seller.
    pub lazada_creations: u64,
}

impl Default for DailyCaps {
    fn default() -> Self {
        DailyCaps {
            tiktok_creations: 100,
            shopee_calls: 10_000,
            lazada_creations: 1_000,
        }
    }
}

/// A ready-made practice shop and the credentials an adapter needs to use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "platform", rename_all = "lowercase")]
pub enum PracticeShop {
    Tiktok {
        name: String,
        app_key: String,
        app_secret: String,
        shop_cipher: String,
        shop_id: String,
    },
    Shopee {
        name: String,
        partner_id: u64,
        partner_key: String,
        shop_id: u64,
    },
    Lazada {
        name: String,
        app_key: String,
        app_secret: String,
        seller_id: String,
    },
}

/// Why the practice marketplace could not start.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("cannot open the practice marketplace file {path}: {source}")]
    Store {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot create the folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Bind { port: u16, source: std::io::Error },
}

impl crate::i18n::Localize for SandboxError {
    fn code(&self) -> &'static str {
        match self {
            SandboxError::Store { .. } => "sandbox.store",
            SandboxError::Folder { .. } => "sandbox.folder",
            SandboxError::Bind { .. } => "sandbox.bind",
        }
    }

    fn localize(&self, i18n: &crate::i18n::I18n) -> String {
        match self {
            SandboxError::Store { path, .. } | SandboxError::Folder { path, .. } => i18n.tr_args(
                "market-sandbox-store",
                crate::args!["path" => path.display().to_string()],
            ),
            SandboxError::Bind { port, .. } => {
                i18n.tr_args("market-sandbox-port", crate::args!["port" => *port])
            }
        }
    }
}

/// What every handler shares.
pub(crate) struct Shared {
    pub(crate) store: Store,
    pub(crate) port: u16,
    pub(crate) control_token: String,
    pub(crate) token_scale: f64,
    pub(crate) daily_caps: DailyCaps,
    pub(crate) review: Mutex<ReviewSettings>,
    pub(crate) limits: Limits,
    pub(crate) faults: Faults,
    /// Requests per platform and path, and photo uploads per platform.
    counts: Mutex<BTreeMap<String, u64>>,
    uploads: Mutex<BTreeMap<&'static str, u64>>,
}

impl Shared {
    pub(crate) fn review(&self) -> ReviewSettings {
        self.review
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    pub(crate) fn count_upload(&self, market: Market) {
        *self
            .uploads
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .entry(market.code())
            .or_default() += 1;
    }

    fn count_request(&self, market: Market, path: &str) {
        *self
            .counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .entry(format!("{} {path}", market.code()))
            .or_default() += 1;
    }

    pub(crate) fn stats(&self) -> serde_json::Value {
        serde_json::json!({
            "requests": *self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner),
            "image_uploads": *self.uploads.lock().unwrap_or_else(std::sync::PoisonError::into_inner),
            "faults": self.faults.counts(),
            "rate_limited": self.limits.refused(),
        })
    }
}

/// A practice marketplace serving in the background.
pub struct RunningSandbox {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: tokio::sync::oneshot::Sender<()>,
    server: tokio::task::JoinHandle<()>,
}

impl RunningSandbox {
    /// Where it listens (always on 127.0.0.1).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The secret the control API (`/_sandbox/*`) requires in `x-sandbox-control`.
    pub fn control_token(&self) -> &str {
        &self.shared.control_token
    }

    /// `http://127.0.0.1:PORT`, to which each platform's prefix is appended.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The ready-made shops, without going through HTTP.
    pub fn shops(&self) -> Vec<PracticeShop> {
        self.shared.store.shops().unwrap_or_default()
    }

    /// Stops accepting connections, lets the ones in flight finish, and waits.
    pub async fn shutdown(self) {
        // The server may already have stopped on its own; then nobody listens.
        let _ = self.stop.send(());
        let _ = self.server.await;
    }
}

/// Opens (or creates) the practice marketplace's file and serves on `127.0.0.1:port`
/// (`0`: any free port).
pub async fn start(config: SandboxConfig, port: u16) -> Result<RunningSandbox, SandboxError> {
    if let Some(folder) = config
        .db_path
        .parent()
        .filter(|f| !f.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder).map_err(|source| SandboxError::Folder {
            path: folder.to_path_buf(),
            source,
        })?;
    }
    let store = Store::open(&config.db_path).map_err(|source| SandboxError::Store {
        path: config.db_path.clone(),
        source,
    })?;
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port))
        .await
        .map_err(|source| SandboxError::Bind { port, source })?;
    let addr = listener
        .local_addr()
        .map_err(|source| SandboxError::Bind { port, source })?;
    let shared = Arc::new(Shared {
        store,
        port: addr.port(),
        control_token: wire::random_hex(32),
        token_scale: config.token_scale,
        daily_caps: config.daily_caps,
        review: Mutex::new(ReviewSettings::new(config.review_delay)),
        limits: Limits::new(config.rate_scale),
        faults: Faults::new(config.faults),
        counts: Mutex::new(BTreeMap::new()),
        uploads: Mutex::new(BTreeMap::new()),
    });
    let app = Router::new()
        .fallback(dispatch)
        .with_state(Arc::clone(&shared));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        let shutdown = async {
            let _ = stopped.await;
        };
        // Serving ends only on shutdown or when the listener fails; neither has anyone
        // left to tell.
        let _ = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await;
    });
    Ok(RunningSandbox {
        addr,
        shared,
        stop,
        server,
    })
}

/// Every request goes through here: host check, body cap, then the control API, the
/// authorisation pages or a platform (with its faults).
async fn dispatch(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    if !wire::host_allowed(request.headers(), shared.port) {
        return wire::text(
            StatusCode::FORBIDDEN,
            "this address is served on 127.0.0.1 only",
        );
    }
    let incoming = match Incoming::read(request, BODY_LIMIT).await {
        Ok(incoming) => incoming,
        Err(answer) => return answer,
    };
    if let Some(rest) = incoming.full_path.strip_prefix("/_sandbox/") {
        return control::handle(&shared, rest, &incoming);
    }
    if let Some(page) = pages::handle(&shared, &incoming.full_path) {
        return page;
    }
    match wire::route(&incoming.full_path) {
        Some((market, host, path)) => serve(&shared, market, host, &path, &incoming).await,
        None => wire::text(StatusCode::NOT_FOUND, "not found"),
    }
}

async fn platform_answer(
    shared: &Shared,
    market: Market,
    host: Host,
    path: &str,
    request: &Incoming,
) -> Response {
    match market {
        Market::Tiktok => tiktok::handle(shared, host, path, request).await,
        Market::Shopee => shopee::handle(shared, host, path, request).await,
        Market::Lazada => lazada::handle(shared, host, path, request).await,
    }
}

/// A platform's answer, or the fault drawn for this request. Faults that "do the work"
/// let the platform commit it first, then break the connection.
async fn serve(
    shared: &Shared,
    market: Market,
    host: Host,
    path: &str,
    request: &Incoming,
) -> Response {
    shared.count_request(market, path);
    let Some(fault) = shared.faults.draw() else {
        return platform_answer(shared, market, host, path, request).await;
    };
    shared.count_request(market, &format!("{path} (fault)"));
    match fault {
        FaultKind::ServerError => {
            let status = if fastrand::bool() {
                StatusCode::INTERNAL_SERVER_ERROR
            } else {
                StatusCode::SERVICE_UNAVAILABLE
            };
            let mut page = wire::html(format!("<html><body><h1>{status}</h1></body></html>"));
            *page.status_mut() = status;
            page
        }
        FaultKind::Slow => {
            tokio::time::sleep(Duration::from_millis(shared.faults.slow_ms())).await;
            platform_answer(shared, market, host, path, request).await
        }
        FaultKind::DropBefore => wire::broken(Vec::new(), 64),
        FaultKind::DropAfterCommit | FaultKind::CutBody => {
            let answer = platform_answer(shared, market, host, path, request).await;
            let body = axum::body::to_bytes(answer.into_body(), BODY_LIMIT)
                .await
                .unwrap_or_default();
            if fault == FaultKind::DropAfterCommit {
                wire::broken(Vec::new(), body.len())
            } else {
                wire::broken(body[..body.len() / 2].to_vec(), body.len())
            }
        }
        FaultKind::RateLimit => match market {
            Market::Tiktok => tiktok::rate_limited(),
            Market::Shopee => shopee::rate_limited(),
            Market::Lazada => lazada::rate_limited(),
        },
        FaultKind::ExpiredToken => match market {
            Market::Tiktok => tiktok::expired(),
            Market::Shopee => shopee::expired(),
            Market::Lazada => lazada::expired(),
        },
        FaultKind::Garbage => wire::html("<html><body>Đăng nhập Wi-Fi</body></html>".into()),
    }
}
