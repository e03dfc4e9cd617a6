#!/usr/bin/env bash
# Starts one ScaleSweep silo in the foreground: the one launcher of every deployment that runs the silo as
# a process (the systemd unit, deploy/local/cluster.sh, deploy/netns/hosts.sh, a shell).
#   launch.sh [--env-file F] [--dll PATH] [-- SILO ARGS...]
# Settings come from the environment (ScaleSweep__Silo__Address=10.0.0.5, ...; see
# deploy/systemd/scalesweep-silo.env), optionally read from --env-file first (KEY=VALUE lines, as
# systemd's EnvironmentFile=). The silo's binary is --dll, else $SCALESWEEP_SILO_DLL, else
# scalesweep-silo.dll beside this script (a published install), else the repository's Release build.
# It replaces this shell (exec), so a supervisor's signals reach the silo itself: SIGTERM checkpoints
# its runs and leaves the cluster; kill -9 is a crash the cluster recovers from.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dll="${SCALESWEEP_SILO_DLL:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --env-file)
      [ -r "${2:-}" ] || { echo "launch.sh: --env-file '${2:-}' is not a readable file" >&2; exit 2; }
      set -a
      # shellcheck disable=SC1090
      . "$2"
      set +a
      shift ;;
    --dll) dll="${2:-}"; shift ;;
    --) shift; break ;;
    *) echo "launch.sh: unknown option '$1' (usage: launch.sh [--env-file F] [--dll PATH] [-- SILO ARGS...])" >&2; exit 2 ;;
  esac
  shift
done

if [ -z "$dll" ]; then
  for candidate in "$here/scalesweep-silo.dll" "$root/src/Silo/bin/Release/net10.0/scalesweep-silo.dll"; do
    if [ -f "$candidate" ]; then dll="$candidate"; break; fi
  done
fi
if [ -z "$dll" ] || [ ! -f "$dll" ]; then
  echo "launch.sh: no scalesweep-silo.dll: build it (dotnet build src/Silo -c Release), publish it beside this script, or name it with --dll or SCALESWEEP_SILO_DLL" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet "$dll" --contentRoot "$(dirname "$dll")" "$@"
