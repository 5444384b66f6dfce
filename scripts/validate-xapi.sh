#!/usr/bin/env bash
# Plays attempts with the engine, exports them as xAPI 1.0.3 statements with
# `momento report --format xapi`, and checks every statement with Learning
# Locker's validator (@learninglocker/xapi-validation, installed from npm
# here, so a fresh machine needs only node and npm).
#
# Usage: scripts/validate-xapi.sh [STATEMENTS.json]
#   with a file: validate that file instead of generating one.
set -euo pipefail
cd "$(dirname "$0")/.."

(cd scripts/xapi-validation && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

if [[ $# -ge 1 ]]; then
    node scripts/xapi-validation/validate.js "$1"
    exit
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
momento() { cargo run --quiet --bin momento -- "$@"; }
momento simulate-attempts "$work/attempts" --from scenarios --from tests/fixtures/valid --from tests/fixtures/records \
    --attempts 40 --seed 5 --every-reply >/dev/null
momento report "$work/attempts" --format xapi --out "$work/statements.json"
node scripts/xapi-validation/validate.js "$work/statements.json"
