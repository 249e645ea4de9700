#!/bin/bash
# ripd's configuration as one YANG data tree, on a real daemon (alone in a
# namespace, no zebra needed):
#
#   - a ripd.conf with every kind of ripd setting loads; `show
#     running-config` writes it in Quagga's order; `write memory` writes the
#     same text to the file
#   - round trip: ripd restarted on the written file has the same text and
#     the same tree (`show running-config json`)
#   - `show running-config json` saved as ripd.json: ripd started from it
#     has the same tree and writes the same ripd blocks
#   - rejected changes leave running as it was: a command refused by ripd,
#     and a JSON file the YANG model rejects (ripd -C: rc 1, the message)
. "$(dirname "$0")/lib/netns.sh"
. "$(dirname "$0")/lib/ripd.sh"
need_root
topo_init ripd_config
VTYSH=$TARPAN_BUILD/vtysh/vtysh
RIPD=$TARPAN_BUILD/ripd/ripd

ns_add c1 >/dev/null
mkdir -p "$TDIR/c1"
# written as Quagga writes it, so that the file is its own expected output
cat >"$TDIR/ripd.conf" <<'EOF'
hostname c1
password zebra
!
key chain KC
 key 1
  key-string k1
!
interface eth0
 description uplink to core
 no ip rip split-horizon
 ip rip send version 1
 ip rip receive version 1 2
 ip rip authentication mode md5 auth-length rfc
 ip rip authentication key-chain KC
!
interface eth2
 ip rip split-horizon poisoned-reverse
 ip rip authentication string secret
!
router zebra
 no redistribute rip
!
router rip
 version 2
 timers basic 10 60 40
 default-information originate
 redistribute connected metric 3
 redistribute static route-map RM
 offset-list A1 in 2 eth0
 offset-list A3 in 1
 network 10.0.0.0/8
 network 192.168.1.0/24
 network eth5
 neighbor 10.0.0.9
 passive-interface default
 no passive-interface eth0
 default-metric 5
 distribute-list D1 in 
 distribute-list prefix P1 in eth0
 route-map RO out eth0
 distance 100
 distance 80 10.1.0.0/16 ACL1
 allow-ecmp
 route 172.16.0.0/16
!
access-list ACL1 permit 10.0.0.0/8
!
route-map RM permit 10
 set metric 2
!
line vty
!
EOF

start_ripd() { # FILE
	rm -f "$TDIR/c1/ripd.vty"
	start_daemon c1 c1-ripd "$RIPD" -f "$1" -i "$TDIR/c1/ripd.pid" \
		-z "$TDIR/c1/zserv.api" --vty_socket "$TDIR/c1"
	wait_for 10 test -S "$TDIR/c1/ripd.vty" || { cat "$TDIR/c1-ripd.log"; fail "ripd did not start on $1"; }
}
stop_ripd() {
	kill -TERM "$PID_c1_ripd" 2>/dev/null
	for _ in $(seq 1 50); do kill -0 "$PID_c1_ripd" 2>/dev/null || break; sleep 0.1; done
}
# vtysh to ripd alone (works without a vty password), and telnet (ripd's
# own `show running-config`, not vtysh's merged one)
V() { ns c1 env HOME="$TDIR" "$VTYSH" --vty_socket "$TDIR/c1" --config_dir "$TDIR" -d ripd "$@"; }
T() { wait_for 10 vty c1 2602 "show version" && vty c1 2602 "$@"; }
# the configuration blocks of `show running-config`, without its header
body() { T "show running-config" | sed -n '/^Current configuration:/,$p' | sed 1d; }
vbody() { V -c "show running-config" | sed -n '/^Current configuration:/,$p' | sed 1d; }
# the ripd blocks only (what the YANG tree holds)
ripd_blocks() { sed -n '/^interface /,/^!/p; /^router /,/^!/p'; }

start_ripd "$TDIR/ripd.conf"
text1=$(body)
want=$(sed -n '1,$p' "$TDIR/ripd.conf")
want=$(printf '!\n%s\nend' "$want")
if [ "$text1" != "$want" ]; then
	diff <(echo "$want") <(echo "$text1")
	fail "show running-config differs from the file written in Quagga's order"
fi
pass "show running-config: every ripd setting, in Quagga's order"
json1=$(T "show running-config json")
grep -q '"tarpan-ripd:rip"' <<<"$json1" || fail "no ripd tree in the JSON: $json1"
pass "show running-config json holds the ripd tree"

# a refused command changes nothing
out=$(T "configure terminal" "interface eth2" "ip rip authentication key-chain K")
grep -q "% authentication string configuration exists" <<<"$out" || fail "no refusal: $out"
[ "$(T "show running-config json")" = "$json1" ] || fail "a refused command changed the tree"
pass "a refused command leaves running as it was"

# write memory, then restart on the written file
T "write memory" >/dev/null || fail "write memory"
# the file: Quagga's two header comment lines, then the same blocks
written=$(grep -v -e '^! Zebra configuration saved from vty$' -e '^!   [0-9]' "$TDIR/ripd.conf" |
	sed 1d)
[ "$written" = "$(sed '$d' <<<"$text1")" ] ||
	{ diff <(echo "$text1") <(echo "$written"); fail "the written file differs"; }
stop_ripd
start_ripd "$TDIR/ripd.conf"
[ "$(body)" = "$text1" ] || { diff <(echo "$text1") <(body); fail "round trip: other text"; }
[ "$(T "show running-config json")" = "$json1" ] || fail "round trip: other tree"
pass "round trip: load, write, reload: same text, same tree"

# start from the JSON
echo "$json1" >"$TDIR/ripd.json"
vtext1=$(vbody | ripd_blocks)
stop_ripd
start_ripd "$TDIR/ripd.json"
[ "$(V -c "show running-config json")" = "$json1" ] || fail "started from JSON: other tree"
[ "$(vbody | ripd_blocks)" = "$vtext1" ] ||
	{ diff <(echo "$vtext1") <(vbody | ripd_blocks); fail "started from JSON: other text"; }
pass "ripd started from a JSON config file: same tree, same ripd blocks"
stop_ripd

# a JSON file the model rejects: reported, rc 1 on a dry run
printf '{"tarpan-ripd:rip": {"distance-source": [{"prefix": "10.9.0.0/16"}]}}\n' >"$TDIR/bad.json"
out=$(ns c1 "$RIPD" -C -f "$TDIR/bad.json" -i "$TDIR/c1/x.pid" -P 0 2>&1)
rc=$?
[ $rc = 1 ] && grep -q 'Mandatory node "distance"' <<<"$out" ||
	fail "bad JSON: rc=$rc, $out"
pass "a JSON file the YANG model rejects: reported, rc 1"
