-- Full-text search over folded text (lower case, no diacritics, đ → d), filled by the
-- application in the same transaction as each edit: SQLite cannot fold Vietnamese
-- itself (remove_diacritics leaves đ alone), so a trigger could not compute it.
-- Contentless: the words live only in the index; rowid = product.seq.
CREATE VIRTUAL TABLE product_search USING fts5 (
    name,
    context,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3 4',
    detail = column
);

-- Every indexed word longer than the prefix lengths above, so that a long prefix the user
-- is typing ("nguye") can be expanded into the few whole words it starts ("nguyen"),
-- which FTS5 reads lazily instead of merging every matching list up front. Words are
-- never removed: a stale word only costs one empty lookup.
CREATE TABLE search_term (term TEXT PRIMARY KEY) WITHOUT ROWID;
