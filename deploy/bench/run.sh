#!/usr/bin/env bash
# The large-sweep benchmarks of docs/large-sweeps.md, in one command, each on a fresh in-memory Azurite:
#   deploy/bench/run.sh                      every scenario (about 15 minutes on 2 cores)
#   deploy/bench/run.sh embedded-10k ...     the scenarios named
#   BENCH_REPEAT=3 deploy/bench/run.sh ...   each scenario 3 times, a row each (a cluster's figures vary
#                                            with where its sweep and group grains land)
# Scenarios (tiny runs: M = 64, N = 8 and 16, gamma = 0 and 1, B = 8, 100 steps; real runs: M = 2000,
# N = 128, 100,000 steps, about 1.1 s each on an idle core):
#   embedded-10k, embedded-100k   the embedded default (`scalesweep run`: the CLI's own silo)
#   cluster-10k, cluster-100k     a local cluster of 3 silos (deploy/local/cluster.sh up 3), `--gateway`
#   kill9-100k                    the 100,000-run sweep on 3 silos, every silo killed with kill -9 at 40%,
#                                 then started again and the sweep resumed: counts the runs computed after
#                                 the restart against those not stored when the silos died
#   efficiency-64                 64 real runs on the embedded default and on 3 silos
# Prints a Markdown table (also written to $BENCH_OUT/results.md) and checks that every 100,000-run
# report is byte-identical to the first one. Needs the ports of Azurite (10000-10002) and of the local
# cluster free. Stops what it started, by process group, also when interrupted.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../lib/process-group.sh
. "$root/deploy/lib/process-group.sh"
out="${BENCH_OUT:-$(mktemp -d /tmp/scalesweep-bench.XXXXXX)}"
mkdir -p "$out"
cli="$root/src/Client/bin/Release/net10.0/scalesweep.dll"
cluster="$root/deploy/local/cluster.sh"
azurite_pid="$out/azurite.pid"
results="$out/results.md"
repeat="${BENCH_REPEAT:-1}"
rep=1
# suffix: "" for the first repetition of a scenario, "-2", "-3", ... after it (the folder of each).
suffix() { [ "$rep" = 1 ] || echo "-$rep"; }
[[ "$repeat" =~ ^[1-9][0-9]?$ ]] || { echo "run.sh: BENCH_REPEAT is '$repeat'; allowed: 1 to 99" >&2; exit 2; }
all=(embedded-10k embedded-100k cluster-10k cluster-100k kill9-100k efficiency-64)
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=("${all[@]}")
for s in "${scenarios[@]}"; do
  [[ " ${all[*]} " == *" $s "* ]] || { echo "run.sh: unknown scenario '$s'; known: ${all[*]}" >&2; exit 2; }
done

say() { echo "bench: $*" >&2; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

follower=""
cleanup() {
  # The kill -9 scenario's first CLI runs in a process group of its own.
  [ -z "$follower" ] || kill -KILL -- "-$follower" 2>/dev/null || true
  bash "$cluster" down >/dev/null 2>&1 || true
  stop_group "$azurite_pid" TERM 10
}
trap cleanup EXIT

if port_open 10000 || port_open 30000; then
  echo "run.sh: something listens on 127.0.0.1:10000 (Azurite) or :30000 (a silo gateway); stop it first (deploy/local/cluster.sh down)" >&2
  exit 1
fi

say "building (Release) and installing Azurite..."
dotnet build "$root/Cluster.sln" -c Release -nologo -v quiet >/dev/null
bash "$root/deploy/azurite/azurite.sh" install >/dev/null

# tiny_spec NAME SEEDS FILE [FIRST]: the tiny-run sweep (4 groups) with SEEDS seeds (FIRST, FIRST + 1, ...; default 0).
tiny_spec() {
  jq -n --arg name "$1" --argjson seeds "$2" --argjson first "${4:-0}" '{name: $name, model: "projected", alpha: [2], beta: [0.4],
    gamma: [0, 1], N: [8, 16], B: [8], eta: 0.05, M: 64, steps: 100, seeds: [range($first; $first + $seeds)]}' > "$3"
}
real_spec() {
  jq -n --arg name "$1" '{name: $name, model: "projected", alpha: [2], beta: [0.4], gamma: [0, 1],
    N: [128], B: [32], eta: 0.05, M: 2000, steps: 100000, seeds: 32}' > "$2"
}

fresh_storage() {
  stop_group "$azurite_pid" TERM 10
  bash "$root/deploy/azurite/azurite.sh" start --memory --pid-file "$azurite_pid" >/dev/null
}

# timing LOG: the CLI's timing line ("N runs finished in ...") of a followed sweep.
timing() { grep -o '[0-9]* runs finished in .*' "$1" | tail -1; }
field() { sed -n "s|.*$2.*|\1|p" <<<"$1"; }
# cells TIMING: the table's cells read from a timing line: wall, runs/s, efficiency, status p95, report.
cells() {
  echo "$(field "$1" 'finished in \([0-9.]*\) s') | $(field "$1" '(\([0-9.]*\) runs/s)') | $(field "$1" 'efficiency \([0-9.]*%\)') | $(field "$1" 'p95 \([0-9.]*\) ms') | $(field "$1" 'report built in \([0-9.]*\) s')"
}
rows=()
row() { rows+=("| $* |"); }

# run_embedded NAME SPEC: `scalesweep run` on the embedded default, peak resident set of the CLI's process.
run_embedded() {
  local name="$1" spec="$2" dir="$out/$1$(suffix)"
  fresh_storage
  say "$name: embedded default..."
  /usr/bin/time -f '%M' -o "$dir.rss" dotnet "$cli" run "$spec" --out "$dir" >"$dir.out" 2>"$dir.err" </dev/null \
    || { tail -5 "$dir.err" >&2; return 1; }
  local t; t="$(timing "$dir.err")"
  # Per-seed curves of the whole sweep, streamed a group at a time from storage.
  local id started seeds=""
  id="$(sed -n 's/.*: sweep \([a-z0-9-]*\): .*/\1/p' "$dir.err" | head -1)"
  started=$SECONDS
  if [ -n "$id" ] && dotnet "$cli" results "$id" --format csv --out "$dir" --seeds >/dev/null 2>"$dir.seeds.err" </dev/null; then
    seeds="; seeds.csv $(($(wc -l <"$dir/seeds.csv") - 1)) rows, $(( $(stat -c %s "$dir/seeds.csv") / 1048576 )) MB, in $((SECONDS - started)) s (results --seeds, with silo start)"
  fi
  row "$name | embedded, 2 slots | $(cells "$t") | $(( $(cat "$dir.rss") / 1024 )) MB (CLI with its silo)$seeds"
}

silo_rss() {
  local list=""
  for f in "$root"/deploy/local/run/silo-*.pid; do
    local leader child
    leader="$(cat "$f")"
    # The silo's dotnet process is the launcher's child in the same process group.
    child="$(pgrep -g "$leader" -f scalesweep-silo.dll | head -1)"
    list+="$(( $(awk '/VmHWM/ {print $2}' "/proc/$child/status") / 1024 ))/"
  done
  echo "${list%/} MB per silo"
}

# runs_computed: runs the live silos computed to a final status since they started (their Prometheus counters).
runs_computed() {
  local total=0
  for f in "$root"/deploy/local/run/silo-*.pid; do
    local i="${f##*/silo-}"; i="${i%.pid}"
    local n
    n="$(curl -s --max-time 5 "http://127.0.0.1:$((9464 + i))/metrics" | awk '/^scalesweep_runs_finished(_total)?[{ ]/ {s += $NF} END {printf "%d", s}')"
    total=$((total + n))
  done
  echo "$total"
}

cluster_up() {
  fresh_storage
  bash "$cluster" up 3 >/dev/null
}

# run_cluster NAME SPEC [WARM_SPEC]: `scalesweep run --gateway` on 3 fresh silos, then WARM_SPEC on the same silos.
run_cluster() {
  local name="$1" spec="$2" dir="$out/$1$(suffix)"
  cluster_up
  say "$name: 3 silos..."
  dotnet "$cli" run "$spec" --gateway 127.0.0.1:30000,127.0.0.1:30001,127.0.0.1:30002 --out "$dir" >"$dir.out" 2>"$dir.err" </dev/null \
    || { tail -5 "$dir.err" >&2; return 1; }
  local t; t="$(timing "$dir.err")"
  row "$name | 3 silos, 6 slots, fresh | $(cells "$t") | $(silo_rss)"
  if [ -n "${3:-}" ]; then
    # The same shape again on the same silos (other seeds, so nothing is stored yet): a cluster that
    # lives on, its code compiled, as against three fresh processes each compiling it on the same cores.
    say "$name: the same silos again, other seeds..."
    dotnet "$cli" run "$3" --gateway 127.0.0.1:30000,127.0.0.1:30001,127.0.0.1:30002 --out "$dir.warm" >"$dir.warm.out" 2>"$dir.warm.err" </dev/null \
      || { tail -5 "$dir.warm.err" >&2; return 1; }
    t="$(timing "$dir.warm.err")"
    row "$name | 3 silos, 6 slots, warm (second sweep) | $(cells "$t") | $(silo_rss)"
  fi
  bash "$cluster" down >/dev/null
}

# table_final_rows: rows of the results table stored with a final status, read straight from Azurite's
# table REST API (SharedKeyLite with Azurite's well-known development key), a page of 1,000 at a time.
table_final_rows() {
  local acct=devstoreaccount1 key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
  local hexkey; hexkey="$(printf '%s' "$key" | base64 -d | xxd -p -c 256)"
  local count=0 next_pk="" next_rk="" headers="$out/table.headers"
  while :; do
    local date sig query
    date="$(date -u '+%a, %d %b %Y %H:%M:%S GMT')"
    sig="$(printf '%s\n%s' "$date" "/$acct/$acct/scalesweepresults()" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$hexkey" -binary | base64 -w0)"
    query="\$filter=Status%20eq%20'Completed'%20or%20Status%20eq%20'Diverged'%20or%20Status%20eq%20'Failed'&\$select=RowKey"
    [ -z "$next_pk" ] || query+="&NextPartitionKey=$next_pk&NextRowKey=$next_rk"
    local page
    page="$(curl -s -D "$headers" -H "x-ms-date: $date" -H "x-ms-version: 2019-02-02" -H "Accept: application/json;odata=nometadata" \
      -H "Authorization: SharedKeyLite $acct:$sig" "http://127.0.0.1:10002/$acct/scalesweepresults()?$query")"
    count=$((count + $(jq '.value | length' <<<"$page")))
    next_pk="$(tr -d '\r' <"$headers" | awk -F': ' 'tolower($1) == "x-ms-continuation-nextpartitionkey" {print $2}')"
    next_rk="$(tr -d '\r' <"$headers" | awk -F': ' 'tolower($1) == "x-ms-continuation-nextrowkey" {print $2}')"
    [ -n "$next_pk" ] || break
  done
  echo "$count"
}

kill9() {
  local name=kill9-100k spec="$out/tiny-100k.json" dir="$out/kill9-100k$(suffix)"
  cluster_up
  say "$name: 3 silos, kill -9 of every silo at 40%..."
  local gateways=127.0.0.1:30000,127.0.0.1:30001,127.0.0.1:30002
  setsid dotnet "$cli" run "$spec" --gateway "$gateways" --out "$dir.first" >"$dir.first.out" 2>"$dir.first.err" </dev/null &
  follower=$!
  # Until the progress line passes 40% of the runs the CLI named ("sweep ID: N runs on ...").
  local total="" finished=0
  while [ -z "$total" ] || [ $((finished * 10)) -lt $((total * 4)) ]; do
    kill -0 "$follower" 2>/dev/null || { say "$name: the sweep ended before 40%"; tail -3 "$dir.first.err" >&2; return 1; }
    sleep 0.2
    total="$(sed -n 's/.*: sweep [a-z0-9-]*: \([0-9]*\) runs on .*/\1/p' "$dir.first.err" | head -1)"
    finished="$( (grep -oE '[0-9]+/[0-9]+ runs done' "$dir.first.err" || true) | tail -1 | cut -d/ -f1)"
    finished="${finished:-0}"
  done
  for f in "$root"/deploy/local/run/silo-*.pid; do kill -KILL -- "-$(cat "$f")"; done
  kill -KILL -- "-$follower" 2>/dev/null || true
  follower=""
  local at; at="$(grep -oE '[0-9]+/[0-9]+ runs done' "$dir.first.err" | tail -1)"
  local stored; stored="$(table_final_rows)"
  say "$name: killed every silo at $at (last progress line); $stored runs stored final"
  bash "$cluster" up 3 >/dev/null
  dotnet "$cli" run "$spec" --gateway "$gateways" --out "$dir" >"$dir.out" 2>"$dir.err" </dev/null \
    || { tail -5 "$dir.err" >&2; return 1; }
  local computed; computed="$(runs_computed)"
  local t; t="$(timing "$dir.err")"
  local redone=$((computed - (total - stored)))
  row "$name | 3 silos, kill -9 of all at ${at%% *}, restarted | resumed: $(cells "$t") | stored final at the kill $stored; computed after it $computed; redone $redone"
  bash "$cluster" down >/dev/null
  [ "$redone" -le 0 ] || { say "$name: $redone completed runs were computed again"; return 1; }
}

tiny_spec bench-tiny-10k 2500 "$out/tiny-10k.json"
tiny_spec bench-tiny-100k 25000 "$out/tiny-100k.json"
tiny_spec bench-tiny-10k-warm 2500 "$out/tiny-10k-warm.json" 2500
real_spec bench-real-64 "$out/real-64.json"
for s in "${scenarios[@]}"; do
 for rep in $(seq 1 "$repeat"); do
  case "$s" in
    embedded-10k) run_embedded "$s" "$out/tiny-10k.json" ;;
    embedded-100k) run_embedded "$s" "$out/tiny-100k.json" ;;
    cluster-10k) run_cluster "$s" "$out/tiny-10k.json" "$out/tiny-10k-warm.json" ;;
    cluster-100k) run_cluster "$s" "$out/tiny-100k.json" ;;
    kill9-100k) kill9 ;;
    efficiency-64) run_embedded efficiency-64-embedded "$out/real-64.json"; run_cluster efficiency-64-cluster "$out/real-64.json" ;;
  esac
 done
done

# The report is a function of the spec alone: every 100,000-run report must be the same bytes.
identical=""
first=""
for d in embedded-100k cluster-100k kill9-100k; do
  [ -f "$out/$d/report.json" ] || continue
  if [ -z "$first" ]; then first="$d"; continue; fi
  if cmp -s "$out/$first/report.json" "$out/$d/report.json"; then identical+="$d = $first; "; else identical+="$d DIFFERS from $first; "; fi
done

{
  echo "| scenario | where | sweep wall (s) | runs/s | efficiency | status p95 (ms) | report (s) | memory / notes |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  if [ -n "$identical" ]; then
    echo
    echo "report.json of the 100,000-run sweeps: ${identical%; }"
  fi
} | tee "$results"
say "logs and reports in $out"
[[ "$identical" != *DIFFERS* ]]
