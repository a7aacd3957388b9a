//! Deciding, for one incoming record, which side's version the catalog keeps.
//!
//! The common ancestors of a record are the contents both catalogs are known to have
//! had: what the sender last sent us (our `exchange_seen`) and what the sender last
//! received from us (carried in the bundle's `seen`). A side whose content still equals
//! an ancestor did not change since; a side that differs from all of them did.

use serde::Serialize;

/// What happens to one incoming record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The catalog does not have it: add it.
    Add,
    /// Both sides hold the same content.
    Same,
    /// Only the sender changed it: take theirs.
    TakeIncoming,
    /// Only we changed it: keep ours.
    KeepLocal,
    /// Both changed it (or nothing tells which did): the user chooses.
    Conflict,
}

/// Decides from content hashes: ours (`None` when we lack the record), theirs, and the
/// common ancestors.
pub fn decide(local: Option<&str>, incoming: &str, ancestors: &[&str]) -> Decision {
    let Some(local) = local else {
        return Decision::Add;
    };
    if local == incoming {
        return Decision::Same;
    }
    let local_changed = !ancestors.contains(&local);
    let incoming_changed = !ancestors.contains(&incoming);
    match (local_changed, incoming_changed) {
        (false, true) => Decision::TakeIncoming,
        (true, false) => Decision::KeepLocal,
        _ => Decision::Conflict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_sided_changes_take_that_side() {
        assert_eq!(decide(None, "b", &[]), Decision::Add);
        assert_eq!(decide(Some("a"), "a", &[]), Decision::Same);
        assert_eq!(decide(Some("a"), "b", &["a"]), Decision::TakeIncoming);
        assert_eq!(decide(Some("b"), "a", &["a"]), Decision::KeepLocal);
    }

    #[test]
    fn changes_on_both_sides_or_no_ancestor_conflict() {
        assert_eq!(decide(Some("b"), "c", &["a"]), Decision::Conflict);
        assert_eq!(decide(Some("b"), "c", &[]), Decision::Conflict);
    }
}
