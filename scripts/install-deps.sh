#!/usr/bin/env bash
# Installs every Debian package Sinergi needs to build, test and run.
# Idempotent: only missing packages are installed, and `apt-get update` runs at most once.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang clang-14 libclang-rt-14-dev
  clang-format clang-tidy
  # server libraries
  libboost-dev libboost-system-dev libsoci-dev libsqlite3-dev sqlite3 libpq-dev
  nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev libsodium-dev libxlsxwriter-dev
  libzip-dev libexpat1-dev libcairo2-dev libpango1.0-dev fonts-dejavu-core
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev postgresql-15 postgresql-client-15
  wrk nginx-light curl python3 poppler-utils
  # web application build and browser tests (nodejs ships npm)
  nodejs chromium
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
else
  sudo_cmd=()
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
