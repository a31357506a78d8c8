-- Organization registry (issue 4): the agencies' validity period, their units, positions,
-- people (ASN), assignments of people to positions (definitive, Plt, Plh) with their
-- history, and daily attendance records. Dates are 'YYYY-MM-DD' text; timestamps
-- ISO-8601 UTC text with milliseconds; booleans INTEGER 0/1. Every region-owned row
-- carries region_id, and every query filters on it.

-- An agency exists from active_from (empty: always) until active_until (empty: still);
-- `version` is the optimistic-concurrency counter of edits.
ALTER TABLE agencies ADD COLUMN active_from TEXT;
ALTER TABLE agencies ADD COLUMN active_until TEXT;
ALTER TABLE agencies ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- Unit kerja: a tree inside one agency (sekretariat, bidang, sub-bagian, seksi, UPTD).
CREATE TABLE organization_units (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  parent_id BIGINT REFERENCES organization_units (id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (agency_id, code)
);
CREATE INDEX organization_units_region ON organization_units (region_id, agency_id);

-- Jabatan: a post in an agency, optionally in one of its units. established_on is when
-- the post was created: a post never filled counts as vacant from then.
CREATE TABLE positions (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  unit_id BIGINT REFERENCES organization_units (id),
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  level TEXT NOT NULL,
  is_agency_head INTEGER NOT NULL DEFAULT 0 CHECK (is_agency_head IN (0, 1)),
  is_unit_head INTEGER NOT NULL DEFAULT 0 CHECK (is_unit_head IN (0, 1)),
  established_on TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (agency_id, code)
);
CREATE INDEX positions_region ON positions (region_id, agency_id);
CREATE INDEX positions_unit ON positions (unit_id);

-- ASN: a civil servant (PNS) or contract employee (PPPK), identified by the 18-digit NIP.
-- agency_id is the employing agency (unit kerja induk), the base of attendance rates.
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  nip TEXT NOT NULL,
  name TEXT NOT NULL,
  rank_grade TEXT NOT NULL DEFAULT '',
  employment_status TEXT NOT NULL CHECK (employment_status IN ('pns', 'pppk')),
  agency_id BIGINT REFERENCES agencies (id),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (region_id, nip)
);
CREATE INDEX people_agency ON people (region_id, agency_id);

-- A person in a post: definitive, Plt (acting) or Plh (daily acting), from starts_on to
-- ends_on inclusive (empty: open). Rows are never deleted: they are the post's history.
CREATE TABLE assignments (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  position_id BIGINT NOT NULL REFERENCES positions (id),
  kind TEXT NOT NULL CHECK (kind IN ('definitive', 'acting', 'daily_acting')),
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  decree_number TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX assignments_position ON assignments (position_id, starts_on);
CREATE INDEX assignments_person ON assignments (person_id, starts_on);
CREATE INDEX assignments_region ON assignments (region_id);

-- Presensi: one record per person and day, as exported by the attendance machines.
-- agency_id is the person's employing agency when the record was imported, so an
-- agency's absence rate keeps its history when people move.
CREATE TABLE attendance_records (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  agency_id BIGINT REFERENCES agencies (id),
  day TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('present', 'leave', 'sick', 'official_travel', 'unexcused')),
  late_minutes INTEGER NOT NULL DEFAULT 0 CHECK (late_minutes >= 0),
  UNIQUE (person_id, day)
);
CREATE INDEX attendance_records_agency ON attendance_records (region_id, agency_id, day);
