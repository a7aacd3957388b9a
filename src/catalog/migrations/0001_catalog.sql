-- The catalog: cooperatives (producers), their OCOP products, certificates and variants.
-- Ids are UUIDv7 text; `seq` is the stable integer rowid that the search index points at.
-- Times are UTC RFC 3339 text with milliseconds, so text order is time order.
-- Dates are ISO `YYYY-MM-DD`. Money is an integer number of đồng.
-- `deleted_at` marks a soft delete that can be undone.

CREATE TABLE cooperative (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL CHECK (name <> ''),
    name_folded      TEXT NOT NULL,
    producer_type    TEXT NOT NULL,
    registration_no  TEXT,
    address          TEXT,
    province         TEXT,
    province_folded  TEXT,
    commune          TEXT,
    phone            TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);
CREATE INDEX cooperative_name ON cooperative (name_folded) WHERE deleted_at IS NULL;

CREATE TABLE product (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    cooperative_id   TEXT NOT NULL REFERENCES cooperative (id),
    name             TEXT NOT NULL CHECK (name <> ''),
    name_folded      TEXT NOT NULL,
    sector           TEXT NOT NULL,
    subgroup         TEXT NOT NULL,
    story            TEXT,
    ingredients      TEXT,
    usage            TEXT,
    storage          TEXT,
    shelf_life       TEXT,
    net_quantity     REAL CHECK (net_quantity IS NULL OR net_quantity > 0),
    net_unit         TEXT,
    origin           TEXT,
    package_weight_g INTEGER CHECK (package_weight_g IS NULL OR package_weight_g > 0),
    package_length_mm INTEGER CHECK (package_length_mm IS NULL OR package_length_mm > 0),
    package_width_mm INTEGER CHECK (package_width_mm IS NULL OR package_width_mm > 0),
    package_height_mm INTEGER CHECK (package_height_mm IS NULL OR package_height_mm > 0),
    barcode          TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);
CREATE INDEX product_cooperative ON product (cooperative_id);
CREATE INDEX product_updated ON product (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX product_created ON product (created_at) WHERE deleted_at IS NULL;
CREATE INDEX product_name ON product (name_folded) WHERE deleted_at IS NULL;
CREATE INDEX product_sector ON product (sector) WHERE deleted_at IS NULL;

CREATE TABLE ocop_certificate (
    seq                INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    product_id         TEXT NOT NULL REFERENCES product (id),
    stars              INTEGER NOT NULL CHECK (stars BETWEEN 3 AND 5),
    certificate_no     TEXT,
    decision_no        TEXT,
    decision_date      TEXT,
    issuing_authority  TEXT,
    valid_from         TEXT NOT NULL,
    valid_until        TEXT NOT NULL CHECK (valid_until >= valid_from),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted_at         TEXT
);
CREATE INDEX ocop_certificate_product ON ocop_certificate (product_id, valid_until);

CREATE TABLE variant (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    product_id       TEXT NOT NULL REFERENCES product (id),
    -- Copied from the product so that one index can keep SKU codes unique per cooperative.
    cooperative_id   TEXT NOT NULL REFERENCES cooperative (id),
    sku              TEXT NOT NULL CHECK (sku <> ''),
    name             TEXT,
    price_vnd        INTEGER NOT NULL CHECK (price_vnd > 0),
    stock            INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
    position         INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);
CREATE INDEX variant_product ON variant (product_id, position);
CREATE UNIQUE INDEX variant_sku_per_cooperative
    ON variant (cooperative_id, sku COLLATE NOCASE) WHERE deleted_at IS NULL;
