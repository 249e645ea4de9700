#!/bin/bash
# Two Tarpan routers (zebra + ripd each) on a shared link, each with a LAN:
#
#   r1 lan 192.168.1.1/24 -- r1 eth0 10.0.12.1/24 ---- 10.0.12.2/24 eth0 r2 -- lan 192.168.2.1/24
#
# Checks: routes learned both ways with metric 2 and the right next hop;
# a static route redistributed by r1 (metric 1 -> 2 at r2); a static of
# r1's via a gateway on the shared link reaches r2 with that gateway as
# next hop (RFC 2453 4.4), in `show ip rip` and the kernel; learned routes
# in the kernel through zebra (proto zebra); `show ip rip status` lists the
# peer without bad packets; after the link is cut the routes time out on
# short `timers basic` (metric 16, then gone, and out of the kernel).
. "$(dirname "$0")/lib/netns.sh"
. "$(dirname "$0")/lib/ripd.sh"
need_root
topo_init ripd_basic

ns_add r1 >/dev/null
ns_add r2 >/dev/null
veth r1 eth0 r2 eth0
veth r1 lan r1 lanp
veth r2 lan r2 lanp
ns r1 ip addr add 10.0.12.1/24 dev eth0
ns r2 ip addr add 10.0.12.2/24 dev eth0
ns r1 ip addr add 192.168.1.1/24 dev lan
ns r2 ip addr add 192.168.2.1/24 dev lan

zebra_conf r1 "ip route 172.31.0.0/16 192.168.1.2" "ip route 172.30.0.0/16 10.0.12.9"
zebra_conf r2
for n in r1 r2; do
	ripd_conf $n "router rip" " timers basic 5 15 10" " network 10.0.12.0/24" \
		" network lan" " redistribute static"
done
rip_router r1
rip_router r2

wait_for 30 rip_has r2 '^R\(n\) 192\.168\.1\.0/24 +10\.0\.12\.1 +2 10\.0\.12\.1' ||
	{ rip_show r2 "show ip rip"; fail "r2 did not learn 192.168.1.0/24 with metric 2"; }
wait_for 30 rip_has r1 '^R\(n\) 192\.168\.2\.0/24 +10\.0\.12\.2 +2 ' ||
	{ rip_show r1 "show ip rip"; fail "r1 did not learn 192.168.2.0/24"; }
wait_for 30 rip_has r2 '^R\(n\) 172\.31\.0\.0/16 +10\.0\.12\.1 +2 ' ||
	{ rip_show r1 "show ip rip"; rip_show r2 "show ip rip"; fail "redistributed static not learned"; }
wait_for 30 rip_has r2 '^R\(n\) 172\.30\.0\.0/16 +10\.0\.12\.9 +2 10\.0\.12\.1' ||
	{ rip_show r1 "show ip rip"; rip_show r2 "show ip rip"; fail "next hop of a static via the link not announced"; }
wait_for 20 kernel_has r2 '^172\.30\.0\.0/16 via 10\.0\.12\.9 dev eth0 proto (zebra|11)' ||
	{ ns r2 ip route; fail "172.30/16 not via 10.0.12.9 in r2's kernel"; }
rip_has r1 '^S\(r\) 172\.31\.0\.0/16 +192\.168\.1\.2 +1 self' || fail "r1 does not show S(r) 172.31/16"
pass "routes learned both ways with metric 2"

wait_for 20 kernel_has r2 '^192\.168\.1\.0/24 via 10\.0\.12\.1 dev eth0 proto (zebra|11)' ||
	{ ns r2 ip route; fail "learned route not in r2's kernel"; }
wait_for 20 kernel_has r2 '^172\.31\.0\.0/16 via 10\.0\.12\.1 dev eth0 proto (zebra|11)' ||
	{ ns r2 ip route; fail "172.31/16 not in r2's kernel"; }
pass "learned routes reach the kernel"

st=$(rip_show r2 "show ip rip status")
echo "$st" | grep -Eq '^    10\.0\.12\.1 +0 +0 +120 ' || { echo "$st"; fail "peer line"; }
echo "$st" | grep -q 'Redistributing: static' || { echo "$st"; fail "redistributing line"; }
pass "show ip rip status lists the peer"

# cut the link on r1's side: r2 must time the routes out (15 s) and collect
ns r1 ip link set eth0 down
wait_for 25 rip_has r2 '^R\(n\) 192\.168\.1\.0/24 +10\.0\.12\.1 +16 ' ||
	{ rip_show r2 "show ip rip"; fail "route did not time out"; }
wait_for 10 bash -c "! ip netns exec $P-r2 ip route | grep -q '^192.168.1.0/24'" ||
	fail "timed-out route still in the kernel"
wait_for 15 bash -c "! ip netns exec $P-r2 python3 $VTYCMD -P 2602 'show ip rip' | grep -q '192.168.1.0/24'" ||
	fail "route not garbage-collected"
pass "a cut link's routes expire"
