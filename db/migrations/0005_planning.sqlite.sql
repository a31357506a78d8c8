-- Planning cascade (issue 5): national priorities, the region's plan (RPJMD/RPD) with its
-- missions, goals and objectives, the agencies' Renstra goals and objectives, programs,
-- activities and sub-activities (Permendagri 90/2019 codes), alignment links with weights,
-- indicators with baselines and yearly targets, and the change control of adopted plans
-- (versions and revisions). Exact decimals are stored as text ("78.25"), never as floats.
-- Dates are 'YYYY-MM-DD' text, timestamps ISO-8601 UTC text. Every region-owned row carries
-- region_id; national priorities belong to no region (region_id and plan_id NULL).

-- A region's medium-term plan. `current_version` is the number of the newest row of
-- plan_versions (0 while a draft has never been adopted); `version` counts edits of this row;
-- `content_version` counts changes of the plan's nodes, links, indicators and targets (a
-- server keeps the cascade it has read until this number moves).
CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  kind TEXT NOT NULL CHECK (kind IN ('rpjmd', 'rpd')),
  title TEXT NOT NULL,
  first_year INTEGER NOT NULL,
  last_year INTEGER NOT NULL,
  vision TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'adopted')),
  regulation_number TEXT,
  regulation_date TEXT,
  current_version INTEGER NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  content_version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (region_id, kind, first_year)
);

-- Every node of the cascade. parent_id is the hierarchy (goal under mission, objective under
-- goal, agency objective under agency goal, activity under program, sub-activity under
-- activity); alignment across levels is in alignment_links. field_code is the nomenclature
-- field (bidang urusan, '1.02') of programs, activities and sub-activities; NULL for
-- cross-field ones. builtin marks the Asta Cita rows this migration seeds (read-only).
CREATE TABLE plan_nodes (
  id INTEGER PRIMARY KEY,
  region_id BIGINT REFERENCES regions (id),
  plan_id BIGINT REFERENCES plans (id),
  agency_id BIGINT REFERENCES agencies (id),
  parent_id BIGINT REFERENCES plan_nodes (id),
  kind TEXT NOT NULL CHECK (kind IN ('national_priority', 'region_mission', 'region_goal',
                                     'region_objective', 'agency_goal', 'agency_objective',
                                     'program', 'activity', 'sub_activity')),
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  field_code TEXT,
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((plan_id IS NULL) = (kind = 'national_priority'))
);
-- A code is unique per plan, kind and agency (every agency has its own X.XX.01 program).
CREATE UNIQUE INDEX plan_nodes_code ON plan_nodes (plan_id, kind, COALESCE(agency_id, 0), code)
  WHERE plan_id IS NOT NULL;
CREATE UNIQUE INDEX national_priorities_code ON plan_nodes (code) WHERE plan_id IS NULL;
CREATE INDEX plan_nodes_plan ON plan_nodes (region_id, plan_id);
CREATE INDEX plan_nodes_parent ON plan_nodes (parent_id);

-- `from` supports `to`. weight: exact decimal in (0, 100], NULL when unweighted.
CREATE TABLE alignment_links (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  plan_id BIGINT NOT NULL REFERENCES plans (id),
  from_node_id BIGINT NOT NULL REFERENCES plan_nodes (id),
  to_node_id BIGINT NOT NULL REFERENCES plan_nodes (id),
  weight TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (from_node_id, to_node_id)
);
CREATE INDEX alignment_links_plan ON alignment_links (region_id, plan_id);
CREATE INDEX alignment_links_to ON alignment_links (to_node_id);

-- An indicator of one node (RULES.md sections 1-2 for polarity, variant and aggregation).
-- data_source_kind NULL: no source named yet (the alignment report flags it).
CREATE TABLE indicators (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  plan_id BIGINT NOT NULL REFERENCES plans (id),
  node_id BIGINT NOT NULL REFERENCES plan_nodes (id),
  code TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  definition TEXT NOT NULL DEFAULT '',
  formula_text TEXT NOT NULL DEFAULT '',
  polarity TEXT NOT NULL CHECK (polarity IN ('higher_is_better', 'lower_is_better')),
  formula_variant TEXT NOT NULL CHECK (formula_variant IN ('ratio', 'mirror', 'inverse', 'binary')),
  aggregation TEXT NOT NULL CHECK (aggregation IN ('sum', 'last', 'average', 'max', 'min')),
  baseline_year INTEGER,
  baseline_value TEXT,
  data_source_kind TEXT CHECK (data_source_kind IN ('bps', 'planning_agency', 'sector_system', 'agency')),
  data_source_name TEXT NOT NULL DEFAULT '',
  data_source_reference TEXT NOT NULL DEFAULT '',
  responsible_agency_id BIGINT REFERENCES agencies (id),
  key_indicator INTEGER NOT NULL DEFAULT 0 CHECK (key_indicator IN (0, 1)),
  spm_service TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX indicators_plan ON indicators (region_id, plan_id);
CREATE INDEX indicators_node ON indicators (node_id);

-- One year's target: a single value, or a range [lower_bound, upper_bound].
CREATE TABLE indicator_targets (
  indicator_id BIGINT NOT NULL REFERENCES indicators (id),
  region_id BIGINT NOT NULL REFERENCES regions (id),
  year INTEGER NOT NULL,
  target_value TEXT,
  lower_bound TEXT,
  upper_bound TEXT,
  PRIMARY KEY (indicator_id, year)
);
CREATE INDEX indicator_targets_region ON indicator_targets (region_id, indicator_id);

-- A proposed change of an adopted plan's targets; applied only when approved by someone
-- other than the proposer. version_number is the plan version an approval produced.
CREATE TABLE plan_revisions (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  plan_id BIGINT NOT NULL REFERENCES plans (id),
  reason TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected')),
  proposed_by_user_id BIGINT,
  proposed_by_name TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  decided_by_user_id BIGINT,
  decided_by_name TEXT NOT NULL DEFAULT '',
  decided_at TEXT,
  decision_note TEXT NOT NULL DEFAULT '',
  version_number INTEGER,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX plan_revisions_plan ON plan_revisions (region_id, plan_id);

-- The target changes of a revision, with the values they replace (all NULL: no target).
-- New values all NULL remove that year's target.
CREATE TABLE plan_revision_changes (
  revision_id BIGINT NOT NULL REFERENCES plan_revisions (id),
  region_id BIGINT NOT NULL REFERENCES regions (id),
  indicator_id BIGINT NOT NULL REFERENCES indicators (id),
  year INTEGER NOT NULL,
  target_value TEXT,
  lower_bound TEXT,
  upper_bound TEXT,
  previous_value TEXT,
  previous_lower TEXT,
  previous_upper TEXT,
  PRIMARY KEY (revision_id, indicator_id, year)
);

-- The readable history of an adopted plan: number 1 is the adoption, each approved revision
-- adds the next. snapshot is the whole cascade as JSON, exactly as
-- GET /api/v1/plans/{id}/versions/{number} answers it.
CREATE TABLE plan_versions (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  plan_id BIGINT NOT NULL REFERENCES plans (id),
  number INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('adoption', 'revision')),
  revision_id BIGINT REFERENCES plan_revisions (id),
  reason TEXT NOT NULL DEFAULT '',
  approved_by_user_id BIGINT,
  approved_by_name TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  UNIQUE (plan_id, number)
);

-- The eight Asta Cita missions (President Prabowo Subianto, 2024-2029), as published.
INSERT INTO plan_nodes (kind, code, title, builtin, created_at, updated_at) VALUES
  ('national_priority', 'AC-1', 'Memperkokoh ideologi Pancasila, demokrasi, dan hak asasi manusia (HAM).', 1, '2024-10-20T00:00:00.000Z', '2024-10-20T00:00:00.000Z'),
  ('national_priority', 'AC-2', 'Memantapkan sistem pertahanan keamanan negara dan mendorong kemandirian bangsa melalui swasembada pangan, energi, air, ekonomi kreatif, ekonomi hijau, dan ekonomi biru.', 1, '2024-10-20T00:00:00.000Z', '2024-10-20T00:00:00.000Z'),
  ('national_priority', 'AC-3', 'Meningkatkan lapangan kerja yang berkualitas, mendorong kewirausahaan, mengembangkan industri kreatif, dan melanjutkan pengembangan infrastruktur.', 1, '2024-10-20T00:00:00.000Z', '2024-10-20T00:00:00.000Z'),
  ('national_priority', 'AC-4', 'Memperkuat pembangunan sumber daya manusia (SDM), sains, teknologi, pendidikan, kesehatan, prestasi olahraga, kesetaraan gender, serta penguatan peran perempuan, pemuda, dan penyandang disabilitas.', 1, '2024-10-20T00:00:00.000Z', '2024-10-20T00:00:00.000Z'),
  ('national_priority', 'AC-5', 'Melanjutkan hilirisasi dan industrialisasi untuk meningkatkan nilai tambah di dalam negeri.', 1, '2024-10-20T00:00:00.000Z', '2024-10-20T00:00:00.000Z'),
  ('national_priority', 'AC-6', 'Membangun dari desa dan dari bawah untuk pemerataan ekonomi dan pemberantasan kemiskinan.', 1, '2024-10-20T00:00:00.000Z', '2024-10-20T00:00:00.000Z'),
  ('national_priority', 'AC-7', 'Memperkuat reformasi politik, hukum, dan birokrasi, serta memperkuat pencegahan dan pemberantasan korupsi dan narkoba.', 1, '2024-10-20T00:00:00.000Z', '2024-10-20T00:00:00.000Z'),
  ('national_priority', 'AC-8', 'Memperkuat penyelarasan kehidupan yang harmonis dengan lingkungan, alam, dan budaya, serta peningkatan toleransi antarumat beragama untuk mencapai masyarakat yang adil dan makmur.', 1, '2024-10-20T00:00:00.000Z', '2024-10-20T00:00:00.000Z');
