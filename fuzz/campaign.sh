#!/usr/bin/env bash
# A resumable fuzzing campaign: runs one cargo-fuzz target for a while from its
# saved corpus, records what it ran, and minimises the corpus into the
# committed seeds.
#
#   fuzz/campaign.sh run TARGET SECONDS   fuzz TARGET for SECONDS more, one process
#   fuzz/campaign.sh seed TARGET          copy the committed seeds, fixtures and
#                                         found inputs into the working corpus
#   fuzz/campaign.sh cmin TARGET          minimise the working corpus into fuzz/seeds/TARGET
#   fuzz/campaign.sh total [TARGET]       executions recorded so far, per target
#
# Each run appends one line to fuzz/campaign.tsv: UTC date, target, seconds run,
# executions, and `ok` or the path of the input that failed. The working corpus
# (fuzz/corpus/TARGET) is not committed; fuzz/seeds/TARGET is, and a run
# starts from both, so a campaign continues where the last one stopped, on any
# machine. Needs a nightly toolchain and cargo-fuzz.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
log="$here/campaign.tsv"
# Seeds above this size are dropped: the committed corpus stays a few MB.
max_seed_bytes=${MAX_SEED_BYTES:-16384}

usage() {
  sed -n '5,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

seed() {
  local target=$1
  mkdir -p "$here/corpus/$target"
  if [ -d "$here/seeds/$target" ]; then
    cp -n -t "$here/corpus/$target" "$here/seeds/$target"/* 2>/dev/null || true
  fi
  find "$root/tests/fixtures" "$root/tests/fuzz-artifacts" -type f ! -name '*.json' ! -name README.md \
    -exec cp -n -t "$here/corpus/$target" {} +
}

run() {
  local target=$1 seconds=$2 out status
  seed "$target"
  out=$(mktemp)
  status=ok
  local started=$SECONDS
  if ! (cd "$here" && cargo +nightly fuzz run -O -a "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -dict=parse.dict -rss_limit_mb=2048 -print_final_stats=1) \
    >"$out" 2>&1; then
    status=$(grep -o 'artifacts/[^ ]*' "$out" | tail -1 || true)
    status=${status:-failed}
    # What broke, and where: libFuzzer's report without its corpus lines.
    grep -v '^"' "$out" | grep -E -A12 'panicked|ERROR|SUMMARY|deadly signal' | head -60 >&2 || true
  fi
  # The seconds it ran (a finding stops it early; the build is counted too).
  local execs elapsed=$((SECONDS - started))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out" | tail -1)
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$elapsed" "${execs:-0}" "$status" >>"$log"
  rm -f "$out"
  echo "$target: ${execs:-0} executions in ${elapsed}s, $status; $(total "$target")"
  [ "$status" = ok ]
}

cmin() {
  local target=$1 tmp
  seed "$target"
  # Minimised on a copy, by edges alone (-use_counters=0): the working corpus
  # keeps every input the fuzzer found useful, the committed seeds stay a few MB.
  tmp=$(mktemp -d)
  mkdir "$tmp/$target"
  find "$here/corpus/$target" -type f -size -"$max_seed_bytes"c -exec cp -t "$tmp/$target" {} +
  (cd "$here" && cargo +nightly fuzz cmin -O "$target" "$tmp/$target" -- -dict=parse.dict -use_counters=0) \
    >/dev/null 2>&1
  rm -rf "$here/seeds/$target"
  mkdir -p "$here/seeds/$target"
  cp -t "$here/seeds/$target" "$tmp/$target"/* 2>/dev/null || true
  rm -rf "$tmp"
  echo "$target: $(find "$here/seeds/$target" -type f | wc -l) seeds, $(du -sb "$here/seeds/$target" | cut -f1) bytes"
}

total() {
  [ -f "$log" ] || { echo "no runs recorded"; return; }
  awk -F'\t' -v want="${1:-}" '
    want == "" || $2 == want { execs[$2] += $4; secs[$2] += $3; if ($5 != "ok") bad[$2]++ }
    END { for (t in execs) printf "%s: %d executions in %d s, %d failed runs\n", t, execs[t], secs[t], bad[t] }
  ' "$log" | sort
}

case "${1:-}" in
  run) [ $# -eq 3 ] || usage; run "$2" "$3" ;;
  seed) [ $# -eq 2 ] || usage; seed "$2" ;;
  cmin) [ $# -eq 2 ] || usage; cmin "$2" ;;
  total) total "${2:-}" ;;
  *) usage ;;
esac
