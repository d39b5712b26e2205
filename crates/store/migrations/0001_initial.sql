-- carelens store, schema version 1. Portable SQL: runs unchanged on SQLite and PostgreSQL.
-- Migrations are add-only: never edit this file once released; add 0002_….sql instead.

-- One row per LA-year loaded, with counts precomputed at load time.
CREATE TABLE la_years (
    la BIGINT NOT NULL,
    year BIGINT NOT NULL,              -- collection year as its end year (2025 for 2024/25)
    region TEXT,                       -- the LA's region name, when carelens knows the LA
    loaded_at TEXT NOT NULL,           -- RFC 3339, UTC
    sources TEXT NOT NULL,             -- JSON array of the file paths read
    children BIGINT NOT NULL,
    rows_total BIGINT NOT NULL,
    findings BIGINT NOT NULL,
    children_with_findings BIGINT NOT NULL,
    rules_run BIGINT NOT NULL,
    PRIMARY KEY (la, year)
);

-- Every row of every table of the return, as sent: enough to show a child's rows and to
-- rebuild the typed tables (and so the child's care history) with carelens-model.
CREATE TABLE return_rows (
    la BIGINT NOT NULL,
    year BIGINT NOT NULL,
    tbl TEXT NOT NULL,                 -- the DfE table name (Header, Episodes, …)
    row_index BIGINT NOT NULL,         -- 0-based row within the table (Finding.row)
    child TEXT NOT NULL,               -- CHILD as sent, trimmed ('' when blank)
    line BIGINT,                       -- 1-based line in the CSV file; NULL for XML
    file_index BIGINT NOT NULL,        -- index into la_years.sources
    cells TEXT NOT NULL,               -- JSON array: raw text of each column, in DfE order
    derived TEXT,                      -- Episodes: JSON array [PL_LA, PL_LOCATION, PL_DISTANCE]
    PRIMARY KEY (la, year, tbl, row_index)
);
-- A child's rows in one year, and across years for the timeline.
CREATE INDEX return_rows_by_child ON return_rows (la, child, year);

-- Validation findings, resolved (the report's JSON shape).
CREATE TABLE findings (
    la BIGINT NOT NULL,
    year BIGINT NOT NULL,
    rule TEXT NOT NULL,
    tbl TEXT NOT NULL,
    row_index BIGINT NOT NULL,
    last_year BIGINT NOT NULL,         -- 1 when the row is in last year's return
    line BIGINT,
    child TEXT,
    fields TEXT NOT NULL,              -- JSON array of field names
    vals TEXT NOT NULL,                -- JSON array of the values as sent
    message TEXT NOT NULL,
    PRIMARY KEY (la, year, rule, tbl, row_index, last_year)
);
CREATE INDEX findings_by_child ON findings (la, year, child);

-- Precomputed: findings per rule per area-year. area is an LA code, a region name or
-- 'england' (regions and England are written by refresh_aggregates).
CREATE TABLE finding_counts (
    area TEXT NOT NULL,
    year BIGINT NOT NULL,
    rule TEXT NOT NULL,
    message TEXT NOT NULL,
    findings BIGINT NOT NULL,
    children BIGINT NOT NULL,
    las BIGINT NOT NULL,
    PRIMARY KEY (area, year, rule)
);

-- Precomputed: the children of an LA-year, for the children list and search.
CREATE TABLE children (
    la BIGINT NOT NULL,
    year BIGINT NOT NULL,
    child TEXT NOT NULL,
    rows_total BIGINT NOT NULL,
    episodes BIGINT NOT NULL,
    findings BIGINT NOT NULL,
    PRIMARY KEY (la, year, child)
);

-- Indicator values for LAs, regions and England, stored generically.
CREATE TABLE indicators (
    area TEXT NOT NULL,                -- an LA code, a region name or 'england'
    year BIGINT NOT NULL,
    id TEXT NOT NULL,
    numerator DOUBLE PRECISION,
    denominator DOUBLE PRECISION,
    value DOUBLE PRECISION,
    las BIGINT,                        -- regions and England: LAs aggregated
    PRIMARY KEY (area, year, id)
);
CREATE INDEX indicators_by_id ON indicators (id, year, area);
CREATE INDEX indicators_trend ON indicators (area, id, year);

-- Users, API tokens and web sessions. Secrets are stored hashed only.
CREATE TABLE users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,                -- 'national', 'regional' or 'la'
    region TEXT,                       -- for 'regional'
    la BIGINT,                         -- for 'la'
    admin BIGINT NOT NULL,
    password_hash TEXT,                -- Argon2id PHC string; NULL: token-only user
    created_at TEXT NOT NULL
);

CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,       -- SHA-256 of the token, hex
    user_name TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    label TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_name);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,       -- SHA-256 of the session token, hex
    user_name TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL         -- Unix seconds
);
CREATE INDEX sessions_by_user ON sessions (user_name);

-- A number bumped by every change to the data (load, delete, aggregates), in the same
-- transaction: a cheap way for a long-running server to notice a load from another process.
CREATE TABLE data_version (
    id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
