//! Is a marketplace reachable? A cheap probe: a TCP connection to the shops' API hosts,
//! given up after a short wait. Offline, name resolution or the connection fails at once;
//! a captive portal may accept it, and the first real call then says so.

use std::time::Duration;

use crate::catalog::shops::Shop;

/// The (host, port) pairs of the shops' APIs, each once.
pub fn hosts_of(shops: &[Shop]) -> Vec<(String, u16)> {
    let mut hosts: Vec<(String, u16)> = shops
        .iter()
        .filter_map(|shop| reqwest::Url::parse(&shop.endpoints.api).ok())
        .filter_map(|url| Some((url.host_str()?.to_owned(), url.port_or_known_default()?)))
        .collect();
    hosts.sort();
    hosts.dedup();
    hosts
}

/// Whether any of `hosts` accepts a connection within `wait`.
pub async fn reachable(hosts: &[(String, u16)], wait: Duration) -> bool {
    let mut attempts = tokio::task::JoinSet::new();
    for (host, port) in hosts.iter().cloned() {
        attempts.spawn(async move {
            matches!(
                tokio::time::timeout(wait, tokio::net::TcpStream::connect((host.as_str(), port)))
                    .await,
                Ok(Ok(_))
            )
        });
    }
    while let Some(result) = attempts.join_next().await {
        if matches!(result, Ok(true)) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_listening_port_is_reachable_and_a_closed_one_is_not() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let open = listener.local_addr().unwrap().port();
        let closed = {
            let other = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            other.local_addr().unwrap().port()
        };
        let wait = Duration::from_secs(1);
        assert!(reachable(&[("127.0.0.1".into(), open)], wait).await);
        assert!(!reachable(&[("127.0.0.1".into(), closed)], wait).await);
        assert!(
            reachable(
                &[("127.0.0.1".into(), closed), ("127.0.0.1".into(), open)],
                wait
            )
            .await
        );
        assert!(!reachable(&[], wait).await);
    }
}
