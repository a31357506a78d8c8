-- The predicate scale a region chose for a year (RULES.md section 4, issue 6).
--
-- A scale is versioned configuration. The presets (permendagri86, berhasil4, tercapai3,
-- sakip88) are embedded, each version 1. A region's own scale is kept in
-- `predicate_scales`: version 1 the first time its name is used, the next version whenever
-- its bands change, and no version is ever changed or deleted, so "name v2" always means the
-- same bands. The year's choice copies the whole scale (`bands`, its canonical JSON) so that
-- reading it needs no join. A year without a row uses the default (permendagri86).
-- `version` is the optimistic version of the choice itself.
CREATE TABLE predicate_scales (
  region_id BIGINT NOT NULL REFERENCES regions (id),
  name TEXT NOT NULL,
  scale_version INTEGER NOT NULL CHECK (scale_version >= 1),
  bands TEXT NOT NULL,
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (region_id, name, scale_version)
);

CREATE TABLE predicate_scale_choices (
  region_id BIGINT NOT NULL REFERENCES regions (id),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  name TEXT NOT NULL,
  scale_version INTEGER NOT NULL CHECK (scale_version >= 1),
  preset INTEGER NOT NULL CHECK (preset IN (0, 1)),
  bands TEXT NOT NULL,
  chosen_by_name TEXT NOT NULL,
  chosen_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (region_id, year)
);
