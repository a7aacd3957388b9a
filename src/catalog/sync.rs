//! Publications and their outbox (migration `0007_sync.sql`): what is on which shop, what
//! must still be sent, and the history of what happened. Every state change commits
//! before the network call that follows it, so a crash at any point leaves a state the
//! engine can resume from.

use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};

use super::error::{CatalogError, RecordKind, Result};
use super::ids::{Id, Timestamp};
use super::{CachedStatements, Catalog};

/// Where a product stands on a shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PublicationState {
    Queued,
    UploadingPhotos,
    Submitted,
    UnderReview,
    Live,
    Rejected,
    Failed,
    Conflict,
    Withdrawn,
}

impl PublicationState {
    pub const ALL: [PublicationState; 9] = [
        PublicationState::Queued,
        PublicationState::UploadingPhotos,
        PublicationState::Submitted,
        PublicationState::UnderReview,
        PublicationState::Live,
        PublicationState::Rejected,
        PublicationState::Failed,
        PublicationState::Conflict,
        PublicationState::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PublicationState::Queued => "queued",
            PublicationState::UploadingPhotos => "uploading_photos",
            PublicationState::Submitted => "submitted",
            PublicationState::UnderReview => "under_review",
            PublicationState::Live => "live",
            PublicationState::Rejected => "rejected",
            PublicationState::Failed => "failed",
            PublicationState::Conflict => "conflict",
            PublicationState::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<PublicationState> {
        PublicationState::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxOp {
    Create,
    Update,
    Unpublish,
}

impl OutboxOp {
    fn from_code(code: &str) -> Option<OutboxOp> {
        match code {
            "create" => Some(OutboxOp::Create),
            "update" => Some(OutboxOp::Update),
            "unpublish" => Some(OutboxOp::Unpublish),
            _ => None,
        }
    }
}

/// One product on one shop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publication {
    pub id: Id,
    pub shop_id: Id,
    pub product_id: Id,
    pub state: PublicationState,
    pub remote_id: Option<String>,
    pub revision: i64,
    pub synced: Option<serde_json::Value>,
    pub sending: Option<serde_json::Value>,
    pub problem: Option<serde_json::Value>,
    pub remote_copy: Option<serde_json::Value>,
    pub next_poll_at: Option<Timestamp>,
    pub poll_interval_ms: Option<i64>,
    pub updated_at: Timestamp,
}

/// A step waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxRow {
    pub seq: i64,
    pub publication_id: Id,
    pub op: OutboxOp,
    pub revision: i64,
    pub idempotency_key: String,
    /// `true` when a previous attempt may have reached the platform (the process died
    /// or the answer was lost): look before creating again.
    pub in_doubt: bool,
    pub attempts: i64,
    /// The user chose this catalog's copy over the platform's: no conflict check.
    pub forced: bool,
}

const PUBLICATION_COLUMNS: &str = "id, shop_id, product_id, state, remote_id, revision, synced, \
     problem, remote_copy, next_poll_at, poll_interval_ms, updated_at, sending";

fn json_of(text: Option<String>) -> Option<serde_json::Value> {
    text.and_then(|t| serde_json::from_str(&t).ok())
}

fn publication_from(row: &Row<'_>) -> rusqlite::Result<Publication> {
    let state: String = row.get(3)?;
    Ok(Publication {
        id: row.get(0)?,
        shop_id: row.get(1)?,
        product_id: row.get(2)?,
        state: PublicationState::from_code(&state).unwrap_or(PublicationState::Failed),
        remote_id: row.get(4)?,
        revision: row.get(5)?,
        synced: json_of(row.get(6)?),
        problem: json_of(row.get(7)?),
        remote_copy: json_of(row.get(8)?),
        next_poll_at: row.get(9)?,
        poll_interval_ms: row.get(10)?,
        updated_at: row.get(11)?,
        sending: json_of(row.get(12)?),
    })
}

fn publication(tx: &Transaction<'_>, id: Id) -> Result<Publication> {
    tx.row(
        &format!("SELECT {PUBLICATION_COLUMNS} FROM publication WHERE id = ?1"),
        [id],
        publication_from,
    )
    .optional()?
    .ok_or_else(|| CatalogError::not_found(RecordKind::Publication, id))
}

fn event(
    tx: &Transaction<'_>,
    publication_id: Id,
    kind: &str,
    detail: Option<&serde_json::Value>,
) -> Result<()> {
    tx.exec(
        "INSERT INTO sync_event (publication_id, at, kind, detail) VALUES (?1, ?2, ?3, ?4)",
        params![
            publication_id,
            Timestamp::now(),
            kind,
            detail.map(serde_json::Value::to_string)
        ],
    )?;
    Ok(())
}

fn set_state(tx: &Transaction<'_>, id: Id, state: PublicationState) -> Result<()> {
    tx.exec(
        "UPDATE publication SET state = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, state.code(), Timestamp::now()],
    )?;
    event(tx, id, state.code(), None)
}

/// One line of the sync centre's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncEvent {
    pub publication_id: Id,
    pub at: Timestamp,
    pub kind: String,
    pub detail: Option<serde_json::Value>,
}

impl Catalog {
    /// Queues `product_id` for `shop_id`: a new publication with its creation in the
    /// outbox. A product already there is left as it is, except one withdrawn or that
    /// failed before it was created, which is queued again. Returns the publication.
    pub fn queue_publication(&self, shop_id: Id, product_id: Id) -> Result<Publication> {
        self.write(|tx| {
            let existing: Option<(Id, String, Option<String>)> = tx
                .row(
                    "SELECT id, state, remote_id FROM publication WHERE shop_id = ?1 AND product_id = ?2",
                    params![shop_id, product_id],
                    |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
                )
                .optional()?;
            let now = Timestamp::now();
            let id = match existing {
                Some((id, state, remote_id)) => {
                    let again = state == "withdrawn" || (state == "failed" && remote_id.is_none());
                    if !again {
                        return publication(tx, id);
                    }
                    // Retired as done: a row left failed would hold back the new one.
                    tx.exec(
                        "UPDATE outbox SET state = 'done', updated_at = ?2
                         WHERE publication_id = ?1 AND state IN ('pending', 'failed', 'blocked')",
                        params![id, now],
                    )?;
                    tx.exec(
                        "UPDATE publication SET state = 'queued', problem = NULL, updated_at = ?2 WHERE id = ?1",
                        params![id, now],
                    )?;
                    id
                }
                None => {
                    let id = Id::new();
                    tx.exec(
                        "INSERT INTO publication (id, shop_id, product_id, state, created_at, updated_at)
                         VALUES (?1, ?2, ?3, 'queued', ?4, ?4)",
                        params![id, shop_id, product_id, now],
                    )?;
                    id
                }
            };
            let op = if existing_remote(tx, id)? { "update" } else { "create" };
            tx.exec(
                "INSERT INTO outbox (publication_id, op, revision, idempotency_key, state, created_at, updated_at)
                 SELECT id, ?2, revision, 'chophien-' || id || '-' || ?2 || '-' || revision, 'pending', ?3, ?3
                   FROM publication WHERE id = ?1
                 ON CONFLICT (publication_id, op) WHERE state = 'pending' DO NOTHING",
                params![id, op, now],
            )?;
            event(tx, id, "queued", None)?;
            publication(tx, id)
        })
    }

    pub fn publication(&self, id: Id) -> Result<Publication> {
        self.read(|tx| publication(tx, id))
    }

    /// The publication of `product_id` on `shop_id`, if it was ever queued there.
    pub fn publication_on(&self, shop_id: Id, product_id: Id) -> Result<Option<Publication>> {
        self.read(|tx| {
            Ok(tx
                .row(
                    &format!(
                        "SELECT {PUBLICATION_COLUMNS} FROM publication WHERE shop_id = ?1 AND product_id = ?2"
                    ),
                    params![shop_id, product_id],
                    publication_from,
                )
                .optional()?)
        })
    }

    /// Publications of a shop (or all), newest change first.
    pub fn publications(&self, shop_id: Option<Id>) -> Result<Vec<Publication>> {
        self.read(|tx| {
            let mut statement = tx.prepare_cached(&format!(
                "SELECT {PUBLICATION_COLUMNS} FROM publication
                 WHERE ?1 IS NULL OR shop_id = ?1 ORDER BY updated_at DESC, seq DESC"
            ))?;
            let rows = statement.query_map([shop_id], publication_from)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// The history of one publication, oldest first.
    pub fn sync_events(&self, publication_id: Id) -> Result<Vec<SyncEvent>> {
        self.read(|tx| {
            let mut statement = tx.prepare_cached(
                "SELECT publication_id, at, kind, detail FROM sync_event WHERE publication_id = ?1 ORDER BY seq",
            )?;
            let rows = statement.query_map([publication_id], |row| {
                Ok(SyncEvent {
                    publication_id: row.get(0)?,
                    at: row.get(1)?,
                    kind: row.get(2)?,
                    detail: json_of(row.get(3)?),
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Outbox rows of `shop_id` that may go now: the first unfinished row of each
    /// publication (steps of one product go in order), due, not already in hand.
    pub fn due_outbox(
        &self,
        shop_id: Id,
        now: Timestamp,
        busy: &[Id],
        limit: usize,
    ) -> Result<Vec<OutboxRow>> {
        self.read(|tx| {
            let mut statement = tx.prepare_cached(
                "SELECT o.seq, o.publication_id, o.op, o.revision, o.idempotency_key, o.state, o.attempts, o.forced
                   FROM outbox o JOIN publication p ON p.id = o.publication_id
                  WHERE p.shop_id = ?1 AND o.state IN ('pending', 'sending')
                    AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?2)
                    AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.publication_id = o.publication_id
                                      AND e.seq < o.seq AND e.state IN ('pending', 'sending', 'blocked', 'failed'))
                  ORDER BY o.seq",
            )?;
            let rows = statement.query_map(params![shop_id, now], |row| {
                let op: String = row.get(2)?;
                let state: String = row.get(5)?;
                Ok(OutboxRow {
                    seq: row.get(0)?,
                    publication_id: row.get(1)?,
                    op: OutboxOp::from_code(&op).unwrap_or(OutboxOp::Update),
                    revision: row.get(3)?,
                    idempotency_key: row.get(4)?,
                    in_doubt: state == "sending",
                    attempts: row.get(6)?,
                    forced: row.get(7)?,
                })
            })?;
            let mut due = Vec::new();
            for row in rows {
                let row = row?;
                if !busy.contains(&row.publication_id) {
                    due.push(row);
                    if due.len() == limit {
                        break;
                    }
                }
            }
            Ok(due)
        })
    }

    /// When the next outbox row of `shop_id` will be due, if any is waiting (rows held
    /// behind a failed or conflicting step of their product wait for the user, not time).
    pub fn next_outbox_time(&self, shop_id: Id) -> Result<Option<Option<Timestamp>>> {
        self.read(|tx| {
            Ok(tx
                .row(
                    "SELECT min(coalesce(o.next_attempt_at, '')) FROM outbox o JOIN publication p ON p.id = o.publication_id
                      WHERE p.shop_id = ?1 AND o.state IN ('pending', 'sending')
                        AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.publication_id = o.publication_id
                                          AND e.seq < o.seq AND e.state IN ('pending', 'sending', 'blocked', 'failed'))",
                    [shop_id],
                    |row| row.get::<_, Option<String>>(0),
                )?
                .map(|t| Timestamp::parse(&t)))
        })
    }

    /// Asks about every review of `shop_id` at the next turn ("Làm mới trạng thái").
    pub fn poll_reviews_now(&self, shop_id: Id) -> Result<()> {
        self.write(|tx| {
            tx.exec(
                "UPDATE publication SET next_poll_at = ?2 WHERE shop_id = ?1 AND state = 'under_review'",
                params![shop_id, Timestamp::now()],
            )?;
            Ok(())
        })
    }

    /// When the next review of `shop_id` should be asked about, if any is pending.
    pub fn next_poll_time(&self, shop_id: Id) -> Result<Option<Timestamp>> {
        self.read(|tx| {
            Ok(tx
                .row(
                    "SELECT min(next_poll_at) FROM publication WHERE shop_id = ?1 AND state = 'under_review'",
                    [shop_id],
                    |row| row.get::<_, Option<String>>(0),
                )?
                .and_then(|t| Timestamp::parse(&t)))
        })
    }

    /// How many steps wait to be sent, over all shops (for "send now?" prompts).
    pub fn waiting_steps(&self) -> Result<u32> {
        self.read(|tx| {
            Ok(tx.row(
                "SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')",
                [],
                |row| row.get(0),
            )?)
        })
    }

    /// Marks an attempt as started (before its first network call).
    pub fn begin_outbox_attempt(&self, seq: i64) -> Result<()> {
        self.write(|tx| {
            tx.exec(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?2 WHERE seq = ?1",
                params![seq, Timestamp::now()],
            )?;
            Ok(())
        })
    }

    /// The step will be tried again at `at` (a transient failure).
    pub fn retry_outbox(
        &self,
        row: &OutboxRow,
        at: Timestamp,
        error: &serde_json::Value,
    ) -> Result<()> {
        self.write(|tx| {
            // A newer edit may already wait in its own row: this one then merges into it.
            let newer: bool = tx.row(
                "SELECT EXISTS (SELECT 1 FROM outbox WHERE publication_id = ?1 AND op = ?2 AND state = 'pending' AND seq <> ?3)",
                params![row.publication_id, op_code(row.op), row.seq],
                |r| r.get(0),
            )?;
            if newer && row.op == OutboxOp::Update {
                tx.exec("UPDATE outbox SET state = 'done', updated_at = ?2 WHERE seq = ?1", params![row.seq, Timestamp::now()])?;
            } else {
                tx.exec(
                    "UPDATE outbox SET state = 'pending', next_attempt_at = ?2, last_error = ?3, updated_at = ?4 WHERE seq = ?1",
                    params![row.seq, at, error.to_string(), Timestamp::now()],
                )?;
            }
            tx.exec(
                "UPDATE publication SET problem = ?2, updated_at = ?3 WHERE id = ?1",
                params![row.publication_id, serde_json::json!({"error": error, "retry_at": at}).to_string(), Timestamp::now()],
            )?;
            event(tx, row.publication_id, "retry", Some(error))
        })
    }

    /// The step cannot succeed without the user (invalid field, refused credentials).
    pub fn fail_outbox(&self, row: &OutboxRow, error: &serde_json::Value) -> Result<()> {
        self.write(|tx| {
            tx.exec(
                "UPDATE outbox SET state = 'failed', last_error = ?2, updated_at = ?3 WHERE seq = ?1",
                params![row.seq, error.to_string(), Timestamp::now()],
            )?;
            tx.exec(
                "UPDATE publication SET state = 'failed', problem = ?2, updated_at = ?3 WHERE id = ?1",
                params![row.publication_id, serde_json::json!({"error": error}).to_string(), Timestamp::now()],
            )?;
            event(tx, row.publication_id, "failed", Some(error))
        })
    }

    /// Records what an update is about to send (before the call).
    pub fn record_sending(&self, id: Id, sending: &serde_json::Value) -> Result<()> {
        self.write(|tx| {
            tx.exec(
                "UPDATE publication SET sending = ?2 WHERE id = ?1",
                params![id, sending.to_string()],
            )?;
            Ok(())
        })
    }

    pub fn set_publication_state(&self, id: Id, state: PublicationState) -> Result<()> {
        self.write(|tx| set_state(tx, id, state))
    }

    /// The platform holds the product as `remote_id` (created, or found by SKU).
    pub fn record_remote_id(&self, id: Id, remote_id: &str) -> Result<()> {
        self.write(|tx| {
            tx.exec(
                "UPDATE publication SET remote_id = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, remote_id, Timestamp::now()],
            )?;
            event(
                tx,
                id,
                "created",
                Some(&serde_json::json!({"remote_id": remote_id})),
            )
        })
    }

    /// The step succeeded: the platform now holds `synced`; the product waits for review
    /// (`under_review`, polled from `poll_at`) or stays as it was.
    pub fn complete_outbox(
        &self,
        row: &OutboxRow,
        synced: Option<&serde_json::Value>,
        state: PublicationState,
        poll_at: Option<(Timestamp, i64)>,
    ) -> Result<()> {
        self.write(|tx| {
            let now = Timestamp::now();
            tx.exec(
                "UPDATE outbox SET state = 'done', updated_at = ?2 WHERE seq = ?1",
                params![row.seq, now],
            )?;
            if let Some(synced) = synced {
                tx.exec(
                    "UPDATE publication SET synced = ?2, sending = NULL WHERE id = ?1",
                    params![row.publication_id, synced.to_string()],
                )?;
            }
            tx.exec(
                "UPDATE publication SET state = ?2, problem = NULL, remote_copy = NULL,
                     next_poll_at = ?3, poll_interval_ms = ?4, updated_at = ?5 WHERE id = ?1",
                params![
                    row.publication_id,
                    state.code(),
                    poll_at.map(|p| p.0),
                    poll_at.map(|p| p.1),
                    now
                ],
            )?;
            event(tx, row.publication_id, state.code(), None)
        })
    }

    /// Someone changed the product on the platform since the last sync: the step waits
    /// until the user chooses between the two copies.
    pub fn block_outbox_on_conflict(
        &self,
        row: &OutboxRow,
        remote_copy: &serde_json::Value,
    ) -> Result<()> {
        self.write(|tx| {
            let now = Timestamp::now();
            tx.exec("UPDATE outbox SET state = 'blocked', updated_at = ?2 WHERE seq = ?1", params![row.seq, now])?;
            tx.exec(
                "UPDATE publication SET state = 'conflict', remote_copy = ?2, updated_at = ?3 WHERE id = ?1",
                params![row.publication_id, remote_copy.to_string(), now],
            )?;
            event(tx, row.publication_id, "conflict", Some(remote_copy))
        })
    }

    /// Resolves a conflict. `keep_local`: this catalog's copy goes over the platform's.
    /// Otherwise `synced` (the platform's copy, already written into the catalog by the
    /// caller) becomes what was last sent, and the blocked step is dropped.
    pub fn resolve_conflict(
        &self,
        publication_id: Id,
        keep_local: bool,
        synced: Option<&serde_json::Value>,
    ) -> Result<()> {
        self.write(|tx| {
            publication(tx, publication_id)?;
            let now = Timestamp::now();
            if keep_local {
                // Into the waiting row of its kind if an edit made one, else back in line.
                tx.exec(
                    "UPDATE outbox SET state = 'pending', next_attempt_at = NULL, updated_at = ?2
                      WHERE publication_id = ?1 AND state = 'blocked'
                        AND NOT EXISTS (SELECT 1 FROM outbox w WHERE w.publication_id = ?1 AND w.state = 'pending' AND w.op = outbox.op)",
                    params![publication_id, now],
                )?;
                tx.exec(
                    "UPDATE outbox SET forced = 1, updated_at = ?2 WHERE publication_id = ?1 AND state = 'pending'",
                    params![publication_id, now],
                )?;
            } else if let Some(synced) = synced {
                tx.exec(
                    "UPDATE publication SET synced = ?2 WHERE id = ?1",
                    params![publication_id, synced.to_string()],
                )?;
            }
            tx.exec(
                "UPDATE outbox SET state = 'done', updated_at = ?2 WHERE publication_id = ?1 AND state = 'blocked'",
                params![publication_id, now],
            )?;
            tx.exec(
                "UPDATE publication SET state = 'live', remote_copy = NULL, updated_at = ?2 WHERE id = ?1",
                params![publication_id, now],
            )?;
            event(tx, publication_id, if keep_local { "kept_local" } else { "took_remote" }, None)
        })
    }

    /// Takes a publication off its shop ("Gỡ khỏi cửa hàng"). A product that never
    /// reached the platform (no id, no creation in flight) just leaves the queue and is
    /// withdrawn at once; otherwise the steps still waiting are dropped and a take-down
    /// goes after whatever is in flight. Returns whether a take-down will be sent.
    pub fn withdraw_publication(&self, publication_id: Id) -> Result<bool> {
        self.write(|tx| {
            let publication = publication(tx, publication_id)?;
            if publication.state == PublicationState::Withdrawn {
                return Ok(false);
            }
            let now = Timestamp::now();
            let in_flight: bool = tx.row(
                "SELECT EXISTS (SELECT 1 FROM outbox WHERE publication_id = ?1 AND state = 'sending')",
                [publication_id],
                |row| row.get(0),
            )?;
            tx.exec(
                "UPDATE outbox SET state = 'done', updated_at = ?2
                  WHERE publication_id = ?1 AND state IN ('pending', 'failed', 'blocked')",
                params![publication_id, now],
            )?;
            if publication.remote_id.is_none() && !in_flight {
                tx.exec(
                    "UPDATE publication SET state = 'withdrawn', problem = NULL, next_poll_at = NULL,
                            updated_at = ?2 WHERE id = ?1",
                    params![publication_id, now],
                )?;
                event(tx, publication_id, "withdrawn", None)?;
                return Ok(false);
            }
            tx.exec(
                "INSERT INTO outbox (publication_id, op, revision, idempotency_key, state, created_at, updated_at)
                 SELECT id, 'unpublish', revision, id || ':unpublish:' || revision, 'pending', ?2, ?2
                   FROM publication WHERE id = ?1
                 ON CONFLICT (publication_id, op) WHERE state = 'pending' DO NOTHING",
                params![publication_id, now],
            )?;
            event(tx, publication_id, "withdraw_requested", None)?;
            Ok(true)
        })
    }

    /// Puts a failed step back in the queue (after the user fixed what was refused).
    pub fn retry_publication(&self, publication_id: Id) -> Result<bool> {
        self.write(|tx| {
            let publication = publication(tx, publication_id)?;
            let now = Timestamp::now();
            let failed: Option<(i64, String)> = tx
                .row(
                    "SELECT seq, op FROM outbox WHERE publication_id = ?1 AND state = 'failed' ORDER BY seq DESC LIMIT 1",
                    [publication_id],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?;
            let op = match (&failed, &publication.remote_id) {
                (Some((_, op)), _) => op.clone(),
                (None, Some(_)) => "update".to_owned(),
                (None, None) => "create".to_owned(),
            };
            if !matches!(publication.state, PublicationState::Failed | PublicationState::Rejected) {
                return Ok(false);
            }
            tx.exec("UPDATE outbox SET state = 'done', updated_at = ?2 WHERE publication_id = ?1 AND state = 'failed'", params![publication_id, now])?;
            tx.exec(
                "INSERT INTO outbox (publication_id, op, revision, idempotency_key, state, created_at, updated_at)
                 SELECT id, ?2, revision, 'chophien-' || id || '-' || ?2 || '-' || revision || '-' || ?3, 'pending', ?4, ?4
                   FROM publication WHERE id = ?1
                 ON CONFLICT (publication_id, op) WHERE state = 'pending' DO UPDATE SET next_attempt_at = NULL",
                params![publication_id, op, failed.map_or(0, |f| f.0), now],
            )?;
            tx.exec(
                "UPDATE publication SET state = 'queued', problem = NULL, updated_at = ?2 WHERE id = ?1",
                params![publication_id, now],
            )?;
            event(tx, publication_id, "queued", None)?;
            Ok(true)
        })
    }

    /// Publications of `shop_id` under review whose status should be asked now.
    pub fn due_polls(&self, shop_id: Id, now: Timestamp) -> Result<Vec<Publication>> {
        self.read(|tx| {
            let mut statement = tx.prepare_cached(&format!(
                "SELECT {PUBLICATION_COLUMNS} FROM publication
                  WHERE shop_id = ?1 AND state = 'under_review' AND next_poll_at <= ?2 ORDER BY next_poll_at"
            ))?;
            let rows = statement.query_map(params![shop_id, now], publication_from)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// The review ended (`live` or `rejected` with the platform's reasons) or goes on
    /// (asked again at `next`).
    pub fn record_review(
        &self,
        id: Id,
        state: PublicationState,
        reasons: Option<&serde_json::Value>,
        next: Option<(Timestamp, i64)>,
    ) -> Result<()> {
        self.write(|tx| {
            let before = publication(tx, id)?;
            tx.exec(
                "UPDATE publication SET state = ?2, problem = ?3, next_poll_at = ?4, poll_interval_ms = ?5,
                     updated_at = ?6 WHERE id = ?1",
                params![id, state.code(), reasons.map(serde_json::Value::to_string), next.map(|n| n.0), next.map(|n| n.1), Timestamp::now()],
            )?;
            if before.state != state {
                event(tx, id, state.code(), reasons)?;
            }
            Ok(())
        })
    }

    /// The platform's id of a rendition already uploaded to `shop_id`.
    pub fn remote_image(
        &self,
        shop_id: Id,
        rendition: &str,
    ) -> Result<Option<(String, Option<String>)>> {
        self.read(|tx| {
            Ok(tx
                .row(
                    "SELECT remote_id, url FROM remote_image WHERE shop_id = ?1 AND rendition = ?2",
                    params![shop_id, rendition],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?)
        })
    }

    pub fn record_remote_image(
        &self,
        shop_id: Id,
        rendition: &str,
        remote_id: &str,
        url: Option<&str>,
    ) -> Result<()> {
        self.write(|tx| {
            tx.exec(
                "INSERT INTO remote_image (shop_id, rendition, remote_id, url, uploaded_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (shop_id, rendition) DO UPDATE SET remote_id = excluded.remote_id, url = excluded.url",
                params![shop_id, rendition, remote_id, url, Timestamp::now()],
            )?;
            Ok(())
        })
    }
}

fn existing_remote(tx: &Transaction<'_>, id: Id) -> Result<bool> {
    Ok(tx.row(
        "SELECT remote_id IS NOT NULL FROM publication WHERE id = ?1",
        [id],
        |row| row.get(0),
    )?)
}

fn op_code(op: OutboxOp) -> &'static str {
    match op {
        OutboxOp::Create => "create",
        OutboxOp::Update => "update",
        OutboxOp::Unpublish => "unpublish",
    }
}
