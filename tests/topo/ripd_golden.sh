#!/bin/bash
# ripd's `show ip rip`, `show ip rip status` and `show running-config`,
# byte for byte against Quagga 1.2.4's (quagga-reference/runs.md section 3),
# in the same situation as the recording:
#
#   g1: Tarpan zebra + ripd; veth0 10.0.0.1/24 (RIP runs here), veth1
#       10.0.1.1/24 (set by zebra, later removed: a C(r) route at metric 16),
#       static 192.168.100.0/24 via 10.0.0.2 and 192.168.200.0/24 to Null0
#   g2: a fake RIP neighbour at 10.0.0.2 (python, UDP 520) announcing
#       172.20.0.0/16 metric 1 and 172.21.0.0/16 metric 2 tag 77
#
# Times (the Time column, "next due in", "Last Update") are masked; the
# rest must be identical, trailing spaces included. Also checks the ripd
# dry run of runs.md section 7: abbreviated keywords fail in a config file.
. "$(dirname "$0")/lib/netns.sh"
. "$(dirname "$0")/lib/ripd.sh"
need_root
topo_init ripd_golden

ns_add g1 >/dev/null
ns_add g2 >/dev/null
veth g1 veth0 g2 eth0
veth g1 veth1 g1 veth1p
ns g1 ip addr add 10.0.0.1/24 dev veth0
ns g2 ip addr add 10.0.0.2/24 dev eth0

cat >"$TDIR/g1-zebra.conf" <<EOF
hostname qzebra
password zebra
enable password zebra
!
interface veth1
 description test link B
 ip address 10.0.1.1/24
!
ip route 192.168.100.0/24 10.0.0.2
ip route 192.168.200.0/24 Null0
EOF
cat >"$TDIR/g1-ripd.conf" <<EOF
hostname qripd
password zebra
enable password zebra
log file $TDIR/ripd.log
!
key chain KC1
 key 1
!
router rip
 redistribute connected
 redistribute static
 network 10.0.0.0/24
!
route-map RM1 permit 10
!
line vty
!
EOF
rip_router g1

# the fake neighbour: a RIPv2 response to 10.0.0.1 every second
cat >"$TDIR/fake.py" <<'EOF'
import socket, struct, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("10.0.0.2", 520))
def rte(net, mask, metric, tag):
    return struct.pack("!HH4s4s4sI", 2, tag, socket.inet_aton(net),
                       socket.inet_aton(mask), bytes(4), metric)
pkt = struct.pack("!BBH", 2, 2, 0) + rte("172.20.0.0", "255.255.0.0", 1, 0) \
    + rte("172.21.0.0", "255.255.0.0", 2, 77)
for _ in range(600):
    s.sendto(pkt, ("10.0.0.1", 520))
    time.sleep(1)
EOF
start_daemon g2 g2-fake python3 "$TDIR/fake.py"

wait_for 20 rip_has g1 '^R\(n\) 172\.21\.0\.0/16' || { rip_show g1 "show ip rip"; fail "nothing learned"; }
wait_for 20 rip_has g1 '^S\(r\) 192\.168\.200\.0/24' ||
	{ rip_show g1 "show ip rip"; fail "static routes not redistributed"; }
wait_for 20 rip_has g1 '^C\(r\) 10\.0\.1\.0/24' ||
	{ rip_show g1 "show ip rip"; fail "veth1's subnet not redistributed"; }
vty g1 2601 "configure terminal" "interface veth1" "no ip address 10.0.1.1/24" >/dev/null ||
	fail "cannot remove veth1's address"
wait_for 20 rip_has g1 '^C\(r\) 10\.0\.1\.0/24 .* 16 self' ||
	{ rip_show g1 "show ip rip"; fail "10.0.1.0/24 not poisoned"; }

mask() { # the fields that depend on time
	sed -E -e 's/ [0-9][0-9]:[0-9][0-9]$/ MM:SS/' \
		-e 's/next due in [0-9]+ seconds/next due in N seconds/' \
		-e 's/   [0-9][0-9]:[0-9][0-9]:[0-9][0-9]$/   HH:MM:SS/' \
		-e "s|log file $TDIR/ripd.log|log file \$PREFIX/var/ripd.log|"
}

check() { # NAME CMD: compare the masked output of CMD with $TDIR/NAME.want
	local name=$1 cmd=$2
	rip_show g1 "$cmd" | mask >"$TDIR/$name.got"
	if ! cmp -s "$TDIR/$name.want" "$TDIR/$name.got"; then
		echo "--- $cmd: Quagga (want) vs Tarpan (got), cat -A:"
		diff <(cat -A "$TDIR/$name.want") <(cat -A "$TDIR/$name.got")
		return 1
	fi
}

cat >"$TDIR/rip.want" <<'EOF'
Codes: R - RIP, C - connected, S - Static, O - OSPF, B - BGP
Sub-codes:
      (n) - normal, (s) - static, (d) - default, (r) - redistribute,
      (i) - interface

     Network            Next Hop         Metric From            Tag Time
C(i) 10.0.0.0/24        0.0.0.0               1 self              0
C(r) 10.0.1.0/24        0.0.0.0              16 self              0 MM:SS
R(n) 172.20.0.0/16      10.0.0.2              2 10.0.0.2          0 MM:SS
R(n) 172.21.0.0/16      10.0.0.2              3 10.0.0.2         77 MM:SS
S(r) 192.168.100.0/24   10.0.0.2              1 self              0
S(r) 192.168.200.0/24   0.0.0.0               1 self              0
EOF
cat >"$TDIR/status.want" <<'EOF'
Routing Protocol is "rip"
  Sending updates every 30 seconds with +/-50%, next due in N seconds
  Timeout after 180 seconds, garbage collect after 120 seconds
  Outgoing update filter list for all interface is not set
  Incoming update filter list for all interface is not set
  Default redistribution metric is 1
  Redistributing: connected static
  Default version control: send version 2, receive any version 
    Interface        Send  Recv   Key-chain
    veth0            2     1 2    
  Routing for Networks:
    10.0.0.0/24
  Routing Information Sources:
    Gateway          BadPackets BadRoutes  Distance Last Update
    10.0.0.2                 0         0       120   HH:MM:SS
  Distance: (default is 120)
EOF
cat >"$TDIR/running.want" <<'EOF'

Current configuration:
!
hostname qripd
password zebra
enable password zebra
log file $PREFIX/var/ripd.log
!
key chain KC1
 key 1
!
router rip
 redistribute connected
 redistribute static
 network 10.0.0.0/24
!
route-map RM1 permit 10
!
line vty
!
end
EOF

bad=0
check rip "show ip rip" && pass "show ip rip" || bad=1
check status "show ip rip status" && pass "show ip rip status" || bad=1
check running "show running-config" && pass "show running-config" || bad=1

# runs.md section 7: exact keywords in files, rc 1 and Quagga's message
printf 'hostname x\nrouter rip\n netw 10.0.0.0/8\n' >"$TDIR/abbrev.conf"
printf 'hostname x\nrouter rip\n network 10.0.0.0/8\n version 2\n' >"$TDIR/full.conf"
out=$(ns g1 "$TARPAN_BUILD/ripd/ripd" -C -f "$TDIR/abbrev.conf" -P 0 -i "$TDIR/x.pid" 2>&1)
rc=$?
want=$'*** Error reading config: There is no such command.\n*** Error occurred processing line 3, below:\n netw 10.0.0.0/8'
if [ $rc = 1 ] && [ "$(printf '%s\n' "$out" | sed '/^$/d')" = "$want" ]; then
	pass "dry run refuses an abbreviated keyword (rc 1)"
else
	echo "rc=$rc; the message (lib/vty_config.c) differs from runs.md section 7:"; printf '%s\n' "$out" | cat -A; bad=1
fi
ns g1 "$TARPAN_BUILD/ripd/ripd" -C -f "$TDIR/full.conf" -P 0 -i "$TDIR/x.pid" >/dev/null 2>&1 &&
	pass "dry run accepts the full keywords (rc 0)" || { echo "full.conf refused"; bad=1; }
[ $bad = 0 ] || fail "output differs from Quagga 1.2.4"
