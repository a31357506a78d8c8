-- Identity (issue 3): regions, their agencies, user accounts with their roles, browser
-- sessions and machine API tokens. Timestamps are ISO-8601 UTC text with milliseconds;
-- booleans are INTEGER 0/1. Tokens are stored only as SHA-256 hashes.

-- Pemda: a province, regency or city (Kemendagri code, e.g. '64', '64.71').
CREATE TABLE regions (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('province', 'regency', 'city')),
  parent_id BIGINT REFERENCES regions (id)
);

-- OPD: a regional agency. The organization context extends this table later.
CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  code TEXT NOT NULL,
  short_name TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  cluster TEXT CHECK (cluster IN ('asisten_1', 'asisten_2', 'asisten_3')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (region_id, code)
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  nip TEXT,
  email TEXT,
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX users_region_username ON users (region_id, username);

CREATE TABLE user_roles (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  agency_id BIGINT REFERENCES agencies (id),
  cluster TEXT
);
CREATE INDEX user_roles_user ON user_roles (user_id);
CREATE INDEX user_roles_agency ON user_roles (agency_id);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  csrf_token_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  idle_expires_at TEXT NOT NULL,
  absolute_expires_at TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  remote_address TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_by_user_id BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_region ON api_tokens (region_id);

CREATE TABLE api_token_roles (
  id INTEGER PRIMARY KEY,
  token_id BIGINT NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  agency_id BIGINT REFERENCES agencies (id),
  cluster TEXT
);
CREATE INDEX api_token_roles_token ON api_token_roles (token_id);
