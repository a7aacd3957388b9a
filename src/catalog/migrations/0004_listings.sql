-- Listings: a product on one marketplace. A field left NULL is inherited from the product
-- (the title and description are then suggested from its facts); a row exists only once
-- something was set for that platform.

CREATE TABLE listing (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    product_id   TEXT NOT NULL REFERENCES product (id),
    platform     TEXT NOT NULL CHECK (platform IN ('tiktok_shop', 'shopee', 'lazada', 'tiki')),
    title        TEXT,
    description  TEXT,
    -- A category key of the platform's rule pack.
    category     TEXT,
    -- JSON object: attribute name → value as typed (e.g. {"alcohol_percent": "40"}).
    attributes   TEXT NOT NULL DEFAULT '{}',
    -- JSON object: variant id → price in đồng on this platform.
    prices       TEXT NOT NULL DEFAULT '{}',
    -- JSON array of photo ids in the order sent; NULL sends all the product's photos.
    photos       TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (product_id, platform)
);

-- Documents that back an advertising claim ("nhất", "số 1"): a market survey by a
-- licensed organisation or a contest award, valid one year.
CREATE TABLE product_proof (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    product_id   TEXT NOT NULL REFERENCES product (id),
    kind         TEXT NOT NULL CHECK (kind IN ('market_survey', 'contest_award')),
    title        TEXT NOT NULL CHECK (length(title) > 0),
    issuer       TEXT,
    issued_on    TEXT NOT NULL,
    valid_until  TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX product_proof_product ON product_proof (product_id) WHERE deleted_at IS NULL;

-- Readiness per product and platform as last computed, for the catalog's "ready for" and
-- "blocked on" filters. Any change to a product deletes its rows; rows of an earlier day
-- are recomputed (certificates expire with time).
CREATE TABLE listing_readiness (
    product_id   TEXT NOT NULL REFERENCES product (id),
    platform     TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('ready', 'warnings', 'blocked')),
    checked_on   TEXT NOT NULL,
    PRIMARY KEY (product_id, platform)
) WITHOUT ROWID;
