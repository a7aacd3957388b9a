//! Faults on demand: a share of requests (drawn from a seed) or a queue of the next ones
//! get a 5xx page, a slow answer, a dropped connection (before or after the work is
//! committed), a body cut half-way, the platform's rate-limit or expired-token answer,
//! or an HTML page instead of JSON.

use std::collections::VecDeque;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    ServerError,
    Slow,
    DropBefore,
    DropAfterCommit,
    CutBody,
    RateLimit,
    ExpiredToken,
    Garbage,
}

/// What to inject: `rate` of the requests get one of `kinds`; `next` go first, in order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FaultPlan {
    pub rate: f64,
    pub kinds: Vec<FaultKind>,
    pub seed: u64,
    pub next: Vec<FaultKind>,
    /// How long a slow answer takes (default 30 s).
    pub slow_ms: Option<u64>,
}

pub(crate) struct Faults {
    state: Mutex<(FaultPlan, fastrand::Rng, VecDeque<FaultKind>)>,
    counts: Mutex<std::collections::BTreeMap<String, u64>>,
}

impl Faults {
    pub(crate) fn new(plan: FaultPlan) -> Faults {
        let rng = fastrand::Rng::with_seed(plan.seed);
        let next = plan.next.iter().copied().collect();
        Faults {
            state: Mutex::new((plan, rng, next)),
            counts: Mutex::new(std::collections::BTreeMap::new()),
        }
    }

    pub(crate) fn set(&self, plan: FaultPlan) {
        let rng = fastrand::Rng::with_seed(plan.seed);
        let next = plan.next.iter().copied().collect();
        *self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = (plan, rng, next);
    }

    /// The fault for the request arriving now, if any.
    pub(crate) fn draw(&self) -> Option<FaultKind> {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (plan, rng, next) = &mut *state;
        let fault = next.pop_front().or_else(|| {
            (!plan.kinds.is_empty() && rng.f64() < plan.rate)
                .then(|| plan.kinds[rng.usize(0..plan.kinds.len())])
        })?;
        drop(state);
        let name = serde_json::to_value(fault).ok()?.as_str()?.to_owned();
        *self
            .counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .entry(name)
            .or_default() += 1;
        Some(fault)
    }

    pub(crate) fn slow_ms(&self) -> u64 {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .0
            .slow_ms
            .unwrap_or(30_000)
    }

    pub(crate) fn counts(&self) -> std::collections::BTreeMap<String, u64> {
        self.counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}
