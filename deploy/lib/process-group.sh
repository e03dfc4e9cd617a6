# Shared by deploy/local/cluster.sh and deploy/netns/hosts.sh (sourced): processes started in a process
# group of their own (setsid), known by a pid file, stopped by group, never by name.

# alive PID_FILE: true while the process of the pid file runs.
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# stop_group PID_FILE [SIGNAL] [SECONDS]: signals the whole group (default TERM: silos checkpoint their
# runs), waits for its leader up to SECONDS (default 60), then kills the group; removes the pid file.
stop_group() {
  local pid_file="$1" signal="${2:-TERM}" wait_s="${3:-60}"
  [ -f "$pid_file" ] || return 0
  local pid
  pid="$(cat "$pid_file")"
  kill "-$signal" -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 $((wait_s * 5))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pid_file"
}
