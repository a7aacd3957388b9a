//! The sync engine: per shop, a loop that takes due outbox steps (at most `concurrency`
//! at once, one per product), paces requests with a token bucket, retries transient
//! failures with back-off, renews tokens when the platform says they expired, and polls
//! reviews until they end. Every state change is committed before the network call that
//! follows it.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde_json::json;
use time::Date;
use tokio::task::JoinSet;

use super::draft::{self, DraftProblem, Prepared, Synced};
use super::pacing::{Bucket, backoff, default_rate};
use super::{StepError, SyncError};
use crate::catalog::Catalog;
use crate::catalog::ids::{Id, Timestamp};
use crate::catalog::sync::{OutboxOp, OutboxRow, Publication, PublicationState};
use crate::i18n::{I18n, Localize};
use crate::market::http::Http;
use crate::market::{MarketError, Marketplace, RemoteImage, ReviewState, SkuUpdate};
use crate::rules::RuleSet;
use crate::shops::secrets::SecretStore;
use crate::shops::{self, Adapter, ShopError};

#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Steps of one shop in flight at once.
    pub concurrency: usize,
    /// Requests per second; `None`: the platform's default (`pacing::default_rate`).
    pub rate: Option<f64>,
    pub backoff_base: Duration,
    pub backoff_cap: Duration,
    /// First wait before asking about a review, doubled each time up to `poll_cap`.
    pub poll_first: Duration,
    pub poll_cap: Duration,
    /// Keep running while reviews are pending (polling them), up to this long after the
    /// outbox is empty; zero stops as soon as nothing is left to send.
    pub wait_for_reviews: Duration,
    /// A step retried later than this from now ends the run instead of waiting for it.
    pub longest_wait: Duration,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            concurrency: 4,
            rate: None,
            backoff_base: Duration::from_secs(2),
            backoff_cap: Duration::from_secs(300),
            poll_first: Duration::from_secs(30),
            poll_cap: Duration::from_secs(600),
            wait_for_reviews: Duration::ZERO,
            longest_wait: Duration::from_secs(120),
        }
    }
}

/// Reported as the engine goes, for progress bars and the sync centre.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Progress {
    pub shop_id: Id,
    pub publication_id: Id,
    pub product_id: Id,
    pub state: PublicationState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// How a shop's run ended.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ShopOutcome {
    /// Nothing left to send (reviews may still be pending).
    Drained,
    /// Steps wait for a later retry (back-off, rate limits, a daily cap).
    Waiting {
        next_at: Option<String>,
    },
    /// The shop needs the user: its authorisation lapsed or a credential is refused.
    Paused {
        message: String,
    },
    Cancelled,
}

pub struct Engine {
    pub catalog: Arc<Catalog>,
    pub secrets: Arc<dyn SecretStore>,
    pub http: Arc<Http>,
    pub rules: Arc<RuleSet>,
    pub i18n: Arc<I18n>,
    pub today: Date,
    pub options: SyncOptions,
    pub cancel: Arc<AtomicBool>,
    pub progress: Option<tokio::sync::mpsc::UnboundedSender<Progress>>,
}

/// What one shop's tasks share.
struct Run {
    engine: Arc<EngineParts>,
    shop: crate::catalog::shops::Shop,
    adapter: Adapter,
    bucket: Bucket,
    refresh: tokio::sync::Mutex<()>,
    paused: std::sync::Mutex<Option<String>>,
    /// One lock per photo rendition: products sharing a photo, sent at the same time,
    /// upload it once (the second waits, then finds it recorded).
    photo_locks: std::sync::Mutex<std::collections::HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

/// The engine's parts, shared by the tasks of a run.
struct EngineParts {
    catalog: Arc<Catalog>,
    secrets: Arc<dyn SecretStore>,
    rules: Arc<RuleSet>,
    i18n: Arc<I18n>,
    today: Date,
    options: SyncOptions,
    progress: Option<tokio::sync::mpsc::UnboundedSender<Progress>>,
}

/// How a step ended.
enum Step {
    Done,
    /// Try again at this time.
    Retry(Timestamp, StepError),
    /// The user must act.
    Failed(StepError),
    /// The shop must stop (authorisation).
    Pause(StepError),
}

fn later(wait: Duration) -> Timestamp {
    let now = Timestamp::now().as_offset_date_time();
    Timestamp::from(now + time::Duration::try_from(wait).unwrap_or(time::Duration::ZERO))
}

impl Engine {
    /// Drains `shop_id`'s outbox (and polls its reviews). Returns how the run ended.
    pub async fn run_shop(&self, shop_id: Id) -> Result<ShopOutcome, SyncError> {
        let parts = Arc::new(EngineParts {
            catalog: self.catalog.clone(),
            secrets: self.secrets.clone(),
            rules: self.rules.clone(),
            i18n: self.i18n.clone(),
            today: self.today,
            options: self.options.clone(),
            progress: self.progress.clone(),
        });
        let session = match shops::open(
            &self.catalog,
            self.secrets.as_ref(),
            self.http.clone(),
            shop_id,
        )
        .await
        {
            Ok(session) => session,
            Err(ShopError::Market(error)) if pauses_shop(&error) => {
                return Ok(ShopOutcome::Paused {
                    message: error.localize(&self.i18n),
                });
            }
            Err(ShopError::Market(error)) if error.is_transient() => {
                return Ok(ShopOutcome::Waiting { next_at: None });
            }
            Err(other) => return Err(other.into()),
        };
        let rate = self
            .options
            .rate
            .unwrap_or_else(|| default_rate(session.shop.platform));
        let run = Arc::new(Run {
            engine: parts,
            shop: session.shop,
            adapter: session.adapter,
            bucket: Bucket::new(rate),
            refresh: tokio::sync::Mutex::new(()),
            paused: std::sync::Mutex::new(None),
            photo_locks: std::sync::Mutex::new(std::collections::HashMap::new()),
        });
        run.drain(&self.cancel).await
    }
}

fn pauses_shop(error: &MarketError) -> bool {
    matches!(
        error,
        MarketError::Reauthorize | MarketError::WrongCredential { .. }
    )
}

impl Run {
    fn catalog(&self) -> &Catalog {
        &self.engine.catalog
    }

    fn paused(&self) -> Option<String> {
        self.paused
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    fn report(&self, publication: &Publication, state: PublicationState, message: Option<String>) {
        if let Some(progress) = &self.engine.progress {
            let _ = progress.send(Progress {
                shop_id: self.shop.id,
                publication_id: publication.id,
                product_id: publication.product_id,
                state,
                message,
            });
        }
    }

    async fn drain(self: &Arc<Self>, cancel: &AtomicBool) -> Result<ShopOutcome, SyncError> {
        let options = &self.engine.options;
        // Each task hands back the publication it worked on, which is then free again.
        let mut tasks: JoinSet<(Id, Result<(), SyncError>)> = JoinSet::new();
        let mut busy: HashSet<Id> = HashSet::new();
        let mut review_deadline: Option<tokio::time::Instant> = None;
        loop {
            if cancel.load(Ordering::Relaxed) {
                // Steps cut short stay `sending`: in doubt, checked on the next run.
                tasks.shutdown().await;
                return Ok(ShopOutcome::Cancelled);
            }
            if let Some(message) = self.paused() {
                while let Some(done) = tasks.join_next().await {
                    task_result(done)?;
                }
                return Ok(ShopOutcome::Paused { message });
            }
            let now = Timestamp::now();
            let free = options.concurrency.saturating_sub(tasks.len());
            if free > 0 {
                let held: Vec<Id> = busy.iter().copied().collect();
                for row in self.catalog().due_outbox(self.shop.id, now, &held, free)? {
                    busy.insert(row.publication_id);
                    let run = self.clone();
                    tasks.spawn(async move { (row.publication_id, run.step(row).await) });
                }
                let free = options.concurrency.saturating_sub(tasks.len());
                for publication in self.catalog().due_polls(self.shop.id, now)? {
                    if tasks.len() >= options.concurrency || free == 0 {
                        break;
                    }
                    if busy.insert(publication.id) {
                        let run = self.clone();
                        tasks.spawn(async move { (publication.id, run.poll(publication).await) });
                    }
                }
            }
            if tasks.is_empty() {
                let next_step = self.catalog().next_outbox_time(self.shop.id)?;
                let next_poll = self.catalog().next_poll_time(self.shop.id)?;
                let wait = match (next_step, next_poll) {
                    (None, None) => return Ok(ShopOutcome::Drained),
                    (Some(step), _) => step.as_ref().map(until).unwrap_or_default(),
                    (None, Some(poll)) => {
                        // Only reviews remain: wait for them as long as allowed.
                        let deadline = *review_deadline.get_or_insert_with(|| {
                            tokio::time::Instant::now() + options.wait_for_reviews
                        });
                        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
                        if left.is_zero() {
                            return Ok(ShopOutcome::Drained);
                        }
                        until(&poll).min(left)
                    }
                };
                if wait > options.longest_wait {
                    return Ok(ShopOutcome::Waiting {
                        next_at: next_step.flatten().map(|t| t.to_db_text()),
                    });
                }
                tokio::time::sleep(wait.min(Duration::from_millis(500))).await;
                continue;
            }
            // Wait for a task, or a short tick to take steps that became due.
            if let Ok(Some(done)) =
                tokio::time::timeout(Duration::from_millis(100), tasks.join_next()).await
            {
                busy.remove(&task_result(done)?);
            }
        }
    }

    /// Runs a call, renewing the tokens once if the platform says they expired.
    async fn call<T, F, Fut>(&self, call: F) -> Result<T, MarketError>
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Result<T, MarketError>>,
    {
        self.bucket.take().await;
        let before = self.adapter.current_tokens();
        match call().await {
            Err(MarketError::AuthExpired) => {
                self.renew(before).await?;
                self.bucket.take().await;
                call().await
            }
            other => other,
        }
    }

    /// Renews the tokens, unless another task did since `seen` (Shopee refresh tokens
    /// are single-use: two renewals would lock the shop out).
    async fn renew(&self, seen: Option<crate::market::Tokens>) -> Result<(), MarketError> {
        let _guard = self.refresh.lock().await;
        if self.adapter.current_tokens() != seen {
            return Ok(());
        }
        let secrets = self
            .engine
            .secrets
            .load(self.shop.id)
            .ok()
            .flatten()
            .ok_or(MarketError::Reauthorize)?;
        match self.adapter.refresh_tokens().await {
            Ok(tokens) => {
                self.engine
                    .secrets
                    .save(
                        self.shop.id,
                        &crate::shops::secrets::ShopSecrets {
                            secret: secrets.secret,
                            tokens: Some(tokens.clone()),
                        },
                    )
                    .map_err(|_| MarketError::Reauthorize)?;
                self.adapter.use_tokens(tokens.clone());
                let _ = self.catalog().record_shop_authorization(
                    self.shop.id,
                    tokens.access_expires_at,
                    tokens.refresh_expires_at,
                    &self.shop.identity,
                );
                Ok(())
            }
            Err(MarketError::Reauthorize) => {
                let _ = self.catalog().mark_shop_needs_reauth(self.shop.id);
                Err(MarketError::Reauthorize)
            }
            Err(other) => Err(other),
        }
    }

    fn step_error(&self, error: &MarketError) -> StepError {
        StepError {
            code: error.code(),
            message: error.localize(&self.engine.i18n),
            field: match error {
                MarketError::Invalid { field, .. } => *field,
                _ => None,
            },
        }
    }

    /// What to do after a platform error.
    fn after(&self, error: &MarketError, attempts: i64) -> Step {
        let options = &self.engine.options;
        let step_error = self.step_error(error);
        match error {
            e if pauses_shop(e) => Step::Pause(step_error),
            MarketError::RateLimited { wait: Some(wait) } => Step::Retry(
                later(*wait + Duration::from_millis(fastrand::u64(0..250))),
                step_error,
            ),
            MarketError::DailyLimit => {
                Step::Retry(later(until_next_day(self.shop.platform)), step_error)
            }
            e if e.is_transient()
                || matches!(
                    e,
                    MarketError::AuthExpired | MarketError::RateLimited { .. }
                ) =>
            {
                Step::Retry(
                    later(backoff(attempts, options.backoff_base, options.backoff_cap)),
                    step_error,
                )
            }
            _ => Step::Failed(step_error),
        }
    }

    async fn step(self: Arc<Self>, row: OutboxRow) -> Result<(), SyncError> {
        let publication = self.catalog().publication(row.publication_id)?;
        self.catalog().begin_outbox_attempt(row.seq)?;
        let attempts = row.attempts + 1;
        let outcome = match row.op {
            OutboxOp::Create => self.create(&row, &publication, attempts).await?,
            OutboxOp::Update => self.update(&row, &publication, attempts).await?,
            OutboxOp::Unpublish => self.unpublish(&row, &publication, attempts).await?,
        };
        self.finish(&row, &publication, outcome)
    }

    fn finish(
        &self,
        row: &OutboxRow,
        publication: &Publication,
        outcome: Step,
    ) -> Result<(), SyncError> {
        match outcome {
            Step::Done => {}
            Step::Retry(at, error) => {
                self.catalog().retry_outbox(row, at, &json!(error))?;
                self.report(publication, PublicationState::Failed, Some(error.message));
            }
            Step::Failed(error) => {
                self.catalog().fail_outbox(row, &json!(error))?;
                self.report(publication, PublicationState::Failed, Some(error.message));
            }
            Step::Pause(error) => {
                // Not the product's fault: it goes again once the shop is reconnected.
                self.catalog()
                    .retry_outbox(row, Timestamp::now(), &json!(error))?;
                *self
                    .paused
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(error.message);
            }
        }
        Ok(())
    }

    fn prepare(&self, publication: &Publication) -> Result<Result<Prepared, Step>, SyncError> {
        let engine = &self.engine;
        Ok(draft::prepare(
            &engine.catalog,
            &self.shop,
            publication.id,
            publication.product_id,
            &engine.rules,
            engine.today,
            &engine.i18n,
        )?
        .map_err(|problem| Step::Failed(self.draft_error(&problem))))
    }

    fn draft_error(&self, problem: &DraftProblem) -> StepError {
        let i18n = &self.engine.i18n;
        let (code, message) = match problem {
            DraftProblem::NoCategory { key } => (
                "sync.no-category",
                i18n.tr_args("sync-no-category", crate::args!["category" => key.clone().unwrap_or_default(), "platform" => self.shop.platform.name()]),
            ),
            DraftProblem::MissingAttributes { names } => (
                "sync.missing-attributes",
                i18n.tr_args("sync-missing-attributes", crate::args!["names" => names.join(", ")]),
            ),
            DraftProblem::NoVariant => ("sync.no-variant", i18n.tr("sync-no-variant")),
            DraftProblem::NoPhoto => ("sync.no-photo", i18n.tr("sync-no-photo")),
            DraftProblem::Photo { message } => ("sync.photo", message.clone()),
        };
        StepError {
            code,
            message,
            field: None,
        }
    }

    /// Uploads the photos the shop does not hold yet (each recorded as soon as it is
    /// up, so none goes twice) and fills the draft's image list.
    async fn upload_photos(&self, prepared: &mut Prepared) -> Result<(), MarketError> {
        let mut images = Vec::with_capacity(prepared.photos.len());
        for (rendition, path) in &prepared.photos {
            let lock = self
                .photo_locks
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .entry(rendition.clone())
                .or_default()
                .clone();
            let _held = lock.lock().await;
            if let Ok(Some((id, url))) = self.catalog().remote_image(self.shop.id, rendition) {
                images.push(RemoteImage { id, url });
                continue;
            }
            let bytes = std::fs::read(path).map_err(|_| {
                MarketError::Malformed(crate::market::Malformed::Unexpected(rendition.clone()))
            })?;
            let image = self
                .call(|| self.adapter.upload_image(bytes.clone(), rendition))
                .await?;
            // A record that fails to save means one extra upload later, never a loss.
            let _ = self.catalog().record_remote_image(
                self.shop.id,
                rendition,
                &image.id,
                image.url.as_deref(),
            );
            images.push(image);
        }
        prepared.draft.images = images;
        Ok(())
    }

    fn poll_start(&self) -> Option<(Timestamp, i64)> {
        let first = self.engine.options.poll_first;
        Some((
            later(first),
            i64::try_from(first.as_millis()).unwrap_or(i64::MAX),
        ))
    }

    async fn create(
        &self,
        row: &OutboxRow,
        publication: &Publication,
        attempts: i64,
    ) -> Result<Step, SyncError> {
        if publication.remote_id.is_some() {
            self.catalog()
                .complete_outbox(row, None, publication.state, None)?;
            return Ok(Step::Done);
        }
        let mut prepared = match self.prepare(publication)? {
            Ok(prepared) => prepared,
            Err(step) => return Ok(step),
        };
        let sku = prepared.draft.skus[0].seller_sku.clone();
        // A previous attempt may have created it: look before creating again (TikTok's
        // idempotency key makes the creation itself safe to repeat).
        if attempts > 1 && self.shop.platform != crate::platform::Platform::TiktokShop {
            match self.call(|| self.adapter.find_by_sku(&sku)).await {
                Ok(Some(remote_id)) => {
                    return self
                        .adopt(row, publication, &remote_id, &prepared, attempts)
                        .await;
                }
                Ok(None) => {}
                Err(error) => return Ok(self.after(&error, attempts)),
            }
        }
        self.catalog()
            .set_publication_state(publication.id, PublicationState::UploadingPhotos)?;
        self.report(publication, PublicationState::UploadingPhotos, None);
        if let Err(error) = self.upload_photos(&mut prepared).await {
            return Ok(self.after(&error, attempts));
        }
        self.catalog()
            .set_publication_state(publication.id, PublicationState::Submitted)?;
        self.report(publication, PublicationState::Submitted, None);
        prepared
            .draft
            .idempotency_key
            .clone_from(&row.idempotency_key);
        match self
            .call(|| self.adapter.create_product(&prepared.draft))
            .await
        {
            Ok(created) => self.created(row, publication, &created.product_id, &prepared.synced),
            Err(MarketError::DuplicateSku { .. }) => {
                match self.call(|| self.adapter.find_by_sku(&sku)).await {
                    Ok(Some(remote_id)) => {
                        self.adopt(row, publication, &remote_id, &prepared, attempts)
                            .await
                    }
                    Ok(None) => {
                        Ok(Step::Failed(self.step_error(&MarketError::DuplicateSku {
                            code: "sku".into(),
                        })))
                    }
                    Err(error) => Ok(self.after(&error, attempts)),
                }
            }
            Err(error) => Ok(self.after(&error, attempts)),
        }
    }

    /// Takes a product that an earlier attempt made as this publication's, finishing
    /// what that attempt may have left undone.
    async fn adopt(
        &self,
        row: &OutboxRow,
        publication: &Publication,
        remote_id: &str,
        prepared: &Prepared,
        attempts: i64,
    ) -> Result<Step, SyncError> {
        if let Err(error) = self
            .call(|| self.adapter.finish_creation(remote_id, &prepared.draft))
            .await
        {
            return Ok(self.after(&error, attempts));
        }
        self.created(row, publication, remote_id, &prepared.synced)
    }

    fn created(
        &self,
        row: &OutboxRow,
        publication: &Publication,
        remote_id: &str,
        synced: &Synced,
    ) -> Result<Step, SyncError> {
        self.catalog().record_remote_id(publication.id, remote_id)?;
        self.catalog().complete_outbox(
            row,
            Some(&json!(synced)),
            PublicationState::UnderReview,
            self.poll_start(),
        )?;
        self.report(publication, PublicationState::UnderReview, None);
        Ok(Step::Done)
    }

    async fn update(
        &self,
        row: &OutboxRow,
        publication: &Publication,
        attempts: i64,
    ) -> Result<Step, SyncError> {
        if publication.state == PublicationState::Withdrawn {
            // Taken off the shop: an edit made since is not sent there.
            self.catalog()
                .complete_outbox(row, None, publication.state, None)?;
            return Ok(Step::Done);
        }
        let Some(remote_id) = publication.remote_id.clone() else {
            // Not created yet (its creation failed): the creation will send the latest.
            self.catalog()
                .complete_outbox(row, None, publication.state, None)?;
            return Ok(Step::Done);
        };
        let mut prepared = match self.prepare(publication)? {
            Ok(prepared) => prepared,
            Err(step) => return Ok(step),
        };
        let last: Option<Synced> = publication
            .synced
            .clone()
            .and_then(|s| serde_json::from_value(s).ok());
        if let Some(last) = &last {
            if !row.forced {
                let remote = match self.call(|| self.adapter.product(&remote_id)).await {
                    Ok(remote) => remote,
                    Err(error) => return Ok(self.after(&error, attempts)),
                };
                let in_flight: Option<Synced> = publication
                    .sending
                    .clone()
                    .and_then(|s| serde_json::from_value(s).ok());
                let ours = |copy: &Synced| conflict(copy, &remote).is_none();
                if let Some(copy) =
                    conflict(last, &remote).filter(|_| !in_flight.as_ref().is_some_and(ours))
                {
                    self.catalog().block_outbox_on_conflict(row, &copy)?;
                    self.report(publication, PublicationState::Conflict, None);
                    return Ok(Step::Done);
                }
            }
        }
        let content_changed = last
            .as_ref()
            .is_none_or(|l| l.content != prepared.synced.content);
        let state = if content_changed {
            if let Err(error) = self.upload_photos(&mut prepared).await {
                return Ok(self.after(&error, attempts));
            }
            if let Err(error) = self
                .call(|| self.adapter.update_product(&remote_id, &prepared.draft))
                .await
            {
                return Ok(self.after(&error, attempts));
            }
            PublicationState::UnderReview
        } else if last
            .as_ref()
            .is_some_and(|l| l.skus != prepared.synced.skus)
        {
            let skus: Vec<SkuUpdate> = prepared.draft.skus.iter().map(SkuUpdate::from).collect();
            if let Err(error) = self
                .call(|| self.adapter.update_price_stock(&remote_id, &skus))
                .await
            {
                return Ok(self.after(&error, attempts));
            }
            if publication.state == PublicationState::Conflict {
                PublicationState::Live
            } else {
                publication.state
            }
        } else {
            publication.state
        };
        let poll = (state == PublicationState::UnderReview)
            .then(|| self.poll_start())
            .flatten();
        self.catalog()
            .complete_outbox(row, Some(&json!(prepared.synced)), state, poll)?;
        self.report(publication, state, None);
        Ok(Step::Done)
    }

    async fn unpublish(
        &self,
        row: &OutboxRow,
        publication: &Publication,
        attempts: i64,
    ) -> Result<Step, SyncError> {
        if let Some(remote_id) = &publication.remote_id {
            if let Err(error) = self.call(|| self.adapter.deactivate(remote_id)).await {
                return Ok(self.after(&error, attempts));
            }
        }
        self.catalog()
            .complete_outbox(row, None, PublicationState::Withdrawn, None)?;
        self.report(publication, PublicationState::Withdrawn, None);
        Ok(Step::Done)
    }

    async fn poll(self: Arc<Self>, publication: Publication) -> Result<(), SyncError> {
        let Some(remote_id) = publication.remote_id.clone() else {
            return Ok(());
        };
        let options = &self.engine.options;
        let interval = Duration::from_millis(
            u64::try_from(publication.poll_interval_ms.unwrap_or(0)).unwrap_or(0),
        )
        .max(options.poll_first);
        let next = (interval * 2).min(options.poll_cap);
        let next_poll = Some((
            later(next),
            i64::try_from(next.as_millis()).unwrap_or(i64::MAX),
        ));
        match self.call(|| self.adapter.product(&remote_id)).await {
            Ok(remote) => {
                let (state, reasons, poll) = match remote.state {
                    ReviewState::Live => (PublicationState::Live, None, None),
                    ReviewState::Rejected { reasons } => (
                        PublicationState::Rejected,
                        Some(json!({"reasons": reasons})),
                        None,
                    ),
                    ReviewState::Deactivated | ReviewState::Deleted => {
                        (PublicationState::Withdrawn, None, None)
                    }
                    ReviewState::UnderReview | ReviewState::Draft => {
                        (PublicationState::UnderReview, None, next_poll)
                    }
                };
                self.catalog()
                    .record_review(publication.id, state, reasons.as_ref(), poll)?;
                if state != PublicationState::UnderReview {
                    self.report(&publication, state, None);
                }
            }
            Err(error) if pauses_shop(&error) => {
                *self
                    .paused
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) =
                    Some(error.localize(&self.engine.i18n));
            }
            Err(_) => {
                // Asked again later; a review answer is never lost by waiting.
                self.catalog().record_review(
                    publication.id,
                    PublicationState::UnderReview,
                    None,
                    next_poll,
                )?;
            }
        }
        Ok(())
    }
}

/// A finished task's publication, or the error that stopped it.
fn task_result(
    done: Result<(Id, Result<(), SyncError>), tokio::task::JoinError>,
) -> Result<Id, SyncError> {
    match done {
        Ok((id, result)) => result.map(|()| id),
        // A task panicked: a bug, reported as such rather than hidden.
        Err(error) => std::panic::resume_unwind(error.into_panic()),
    }
}

/// The platform's copy when someone changed its title or a price there since the last
/// sync (stock is left out: sales change it on the platform all the time).
fn conflict(last: &Synced, remote: &crate::market::RemoteProduct) -> Option<serde_json::Value> {
    let title_changed = remote.title.as_ref().is_some_and(|t| *t != last.title);
    let price_changed = remote.skus.iter().any(|sku| {
        let before = last.skus.iter().find(|(s, _, _)| *s == sku.seller_sku);
        matches!((before, sku.price_vnd), (Some((_, price, _)), Some(now)) if *price != now)
    });
    (title_changed || price_changed).then(|| {
        json!({
            "title": remote.title,
            "skus": remote.skus.iter().map(|s| json!({"seller_sku": s.seller_sku, "price": s.price_vnd, "stock": s.stock})).collect::<Vec<_>>(),
            "last_sent": last,
        })
    })
}

fn until(at: &Timestamp) -> Duration {
    let left = at.as_offset_date_time() - Timestamp::now().as_offset_date_time();
    Duration::try_from(left).unwrap_or(Duration::ZERO)
}

/// Time until the platform's daily counters reset: midnight in Vietnam (UTC+7), or in
/// Singapore (UTC+8) for Shopee.
fn until_next_day(platform: crate::platform::Platform) -> Duration {
    let offset_hours = if platform == crate::platform::Platform::Shopee {
        8
    } else {
        7
    };
    let now = time::OffsetDateTime::now_utc()
        .to_offset(time::UtcOffset::from_hms(offset_hours, 0, 0).unwrap_or(time::UtcOffset::UTC));
    let tomorrow = now
        .date()
        .next_day()
        .map(|d| d.midnight().assume_offset(now.offset()));
    tomorrow
        .and_then(|t| Duration::try_from(t - now).ok())
        .unwrap_or(Duration::from_secs(3600))
}
