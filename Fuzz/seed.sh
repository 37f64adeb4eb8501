#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets from the repository's own files, at run time
# (nothing of it is committed): Fuzz/corpus/<Target>/. Existing corpus files (what earlier
# runs found) are kept; seeds are named by content hash, so re-running adds nothing twice.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
corpus="$here/corpus"
fixtures="$repo/Tests/QingshanTests/Fixtures"

add() { # add TARGET FILE...
    local target="$1"; shift
    mkdir -p "$corpus/$target"
    local f
    for f in "$@"; do
        [ -f "$f" ] || continue
        [ "$(stat -c %s "$f")" -le 1048576 ] || continue
        cp "$f" "$corpus/$target/seed-$(sha1sum "$f" | cut -c1-16)"
    done
}

mapfile -t md < <(find "$fixtures" "$repo/content" -type f -name '*.md' 2>/dev/null)
mapfile -t yaml < <(find "$fixtures" "$repo/content" -type f \( -name '*.yaml' -o -name '*.yml' \) 2>/dev/null)
mapfile -t csv < <(find "$fixtures" "$repo/content" -type f -name '*.csv' 2>/dev/null)
mapfile -t ledger < <(find "$fixtures" "$repo/content" -type f -path '*ledger*' \( -name '*.yaml' -o -name '*.yml' \) 2>/dev/null)
mapfile -t site < <(find "$fixtures" "$repo" -maxdepth 3 -type f -name 'site.yaml' -not -path '*/.build/*' 2>/dev/null)

add FuzzFrontMatter "${md[@]}"
add FuzzMarkdown "${md[@]}"
# Bodies alone too: the text after the closing --- of each article.
mkdir -p "$corpus/FuzzMarkdown"
for f in "${md[@]}"; do
    awk 'n>=2 {print} /^---[ \t]*$/ {n++}' "$f" > "$corpus/FuzzMarkdown/.body" || true
    [ -s "$corpus/FuzzMarkdown/.body" ] && mv "$corpus/FuzzMarkdown/.body" \
        "$corpus/FuzzMarkdown/seed-$(sha1sum "$corpus/FuzzMarkdown/.body" | cut -c1-16)"
done
rm -f "$corpus/FuzzMarkdown/.body"
add FuzzLedger "${ledger[@]}" "${yaml[@]}"
add FuzzCSV "${csv[@]}"
add FuzzSiteConfig "${site[@]}" "${yaml[@]}"
# Front matter alone, as YAML, for the YAML-driven targets.
for f in "${md[@]}"; do
    awk 'NR==1 && !/^---/ {exit} NR>1 && /^---[ \t]*$/ {exit} NR>1 {print}' "$f" > "$corpus/.fm" || true
    [ -s "$corpus/.fm" ] && cp "$corpus/.fm" "$corpus/FuzzSiteConfig/seed-$(sha1sum "$corpus/.fm" | cut -c1-16)"
done
rm -f "$corpus/.fm"
for t in FuzzFrontMatter FuzzMarkdown FuzzLedger FuzzCSV FuzzSiteConfig; do
    echo "$t: $(ls "$corpus/$t" | wc -l) corpus files"
done
