#!/usr/bin/env bash
# Prints where the demo server will answer and how to sign in.
listen=${1:-127.0.0.1:8080}
cat <<MSG

  Sinergi demo: Provinsi Kalimantan Timur
  URL:        http://$listen/
  API:        http://$listen/api/v1/openapi.json
  Health:     http://$listen/healthz   Metrics: http://$listen/metrics
  Database:   ./data/sinergi.db (SQLite)

  Demo logins (password for all: Sinergi-Demo-2026):
    admin           administrator
    gubernur        governor                 wagub        vice governor
    sekda           regional secretary       asisten1     assistant (cluster I)
    bapperida       planning agency          bpkad        finance agency
    inspektorat     internal audit           dprd         DPRD secretariat
    kadis.dinkes    head of Dinas Kesehatan  staf.dinkes  operator of Dinas Kesehatan
    staf.disdikbud  operator of Dinas Pendidikan dan Kebudayaan

  Stop with Ctrl+C.
MSG
