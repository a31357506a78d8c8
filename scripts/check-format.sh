#!/usr/bin/env bash
# Fails when any C++ source differs from what clang-format (config: .clang-format) would write.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h' | grep -v '^web/')
if [ ${#files[@]} -eq 0 ]; then
  exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}"; then
  echo "format: run 'make format' to fix the files above" >&2
  exit 1
fi
echo "format: ${#files[@]} files clean"
