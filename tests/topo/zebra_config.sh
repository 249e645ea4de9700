#!/bin/bash
# zebra's static routes as the YANG tree /tarpan-zebra:zebra, on a real
# zebra in a namespace:
#
#   - a zebra.conf with every form of `ip route` / `ipv6 route` loads; the
#     routes are written back in Quagga's syntax and order (by prefix, then
#     as configured) and reach the kernel
#   - interface blocks (description, bandwidth, link-detect, addresses,
#     shutdown, multicast; an interface the kernel lacks) are applied and
#     written back as they were
#   - `router-id` is applied (show router-id) and written
#   - `no ip route` removes what Quagga would (prefix and nexthop; the tag
#     and distance, when given, must match)
#   - refused commands and a JSON file the model rejects leave running as
#     it was
#   - round trip: write memory, restart on the file: same text, same tree
#   - zebra started from `show running-config json`: same tree, same text
. "$(dirname "$0")/lib/netns.sh"
topo_init zconfig
ZEBRA=$TARPAN_BUILD/zebra/zebra
[ -x "$ZEBRA" ] || { echo "zebra not built"; exit 77; }

ns_add a >/dev/null
ns a ip link add veth0 type veth peer name veth1
ns a ip addr add 10.0.0.1/24 dev veth0
ns a ip -6 addr add fd00::1/64 dev veth0 nodad
ns a ip link set veth0 up
ns a ip link set veth1 up
ns a ip link add vx0 type veth peer name vx1
ns a ip link set vx0 up
ns a ip link set vx1 up
cat >"$TDIR/zebra.conf" <<'CONF'
hostname z1
password zebra
enable password zebra
interface lo
!
interface pseudo9
 description not there yet
 ipv6 address fd09::1/64
!
interface veth0
 description uplink to the lab
 bandwidth 10000
 ip address 10.0.0.1/24
 ip address 10.0.2.1/24
 ipv6 address fd00::1/64
 multicast
!
interface veth1
!
interface vx0
 no link-detect
 ip address 10.77.0.1/24
 shutdown
 no multicast
!
interface vx1
!
router-id 10.255.0.1
ip route 10.9.0.0/16 10.0.0.2
ip route 10.1.0.0/16 10.0.0.2
ip route 10.1.0.0/16 veth0 tag 5 20
ip route 10.2.0.0/16 Null0
ip route 10.3.0.0/16 reject 30
ip route 10.4.0.0/16 10.0.0.3 blackhole tag 7
ip route 10.5.0.0/16 veth0 reject
ip route 10.6.0.0 255.255.0.0 10.0.0.4
ip route 10.7.0.0 255.255.0.0 blackhole
ip route 10.8.1.0/24 10.0.0.5 2
ip route 10.8.1.0/24 10.0.0.5 tag 3
ipv6 route 2001:db8:2::/48 veth0 50
ipv6 route 2001:db8:1::/48 fd00::2
ipv6 route 2001:db8:3::/48 fd00::3 veth0 tag 9
ipv6 route 2001:db8:4::/48 fd00::4 reject
CONF
want="ip route 10.1.0.0/16 10.0.0.2
ip route 10.1.0.0/16 veth0 tag 5 20
ip route 10.2.0.0/16 Null0
ip route 10.3.0.0/16 reject 30
ip route 10.4.0.0/16 10.0.0.3 blackhole tag 7
ip route 10.5.0.0/16 veth0 reject
ip route 10.6.0.0/16 10.0.0.4
ip route 10.7.0.0/16 Null0
ip route 10.8.1.0/24 10.0.0.5 tag 3
ip route 10.9.0.0/16 10.0.0.2
ipv6 route 2001:db8:1::/48 fd00::2
ipv6 route 2001:db8:2::/48 veth0 50
ipv6 route 2001:db8:3::/48 fd00::3 veth0 tag 9
ipv6 route 2001:db8:4::/48 fd00::4 reject"

start_zebra() { # FILE
	start_daemon a zebra "$ZEBRA" -f "$1" -i "$TDIR/zebra.pid" -z "$TDIR/zserv.api"
	wait_for 10 vty a 2601 -p zebra "show version" >/dev/null ||
		{ cat "$TDIR"/*zebra*.log 2>/dev/null; fail "zebra did not start on $1"; }
}
stop_zebra() {
	kill -TERM "$PID_zebra" 2>/dev/null
	for _ in $(seq 1 50); do kill -0 "$PID_zebra" 2>/dev/null || break; sleep 0.1; done
}
T() { vty a 2601 -p zebra "$@" | sed 's/\r//'; }
routes() { T "show running-config" | grep -E '^ipv?6? ?route '; }
text() { T "show running-config" | sed -n '/^Current configuration:/,$p'; }
# the tree, lists in key order (the order of a system-ordered list is the
# order of configuration, which a written file sorts)
tree() {
	T "show running-config json" | python3 -c '
import json, sys
def norm(v):
    if isinstance(v, dict):
        return {k: norm(x) for k, x in v.items()}
    if isinstance(v, list):
        return sorted((norm(x) for x in v), key=lambda x: json.dumps(x, sort_keys=True))
    return v
print(json.dumps(norm(json.load(sys.stdin)), sort_keys=True))'
}

start_zebra "$TDIR/zebra.conf"
got=$(routes)
[ "$got" = "$want" ] || { diff <(echo "$want") <(echo "$got"); fail "ip route lines"; }
pass "every form of ip route / ipv6 route written in Quagga's syntax and order"
R() { ns a ip route; ns a ip -6 route; }
wait_for 10 sh -c "ip -n $P-a route | grep -q '10.8.1.0/24 via 10.0.0.5 dev veth0 proto zebra metric 20'" ||
	fail "static not in the kernel: $(R)"
R | grep -q "unreachable 10.3.0.0/16 proto zebra" || fail "reject: $(R)"
R | grep -q "2001:db8:1::/48 via fd00::2 dev veth0 proto zebra" || fail "v6: $(R)"
pass "the routes reach the kernel"

json1=$(T "show running-config json")
grep -q '"tarpan-zebra:zebra"' <<<"$json1" || fail "no zebra tree in the JSON: $json1"
grep -q '"ipv6-route"' <<<"$json1" || fail "no ipv6-route in the JSON: $json1"
pass "show running-config json holds the zebra tree"

ifs=$(T "show running-config" | sed -n '/^interface /,/^!$/p')
want_ifs=$(sed -n '/^interface /,/^!$/p' "$TDIR/zebra.conf")
[ "$ifs" = "$want_ifs" ] || { diff <(echo "$want_ifs") <(echo "$ifs"); fail "interface blocks"; }
ns a ip addr show dev veth0 | grep -q "inet 10.0.2.1/24" || fail "address not in the kernel: $(ns a ip addr show dev veth0)"
wait_for 5 sh -c "! ip -n $P-a -o link show dev vx0 | grep -q '[<,]UP[,>]'" ||
	fail "vx0 not shut down: $(ns a ip link show dev vx0)"
ns a ip addr show dev vx0 | grep -q "inet 10.77.0.1/24" || fail "vx0 address"
ns a ip link show dev veth0 | grep -q MULTICAST || fail "veth0 multicast"
T "show interface veth0" | grep -q "Description: uplink to the lab" || fail "description: $(T "show interface veth0")"
pass "interface blocks applied and written as configured"

T "show router-id" | grep -q "10.255.0.1" || fail "router-id not applied: $(T "show router-id")"
T "show running-config" | grep -qx "router-id 10.255.0.1" || fail "router-id not written"
pass "router-id applied and written"

# refused commands change nothing
out=$(T "configure terminal" "ip route 10.20.0.0/16 averyveryverylonginterfacename0")
grep -q "% Invalid interface name" <<<"$out" || fail "long ifname accepted: $out"
out=$(T "configure terminal" "no interface veth0")
grep -q "% Only inactive interfaces can be deleted" <<<"$out" || fail "no interface veth0: $out"
out=$(T "configure terminal" "interface veth0" "no ip address 10.9.9.9/24")
grep -q "% Can't find address" <<<"$out" || fail "no ip address of nothing: $out"
out=$(T "configure terminal" "router-id 0.0.0.0")
grep -q "% Malformed address" <<<"$out" || fail "router-id 0.0.0.0 accepted: $out"
out=$(T "configure terminal" "no ip route 10.1.0.0/16 veth0 tag 6")
grep -q "% Can't find static route specified" <<<"$out" || fail "no with other tag: $out"
out=$(T "configure terminal" "no ip route 10.3.0.0/16 reject 31")
grep -q "% Can't find static route specified" <<<"$out" || fail "no with other distance: $out"
out=$(T "configure terminal" "no ip route 10.30.0.0/16 10.0.0.2")
grep -q "% Can't find static route specified" <<<"$out" || fail "no of nothing: $out"
[ "$(T "show running-config json")" = "$json1" ] || fail "a refused command changed the tree"
pass "refused commands leave running as it was"

# no forms remove what Quagga removes; an add with the same nexthop updates
T "configure terminal" "no ip route 10.1.0.0/16 veth0 tag 5 20" \
	"no ip route 10.3.0.0/16 reject" "no ip route 10.2.0.0/16 blackhole" \
	"ip route 10.5.0.0/16 veth0 tag 4" "no ipv6 route 2001:db8:3::/48 fd00::3 veth0" >/dev/null
got=$(routes | grep -E '10\.(1|2|3|5)\.|db8:3')
[ "$got" = "ip route 10.1.0.0/16 10.0.0.2
ip route 10.5.0.0/16 veth0 tag 4" ] || fail "after no / update: $got"
wait_for 5 sh -c "! ip -n $P-a route | grep -q 'unreachable 10.3.0.0/16'" || fail "10.3/16 still in the kernel"
T "configure terminal" "ip route 10.1.0.0/16 veth0 tag 5 20" "ip route 10.3.0.0/16 reject 30" \
	"ip route 10.2.0.0/16 null0" "ip route 10.5.0.0/16 veth0 reject" \
	"no ipv6 route 2001:db8:4::/48 fd00::4" "ipv6 route 2001:db8:3::/48 fd00::3 veth0 tag 9" \
	"ipv6 route 2001:db8:4::/48 fd00::4 reject" >/dev/null
[ "$(routes)" = "$want" ] || { diff <(echo "$want") <(routes); fail "re-adding"; }
pass "no forms remove by prefix and nexthop (tag, distance must match)"
T "configure terminal" "no router-id" >/dev/null
T "show running-config" | grep -q "^router-id" && fail "no router-id: still written"
T "show router-id" | grep -q "10.255.0.1" && fail "no router-id: still in use"
T "configure terminal" "router-id 10.255.0.1" >/dev/null
T "show router-id" | grep -q "10.255.0.1" || fail "router-id not re-applied"
pass "no router-id"
T "configure terminal" "interface veth0" "no ip address 10.0.2.1/24" "no description" \
	"no bandwidth" >/dev/null
wait_for 5 sh -c "! ip -n $P-a addr show dev veth0 | grep -q 10.0.2.1" || fail "address not removed from the kernel"
T "configure terminal" "no interface pseudo9" >/dev/null
T "show running-config" | grep -q "interface pseudo9" && fail "no interface pseudo9: still there"
T "configure terminal" "interface pseudo9" "description not there yet" "ipv6 address fd09::1/64" \
	"interface veth0" "description uplink to the lab" "bandwidth 10000" "no ip address 10.0.0.1/24" \
	"ip address 10.0.0.1/24" "ip address 10.0.2.1/24" >/dev/null
ifs=$(T "show running-config" | sed -n '/^interface /,/^!$/p')
[ "$ifs" = "$want_ifs" ] || { diff <(echo "$want_ifs") <(echo "$ifs"); fail "interface blocks after edits"; }
pass "interface sub-commands and no interface edit the tree"

# round trip through the file
json1=$(T "show running-config json")
tree1=$(tree)
text1=$(text)
T "write memory" >/dev/null || fail "write memory"
stop_zebra
start_zebra "$TDIR/zebra.conf"
[ "$(text)" = "$text1" ] || { diff <(echo "$text1") <(text); fail "round trip: other text"; }
[ "$(tree)" = "$tree1" ] || fail "round trip: other tree"
json1=$(T "show running-config json")
pass "round trip: load, write, reload: same text, same tree"

# start from the JSON
echo "$json1" >"$TDIR/zebra.json"
stop_zebra
start_zebra "$TDIR/zebra.json"
[ "$(T "show running-config json")" = "$json1" ] || fail "started from JSON: other tree"
[ "$(routes)" = "$want" ] || { diff <(echo "$want") <(routes); fail "started from JSON: other text"; }
wait_for 10 sh -c "ip -n $P-a route | grep -q '10.8.1.0/24 via 10.0.0.5 dev veth0 proto zebra metric 20'" ||
	fail "JSON start: static not in the kernel: $(R)"
pass "zebra started from a JSON config file: same tree, same routes"
stop_zebra

# a JSON file zebra's checks reject: reported, rc 1 on a dry run
printf '{"tarpan-zebra:zebra": {"ip-route": [{"prefix": "10.1.2.3/16", "nexthop": "10.0.0.2"}]}}\n' >"$TDIR/bad.json"
out=$(ns a "$ZEBRA" -C -f "$TDIR/bad.json" -i "$TDIR/x.pid" -z "$TDIR/x.api" -P 0 2>&1)
rc=$?
[ $rc = 1 ] && grep -q 'Malformed address 10.1.2.3/16' <<<"$out" || fail "bad JSON: rc=$rc, $out"
pass "a JSON file with a bad route: reported, rc 1"
pass "zebra_config"
