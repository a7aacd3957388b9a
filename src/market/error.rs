//! What a marketplace call can end in, as data: every platform's signals (HTTP status,
//! codes in the JSON, messages) map to these, so the sync engine decides retries the same
//! way for all of them and the user reads one kind of sentence.

use std::time::Duration;

use serde::Serialize;

use crate::args;
use crate::i18n::{I18n, Localize};

/// A credential the platform says is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Credential {
    AppKey,
    AppSecret,
    PartnerId,
    PartnerKey,
    ShopId,
    AuthorizationCode,
    AccessToken,
    ShopCipher,
}

impl Credential {
    fn message_id(self) -> &'static str {
        match self {
            Credential::AppKey => "market-credential-app-key",
            Credential::AppSecret => "market-credential-app-secret",
            Credential::PartnerId => "market-credential-partner-id",
            Credential::PartnerKey => "market-credential-partner-key",
            Credential::ShopId => "market-credential-shop-id",
            Credential::AuthorizationCode => "market-credential-code",
            Credential::AccessToken => "market-credential-access-token",
            Credential::ShopCipher => "market-credential-shop-cipher",
        }
    }
}

/// The part of a listing a platform refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemoteField {
    Title,
    Description,
    Category,
    Images,
    Attributes,
    Price,
    Stock,
    Sku,
    /// The options a shopper chooses between (sizes, packs).
    Variants,
    Package,
}

impl RemoteField {
    fn message_id(self) -> &'static str {
        match self {
            RemoteField::Title => "market-field-title",
            RemoteField::Description => "market-field-description",
            RemoteField::Category => "market-field-category",
            RemoteField::Images => "market-field-images",
            RemoteField::Attributes => "market-field-attributes",
            RemoteField::Price => "market-field-price",
            RemoteField::Stock => "market-field-stock",
            RemoteField::Sku => "market-field-sku",
            RemoteField::Variants => "market-field-variants",
            RemoteField::Package => "market-field-package",
        }
    }
}

/// Why an answer could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Malformed {
    /// Not JSON at all (an HTML error page, a captive portal's login page).
    NotJson,
    /// JSON that stops half-way: the connection broke during the answer.
    Truncated,
    /// Larger than any answer the app expects.
    TooLarge,
    /// JSON without what the platform documents (a missing field, an unknown status).
    Unexpected(String),
}

/// How the connection failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NetworkFailure {
    /// No connection could be made (offline, DNS, refused).
    Connect,
    /// No complete answer in time.
    Timeout,
    /// The connection closed before an answer.
    Dropped,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MarketError {
    #[error("the access token has expired or is no longer valid")]
    AuthExpired,
    #[error("the shop's authorisation has lapsed: the seller must authorise the app again")]
    Reauthorize,
    #[error("the platform says the {credential:?} is wrong")]
    WrongCredential { credential: Credential },
    #[error("too many requests; wait {wait:?}")]
    RateLimited { wait: Option<Duration> },
    #[error("the platform's daily limit is reached")]
    DailyLimit,
    #[error("the platform refused {field:?}: {message} ({code})")]
    Invalid {
        field: Option<RemoteField>,
        code: String,
        message: String,
    },
    #[error("the seller SKU is already used by another product of the shop")]
    DuplicateSku { code: String },
    #[error("the platform's server failed (HTTP {status})")]
    Server { status: u16 },
    #[error("the platform refused the request's time")]
    ClockRejected,
    #[error("the answer could not be read: {0:?}")]
    Malformed(Malformed),
    #[error("network failure: {0:?}")]
    Network(NetworkFailure),
    #[error("the platform redirected to another address ({location}); not followed")]
    Redirected { location: String },
    #[error("the platform answered {code}: {message}")]
    Platform { code: String, message: String },
}

impl MarketError {
    /// Whether trying again later may succeed without anyone changing anything.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            MarketError::RateLimited { .. }
                | MarketError::Server { .. }
                | MarketError::Network(_)
                | MarketError::ClockRejected
                | MarketError::Malformed(Malformed::Truncated | Malformed::NotJson)
        )
    }

    /// Whether the platform may have done what was asked even though no answer says so:
    /// before creating again, look the product up (exactly-once publishing).
    pub fn outcome_unknown(&self) -> bool {
        matches!(
            self,
            MarketError::Server { .. }
                | MarketError::Network(NetworkFailure::Timeout | NetworkFailure::Dropped)
                | MarketError::Malformed(_)
        )
    }
}

impl Localize for MarketError {
    fn code(&self) -> &'static str {
        match self {
            MarketError::AuthExpired => "market.auth-expired",
            MarketError::Reauthorize => "market.reauthorize",
            MarketError::WrongCredential { .. } => "market.wrong-credential",
            MarketError::RateLimited { .. } => "market.rate-limited",
            MarketError::DailyLimit => "market.daily-limit",
            MarketError::Invalid { .. } => "market.invalid",
            MarketError::DuplicateSku { .. } => "market.duplicate-sku",
            MarketError::Server { .. } => "market.server",
            MarketError::ClockRejected => "market.clock",
            MarketError::Malformed(_) => "market.malformed",
            MarketError::Network(_) => "market.network",
            MarketError::Redirected { .. } => "market.redirected",
            MarketError::Platform { .. } => "market.platform",
        }
    }

    fn localize(&self, i18n: &I18n) -> String {
        match self {
            MarketError::AuthExpired => i18n.tr("market-error-auth-expired"),
            MarketError::Reauthorize => i18n.tr("market-error-reauthorize"),
            MarketError::WrongCredential { credential } => i18n.tr_args(
                "market-error-wrong-credential",
                args!["credential" => i18n.tr(credential.message_id())],
            ),
            MarketError::RateLimited { wait } => i18n.tr_args(
                "market-error-rate-limited",
                args!["seconds" => wait.map_or(0, |w| w.as_secs().max(1))],
            ),
            MarketError::DailyLimit => i18n.tr("market-error-daily-limit"),
            MarketError::Invalid {
                field,
                code,
                message,
            } => i18n.tr_args(
                "market-error-invalid",
                args![
                    "field" => field.map_or_else(|| i18n.tr("market-field-other"), |f| i18n.tr(f.message_id())),
                    "message" => message,
                    "code" => code,
                ],
            ),
            MarketError::DuplicateSku { .. } => i18n.tr("market-error-duplicate-sku"),
            MarketError::Server { status } => {
                i18n.tr_args("market-error-server", args!["status" => *status])
            }
            MarketError::ClockRejected => i18n.tr("market-error-clock"),
            MarketError::Malformed(Malformed::NotJson) => i18n.tr("market-error-not-json"),
            MarketError::Malformed(Malformed::Truncated) => i18n.tr("market-error-truncated"),
            MarketError::Malformed(Malformed::TooLarge) => i18n.tr("market-error-too-large"),
            MarketError::Malformed(Malformed::Unexpected(what)) => {
                i18n.tr_args("market-error-unexpected", args!["what" => what])
            }
            MarketError::Network(NetworkFailure::Connect) => i18n.tr("market-error-offline"),
            MarketError::Network(NetworkFailure::Timeout) => i18n.tr("market-error-timeout"),
            MarketError::Network(NetworkFailure::Dropped) => i18n.tr("market-error-dropped"),
            MarketError::Redirected { location } => {
                i18n.tr_args("market-error-redirected", args!["location" => location])
            }
            MarketError::Platform { code, message } => i18n.tr_args(
                "market-error-platform",
                args!["code" => code, "message" => message],
            ),
        }
    }
}
