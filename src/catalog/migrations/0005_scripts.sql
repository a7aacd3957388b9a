-- Selling scripts: a livestream run-of-show or a short-video script for one or several
-- products. The body (segments, hashtags) is JSON: it is always read and written whole.
-- Every save is kept as a version (saves less than a minute apart share one), so an
-- earlier text can be restored.

CREATE TABLE script (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    title             TEXT NOT NULL CHECK (length(title) > 0),
    kind              TEXT NOT NULL CHECK (kind IN ('livestream', 'short15', 'short30', 'short60')),
    tone              TEXT NOT NULL CHECK (tone IN ('warm', 'energetic', 'expert')),
    lang              TEXT NOT NULL CHECK (lang IN ('vi', 'en')),
    minutes           INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 240),
    words_per_minute  INTEGER NOT NULL CHECK (words_per_minute BETWEEN 60 AND 400),
    offer             TEXT,
    body              TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
);

CREATE TABLE script_product (
    script_id   TEXT NOT NULL REFERENCES script (id),
    position    INTEGER NOT NULL,
    product_id  TEXT NOT NULL REFERENCES product (id),
    PRIMARY KEY (script_id, position)
) WITHOUT ROWID;

CREATE TABLE script_version (
    script_id  TEXT NOT NULL REFERENCES script (id),
    version    INTEGER NOT NULL,
    saved_at   TEXT NOT NULL,
    -- The whole draft as JSON (title, settings, products, body).
    draft      TEXT NOT NULL,
    PRIMARY KEY (script_id, version)
) WITHOUT ROWID;
