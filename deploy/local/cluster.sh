#!/usr/bin/env bash
# A local ScaleSweep cluster on loopback: Azurite plus K silos, each in its own process group.
#   cluster.sh up K      start Azurite (unless something listens on 10000-10002; data under
#                        deploy/local/data) and K silos: silo port 11111+i, gateway 30000+i,
#                        metrics 9464+i; pids in deploy/local/run/; returns when every silo is active (its
#                        log says "scalesweep-silo: active": joined, warmed up, its gateway accepting clients).
#                        The silo is published ReadyToRun to deploy/local/silo/ first when it is missing or
#                        older than its sources (SCALESWEEP_SILO_DLL names another build to run instead)
#   cluster.sh status    the silos and Azurite with their ports, pids and whether they are alive
#   cluster.sh down      stop the silos (SIGTERM: they checkpoint their runs), then Azurite
# Silos find each other through the membership table in Azure Storage, so any silo may die.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/process-group.sh
. "$here/../lib/process-group.sh"
root="$(cd "$here/../.." && pwd)"
run="$here/run"
data="$here/data"
# The silo published ReadyToRun: three fresh silos on one machine each JIT-compile the same code on the
# same cores, which held a 10,000-run sweep on a fresh cluster to about 800 runs/s (docs/large-sweeps.md).
silo_dir="$here/silo"
silo_dll="${SCALESWEEP_SILO_DLL:-$silo_dir/scalesweep-silo.dll}"
mkdir -p "$run" "$data"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# silo_stale: the published silo is missing or older than a source it is built from. Publish keeps the
# build's file times, so the time of the publish is a stamp file's.
silo_stamp="$silo_dir/.published"
silo_stale() {
  [ -f "$silo_dll" ] && [ -f "$silo_stamp" ] || return 0
  [ -n "$(cd "$root" && find src Directory.Build.props Directory.Packages.props -newer "$silo_stamp" \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name 'appsettings*.json' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]
}


up() {
  local count="${1:-}"
  if ! [[ "$count" =~ ^[1-9][0-9]*$ ]] || [ "$count" -gt 16 ]; then
    echo "cluster.sh: up needs a silo count from 1 to 16, e.g. 'cluster.sh up 3'" >&2
    exit 2
  fi

  if [ -z "${SCALESWEEP_SILO_DLL:-}" ] && silo_stale; then
    echo "publishing the silo (Release, ReadyToRun) to $silo_dir..."
    (cd "$root" && dotnet publish src/Silo/Silo.csproj -c Release --use-current-runtime --self-contained false \
      -p:PublishReadyToRun=true -o "$silo_dir" --nologo -v quiet)
    touch "$silo_stamp"
  fi

  if port_open 10000; then
    echo "Azurite: using the one listening on 127.0.0.1:10000"
  else
    bash "$root/deploy/azurite/azurite.sh" start --location "$data/azurite" --pid-file "$run/azurite.pid"
    echo "Azurite: started (pid $(cat "$run/azurite.pid"), data in $data/azurite)"
  fi

  for i in $(seq 0 $((count - 1))); do
    if alive "$run/silo-$i.pid"; then
      echo "silo $i: already running (pid $(cat "$run/silo-$i.pid"))"
      continue
    fi
    if port_open $((11111 + i)) || port_open $((30000 + i)); then
      echo "cluster.sh: port $((11111 + i)) or $((30000 + i)) is taken; is another cluster running?" >&2
      exit 1
    fi
    ScaleSweep__Silo__Clustering=AzureStorage \
    ScaleSweep__Silo__SiloPort=$((11111 + i)) \
    ScaleSweep__Silo__GatewayPort=$((30000 + i)) \
    ScaleSweep__Telemetry__PrometheusPort=$((9464 + i)) \
      setsid bash "$root/deploy/silo/launch.sh" --dll "$silo_dll" > "$run/silo-$i.log" 2>&1 < /dev/null &
    echo $! > "$run/silo-$i.pid"
  done

  for i in $(seq 0 $((count - 1))); do
    for _ in $(seq 1 150); do
      port_open $((30000 + i)) && break
      if ! alive "$run/silo-$i.pid"; then
        echo "cluster.sh: silo $i exited; see $run/silo-$i.log" >&2
        tail -5 "$run/silo-$i.log" >&2 || true
        exit 1
      fi
      sleep 0.2
    done
    port_open $((30000 + i)) || { echo "cluster.sh: silo $i did not open its gateway within 30 s" >&2; exit 1; }
    # The gateway's port is bound early in the silo's start; it accepts clients once the silo is active.
    for _ in $(seq 1 300); do
      grep -q "scalesweep-silo: active" "$run/silo-$i.log" && break
      alive "$run/silo-$i.pid" || { echo "cluster.sh: silo $i exited; see $run/silo-$i.log" >&2; tail -5 "$run/silo-$i.log" >&2 || true; exit 1; }
      sleep 0.2
    done
    grep -q "scalesweep-silo: active" "$run/silo-$i.log" || { echo "cluster.sh: silo $i was not active within 60 s; see $run/silo-$i.log" >&2; exit 1; }
    echo "silo $i: pid $(cat "$run/silo-$i.pid"), silo 127.0.0.1:$((11111 + i)), gateway 127.0.0.1:$((30000 + i)), metrics 127.0.0.1:$((9464 + i))"
  done
}

status() {
  local any=0
  for pid_file in "$run"/silo-*.pid; do
    [ -e "$pid_file" ] || continue
    any=1
    local i="${pid_file##*/silo-}"; i="${i%.pid}"
    local state="dead"; alive "$pid_file" && state="alive"
    echo "silo $i: pid $(cat "$pid_file") $state, silo 127.0.0.1:$((11111 + i)), gateway 127.0.0.1:$((30000 + i)), metrics 127.0.0.1:$((9464 + i))"
  done
  [ "$any" = 1 ] || echo "no silos"
  if [ -f "$run/azurite.pid" ]; then
    local state="dead"; alive "$run/azurite.pid" && state="alive"
    echo "Azurite: pid $(cat "$run/azurite.pid") $state, 127.0.0.1:10000-10002, data in $data/azurite"
  elif port_open 10000; then
    echo "Azurite: not started here; something listens on 127.0.0.1:10000"
  else
    echo "Azurite: not running"
  fi
}

down() {
  # Silos first: a silo whose storage is gone does not exit.
  for pid_file in "$run"/silo-*.pid; do
    [ -e "$pid_file" ] || continue
    stop_group "$pid_file"
  done
  if [ -f "$run/azurite.pid" ]; then
    bash "$root/deploy/azurite/azurite.sh" stop --pid-file "$run/azurite.pid"
  fi
  echo "cluster stopped"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  status) status ;;
  down) down ;;
  *) echo "usage: cluster.sh up K | status | down" >&2; exit 2 ;;
esac
