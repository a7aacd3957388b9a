//! Reading typed values from command-line text, with translated refusals.

use chophien::args;
use chophien::catalog::NetQuantity;
use chophien::catalog::ocop::{ProducerType, Sector, Unit};
use chophien::i18n::{dates, money};
use chophien::platform::Platform;
use time::Date;

use crate::context::{Context, Failure};

pub(crate) fn price(ctx: &Context<'_>, text: &str) -> Result<i64, Failure> {
    money::parse_vnd(text)
        .map_err(|_| ctx.fail_with("cli.bad-price", "cli-bad-price", args!["text" => text]))
}

pub(crate) fn date(ctx: &Context<'_>, text: &str) -> Result<Date, Failure> {
    dates::parse_date(text)
        .ok_or_else(|| ctx.fail_with("cli.bad-date", "cli-bad-date", args!["text" => text]))
}

pub(crate) fn platform(ctx: &Context<'_>, text: &str) -> Result<Platform, Failure> {
    Platform::parse(text).ok_or_else(|| {
        ctx.fail_with(
            "cli.bad-platform",
            "cli-bad-platform",
            args!["text" => text],
        )
    })
}

pub(crate) fn sector(ctx: &Context<'_>, text: &str) -> Result<Sector, Failure> {
    Sector::parse(&text.replace('-', " "))
        .ok_or_else(|| ctx.fail_with("cli.bad-sector", "cli-bad-sector", args!["text" => text]))
}

pub(crate) fn producer_type(ctx: &Context<'_>, text: &str) -> Result<ProducerType, Failure> {
    ProducerType::parse(&text.replace('-', " ")).ok_or_else(|| {
        ctx.fail_with(
            "cli.bad-producer-type",
            "cli-bad-producer-type",
            args!["text" => text],
        )
    })
}

/// "500 g", "1,5 lít", "10 quả"; empty clears.
pub(crate) fn quantity(ctx: &Context<'_>, text: &str) -> Result<Option<NetQuantity>, Failure> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let bad = || {
        ctx.fail_with(
            "cli.bad-quantity",
            "cli-bad-quantity",
            args!["text" => text],
        )
    };
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(end);
    let amount: f64 = number.replace(',', ".").parse().map_err(|_| bad())?;
    let unit = Unit::parse(unit).ok_or_else(bad)?;
    Ok(Some(NetQuantity { amount, unit }))
}

/// "200x100x80" (millimetres) into length, width and height; empty clears.
pub(crate) fn size(ctx: &Context<'_>, text: &str) -> Result<[Option<i64>; 3], Failure> {
    let text = text.trim();
    if text.is_empty() {
        return Ok([None; 3]);
    }
    let bad = || ctx.fail_with("cli.bad-size", "cli-bad-size", args!["text" => text]);
    let parts: Vec<i64> = text
        .split(['x', 'X', '×', '*'])
        .map(|p| p.trim().trim_end_matches("mm").trim().parse::<i64>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    match parts.as_slice() {
        [l, w, h] => Ok([Some(*l), Some(*w), Some(*h)]),
        _ => Err(bad()),
    }
}

/// A whole number of grams; empty clears.
pub(crate) fn grams(ctx: &Context<'_>, text: &str) -> Result<Option<i64>, Failure> {
    let text = text.trim().trim_end_matches('g').trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|_| {
        ctx.fail_with(
            "cli.bad-quantity",
            "cli-bad-quantity",
            args!["text" => text],
        )
    })
}

/// An optional text field on `edit`: absent keeps, empty clears, anything else sets.
pub(crate) fn update(target: &mut Option<String>, value: Option<String>) {
    if let Some(value) = value {
        *target = if value.trim().is_empty() {
            None
        } else {
            Some(value)
        };
    }
}
