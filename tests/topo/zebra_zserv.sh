#!/bin/bash
# zebra's zserv server against recorded Quagga 1.2.4 exchanges (runs.md §8-9):
# the handshake of capture 1 and the nexthop registration of capture 2 must
# get the recorded answers byte for byte; then a 10,000-route client whose
# routes must reach the kernel and leave it when the client disconnects;
# then garbage from clients (bad marker, version, length, truncated body,
# impossible prefix length, half a message then silence): each such client
# is dropped and a well-behaved client is still served.
. "$(dirname "$0")/lib/netns.sh"
topo_init zzserv
ZEBRA=$TARPAN_BUILD/zebra/zebra
PUSH=$TARPAN_BUILD/tests/helpers/zclient_push
[ -x "$ZEBRA" ] && [ -x "$PUSH" ] || { echo "zebra or zclient_push not built"; exit 77; }

ns_add a >/dev/null
ns a ip link add veth0 type veth peer name veth1
ns a ip link set veth0 address 02:00:00:00:00:01
ns a ip link set veth1 address 02:00:00:00:00:02
ns a ip addr add 10.0.0.1/24 dev veth0
ns a ip link set veth0 up
ns a ip link set veth1 up
ns a sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.veth0.accept_dad=0 net.ipv6.conf.veth1.accept_dad=0
wait_for 5 sh -c "ip -n $P-a -6 addr show dev veth1 | grep -q fe80" || fail "no link-local address"
cat >"$TDIR/zebra.conf" <<CONF
hostname qzebra
password zebra
enable password zebra
interface veth1
 description test link B
 ip address 10.0.1.1/24
ip route 192.168.100.0/24 10.0.0.2
ip route 192.168.200.0/24 Null0
CONF
start_daemon a zebra "$ZEBRA" -f "$TDIR/zebra.conf" -i "$TDIR/zebra.pid" -z "$TDIR/zserv.api"
wait_for 10 ns a sh -c "ip route | grep -q 192.168.200.0" || fail "zebra did not install its statics"
wait_for 5 test -S "$TDIR/zserv.api" || fail "no zserv.api socket"
sleep 0.5

ns a python3 - "$TDIR/zserv.api" <<'PY' || fail "zserv exchanges differ from the recording"
import socket, sys, time
path = sys.argv[1]
def tcp():
    s = socket.create_connection(("127.0.0.1", 2600), timeout=5); return s
def unix():
    s = socket.socket(socket.AF_UNIX); s.settimeout(5); s.connect(path); return s
def h(x): return bytes.fromhex(x.replace(" ", ""))
def read_msgs(s, n, timeout=3):
    out, buf, end = [], b"", time.time() + timeout
    while len(out) < n and time.time() < end:
        while len(buf) >= 2 and len(buf) >= int.from_bytes(buf[:2], "big") and len(out) < n:
            l = int.from_bytes(buf[:2], "big"); out.append(buf[:l]); buf = buf[l:]
        if len(out) >= n: break
        try:
            d = s.recv(65536)
        except socket.timeout:
            break
        if not d: break
        buf += d
    return out
ok = True
def check(name, got, want):
    global ok
    for i, w in enumerate(want):
        g = got[i] if i < len(got) else b""
        if g != h(w):
            print("MISMATCH %s #%d\n  want %s\n  got  %s" % (name, i, h(w).hex(), g.hex())); ok = False
    if len(got) == len(want) and ok: print("ok: %s (%d messages)" % (name, len(want)))
pad = lambda name: name.encode().hex() + "00" * (20 - len(name))
hs = ["0009ff030000001704", "0008ff0300000014", "0008ff0300000001", "0009ff030000000b02", "0009ff030000000b03"]
want = [
 "000eff0300000016020a00010120",
 "0042ff0300000001" + pad("lo") + "00000001" + "05" + "0000000000010049" + "00000000" + "00010000" * 2 + "00000000" + "0000001e" + "00000000" + "00",
 "0017ff0300000003" + "00000001" + "00" + "02" + "7f000001" + "08" + "00000000",
 "002fff0300000003" + "00000001" + "00" + "0a" + "00" * 15 + "01" + "80" + "00" * 16,
 "0048ff0300000001" + pad("veth0") + "00000003" + "05" + "0000000000011043" + "00000000" + "000005dc" * 2 + "00000000" + "00000001" + "00000006" + "020000000001" + "00",
 "0017ff0300000003" + "00000003" + "00" + "02" + "0a000001" + "18" + "00000000",
 "002fff0300000003" + "00000003" + "00" + "0a" + "fe80000000000000000000fffe000001" + "40" + "00" * 16,
 "0048ff0300000001" + pad("veth1") + "00000002" + "05" + "0000000000011043" + "00000000" + "000005dc" * 2 + "00000000" + "00000001" + "00000006" + "020000000002" + "00",
 "002fff0300000003" + "00000002" + "00" + "0a" + "fe80000000000000000000fffe000002" + "40" + "00" * 16,
 "0017ff0300000003" + "00000002" + "00" + "02" + "0a000101" + "18" + "0a0001ff",
 "0022ff0300000007" + "02101f18" + "0a0000" + "01" + "00000000" + "01" + "00000003" + "00" + "00000000" + "00000000",
 "0022ff0300000007" + "02101f18" + "0a0001" + "01" + "00000000" + "01" + "00000002" + "00" + "00000000" + "00000000",
 "0022ff0300000007" + "03101f18" + "c0a864" + "01" + "0a000002" + "01" + "00000003" + "01" + "00000000" + "00000000",
 "0022ff0300000007" + "03141f18" + "c0a8c8" + "01" + "00000000" + "01" + "00000000" + "01" + "00000000" + "00000000",
]
s = tcp()
for m in hs: s.sendall(h(m))
check("capture 1 handshake (ripd, TCP)", read_msgs(s, len(want)), want)
s.close()
# capture 2: bgpd registers 10.0.0.2/32 (connected) over the Unix socket
s = unix()
for m in ["0009ff030000001709", "0008ff0300000014", "0008ff0300000001"]: s.sendall(h(m))
read_msgs(s, 8)
s.sendall(h("0010ff030000001b010002200a000002"))
check("capture 2 nexthop tracking", read_msgs(s, 2),
      ["0014ff030000001d0002200a0000020000000000", "0019ff030000001d0002200a000002000000000101 00000003"])
s.close()
# garbage: each bad client is dropped; a good one is served afterwards
bad = {
 "bad marker": "0008fe0300000014",
 "bad version": "0008ff0200000014",
 "length below 8": "0004ff0300000014",
 "length above 4096": "1001ff0300000014",
 "truncated HELLO body": "0008ff0300000017",
 "impossible prefixlen": "0012ff030000000709000100012100000000",
 "nexthop count overrun": "0013ff03000000070900010001180a0000 05",
}
for name, m in bad.items():
    g = unix(); g.sendall(h(m))
    try:
        d = g.recv(100)
        closed = (d == b"")
    except (ConnectionResetError, socket.timeout):
        closed = True
    if not closed: print("NOT DROPPED:", name); ok = False
    else: print("ok: dropped client sending", name)
    g.close()
half = unix(); half.sendall(h("0020ff03000000"))
t0 = time.time(); half.settimeout(9)
try:
    d = half.recv(100); dropped = d == b""
except (ConnectionResetError, socket.timeout):
    dropped = False
print(("ok: half message dropped after %.1fs" % (time.time() - t0)) if dropped else "NOT DROPPED: half message"); ok = ok and dropped
u = unix(); u.sendall(h("0008ff0300000014"))
check("good client after garbage", read_msgs(u, 1), ["000eff0300000016020a00010120"])
u.sendall(h("0008ff030000003f"))  # unknown command: ignored, not dropped
u.sendall(h("0008ff0300000014"))
check("unknown command ignored", read_msgs(u, 1), ["000eff0300000016020a00010120"])
sys.exit(0 if ok else 1)
PY
pass "recorded exchanges and garbage"

# 10,000 routes from a client appear in the kernel and leave with it
ns a "$PUSH" -z "$TDIR/zserv.api" -n 10000 -w 4 >/dev/null &
wait_for 10 ns a sh -c '[ $(ip route | grep -c "proto zebra") -ge 10002 ]' || fail "10,000 client routes did not reach the kernel"
pass "10,000 client routes in the kernel"
wait_for 15 ns a sh -c '[ $(ip route | grep -c "proto zebra") -eq 2 ]' || fail "client routes stayed after the client left"
pass "client routes removed on disconnect"
grep -q "disconnected. 10000 bgp routes removed" "$TDIR/zebra.log" || fail "no disconnect log line"
kill -0 $PID_zebra || fail "zebra died"
pass "zebra_zserv"
