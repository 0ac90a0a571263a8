#!/usr/bin/env bash
# Builds the samples and a large generated project with -p:ReportAnalyzer=true and prints the compiler's
# per-analyzer execution times (what a real `dotnet build` pays for the KA analyzers).
# Everything it builds or generates goes under $OUT (default /tmp/ka-report-analyzer); nothing in the repository changes.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$here/../.." && pwd)
OUT=${OUT:-/tmp/ka-report-analyzer}
FILES=${FILES:-5000}
REV=${REV:-}
builds=2

usage() {
  cat <<USAGE
usage: benchmarks/scripts/report-analyzer.sh [--files N] [--out DIR] [--rev REV]
  --files N   size of the generated project (default $FILES files, about 20 lines each, 10% with sockets)
  --out DIR   build outputs and logs (default $OUT)
  --rev REV   build the analyzer and the generator from a committed revision (exported under --out)
              instead of the working tree, e.g. while others' uncommitted edits do not compile
Each project is built $builds times without incremental build; the last build's figures are printed
(the first one includes starting and jitting the compiler server).
Environment: OUT, FILES, REV.
USAGE
}

while (($#)); do
  case $1 in
    --files) FILES=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --rev) REV=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
src_root=$repo_root
if [[ -n $REV ]]; then
  src_root=$OUT/rev
  rm -rf "$src_root" && mkdir -p "$src_root"
  git -C "$repo_root" archive "$REV" | tar -x -C "$src_root"
fi

echo "== building the analyzer and the generator from $src_root${REV:+ ($REV)}"
dotnet build -c Release -nologo -v:q "$src_root/src/Analyzer/Analyzer.csproj" -o "$OUT/analyzer" >"$OUT/analyzer-build.log" 2>&1 ||
  { tail -20 "$OUT/analyzer-build.log"; exit 1; }
dotnet build -c Release -nologo -v:q "$src_root/benchmarks/Analyzer.Benchmarks/Analyzer.Benchmarks.csproj" >"$OUT/generator-build.log" 2>&1 ||
  { tail -20 "$OUT/generator-build.log"; exit 1; }
generator=$src_root/benchmarks/Analyzer.Benchmarks/bin/Release/net10.0/Analyzer.Benchmarks.dll
runtime_dll=$src_root/benchmarks/Analyzer.Benchmarks/bin/Release/net10.0/KeepAlive.Runtime.dll

# Prints the ReportAnalyzer block of a -v:d log: totals, our assembly and its analyzers, and the csc task time.
summarize() {
  local log=$1
  # A build that compiles the analyzer from source (the samples) has one block per compiled project: keep the
  # blocks that mention our analyzers, each with its total.
  awk '
    /Total analyzer execution time:/ { in_block = 1; total = $0; shown = 0; next }
    in_block && /Total generator execution time:/ { in_block = 0 }
    in_block && /^[ \t]+<?[0-9.]+[ \t]+<?[0-9]+[ \t]+KeepAliveAnalyzers/ {
      if (!shown) { print "   " total; print "      Time (s)    %   Analyzer"; shown = 1 }
      print "   " $0
    }
  ' "$log"
  grep -E '^\s+[0-9]+ ms\s+Csc\s' "$log" | tail -1 | sed 's/^ */   csc task, all projects of the build (wall, incl. analyzers): /' || true
}

report() {
  local name=$1 project=$2
  local log
  for ((i = 1; i <= builds; i++)); do
    log=$OUT/$name.build$i.log
    if ! dotnet build "$project" -c Release -nologo --no-incremental -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary >"$log" 2>&1; then
      echo "== $name: build failed (log: $log)"
      grep -E 'error' "$log" | sort -u | head -5
      return 0
    fi
  done
  echo "== $name (build $builds of $builds; log: $log)"
  summarize "$log"
}

for sample in ChatServer ChatClient; do
  project=$(ls "$src_root/samples/$sample"/*.csproj 2>/dev/null | head -1 || true)
  if [[ -z $project ]]; then
    echo "== samples/$sample: not there (yet), skipped"
    continue
  fi
  report "$sample" "$project"
done

generated=$OUT/generated-$FILES
rm -rf "$generated" && mkdir -p "$generated"
dotnet "$generator" generate --files "$FILES" --out "$generated"
# Outside the repository: none of its Directory.Build.props apply. The analyzer is referenced as a package would be.
cat >"$generated/Generated.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <EnableDefaultCompileItems>true</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
    <Analyzer Include="$OUT/analyzer/KeepAliveAnalyzers.dll" />
    <Reference Include="$runtime_dll" />
  </ItemGroup>
</Project>
PROJECT
report "generated-$FILES" "$generated/Generated.csproj"
