#!/usr/bin/env bash
# Measures each release-profile setting alone and the distribution set: clean build time of the
# `fascia` binary and its size, one configuration after another, each in its own target directory
# (so every build is clean and no configuration reuses another's artefacts).
# A development tool, not part of `cargo test`: it takes about 2 minutes per configuration on 2
# cores. Usage: scripts/measure-profiles.sh [OUT_DIR]   (default /tmp/fascia-profiles)
# The settings are passed with `cargo --config`, so Cargo.toml is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/fascia-profiles}
mkdir -p "$out"

configs=(
  "release|"
  "strip|profile.release.strip=true"
  "codegen-units=1|profile.release.codegen-units=1"
  "panic=abort|profile.release.panic=\"abort\""
  "lto=thin|profile.release.lto=\"thin\""
  "lto=fat|profile.release.lto=\"fat\""
  "dist (fat lto, 1 cgu, abort, strip)|profile.release.lto=\"fat\" profile.release.codegen-units=1 profile.release.panic=\"abort\" profile.release.strip=true"
  "dist + opt-level=s|profile.release.lto=\"fat\" profile.release.codegen-units=1 profile.release.panic=\"abort\" profile.release.strip=true profile.release.opt-level=\"s\""
)

printf '| configuration | clean build | binary |\n|---|---|---|\n'
for entry in "${configs[@]}"; do
  name=${entry%%|*}
  settings=${entry#*|}
  dir="$out/$(echo "$name" | tr -c 'a-z0-9' '_')"
  rm -rf "$dir"
  args=()
  for s in $settings; do args+=(--config "$s"); done
  start=$(date +%s.%N)
  CARGO_TARGET_DIR="$dir" cargo build --release --bin fascia --quiet "${args[@]}"
  end=$(date +%s.%N)
  size=$(stat -c %s "$dir/release/fascia")
  printf '| %s | %.0f s | %.2f MB |\n' "$name" "$(echo "$end - $start" | bc)" "$(echo "$size / 1000000" | bc -l)"
done
