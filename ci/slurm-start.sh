#!/usr/bin/env bash
# Starts a single-node SLURM on this machine for the SLURM stage of CI and for trying
# 'gmmvi reproduce --executor slurm' by hand: munged + slurmctld + slurmd on localhost, with a
# slurm.conf of its own (no cgroups, no accounting database) in $GMMVI_SLURM_DIR
# (default /tmp/gmmvi-slurm). Installs the Debian packages slurm-wlm and munge if sbatch is missing
# (needs root and apt). Afterwards:  export SLURM_CONF=$GMMVI_SLURM_DIR/slurm.conf
# Stop with ci/slurm-stop.sh. Exit codes: 0 running, 3 SLURM cannot be had here (message says why).
set -euo pipefail
dir="${GMMVI_SLURM_DIR:-/tmp/gmmvi-slurm}"

if ! command -v sbatch >/dev/null || ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "slurm-start: sbatch is not installed and cannot be installed here (needs root and apt-get)" >&2
    exit 3
  fi
  echo "slurm-start: installing slurm-wlm and munge (apt-get) ..." >&2
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends slurm-wlm munge; } >"${TMPDIR:-/tmp}/gmmvi-slurm-apt.log" 2>&1; then
    echo "slurm-start: apt-get could not install slurm-wlm and munge; see ${TMPDIR:-/tmp}/gmmvi-slurm-apt.log" >&2
    tail -n 5 "${TMPDIR:-/tmp}/gmmvi-slurm-apt.log" >&2 || true
    exit 3
  fi
fi
if [ "$(id -u)" != 0 ]; then
  echo "slurm-start: the daemons need root (slurmd runs jobs as their users)" >&2
  exit 3
fi

mkdir -p "$dir/state" "$dir/spool"
cpus=$(nproc)
mem_mb=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)
mem_mb=$(( mem_mb > 4096 ? mem_mb - 2048 : mem_mb / 2 ))
cat > "$dir/slurm.conf" <<CONF
# Written by ci/slurm-start.sh: one node (this machine), no cgroups, no accounting database.
ClusterName=gmmvi
SlurmctldHost=localhost
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
MpiDefault=none
ReturnToService=2
KillWait=30
SlurmdTimeout=60
NodeName=localhost NodeHostname=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=local Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"

# munge: the Debian package creates /etc/munge/munge.key
mkdir -p /run/munge /var/log/munge /var/lib/munge
chown munge:munge /run/munge /var/log/munge /var/lib/munge 2>/dev/null || true
if ! pgrep -u munge -x munged >/dev/null 2>&1; then
  if command -v runuser >/dev/null; then
    runuser -u munge -- /usr/sbin/munged
  else
    /usr/sbin/munged --force
  fi
fi

/usr/sbin/slurmctld -f "$SLURM_CONF"
/usr/sbin/slurmd -f "$SLURM_CONF" -N localhost

for i in $(seq 1 60); do
  if sinfo -h -N -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated)'; then
    echo "slurm-start: single-node SLURM up ($cpus CPUs, ${mem_mb} MB); export SLURM_CONF=$SLURM_CONF" >&2
    exit 0
  fi
  sleep 1
done
echo "slurm-start: the node did not become idle in 60 s; logs: $dir/slurmctld.log, $dir/slurmd.log" >&2
sinfo -N 2>&1 | head >&2 || true
tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 || true
exit 3
