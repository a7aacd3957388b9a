-- Shops: one marketplace account each. Only what is not secret lives here (the app key,
-- partner and shop ids, the addresses, when the tokens expire); the app secret, partner
-- key and tokens live in the OS keychain under the shop's id.

CREATE TABLE shop (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    platform            TEXT NOT NULL CHECK (platform IN ('tiktok_shop', 'shopee', 'lazada')),
    name                TEXT NOT NULL CHECK (length(name) > 0),
    name_folded         TEXT NOT NULL,
    -- 1: a shop of the practice marketplace, whose credentials come from that market.
    practice            INTEGER NOT NULL DEFAULT 0 CHECK (practice IN (0, 1)),
    endpoints           TEXT NOT NULL,
    -- JSON: app_key, service_id, partner_id, shop_id, shop_cipher, remote name.
    identity            TEXT NOT NULL,
    -- Unix seconds on the platform's clock; NULL until authorised.
    access_expires_at   INTEGER,
    refresh_expires_at  INTEGER,
    -- 1 once the platform refused the refresh token: the seller must authorise again.
    needs_reauth        INTEGER NOT NULL DEFAULT 0 CHECK (needs_reauth IN (0, 1)),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
);

-- Where each category of the rule packs sits in a shop's own category tree, as fetched
-- from the platform, with the attributes the platform requires there.
CREATE TABLE shop_category (
    shop_id              TEXT NOT NULL REFERENCES shop (id),
    category_key         TEXT NOT NULL,
    remote_id            TEXT NOT NULL,
    remote_path          TEXT NOT NULL,
    -- JSON array of {"id", "name"}.
    required_attributes  TEXT NOT NULL DEFAULT '[]',
    fetched_at           TEXT NOT NULL,
    PRIMARY KEY (shop_id, category_key)
) WITHOUT ROWID;
