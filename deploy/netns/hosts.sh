#!/usr/bin/env bash
# A multi-host ScaleSweep cluster on one Linux machine: each host is a network namespace with an address
# of its own, joined by one bridge that lives in a namespace of its own (nothing is added to the
# machine's own network). Needs root and iproute2.
#   hosts.sh up K [--workers W] [--checkpoint-seconds S] [--env NAME=VALUE]...
#                      K+2 hosts: ssw-storage (10.77.0.2: Azurite, blob/queue/table 10000-10002),
#                      ssw-host1..K (10.77.0.11..: one silo each, silo port 11111, gateway 30000,
#                      metrics 9464, membership in Azurite) and ssw-client (10.77.0.20: for the CLI);
#                      returns when every gateway answers. Logs: deploy/netns/run/host<i>.log;
#                      --env adds a setting to every silo (ScaleSweep__Telemetry__Console=true)
#   hosts.sh down      stops every process it started and removes every namespace and link
#   hosts.sh status    the hosts, their addresses, links and processes
#   hosts.sh exec HOST CMD...    runs CMD on HOST (storage, host<i>, client)
#   hosts.sh kill HOST [SIGNAL]  signals HOST's silo (default KILL: a crashed machine)
#   hosts.sh start HOST          starts HOST's silo again (after kill)
#   hosts.sh partition HOST      takes HOST's link to the bridge down: it still runs but reaches nobody
#   hosts.sh heal HOST           brings the link back
#   hosts.sh gateways            the gateway list for the CLI (10.77.0.11:30000,...)
#   hosts.sh connection-string   the storage connection string the silos use (Azurite's public dev key)
# Silos start through deploy/silo/launch.sh, the launcher of the systemd unit, with the settings a real
# machine's environment file holds. Each process runs in its own process group; down stops them by group.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/process-group.sh
. "$here/../lib/process-group.sh"
root="$(cd "$here/../.." && pwd)"
run="$here/run"
prefix=ssw
net="$prefix-net"
subnet=10.77.0
storage_ip="$subnet.2"
client_ip="$subnet.20"
silo_port=11111
gateway_port=30000
metrics_port=9464
# Azurite's well-known development account: public, in Microsoft's docs, not a secret.
dev_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
connection_string="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$dev_key;BlobEndpoint=http://$storage_ip:10000/devstoreaccount1;QueueEndpoint=http://$storage_ip:10001/devstoreaccount1;TableEndpoint=http://$storage_ip:10002/devstoreaccount1;"

die() { echo "hosts.sh: $*" >&2; exit 2; }
host_ip() {
  case "$1" in
    storage) echo "$storage_ip" ;;
    client) echo "$client_ip" ;;
    host[1-9]|host[1-9][0-9]) echo "$subnet.$((10 + ${1#host}))" ;;
    *) die "unknown host '$1' (storage, client, host1..host$(host_count))" ;;
  esac
}
host_count() { cat "$run/hosts" 2>/dev/null || echo 0; }
ns() { echo "$prefix-$1"; }
in_ns() { local host="$1"; shift; ip netns exec "$(ns "$host")" "$@"; }
port_open_in() { in_ns "$1" bash -c "(exec 3<>/dev/tcp/$2/$3) 2>/dev/null"; }


check_can() {
  [ "$(id -u)" = 0 ] || die "needs root (network namespaces); run as root or skip the multi-host tests"
  command -v ip > /dev/null || die "needs iproute2's ip"
  ip netns add "$prefix-probe" 2>/dev/null || die "cannot create a network namespace here (ip netns add failed)"
  ip netns del "$prefix-probe"
}

add_host() {
  local host="$1" address; address="$(host_ip "$host")"
  ip netns add "$(ns "$host")"
  in_ns "$host" ip link set lo up
  # veth: "eth0" on the host, "v-<host>" on the bridge's side (the end partition takes down).
  ip link add "$prefix-$host" type veth peer name "v-$host"
  ip link set "$prefix-$host" netns "$(ns "$host")"
  ip link set "v-$host" netns "$net"
  in_ns "$host" ip link set "$prefix-$host" name eth0
  in_ns "$host" ip addr add "$address/24" dev eth0
  in_ns "$host" ip link set eth0 up
  ip -n "$net" link set "v-$host" master br0
  ip -n "$net" link set "v-$host" up
}

start_silo() {
  local host="$1" i="${1#host}" address; address="$(host_ip "$1")"
  local workers; workers="$(cat "$run/workers")"
  local checkpoint; checkpoint="$(cat "$run/checkpoint-seconds")"
  local extra=()
  while IFS= read -r line; do [ -n "$line" ] && extra+=("$line"); done < "$run/extra-env"
  # The settings a machine's /etc/scalesweep/silo.env holds (deploy/systemd/scalesweep-silo.env).
  # Not through in_ns: a function would run in a forked shell, and $! would not be the silo's process group.
  ip netns exec "$(ns "$host")" env -i PATH="$PATH" HOME="${HOME:-/root}" DOTNET_ROOT="${DOTNET_ROOT:-}" \
    ScaleSweep__Silo__Clustering=AzureStorage \
    ScaleSweep__Silo__Address="$address" \
    ScaleSweep__Silo__SiloPort="$silo_port" \
    ScaleSweep__Silo__GatewayPort="$gateway_port" \
    ScaleSweep__Storage__ConnectionString="$connection_string" \
    ScaleSweep__Workers__Count="$workers" \
    ScaleSweep__Workers__CheckpointSeconds="$checkpoint" \
    ScaleSweep__Telemetry__PrometheusAddress="$address" \
    ScaleSweep__Telemetry__PrometheusPort="$metrics_port" \
    Logging__LogLevel__ScaleSweep=Debug \
    Logging__Console__FormatterName=simple \
    Logging__Console__FormatterOptions__SingleLine=true \
    Logging__Console__FormatterOptions__UseUtcTimestamp=true \
    Logging__Console__FormatterOptions__TimestampFormat="yyyy-MM-ddTHH:mm:ss.fffZ " \
    "${extra[@]}" \
    setsid bash "$root/deploy/silo/launch.sh" >> "$run/host$i.log" 2>&1 < /dev/null &
  echo $! > "$run/host$i.pid"
}

wait_gateway() {
  local host="$1" i="${1#host}" address; address="$(host_ip "$1")"
  for _ in $(seq 1 300); do
    port_open_in client "$address" "$gateway_port" && return 0
    if ! alive "$run/host$i.pid"; then
      echo "hosts.sh: the silo on $host exited; see $run/host$i.log" >&2
      tail -5 "$run/host$i.log" >&2 || true
      return 1
    fi
    sleep 0.2
  done
  echo "hosts.sh: the silo on $host did not open its gateway $address:$gateway_port within 60 s" >&2
  return 1
}

up() {
  local count="${1:-}"; shift || true
  [[ "$count" =~ ^[1-9][0-9]?$ ]] && [ "$count" -le 40 ] || die "up needs a silo host count from 1 to 40, e.g. 'hosts.sh up 3'"
  local workers=1 checkpoint=30
  local extra_env=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --workers) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--workers needs a positive integer"; workers="$2"; shift ;;
      --checkpoint-seconds) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--checkpoint-seconds needs a positive integer"; checkpoint="$2"; shift ;;
      --env) [[ "${2:-}" =~ ^[A-Za-z_][A-Za-z0-9_]*=.*$ ]] || die "--env needs NAME=VALUE, not '${2:-}'"; extra_env+=("$2"); shift ;;
      *) die "unknown option '$1'" ;;
    esac
    shift
  done
  check_can
  if ip netns list | grep -q "^$net\b"; then
    die "a test bed is up already (hosts.sh down first)"
  fi
  local silo_dll="$root/src/Silo/bin/Release/net10.0/scalesweep-silo.dll"
  [ -f "$silo_dll" ] || (cd "$root" && dotnet build src/Silo/Silo.csproj -c Release --nologo -v quiet)
  bash "$root/deploy/azurite/azurite.sh" install > /dev/null

  rm -rf "$run"; mkdir -p "$run"
  printf '%s\n' "${extra_env[@]}" > "$run/extra-env"
  echo "$count" > "$run/hosts"; echo "$workers" > "$run/workers"; echo "$checkpoint" > "$run/checkpoint-seconds"
  trap 'echo "hosts.sh: up failed; removing what it made" >&2; down > /dev/null 2>&1' ERR

  ip netns add "$net"
  ip -n "$net" link add br0 type bridge
  ip -n "$net" link set br0 up
  add_host storage
  add_host client
  for i in $(seq 1 "$count"); do add_host "host$i"; done

  in_ns storage bash "$root/deploy/azurite/azurite.sh" start --memory --host "$storage_ip" --pid-file "$run/azurite.pid"
  echo "storage: Azurite at $storage_ip:10000-10002 (pid $(cat "$run/azurite.pid"))"
  for i in $(seq 1 "$count"); do start_silo "host$i"; done
  for i in $(seq 1 "$count"); do
    wait_gateway "host$i"
    echo "host$i: silo $(host_ip "host$i"):$silo_port, gateway :$gateway_port, metrics :$metrics_port (pid $(cat "$run/host$i.pid"))"
  done
  trap - ERR
}

down() {
  local count; count="$(host_count)"
  for pid_file in "$run"/host*.pid; do
    [ -e "$pid_file" ] || continue
    stop_group "$pid_file" TERM 70
  done
  [ -f "$run/azurite.pid" ] && stop_group "$run/azurite.pid" TERM 5
  # Anything still inside a namespace (a process started with exec) dies with it.
  for name in $(ip netns list 2>/dev/null | awk '{print $1}' | grep "^$prefix-" || true); do
    for pid in $(ip netns pids "$name" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
    ip netns del "$name" 2>/dev/null || true
  done
  echo "test bed removed"
}

status() {
  if ! ip netns list | grep -q "^$net\b"; then echo "no test bed"; return; fi
  local count; count="$(host_count)"
  local state
  state=dead; alive "$run/azurite.pid" && state=alive
  echo "storage $storage_ip: Azurite $state"
  for i in $(seq 1 "$count"); do
    local link; link="$(ip -n "$net" -br link show "v-host$i" | awk '{print $2}')"
    state=dead; alive "$run/host$i.pid" && state="alive (pid $(cat "$run/host$i.pid"))"
    echo "host$i $(host_ip "host$i"): link $link, silo $state"
  done
  echo "client $client_ip"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  status) status ;;
  exec) shift; [ $# -ge 2 ] || die "usage: hosts.sh exec HOST CMD..."; host="$1"; shift; host_ip "$host" > /dev/null; in_ns "$host" "$@" ;;
  kill) host="${2:-}"; host_ip "$host" > /dev/null; [ -f "$run/$host.pid" ] || die "$host runs no silo"
        kill "-${3:-KILL}" -- "-$(cat "$run/$host.pid")" ;;
  start) host="${2:-}"; host_ip "$host" > /dev/null; alive "$run/$host.pid" && die "$host's silo is running"
         start_silo "$host"; wait_gateway "$host" ;;
  partition) host="${2:-}"; host_ip "$host" > /dev/null; ip -n "$net" link set "v-$host" down ;;
  heal) host="${2:-}"; host_ip "$host" > /dev/null; ip -n "$net" link set "v-$host" up ;;
  gateways) count="$(host_count)"; list=""; for i in $(seq 1 "$count"); do list="$list${list:+,}$(host_ip "host$i"):$gateway_port"; done; echo "$list" ;;
  connection-string) echo "$connection_string" ;;
  *) echo "usage: hosts.sh up K [--workers W] [--checkpoint-seconds S] | down | status | exec HOST CMD... | kill HOST [SIGNAL] | start HOST | partition HOST | heal HOST | gateways | connection-string" >&2; exit 2 ;;
esac
