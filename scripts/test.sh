#!/usr/bin/env bash
# `npm test`: the checks, then jest. tsc checks the API on one core for about a minute, so it runs
# beside everything else: the other checks one after another (jest needs the built web app), then
# jest. Its report is printed once it is done; the run fails if any part fails.
set -uo pipefail
cd "$(dirname "$0")/.."
report=$(mktemp)
trap 'rm -f "$report"' EXIT
npm run typecheck >"$report" 2>&1 &
typecheck=$!
npm run lint:deps && npm run web:typecheck && npm run web:build
checks=$?
tests=1
[ "$checks" -eq 0 ] && { npx jest "$@"; tests=$?; }
wait "$typecheck"
typechecked=$?
if [ "$typechecked" -ne 0 ]; then
  cat "$report"
  echo "npm run typecheck failed" >&2
fi
[ "$typechecked" -eq 0 ] && [ "$checks" -eq 0 ] && [ "$tests" -eq 0 ]
