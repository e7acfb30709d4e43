#!/usr/bin/env bash
# First frame in a real pseudo-terminal (120x40), side by side: fascia, a bare ratatui app
# (examples/bare.rs) and whiptail, started in turn in every run; medians. Also fascia's history
# screen with 10,000 saved sessions (from the key `h` to the list). See examples/pty_timing.rs.
#
# A development tool, not part of `cargo test` or CI. Needs whiptail for its column
# (`apt-get install -y whiptail`); without it, fascia and the bare app are timed alone.
# Usage: scripts/measure-startup.sh [RUNS] [OTHER_FASCIA_BINARY...]   (RUNS defaults to 21; other
# binaries, such as a build before a change or with another profile, are timed beside)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
shift || true

cargo build --release --quiet --bin fascia --example bare --example pty_timing
whiptail=$(command -v whiptail || true)
if [ -z "$whiptail" ]; then
  echo "whiptail not found: timing fascia and the bare app only" >&2
  [ $# -gt 0 ] && { echo "other fascia binaries need whiptail too" >&2; exit 2; }
fi
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run" >&2
target=${CARGO_TARGET_DIR:-target}
"$target/release/examples/pty_timing" "$runs" "$target/release/fascia" \
  "$target/release/examples/bare" ${whiptail:+"$whiptail"} "$@"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the run" >&2
