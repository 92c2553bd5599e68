#!/usr/bin/env bash
# CI stage: 'gmmvi reproduce --executor slurm' against a real single-node SLURM (ci/slurm-start.sh).
# A tiny grid (gmm20, SAMTRON and ZAMTRUX, 2 seeds, 30,000 evaluations) is submitted as two array
# jobs; one array task is cancelled with scancel while it runs; '--status' must show it as not done;
# a rerun of the same command must resubmit exactly that run (resuming its checkpoint if it wrote
# one); '--report' must then list all four runs. Skips (exit 0, saying so) when SLURM cannot be
# installed or started here. Takes about two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/java-env.sh
export GMMVI_SLURM_DIR="${GMMVI_SLURM_DIR:-$(mktemp -d /tmp/gmmvi-slurm-ci.XXXXXX)}"
out="$(mktemp -d /tmp/gmmvi-slurm-grid.XXXXXX)"

if ! ci/slurm-start.sh; then
  echo "== SLURM stage SKIPPED: no SLURM could be installed or started on this machine (see above)"
  exit 0
fi
export SLURM_CONF="$GMMVI_SLURM_DIR/slurm.conf"
trap 'ci/slurm-stop.sh' EXIT

grid=(reproduce --executor slurm --problems gmm20 --algorithms SAMTRON,ZAMTRUX --seeds 2
      --max-evals 30000 --out "$out")
fail() { echo "SLURM stage FAILED: $*" >&2; ./gmmvi reproduce --status "$out" >&2 || true;
         tail -n 30 "$out"/slurm/logs/* >&2 || true; exit 1; }
wait_idle() { # until no job of ours is pending or running (at most $1 seconds)
  for i in $(seq 1 "$1"); do
    [ -z "$(squeue -h -o %i)" ] && return 0
    sleep 1
  done
  fail "jobs still queued after $1 s"
}

echo "== SLURM stage: submitting the tiny grid"
./gmmvi "${grid[@]}" 2>&1 | tee "$out/submit1.log" | grep -v ' INFO '
[ "$(grep -c 'reproduce: submitted' "$out/submit1.log")" = 2 ] || fail "expected two array jobs"
job=$(sed -n 's/.*submitted gmm20\/SAMTRON: job \([0-9]*\),.*/\1/p' "$out/submit1.log")

# cancel array task 1 of the SAMTRON job once it runs (or while it is still pending)
for i in $(seq 1 120); do
  st=$(squeue -h -r -j "$job" -o '%i %T' 2>/dev/null | awk -v t="${job}_1" '$1 == t {print $2}')
  [ "$st" = RUNNING ] && break
  [ -z "$st" ] && fail "array task ${job}_1 finished before it could be cancelled"
  sleep 1
done
sleep 3
echo "== SLURM stage: scancel ${job}_1 (state was $st)"
scancel "${job}_1"
wait_idle 300

./gmmvi reproduce --status "$out" 2>/dev/null | tee "$out/status1.txt"
grep -Eq 'gmm20 SAMTRON seed 10001 +(ended|interrupted|missing|cancelled)' "$out/status1.txt" \
  || fail "--status does not show the cancelled run as not done"

echo "== SLURM stage: rerun resubmits only the cancelled run"
./gmmvi "${grid[@]}" 2>&1 | tee "$out/submit2.log" | grep -v ' INFO '
grep -q '1 runs to do, 3 already complete' "$out/submit2.log" || fail "rerun did not find exactly 1 run to do"
grep -q 'submitted gmm20/SAMTRON: job [0-9]*, 1 array task' "$out/submit2.log" \
  || fail "rerun did not resubmit the cancelled run alone"
wait_idle 300

./gmmvi reproduce --status "$out" 2>/dev/null | tee "$out/status2.txt"
grep -Eq '^all 4 runs +4 done' "$out/status2.txt" || fail "not all runs done after the rerun"
./gmmvi reproduce --report "$out" 2>/dev/null
for cw in SAMTRON ZAMTRUX; do
  grep -q "| gmm20 | $cw | 2/2 |" "$out/report.md" || fail "report.md lacks gmm20 $cw 2/2"
done
if grep -Eq 'seed 10001 +interrupted' "$out/status1.txt"; then
  grep -q 'resuming from its checkpoint' "$out"/slurm/logs/gmm20-SAMTRON-*_0.out \
    || fail "the resubmitted run did not resume from the checkpoint of the cancelled one"
  echo "== SLURM stage: the resubmitted run resumed from the cancelled run's checkpoint"
fi
echo "== SLURM stage passed (grid in $out)"
