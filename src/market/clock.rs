//! The platforms' time, as seen from a PC whose clock may be wrong.
//!
//! Rural PCs often run minutes off (a flat CMOS battery, a wrong time zone set by hand).
//! TikTok refuses a timestamp 30 s in the future and every platform one a few minutes
//! old, so each answer's `Date` header teaches the offset between this PC and the
//! platform, and every signature uses the corrected time.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Debug, Default)]
pub struct Clock {
    /// How far this PC's clock is off, in milliseconds: only tests set it, to play a PC
    /// whose clock is wrong without touching the real one.
    simulated_error_ms: i64,
    /// What to add to this PC's time to get the platform's, learned from `Date` headers.
    offset_ms: AtomicI64,
}

impl Clock {
    /// This PC's clock, with no correction learned yet.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A PC clock that runs `error_ms` ahead (negative: behind) of the real time.
    pub fn with_error_ms(error_ms: i64) -> Clock {
        Clock {
            simulated_error_ms: error_ms,
            offset_ms: AtomicI64::new(0),
        }
    }

    fn pc_now_ms(&self) -> i64 {
        let since_epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        since_epoch + self.simulated_error_ms
    }

    /// The platform's time now, in Unix milliseconds.
    pub fn now_ms(&self) -> i64 {
        self.pc_now_ms() + self.offset_ms.load(Ordering::Relaxed)
    }

    /// The platform's time now, in Unix seconds.
    pub fn now_s(&self) -> i64 {
        self.now_ms().div_euclid(1000)
    }

    /// The correction currently applied, in milliseconds.
    pub fn offset_ms(&self) -> i64 {
        self.offset_ms.load(Ordering::Relaxed)
    }

    /// Learns the offset from an HTTP `Date` header. The header has whole seconds, so the
    /// server's time is taken as the middle of that second; an unreadable header changes
    /// nothing.
    pub fn learn_from_date_header(&self, value: &str) {
        let Ok(server_time) = httpdate::parse_http_date(value) else {
            return;
        };
        let Ok(server_s) = server_time.duration_since(UNIX_EPOCH) else {
            return;
        };
        let server_ms = i64::try_from(server_s.as_millis()).unwrap_or(i64::MAX) + 500;
        self.offset_ms
            .store(server_ms - self.pc_now_ms(), Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fast_pc_clock_is_pulled_back_by_the_date_header() {
        let clock = Clock::with_error_ms(600_000);
        let real_now = SystemTime::now();
        assert!(
            clock.now_s() - real_now.duration_since(UNIX_EPOCH).unwrap().as_secs() as i64 >= 599
        );
        clock.learn_from_date_header(&httpdate::fmt_http_date(real_now));
        let error =
            clock.now_ms() - real_now.duration_since(UNIX_EPOCH).unwrap().as_millis() as i64;
        assert!(error.abs() < 1_500, "still {error} ms off");
    }

    #[test]
    fn an_unreadable_date_changes_nothing() {
        let clock = Clock::system();
        clock.learn_from_date_header("yesterday-ish");
        assert_eq!(clock.offset_ms(), 0);
    }
}
