# Shared helpers for topology tests (source this file).
#
#   topo_init NAME        unique namespace prefix, cleanup trap
#   ns_add N              create namespace $P-N with lo up; echo its name
#   veth N1 IF1 N2 IF2    veth pair between two namespaces, both up
#   ns N CMD...           run CMD in namespace N
#   start_daemon N NAME CMD...  start CMD in namespace N in the background,
#                         remember its PID for cleanup, log to $TDIR/NAME.log
#   wait_for SECS CMD...  retry CMD until it succeeds (bounded)
#   vty N PORT CMD...     run vty commands through telnet (vtycmd.py)
#   fail MSG              print and exit 1
#
# Every namespace and process made here is removed on exit, pass or fail.
set -u
: "${TARPAN_BUILD:?TARPAN_BUILD must point at a build tree}"
: "${TARPAN_SRC:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}"
VTYCMD=$TARPAN_SRC/tests/topo/lib/vtycmd.py

TOPO_PIDS=()
TOPO_NS=()

topo_cleanup() {
	local pid ns
	for pid in "${TOPO_PIDS[@]}"; do
		kill -TERM "$pid" 2>/dev/null
	done
	for pid in "${TOPO_PIDS[@]}"; do
		for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$pid" 2>/dev/null
	done
	for ns in "${TOPO_NS[@]}"; do
		ip netns del "$ns" 2>/dev/null
	done
	[ -n "${TDIR:-}" ] && [ -z "${TOPO_KEEP:-}" ] && rm -rf "$TDIR"
}

topo_init() {
	P="tp$$-$1"
	TDIR=$(mktemp -d "/tmp/tarpan-$1.XXXXXX")
	trap topo_cleanup EXIT
	trap 'exit 130' INT TERM
}

ns_add() {
	local n="$P-$1"
	ip netns add "$n" || fail "cannot create namespace $n"
	TOPO_NS+=("$n")
	ip -n "$n" link set lo up
	echo "$n"
}

ns() { local n=$1; shift; ip netns exec "$P-$n" "$@"; }

veth() {
	ip link add "$2" netns "$P-$1" type veth peer name "$4" netns "$P-$3" || fail "veth $2-$4"
	ip -n "$P-$1" link set "$2" up
	ip -n "$P-$3" link set "$4" up
}

start_daemon() {
	local n=$1 name=$2; shift 2
	ip netns exec "$P-$n" "$@" >"$TDIR/$name.log" 2>&1 &
	TOPO_PIDS+=($!)
	eval "PID_${name//[^a-zA-Z0-9_]/_}=$!"
}

wait_for() {
	local secs=$1; shift
	local end=$(( $(date +%s) + secs ))
	while [ "$(date +%s)" -le $end ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.2
	done
	return 1
}

vty() { local n=$1 port=$2; shift 2; ip netns exec "$P-$n" python3 "$VTYCMD" -P "$port" "$@"; }

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "PASS: $*"; }
