-- Performance agreements, realization and verification (issue 6).
--
-- An agreement (Perjanjian Kinerja) of one agency for one year. `number` 1 is the original
-- (murni), 2, 3, ... revisions (perubahan), each naming the one it replaces (`previous_id`)
-- and why. `content` is the agreement's canonical JSON (parties, items with their yearly and
-- quarterly targets, programs with their budget): a signed PK is a document, and its SHA-256
-- (`document_sha256`, taken when it is submitted) is what both parties sign. Where the
-- agreement stands (draft, submitted, signed by the first party, signed) is its workflow
-- item's state; `superseded` marks a signed agreement that a signed revision replaced.
CREATE TABLE performance_agreements (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  year INTEGER NOT NULL,
  number INTEGER NOT NULL,
  previous_id BIGINT REFERENCES performance_agreements (id),
  revision_reason TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL,
  document_sha256 TEXT,
  workflow_item_id BIGINT NOT NULL REFERENCES workflow_items (id),
  superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)),
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (agency_id, year, number)
);
CREATE INDEX performance_agreements_region ON performance_agreements (region_id, year);

-- When the realization of a quarter may be reported (open and close dates, inclusive, the
-- region's local days). A report submitted after the close date is marked late.
CREATE TABLE reporting_windows (
  region_id BIGINT NOT NULL REFERENCES regions (id),
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (region_id, year, quarter)
);

-- The realization of one agreement indicator in one quarter. `value` is what the agency
-- reports, `verified_value` what the planning agency verified (both kept, both shown); exact
-- decimals as text. Where it stands (draft, submitted, verified) is its workflow item's state.
-- `indicator_id` names the plan indicator without a foreign key: the signed agreement keeps
-- the indicator's name, unit and targets, so a report outlives a later change of the plan.
CREATE TABLE realizations (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  indicator_id BIGINT NOT NULL,
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  agreement_id BIGINT NOT NULL REFERENCES performance_agreements (id),
  value TEXT,
  verified_value TEXT,
  data_source TEXT NOT NULL DEFAULT '',
  supporting_factors TEXT NOT NULL DEFAULT '',
  inhibiting_factors TEXT NOT NULL DEFAULT '',
  follow_up_plan TEXT NOT NULL DEFAULT '',
  verifier_note TEXT NOT NULL DEFAULT '',
  submitted_at TEXT,
  late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  verified_at TEXT,
  workflow_item_id BIGINT NOT NULL REFERENCES workflow_items (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (agency_id, indicator_id, year, quarter)
);
CREATE INDEX realizations_period ON realizations (region_id, year, quarter);

-- Evidence of a realization (bukti dukung): an uploaded file, stored once by its SHA-256 in
-- the content store (platform/files), or a link.
CREATE TABLE realization_evidence (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  realization_id BIGINT NOT NULL REFERENCES realizations (id),
  kind TEXT NOT NULL CHECK (kind IN ('file', 'link')),
  sha256 TEXT,
  file_name TEXT NOT NULL DEFAULT '',
  media_type TEXT NOT NULL DEFAULT '',
  size_bytes BIGINT NOT NULL DEFAULT 0,
  url TEXT NOT NULL DEFAULT '',
  added_by_name TEXT NOT NULL,
  added_at TEXT NOT NULL,
  CHECK ((kind = 'file') = (sha256 IS NOT NULL))
);
CREATE INDEX realization_evidence_realization ON realization_evidence (realization_id);
