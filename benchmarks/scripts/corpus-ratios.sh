#!/usr/bin/env bash
# Runs kaeval `analyze --runs 2` over every repository of the labelled corpus in one process and prints, per
# repository, the KA analyzers' telemetry time ÷ the compiler's warm time (the issue's figure), as a markdown table.
# Nothing is written into the repository; the corpus is read-only input and never committed.
set -euo pipefail

KAEVAL=${KAEVAL:-/tmp/kaeval-bin/kaeval.dll}
CORPUS=${CORPUS:-/tmp/corpus}
OUT=${OUT:-/tmp/ka-corpus-ratios}
ANALYZER=${ANALYZER:-}
log=""

usage() {
  cat <<USAGE
usage: benchmarks/scripts/corpus-ratios.sh --analyzer KeepAliveAnalyzers.dll [--corpus DIR] [--kaeval kaeval.dll] [--out DIR]
       benchmarks/scripts/corpus-ratios.sh --parse analyze.log      (table from an earlier run's stderr)
  --corpus DIR   one folder per repository, named owner+name (default $CORPUS; see ../shared/tools/kaeval/README.md)
  --kaeval DLL   the built kaeval (default $KAEVAL)
Same options as eval/run-eval.sh: tests are excluded (--exclude-tests).
Environment: KAEVAL, CORPUS, OUT, ANALYZER.
USAGE
}

while (($#)); do
  case $1 in
    --analyzer) ANALYZER=$2; shift 2 ;;
    --corpus) CORPUS=$2; shift 2 ;;
    --kaeval) KAEVAL=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --parse) log=$2; shift 2 ;;
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

if [[ -n $log ]]; then
  table "$log"
  exit 0
fi

[[ -n $ANALYZER && -f $ANALYZER ]] || { echo "--analyzer KeepAliveAnalyzers.dll is required" >&2; usage >&2; exit 2; }
mkdir -p "$OUT"
srcs=()
for dir in "$CORPUS"/*/; do
  srcs+=(--src "${dir%/}")
done
((${#srcs[@]})) || { echo "no repositories under $CORPUS" >&2; exit 1; }
echo "kaeval analyze --runs 2 over $((${#srcs[@]} / 2)) repositories (load average $(cut -d' ' -f1-3 /proc/loadavg)); log: $OUT/analyze.log" >&2
dotnet "$KAEVAL" analyze --analyzers "$ANALYZER" "${srcs[@]}" --runs 2 --exclude-tests --out "$OUT/diags.tsv" 2>"$OUT/analyze.log"
table "$OUT/analyze.log"
