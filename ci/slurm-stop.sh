#!/usr/bin/env bash
# Stops the daemons started by ci/slurm-start.sh (by their pid files; munged is left running if
# it was running before). Safe to call when nothing runs.
set -uo pipefail
dir="${GMMVI_SLURM_DIR:-/tmp/gmmvi-slurm}"
for d in slurmd slurmctld; do
  f="$dir/$d.pid"
  if [ -f "$f" ]; then
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    rm -f "$f"
  fi
done
echo "slurm-stop: slurmctld and slurmd stopped" >&2
