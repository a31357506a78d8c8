-- The audit trail: one row per recorded event, chained by SHA-256 (see
-- src/platform/audit/audit_log.h for the canonical form each hash covers).
-- `sequence` is assigned by the appender as head + 1 under the head row's lock, never by
-- the database, so the chain has no gaps.
CREATE TABLE audit_events (
  sequence BIGINT PRIMARY KEY,
  occurred_at TEXT NOT NULL,
  actor_type TEXT NOT NULL CHECK (actor_type IN ('user', 'api_token', 'system', 'anonymous')),
  actor_id BIGINT,
  actor_name TEXT NOT NULL,
  region_id BIGINT,
  action TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('success', 'denied', 'failed')),
  entity_type TEXT NOT NULL,
  entity_id TEXT,
  changes TEXT NOT NULL,
  request_id TEXT,
  remote_address TEXT,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id);
CREATE INDEX audit_events_actor ON audit_events (actor_id);
CREATE INDEX audit_events_occurred_at ON audit_events (occurred_at);
CREATE INDEX audit_events_region ON audit_events (region_id);

-- The end of the chain: the last event's sequence and hash, or (0, 64 zeros) before the
-- first event. Every appender locks this row, which is what keeps the chain one line.
CREATE TABLE audit_chain_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  sequence BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, sequence, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
