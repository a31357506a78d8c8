-- Workflow items and their timelines (docs/adr/0002-workflow-first.md): everything approved in
-- Sinergi (performance agreements, realization reports, later proposals, directives and
-- budget shifts) is an item of a workflow definition. `subject` names what the item is about
-- ("performance_agreement:12"); `state` and `entered_at` are where it stands and since when;
-- `version` moves with every step, so two people acting at once cannot both win (the second
-- UPDATE ... WHERE version = ? changes no row). Steps are append-only: who, when, from which
-- state to which, the comment, the fields (a JSON object of strings) and the attachments
-- (a JSON array of content addresses or links).
CREATE TABLE workflow_items (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  definition TEXT NOT NULL,
  definition_version INTEGER NOT NULL,
  subject TEXT NOT NULL,
  agency_id BIGINT REFERENCES agencies (id),
  cluster TEXT,
  state TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (definition, subject)
);
CREATE INDEX workflow_items_state ON workflow_items (region_id, definition, state);

CREATE TABLE workflow_steps (
  item_id BIGINT NOT NULL REFERENCES workflow_items (id),
  sequence INTEGER NOT NULL,
  transition TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  actor_user_id BIGINT NOT NULL,
  actor_name TEXT NOT NULL,
  at TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  fields TEXT NOT NULL DEFAULT '{}',
  attachments TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (item_id, sequence)
);
