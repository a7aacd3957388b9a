//! Finding products: the search index and the one query behind both the product list
//! and search-as-you-type.
//!
//! The index (`product_search`, FTS5) holds *folded* text, so "banh chung", "BÁNH CHƯNG"
//! and an NFD "Bánh chưng" all meet the same words, and "dac san" finds "Đặc sản".
//! Every query word is a prefix ("che tan" finds "Chè Tân Cương" while the user types).
//!
//! Ranking: products whose *name* holds every word come first, then those that match
//! through their cooperative, origin or story. SQLite's bm25 would rank every match and
//! costs ~1.3 µs per matching row (6.7 ms for "mat ong" at 100k rows), so instead each
//! tier takes a bounded window of candidates without ranking and we order that window
//! here, by how whole and how early the words match. Filters apply inside SQL, before
//! the window, so a rare filter never hides its matches.

use super::CachedStatements;
use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{Row, Transaction, params_from_iter};
use serde::{Deserialize, Serialize};
use time::Date;

use super::Catalog;
use super::certificates::date_column;
use super::error::Result;
use super::ids::{Id, date_to_db};
use super::model::{CertificateStatus, Cover, EXPIRY_WARNING_DAYS, Page, ProductSummary};
use super::ocop::Sector;
use crate::photos::spec::Fit;
use crate::platform::Platform;
use crate::text;

/// How many candidates each tier ranks at least; a page deeper than this widens it.
const RANK_WINDOW: u64 = 200;

/// Text searches count their matches up to this many; a total above it reads as
/// "more than 1,000" (`Page::total` is then `COUNT_CAP + 1`).
pub const COUNT_CAP: u64 = 1000;

/// What to show, in which order, and which page of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProductQuery {
    /// Words to look for; empty lists everything that passes the filters.
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub filters: Filters,
    #[serde(default)]
    pub sort: Sort,
    #[serde(default)]
    pub offset: u64,
    #[serde(default = "default_limit")]
    pub limit: u64,
    /// Look in the trash instead of the live catalog.
    #[serde(default)]
    pub deleted: bool,
}

fn default_limit() -> u64 {
    50
}

impl Default for ProductQuery {
    fn default() -> Self {
        ProductQuery {
            text: String::new(),
            filters: Filters::default(),
            sort: Sort::default(),
            offset: 0,
            limit: default_limit(),
            deleted: false,
        }
    }
}

impl ProductQuery {
    pub fn text(text: &str) -> ProductQuery {
        ProductQuery {
            text: text.to_owned(),
            ..ProductQuery::default()
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Filters {
    /// Stars of the product's current certificate.
    pub stars: Option<i64>,
    pub sector: Option<Sector>,
    /// The cooperative's province, compared without case or diacritics.
    pub province: Option<String>,
    pub cooperative_id: Option<Id>,
    pub certificate: Option<CertificateFilter>,
    /// Whether the product's listing on a platform can be uploaded, as last checked
    /// (`listings::refresh_readiness` brings it up to date first).
    #[serde(default)]
    pub readiness: Option<ReadinessFilter>,
}

/// Products whose listing on `platform` is ready (nothing blocks it) or blocked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReadinessFilter {
    pub platform: Platform,
    pub blocked: bool,
}

/// Products by the state of their current OCOP certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CertificateFilter {
    /// Valid today (including those about to lapse).
    Valid,
    /// Valid today but lapsing within 60 days.
    Expiring,
    /// Lapsed.
    Expired,
    /// No certificate recorded.
    Missing,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best match first when searching; most recently changed first otherwise.
    #[default]
    Relevance,
    Name,
    UpdatedNewest,
    CreatedNewest,
    PriceLowest,
    PriceHighest,
    StarsHighest,
}

impl Catalog {
    /// The page of products that `query` asks for, with the number of matches in all.
    /// `today` decides which certificates count as valid, expiring or expired.
    pub fn find_products(&self, query: &ProductQuery, today: Date) -> Result<Page<ProductSummary>> {
        self.read(|tx| find(tx, query, today))
    }

    /// The provinces of live cooperatives, for a filter list.
    pub fn provinces(&self) -> Result<Vec<String>> {
        self.read(|tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT province FROM cooperative WHERE deleted_at IS NULL AND province IS NOT NULL
                 GROUP BY province_folded ORDER BY province_folded",
            )?;
            let rows = stmt.query_map([], |row| row.get(0))?;
            Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
        })
    }
}

fn find(tx: &Transaction<'_>, query: &ProductQuery, today: Date) -> Result<Page<ProductSummary>> {
    let words = text::folded_words(&query.text);
    let limit = query.limit.clamp(1, 1000);
    let mut scope = Scope::new(&query.filters, query.deleted, today);
    if words.is_empty() {
        let sort = if query.sort == Sort::Relevance {
            Sort::UpdatedNewest
        } else {
            query.sort
        };
        return page_in_sql_order(tx, &scope, sort, query.offset, limit, today);
    }
    if query.deleted {
        // Trashed products are not in the index; the trash is small, so scan it.
        for word in &words {
            scope.condition("p.name_folded LIKE ?", Value::Text(format!("%{word}%")));
        }
        let sort = if query.sort == Sort::Relevance {
            Sort::Name
        } else {
            query.sort
        };
        return page_in_sql_order(tx, &scope, sort, query.offset, limit, today);
    }
    // Words followed by a space are finished: matching them whole lets SQLite stop at the
    // first page instead of reading every product with a longer word that starts the
    // same way. Only if that finds nothing are all words taken as prefixes ("ban chun").
    let page = search_words(tx, &scope, &words, query, limit, today, true)?;
    if page.total > 0 || words.len() == 1 {
        return Ok(page);
    }
    search_words(tx, &scope, &words, query, limit, today, false)
}

/// A page of text-search results for `words`.
fn search_words(
    tx: &Transaction<'_>,
    scope: &Scope,
    words: &[String],
    query: &ProductQuery,
    limit: u64,
    today: Date,
    whole_words: bool,
) -> Result<Page<ProductSummary>> {
    let phrases = phrases(tx, words, whole_words)?;
    let everywhere = match_all(&phrases, None);
    if query.sort != Sort::Relevance {
        let scope = scope.clone().matching(&everywhere).clone();
        return page_in_sql_order(tx, &scope, query.sort, query.offset, limit, today);
    }
    let total = scope.clone().matching(&everywhere).count_matches(tx)?;
    if total == 0 {
        return Ok(Page {
            items: Vec::new(),
            total,
            offset: query.offset,
        });
    }
    let window = RANK_WINDOW.max(query.offset + limit);
    let in_name = match_all(&phrases, Some("name"));
    let mut ranked = ranked_candidates(tx, scope.clone().matching(&in_name), words, window)?;
    if (ranked.len() as u64) < query.offset + limit {
        let elsewhere = format!("({everywhere}) NOT ({in_name})");
        let rest = window - ranked.len() as u64;
        ranked.extend(ranked_candidates(
            tx,
            scope.clone().matching(&elsewhere),
            words,
            rest,
        )?);
    }
    let seqs: Vec<i64> = ranked
        .into_iter()
        .skip(usize::try_from(query.offset).unwrap_or(usize::MAX))
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .collect();
    Ok(Page {
        items: summaries(tx, &seqs, today)?,
        total,
        offset: query.offset,
    })
}

/// The FTS5 phrase for each query word. The last word is a prefix (the user may still
/// be typing it); the others are whole words if `whole_words`, prefixes otherwise.
///
/// A prefix longer than the index's prefix lengths would make SQLite merge the lists of
/// every word starting with it before returning a single row; when it starts only a few
/// known words, it becomes an OR of those whole words, which SQLite reads lazily.
/// Words are folded alphanumerics, so quoting them cannot break the syntax.
fn phrases(tx: &Transaction<'_>, words: &[String], whole_words: bool) -> Result<Vec<String>> {
    let last = words.len().saturating_sub(1);
    let mut phrases = Vec::with_capacity(words.len());
    for (index, word) in words.iter().enumerate() {
        let phrase = if index < last && whole_words {
            format!("\"{word}\"")
        } else if word.chars().count() > INDEXED_PREFIX_MAX {
            let completions = terms_starting_with(tx, word)?;
            if completions.is_empty() || completions.len() > MAX_COMPLETIONS {
                format!("\"{word}\"*")
            } else {
                let alternatives: Vec<String> =
                    completions.iter().map(|t| format!("\"{t}\"")).collect();
                format!("({})", alternatives.join(" OR "))
            }
        } else {
            format!("\"{word}\"*")
        };
        phrases.push(phrase);
    }
    Ok(phrases)
}

/// The longest prefix the index keeps its own lists for (`prefix = '1 2 3 4'`).
const INDEXED_PREFIX_MAX: usize = 4;
/// The most whole words a long prefix is expanded into.
const MAX_COMPLETIONS: usize = 8;

/// Words in the index that start with `prefix`.
fn terms_starting_with(tx: &Transaction<'_>, prefix: &str) -> Result<Vec<String>> {
    let mut stmt = tx.prepare_cached(
        "SELECT term FROM product_search_terms WHERE term >= ?1 AND term < ?2 LIMIT ?3",
    )?;
    let end = format!("{prefix}\u{10FFFF}");
    let limit = i64::try_from(MAX_COMPLETIONS + 1).unwrap_or(i64::MAX);
    let terms = stmt.query_map(rusqlite::params![prefix, end, limit], |row| row.get(0))?;
    Ok(terms.collect::<rusqlite::Result<Vec<String>>>()?)
}

/// An FTS5 query requiring every phrase, optionally in one column only.
fn match_all(phrases: &[String], column: Option<&str>) -> String {
    let filter = column.map(|c| format!("{c} : ")).unwrap_or_default();
    phrases
        .iter()
        .map(|p| format!("{filter}{p}"))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The products a query may return: filters, trash or not, and an optional index match,
/// as SQL conditions with their values.
#[derive(Clone)]
struct Scope {
    conditions: Vec<String>,
    values: Vec<Value>,
    needs_certificate: bool,
    needs_cooperative: bool,
    fts_match: Option<String>,
}

/// Joins every product row to its cooperative.
const FROM: &str = "FROM product p JOIN cooperative c ON c.id = p.cooperative_id";
/// Joins a product row to its current certificate: the live one that ends last.
const CURRENT_CERTIFICATE: &str = "LEFT JOIN ocop_certificate cert ON cert.seq = (
        SELECT seq FROM ocop_certificate WHERE product_id = p.id AND deleted_at IS NULL
        ORDER BY valid_until DESC, valid_from DESC LIMIT 1)";

impl Scope {
    fn new(filters: &Filters, deleted: bool, today: Date) -> Scope {
        let mut scope = Scope {
            conditions: vec![
                if deleted {
                    "p.deleted_at IS NOT NULL"
                } else {
                    "p.deleted_at IS NULL"
                }
                .to_owned(),
            ],
            values: Vec::new(),
            needs_certificate: false,
            needs_cooperative: false,
            fts_match: None,
        };
        if let Some(stars) = filters.stars {
            scope.needs_certificate = true;
            scope.condition("cert.stars = ?", Value::Integer(stars));
        }
        if let Some(sector) = filters.sector {
            scope.condition("p.sector = ?", Value::Text(sector.code().to_owned()));
        }
        if let Some(province) = filters
            .province
            .as_deref()
            .map(text::fold)
            .filter(|p| !p.is_empty())
        {
            scope.needs_cooperative = true;
            scope.condition("c.province_folded = ?", Value::Text(province));
        }
        if let Some(cooperative_id) = filters.cooperative_id {
            scope.condition(
                "p.cooperative_id = ?",
                Value::Text(cooperative_id.to_string()),
            );
        }
        if let Some(state) = filters.certificate {
            scope.needs_certificate = true;
            let today_text = date_to_db(today);
            let warn_until = date_to_db(today + time::Duration::days(EXPIRY_WARNING_DAYS));
            match state {
                CertificateFilter::Valid => {
                    scope.condition("cert.valid_from <= ?", Value::Text(today_text.clone()));
                    scope.condition("cert.valid_until >= ?", Value::Text(today_text));
                }
                CertificateFilter::Expiring => {
                    scope.condition("cert.valid_from <= ?", Value::Text(today_text.clone()));
                    scope.condition("cert.valid_until >= ?", Value::Text(today_text));
                    scope.condition("cert.valid_until <= ?", Value::Text(warn_until));
                }
                CertificateFilter::Expired => {
                    scope.condition("cert.valid_until < ?", Value::Text(today_text));
                }
                CertificateFilter::Missing => scope.conditions.push("cert.seq IS NULL".to_owned()),
            }
        }
        if let Some(filter) = filters.readiness {
            let states = if filter.blocked {
                "('blocked')"
            } else {
                "('ready', 'warnings')"
            };
            scope.condition(
                &format!(
                    "EXISTS (SELECT 1 FROM listing_readiness r WHERE r.product_id = p.id AND r.platform = ? \
                     AND r.state IN {states})"
                ),
                Value::Text(filter.platform.code().to_owned()),
            );
        }
        scope
    }

    fn condition(&mut self, sql: &str, value: Value) {
        self.conditions.push(sql.to_owned());
        self.values.push(value);
    }

    fn matching(&mut self, fts_query: &str) -> &mut Scope {
        self.fts_match = Some(fts_query.to_owned());
        self
    }

    /// `FROM … WHERE …` for this scope and the values to bind, in order.
    fn sql_from_where(&self, with_certificate: bool) -> (String, Vec<Value>) {
        let mut sql = String::new();
        let mut values = Vec::new();
        if let Some(fts) = &self.fts_match {
            sql.push_str("FROM product_search s JOIN product p ON p.seq = s.rowid");
            values.push(Value::Text(fts.clone()));
        } else {
            sql.push_str("FROM product p");
        }
        if self.needs_cooperative {
            sql.push_str(" JOIN cooperative c ON c.id = p.cooperative_id");
        }
        if with_certificate || self.needs_certificate {
            sql.push(' ');
            sql.push_str(CURRENT_CERTIFICATE);
        }
        let mut conditions = self.conditions.clone();
        if self.fts_match.is_some() {
            conditions.insert(0, "s.product_search MATCH ?".to_owned());
        }
        sql.push_str(" WHERE ");
        sql.push_str(&conditions.join(" AND "));
        values.extend(self.values.iter().cloned());
        (sql, values)
    }

    /// How many products a text search matches, counting no further than
    /// [`COUNT_CAP`]: a two-letter prefix can match most of a large catalog, and
    /// counting all of it would cost more than finding the page.
    fn count_matches(&self, tx: &Transaction<'_>) -> Result<u64> {
        let cap = i64::try_from(COUNT_CAP).unwrap_or(i64::MAX) + 1;
        let (sql, mut values) = if self.conditions.len() == 1 && !self.needs_certificate {
            // Only the trash condition: the index never holds trashed products, so the
            // index alone answers without touching the product rows.
            let fts = self.fts_match.clone().unwrap_or_default();
            let sql = "SELECT count(*) FROM (SELECT rowid FROM product_search WHERE product_search MATCH ? LIMIT ?)";
            (sql.to_owned(), vec![Value::Text(fts)])
        } else {
            let (from_where, values) = self.sql_from_where(false);
            (
                format!("SELECT count(*) FROM (SELECT 1 {from_where} LIMIT ?)"),
                values,
            )
        };
        values.push(Value::Integer(cap));
        let count: i64 = tx
            .prepare_cached(&sql)?
            .query_row(params_from_iter(values), |row| row.get(0))?;
        Ok(u64::try_from(count).unwrap_or(0).min(COUNT_CAP + 1))
    }

    fn count(&self, tx: &Transaction<'_>) -> Result<u64> {
        let (from_where, values) = self.sql_from_where(false);
        let sql = format!("SELECT count(*) {from_where}");
        let count: i64 = tx
            .prepare_cached(&sql)?
            .query_row(params_from_iter(values), |row| row.get(0))?;
        Ok(u64::try_from(count).unwrap_or(0))
    }
}

/// A page whose order SQL can produce by itself (no text ranking).
fn page_in_sql_order(
    tx: &Transaction<'_>,
    scope: &Scope,
    sort: Sort,
    offset: u64,
    limit: u64,
    today: Date,
) -> Result<Page<ProductSummary>> {
    let order = match sort {
        Sort::Relevance | Sort::UpdatedNewest => "p.updated_at DESC, p.seq DESC",
        Sort::Name => "p.name_folded, p.name, p.seq",
        Sort::CreatedNewest => "p.created_at DESC, p.seq DESC",
        Sort::PriceLowest => "price_min IS NULL, price_min, p.seq",
        Sort::PriceHighest => "price_max IS NULL, price_max DESC, p.seq",
        Sort::StarsHighest => "cert.stars IS NULL, cert.stars DESC, p.name_folded, p.seq",
    };
    let (from_where, mut values) = scope.sql_from_where(sort == Sort::StarsHighest);
    let prices = match sort {
        Sort::PriceLowest => {
            ", (SELECT min(price_vnd) FROM variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL) AS price_min"
        }
        Sort::PriceHighest => {
            ", (SELECT max(price_vnd) FROM variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL) AS price_max"
        }
        _ => "",
    };
    let sql = format!("SELECT p.seq{prices} {from_where} ORDER BY {order} LIMIT ? OFFSET ?");
    values.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
    values.push(Value::Integer(i64::try_from(offset).unwrap_or(i64::MAX)));
    let mut stmt = tx.prepare_cached(&sql)?;
    let seqs = stmt
        .query_map(params_from_iter(values), |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(Page {
        items: summaries(tx, &seqs, today)?,
        total: scope.count(tx)?,
        offset,
    })
}

/// Up to `window` products of the scope, best match first.
fn ranked_candidates(
    tx: &Transaction<'_>,
    scope: &Scope,
    words: &[String],
    window: u64,
) -> Result<Vec<i64>> {
    let (from_where, mut values) = scope.sql_from_where(false);
    let sql = format!("SELECT p.seq, p.name_folded {from_where} LIMIT ?");
    values.push(Value::Integer(i64::try_from(window).unwrap_or(i64::MAX)));
    let mut stmt = tx.prepare_cached(&sql)?;
    let mut candidates = stmt
        .query_map(params_from_iter(values), |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
        })?
        .map(|row| row.map(|(seq, name)| (name_match_rank(&name, words), name, seq)))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    candidates.sort();
    Ok(candidates.into_iter().map(|(_, _, seq)| seq).collect())
}

/// How well a folded name matches the query words; smaller is better. Whole words beat
/// prefixes, a name that starts with the first word beats one that has it later, and
/// among equals the shorter name (the more specific product) wins.
fn name_match_rank(name_folded: &str, words: &[String]) -> (usize, usize, usize, usize) {
    let name_words: Vec<&str> = name_folded.split(' ').collect();
    let mut partial = 0;
    let mut first_position = usize::MAX;
    for (index, word) in words.iter().enumerate() {
        let whole = name_words.iter().position(|w| w == word);
        let prefix = name_words.iter().position(|w| w.starts_with(word.as_str()));
        if whole.is_none() {
            partial += 1;
        }
        if index == 0 {
            first_position = whole.or(prefix).unwrap_or(usize::MAX);
        }
    }
    let missing = words
        .iter()
        .filter(|w| !name_words.iter().any(|n| n.starts_with(w.as_str())))
        .count();
    (missing, partial, first_position, name_folded.len())
}

/// The list rows for these products, in the order given.
fn summaries(tx: &Transaction<'_>, seqs: &[i64], today: Date) -> Result<Vec<ProductSummary>> {
    if seqs.is_empty() {
        return Ok(Vec::new());
    }
    // Numbered placeholders, so the same list serves both the page and the variant
    // totals, which are computed for these products only.
    let placeholders = (1..=seqs.len())
        .map(|n| format!("?{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT p.seq, p.id, p.name, p.cooperative_id, c.name, c.province, p.sector, p.subgroup,
                cert.stars, cert.valid_from, cert.valid_until,
                v.price_min, v.price_max, coalesce(v.variants, 0), coalesce(v.stock, 0),
                p.updated_at, p.deleted_at, cover.sha256, cover.fit
         {FROM} {CURRENT_CERTIFICATE}
         LEFT JOIN product_photo cover
                ON cover.product_id = p.id AND cover.deleted_at IS NULL AND cover.position = 0
         LEFT JOIN (SELECT product_id, min(price_vnd) AS price_min, max(price_vnd) AS price_max,
                           count(*) AS variants, sum(stock) AS stock
                    FROM variant
                    WHERE deleted_at IS NULL
                      AND product_id IN (SELECT id FROM product WHERE seq IN ({placeholders}))
                    GROUP BY product_id) v ON v.product_id = p.id
         WHERE p.seq IN ({placeholders})"
    );
    let mut stmt = tx.prepare_cached(&sql)?;
    let mut by_seq: HashMap<i64, ProductSummary> = stmt
        .query_map(params_from_iter(seqs), |row| {
            Ok((row.get(0)?, summary_from_row(row, today)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(seqs.iter().filter_map(|seq| by_seq.remove(seq)).collect())
}

fn summary_from_row(row: &Row<'_>, today: Date) -> rusqlite::Result<ProductSummary> {
    let stars: Option<i64> = row.get(8)?;
    let certificate = match stars {
        Some(_) => Some(CertificateStatus::on(
            date_column(row, 9)?,
            date_column(row, 10)?,
            today,
        )),
        None => None,
    };
    Ok(ProductSummary {
        id: row.get(1)?,
        name: row.get(2)?,
        cooperative_id: row.get(3)?,
        cooperative_name: row.get(4)?,
        province: row.get(5)?,
        sector: super::code_column(row, 6, Sector::from_code)?,
        subgroup: row.get(7)?,
        stars,
        certificate,
        price_min: row.get(11)?,
        price_max: row.get(12)?,
        variant_count: row.get(13)?,
        stock_total: row.get(14)?,
        updated_at: row.get(15)?,
        deleted_at: row.get(16)?,
        cover: match row.get::<_, Option<String>>(17)? {
            Some(sha256) => Some(Cover {
                sha256,
                fit: super::code_column(row, 18, Fit::from_code)?,
            }),
            None => None,
        },
    })
}

/// Puts a product's current words into the index (or takes it out when it or its
/// cooperative is in the trash). Called in the same transaction as every edit.
pub(super) fn index_product(tx: &Transaction<'_>, seq: i64) -> rusqlite::Result<()> {
    unindex_product(tx, seq)?;
    let mut stmt = tx.prepare_cached(
        "SELECT p.name, c.name, c.province, c.commune, p.origin, p.story
         FROM product p JOIN cooperative c ON c.id = p.cooperative_id
         WHERE p.seq = ?1 AND p.deleted_at IS NULL AND c.deleted_at IS NULL",
    )?;
    let mut rows = stmt.query([seq])?;
    if let Some(row) = rows.next()? {
        let name: String = row.get(0)?;
        let mut context = String::new();
        for index in 1..=5 {
            if let Some(part) = row.get::<_, Option<String>>(index)? {
                context.push_str(&text::fold(&part));
                context.push(' ');
            }
        }
        tx.prepare_cached("INSERT INTO product_search (rowid, name, context) VALUES (?1, ?2, ?3)")?
            .execute(rusqlite::params![seq, text::fold(&name), context])?;
    }
    Ok(())
}

pub(super) fn unindex_product(tx: &Transaction<'_>, seq: i64) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM product_search WHERE rowid = ?1")?
        .execute([seq])?;
    Ok(())
}

/// Rebuilds the whole index from the catalog (migration 2, and after bulk loads).
pub(crate) fn reindex_all(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.exec(
        "INSERT INTO product_search (product_search) VALUES ('delete-all')",
        [],
    )?;
    let seqs: Vec<i64> = tx
        .prepare("SELECT seq FROM product WHERE deleted_at IS NULL")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    seqs.into_iter().try_for_each(|seq| index_product(tx, seq))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text::folded_words(text)
    }

    #[test]
    fn whole_words_and_early_matches_rank_first() {
        let query = words("mat ong");
        let exact = name_match_rank("mat ong hoa nhan", &query);
        let later = name_match_rank("ruou mat ong", &query);
        let prefix = name_match_rank("mat ongx", &query);
        assert!(exact < later);
        assert!(exact < prefix);
    }

    #[test]
    fn fts_queries_are_prefix_and_all_words() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let catalog = crate::catalog::Catalog::open(&dir.path().join("c.sqlite3"))
            .unwrap_or_else(|e| panic!("{e}"));
        let phrases = |text: &str, whole| {
            catalog
                .read(|tx| phrases(tx, &words(text), whole))
                .unwrap_or_default()
        };
        assert_eq!(
            match_all(&phrases("chè tân", true), None),
            "\"che\" AND \"tan\"*"
        );
        assert_eq!(
            match_all(&phrases("chè tân", false), None),
            "\"che\"* AND \"tan\"*"
        );
        assert_eq!(
            match_all(&phrases("mat", true), Some("name")),
            "name : \"mat\"*"
        );
    }
}
