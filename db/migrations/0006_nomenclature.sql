-- The national nomenclature list of regional programs, activities and sub-activities
-- (Permendagri 90/2019 and its Kepmendagri updates): one row per code, for every region. The
-- plan nodes keep their own code and title; the list fills titles in imports, suggests codes
-- in the forms, and flags codes that are not in it.
CREATE TABLE nomenclature_entries (
  code TEXT PRIMARY KEY,
  level TEXT NOT NULL CHECK (level IN ('urusan', 'bidang', 'program', 'activity', 'sub_activity')),
  field_code TEXT,
  name TEXT NOT NULL,
  performance TEXT NOT NULL DEFAULT '',
  indicator TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE INDEX nomenclature_entries_level ON nomenclature_entries (level, code);
