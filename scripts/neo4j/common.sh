# shellcheck shell=bash
# Shared by scripts/neo4j/start and scripts/neo4j/stop (sourced, not run):
# the defaults, the paths they agree on, and small helpers.
# The environment variables are documented in start and in docs/neo4j-dev.md.

neo4j_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

NEO4J_PORT=${NEO4J_PORT:-7687}
NEO4J_DATA_DIR=$(realpath -m -- "${NEO4J_DATA_DIR:-$neo4j_dir/data}")
NEO4J_LIB_DIR=$(realpath -m -- "${NEO4J_LIB_DIR:-$neo4j_dir/lib}")
NEO4J_HEAP_MIN=${NEO4J_HEAP_MIN:-256m}
NEO4J_HEAP_MAX=${NEO4J_HEAP_MAX:-1g}
NEO4J_PAGECACHE=${NEO4J_PAGECACHE:-128m}
NEO4J_START_TIMEOUT=${NEO4J_START_TIMEOUT:-180}
NEO4J_STOP_TIMEOUT=${NEO4J_STOP_TIMEOUT:-60}

# The pid file and the console log live with the data: one server per data
# folder (Neo4j locks the store anyway), and stop finds what start started.
pid_file=$NEO4J_DATA_DIR/neo4j.pid
log_dir=$NEO4J_DATA_DIR/logs
log_file=$log_dir/console.log

# The version pinned in pom.xml is the single source of truth; jars and
# compiled classes are kept per version so an upgrade never mixes jars.
neo4j_version=$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$neo4j_dir/pom.xml")
if [[ -z $neo4j_version ]]; then
  echo "neo4j: cannot read <neo4j.version> from $neo4j_dir/pom.xml" >&2
  exit 1
fi

say() { printf 'neo4j: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

check_number() { # name value
  [[ $2 =~ ^[0-9]+$ ]] || die "$1 must be a whole number, not '$2'"
}
check_number NEO4J_PORT "$NEO4J_PORT"
check_number NEO4J_START_TIMEOUT "$NEO4J_START_TIMEOUT"
check_number NEO4J_STOP_TIMEOUT "$NEO4J_STOP_TIMEOUT"

# our_pid prints the pid from the pid file when that process is the
# launcher of this data folder; a stale file (crash, reboot, pid reuse)
# prints nothing, so neither script ever signals a stranger's process.
our_pid() {
  [[ -f $pid_file ]] || return 0
  local pid cmdline
  pid=$(<"$pid_file")
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 0
  if [[ $cmdline == *" Launcher --data $NEO4J_DATA_DIR "* ]]; then
    echo "$pid"
  fi
}

# ready_uri prints the bolt URI from the readiness line of the current log.
ready_uri() {
  [[ -f $log_file ]] || return 0
  sed -n 's/^NEO4J READY \(bolt:\/\/[^ ]*\)$/\1/p' "$log_file" | tail -n 1
}

# lock_data serializes start and stop of one data folder (fd 9, held until
# the script exits), so that two starts cannot both launch a server, or one
# remove the other's pid file. The server itself must not inherit fd 9.
lock_data() {
  mkdir -p "$NEO4J_DATA_DIR"
  exec 9>"$NEO4J_DATA_DIR/.lock"
  flock -w $((NEO4J_START_TIMEOUT + 600)) 9 ||
    die "another start or stop of $NEO4J_DATA_DIR holds $NEO4J_DATA_DIR/.lock"
}

# wait_gone waits up to $2 seconds for process $1 to exit.
wait_gone() {
  local pid=$1 deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# terminate stops process $1: SIGTERM (the launcher's shutdown hook closes
# the store), then SIGKILL after NEO4J_STOP_TIMEOUT seconds.
terminate() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  if ! wait_gone "$pid" "$NEO4J_STOP_TIMEOUT"; then
    say "pid $pid still running after ${NEO4J_STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || die "pid $pid survived SIGKILL"
  fi
}
