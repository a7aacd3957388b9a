-- Offline exchange between catalogs through `.chophien` bundle files.
--
-- A bundle says which catalog made it. For each record it imports, a catalog remembers
-- the content hash that peer last sent (`exchange_seen`); a bundle also carries the
-- hashes its maker last received from each of *its* peers. Together they give common
-- ancestors for a three-way decision: a record whose content on one side still equals
-- an ancestor changed only on the other side; a record that differs from every ancestor
-- on both sides changed on both and waits in `exchange_conflict` for the user.

-- This catalog's own id (one row, made when the migration runs).
CREATE TABLE exchange_identity (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    catalog_id  TEXT NOT NULL
);

-- What each peer catalog last sent us, per record: the hash of its content then.
CREATE TABLE exchange_seen (
    peer_catalog  TEXT NOT NULL,
    kind          TEXT NOT NULL,
    record_id     TEXT NOT NULL,
    hash          TEXT NOT NULL,
    PRIMARY KEY (kind, record_id, peer_catalog)
) WITHOUT ROWID;

-- Records changed on both sides since the last exchange, kept side by side (as JSON
-- objects of their columns) until the user keeps theirs or takes the incoming one.
CREATE TABLE exchange_conflict (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    peer_catalog  TEXT NOT NULL,
    kind          TEXT NOT NULL,
    record_id     TEXT NOT NULL,
    local         TEXT NOT NULL,
    incoming      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    resolved_at   TEXT,
    resolution    TEXT CHECK (resolution IN ('local', 'incoming'))
);
CREATE INDEX exchange_conflict_open ON exchange_conflict (kind, record_id) WHERE resolved_at IS NULL;
