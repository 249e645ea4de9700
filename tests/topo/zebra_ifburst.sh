#!/bin/bash
# 4,000 interfaces created at once (the VLAN subinterfaces of a switch;
# macvlan devices here, this kernel has no 802.1Q module): each is created,
# brought up and given an address by one `ip -batch`, while a zserv client
# subscribed to interface events and a vty session are connected. zebra
# must know every interface and connected route within seconds, the vty
# must keep answering during the burst (its worst latency is printed and
# bounded), and the client must have been told about every interface.
# Then all 4,000 go at once: their connected routes must go and the client
# must hear of every deletion.
. "$(dirname "$0")/lib/netns.sh"
topo_init zifburst
ZEBRA=$TARPAN_BUILD/zebra/zebra
[ -x "$ZEBRA" ] || { echo "zebra not built"; exit 77; }
N=${IFBURST_N:-4000}
MAX_LAT_MS=${IFBURST_MAX_LAT_MS:-1000}
KNOW_SECS=${IFBURST_KNOW_SECS:-20}

ns_add a >/dev/null
ns a ip link add veth0 type veth peer name veth1
ns a ip addr add 10.0.0.1/24 dev veth0
ns a ip link set veth0 up
ns a ip link set veth1 up
cat >"$TDIR/zebra.conf" <<CONF
hostname burst
password zebra
CONF
start_daemon a zebra "$ZEBRA" -f "$TDIR/zebra.conf" -i "$TDIR/zebra.pid" -z "$TDIR/zserv.api"
wait_for 10 test -S "$TDIR/zserv.api" || fail "zebra did not start"
wait_for 10 vty a 2601 "show version" || fail "no vty"
connected() { vty a 2601 "show ip route summary" | awk '/^connected/ {print $2}'; }
base=$(connected)
[ -n "$base" ] || fail "no connected routes before the burst"

python3 - "$N" >"$TDIR/up.batch" <<'PY'
import sys
n = int(sys.argv[1])
for i in range(n):
    print("link add mv%d link veth0 type macvlan mode bridge" % i)
for i in range(n):
    print("link set mv%d up" % i)
for i in range(n):
    print("address add 172.%d.%d.1/24 dev mv%d" % (16 + (i >> 8), i & 255, i))
PY
python3 - "$N" >"$TDIR/down.batch" <<'PY'
import sys
for i in range(int(sys.argv[1])):
    print("link del mv%d" % i)
PY

# a zserv client that subscribes to interfaces and counts INTERFACE_ADD
cat >"$TDIR/zcount.py" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(bytes.fromhex("0008ff0300000001"))       # INTERFACE_ADD: subscribe
adds = dels = 0
buf = b""
end = time.time() + float(sys.argv[2])
s.settimeout(0.5)
while time.time() < end:
    try:
        d = s.recv(1 << 16)
    except socket.timeout:
        continue
    if not d:
        break
    buf += d
    while len(buf) >= 8 and len(buf) >= int.from_bytes(buf[:2], "big"):
        l = int.from_bytes(buf[:2], "big")
        cmd = int.from_bytes(buf[6:8], "big")
        name = buf[8:28].split(b"\0")[0]
        if name.startswith(b"mv"):
            if cmd == 1:
                adds += 1
            elif cmd == 2:
                dels += 1
        buf = buf[l:]
    with open(sys.argv[3], "w") as f:
        f.write("%d %d\n" % (adds, dels))
PY
ip netns exec "$P-a" python3 "$TDIR/zcount.py" "$TDIR/zserv.api" 600 "$TDIR/zcount.out" &	# outlives the test; cleanup stops it
TOPO_PIDS+=($!)

# a vty session that times a command every 20 ms for the whole burst
cat >"$TDIR/probe.py" <<'PY'
import sys, time
sys.path.insert(0, sys.argv[1])
from vtycmd import Vty, PROMPT
import re
v = Vty("127.0.0.1", 2601, 30)
text, m = v.read_until([r"Password: $", PROMPT])
if m.group(0).startswith("Password"):
    v.send("zebra"); v.read_until([PROMPT])
lat = []
end = time.monotonic() + float(sys.argv[2])
while time.monotonic() < end:
    t0 = time.monotonic()
    v.send("show version")
    v.read_until([re.compile(PROMPT, re.M).pattern + r"\Z"], timeout=30)
    lat.append((time.monotonic() - t0) * 1000)
    time.sleep(0.02)
lat.sort()
print("%d %.1f %.1f" % (len(lat), lat[len(lat) // 2], lat[-1]))
PY
ip netns exec "$P-a" python3 "$TDIR/probe.py" "$TARPAN_SRC/tests/topo/lib" 12 >"$TDIR/probe.out" &
probe=$!
TOPO_PIDS+=($probe)
sleep 1

t0=$(date +%s.%N)
ns a ip -batch "$TDIR/up.batch" || fail "ip -batch failed"
t1=$(date +%s.%N)
known() {
	[ "$(connected)" = $((base + N)) ] &&
		vty a 2601 "show interface mv$((N - 1))" | grep -q "172.$((16 + ((N - 1) >> 8))).$(((N - 1) & 255)).1/24"
}
wait_for "$KNOW_SECS" known || { vty a 2601 "show ip route summary"; fail "zebra does not know all $N interfaces"; }
t2=$(date +%s.%N)
echo "$N interfaces: ip -batch $(echo "$t1 - $t0" | bc) s, all known to zebra after $(echo "$t2 - $t0" | bc) s"
pass "every interface and connected route known"

wait_for 20 sh -c "[ \"\$(cut -d' ' -f1 $TDIR/zcount.out 2>/dev/null)\" = $N ]" ||
	fail "zserv client told about $(cat "$TDIR/zcount.out" 2>/dev/null) interfaces, not $N"
pass "zserv client told about every interface"

wait "$probe"
read -r samples p50 worst <"$TDIR/probe.out" || fail "no vty latency figures"
echo "vty during the burst: $samples commands, median ${p50} ms, worst ${worst} ms"
[ "$samples" -ge 50 ] || fail "vty answered only $samples commands in 12 s"
[ "$(echo "$worst <= $MAX_LAT_MS" | bc)" = 1 ] || fail "vty stalled for ${worst} ms (limit ${MAX_LAT_MS} ms)"
pass "vty kept answering during the burst"

ns a ip -batch "$TDIR/down.batch" || fail "ip -batch (delete) failed"
gone() {
	# as Quagga, a deleted interface stays known (without an ifindex)
	[ "$(connected)" = "$base" ]
}
wait_for "$KNOW_SECS" gone || { vty a 2601 "show ip route summary"; tail -5 "$TDIR/zebra.log"; fail "zebra did not forget the deleted interfaces"; }
wait_for 20 sh -c "[ \"\$(cut -d' ' -f2 $TDIR/zcount.out 2>/dev/null)\" = $N ]" ||
	fail "zserv client told about $(cut -d' ' -f2 "$TDIR/zcount.out") deletions, not $N"
pass "all $N removed"
kill -0 "$PID_zebra" || fail "zebra died"
pass "zebra_ifburst"
