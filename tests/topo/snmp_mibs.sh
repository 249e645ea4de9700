#!/bin/bash
# IP-FORWARD-MIB (zebra) and RIPv2-MIB (ripd) through a real snmpd.
#
#   r1 lan 192.168.1.1/24 -- r1 eth0 10.0.12.1/24 ---- 10.0.12.2/24 eth0 r2 -- lan 192.168.2.1/24
#
# r2 runs snmpd (master agentx, its own config) with zebra and ripd as
# AgentX sub-agents (`agentx` in their configs, agentXSocket from
# quagga.conf on SNMPCONFPATH). Numeric OIDs (Debian has no IETF MIBs):
#   1.3.6.1.2.1.4.24.1.0          ipForwardNumber
#   1.3.6.1.2.1.4.24.2.1.C.<dest>.<proto>.<policy>.<nexthop>   ipForwardTable
#   1.3.6.1.2.1.4.24.4.1.C.<dest>.<mask>.<tos>.<nexthop>       ipCidrRouteTable
#   1.3.6.1.2.1.4.24.7.1.C.<1.4.dest>.<plen>.<2.0.0>.<1.4.nh>  inetCidrRouteTable
#   1.3.6.1.2.1.23.1.{1,2}.0      rip2GlobalRouteChanges, rip2GlobalQueries
#   1.3.6.1.2.1.23.2.1.C.<addr>   rip2IfStatTable
#   1.3.6.1.2.1.23.3.1.C.<addr>   rip2IfConfTable
#   1.3.6.1.2.1.23.4.1.C.<addr>.0.0   rip2PeerTable
# Checks: the routes of ipCidrRouteTable are the selected routes of
# `show ip route`, with protocol, type, mask and ifindex; the RIP tables
# agree with `show ip rip status`; both daemons re-register after snmpd
# restarts.
. "$(dirname "$0")/lib/netns.sh"
. "$(dirname "$0")/lib/snmp.sh"
. "$(dirname "$0")/lib/ripd.sh"
need_root
snmp_require || exit 77
topo_init snmp_mibs

ns_add r1 >/dev/null
ns_add r2 >/dev/null
veth r1 eth0 r2 eth0
veth r1 lan r1 lanp
veth r2 lan r2 lanp
ns r1 ip addr add 10.0.12.1/24 dev eth0
ns r2 ip addr add 10.0.12.2/24 dev eth0
ns r1 ip addr add 192.168.1.1/24 dev lan
ns r2 ip addr add 192.168.2.1/24 dev lan

snmp_setup r2
snmpd_start r2
subagent_conf quagga
export SNMPCONFPATH=$SNMP_SUBCONF SNMP_PERSISTENT_DIR=$TDIR/snmp-persist

zebra_conf r1
zebra_conf r2 "agentx" "ip route 172.16.0.0/16 10.0.12.1"
# only r2's daemons are sub-agents (a Unix socket path reaches across
# namespaces, so r1 must not be told about it)
ripd_conf r1 "router rip" " network 10.0.12.0/24" " network lan"
ripd_conf r2 "agentx" "router rip" " network 10.0.12.0/24" " network lan"
rip_router r1
rip_router r2

wait_for 30 rip_has r2 '^R\(n\) 192\.168\.1\.0/24 +10\.0\.12\.1 +2 ' ||
	{ rip_show r2 "show ip rip"; fail "r2 did not learn 192.168.1.0/24"; }
wait_for 10 snmp_has r2 1.3.6.1.2.1.4.24.1.0 || fail "zebra sub-agent not registered"
wait_for 10 snmp_has r2 1.3.6.1.2.1.23.1.1.0 || fail "ripd sub-agent not registered"
vty r2 2602 "show running-config" | grep -qx "agentx" || fail "ripd config lacks agentx"

# ---- ipCidrRouteTable against `show ip route` ----
CIDR=1.3.6.1.2.1.4.24.4.1
# selected routes from the CLI as "prefix nexthop" (0.0.0.0: connected)
vty r2 2601 "show ip route" | awk '
	/^[A-Z]>/ { p = $2; nh = "0.0.0.0"
		    for (i = 3; i <= NF; i++) if ($i == "via") { nh = $(i + 1); sub(",", "", nh) }
		    print p, nh }' | sort >"$TDIR/cli.routes"
# ipCidrRouteNextHop (column 4): index dest.mask.tos.nexthop
snmp r2 walk $CIDR.4 | awk -F'[ =]+' '{
	split($1, o, "."); n = length(o)
	dest = o[n-12] "." o[n-11] "." o[n-10] "." o[n-9]
	m = 0; for (i = n - 8; i <= n - 5; i++) { b = o[i]; while (b > 0) { m += b % 2; b = int(b / 2) } }
	print dest "/" m, $NF }' | sort >"$TDIR/snmp.routes"
[ -s "$TDIR/cli.routes" ] || fail "no routes in show ip route"
diff -u "$TDIR/cli.routes" "$TDIR/snmp.routes" || fail "ipCidrRouteTable differs from show ip route"
pass "ipCidrRouteTable = show ip route ($(wc -l <"$TDIR/cli.routes") routes)"

I=192.168.1.0.255.255.255.0.0.10.0.12.1
ifidx=$(ns r2 cat /sys/class/net/eth0/ifindex)
expect() {	# OID REGEX
	local out
	out=$(snmp r2 get "$1")
	grep -Eq "$2" <<<"$out" || fail "$1: got '$out', want /$2/"
}
expect $CIDR.7.$I 'INTEGER: 8$'			# ipCidrRouteProto: rip
expect $CIDR.6.$I 'INTEGER: 4$'			# ipCidrRouteType: remote
expect $CIDR.5.$I "INTEGER: $ifidx\$"		# ipCidrRouteIfIndex: eth0
expect $CIDR.11.$I 'INTEGER: 2$'		# ipCidrRouteMetric1: RIP metric 2
expect $CIDR.7.172.16.0.0.255.255.0.0.0.10.0.12.1 'INTEGER: 3$'	# static: netmgmt
expect $CIDR.7.10.0.12.0.255.255.255.0.0.0.0.0.0 'INTEGER: 2$'	# connected: local
expect $CIDR.6.10.0.12.0.255.255.255.0.0.0.0.0.0 'INTEGER: 3$'	# type local
pass "ipCidrRouteTable protocol, type, ifindex, metric"

# ipForwardTable: index dest.proto.policy.nexthop; ipForwardMask (2)
expect 1.3.6.1.2.1.4.24.2.1.2.192.168.1.0.8.0.10.0.12.1 'IpAddress: 255\.255\.255\.0$'
expect 1.3.6.1.2.1.4.24.2.1.7.192.168.1.0.8.0.10.0.12.1 'INTEGER: 8$'
# inetCidrRouteTable: inetCidrRouteProto (9), inetCidrRouteIfIndex (7)
J=1.4.192.168.1.0.24.2.0.0.1.4.10.0.12.1
expect 1.3.6.1.2.1.4.24.7.1.9.$J 'INTEGER: 8$'
expect 1.3.6.1.2.1.4.24.7.1.7.$J "Gauge32: $ifidx\$"
n_inet=$(snmp r2 walk 1.3.6.1.2.1.4.24.7.1.9 | grep -c '^.1.3.6.1.2.1.4.24.7.1.9.1.4.')
[ "$n_inet" = "$(wc -l <"$TDIR/cli.routes")" ] || fail "inetCidrRouteTable has $n_inet IPv4 rows"
expect 1.3.6.1.2.1.4.24.3.0 'Gauge32: [0-9]+$'	# ipCidrRouteNumber
pass "ipForwardTable and inetCidrRouteTable rows"

# ---- RIPv2-MIB against `show ip rip status` ----
R=1.3.6.1.2.1.23
st=$(rip_show r2 "show ip rip status")
snmp r2 walk $R.2.1.1 | sed 's/.*IpAddress: //' | sort >"$TDIR/rip.ifaddr"
printf '10.0.12.2\n192.168.2.1\n' >"$TDIR/rip.ifaddr.want"
diff -u "$TDIR/rip.ifaddr.want" "$TDIR/rip.ifaddr" || fail "rip2IfStatAddress rows"
expect $R.3.1.5.10.0.12.2 'INTEGER: 4$'		# rip2IfConfSend: ripVersion2
expect $R.3.1.6.10.0.12.2 'INTEGER: 3$'		# rip2IfConfReceive: rip1OrRip2
expect $R.3.1.3.10.0.12.2 'INTEGER: 1$'		# rip2IfConfAuthType: none
expect $R.3.1.2.10.0.12.2 'Hex-STRING: 00 00'	# rip2IfConfDomain
grep -Eq '^    10\.0\.12\.1 +0 +0 +120 ' <<<"$st" || { echo "$st"; fail "CLI peer line"; }
expect $R.4.1.1.10.0.12.1.0.0 'IpAddress: 10\.0\.12\.1$'	# rip2PeerAddress
expect $R.4.1.4.10.0.12.1.0.0 'INTEGER: 2$'		# rip2PeerVersion
expect $R.4.1.5.10.0.12.1.0.0 'Counter32: 0$'		# rip2PeerRcvBadPackets
expect $R.4.1.6.10.0.12.1.0.0 'Counter32: 0$'		# rip2PeerRcvBadRoutes
expect $R.4.1.3.10.0.12.1.0.0 'Timeticks: '		# rip2PeerLastUpdate
expect $R.1.1.0 'Counter32: [1-9]'			# rip2GlobalRouteChanges
pass "RIPv2-MIB interface, config and peer tables"

# ---- snmpd restarts: both sub-agents register again ----
snmpd_restart r2
secs=$(snmp_time_until 30 snmp_has r2 1.3.6.1.2.1.4.24.1.0) || fail "zebra did not re-register"
snmp_time_until 10 snmp_has r2 $R.1.1.0 >/dev/null || fail "ripd did not re-register"
echo "zebra re-registered ${secs}s after snmpd restarted"
pass "re-registration after snmpd restart"
exit 0
