#!/usr/bin/env bash
# Runs every test of the solution from a fresh clone: restores packages, installs the pinned Azurite
# (npm ci), builds in Release (the numerics acceptance tests run real simulations and need the JIT's
# optimisations), starts an in-memory Azurite on loopback for the cluster tests, runs the test
# projects, then the multi-host test (deploy/netns; as root), stops Azurite, and prints one closing
# line "tests: N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet restore Cluster.sln
bash deploy/azurite/azurite.sh install
dotnet build Cluster.sln -c Release --no-restore

log="$(mktemp)"
azurite_pid="$(mktemp -u)"
cleanup() {
  bash deploy/azurite/azurite.sh stop --pid-file "$azurite_pid"
  rm -f "$log"
}
trap cleanup EXIT

# The cluster tests need Azure Storage: an in-memory Azurite on loopback, unless one already listens.
if ! (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null; then
  bash deploy/azurite/azurite.sh start --memory --pid-file "$azurite_pid"
fi
status=0
dotnet test Cluster.sln -c Release --no-build --filter "Category!=MultiHost" --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

# The multi-host test alone, after the rest: its three hosts and the sweeps on them use both cores for
# about four minutes. Where network namespaces cannot be made it reports itself skipped, with why.
dotnet test tests/EndToEnd.Tests/EndToEnd.Tests.csproj -c Release --no-build --filter "Category=MultiHost" \
  --logger "console;verbosity=detailed" 2>&1 | tee -a "$log" || status=$?

# Sum the per-assembly summaries, in either of the forms dotnet test prints them:
# "Passed!  - Failed: 0, Passed: 12, Skipped: 0, ..." or "Total tests: 12 / Passed: 12 / Failed: 0".
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! *- *Failed: / {
    for (i = 1; i <= NF; i++) {
      v = $(i+1); gsub(",", "", v)
      if ($i == "Failed:") f += v; if ($i == "Passed:") p += v; if ($i == "Skipped:") s += v
    }
    next
  }
  /^ *Total tests: [0-9]+/ { block = 1; next }
  block && /^ *Passed: [0-9]+ *$/ { p += $2; next }
  block && /^ *Failed: [0-9]+ *$/ { f += $2; next }
  block && /^ *Skipped: [0-9]+ *$/ { s += $2; next }
  block && /^ *Total time:/ { block = 0 }
  END { print p + 0, f + 0, s + 0 }' "$log")
# Name the failed tests, each with the first line of its message, next to the closing line: a CI excerpt
# that shows only the log's end still says which test failed and why.
if [ "$failed" -gt 0 ]; then
  echo "failed tests:"
  awk '/^ *Failed [A-Za-z_][A-Za-z0-9_.]*/ { name = $0; getline; getline msg; sub(/^ */, "", name); sub(/^ */, "", msg); print "  " name " -- " substr(msg, 1, 300) }' "$log"
fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
