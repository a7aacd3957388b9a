-- Publishing to shops. A publication is one product on one shop; the outbox holds what
-- must still be sent for it. Edits reach the outbox through triggers, so the outbox row
-- commits in the same transaction as the edit that caused it (nothing edited is ever
-- left unsent by a crash between the two).

CREATE TABLE publication (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    shop_id           TEXT NOT NULL REFERENCES shop (id),
    product_id        TEXT NOT NULL REFERENCES product (id),
    state             TEXT NOT NULL CHECK (state IN ('queued', 'uploading_photos', 'submitted',
                          'under_review', 'live', 'rejected', 'failed', 'conflict', 'withdrawn')),
    -- The platform's product id, once a creation succeeded (or was found by SKU).
    remote_id         TEXT,
    -- Bumped by every edit of the product: what the outbox rows refer to.
    revision          INTEGER NOT NULL DEFAULT 0,
    -- JSON: what the platform holds as last sent (content hash, title, price and stock
    -- per SKU), to see what changed here and what someone changed there.
    synced            TEXT,
    -- JSON, same shape: what an update is sending right now. If the process dies before
    -- the answer, the platform may hold this instead of `synced`; that is not a conflict.
    sending           TEXT,
    -- JSON: the platform's rejection reasons, or the error that stopped the last step.
    problem           TEXT,
    -- JSON: the platform's copy when it differs from what was last sent (a conflict).
    remote_copy       TEXT,
    next_poll_at      TEXT,
    poll_interval_ms  INTEGER,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    UNIQUE (shop_id, product_id)
);
CREATE INDEX publication_product ON publication (product_id);
CREATE UNIQUE INDEX publication_remote ON publication (shop_id, remote_id) WHERE remote_id IS NOT NULL;
CREATE INDEX publication_poll ON publication (next_poll_at) WHERE state = 'under_review';

CREATE TABLE outbox (
    seq               INTEGER PRIMARY KEY,
    publication_id    TEXT NOT NULL REFERENCES publication (id),
    op                TEXT NOT NULL CHECK (op IN ('create', 'update', 'unpublish')),
    revision          INTEGER NOT NULL,
    -- Fixed when the row is made and never regenerated on retry.
    idempotency_key   TEXT NOT NULL,
    -- pending → sending → done | failed (needs the user) | blocked (a conflict).
    -- A row found in `sending` after a crash is in doubt: its outcome is unknown.
    state             TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'done', 'failed', 'blocked')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    -- 1: the user chose this catalog's copy over a conflicting one on the platform.
    forced            INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1)),
    next_attempt_at   TEXT,
    last_error        TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
-- Later edits coalesce into the one waiting row of a publication and kind.
CREATE UNIQUE INDEX outbox_waiting ON outbox (publication_id, op) WHERE state = 'pending';
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_publication ON outbox (publication_id, seq);

-- Photos a shop already holds: (shop, rendition file name) → the platform's id. The file
-- name carries the photo's hash and everything its bytes depend on.
CREATE TABLE remote_image (
    shop_id      TEXT NOT NULL REFERENCES shop (id),
    rendition    TEXT NOT NULL,
    remote_id    TEXT NOT NULL,
    url          TEXT,
    uploaded_at  TEXT NOT NULL,
    PRIMARY KEY (shop_id, rendition)
) WITHOUT ROWID;

-- What happened, for the sync centre's history.
CREATE TABLE sync_event (
    seq             INTEGER PRIMARY KEY,
    publication_id  TEXT NOT NULL REFERENCES publication (id),
    at              TEXT NOT NULL,
    kind            TEXT NOT NULL,
    -- JSON details: the error code and message, the rejection reasons, the remote id.
    detail          TEXT
);
CREATE INDEX sync_event_publication ON sync_event (publication_id, seq);

-- Every edit of a published product (its fields, variants, photos, listings and
-- certificates all touch `product.updated_at`) asks for an update; deleting it asks to
-- take it down. A creation still waiting reads the latest content when it goes, so it
-- needs no update behind it.
CREATE TRIGGER product_edit_to_outbox
AFTER UPDATE OF updated_at ON product
WHEN NEW.updated_at IS NOT OLD.updated_at
BEGIN
    UPDATE publication SET revision = revision + 1
     WHERE product_id = NEW.id AND state <> 'withdrawn';
    INSERT INTO outbox (publication_id, op, revision, idempotency_key, state, created_at, updated_at)
    SELECT p.id,
           CASE WHEN NEW.deleted_at IS NULL THEN 'update' ELSE 'unpublish' END,
           p.revision,
           p.id || ':' || CASE WHEN NEW.deleted_at IS NULL THEN 'update' ELSE 'unpublish' END || ':' || p.revision,
           'pending', NEW.updated_at, NEW.updated_at
      FROM publication p
     WHERE p.product_id = NEW.id AND p.state <> 'withdrawn'
       AND NOT EXISTS (SELECT 1 FROM outbox o
                        WHERE o.publication_id = p.id AND o.op = 'create' AND o.state = 'pending')
    ON CONFLICT (publication_id, op) WHERE state = 'pending'
    DO UPDATE SET revision = excluded.revision, idempotency_key = excluded.idempotency_key,
                  updated_at = excluded.updated_at;
END;
