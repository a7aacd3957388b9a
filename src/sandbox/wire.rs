//! The HTTP side: which platform a path belongs to, a request read whole (query decoded,
//! body capped), the host check, and answers (JSON, HTML, broken connections).

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

/// The three marketplaces the practice marketplace plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Market {
    Tiktok,
    Shopee,
    Lazada,
}

impl Market {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Market::Tiktok => "tiktok",
            Market::Shopee => "shopee",
            Market::Lazada => "lazada",
        }
    }

    pub(crate) fn from_code(code: &str) -> Option<Market> {
        match code {
            "tiktok" => Some(Market::Tiktok),
            "shopee" => Some(Market::Shopee),
            "lazada" => Some(Market::Lazada),
            _ => None,
        }
    }

    pub(crate) fn shop_name(self) -> &'static str {
        match self {
            Market::Tiktok => "Cửa hàng luyện tập – TikTok Shop",
            Market::Shopee => "Cửa hàng luyện tập – Shopee",
            Market::Lazada => "Cửa hàng luyện tập – Lazada",
        }
    }
}

/// Which host of a platform a request went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Host {
    Api,
    Auth,
}

/// The platform, host and API path (prefix removed) of a request path.
pub(crate) fn route(full_path: &str) -> Option<(Market, Host, String)> {
    const PREFIXES: [(&str, Market, Host); 5] = [
        ("/tiktok-auth", Market::Tiktok, Host::Auth),
        ("/tiktok", Market::Tiktok, Host::Api),
        ("/shopee", Market::Shopee, Host::Api),
        ("/lazada-auth/rest", Market::Lazada, Host::Auth),
        ("/lazada/rest", Market::Lazada, Host::Api),
    ];
    PREFIXES.iter().find_map(|(prefix, market, host)| {
        let rest = full_path.strip_prefix(prefix)?;
        rest.starts_with('/')
            .then(|| (*market, *host, rest.to_owned()))
    })
}

/// A request read whole.
#[derive(Debug, Clone)]
pub(crate) struct Incoming {
    pub(crate) method: axum::http::Method,
    pub(crate) full_path: String,
    /// Query parameters, percent-decoded, in order.
    pub(crate) query: Vec<(String, String)>,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Vec<u8>,
}

impl Incoming {
    pub(crate) async fn read(request: Request, limit: usize) -> Result<Incoming, Response> {
        let (parts, body) = request.into_parts();
        let body = axum::body::to_bytes(body, limit)
            .await
            .map_err(|_| (StatusCode::PAYLOAD_TOO_LARGE, "body too large").into_response())?;
        let query = parts
            .uri
            .query()
            .map(|q| url_pairs(q.as_bytes()))
            .unwrap_or_default();
        Ok(Incoming {
            method: parts.method,
            full_path: parts.uri.path().to_owned(),
            query,
            headers: parts.headers,
            body: body.to_vec(),
        })
    }

    pub(crate) fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub(crate) fn content_type(&self) -> &str {
        self.header("content-type").unwrap_or_default()
    }

    pub(crate) fn is_multipart(&self) -> bool {
        self.content_type().starts_with("multipart/form-data")
    }

    /// The body's form fields (`application/x-www-form-urlencoded`).
    pub(crate) fn form(&self) -> Vec<(String, String)> {
        if self
            .content_type()
            .starts_with("application/x-www-form-urlencoded")
        {
            url_pairs(&self.body)
        } else {
            Vec::new()
        }
    }

    pub(crate) fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The bytes of the multipart part named `field`.
    pub(crate) async fn multipart_file(&self, field: &str) -> Option<Vec<u8>> {
        let boundary = multer::parse_boundary(self.content_type()).ok()?;
        let body = self.body.clone();
        let stream = futures_util_once(body);
        let mut multipart = multer::Multipart::new(stream, boundary);
        while let Ok(Some(part)) = multipart.next_field().await {
            if part.name() == Some(field) {
                return part.bytes().await.ok().map(|b| b.to_vec());
            }
        }
        None
    }
}

/// A body as a one-chunk stream, for the multipart reader.
fn futures_util_once(
    body: Vec<u8>,
) -> impl futures_core::Stream<Item = Result<bytes::Bytes, std::io::Error>> + Send {
    struct Once(Option<bytes::Bytes>);
    impl futures_core::Stream for Once {
        type Item = Result<bytes::Bytes, std::io::Error>;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            std::task::Poll::Ready(self.0.take().map(Ok))
        }
    }
    Once(Some(bytes::Bytes::from(body)))
}

fn url_pairs(input: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(input)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Only `127.0.0.1:PORT` or `localhost:PORT`: a web page the user visits cannot reach the
/// practice marketplace through a DNS name of its own.
pub(crate) fn host_allowed(headers: &HeaderMap, port: u16) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}")
}

pub(crate) fn random_hex(bytes: usize) -> String {
    (0..bytes)
        .map(|_| format!("{:02x}", fastrand::u8(..)))
        .collect()
}

pub(crate) fn json(status: StatusCode, value: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        value.to_string(),
    )
        .into_response()
}

pub(crate) fn html(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

pub(crate) fn text(status: StatusCode, body: &'static str) -> Response {
    (status, body).into_response()
}

/// An answer whose connection breaks after `prefix` of it: the client never reads a
/// whole answer (a dropped connection when `prefix` is empty, a cut body otherwise).
pub(crate) fn broken(prefix: Vec<u8>, promised: usize) -> Response {
    let (sender, receiver) = tokio::sync::mpsc::channel::<Result<bytes::Bytes, std::io::Error>>(2);
    tokio::spawn(async move {
        if !prefix.is_empty() {
            let _ = sender.send(Ok(bytes::Bytes::from(prefix))).await;
            // Let the first bytes leave before the connection breaks.
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let _ = sender.send(Err(std::io::Error::other("cut"))).await;
    });
    struct Receiver(tokio::sync::mpsc::Receiver<Result<bytes::Bytes, std::io::Error>>);
    impl futures_core::Stream for Receiver {
        type Item = Result<bytes::Bytes, std::io::Error>;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            cx: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            self.0.poll_recv(cx)
        }
    }
    Response::builder()
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, promised.max(1))
        .body(Body::from_stream(Receiver(receiver)))
        .unwrap_or_else(|_| text(StatusCode::INTERNAL_SERVER_ERROR, "broken"))
}
