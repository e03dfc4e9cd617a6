#!/usr/bin/env bash
# Installs, starts and stops the pinned Azurite (Azure Storage emulator) on loopback.
#   azurite.sh install                  npm ci here (once; a no-op when already installed)
#   azurite.sh start [--memory|--location DIR] [--pid-file F]
#                    [--blob-port P] [--queue-port P] [--table-port P] [--host ADDR]
#                                       starts it in its own process group, waits until the blob,
#                                       queue and table ports (default 10000, 10001, 10002) answer,
#                                       writes the pid file; --host binds another address than
#                                       127.0.0.1 (a test host's, in deploy/netns)
#   azurite.sh stop [--pid-file F]      stops the whole process group
# Always with --disableTelemetry: without it Azurite connects to a non-loopback address.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command="${1:-}"
shift || true
pid_file="$here/azurite.pid"
mode="memory"
location=""
blob_port=10000
queue_port=10001
table_port=10002
host=127.0.0.1
port_arg() {
  if ! [[ "${2:-}" =~ ^[1-9][0-9]{0,4}$ ]] || [ "$2" -gt 65535 ]; then
    echo "azurite.sh: $1 needs a port from 1 to 65535, not '${2:-}'" >&2
    exit 2
  fi
}
while [ $# -gt 0 ]; do
  case "$1" in
    --memory) mode="memory" ;;
    --location) mode="disk"; location="$2"; shift ;;
    --pid-file) pid_file="$2"; shift ;;
    --blob-port) port_arg "$1" "${2:-}"; blob_port="$2"; shift ;;
    --queue-port) port_arg "$1" "${2:-}"; queue_port="$2"; shift ;;
    --table-port) port_arg "$1" "${2:-}"; table_port="$2"; shift ;;
    --host)
      if ! [[ "${2:-}" =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]]; then
        echo "azurite.sh: --host needs an IPv4 address, not '${2:-}'" >&2
        exit 2
      fi
      host="$2"; shift ;;
    *) echo "azurite.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done

port_open() { (exec 3<>"/dev/tcp/$host/$1") 2>/dev/null; }

install() {
  if [ ! -x "$here/node_modules/.bin/azurite" ]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

case "$command" in
  install) install ;;
  start)
    install
    for port in "$blob_port" "$queue_port" "$table_port"; do
      if port_open "$port"; then
        echo "azurite.sh: port $port on $host is already in use" >&2
        exit 1
      fi
    done
    args=(--disableTelemetry --skipApiVersionCheck --silent --loose
          --blobHost "$host" --queueHost "$host" --tableHost "$host"
          --blobPort "$blob_port" --queuePort "$queue_port" --tablePort "$table_port")
    if [ "$mode" = "memory" ]; then
      args+=(--inMemoryPersistence --extentMemoryLimit 512)
    else
      mkdir -p "$location"
      args+=(--location "$location")
    fi
    setsid "$here/node_modules/.bin/azurite" "${args[@]}" >/dev/null 2>&1 < /dev/null &
    echo $! > "$pid_file"
    for _ in $(seq 1 100); do
      if port_open "$blob_port" && port_open "$queue_port" && port_open "$table_port"; then
        exit 0
      fi
      sleep 0.2
    done
    echo "azurite.sh: Azurite did not answer on $host:$blob_port, $queue_port and $table_port within 20 s" >&2
    kill -- "-$(cat "$pid_file")" 2>/dev/null || true
    exit 1
    ;;
  stop)
    if [ -f "$pid_file" ]; then
      pid="$(cat "$pid_file")"
      kill -- "-$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -9 -- "-$pid" 2>/dev/null || true
      rm -f "$pid_file"
    fi
    ;;
  *) echo "usage: azurite.sh install|start|stop [--memory|--location DIR] [--pid-file F] [--blob-port P] [--queue-port P] [--table-port P] [--host ADDR]" >&2; exit 2 ;;
esac
