#!/bin/bash
# zebra -b (batch mode, as Quagga's): read the config and exit 0 at once.
# The interface part of the config reaches the kernel (an `ip address`
# under `interface`); no route is installed, a leftover zebra route of an
# earlier run is left alone, no pid file or socket stays behind, and a bad
# line is reported without stopping the rest.
. "$(dirname "$0")/lib/netns.sh"
topo_init zbatch
ZEBRA=$TARPAN_BUILD/zebra/zebra
[ -x "$ZEBRA" ] || { echo "zebra not built"; exit 77; }

ns_add a >/dev/null
ns a ip link add veth0 type veth peer name veth1
ns a ip addr add 10.0.0.1/24 dev veth0
ns a ip link set veth0 up
ns a ip link set veth1 up
ns a ip route add 77.0.0.0/24 via 10.0.0.2 proto zebra metric 20
cat >"$TDIR/zebra.conf" <<CONF
hostname batch
interface veth0
 ip address 10.9.9.1/24
ip route 88.0.0.0/24 10.0.0.2
bogus line
CONF
t0=$(date +%s%N)
ns a timeout 20 "$ZEBRA" -b -f "$TDIR/zebra.conf" -i "$TDIR/zebra.pid" -z "$TDIR/zserv.api" \
	-P 0 >"$TDIR/out" 2>&1
rc=$?
ms=$((($(date +%s%N) - t0) / 1000000))
[ $rc = 0 ] || { cat "$TDIR/out"; fail "zebra -b exited $rc"; }
[ $ms -lt 5000 ] || fail "zebra -b took $ms ms"
pass "zebra -b exited 0 after $ms ms"
grep -q "bogus line" "$TDIR/out" || fail "the bad line was not reported"
pass "bad line reported"
ns a ip -4 addr show dev veth0 | grep -q "10.9.9.1/24" || fail "interface address not applied"
pass "interface address applied"
ns a ip route | grep -q "^88.0.0.0/24" && fail "batch mode installed a route"
ns a ip route | grep -q "^77.0.0.0/24 .*proto zebra" || fail "batch mode removed a leftover route"
pass "routes untouched"
[ -e "$TDIR/zebra.pid" ] && fail "pid file left behind"
[ -e "$TDIR/zserv.api" ] && fail "zserv socket left behind"
pass "zebra_batch"
