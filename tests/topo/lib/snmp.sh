# SNMP helpers for topology tests (source after netns.sh).
#
#   snmp_require            exit status 1 (and a SKIP line) without snmpd/snmp
#   snmp_setup N            config of a master snmpd for namespace N, and a
#                           sub-agent conf dir ($SNMP_SUBCONF for SNMPCONFPATH)
#   snmpd_start N           start snmpd (master agentx) in N, wait for its socket
#   snmpd_restart N         stop it (SIGTERM, by PID) and start a new one
#   subagent_conf NAME      $SNMP_SUBCONF/NAME.conf pointing at the master
#   snmp N CMD ARGS...      snmpCMD (get, getnext, walk, bulkwalk) -On v2c
#   snmp_has N OID          true if a GET of OID returns a value
#   snmp_time_until S CMD.. retry CMD every 0.1 s for up to S s; prints the
#                           seconds it took
#   trap_listen N S         capture the first notification on the trap sink
#   trap_wait / trap_has HEX   wait for it / grep its bytes (hex)
#
# Everything lives in $TDIR/snmp; snmpd never reads /etc/snmp or writes
# /var/lib/snmp, and runs only inside the test's namespace.
SNMP_TRAP_PORT=16200
SNMPD_GEN=0

snmp_require() {
	local p
	for p in /usr/sbin/snmpd snmpget snmpwalk snmpbulkwalk python3; do
		command -v "$p" >/dev/null || { echo "SKIP: $p not installed"; return 1; }
	done
}

snmp_setup() {
	SNMP_DIR=$TDIR/snmp
	SNMP_SUBCONF=$SNMP_DIR/subagents
	SNMP_SOCK=$SNMP_DIR/agentx.sock
	mkdir -p "$SNMP_DIR/persist" "$SNMP_SUBCONF" "$TDIR/snmp-persist"
	cat >"$SNMP_DIR/snmpd.conf" <<EOF
master agentx
agentXSocket $SNMP_SOCK
agentaddress udp:127.0.0.1:161
rocommunity public 127.0.0.1
trap2sink 127.0.0.1:$SNMP_TRAP_PORT public
EOF
}

snmpd_start() {
	local n=$1
	SNMPD_GEN=$((SNMPD_GEN + 1))
	rm -f "$SNMP_SOCK"
	start_daemon "$n" "snmpd$SNMPD_GEN" env MIBS= SNMP_PERSISTENT_DIR="$SNMP_DIR/persist" \
		/usr/sbin/snmpd -f -Lo -C -c "$SNMP_DIR/snmpd.conf"
	eval "SNMPD_PID=\$PID_snmpd$SNMPD_GEN"
	wait_for 10 test -S "$SNMP_SOCK" || fail "snmpd did not open $SNMP_SOCK"
}

snmpd_restart() {
	kill -TERM "$SNMPD_PID"
	wait_for 5 bash -c "! kill -0 $SNMPD_PID" || fail "snmpd did not stop"
	snmpd_start "$1"
}

subagent_conf() {
	echo "agentXSocket $SNMP_SOCK" >"$SNMP_SUBCONF/$1.conf"
}

snmp() {
	local n=$1 cmd=$2; shift 2
	ns "$n" env MIBS= "snmp$cmd" -v2c -c public -On -t 2 -r 1 127.0.0.1 "$@"
}

snmp_has() {
	local out
	out=$(ns "$1" env MIBS= snmpget -v2c -c public -On -t 0.3 -r 0 127.0.0.1 "$2" 2>/dev/null) || return 1
	[ -n "$out" ] && ! grep -q 'No Such' <<<"$out"
}

snmp_time_until() {
	local secs=$1 i t0 t1; shift
	t0=$(date +%s.%N)
	for ((i = 0; i < secs * 10; i++)); do
		if "$@" >/dev/null 2>&1; then
			t1=$(date +%s.%N)
			echo "$t1 - $t0" | bc | sed 's/^\./0./'
			return 0
		fi
		sleep 0.1
	done
	return 1
}

trap_listen() {
	local n=$1 secs=$2
	rm -f "$TDIR/trap.hex" "$TDIR/trap.hex.ready"
	ns "$n" timeout "$secs" python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
open(sys.argv[2] + ".ready", "w").close()
d, _ = s.recvfrom(65535)
open(sys.argv[2] + ".tmp", "w").write(d.hex())
' "$SNMP_TRAP_PORT" "$TDIR/trap.hex" &
	TRAP_PID=$!
	wait_for 5 test -e "$TDIR/trap.hex.ready" || fail "trap listener did not start"
}

trap_wait() {
	wait "$TRAP_PID" 2>/dev/null
	[ -s "$TDIR/trap.hex.tmp" ] && mv "$TDIR/trap.hex.tmp" "$TDIR/trap.hex"
}

trap_has() { grep -q "$1" "$TDIR/trap.hex"; }
