-- Full-text search over folded text (lower case, no diacritics, đ → d), filled by the
-- application in the same transaction as each edit: SQLite cannot fold Vietnamese
-- itself (remove_diacritics leaves đ alone), so a trigger could not compute it.
-- Contentless: the words live only in the index; rowid = product.seq.
-- prefix: type-ahead asks for prefixes of 1–4 letters most; without their own lists FTS5
--   merges every word's list for a short prefix first (13 ms p95 at 100k products).
-- detail = column: we match words and columns, never phrases, so positions are not kept.
CREATE VIRTUAL TABLE product_search USING fts5 (
    name,
    context,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3 4',
    detail = column
);

-- The index's own word list, so that a long prefix the user is typing ("nguye") can be
-- expanded into the few whole words it starts ("nguyen"), which FTS5 reads lazily,
-- instead of merging every matching list up front.
CREATE VIRTUAL TABLE product_search_terms USING fts5vocab (product_search, 'row');
