//! One HTTP client for every marketplace: rustls, gzip, timeouts on connecting and on the
//! whole exchange, answers read under a size cap, no redirect followed, and the server's
//! clock learned from every answer.

use std::sync::{Arc, Once};
use std::time::Duration;

use reqwest::header::{DATE, HeaderMap, LOCATION};
use reqwest::{RequestBuilder, StatusCode};
use serde::de::DeserializeOwned;

use super::clock::Clock;
use super::error::{Malformed, MarketError, NetworkFailure};

/// The largest JSON answer read (reliability goal G11): catalogue trees are the biggest
/// answers the app asks for and stay far below it.
pub const JSON_CAP: usize = 8 * 1024 * 1024;

#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub connect: Duration,
    /// For the whole exchange, answer included; photo uploads get four times as long.
    pub request: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(10),
            request: Duration::from_secs(60),
        }
    }
}

/// An answer read whole (within the cap).
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as JSON of the expected shape. HTML (a proxy's or captive portal's page),
    /// a body that stops half-way and JSON of another shape each get their own error.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, MarketError> {
        serde_json::from_slice(&self.body).map_err(|error| {
            let first = self.body.iter().find(|b| !b.is_ascii_whitespace());
            if !matches!(first, Some(b'{' | b'[')) {
                MarketError::Malformed(Malformed::NotJson)
            } else if error.is_eof() {
                MarketError::Malformed(Malformed::Truncated)
            } else if error.is_syntax() {
                MarketError::Malformed(Malformed::NotJson)
            } else {
                MarketError::Malformed(Malformed::Unexpected(error.to_string()))
            }
        })
    }

    /// The wait a rate-limited answer asks for in `Retry-After` (seconds).
    pub fn retry_after(&self) -> Option<Duration> {
        let value = self
            .headers
            .get(reqwest::header::RETRY_AFTER)?
            .to_str()
            .ok()?;
        value.trim().parse::<u64>().ok().map(Duration::from_secs)
    }
}

#[derive(Debug, Clone)]
pub struct Http {
    client: reqwest::Client,
    upload_client: reqwest::Client,
    clock: Arc<Clock>,
}

/// Makes rustls use `ring` (once per process), before any client is built.
pub fn install_crypto_provider() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Another part of the process may have installed one first: either is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

fn build(timeouts: Timeouts, request: Duration) -> reqwest::Client {
    install_crypto_provider();
    reqwest::Client::builder()
        .connect_timeout(timeouts.connect)
        .timeout(request)
        // Tokens travel in headers and queries that reqwest does not strip on a
        // redirect: never follow one (reliability goal G11).
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("chophien/", env!("CARGO_PKG_VERSION")))
        .build()
        // Building fails only when the TLS backend cannot start, which the provider
        // installed above rules out.
        .expect("the HTTP client starts with rustls and ring")
}

impl Http {
    pub fn new(clock: Arc<Clock>, timeouts: Timeouts) -> Http {
        Http {
            client: build(timeouts, timeouts.request),
            upload_client: build(timeouts, timeouts.request * 4),
            clock,
        }
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    pub fn upload_client(&self) -> &reqwest::Client {
        &self.upload_client
    }

    /// Sends a request and reads its answer under `JSON_CAP`. Redirects come back as
    /// errors; 5xx as `Server`; other statuses are left to the platform's envelope,
    /// which says more than the status.
    pub async fn send(&self, request: RequestBuilder) -> Result<Reply, MarketError> {
        let mut response = request.send().await.map_err(network_failure)?;
        if let Some(date) = response.headers().get(DATE).and_then(|v| v.to_str().ok()) {
            self.clock.learn_from_date_header(date);
        }
        let status = response.status();
        if status.is_redirection() {
            let location = response
                .headers()
                .get(LOCATION)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            return Err(MarketError::Redirected {
                location: without_query(location),
            });
        }
        if response
            .content_length()
            .is_some_and(|length| length > JSON_CAP as u64)
        {
            return Err(MarketError::Malformed(Malformed::TooLarge));
        }
        let headers = response.headers().clone();
        let mut body = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if body.len() + chunk.len() > JSON_CAP {
                        return Err(MarketError::Malformed(Malformed::TooLarge));
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(error) if error.is_timeout() => {
                    return Err(MarketError::Network(NetworkFailure::Timeout));
                }
                // The connection broke inside the answer: whatever was asked may have
                // been done.
                Err(_) => return Err(MarketError::Malformed(Malformed::Truncated)),
            }
        }
        if status.is_server_error() && !looks_like_json(&body) {
            return Err(MarketError::Server {
                status: status.as_u16(),
            });
        }
        Ok(Reply {
            status,
            headers,
            body,
        })
    }
}

fn looks_like_json(body: &[u8]) -> bool {
    body.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{')
}

/// A redirect target without its query, which may carry tokens.
fn without_query(location: &str) -> String {
    location
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn network_failure(error: reqwest::Error) -> MarketError {
    if error.is_timeout() {
        MarketError::Network(NetworkFailure::Timeout)
    } else if error.is_connect() {
        MarketError::Network(NetworkFailure::Connect)
    } else {
        MarketError::Network(NetworkFailure::Dropped)
    }
}
