#!/usr/bin/env bash
# Runs kaeval `analyze --runs 2` over every repository of the labelled corpus in one process and prints, per
# repository, the KA analyzers' telemetry time ÷ the compiler's warm time (the issue's figure), as a markdown table.
# Telemetry is wall time inside the analyzers' callbacks, so one process's figure for a small repository moves 5-10x
# with whatever else the machine does; --repeat N runs the process N times and reports each repository's median.
# Nothing is written into the repository; the corpus is read-only input and never committed.
set -euo pipefail

KAEVAL=${KAEVAL:-/tmp/kaeval-bin/kaeval.dll}
CORPUS=${CORPUS:-/tmp/corpus}
OUT=${OUT:-/tmp/ka-corpus-ratios}
ANALYZER=${ANALYZER:-}
REPEAT=${REPEAT:-1}
log=""

usage() {
  cat <<USAGE
usage: benchmarks/scripts/corpus-ratios.sh --analyzer KeepAliveAnalyzers.dll [--corpus DIR] [--kaeval kaeval.dll] [--out DIR]
       benchmarks/scripts/corpus-ratios.sh --parse analyze.log      (table from an earlier run's stderr)
       benchmarks/scripts/corpus-ratios.sh --parse-repeats DIR      (medians from an earlier --repeat run)
  --corpus DIR   one folder per repository, named owner+name (default $CORPUS; see ../shared/tools/kaeval/README.md)
  --kaeval DLL   the built kaeval (default $KAEVAL)
  --repeat N     run kaeval N times (one process each, analyze-1.log ... analyze-N.log) and print per repository the
                 median ratio with its range and the median of the totals (default 1: one process, one table)
Same options as eval/run-eval.sh: tests are excluded (--exclude-tests).
Environment: KAEVAL, CORPUS, OUT, ANALYZER, REPEAT.
USAGE
}

while (($#)); do
  case $1 in
    --analyzer) ANALYZER=$2; shift 2 ;;
    --corpus) CORPUS=$2; shift 2 ;;
    --kaeval) KAEVAL=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --parse) log=$2; shift 2 ;;
    --parse-repeats) repeats_dir=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done

# kaeval's stderr summary → one row per repository, then the totals.
table() {
  awk '
    /^== all / { repo = ""; next }
    /^== / { repo = $2; sub(/.*\//, "", repo); sub(/:$/, "", repo); files = $3; lines = $5 }
    /compiler GetDiagnostics:/ { warm = $6 }
    /^ +[0-9.]+ +[0-9.]+ +[0-9]+ +KeepAliveAnalyzers$/ && repo != "" {
      printf "| %s | %s | %s | %s | %s | %s |\n", repo, files, lines, warm, $1, $2
      n++; sum_ka += $1; sum_warm += warm; if ($2 > max) { max = $2; max_repo = repo }
      repo = ""
    }
    END {
      if (n > 0) printf "| all %d repositories | | | %d | %.1f | %.3f (max %.3f, %s) |\n", n, sum_warm, sum_ka, sum_ka / sum_warm, max, max_repo
    }
  ' "$1" | { echo "| repository | files | lines | compiler warm ms | KA ms | KA ratio |"; echo "|---|---:|---:|---:|---:|---:|"; cat; }
}

# Several tables (one per process) → per repository the median ratio, its range and the medians of the times; the
# last row is the median of the per-process totals (not a ratio of medians).
medians() {
  for f in "$@"; do table "$f" | tail -n +3; done | awk -F'|' '
    function median(list,   n, a, i, j, t) {
      n = split(list, a, " ")
      for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    function trim(s) { gsub(/^ +| +$/, "", s); return s }
    {
      repo = trim($2)
      if (repo ~ /^all /) { split(trim($7), t, " "); totals = totals " " t[1]; next }
      if (!(repo in files)) order[++n] = repo
      files[repo] = trim($3); lines[repo] = trim($4)
      warm[repo] = warm[repo] " " trim($5); ka[repo] = ka[repo] " " trim($6); ratio[repo] = ratio[repo] " " trim($7)
    }
    END {
      print "| repository | files | lines | compiler warm ms (median) | KA ms (median) | KA ratio (median) | range | runs |"
      print "|---|---:|---:|---:|---:|---:|---:|---:|"
      for (i = 1; i <= n; i++) {
        r = order[i]; m = split(ratio[r], v, " "); lo = v[1]; hi = v[1]
        for (j = 2; j <= m; j++) { if (v[j] + 0 < lo + 0) lo = v[j]; if (v[j] + 0 > hi + 0) hi = v[j] }
        printf "| %s | %s | %s | %d | %.1f | %.3f | %s-%s | %d |\n", r, files[r], lines[r], median(warm[r]), median(ka[r]), median(ratio[r]), lo, hi, m
        if (median(ratio[r]) <= 0.03) passing++
      }
      printf "| all %d repositories: median of the per-process totals | | | | | %.3f | | %d |\n", n, median(totals), split(totals, x, " ")
      printf "\n%d of %d repositories have a median ratio at or below 0.03.\n", passing, n
    }'
}

if [[ -n $log ]]; then
  table "$log"
  exit 0
fi

if [[ -n ${repeats_dir:-} ]]; then
  medians "$repeats_dir"/analyze-*.log
  exit 0
fi

[[ -n $ANALYZER && -f $ANALYZER ]] || { echo "--analyzer KeepAliveAnalyzers.dll is required" >&2; usage >&2; exit 2; }
mkdir -p "$OUT"
srcs=()
for dir in "$CORPUS"/*/; do
  srcs+=(--src "${dir%/}")
done
((${#srcs[@]})) || { echo "no repositories under $CORPUS" >&2; exit 1; }
if ((REPEAT <= 1)); then
  echo "kaeval analyze --runs 2 over $((${#srcs[@]} / 2)) repositories (load average $(cut -d' ' -f1-3 /proc/loadavg)); log: $OUT/analyze.log" >&2
  dotnet "$KAEVAL" analyze --analyzers "$ANALYZER" "${srcs[@]}" --runs 2 --exclude-tests --out "$OUT/diags.tsv" 2>"$OUT/analyze.log"
  table "$OUT/analyze.log"
  exit 0
fi

for ((i = 1; i <= REPEAT; i++)); do
  echo "process $i of $REPEAT: kaeval analyze --runs 2 over $((${#srcs[@]} / 2)) repositories (load average $(cut -d' ' -f1-3 /proc/loadavg)); log: $OUT/analyze-$i.log" >&2
  dotnet "$KAEVAL" analyze --analyzers "$ANALYZER" "${srcs[@]}" --runs 2 --exclude-tests --out "$OUT/diags-$i.tsv" 2>"$OUT/analyze-$i.log"
done
# The findings must not depend on timing: every process reports the same diagnostics.
for ((i = 2; i <= REPEAT; i++)); do
  cmp -s <(sort "$OUT/diags-1.tsv") <(sort "$OUT/diags-$i.tsv") || echo "warning: process $i reported other diagnostics than process 1" >&2
done
medians "$OUT"/analyze-*.log
