//! How fast and how often: a token bucket per shop (each platform's rate, below what it
//! publishes), and exponential back-off with jitter between attempts.

use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

use crate::platform::Platform;

/// Requests per second the app allows itself on a shop: 80 % of the published limit,
/// 5 where the platform publishes none (performance.md §4).
pub fn default_rate(platform: Platform) -> f64 {
    match platform {
        Platform::TiktokShop => 40.0,
        Platform::Lazada => 8.0,
        Platform::Shopee | Platform::Tiki => 5.0,
    }
}

/// A token bucket: `rate` requests per second, bursts of up to one second's worth.
#[derive(Debug)]
pub struct Bucket {
    rate: f64,
    capacity: f64,
    state: Mutex<(f64, Instant)>,
}

impl Bucket {
    pub fn new(rate: f64) -> Bucket {
        let rate = rate.max(0.01);
        let capacity = rate.max(1.0);
        Bucket {
            rate,
            capacity,
            state: Mutex::new((capacity, Instant::now())),
        }
    }

    /// Waits until a request may go.
    pub async fn take(&self) {
        let wait = {
            let mut state = self.state.lock().await;
            let now = Instant::now();
            let refill = now.duration_since(state.1).as_secs_f64() * self.rate;
            state.0 = (state.0 + refill).min(self.capacity);
            state.1 = now;
            // Taking into debt keeps the order fair: later callers wait longer.
            state.0 -= 1.0;
            if state.0 >= 0.0 {
                None
            } else {
                Some(Duration::from_secs_f64(-state.0 / self.rate))
            }
        };
        if let Some(wait) = wait {
            tokio::time::sleep(wait).await;
        }
    }
}

/// The wait before attempt `attempt + 1`: `base × 2^(attempt-1)`, capped, with "equal
/// jitter" (between half and all of it) so many failed steps do not retry together.
pub fn backoff(attempt: i64, base: Duration, cap: Duration) -> Duration {
    let exponent = u32::try_from(attempt.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    let full = base.saturating_mul(2u32.saturating_pow(exponent)).min(cap);
    let half = full / 2;
    half + Duration::from_secs_f64(half.as_secs_f64() * fastrand::f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap_with_jitter() {
        let base = Duration::from_secs(1);
        let cap = Duration::from_secs(60);
        for attempt in 1..=10 {
            let wait = backoff(attempt, base, cap);
            let full = (base * 2u32.pow(u32::try_from(attempt - 1).unwrap())).min(cap);
            assert!(
                wait >= full / 2 && wait <= full,
                "attempt {attempt}: {wait:?}"
            );
        }
    }

    #[tokio::test(start_paused = true)]
    async fn the_bucket_lets_through_its_rate() {
        let bucket = Bucket::new(10.0);
        let start = Instant::now();
        for _ in 0..30 {
            bucket.take().await;
        }
        // 10 in the first burst, then 20 at 10 per second.
        let elapsed = start.elapsed().as_secs_f64();
        assert!((1.9..=2.1).contains(&elapsed), "{elapsed}");
    }
}
