//! A platform that answers badly: HTML instead of JSON, an error inside a 200, a body cut
//! half-way, an unknown status, 50 MB of JSON, a redirect to another host. Each becomes
//! its own typed error; the redirect is not followed and the token never reaches the
//! other host (reliability goal G11).

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use chophien::market::clock::Clock;
use chophien::market::http::{Http, JSON_CAP, Timeouts};
use chophien::market::{
    Credential, Endpoints, Malformed, MarketError, Marketplace, NetworkFailure, Shopee, TiktokShop,
    Tokens,
};

async fn serve(router: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    addr
}

fn tokens() -> Tokens {
    Tokens {
        access_token: "ACCESS-TOKEN-1".into(),
        access_expires_at: i64::MAX / 2,
        refresh_token: "REFRESH-TOKEN-1".into(),
        refresh_expires_at: None,
    }
}

fn http(request: Duration) -> Arc<Http> {
    Arc::new(Http::new(
        Arc::new(Clock::system()),
        Timeouts {
            connect: Duration::from_secs(2),
            request,
        },
    ))
}

/// A TikTok adapter whose API is `base` (one route answers whatever the test wants).
fn tiktok(base: &str, http: Arc<Http>) -> TiktokShop {
    let endpoints = Endpoints {
        api: base.to_owned(),
        auth: base.to_owned(),
        authorize: format!("{base}/authorize"),
    };
    TiktokShop::new(
        "key".into(),
        "secret".into(),
        None,
        Some("ROW_cipher".into()),
        endpoints,
        http,
        Some(tokens()),
    )
}

async fn answer_with(response: fn() -> Response) -> TiktokShop {
    let addr = serve(Router::new().fallback(any(move || async move { response() }))).await;
    tiktok(&format!("http://{addr}"), http(Duration::from_secs(5)))
}

#[tokio::test]
async fn html_instead_of_json_is_not_json() {
    let adapter = answer_with(|| {
        (
            [(header::CONTENT_TYPE, "text/html")],
            "<html><body>Wi-Fi login</body></html>",
        )
            .into_response()
    })
    .await;
    assert_eq!(
        adapter.product("1").await,
        Err(MarketError::Malformed(Malformed::NotJson))
    );
}

#[tokio::test]
async fn an_error_inside_a_200_is_the_platform_error() {
    let adapter = answer_with(|| {
        axum::Json(
            serde_json::json!({"code": 106001, "message": "invalid sign", "request_id": "r"}),
        )
        .into_response()
    })
    .await;
    assert_eq!(
        adapter.test_connection().await,
        Err(MarketError::WrongCredential {
            credential: Credential::AppSecret
        })
    );
}

#[tokio::test]
async fn a_body_cut_half_way_is_truncated() {
    let adapter = answer_with(|| {
        // Promises 400 bytes, sends 30 and closes.
        let stream = cut_body_stream();
        Response::builder()
            .header(header::CONTENT_LENGTH, "400")
            .body(Body::from_stream(stream))
            .unwrap()
    })
    .await;
    let error = adapter.product("1").await.unwrap_err();
    assert_eq!(error, MarketError::Malformed(Malformed::Truncated));
    assert!(error.outcome_unknown() && error.is_transient());
}

/// The first half of a JSON answer, then (once it has surely left) a broken connection.
fn cut_body_stream()
-> impl futures_core::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
    let (sender, receiver) = tokio::sync::mpsc::channel(2);
    tokio::spawn(async move {
        let _ = sender
            .send(Ok(br#"{"code":0,"data":{"id":"1","sta"#.to_vec()))
            .await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let _ = sender.send(Err(std::io::Error::other("cut"))).await;
    });
    Received(receiver)
}

struct Received<T>(tokio::sync::mpsc::Receiver<T>);

impl<T> futures_core::Stream for Received<T> {
    type Item = T;
    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<T>> {
        self.0.poll_recv(cx)
    }
}

/// A stream of ready items.
fn stream_of<T: Send + 'static>(items: Vec<T>) -> impl futures_core::Stream<Item = T> + Send {
    let (sender, receiver) = tokio::sync::mpsc::channel(items.len().max(1));
    for item in items {
        // The channel holds them all: sending cannot wait.
        let _ = sender.try_send(item);
    }
    Received(receiver)
}

#[tokio::test]
async fn an_unknown_status_is_unexpected_not_a_guess() {
    let adapter = answer_with(|| {
        axum::Json(serde_json::json!({"code": 0, "message": "Success", "data": {"id": "1", "status": "TELEPORTED", "skus": []}}))
            .into_response()
    })
    .await;
    match adapter.product("1").await {
        Err(MarketError::Malformed(Malformed::Unexpected(what))) => {
            assert!(what.contains("TELEPORTED"))
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn fifty_megabytes_of_json_stop_at_the_cap() {
    // Sent without a length, so the cap must hold while reading.
    let addr = serve(Router::new().fallback(any(|| async {
        let chunk = vec![b' '; 1024 * 1024];
        let mut items: Vec<Result<Vec<u8>, std::io::Error>> =
            vec![Ok(b"{\"code\":0,\"data\":\"".to_vec())];
        items.extend((0..50).map(|_| Ok(chunk.clone())));
        Response::builder()
            .body(Body::from_stream(stream_of(items)))
            .unwrap()
    })))
    .await;
    let adapter = tiktok(&format!("http://{addr}"), http(Duration::from_secs(20)));
    assert_eq!(
        adapter.product("1").await,
        Err(MarketError::Malformed(Malformed::TooLarge))
    );
    assert_eq!(JSON_CAP, 8 * 1024 * 1024);
}

#[tokio::test]
async fn a_redirect_to_another_host_is_refused_and_the_token_stays_home() {
    let seen = Arc::new(AtomicUsize::new(0));
    let other =
        serve(
            Router::new()
                .fallback(any(
                    |State(seen): State<Arc<AtomicUsize>>,
                     headers: HeaderMap,
                     uri: axum::http::Uri| async move {
                        let carries_secret = headers.contains_key("x-tts-access-token")
                            || headers.contains_key(header::AUTHORIZATION)
                            || uri.query().is_some_and(|q| q.contains("access_token="));
                        if carries_secret {
                            seen.fetch_add(1, Ordering::SeqCst);
                        }
                        StatusCode::OK
                    },
                ))
                .with_state(seen.clone()),
        )
        .await;
    let target = format!("http://localhost:{}/steal?x=1", other.port());
    let first = serve(Router::new().fallback(any(move || {
        let target = target.clone();
        async move { (StatusCode::FOUND, [(header::LOCATION, target)]).into_response() }
    })))
    .await;
    let adapter = tiktok(&format!("http://{first}"), http(Duration::from_secs(5)));
    match adapter.product("1").await {
        Err(MarketError::Redirected { location }) => {
            assert!(location.ends_with("/steal"), "{location}");
            assert!(
                !location.contains('?'),
                "the query may hold tokens: {location}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(seen.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn a_hanging_platform_times_out() {
    let addr = serve(Router::new().fallback(any(|| async {
        tokio::time::sleep(Duration::from_secs(30)).await;
        StatusCode::OK
    })))
    .await;
    let adapter = tiktok(&format!("http://{addr}"), http(Duration::from_millis(300)));
    let error = adapter.product("1").await.unwrap_err();
    assert_eq!(error, MarketError::Network(NetworkFailure::Timeout));
    assert!(error.outcome_unknown());
}

#[tokio::test]
async fn a_server_error_page_is_a_server_error() {
    let adapter =
        answer_with(|| (StatusCode::BAD_GATEWAY, "<html>502 Bad Gateway</html>").into_response())
            .await;
    assert_eq!(
        adapter.product("1").await,
        Err(MarketError::Server { status: 502 })
    );
}

#[tokio::test]
async fn nobody_listening_is_offline() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let endpoints = Endpoints::practice(
        chophien::platform::Platform::Shopee,
        &format!("http://127.0.0.1:{port}"),
    )
    .unwrap();
    let adapter = Shopee::new(
        1,
        "key".into(),
        2,
        endpoints,
        http(Duration::from_secs(2)),
        Some(tokens()),
    );
    assert_eq!(
        adapter.product("1").await,
        Err(MarketError::Network(NetworkFailure::Connect))
    );
}
