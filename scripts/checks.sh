#!/usr/bin/env bash
# The checks `npm test` runs before jest. tsc checks the API on one core for most of this time, so
# the other checks run beside it, one after another; the script fails if either side fails.
set -uo pipefail
cd "$(dirname "$0")/.."
npm run typecheck &
typecheck=$!
npm run lint:deps && npm run web:typecheck && npm run web:build
others=$?
wait "$typecheck"
typechecked=$?
[ "$typechecked" -eq 0 ] && [ "$others" -eq 0 ]
