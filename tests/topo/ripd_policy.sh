#!/bin/bash
# Route-maps and allow-ecmp between three Tarpan routers (zebra + ripd):
#
#   r2 eth0 10.0.12.2 ---- 10.0.12.1 eth0 r1 eth1 10.0.13.1 ---- 10.0.13.3 eth0 r3
#
# - r2 and r3 both originate 172.16.0.0/24 (`route`): r1, with allow-ecmp,
#   keeps both paths (two lines in `show ip rip`) and the kernel gets one
#   multipath route through zebra; after `no allow-ecmp` one path is left.
# - r2 redistributes two static routes through `redistribute static
#   route-map RS`, which lets only 172.31.1.0/24 through with `set metric 5`:
#   r1 learns it with metric 6 and never hears of 172.31.2.0/24.
# - r3 sends through `route-map OUT out eth0`, which sets tag 99 and metric
#   3 on 172.17.0.0/24: r1 shows tag 99, metric 4.
# - r1 applies `route-map IN in eth1`, which denies 172.18.0.0/24 (another
#   of r3's routes): r1 does not learn it.
. "$(dirname "$0")/lib/netns.sh"
. "$(dirname "$0")/lib/ripd.sh"
need_root
topo_init ripd_policy

for n in r1 r2 r3; do ns_add $n >/dev/null; done
veth r1 eth0 r2 eth0
veth r1 eth1 r3 eth0
veth r2 lan r2 lanp
ns r1 ip addr add 10.0.12.1/24 dev eth0
ns r1 ip addr add 10.0.13.1/24 dev eth1
ns r2 ip addr add 10.0.12.2/24 dev eth0
ns r3 ip addr add 10.0.13.3/24 dev eth0
ns r2 ip addr add 192.168.2.1/24 dev lan

zebra_conf r1
zebra_conf r2 "ip route 172.31.1.0/24 192.168.2.2" "ip route 172.31.2.0/24 192.168.2.2"
zebra_conf r3
ripd_conf r1 "router rip" " timers basic 5 15 10" " network 10.0.0.0/8" \
	" route-map IN in eth1" " allow-ecmp" "!" \
	"ip prefix-list P18 seq 5 permit 172.18.0.0/24" \
	"route-map IN deny 10" " match ip address prefix-list P18" "route-map IN permit 20"
ripd_conf r2 "router rip" " timers basic 5 15 10" " network 10.0.12.0/24" \
	" redistribute static route-map RS" " route 172.16.0.0/24" "!" \
	"ip prefix-list P1 seq 5 permit 172.31.1.0/24" \
	"route-map RS permit 10" " match ip address prefix-list P1" " set metric 5"
ripd_conf r3 "router rip" " timers basic 5 15 10" " network 10.0.13.0/24" \
	" route 172.16.0.0/24" " route 172.17.0.0/24" " route 172.18.0.0/24" \
	" route-map OUT out eth0" "!" \
	"ip prefix-list P17 seq 5 permit 172.17.0.0/24" \
	"route-map OUT permit 10" " match ip address prefix-list P17" " set tag 99" \
	" set metric 3" "route-map OUT permit 20"
for n in r1 r2 r3; do rip_router $n; done

# ECMP
wait_for 30 rip_has r1 '^R\(n\) 172\.16\.0\.0/24 +10\.0\.12\.2 +2 ' ||
	{ rip_show r1 "show ip rip"; fail "r1 did not learn 172.16/24 from r2"; }
wait_for 30 rip_has r1 '^R\(n\) 172\.16\.0\.0/24 +10\.0\.13\.3 +2 ' ||
	{ rip_show r1 "show ip rip"; fail "r1 has no second path through r3"; }
pass "allow-ecmp: two paths in show ip rip"
wait_for 20 bash -c "[ \$(ip netns exec $P-r1 ip route show 172.16.0.0/24 | grep -c 'nexthop via') = 2 ]" ||
	{ ns r1 ip route; fail "no multipath route in r1's kernel"; }
pass "the kernel has one route with both next hops"

# redistribute ... route-map
wait_for 30 rip_has r1 '^R\(n\) 172\.31\.1\.0/24 +10\.0\.12\.2 +6 ' ||
	{ rip_show r1 "show ip rip"; rip_show r2 "show ip rip"; fail "172.31.1/24 not learned with metric 6"; }
rip_has r2 '^S\(r\) 172\.31\.2\.0/24' || fail "r2 lost the denied route from its table"
rip_has r1 '172\.31\.2\.0/24' && { rip_show r1 "show ip rip"; fail "the map's deny leaked"; }
pass "redistribute static route-map: permit with set metric, deny"

# route-map out / in per interface
wait_for 30 rip_has r1 '^R\(n\) 172\.17\.0\.0/24 +10\.0\.13\.3 +4 10\.0\.13\.3 +99 ' ||
	{ rip_show r1 "show ip rip"; fail "route-map out did not set tag 99 / metric 3"; }
rip_has r1 '172\.18\.0\.0/24' && { rip_show r1 "show ip rip"; fail "route-map in did not deny"; }
pass "route-map out sets tag and metric; route-map in denies"

# no allow-ecmp leaves one path
rip_show r1 "configure terminal" "router rip" "no allow-ecmp" >/dev/null || fail "no allow-ecmp"
[ "$(rip_show r1 "show ip rip" | grep -c '^R(n) 172\.16\.0\.0/24')" = 1 ] ||
	{ rip_show r1 "show ip rip"; fail "no allow-ecmp left two paths"; }
wait_for 20 bash -c "ip netns exec $P-r1 ip route show 172.16.0.0/24 | grep -q '^172.16.0.0/24 via'" ||
	{ ns r1 ip route; fail "kernel still multipath after no allow-ecmp"; }
pass "no allow-ecmp: one path, in the kernel too"
rip_show r1 "show running-config" | grep -q '^ route-map IN in eth1$' ||
	fail "route-map IN in eth1 missing from running-config"
