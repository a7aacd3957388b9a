-- Product photos. A stored file (named by the SHA-256 of its bytes) is kept once however
-- many products use it, with the measures its quality findings are judged from; each
-- product links to its files in display order (position 0 is the cover).

CREATE TABLE photo_file (
    sha256      TEXT PRIMARY KEY,
    format      TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp')),
    -- Upright size of the full photo, in pixels.
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    bytes       INTEGER NOT NULL CHECK (bytes > 0),
    sharpness   REAL NOT NULL,
    brightness  REAL NOT NULL,
    highlights  REAL NOT NULL,
    created_at  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE product_photo (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    product_id    TEXT NOT NULL REFERENCES product (id),
    sha256        TEXT NOT NULL REFERENCES photo_file (sha256),
    position      INTEGER NOT NULL CHECK (position >= 0),
    -- How the photo becomes square for marketplaces: padded on white or cropped.
    fit           TEXT NOT NULL DEFAULT 'pad' CHECK (fit IN ('pad', 'crop')),
    -- The file name it came from, to help people recognise it.
    original_name TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX product_photo_order ON product_photo (product_id, position) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX product_photo_once ON product_photo (product_id, sha256) WHERE deleted_at IS NULL;
