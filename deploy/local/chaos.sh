#!/usr/bin/env bash
# Chaos run of a local cluster, by hand (not part of the test command; tens of minutes):
#   chaos.sh [--silos K] [--faults F] [--steps T] [--seeds S] [--min-gap SEC] [--max-gap SEC] [--seed R]
# 1. computes an uninterrupted reference of a sweep on a silo of its own (storage prefix of its own);
# 2. starts K silos with deploy/local/cluster.sh up K (AzureStorage clustering, Azurite on 10000-10002),
#    on a fresh storage prefix, and submits the same sweep;
# 3. F times, after a random pause, hits a random silo with kill -9, SIGSTOP (then SIGCONT after
#    5-15 s) or SIGTERM, and starts it again (cluster.sh up K) after a random pause; one silo is
#    always left up, so there is a gateway to follow the sweep through;
# 4. waits for the sweep, compares its report's groups with the reference's (every number exactly),
#    counts "stored as Completed|Diverged" per run over every silo log (the dead silos' included:
#    exactly once each), and prints the verdict and, per fault, the time until the runs it lost were
#    running again ("resumes from its last checkpoint" on another silo).
# Everything is kept in deploy/local/run/chaos/<time>/; cluster.sh down and the reference silo are stopped
# on exit. Exit code 0: PASS, 1: FAIL, 2: bad arguments.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
run="$here/run"
silo_dll="$root/src/Silo/bin/Release/net10.0/scalesweep-silo.dll"
cli_dll="$root/src/Client/bin/Release/net10.0/scalesweep.dll"

silos=3
faults=6
steps=200000
seeds=4
min_gap=5
max_gap=20
seed="$RANDOM"
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos="$2"; shift ;;
    --faults) faults="$2"; shift ;;
    --steps) steps="$2"; shift ;;
    --seeds) seeds="$2"; shift ;;
    --min-gap) min_gap="$2"; shift ;;
    --max-gap) max_gap="$2"; shift ;;
    --seed) seed="$2"; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "chaos.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
for value in "$silos" "$faults" "$steps" "$seeds" "$min_gap" "$max_gap" "$seed"; do
  [[ "$value" =~ ^[0-9]+$ ]] || { echo "chaos.sh: '$value' is not a non-negative integer" >&2; exit 2; }
done
[ "$silos" -ge 2 ] && [ "$silos" -le 16 ] || { echo "chaos.sh: --silos must be 2 to 16 (one always stays up)" >&2; exit 2; }
[ "$max_gap" -ge "$min_gap" ] || { echo "chaos.sh: --max-gap must be >= --min-gap" >&2; exit 2; }
RANDOM="$seed"

if [ ! -f "$silo_dll" ] || [ ! -f "$cli_dll" ]; then
  (cd "$root" && dotnet build src/Silo/Silo.csproj -c Release --nologo -v quiet && dotnet build src/Client/Client.csproj -c Release --nologo -v quiet)
fi
for i in $(seq 0 $((silos - 1))); do
  if [ -f "$run/silo-$i.pid" ] && kill -0 "$(cat "$run/silo-$i.pid")" 2>/dev/null; then
    echo "chaos.sh: a local cluster is running (cluster.sh status); stop it first (cluster.sh down)" >&2
    exit 1
  fi
done

work="$run/chaos/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$work"
events="$work/events.tsv"       # one line per fault: epoch-ms action silo
: > "$events"
tag="$(printf '%04x%04x' "$RANDOM" "$RANDOM")"
prefix="chaos$tag"
ref_prefix="cref$tag"
ref_pid_file="$work/reference.pid"
ref_silo_port=11190
ref_gateway=30090

now_ms() { date +%s%3N; }
say() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$work/chaos.log"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
cli() { dotnet "$cli_dll" "$@"; }
silo_pid() { cat "$run/silo-$1.pid" 2>/dev/null || echo 0; }
silo_alive() { local pid; pid="$(silo_pid "$1")"; [ "$pid" != 0 ] && [ -d "/proc/$pid" ] && ! grep -q '^[0-9]* (.*) Z' "/proc/$pid/stat" 2>/dev/null; }
generation=()
for i in $(seq 0 $((silos - 1))); do generation[$i]=0; done

cleanup() {
  set +e
  for i in $(seq 0 $((silos - 1))); do
    pid="$(silo_pid "$i")"
    [ "$pid" != 0 ] && kill -CONT -- "-$pid" 2>/dev/null
  done
  save_logs
  bash "$here/cluster.sh" down > /dev/null 2>&1
  if [ -f "$ref_pid_file" ]; then
    kill -TERM -- "-$(cat "$ref_pid_file")" 2>/dev/null
    sleep 2
    kill -KILL -- "-$(cat "$ref_pid_file")" 2>/dev/null
    rm -f "$ref_pid_file"
  fi
}
# Keeps each silo's log: cluster.sh up starts a silo onto a fresh run/silo-I.log.
save_logs() {
  for i in $(seq 0 $((silos - 1))); do
    [ -f "$run/silo-$i.log" ] && cp "$run/silo-$i.log" "$work/silo-$i.${generation[$i]}.log"
  done
}
trap cleanup EXIT

# Every silo (the reference's and the cluster's) logs one line per message, UTC times to the
# millisecond, and the run grains' queueing and stored outcomes.
export Logging__LogLevel__ScaleSweep=Debug
# Orleans at information: membership decisions (suspicions, death declarations) with their times.
export Logging__LogLevel__Orleans=Information
export Logging__Console__FormatterName=simple
export Logging__Console__FormatterOptions__SingleLine=true
export Logging__Console__FormatterOptions__UseUtcTimestamp=true
export Logging__Console__FormatterOptions__TimestampFormat="yyyy-MM-ddTHH:mm:ss.fffZ "
export ScaleSweep__Workers__Count="${ScaleSweep__Workers__Count:-2}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1

# A sweep of fresh runs: random seeds, so nothing is found stored from an earlier chaos run.
seed_list="$(for s in $(seq 1 "$seeds"); do printf '%s%d' "$([ "$s" = 1 ] || echo ', ')" $(( (RANDOM << 15 | RANDOM) )); done)"
spec="$work/spec.json"
cat > "$spec" <<EOF
{
  "name": "chaos",
  "model": "projected",
  "alpha": [2],
  "beta": [0.4],
  "gamma": [0, 1],
  "N": [128, 256],
  "B": [64],
  "eta": 0.05,
  "M": 4000,
  "steps": $steps,
  "seeds": [$seed_list],
  "checkpointSeconds": 2
}
EOF
runs=$((2 * 2 * seeds))
say "chaos run $work: $silos silos, $faults faults, $runs runs of $steps steps, random seed $seed"

# 1. Azurite (as cluster.sh starts it), then the reference on a silo and storage prefix of its own.
if ! port_open 10000; then
  bash "$root/deploy/azurite/azurite.sh" start --location "$here/data/azurite" --pid-file "$run/azurite.pid"
fi
ScaleSweep__Silo__Clustering=Localhost ScaleSweep__Silo__ClusterId=chaosref \
ScaleSweep__Silo__SiloPort=$ref_silo_port ScaleSweep__Silo__PrimarySiloPort=$ref_silo_port \
ScaleSweep__Silo__GatewayPort=$ref_gateway ScaleSweep__Storage__Prefix="$ref_prefix" \
  setsid dotnet "$silo_dll" --contentRoot "$(dirname "$silo_dll")" > "$work/reference-silo.log" 2>&1 < /dev/null &
echo $! > "$ref_pid_file"
for _ in $(seq 1 300); do port_open $ref_gateway && break; sleep 0.2; done
say "reference: computing on one uninterrupted silo (prefix $ref_prefix)"
start_ms="$(now_ms)"
cli run "$spec" --gateway 127.0.0.1:$ref_gateway --cluster-id chaosref --out "$work/reference" > "$work/reference-run.log" 2>&1 \
  || { say "FAIL: the reference run failed (see $work/reference-run.log)"; exit 1; }
say "reference: done in $(( ($(now_ms) - start_ms) / 1000 )) s"
kill -TERM -- "-$(cat "$ref_pid_file")" 2>/dev/null || true
sleep 3
kill -KILL -- "-$(cat "$ref_pid_file")" 2>/dev/null || true
rm -f "$ref_pid_file"

# 2. The cluster, on a fresh prefix, and the sweep.
export ScaleSweep__Storage__Prefix="$prefix"
bash "$here/cluster.sh" up "$silos" | tee -a "$work/chaos.log"
id="$(cli submit "$spec" --gateway 127.0.0.1:30000 2>> "$work/chaos.log" | tail -1)"
submitted_ms="$(now_ms)"
say "submitted $id (prefix $prefix)"

live_gateway() {
  for i in $(seq 0 $((silos - 1))); do
    if silo_alive "$i" && port_open $((30000 + i)) && [ "${1:-x}" != "$i" ]; then echo "127.0.0.1:$((30000 + i))"; return; fi
  done
  echo "127.0.0.1:30000"
}
sweep_state() {
  cli status "$id" --json --gateway "$(live_gateway)" 2>/dev/null | sed -n 's/^  "state": "\([a-z]*\)".*/\1/p' || true
}
restart() {
  local i="$1" pid
  pid="$(silo_pid "$i")"
  # cluster.sh takes a dead silo that init has not reaped yet for a live one.
  for _ in $(seq 1 100); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
  for _ in $(seq 1 150); do
    silo_alive "$i" || { port_open $((11111 + i)) || port_open $((30000 + i)) || break; }
    sleep 0.2
  done
  cp "$run/silo-$i.log" "$work/silo-$i.${generation[$i]}.log"
  generation[$i]=$((generation[$i] + 1))
  bash "$here/cluster.sh" up "$silos" >> "$work/chaos.log" 2>&1 || say "cluster.sh up failed (see chaos.log)"
  say "silo $i: started again (pid $(silo_pid "$i"))"
}

# 3. Faults.
for f in $(seq 1 "$faults"); do
  sleep $((min_gap + RANDOM % (max_gap - min_gap + 1)))
  state="$(sweep_state)"
  case "$state" in
    completed|failed|cancelled) say "the sweep is $state; no more faults"; break ;;
  esac
  alive=()
  for i in $(seq 0 $((silos - 1))); do silo_alive "$i" && alive+=("$i"); done
  [ "${#alive[@]}" -ge 2 ] || { say "fewer than 2 silos up; skipping fault $f"; continue; }
  victim="${alive[$((RANDOM % ${#alive[@]}))]}"
  pid="$(silo_pid "$victim")"
  source="silo-$victim.${generation[$victim]}"
  case $((RANDOM % 3)) in
    0)
      echo -e "$(now_ms)\tkill-9\t$source" >> "$events"
      kill -KILL -- "-$pid"
      say "fault $f: kill -9 silo $victim (pid $pid)"
      sleep $((RANDOM % 10))
      restart "$victim"
      ;;
    1)
      echo -e "$(now_ms)\tsigstop\t$source" >> "$events"
      kill -STOP -- "-$pid"
      hang=$((5 + RANDOM % 11))
      say "fault $f: SIGSTOP silo $victim (pid $pid) for $hang s"
      sleep "$hang"
      kill -CONT -- "-$pid"
      for _ in $(seq 1 100); do silo_alive "$victim" || break; sleep 0.2; done
      if silo_alive "$victim"; then
        say "silo $victim: runs on after SIGCONT (not declared dead, or has not noticed yet)"
      else
        say "silo $victim: exited by itself after SIGCONT (it had been declared dead)"
        restart "$victim"
      fi
      ;;
    2)
      term_ms="$(now_ms)"
      echo -e "$term_ms\tsigterm\t$source" >> "$events"
      kill -TERM -- "-$pid"
      for _ in $(seq 1 600); do silo_alive "$victim" || break; sleep 0.1; done
      say "fault $f: SIGTERM silo $victim (pid $pid): exited after $(( ($(now_ms) - term_ms) )) ms"
      sleep $((RANDOM % 10))
      restart "$victim"
      ;;
  esac
done

# 4. The end of the sweep, and the verdict.
say "waiting for the sweep to complete"
state=""
for _ in $(seq 1 900); do
  state="$(sweep_state)"
  [ "$state" = "running" ] || [ -z "$state" ] || break
  sleep 2
done
completed_ms="$(now_ms)"
say "sweep $state after $(( (completed_ms - submitted_ms) / 1000 )) s"
cli results "$id" --format json --gateway "$(live_gateway)" > "$work/report.json" 2>> "$work/chaos.log" || true
save_logs

verdict=0
node - "$work" "$runs" "$events" "$state" <<'EOF' || verdict=1
const fs = require('fs'), path = require('path');
const [work, runs, eventsFile, state] = [process.argv[2], +process.argv[3], process.argv[4], process.argv[5]];
const problems = [];
if (state !== 'completed') problems.push(`the sweep ended '${state || 'unknown (no gateway answered)'}', not completed`);
let report = null, reference = null;
try { report = JSON.parse(fs.readFileSync(path.join(work, 'report.json'), 'utf8')); } catch (e) { problems.push('no report: ' + e.message); }
try { reference = JSON.parse(fs.readFileSync(path.join(work, 'reference', 'report.json'), 'utf8')); } catch (e) { problems.push('no reference report: ' + e.message); }
if (report && reference) {
  // JSON numbers parse to the exact doubles written, so equal text of the re-serialised groups means equal bits.
  if (JSON.stringify(report.groups) !== JSON.stringify(reference.groups)) problems.push("the report's groups differ from the uninterrupted reference's");
  else console.log(`results: ${report.groups.length} groups identical to the uninterrupted reference`);
}
const line = /^(\S+Z) \w+: (\S+?)\[\d+\] Run ([0-9a-f]{64}) (?:stored as (\w+)|resumes from its last checkpoint \(step (\d+)\)|queued from step (\d+))/;
const stored = new Map(), resumed = [], queued = [];
for (const file of fs.readdirSync(work).filter(f => /^silo-\d+\.\d+\.log$/.test(f))) {
  const source = file.replace(/\.log$/, '');
  for (const text of fs.readFileSync(path.join(work, file), 'utf8').split('\n')) {
    const m = line.exec(text);
    if (!m) continue;
    const t = Date.parse(m[1]);
    if (m[4]) { if (m[4] === 'Completed' || m[4] === 'Diverged') stored.set(m[3], [...(stored.get(m[3]) || []), { t, text: `${m[4]} on ${source}` }]); }
    else if (m[5] !== undefined) resumed.push({ t, key: m[3], source, step: +m[5] });
    else queued.push({ t, key: m[3], source });
  }
}
const keys = new Set(queued.map(q => q.key));
if (keys.size !== runs) problems.push(`the logs name ${keys.size} runs, the sweep has ${runs}`);
for (const key of keys) {
  const s = stored.get(key) || [];
  if (s.length !== 1) problems.push(`run ${key.slice(0, 12)} stored ${s.length} times (${s.map(x => x.text).join(', ')})`);
}
if (![...keys].some(k => (stored.get(k) || []).length !== 1)) console.log(`exactly once: each of the ${keys.size} runs stored once over every silo log`);
console.log('\nfault                          lost runs  first running again  all running again  resumed from steps');
for (const row of fs.readFileSync(eventsFile, 'utf8').split('\n').filter(Boolean)) {
  const [ms, action, source] = row.split('\t');
  const t = +ms;
  // Runs the silo had at the fault: queued there last before it, not stored before it.
  const last = new Map();
  for (const q of queued.filter(q => q.t <= t)) last.set(q.key, q);
  const lost = [...last.values()].filter(q => q.source === source && !(stored.get(q.key) || []).some(x => x.t <= t));
  const after = lost.map(q => resumed.filter(r => r.key === q.key && r.t >= t && r.source !== source).sort((a, b) => a.t - b.t)[0]).filter(Boolean);
  const fmt = x => (x / 1000).toFixed(2) + ' s';
  console.log(`${new Date(t).toISOString().slice(11, 23)} ${action.padEnd(8)} ${source.padEnd(9)} ${String(lost.length).padStart(5)}` +
    `  ${(after.length ? fmt(Math.min(...after.map(r => r.t)) - t) : '-').padStart(19)}  ${(after.length ? fmt(Math.max(...after.map(r => r.t)) - t) : '-').padStart(17)}` +
    `  ${after.map(r => r.step).join(', ')}${after.length < lost.length ? `  (${lost.length - after.length} finished or resumed on the same silo)` : ''}`);
}
if (problems.length) { console.log('\nVERDICT: FAIL\n  ' + problems.join('\n  ')); process.exit(1); }
console.log('\nVERDICT: PASS');
EOF
say "everything is in $work"
exit "$verdict"
