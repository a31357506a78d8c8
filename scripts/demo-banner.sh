#!/usr/bin/env bash
# Prints where the demo server will answer and how to sign in.
listen=${1:-127.0.0.1:8080}
cat <<MSG

  Sinergi demo: Provinsi Kalimantan Timur
  URL:        http://$listen/
  API:        http://$listen/api/v1/openapi.json
  Health:     http://$listen/healthz   Metrics: http://$listen/metrics
  Database:   ./data/sinergi.db (SQLite)

  Demo logins: none yet. User accounts and roles arrive with the identity module;
  until then the server offers the operational endpoints and the API document.

  Stop with Ctrl+C.
MSG
