# Helpers shared by dev/kafka and dev/mesh. Sourced, not run.
# Processes are started detached with their pid in a file and stopped by that pid only:
# never by name, so nothing this project did not start is ever touched.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MESH_DIR=${MESH_DIR:-$ROOT/.mesh}

say() { printf '%s\n' "$*"; }
fail() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# port_open HOST PORT: true when something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# pid_alive PIDFILE: true when the file names a running process.
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# start_detached PIDFILE LOGFILE CMD...: runs CMD in its own session, output to LOGFILE.
start_detached() {
  local pidfile=$1 logfile=$2; shift 2
  setsid nohup "$@" >"$logfile" 2>&1 </dev/null &
  echo $! >"$pidfile"
}

# stop_pid PIDFILE NAME [TIMEOUT]: TERM, then KILL after TIMEOUT seconds (default 20).
stop_pid() {
  local pidfile=$1 name=$2 timeout=${3:-20} pid
  if ! pid_alive "$pidfile"; then rm -f "$pidfile"; return 0; fi
  pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((timeout * 5))); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; say "stopped $name (pid $pid)"; return 0; }
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  say "killed $name (pid $pid) after ${timeout}s"
}

# wait_for DESCRIPTION TIMEOUT PIDFILE LOGFILE CHECK...: polls CHECK until it succeeds; fails
# early, showing the log's tail, when the process dies.
wait_for() {
  local what=$1 timeout=$2 pidfile=$3 logfile=$4; shift 4
  for _ in $(seq 1 $((timeout * 4))); do
    "$@" && return 0
    if ! pid_alive "$pidfile"; then
      say "$what exited during start; last lines of $logfile:" >&2
      tail -n 20 "$logfile" >&2
      return 1
    fi
    sleep 0.25
  done
  say "$what not ready after ${timeout}s; see $logfile" >&2
  return 1
}
