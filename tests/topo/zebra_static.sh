#!/bin/bash
# zebra and the kernel: static routes reach the kernel with proto zebra and
# metric 20 (blackhole, unreachable, recursive); `show ip route` has
# Quagga's layout; link down withdraws connected and static routes and
# link up restores them; a route others add shows as K; zebra removes its
# routes at exit; 100,000 `ip route` lines load in seconds.
. "$(dirname "$0")/lib/netns.sh"
topo_init zstatic
ZEBRA=$TARPAN_BUILD/zebra/zebra
[ -x "$ZEBRA" ] || { echo "zebra not built"; exit 77; }

ns_add a >/dev/null
ns a ip link add veth0 type veth peer name veth1
ns a ip addr add 10.0.0.1/24 dev veth0
ns a ip link set veth0 up
ns a ip link set veth1 up
cat >"$TDIR/zebra.conf" <<CONF
hostname z1
password zebra
enable password zebra
ip route 192.168.100.0/24 10.0.0.2
ip route 192.168.200.0/24 Null0
ip route 192.168.201.0/24 reject
ip route 172.30.0.0/16 192.168.100.1
CONF
start_daemon a zebra "$ZEBRA" -f "$TDIR/zebra.conf" -i "$TDIR/zebra.pid" -z "$TDIR/zserv.api"
R() { ns a ip route; }
wait_for 10 sh -c "ip -n $P-a route | grep -q '192.168.100.0/24 via 10.0.0.2 dev veth0 proto zebra metric 20'" || fail "static via gateway missing: $(R)"
R | grep -q "blackhole 192.168.200.0/24 proto zebra .*metric 20" || fail "blackhole missing"
R | grep -q "unreachable 192.168.201.0/24 proto zebra .*metric 20" || fail "reject missing"
R | grep -q "172.30.0.0/16 via 10.0.0.2 dev veth0 proto zebra metric 20" || fail "recursive static missing"
pass "statics in the kernel"

out=$(vty a 2601 -p zebra "show ip route") || fail "vty"
expect="Codes: K - kernel route, C - connected, S - static, R - RIP,
       O - OSPF, I - IS-IS, B - BGP, P - PIM, A - Babel, N - NHRP,
       > - selected route, * - FIB route

C>* 10.0.0.0/24 is directly connected, veth0
C>* 127.0.0.0/8 is directly connected, lo
S>  172.30.0.0/16 [1/0] via 192.168.100.1 (recursive)
  *                       via 10.0.0.2, veth0
S>* 192.168.100.0/24 [1/0] via 10.0.0.2, veth0
S>* 192.168.200.0/24 [1/0] is directly connected, Null0, bh
S>* 192.168.201.0/24 [1/0] is directly connected, Null0, rej"
[ "$(echo "$out" | sed 's/\r//' | sed '/^$/{N;/^\n$/D}')" = "$expect" ] || { echo "$out"; fail "show ip route layout"; }
pass "show ip route layout"

# a route someone else adds is a kernel route
ns a ip route add 198.51.100.0/24 via 10.0.0.9
wait_for 5 sh -c "ip netns exec $P-a python3 $VTYCMD -p zebra 'show ip route' | grep -q 'K>\* 198.51.100.0/24 via 10.0.0.9, veth0'" || fail "K route not seen"
pass "kernel route learned"

# link down: connected and the statics through it go; up: they return
ns a ip link set veth0 down
wait_for 5 sh -c "! ip -n $P-a route | grep -q 192.168.100.0" || fail "static not withdrawn on link down"
out=$(vty a 2601 -p zebra "show ip route")
echo "$out" | grep -q "C>\* 10.0.0.0/24" && fail "connected route still there after link down"
echo "$out" | grep -q "S   192.168.100.0/24 \[1/0\] via 10.0.0.2 inactive" || { echo "$out"; fail "static not shown inactive"; }
pass "link down withdraws connected and static"
ns a ip link set veth0 up
wait_for 5 sh -c "ip -n $P-a route | grep -q '192.168.100.0/24 via 10.0.0.2 dev veth0 proto zebra metric 20'" || fail "static not restored on link up"
wait_for 5 sh -c "ip -n $P-a route | grep -q '172.30.0.0/16 via 10.0.0.2'" || fail "recursive static not restored"
pass "link up restores them"

# exit removes zebra's routes
kill -TERM $PID_zebra
wait_for 10 sh -c "! kill -0 $PID_zebra 2>/dev/null" || fail "zebra did not exit"
[ "$(ns a ip route | grep -c 'proto zebra')" = 0 ] || fail "routes left after exit: $(R)"
pass "routes removed at exit"

# 100,000 ip route lines
python3 - "$TDIR/big.conf" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("hostname big\npassword zebra\n")
    for i in range(100000):
        f.write("ip route %d.%d.%d.0/24 10.0.0.2\n" % (30 + (i >> 16), (i >> 8) & 255, i & 255))
PY
t0=$(date +%s.%N)
start_daemon a zebra2 "$ZEBRA" -f "$TDIR/big.conf" -i "$TDIR/zebra2.pid" -z "$TDIR/zserv2.api"
wait_for 120 sh -c "[ \$(ip -n $P-a route | grep -c 'proto zebra') -ge 100000 ]" || fail "100,000 statics not installed"
t1=$(date +%s.%N)
secs=$(echo "$t1 - $t0" | bc)
echo "100,000 ip route lines: in the kernel after ${secs}s"
pass "zebra_static"
