#!/bin/bash
# Resync after lost netlink notifications. zebra runs with a small event
# socket buffer (-s); a client installs 2,000 routes. zebra is then
# stopped (SIGSTOP) while 5,000 kernel routes are added (the flood overruns
# its event socket: ENOBUFS), 100 of zebra's routes are deleted behind its
# back and a stray route with zebra's protocol is added. When it resumes,
# zebra must notice the overrun, resync from a dump, learn the 5,000 kernel
# routes, install its 100 missing routes again and remove the stray one.
. "$(dirname "$0")/lib/netns.sh"
topo_init zresync
ZEBRA=$TARPAN_BUILD/zebra/zebra
PUSH=$TARPAN_BUILD/tests/helpers/zclient_push
[ -x "$ZEBRA" ] && [ -x "$PUSH" ] || { echo "zebra or zclient_push not built"; exit 77; }

ns_add a >/dev/null
ns a ip link add veth0 type veth peer name veth1
ns a ip addr add 10.0.0.1/24 dev veth0
ns a ip link set veth0 up
ns a ip link set veth1 up
printf 'hostname resync\npassword zebra\n' >"$TDIR/zebra.conf"
start_daemon a zebra "$ZEBRA" -f "$TDIR/zebra.conf" -i "$TDIR/zebra.pid" \
	-z "$TDIR/zserv.api" -s 16384
wait_for 10 test -S "$TDIR/zserv.api" || fail "zebra did not start"

ip netns exec "$P-a" "$PUSH" -z "$TDIR/zserv.api" -n 2000 -w 300 >/dev/null &
TOPO_PIDS+=($!)
zroutes() { ip -n "$P-a" route show proto zebra | grep -c '^20\.'; }
wait_for 20 sh -c "[ \$(ip -n $P-a route show proto zebra | grep -c '^20\.') = 2000 ]" ||
	fail "the client's routes did not arrive ($(zroutes))"
pass "2,000 client routes installed"

python3 - >"$TDIR/flood.batch" <<'PY'
for i in range(5000):
    print("route add 40.%d.%d.0/24 via 10.0.0.2 proto static" % (i >> 8, i & 255))
PY
python3 - >"$TDIR/behind.batch" <<'PY'
for i in range(100):
    print("route del 20.0.%d.0/24 proto zebra metric 20" % i)
print("route add 99.0.0.0/24 via 10.0.0.2 proto zebra metric 20")
PY

kill -STOP "$PID_zebra"
ns a ip -batch "$TDIR/flood.batch" || { kill -CONT "$PID_zebra"; fail "flood failed"; }
ns a ip -batch "$TDIR/behind.batch" || { kill -CONT "$PID_zebra"; fail "deletes failed"; }
[ "$(zroutes)" = 1900 ] || { kill -CONT "$PID_zebra"; fail "setup: $(zroutes) zebra routes, not 1900"; }
kill -CONT "$PID_zebra"

wait_for 20 grep -q "resynchronising" "$TDIR/zebra.log" || fail "no resync after the overrun"
pass "overrun noticed, resync started"
wait_for 20 sh -c "[ \$(ip -n $P-a route show proto zebra | grep -c '^20\.') = 2000 ]" ||
	fail "missing routes not installed again: $(zroutes) of 2000"
pass "the 100 routes deleted behind zebra's back are back"
wait_for 10 sh -c "! ip -n $P-a route show 99.0.0.0/24 | grep -q zebra" ||
	fail "the stray zebra route was not removed"
pass "the stray zebra route was removed"
kernel_count() { vty a 2601 "show ip route summary" | awk '/^kernel/ {print $2}'; }
wait_for 20 sh -c "[ \"\$(ip netns exec $P-a python3 $VTYCMD 'show ip route summary' | awk '/^kernel/ {print \$2}')\" = 5000 ]" ||
	fail "zebra knows $(kernel_count) kernel routes, not 5000"
pass "the 5,000 kernel routes of the flood are known"
vty a 2601 "show ip route 20.0.5.1" | grep -q "Known via \"bgp\"" || fail "RIB lost a client route"
kill -0 "$PID_zebra" || fail "zebra died"
pass "zebra_resync"
