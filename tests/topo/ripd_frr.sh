#!/bin/bash
# Tarpan ripd (with Tarpan zebra) against FRR's ripd (with FRR's zebra), both
# with keyed-MD5 authentication on the shared link:
#
#   t1 lan 192.168.1.1/24 -- t1 eth0 10.0.13.1/24 ---- 10.0.13.3/24 eth0 f1 -- lan 192.168.3.1/24
#
# Checks: each learns the other's LAN with metric 2 (Tarpan's `show ip rip`,
# both kernels); a static route of Tarpan's via a third router on the link
# (10.0.13.9, no RIP) reaches FRR with that router as next hop (RFC 2453
# 4.4), so FRR forwards to it directly; then Tarpan's key is changed: Tarpan counts FRR's packets as
# bad, and the routes learned across the link time out on both sides.
. "$(dirname "$0")/lib/netns.sh"
. "$(dirname "$0")/lib/ripd.sh"
need_root
[ -x /usr/lib/frr/ripd ] && [ -x /usr/lib/frr/zebra ] || { echo "SKIP: FRR not installed"; exit 77; }
topo_init ripd_frr

ns_add t1 >/dev/null
ns_add f1 >/dev/null
veth t1 eth0 f1 eth0
veth t1 lan t1 lanp
veth f1 lan f1 lanp
ns t1 ip addr add 10.0.13.1/24 dev eth0
ns f1 ip addr add 10.0.13.3/24 dev eth0
ns t1 ip addr add 192.168.1.1/24 dev lan
ns f1 ip addr add 192.168.3.1/24 dev lan

zebra_conf t1 "ip route 172.30.0.0/16 10.0.13.9"
ripd_conf t1 "interface eth0" " ip rip authentication mode md5" \
	" ip rip authentication string secret" "!" \
	"router rip" " timers basic 5 15 10" " network 10.0.13.0/24" " network lan" \
	" redistribute static"
rip_router t1

F=$TDIR/f1
mkdir -p "$F"
chmod 711 "$TDIR"; chmod 777 "$F"
cat >"$F/zebra.conf" <<EOC
hostname f1
EOC
cat >"$F/ripd.conf" <<EOC
hostname f1
key chain K
 key 1
  key-string secret
!
interface eth0
 ip rip authentication mode md5
 ip rip authentication key-chain K
!
router rip
 timers basic 5 15 10
 network 10.0.13.0/24
 network lan
!
EOC
start_daemon f1 f1-zebra /usr/lib/frr/zebra -u frr -g frr -f "$F/zebra.conf" \
	-i "$F/zebra.pid" -z "$F/zserv.api" --vty_socket "$F"
wait_for 10 test -S "$F/zserv.api" || fail "FRR zebra did not start"
start_daemon f1 f1-ripd /usr/lib/frr/ripd -u frr -g frr -f "$F/ripd.conf" \
	-i "$F/ripd.pid" -z "$F/zserv.api" --vty_socket "$F"

wait_for 40 rip_has t1 '^R\(n\) 192\.168\.3\.0/24 +10\.0\.13\.3 +2 10\.0\.13\.3' ||
	{ rip_show t1 "show ip rip" "show ip rip status"; fail "Tarpan did not learn FRR's LAN"; }
wait_for 20 kernel_has t1 '^192\.168\.3\.0/24 via 10\.0\.13\.3 dev eth0 proto (zebra|11)' ||
	{ ns t1 ip route; fail "FRR's LAN not in Tarpan's kernel"; }
wait_for 40 kernel_has f1 '^192\.168\.1\.0/24 (nhid [0-9]+ )?via 10\.0\.13\.1 dev eth0 proto (rip|189) metric 20' ||
	{ ns f1 ip route; cat "$TDIR/f1-ripd.log"; fail "FRR did not learn Tarpan's LAN"; }
wait_for 40 kernel_has f1 '^172\.30\.0\.0/16 (nhid [0-9]+ )?via 10\.0\.13\.9 dev eth0 proto (rip|189)' ||
	{ ns f1 ip route; fail "FRR does not use the next hop Tarpan announced for 172.30/16"; }
pass "FRR forwards Tarpan's redistributed static straight to its gateway"
bad_packets() { rip_show t1 "show ip rip status" | awk '$1 == "10.0.13.3" { print $2 }'; }
# (FRR may send one request before its key chain is loaded: that one is bad)
b0=$(bad_packets)
sleep 12
b1=$(bad_packets)
[ "$b0" = "$b1" ] || { rip_show t1 "show ip rip status"; fail "bad packets from FRR in steady state ($b0 -> $b1)"; }
rip_has t1 '^R\(n\) 192\.168\.3\.0/24 +10\.0\.13\.3 +2 ' || fail "route lost in steady state"
pass "MD5-authenticated exchange with FRR ripd, both ways"

rip_show t1 "configure terminal" "interface eth0" "no ip rip authentication string" \
	"ip rip authentication string wrong" "end" >/dev/null
more_bad() { [ "$(bad_packets)" -gt "$b1" ]; }
wait_for 20 more_bad ||
	{ rip_show t1 "show ip rip status"; fail "wrong key: FRR's packets not counted as bad"; }
wait_for 30 bash -c "! ip netns exec $P-t1 ip route | grep -q '^192.168.3.0/24'" ||
	{ ns t1 ip route; fail "wrong key: FRR's route still in Tarpan's kernel"; }
wait_for 40 bash -c "! ip netns exec $P-f1 ip route | grep -q '^192.168.1.0/24'" ||
	{ ns f1 ip route; fail "wrong key: Tarpan's route still in FRR's kernel"; }
pass "a wrong key stops the exchange (bad packets: $(bad_packets))"
