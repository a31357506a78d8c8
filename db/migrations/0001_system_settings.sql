-- Instance-wide settings as key/value text, e.g. region.code = '64'.
CREATE TABLE system_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
