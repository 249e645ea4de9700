#!/bin/bash
# The AgentX glue end to end: a real snmpd (Debian package) as master agent
# in its own namespace, tests/helpers/snmp_testd as sub-agent, Debian's
# snmpwalk/snmpget as the manager. Debian ships no IETF MIB files, so OIDs
# are numeric (-On); the test daemon's objects are under the experimental
# arc 1.3.6.1.3.9999 (see snmp_testd.c):
#   .1.1.C.A.W.X.Y.Z  testEntry column C, index (testIdx A, testAddr W.X.Y.Z)
#   .2.0              testRowCount
#   .0.1              testRowAdded notification
# Checks: walk values and order, sparse and missing columns, GET errors,
# GETBULK of a large table, a notification through snmpd's trap sink, and
# re-registration after snmpd restarts (seconds printed).
. "$(dirname "$0")/lib/netns.sh"
. "$(dirname "$0")/lib/snmp.sh"

snmp_require || exit 77
TESTD=$TARPAN_BUILD/tests/helpers/snmp_testd
[ -x "$TESTD" ] || { echo "SKIP: $TESTD not built"; exit 77; }

topo_init snmpx
ns_add a >/dev/null
snmp_setup a
snmpd_start a

T=1.3.6.1.3.9999
E=$T.1.1

subagent_conf snmp_testd
start_daemon a testd env SNMPCONFPATH="$SNMP_SUBCONF" \
	SNMP_PERSISTENT_DIR="$TDIR/snmp-persist" "$TESTD" -n 7
wait_for 10 snmp_has a $T.2.0 || fail "sub-agent never registered: $(tail -5 "$TDIR/testd.log")"

# ---- walk: every column in order, values as the daemon defines them ----
snmp a walk $T >"$TDIR/walk.txt" || fail "snmpwalk failed"
cat >"$TDIR/walk.want" <<EOF
.$E.1.1.10.0.0.1 = INTEGER: 1
.$E.1.1.10.0.0.2 = INTEGER: 1
.$E.1.1.10.0.0.3 = INTEGER: 1
.$E.1.2.10.0.0.4 = INTEGER: 2
.$E.1.2.10.0.0.5 = INTEGER: 2
.$E.1.2.10.0.0.6 = INTEGER: 2
.$E.1.3.10.0.0.7 = INTEGER: 3
.$E.2.1.10.0.0.1 = IpAddress: 10.0.0.1
.$E.2.1.10.0.0.2 = IpAddress: 10.0.0.2
.$E.2.1.10.0.0.3 = IpAddress: 10.0.0.3
.$E.2.2.10.0.0.4 = IpAddress: 10.0.0.4
.$E.2.2.10.0.0.5 = IpAddress: 10.0.0.5
.$E.2.2.10.0.0.6 = IpAddress: 10.0.0.6
.$E.2.3.10.0.0.7 = IpAddress: 10.0.0.7
.$E.3.1.10.0.0.1 = STRING: "row-1"
.$E.3.1.10.0.0.2 = STRING: "row-2"
.$E.3.1.10.0.0.3 = STRING: "row-3"
.$E.3.2.10.0.0.4 = STRING: "row-4"
.$E.3.2.10.0.0.5 = STRING: "row-5"
.$E.3.2.10.0.0.6 = STRING: "row-6"
.$E.3.3.10.0.0.7 = STRING: "row-7"
.$E.4.1.10.0.0.1 = Counter32: 10
.$E.4.1.10.0.0.2 = Counter32: 20
.$E.4.1.10.0.0.3 = Counter32: 30
.$E.4.2.10.0.0.4 = Counter32: 40
.$E.4.2.10.0.0.5 = Counter32: 50
.$E.4.2.10.0.0.6 = Counter32: 60
.$E.4.3.10.0.0.7 = Counter32: 70
.$E.5.1.10.0.0.2 = Gauge32: 2
.$E.5.2.10.0.0.4 = Gauge32: 4
.$E.5.2.10.0.0.6 = Gauge32: 6
.$E.6.1.10.0.0.1 = OID: .$T.1
.$E.6.1.10.0.0.2 = OID: .$T.2
.$E.6.1.10.0.0.3 = OID: .$T.3
.$E.6.2.10.0.0.4 = OID: .$T.4
.$E.6.2.10.0.0.5 = OID: .$T.5
.$E.6.2.10.0.0.6 = OID: .$T.6
.$E.6.3.10.0.0.7 = OID: .$T.7
.$E.7.1.10.0.0.1 = Counter64: 1099511627777
.$E.7.1.10.0.0.2 = Counter64: 1099511627778
.$E.7.1.10.0.0.3 = Counter64: 1099511627779
.$E.7.2.10.0.0.4 = Counter64: 1099511627780
.$E.7.2.10.0.0.5 = Counter64: 1099511627781
.$E.7.2.10.0.0.6 = Counter64: 1099511627782
.$E.7.3.10.0.0.7 = Counter64: 1099511627783
.$E.9.1.10.0.0.1 = Timeticks: (100) 0:00:01.00
.$E.9.1.10.0.0.2 = Timeticks: (200) 0:00:02.00
.$E.9.1.10.0.0.3 = Timeticks: (300) 0:00:03.00
.$E.9.2.10.0.0.4 = Timeticks: (400) 0:00:04.00
.$E.9.2.10.0.0.5 = Timeticks: (500) 0:00:05.00
.$E.9.2.10.0.0.6 = Timeticks: (600) 0:00:06.00
.$E.9.3.10.0.0.7 = Timeticks: (700) 0:00:07.00
.$T.2.0 = Gauge32: 7
EOF
diff -u "$TDIR/walk.want" "$TDIR/walk.txt" || fail "walk differs"
pass "walk of 7 rows x 8 columns, sparse column 5, no column 8"

# ---- GETNEXT from arbitrary points (partial and out-of-range indexes) ----
expect_next() {	# FROM WANT: the OID GETNEXT returns after FROM
	local got
	got=$(snmp a getnext "$1" | cut -d' ' -f1)
	[ "$got" = ".$2" ] || fail "getnext $1: got $got, want .$2"
}
expect_next $E.3.2 $E.3.2.10.0.0.4		# partial index: testIdx 2 only
expect_next $E.3.2.10.0.0.5 $E.3.2.10.0.0.6	# exact row: the next one
expect_next $E.3.2.10.0.300 $E.3.3.10.0.0.7	# sub-id 300 > any address byte
expect_next $E.3.3.10.0.0.7 $E.4.1.10.0.0.1	# last row: next column
expect_next $E.5.1.10.0.0.2 $E.5.2.10.0.0.4	# sparse column skips odd rows
expect_next $E.7.9 $E.9.1.10.0.0.1		# past the last row: skip column 8
expect_next $E.9.3.10.0.0.7 $T.2.0		# table end: the scalar
expect_next $T.1 $E.1.1.10.0.0.1		# before the table
pass "GETNEXT from partial, exact and out-of-range indexes"

# ---- GET: values and the two kinds of absence ----
snmp a get $E.3.2.10.0.0.4 | grep -q 'STRING: "row-4"' || fail "get row-4"
snmp a get $E.5.1.10.0.0.1 | grep -q 'No Such Instance' || fail "sparse cell should be noSuchInstance"
snmp a get $E.8.1.10.0.0.1 | grep -q 'No Such Object' || fail "column 8 should be noSuchObject"
snmp a get $E.3.1.10.0.0.9 | grep -q 'No Such Instance' || fail "missing row should be noSuchInstance"
snmp a get $T.2.1 | grep -q 'No Such Instance' || fail "scalar .1 should be noSuchInstance"
pass "GET values, noSuchInstance, noSuchObject"

# ---- a notification through snmpd's trap2sink ----
trap_listen a 8
kill -USR1 "$PID_testd"
trap_wait || fail "no notification reached the trap sink"
# snmpTrapOID.0 (1.3.6.1.6.3.1.1.4.1.0) = testRowAdded (1.3.6.1.3.9999.0.1)
trap_has "06082b060103ce0f0001" || fail "trap lacks testRowAdded: $(cat "$TDIR/trap.hex")"
# varbind testName.3.10.0.0.8 = "row-8"
trap_has "060e2b060103ce0f010103030a0000080405726f772d38" || fail "trap lacks testName of row 8"
snmp a get $T.2.0 | grep -q 'Gauge32: 8' || fail "row count after SIGUSR1"
pass "notification testRowAdded forwarded by snmpd"

# ---- snmpd restarts: the sub-agent registers again ----
snmpd_restart a
secs=$(snmp_time_until 30 snmp_has a $T.2.0) || fail "sub-agent did not re-register within 30 s"
echo "re-registered ${secs}s after snmpd restarted"
awk -v s="$secs" 'BEGIN { exit !(s < 5) }' || fail "re-registration took ${secs}s (want < 5)"
snmp a walk $E.3 | grep -c STRING | grep -qx 8 || fail "walk after restart"
pass "re-registration after snmpd restart: ${secs}s"

# ---- a large table: bulk walk of one column, loop stays responsive ----
kill -TERM "$PID_testd"
wait_for 5 bash -c "! kill -0 $PID_testd" || fail "testd did not stop"
start_daemon a testd2 env SNMPCONFPATH="$SNMP_SUBCONF" \
	SNMP_PERSISTENT_DIR="$TDIR/snmp-persist" "$TESTD" -n 100000
wait_for 10 snmp_has a $T.2.0 || fail "large sub-agent never registered"
t0=$(date +%s.%N)
n=$(snmp a bulkwalk -Cr50 $E.4 | grep -c Counter32)
t1=$(date +%s.%N)
[ "$n" = 100000 ] || fail "bulk walk returned $n rows, want 100000"
echo "bulkwalk of 100000 rows: $(echo "$t1 - $t0" | bc) s"
pass "bulk walk of a 100000-row table"
exit 0
