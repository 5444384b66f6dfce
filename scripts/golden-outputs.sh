#!/usr/bin/env bash
# Writes what `momento check`, `analyze` and `report` print for the shipped
# scenarios, the fixtures and a simulated group into OUT_DIR, one file per
# command, so two builds can be compared byte for byte:
#
#   scripts/golden-outputs.sh /tmp/before path/to/old/momento
#   scripts/golden-outputs.sh /tmp/after  target/debug/momento
#   diff -r /tmp/before /tmp/after && echo identical
#
# Usage: scripts/golden-outputs.sh OUT_DIR [MOMENTO_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/golden-outputs.sh OUT_DIR [MOMENTO_BINARY]}
bin=${2:-target/debug/momento}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # NAME ARGS...: stdout, stderr and exit status of one command
    local name=$1
    shift
    local status=0
    "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err" || status=$?
    echo "$status" >"$out/$name.status"
}

for lang in en es; do
    run "check-shipped-$lang" check scenarios --lang "$lang"
    run "check-shipped-json-$lang" check scenarios --json --lang "$lang"
    run "check-invalid-$lang" check tests/fixtures/invalid --lang "$lang"
    run "check-invalid-json-$lang" check tests/fixtures/invalid --json --lang "$lang"
    run "check-valid-$lang" check tests/fixtures/valid --lang "$lang"
    for file in scenarios/es/*.ron scenarios/en/*.ron tests/fixtures/valid/*.ron; do
        stem=$(basename "$(dirname "$file")")-$(basename "$file" .ron)
        run "analyze-$stem-$lang" analyze "$file" --lang "$lang"
        run "analyze-json-$stem-$lang" analyze "$file" --json --lang "$lang"
    done
done

"$bin" simulate-attempts "$work/attempts" --from scenarios --from tests/fixtures/valid \
    --from tests/fixtures/records --attempts 30 --seed 11 --every-reply >/dev/null
for lang in en es; do
    run "report-table-$lang" report "$work/attempts" --lang "$lang"
    run "report-mode-$lang" report "$work/attempts" --mode assessment --lang "$lang"
done
run report-csv report "$work/attempts" --format csv
run report-csv-decisions report "$work/attempts" --format csv --decisions
run report-json report "$work/attempts" --format json
run report-xapi report "$work/attempts" --format xapi
# The simulated group lives in a fresh temporary folder: name it the same
# every time.
sed -i "s|$work|<tmp>|g" "$out"/report-*
echo "wrote $(ls "$out" | wc -l) files to $out"
