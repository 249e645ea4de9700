#!/bin/bash
# Tarpan ripd (with Tarpan zebra) against BIRD 2's RIP (Debian bird2), with
# keyed-MD5 authentication on the shared link and short timers on both sides
# (Tarpan `timers basic 5 15 10`, BIRD update 5 / timeout 15 / garbage 10):
#
#   t1 lan  192.168.1.1/24 \                          / lan  192.168.4.1/24 b1
#   t1 lan2 192.168.2.1/24 -- t1 eth0 10.0.14.1/24 -- 10.0.14.4/24 eth0 b1
#                                                     \ lan2 192.168.5.1/24 b1
#
# BIRD's metric semantics: a route received on an interface gets the
# interface's `metric` (default 1) added and is stored with that metric
# (`birdc show route` "(120/N)", RIP.metric N); routes from other protocols
# go out with their rip_metric (default 1); its kernel protocol installs RIP
# routes as `proto bird metric 32`. BIRD also has a static 172.20.0.0/16
# with rip_metric 5 and 100 host routes 172.21.0.N/32; Tarpan redistributes
# statics 172.31.0.0/16 and 172.30.N.0/24 (100) with metric 3.
#
# Checks:
#  1. each side learns the other's LANs with metric 2 (Tarpan `show ip rip`,
#     `birdc show route`, both kernels); 172.20/16 arrives at Tarpan as 6 and
#     172.31/16 at BIRD as 4; 100 more statics each way (several packets
#     per update, each signed) all arrive, in both kernels; BIRD lists Tarpan as a neighbour; no bad
#     packets or routes at Tarpan and no auth complaints at BIRD;
#  2. split horizon, as BIRD receives it (tcpdump in BIRD's namespace; BIRD
#     itself only logs "Response received"): Tarpan's updates never carry
#     BIRD's routes; with `ip rip split-horizon poisoned-reverse` they carry
#     them at 16, and BIRD keeps its own; BIRD's default poisoned reverse
#     reaches Tarpan without counting as bad routes;
#  3. triggered updates: a LAN goes down at Tarpan: a triggered update with
#     only that route at 16 reaches BIRD, which drops it (table and kernel)
#     long before its 15 s timeout; a LAN goes down at BIRD: Tarpan has it
#     at 16 at once (out of the kernel), garbage-collects it after 10 s;
#     both LANs come back at metric 2;
#  4. a wrong key at Tarpan: BIRD's packets count as bad in `show ip rip
#     status`, BIRD logs Tarpan's as failing authentication, each side's
#     learned routes time out (table and kernel); the right key again
#     restores the exchange and the bad-packet count stops growing.
#
# BIRD runs in the foreground (-f) inside its namespace with its own
# control socket, pid file and log under $TDIR, and is stopped by PID by
# netns.sh's cleanup like the Tarpan daemons and the tcpdumps.
. "$(dirname "$0")/lib/netns.sh"
. "$(dirname "$0")/lib/ripd.sh"
need_root
command -v bird >/dev/null && command -v birdc >/dev/null ||
	{ echo "SKIP: BIRD (Debian bird2) not installed"; exit 77; }
command -v tcpdump >/dev/null || { echo "SKIP: tcpdump not installed"; exit 77; }
topo_init ripd_bird

ns_add t1 >/dev/null
ns_add b1 >/dev/null
veth t1 eth0 b1 eth0
veth t1 lan t1 lanp
veth t1 lan2 t1 lan2p
veth b1 lan b1 lanp
veth b1 lan2 b1 lan2p
ns t1 ip addr add 10.0.14.1/24 dev eth0
ns b1 ip addr add 10.0.14.4/24 dev eth0
ns t1 ip addr add 192.168.1.1/24 dev lan
ns t1 ip addr add 192.168.2.1/24 dev lan2
ns b1 ip addr add 192.168.4.1/24 dev lan
ns b1 ip addr add 192.168.5.1/24 dev lan2

# 100 more statics each side: updates span several MD5-signed packets
zl=(); for i in $(seq 0 99); do zl+=("ip route 172.30.$i.0/24 192.168.1.2"); done
zebra_conf t1 "ip route 172.31.0.0/16 192.168.1.2" "${zl[@]}"
ripd_conf t1 "key chain K" " key 1" "  key-string secret" "!" \
	"interface eth0" " ip rip authentication mode md5" \
	" ip rip authentication key-chain K" "!" \
	"router rip" " timers basic 5 15 10" " network 10.0.14.0/24" \
	" network lan" " network lan2" " redistribute static metric 3"
rip_router t1

B=$TDIR/b1
mkdir -p "$B"
cat >"$B/bird.conf" <<EOC
log "$B/bird.log" all;
router id 10.0.14.4;
protocol device { scan time 1; }
protocol direct { ipv4; interface "eth0", "lan*"; }
protocol static {
	ipv4;
	route 172.20.0.0/16 via 192.168.4.2 { rip_metric = 5; };
$(for i in $(seq 0 99); do echo "	route 172.21.0.$i/32 via 192.168.4.2;"; done)
}
protocol kernel {
	scan time 2;
	ipv4 { export where source = RTS_RIP; };
}
protocol rip rip1 {
	debug { states, routes, events, packets };
	ipv4 {
		import all;
		export where source ~ [ RTS_DEVICE, RTS_STATIC, RTS_RIP ];
	};
	interface "eth0" {
		version 2;
		mode multicast;
		metric 1;
		update time 5;
		timeout time 15;
		garbage time 10;
		split horizon yes;
		poison reverse yes;
		authentication cryptographic;
		password "secret" { id 1; algorithm keyed md5; };
	};
}
EOC
ns b1 bird -p -c "$B/bird.conf" || fail "BIRD rejects its configuration"
start_daemon b1 b1-bird bird -f -c "$B/bird.conf" -s "$B/bird.ctl" -P "$B/bird.pid"
wait_for 10 test -S "$B/bird.ctl" || { cat "$TDIR/b1-bird.log"; fail "BIRD did not start"; }
bc() { ns b1 birdc -s "$B/bird.ctl" "$@"; }

# --- helpers -------------------------------------------------------------
# metric BIRD's RIP has for PREFIX (the N of "[rip1 ...] * (120/N)")
bird_metric() {
	bc show route "$1" protocol rip1 | sed -n 's/.*\[rip1 [^]]*\] \* (120\/\([0-9]*\)).*/\1/p'
}
bird_has() { [ "$(bird_metric "$1")" = "$2" ] && bc show route "$1" protocol rip1 | grep -q "via $3 on eth0"; }
bird_lacks() { ! bc show route protocol rip1 | grep -q "^$1 "; }
kernel_lacks() { ! ns "$1" ip route | grep -q "^$2 "; }
# tcpdump of RIP on N's eth0 from SRC for at most SECS, into $TDIR/NAME.log
capture() { # N NAME SECS SRC
	start_daemon "$1" "$2" timeout "$3" tcpdump -l -n -vv -i eth0 "src host $4 and udp port 520"
	wait_for 5 grep -q "listening on" "$TDIR/$2.log" || fail "tcpdump did not start"
}
capture_end() { # NAME: wait for the capture to stop by itself
	local v=PID_$1
	wait "${!v}" 2>/dev/null
}
# one line per captured RIP packet: " prefix=metric prefix=metric ..."
packets() {
	awk '/^[0-9]+:[0-9]+:[0-9.]+ IP / { if (n) print line; line = ""; n = 1; next }
	     /AFI IPv4,/ { p = $3; sub(/,$/, "", p)
		for (i = 1; i < NF; i++) if ($i == "metric:") { m = $(i + 1); sub(/,$/, "", m) }
		line = line " " p "=" m }
	     END { if (n) print line }' "$TDIR/$1.log"
}
# every distinct captured route entry, one a line: "prefix=metric"
entries() { packets "$1" | tr ' ' '\n' | grep . | sort -u; }
bad_packets() { rip_show t1 "show ip rip status" | awk '$1 == "10.0.14.4" { print $2 }'; }
bad_routes() { rip_show t1 "show ip rip status" | awk '$1 == "10.0.14.4" { print $3 }'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
dump() {
	rip_show t1 "show ip rip" "show ip rip status"
	bc show route all; bc show rip neighbors
	ns t1 ip route; ns b1 ip route
}

# --- 1. routes both ways with metric 2 -------------------------------------
for p in 192.168.4.0 192.168.5.0; do
	wait_for 30 rip_has t1 "^R\(n\) $p/24 +10\.0\.14\.4 +2 10\.0\.14\.4 " ||
		{ dump; fail "Tarpan did not learn BIRD's $p/24 with metric 2"; }
	wait_for 20 kernel_has t1 "^$p/24 via 10\.0\.14\.4 dev eth0 proto (zebra|11) metric 20" ||
		{ dump; fail "BIRD's $p/24 not in Tarpan's kernel"; }
done
for p in 192.168.1.0 192.168.2.0; do
	wait_for 30 bird_has $p/24 2 10.0.14.1 ||
		{ dump; fail "BIRD did not learn Tarpan's $p/24 with metric 2"; }
	bc show route $p/24 all | grep -q 'RIP.metric: 2' || { dump; fail "RIP.metric of $p/24"; }
	wait_for 20 kernel_has b1 "^$p/24 via 10\.0\.14\.1 dev eth0 proto (bird|12) metric 32" ||
		{ dump; fail "Tarpan's $p/24 not in BIRD's kernel"; }
done
pass "LANs learned both ways with metric 2, in both kernels"

# metrics other than 1 at the source: BIRD's static route with rip_metric 5
# arrives at Tarpan as 6; Tarpan's static redistributed with metric 3 is
# stored by BIRD as 4 (its interface metric 1 added on receipt)
wait_for 20 rip_has t1 '^R\(n\) 172\.20\.0\.0/16 +10\.0\.14\.4 +6 10\.0\.14\.4 ' ||
	{ dump; fail "BIRD's rip_metric 5 route not at metric 6 in Tarpan"; }
wait_for 20 bird_has 172.31.0.0/16 4 10.0.14.1 ||
	{ dump; fail "Tarpan's redistributed static (metric 3) not at 4 in BIRD"; }
bc show route 172.31.0.0/16 all | grep -q 'RIP.metric: 4' || { dump; fail "RIP.metric of 172.31/16"; }
wait_for 20 kernel_has b1 '^172\.31\.0\.0/16 via 10\.0\.14\.1 dev eth0 proto (bird|12) metric 32' ||
	{ dump; fail "172.31/16 not in BIRD's kernel"; }
pass "metrics 5 -> 6 (BIRD to Tarpan) and 3 -> 4 (Tarpan to BIRD)"
n_tarpan() { rip_show t1 "show ip rip" | grep -Ec '^R\(n\) 172\.21\.0\.[0-9]+/32 +10\.0\.14\.4 +2 '; }
n_bird() { bc show route protocol rip1 | grep -Ec '^172\.30\.[0-9]+\.0/24 .*\(120/4\)'; }
wait_for 20 test "$(n_tarpan)" = 100 || { dump; fail "Tarpan has $(n_tarpan) of BIRD's 100 host routes"; }
wait_for 20 test "$(n_bird)" = 100 || { dump; fail "BIRD has $(n_bird) of Tarpan's 100 routes"; }
wait_for 10 test "$(ns b1 ip route | grep -c '^172\.30\..* proto bird')" = 100 ||
	{ ns b1 ip route; fail "Tarpan's 100 routes not all in BIRD's kernel"; }
wait_for 10 test "$(ns t1 ip route | grep -Ec '^172\.21\.0\.[0-9]+ via 10\.0\.14\.4 .*proto (zebra|11)')" = 100 ||
	{ ns t1 ip route; fail "BIRD's 100 routes not all in Tarpan's kernel"; }
bc show rip neighbors | grep -Eq '^10\.0\.14\.1 +eth0 +1 +103 ' ||
	{ dump; fail "BIRD does not list Tarpan as a neighbour with 103 routes"; }
pass "100 more routes each way, across several MD5-signed packets"

# BIRD's own direct route for the link (metric 1 -> 2) must not displace
# Tarpan's connected route
rip_has t1 2>/dev/null '^C\(i\) 10\.0\.14\.0/24 +0\.0\.0\.0 +1 self' || { dump; fail "link route displaced"; }
b0=$(bad_packets) r0=$(bad_routes)
sleep 11
[ "$(bad_packets)" = "$b0" ] && [ "$(bad_routes)" = "$r0" ] && [ "$b0" = 0 ] ||
	{ dump; fail "bad packets/routes from BIRD in steady state ($b0/$r0 -> $(bad_packets)/$(bad_routes))"; }
grep -qi 'auth' "$B/bird.log" && { cat "$B/bird.log"; fail "BIRD logged authentication trouble"; }
rip_has t1 2>/dev/null '^R\(n\) 192\.168\.4\.0/24 +10\.0\.14\.4 +2 ' || { dump; fail "route lost in steady state"; }
pass "MD5-authenticated exchange with BIRD: no bad packets or routes, no auth complaints"

# --- 2. split horizon / poisoned reverse as BIRD receives it ---------------
capture b1 sh1 12 10.0.14.1
capture t1 shb 12 10.0.14.4
capture_end sh1
capture_end shb
entries sh1 | grep -qx '192\.168\.1\.0/24=1' && entries sh1 | grep -qx '192\.168\.2\.0/24=1' &&
	entries sh1 | grep -qx '172\.31\.0\.0/16=3' && [ "$(entries sh1 | grep -c '^172\.30\.')" = 100 ] ||
	{ cat "$TDIR/sh1.log"; fail "no full update from Tarpan seen at BIRD"; }
entries sh1 | grep -Eq '^(192\.168\.[45]\.0/24|10\.0\.14\.0/24|172\.2[01]\.)' &&
	{ cat "$TDIR/sh1.log"; fail "split horizon: Tarpan sent BIRD's routes back"; }
pass "split horizon: BIRD receives only Tarpan's own routes"
# BIRD's default is poisoned reverse: Tarpan receives its routes at 16 and
# counts nothing bad
entries shb | grep -qx '192\.168\.1\.0/24=16' && entries shb | grep -qx '172\.31\.0\.0/16=16' ||
	{ cat "$TDIR/shb.log"; fail "BIRD's poisoned reverse not seen"; }
[ "$(bad_routes)" = 0 ] || { dump; fail "BIRD's poisoned routes counted as bad"; }

rip_show t1 "configure terminal" "interface eth0" "ip rip split-horizon poisoned-reverse" \
	"end" >/dev/null || fail "ip rip split-horizon poisoned-reverse"
sleep 1
capture b1 sh2 12 10.0.14.1
capture_end sh2
for e in 192.168.1.0/24=1 172.31.0.0/16=3 192.168.4.0/24=16 192.168.5.0/24=16 172.20.0.0/16=16; do
	entries sh2 | grep -qxF "$e" || { cat "$TDIR/sh2.log"; fail "poisoned reverse: $e not seen"; }
done
[ "$(entries sh2 | grep -Ec '^172\.21\.0\.[0-9]+/32=16$')" = 100 ] ||
	{ cat "$TDIR/sh2.log"; fail "poisoned reverse: not all of BIRD's host routes sent back at 16"; }
entries sh2 | grep -Eq '^(192\.168\.[45]\.0/24|172\.2[01]\..*)=([0-9]|1[0-5])$' &&
	{ cat "$TDIR/sh2.log"; fail "poisoned reverse: a BIRD route sent back reachable"; }
bird_has 192.168.1.0/24 2 10.0.14.1 || { dump; fail "BIRD lost Tarpan's route"; }
bc show route 192.168.4.0/24 all | grep -q 'rip1' && { dump; fail "BIRD took its own LAN back from Tarpan"; }
pass "poisoned reverse: BIRD receives its own LANs with metric 16 and ignores them"

# --- 3. triggered updates and withdrawals -----------------------------------
capture b1 tr1 10 10.0.14.1
t0=$(now_ms)
ns t1 ip link set lan2 down
wait_for 10 bird_lacks 192.168.2.0/24 || { dump; fail "BIRD kept Tarpan's withdrawn 192.168.2.0/24"; }
dt=$(( $(now_ms) - t0 ))
wait_for 10 kernel_lacks b1 192.168.2.0/24 || { dump; fail "withdrawn route still in BIRD's kernel"; }
capture_end tr1
# a triggered update carries only what changed
packets tr1 | grep -Eq '^ 192\.168\.2\.0/24=16$' ||
	{ cat "$TDIR/tr1.log"; fail "no triggered update with only 192.168.2.0/24 at 16"; }
bird_has 192.168.1.0/24 2 10.0.14.1 || { dump; fail "BIRD lost 192.168.1.0/24"; }
pass "Tarpan's LAN down: triggered update, BIRD dropped the route in ${dt} ms (timeout 15 s)"

capture t1 tr2 10 10.0.14.4
t0=$(now_ms)
ns b1 ip link set lan2 down
wait_for 10 rip_has t1 '^R\(n\) 192\.168\.5\.0/24 +10\.0\.14\.4 +16 ' ||
	{ dump; fail "Tarpan did not get 192.168.5.0/24 at metric 16"; }
dt=$(( $(now_ms) - t0 ))
wait_for 5 kernel_lacks t1 192.168.5.0/24 || { dump; fail "withdrawn route still in Tarpan's kernel"; }
capture_end tr2
packets tr2 | grep -Eq '^ 192\.168\.5\.0/24=16$' ||
	{ cat "$TDIR/tr2.log"; fail "no triggered update from BIRD with only 192.168.5.0/24 at 16"; }
# garbage collection: 10 s after the route went to 16
wait_for 15 bash -c "! ip netns exec $P-t1 python3 $VTYCMD -P 2602 'show ip rip' | grep -q '192.168.5.0/24'" ||
	{ dump; fail "192.168.5.0/24 not garbage-collected"; }
rip_has t1 2>/dev/null '^R\(n\) 192\.168\.4\.0/24 +10\.0\.14\.4 +2 ' || { dump; fail "Tarpan lost 192.168.4.0/24"; }
pass "BIRD's LAN down: Tarpan had metric 16 after ${dt} ms, then collected it"

ns t1 ip link set lan2 up
ns b1 ip link set lan2 up
wait_for 15 rip_has t1 '^R\(n\) 192\.168\.5\.0/24 +10\.0\.14\.4 +2 ' || { dump; fail "192.168.5.0/24 did not come back"; }
wait_for 15 bird_has 192.168.2.0/24 2 10.0.14.1 || { dump; fail "192.168.2.0/24 did not come back"; }
pass "LANs back up: routes relearned with metric 2"

# --- 4. a wrong key stops the exchange --------------------------------------
b1=$(bad_packets)
rip_show t1 "configure terminal" "key chain K" "key 1" "key-string wrong" "end" >/dev/null ||
	fail "cannot change the key"
more_bad() { [ "$(bad_packets)" -gt "$b1" ]; }
wait_for 15 more_bad || { dump; fail "wrong key: BIRD's packets not counted as bad"; }
wait_for 30 rip_has t1 '^R\(n\) 192\.168\.4\.0/24 +10\.0\.14\.4 +16 ' ||
	{ dump; fail "wrong key: BIRD's route did not time out at Tarpan"; }
wait_for 10 kernel_lacks t1 192.168.4.0/24 || { dump; fail "wrong key: route still in Tarpan's kernel"; }
wait_for 30 bird_lacks 192.168.1.0/24 || { dump; fail "wrong key: Tarpan's route did not time out at BIRD"; }
wait_for 10 kernel_lacks b1 192.168.1.0/24 || { dump; fail "wrong key: route still in BIRD's kernel"; }
grep -Eqi 'auth.*10\.0\.14\.1|10\.0\.14\.1.*auth' "$B/bird.log" ||
	{ cat "$B/bird.log"; fail "BIRD did not log Tarpan's bad authentication"; }
pass "a wrong key stops the exchange (bad packets from BIRD: $(bad_packets))"

rip_show t1 "configure terminal" "key chain K" "key 1" "key-string secret" "end" >/dev/null
wait_for 20 rip_has t1 '^R\(n\) 192\.168\.4\.0/24 +10\.0\.14\.4 +2 ' ||
	{ dump; fail "right key again: Tarpan did not relearn BIRD's route"; }
wait_for 20 bird_has 192.168.1.0/24 2 10.0.14.1 ||
	{ dump; fail "right key again: BIRD did not relearn Tarpan's route"; }
b2=$(bad_packets)
sleep 8
[ "$(bad_packets)" = "$b2" ] || { dump; fail "bad packets still counted with the right key"; }
pass "the right key again restores the exchange"
