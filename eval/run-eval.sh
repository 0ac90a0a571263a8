#!/usr/bin/env bash
# Scores our analyzer on a labelled real-code set (default eval/blind-labels.tsv) with kaeval.
# Everything it builds or extracts goes under /tmp; nothing is written into the repository.
# Usage: see eval/README.md or run with --help.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$here/.." && pwd)
# ../shared is optional: a clone without it passes --kaeval (or KAEVAL) and uses the committed labels.
shared_dir=$(realpath -m "$repo_root/../shared")
shared_labels="$shared_dir/eval/dev-labels.tsv"

LABELS=${LABELS:-$repo_root/eval/blind-labels.tsv}
KAEVAL=${KAEVAL:-$shared_dir/tools/kaeval}
MIRROR=${MIRROR:-/work/.mirror}
CORPUS=${CORPUS:-/tmp/corpus}
OUT=${OUT:-/tmp/ka-eval}
IDS=${IDS:-KA0001}
CONFIG=${CONFIG:-}
REV=${REV:-}
do_fuzz=0 do_fix=0 with_sample=0 skip_missing=0 only_repos=""
fuzz_args=(--cuts 10 --max-files 60 --files-containing TcpClient TcpListener Socket)

die2() { printf '%s\n' "$@" >&2; exit 2; }  # setup problems (missing input, bad option): exit 2
usage() {
  cat <<EOF
usage: eval/run-eval.sh [IDS] [--ids KA0001,KA0002] [--labels FILE|shared] [--shared] [--kaeval DIR]
                        [--mirror DIR] [--corpus DIR] [--out DIR] [--config FILE] [--repos owner/name,...]
                        [--skip-missing] [--rev REV] [--fuzz] [--fix] [--with-sample]
  IDS / --ids     rule ids to score (default $IDS)
  --labels FILE   labels TSV (repo, commit, path, line, ..., expected) (default eval/blind-labels.tsv);
                  "--labels shared" or --shared: ../shared/eval/dev-labels.tsv
  --kaeval DIR    kaeval source folder, the one holding kaeval.csproj (default ../shared/tools/kaeval)
  --mirror DIR    bare git clones, one per repository: DIR/owner+name/repo, DIR/owner+name[.git] (default $MIRROR)
  --corpus DIR    extracted sources, one folder owner+name per repository (default $CORPUS)
  --out DIR       results and build outputs (default $OUT)
  --config FILE   .editorconfig-like file passed to kaeval (severities, options)
  --repos LIST    only these labelled repositories (scores then cover only their rows)
  --skip-missing  score only the labelled repositories that have a mirror at the labelled commit
                  (default: list the missing mirrors and exit 2)
  --rev REV       build the analyzer from a committed revision (exported under --out) instead of the
                  working tree, e.g. when others' uncommitted edits do not compile
  --fuzz          also run kaeval fuzz on the files mentioning sockets
  --fix           also run kaeval fix on every repository where the ids fired
  --with-sample   also load kaeval's sample analyzer (KS0001) and score it as the naive baseline
Environment: LABELS, KAEVAL, MIRROR, CORPUS, OUT, IDS, CONFIG, REV.
Exit: 0; 3 on analyzer exceptions or fuzz/fix failures; 2 on a missing input (kaeval, labels, mirror)
or a bad option; 1 when a build or kaeval analyze fails.
EOF
}

while (($#)); do
  case $1 in
    --ids|--labels|--kaeval|--mirror|--corpus|--out|--config|--repos|--rev)
      (($# >= 2)) || die2 "option $1 needs a value" ;;&
    --ids) IDS=$2; shift 2 ;;
    --labels) if [[ $2 == shared ]]; then LABELS=$shared_labels; else LABELS=$(realpath -m "$2"); fi; shift 2 ;;
    --shared) LABELS=$shared_labels; shift ;;
    --kaeval) KAEVAL=$(realpath -m "$2"); shift 2 ;;
    --skip-missing) skip_missing=1; shift ;;
    --mirror) MIRROR=$2; shift 2 ;;
    --corpus) CORPUS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --config) CONFIG=$(realpath "$2"); shift 2 ;;
    --repos) only_repos=$2; shift 2 ;;
    --rev) REV=$2; shift 2 ;;
    --fuzz) do_fuzz=1; shift ;;
    --fix) do_fix=1; shift ;;
    --with-sample) with_sample=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    *) IDS=$1; shift ;;
  esac
done

# --- 0. inputs: labels, kaeval, dotnet (checked before anything is built) ------------------
if [[ ! -f $LABELS ]]; then
  if [[ $LABELS == "$shared_labels" ]]; then
    die2 "labels not found: $LABELS (--labels shared / --shared needs ../shared next to this clone)" \
      "pass --labels FILE, or drop --shared to use the committed eval/blind-labels.tsv"
  fi
  die2 "labels not found: $LABELS (pass --labels FILE, or --labels shared for ../shared/eval/dev-labels.tsv)"
fi
[[ $(head -n 1 "$LABELS" | cut -f1,2) == $'repo\tcommit' ]] ||
  die2 "labels $LABELS: the first row must be the header 'repo<TAB>commit<TAB>path<TAB>line<TAB>...'"
if [[ ! -f $KAEVAL/kaeval.csproj ]]; then
  die2 "kaeval not found: no kaeval.csproj in $KAEVAL" \
    "kaeval (the measuring tool, kept in ../shared/tools/kaeval) is not part of this repository; pass" \
    "--kaeval DIR or set KAEVAL=DIR, DIR being a kaeval source folder (the one holding kaeval.csproj)"
fi
if ((with_sample)) && [[ ! -f $KAEVAL/sample/KaSample.CodeFixes/KaSample.CodeFixes.csproj ]]; then
  die2 "--with-sample: no sample/KaSample.CodeFixes/KaSample.CodeFixes.csproj under $KAEVAL"
fi
command -v dotnet >/dev/null || die2 "dotnet not found on PATH (the builds need the .NET SDK)"

mkdir -p "$OUT"
config_args=()
[[ -n $CONFIG ]] && config_args=(--config "$CONFIG")
step_times=()
step_start=0
begin() { echo; echo "### $1"; step_start=$SECONDS; }
finish() { step_times+=("$(printf '%-28s %4ds' "$1" $((SECONDS - step_start)))"); }

# --- 1. corpus: the labelled commit of each repository, sources only -------------------------
find_gitdir() {
  local key=${1/\//+} name=${1#*/} d
  for d in "$MIRROR/$key/repo" "$MIRROR/$key" "$MIRROR/$key.git" "$MIRROR/$name.git" "$MIRROR/$name"; do
    if [[ -d $d ]] && git --git-dir="$d" rev-parse --git-dir >/dev/null 2>&1; then echo "$d"; return 0; fi
  done
  return 1
}

extract() {  # repo commit gitdir dest
  local repo=$1 commit=$2 gitdir=$3 dest=$4 specs=() files
  files=$(git --git-dir="$gitdir" ls-tree -r --name-only "$commit")
  # git archive fails on a pathspec that matches nothing, so pass only those that match.
  grep -q '\.cs$' <<<"$files" && specs+=('*.cs')
  grep -q '\.csproj$' <<<"$files" && specs+=('*.csproj')
  grep -qE '(^|/)Directory\.Build\.props$' <<<"$files" && specs+=(':(glob)**/Directory.Build.props')
  rm -rf "$dest" && mkdir -p "$dest"
  git --git-dir="$gitdir" archive "$commit" -- "${specs[@]}" | tar -x -C "$dest"
  echo "$commit" >"$dest/.ka-commit"
}

begin "corpus ($CORPUS from $MIRROR; labels $LABELS)"
# First pass: every labelled repository (within --repos) needs its sources at the labelled commit,
# either already extracted under $CORPUS or a bare clone under $MIRROR that holds the commit.
ready=() todo=() missing=() missing_repos=() wanted=0
while IFS=$'\t' read -r repo commit; do
  [[ -z $repo ]] && continue
  if [[ -n $only_repos && ",$only_repos," != *",$repo,"* ]]; then continue; fi
  wanted=$((wanted + 1))
  dest="$CORPUS/${repo/\//+}"
  if [[ -f $dest/.ka-commit && $(<"$dest/.ka-commit") == "$commit" ]]; then
    ready+=("$repo"$'\t'"$commit"); continue
  fi
  if ! gitdir=$(find_gitdir "$repo"); then
    missing+=("missing mirror for $repo at $commit: put a bare clone at $MIRROR/${repo/\//+}")
  elif ! git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    missing+=("missing mirror for $repo at $commit: $gitdir lacks that commit; put a bare clone holding it at $MIRROR/${repo/\//+}")
  else
    todo+=("$repo"$'\t'"$commit"$'\t'"$gitdir"); continue
  fi
  missing_repos+=("$repo")
done < <(tail -n +2 "$LABELS" | cut -f1,2 | sort -u)
if [[ -n $only_repos ]] && ((wanted == 0)); then
  die2 "--repos $only_repos: none of these repositories is in $LABELS"
fi
if ((${#missing[@]})); then
  printf '%s\n' "${missing[@]}" >&2
  if ((!skip_missing)); then
    ((${#missing[@]} < wanted)) &&
      die2 "${#missing[@]} of $wanted labelled repositories have no mirror at the labelled commit; add them," \
        "or pass --skip-missing to score only the $((wanted - ${#missing[@]})) present (or --repos LIST)."
    die2 "none of the $wanted labelled repositories has a mirror at the labelled commit under $MIRROR" \
      "(--mirror DIR or MIRROR=DIR: one bare clone per repository, DIR/owner+name[/repo] or DIR/owner+name.git)"
  fi
  ((${#missing[@]} < wanted)) || die2 "--skip-missing: none of the $wanted labelled repositories is present"
  echo "--skip-missing: scoring only the $((wanted - ${#missing[@]})) of $wanted labelled repositories present;" \
    "the rows of ${#missing[@]} are left out: ${missing_repos[*]}"
fi
srcs=() scored_repos=()
for r in "${ready[@]}"; do
  IFS=$'\t' read -r repo commit <<<"$r"
  srcs+=("$CORPUS/${repo/\//+}") scored_repos+=("$repo")
done
for t in "${todo[@]}"; do
  IFS=$'\t' read -r repo commit gitdir <<<"$t"
  dest="$CORPUS/${repo/\//+}"
  extract "$repo" "$commit" "$gitdir" "$dest"
  echo "extracted $repo@${commit:0:10}: $(find "$dest" -name '*.cs' | wc -l) .cs files"
  srcs+=("$dest") scored_repos+=("$repo")
done
# Score against the rows of the analysed repositories only (--repos, --skip-missing): the rows of the
# others would otherwise count as misses.
labels=$LABELS
if [[ -n $only_repos ]] || ((${#missing[@]})); then
  labels="$OUT/labels-scored.tsv"
  awk -F'\t' -v keep="$(printf '%s\n' "${scored_repos[@]}")" \
    'BEGIN { n = split(keep, k, "\n"); for (i = 1; i <= n; i++) want[k[i]] = 1 } NR == 1 || ($1 in want)' \
    "$LABELS" >"$labels"
  echo "scoring the $(($(wc -l <"$labels") - 1)) label rows of these repositories ($labels)"
fi
echo "${#srcs[@]} repositories ready"
finish corpus

# --- 2. kaeval, built from its (read-only) source folder $KAEVAL into $OUT ---------------------------
begin "build kaeval"
quiet_build() { dotnet build "$@" -c Release -nologo -v q >"$OUT/build-kaeval.log" 2>&1 || { cat "$OUT/build-kaeval.log"; exit 1; }; }
quiet_build "$KAEVAL/kaeval.csproj" --artifacts-path "$OUT/kaeval"
kaeval=(dotnet "$OUT/kaeval/bin/kaeval/release/kaeval.dll")
sample_dlls=()
if ((with_sample)); then
  quiet_build "$KAEVAL/sample/KaSample.CodeFixes/KaSample.CodeFixes.csproj" --artifacts-path "$OUT/kaeval-sample"
  sample_dlls=("$OUT/kaeval-sample/bin/KaSample.Analyzers/release/KaSample.Analyzers.dll")
fi
finish "build kaeval"

# --- 3. our analyzer and code fixes (Release), outputs under $OUT/artifacts ----------------
product_root=$repo_root artifacts="$OUT/artifacts"
if [[ -n $REV ]]; then
  sha=$(git -C "$repo_root" rev-parse --verify "$REV^{commit}")
  product_root="$OUT/rev-${sha:0:12}" artifacts="$OUT/artifacts-rev-${sha:0:12}"
  rm -rf "$product_root" && mkdir -p "$product_root"
  git -C "$repo_root" archive "$sha" | tar -x -C "$product_root"
fi
begin "build analyzer + code fixes (${REV:-working tree})"
build_product() {
  dotnet build "$product_root/src/CodeFixes/CodeFixes.csproj" -c Release --artifacts-path "$artifacts" \
    -nologo -v q -clp:NoSummary "$@" >"$OUT/build.log" 2>&1
}
if ! build_product; then
  # The package source serves nearby versions of Roslyn's dependencies (NU1603) and that can
  # surface as a downgrade (NU1605). Those are restore-policy errors, not compile errors: retry
  # with them relaxed so the evaluation can run, and say so loudly.
  if grep -q 'error NU160[35]' "$OUT/build.log" && ! grep 'error' "$OUT/build.log" | grep -vq 'error NU160[35]'; then
    printf 'NuGet NU1603/NU1605 relaxed for this build only; fix the projects:\n'
    grep -o 'error NU160[35]:.*' "$OUT/build.log" | sort -u | sed 's/^/    /' | head -4
    printf '<Project><PropertyGroup><NoWarn>$(NoWarn);NU1603;NU1605</NoWarn></PropertyGroup></Project>\n' \
      >"$OUT/relax-nuget.targets"
    build_product "-p:CustomAfterMicrosoftCommonTargets=$OUT/relax-nuget.targets" || { cat "$OUT/build.log"; exit 1; }
  else
    cat "$OUT/build.log"; exit 1
  fi
fi
analyzer_dll="$artifacts/bin/Analyzer/release/KeepAliveAnalyzers.dll"
codefix_dll="$artifacts/bin/CodeFixes/release/KeepAliveAnalyzers.CodeFixes.dll"
ls -l "$analyzer_dll" "$codefix_dll"
finish "build analyzer + code fixes"

# --- 4. analyze + score (+ fuzz, fix) ------------------------------------------------------
begin "kaeval analyze (--runs 2 --exclude-tests, ${#srcs[@]} folders)"
diags="$OUT/diags.tsv"
src_args=()
for s in "${srcs[@]}"; do src_args+=(--src "$s"); done
set +e
"${kaeval[@]}" analyze --analyzers "$analyzer_dll" "${sample_dlls[@]}" "${src_args[@]}" --runs 2 --exclude-tests \
  --out "$diags" "${config_args[@]}" 2>"$OUT/analyze.log"
rc=$?
set -e
no_analyzers=0
if ((rc != 0)); then
  if grep -q 'no analyzers were loaded' "$OUT/analyze.log"; then
    no_analyzers=1
    echo "KeepAliveAnalyzers.dll holds no DiagnosticAnalyzer yet: 0 diagnostics (empty diags file written)"
    printf 'src\tpath\tline\tcolumn\tid\tseverity\tmessage\n' >"$diags"
  else
    cat "$OUT/analyze.log"; echo "kaeval analyze failed (exit $rc)" >&2; exit 1
  fi
fi
finish analyze

begin "kaeval score --ids $IDS"
"${kaeval[@]}" score --diags "$diags" --labels "$labels" --ids "$IDS" --out "$OUT/outcomes.tsv" >"$OUT/score.log" 2>&1
if ((with_sample)); then
  "${kaeval[@]}" score --diags "$diags" --labels "$labels" --ids KS0001 --out "$OUT/outcomes-sample.tsv" \
    >"$OUT/score-sample.log" 2>&1
fi
finish score

failures=0
skipped_or_failed() {  # log: "nothing to run" is a skip, anything else a failure (kaeval exits 3 on findings)
  if grep -qE 'no analyzers were loaded|need an analyzer and a code fix' "$1"; then
    echo "skipped: $(grep -E 'no analyzers were loaded|need an analyzer and a code fix' "$1" | head -1)"
  else
    failures=1
  fi
}
if ((do_fuzz)); then
  begin "kaeval fuzz"
  "${kaeval[@]}" fuzz --analyzers "$analyzer_dll" "${src_args[@]}" --exclude-tests "${fuzz_args[@]}" \
    --save-dir "$OUT/fuzz-failures" "${config_args[@]}" >"$OUT/fuzz.log" 2>&1 || skipped_or_failed "$OUT/fuzz.log"
  finish fuzz
fi

if ((do_fix)); then
  begin "kaeval fix"
  : >"$OUT/fix.log"
  # Only folders where one of the ids fired; a fix run re-analyses the whole folder per fix.
  for s in $(tail -n +2 "$diags" | awk -F'\t' -v ids=",$IDS," 'index(ids, ","$5",") {print $1}' | sort -u); do
    name=$(basename "$s")
    echo "== $name" | tee -a "$OUT/fix.log"
    "${kaeval[@]}" fix --analyzers "$analyzer_dll" --codefixes "$codefix_dll" --src "$s" --ids "$IDS" --exclude-tests \
      --max-fixes 200 --out-dir "$OUT/fixed/$name" "${config_args[@]}" >"$OUT/fix-$name.log" 2>&1 ||
      skipped_or_failed "$OUT/fix-$name.log"
    cat "$OUT/fix-$name.log" >>"$OUT/fix.log"
  done
  finish fix
fi

# --- summary ------------------------------------------------------------------------------
echo
echo "================ summary ($OUT) ================"
echo "labels: $labels$( [[ $labels != "$LABELS" ]] && echo " (rows of $LABELS for the ${#srcs[@]} analysed repositories)")"
((${#missing[@]})) && echo "skipped (--skip-missing, no mirror): ${missing_repos[*]}"
if ((!no_analyzers)); then
  sed -n '/^== all /,$p' "$OUT/analyze.log" | grep -v '^diagnostics written' || true
  # Zero analyzer exceptions is part of the bar, like a clean fuzz run.
  grep -qE '^== all .*analyzer exceptions [1-9]' "$OUT/analyze.log" && failures=1
fi
echo "diagnostics for [$IDS]: $(tail -n +2 "$diags" | awk -F'\t' -v ids=",$IDS," 'index(ids, ","$5",")' | wc -l)"
grep -E '^(TP |precision|recall)' "$OUT/score.log" || true
echo "misses and false positives (details in score.log):"
grep -E '^ *(FN|FP) ' "$OUT/score.log" | cut -c1-160 | head -40 || true
if ((with_sample)); then
  echo "-- sample analyzer KS0001 (naive baseline):"
  grep -E '^(TP |precision|recall)' "$OUT/score-sample.log" || true
fi
if ((do_fuzz)); then
  echo "-- fuzz:"; grep -E '^(files|time|analyzer exceptions|distinct failures|skipped)' "$OUT/fuzz.log" || true
fi
if ((do_fix)); then
  echo "-- fix:"; grep -E '^== |fixes applied|remaining for|new compiler errors:|idempotent|fixes that threw|^kaeval' "$OUT/fix.log" || echo "   (no folder had diagnostics for [$IDS])"
fi
echo "-- timings"
printf '  %s\n' "${step_times[@]}"
echo "outputs: $OUT/{diags.tsv,outcomes.tsv,analyze.log,score.log}$( ((do_fuzz)) && echo ' fuzz.log')$( ((do_fix)) && echo ' fix.log')"
((failures)) && echo "analyzer exceptions, or fuzz/fix reported failures (exit 3)"
exit $((failures ? 3 : 0))
