#!/usr/bin/env bash
# Release rebuild after a change to one file of the full-screen app, without and with
# `incremental = true`: each gets a clean build in its own target directory first (not timed
# here; scripts/measure-profiles.sh times clean builds), then the file's time stamp is touched
# and the rebuild is timed, twice. A development tool, not part of `cargo test`.
# Usage: scripts/measure-rebuild.sh [OUT_DIR] [FILE]   (defaults /tmp/fascia-rebuild, src/tui/ui/welcome.rs)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/fascia-rebuild}
file=${2:-src/tui/ui/welcome.rs}
mkdir -p "$out"

printf '| release profile | rebuild after touching %s |\n|---|---|\n' "$file"
for incremental in false true; do
  dir="$out/incremental-$incremental"
  args=(--config "profile.release.incremental=$incremental")
  CARGO_TARGET_DIR="$dir" cargo build --release --bin fascia --quiet "${args[@]}"
  times=()
  for _ in 1 2; do
    touch "$file"
    start=$(date +%s.%N)
    CARGO_TARGET_DIR="$dir" cargo build --release --bin fascia --quiet "${args[@]}"
    end=$(date +%s.%N)
    times+=("$(printf '%.1f s' "$(echo "$end - $start" | bc)")")
  done
  printf '| incremental = %s | %s |\n' "$incremental" "${times[*]}"
done
