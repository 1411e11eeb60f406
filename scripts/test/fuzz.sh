#!/usr/bin/env bash
# Runs every cargo-fuzz target in core/fuzz for FUZZ_SECONDS (default 60) each, starting from its
# seed corpus, and prints what libFuzzer reports per target: executions, time, peak RSS. The
# summary is also written to $TARGET/fuzz-summary.txt. A target that finds a crash fails the run
# (after the other targets ran); libFuzzer saves the input under core/fuzz/artifacts/<target>/.
#
# Builds are unoptimized (`--dev`, debug assertions and overflow checks on) and without a
# sanitizer by default: the code fuzzed is safe Rust. FUZZ_SANITIZER=address turns ASan on.
# New inputs go to $TARGET/fuzz-work/corpus/<target>/, never into the committed seeds; a run resumes
# from what earlier runs found there.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-60}
sanitizer=${FUZZ_SANITIZER:-none}
target_dir=$(realpath -m "${CARGO_TARGET_DIR:-target}")
fuzz_dir=core/fuzz
work="$target_dir/fuzz-work"
summary="$target_dir/fuzz-summary.txt"
build=(--fuzz-dir "$fuzz_dir" --dev --sanitizer "$sanitizer" --target-dir "$target_dir/fuzz")

scripts/setup/fuzz.sh
cargo +nightly fuzz build "${build[@]}"
mkdir -p "$work/logs"
targets=$(cargo +nightly fuzz list --fuzz-dir "$fuzz_dir")

# The last value libFuzzer printed for a final statistic, such as peak_rss_mb.
final_stat() { sed -n "s/^stat::$1: *//p" "$2" | tail -n1; }
# The coverage (edges) on libFuzzer's last status line.
final_coverage() { sed -n 's/.* cov: \([0-9]*\) .*/\1/p' "$1" | tail -n1; }

row='%-20s %-6s %11s %6s %8s %12s %9s %8s'
rows=() failed=()
for target in $targets; do
  echo "== $target: ${seconds}s"
  log="$work/logs/$target.log"
  corpus="$work/corpus/$target"
  mkdir -p "$corpus"
  options=(-max_total_time="$seconds" -print_final_stats=1)
  [[ -f "$fuzz_dir/dict/$target.dict" ]] && options+=(-dict="$fuzz_dir/dict/$target.dict")
  start=$(date +%s)
  if cargo +nightly fuzz run "${build[@]}" "$target" "$corpus" "$fuzz_dir/corpus/$target" -- "${options[@]}" \
    >"$log" 2>&1; then
    result=ok
  else
    result=CRASH
    failed+=("$target")
    tail -n 40 "$log"
  fi
  elapsed=$(($(date +%s) - start))
  rows+=("$(printf "$row" "$target" "$result" "$(final_stat number_of_executed_units "$log")" "${elapsed}s" \
    "$(final_stat average_exec_per_sec "$log")" "$(final_stat peak_rss_mb "$log")" "$(final_coverage "$log")" \
    "$(find "$corpus" -type f | wc -l)")")
  grep -E '^Done [0-9]+ runs' "$log" || true
done

{
  echo "make fuzz: FUZZ_SECONDS=$seconds, sanitizer $sanitizer, dev build, $(cargo +nightly --version)"
  printf "$row\n" target result executions wall exec/s peak-rss-MB coverage corpus
  printf '%s\n' "${rows[@]}"
} | tee "$summary"
echo "logs: $work/logs/, summary: $summary"
if ((${#failed[@]})); then
  echo "crashes in: ${failed[*]} (inputs under $fuzz_dir/artifacts/)" >&2
  exit 1
fi
