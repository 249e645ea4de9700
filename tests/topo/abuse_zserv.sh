#!/bin/bash
# zebra's zserv server under abuse (TCP 127.0.0.1:2600 and zserv.api).
#
# A python3 client in zebra's namespace runs, at the same time:
#   - random-byte clients in a loop (TCP and Unix socket), and clients of
#     well-framed garbage: bad marker and version, lengths below 8 and
#     above 4096, unknown commands, impossible prefix lengths, nexthop
#     counts that overrun the body, half a message and then silence;
#   - 300 clients at once, each asking ROUTER_ID_ADD and waiting for its
#     ROUTER_ID_UPDATE;
#   - a pusher (HELLO rip) churning 20,000 routes through zebra;
#   - a client that subscribes to the redistribution of those routes and
#     never reads, with a tiny receive buffer;
#   - a good client measuring IPV4_NEXTHOP_LOOKUP round trips.
# Checks: zebra stays up; the 300 clients all get their answer; the good
# client's latency stays low; zebra's RSS stays bounded (the non-reader's
# queue is bounded); the pushed routes reach the kernel; afterwards the
# vty answers and the garbage clients are gone.
. "$(dirname "$0")/lib/netns.sh"
need_root() { [ "$(id -u)" = 0 ] || { echo "SKIP: needs root"; exit 77; }; }
need_root
topo_init abuse_zserv
SECS=${ABUSE_SECS:-25}

ns_add z >/dev/null
veth z eth0 z eth0p
ns z ip addr add 10.9.0.1/24 dev eth0
ns z ip addr add 10.9.0.2/24 dev eth0p
d=$TDIR/z
mkdir -p "$d"
printf 'hostname z\npassword zebra\n' >"$TDIR/zebra.conf"
start_daemon z zebra "$TARPAN_BUILD/zebra/zebra" -f "$TDIR/zebra.conf" -i "$d/zebra.pid" \
	-z "$d/zserv.api" --vty_socket "$d"
ZEBRA=$PID_zebra
wait_for 10 test -S "$d/zserv.api" || fail "zebra did not start"
wait_for 10 vty z 2601 "show version" || fail "zebra's vty does not answer"

cat >"$TDIR/zabuse.py" <<'PY'
"""Abuse zebra's zserv server. usage: zabuse.py UNIXPATH SECS"""
import os, random, socket, statistics, struct, sys, threading, time

UNIX, SECS = sys.argv[1], float(sys.argv[2])
stop = time.time() + SECS
st = {"garbage": 0, "many_ok": 0, "pushed": 0, "lookup": [], "errors": []}

def msg(cmd, body=b"", marker=255, ver=3, length=None):
    n = 8 + len(body) if length is None else length
    return struct.pack("!HBBHH", n, marker, ver, 0, cmd) + body

def retry(make):
    """Connect as zclient does: a full accept queue means try again."""
    end = time.time() + 10
    while True:
        try:
            return make()
        except (BlockingIOError, ConnectionRefusedError, socket.timeout):
            if time.time() > end:
                raise
            time.sleep(0.01)

def tcp():
    return retry(lambda: socket.create_connection(("127.0.0.1", 2600), timeout=5))

def unix():
    def make():
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(5)
        try:
            s.connect(UNIX)
        except OSError:
            s.close()
            raise
        return s
    return retry(make)

def recv_msg(s):
    h = b""
    while len(h) < 8:
        d = s.recv(8 - len(h))
        if not d:
            raise EOFError
        h += d
    n, _, _, _, cmd = struct.unpack("!HBBHH", h)
    body = b""
    while len(body) < n - 8:
        d = s.recv(n - 8 - len(body))
        if not d:
            raise EOFError
        body += d
    return cmd, body

def route(cmd, i):
    a = struct.pack("!BBB", 10, 100 + (i >> 8) % 100, i & 255)
    body = struct.pack("!BBBHB", 4, 0, 0x09, 1, 24) + a
    # one nexthop of type IPV4 (3), metric 2
    body += struct.pack("!BB4s", 1, 3, socket.inet_aton("10.9.0.2")) + struct.pack("!I", 2)
    return msg(cmd, body)

GARBAGE = [
    lambda: msg(23, b"\x04", marker=0),
    lambda: msg(23, b"\x04", ver=2),
    lambda: msg(23, b"\x04", ver=99),
    lambda: msg(23, b"", length=3),
    lambda: msg(23, b"", length=7),
    lambda: msg(23, b"", length=65535),
    lambda: msg(23, b"x" * 5000),
    lambda: msg(999, b"abc"),
    lambda: msg(0, b""),
    lambda: msg(23, b""),                                       # HELLO without a type
    lambda: msg(23, b"\x00"), lambda: msg(23, b"\x63"),
    lambda: msg(7, struct.pack("!BBBHB", 4, 0, 0x09, 1, 200) + b"\x0a" * 25),  # prefixlen 200
    lambda: msg(7, struct.pack("!BBBHB", 4, 0, 0x09, 1, 24) + b"\x0a\x01\x02" + b"\xff\x02"),  # 255 nexthops
    lambda: msg(7, struct.pack("!BBBHB", 4, 0, 0x01, 1, 24) + b"\x0a\x01\x02\x01\x07"),  # bad nexthop type
    lambda: msg(9, struct.pack("!BBBHB", 4, 0, 0x09, 1, 129) + b"\x20" * 17),
    lambda: msg(11, b"\xc8"), lambda: msg(11, b""), lambda: msg(12, b"\x00"),
    lambda: msg(15, b"\x01\x02"),                              # short lookup
    lambda: msg(1, b"\x01" * 100), lambda: msg(19, b"x"),
    lambda: msg(7, b"", length=100),                           # half a message, then...
    lambda: os.urandom(random.randrange(1, 9000)),
    lambda: msg(random.randrange(65536), os.urandom(random.randrange(0, 200))),
]

def garbage_loop(k):
    hold = []
    while time.time() < stop:
        try:
            s = unix() if random.random() < 0.5 else tcp()
            s.sendall(random.choice(GARBAGE)())
            if random.random() < 0.1 and len(hold) < 20:
                hold.append(s)        # half-open: keep it, say nothing more
            else:
                s.close()
            st["garbage"] += 1
        except OSError:
            time.sleep(0.01)
    for s in hold:
        s.close()

def many():
    socks = []
    for i in range(300):
        try:
            s = unix() if i % 2 else tcp()
            socks.append(s)
        except OSError as e:
            st["errors"].append("connect %d: %s" % (i, e))
    for s in socks:
        s.sendall(msg(20))
    for s in socks:
        try:
            s.settimeout(15)
            while True:
                cmd, _ = recv_msg(s)
                if cmd == 22:
                    st["many_ok"] += 1
                    break
        except (OSError, EOFError) as e:
            st["errors"].append("many: %s" % e)
    for s in socks:
        s.close()

def pusher():
    s = tcp()
    s.sendall(msg(23, b"\x04"))
    n = 0
    while time.time() < stop - 3:
        for add in (7, 8):
            batch = b"".join(route(add, i) for i in range(20000))
            s.settimeout(30)
            s.sendall(batch)
            n += 20000
            s.settimeout(0.001)
            try:
                while s.recv(65536):
                    pass
            except OSError:
                pass
        st["pushed"] = n
    s.settimeout(30)
    s.sendall(b"".join(route(7, i) for i in range(20000)))
    time.sleep(1)
    st["pusher"] = s     # keep the routes: closing would withdraw them

def non_reader():
    s = unix()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.sendall(msg(1) + msg(11, b"\x04") + msg(13))
    st["nonreader"] = s

def good():
    s = unix()
    s.settimeout(10)
    while time.time() < stop:
        t0 = time.time()
        s.sendall(msg(15, socket.inet_aton("10.9.0.77")))
        while True:
            cmd, _ = recv_msg(s)
            if cmd == 15:
                break
        st["lookup"].append((time.time() - t0) * 1000)
        time.sleep(0.05)
    s.close()

non_reader()
ts = [threading.Thread(target=garbage_loop, args=(k,)) for k in range(4)]
ts += [threading.Thread(target=pusher), threading.Thread(target=good)]
for t in ts:
    t.daemon = True
    t.start()
time.sleep(SECS / 2)
many()
for t in ts:
    t.join(timeout=30)
lat = sorted(st["lookup"])
p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else 1e9
print("garbage connections %d; 300 clients answered %d; routes pushed %d" % (
    st["garbage"], st["many_ok"], st["pushed"]))
print("good client IPV4_NEXTHOP_LOOKUP: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms" % (
    len(lat), statistics.median(lat) if lat else -1, p99, lat[-1] if lat else -1))
for e in st["errors"][:5]:
    print("error:", e)
ok = st["many_ok"] == 300 and p99 < 1000 and st["garbage"] > 100 and len(lat) > 10
print("RESULT", "ok" if ok else "bad")
sys.stdout.flush()
time.sleep(float(os.environ.get("HOLD", "0")))
sys.exit(0 if ok else 1)
PY

rss0=$(awk '/VmRSS/ {print $2}' /proc/$ZEBRA/status)
fd0=$(ls /proc/$ZEBRA/fd | wc -l)
ns z env HOLD=${HOLD:-40} python3 "$TDIR/zabuse.py" "$d/zserv.api" "$SECS" >"$TDIR/zabuse.out" 2>&1 &
ABUSER=$!
TOPO_PIDS+=($ABUSER)
maxrss=$rss0
end=$(( $(date +%s) + SECS + 6 ))
while [ "$(date +%s)" -lt $end ]; do
	kill -0 "$ZEBRA" || { cat "$TDIR/zabuse.out"; fail "zebra died under zserv abuse"; }
	rss=$(awk '/VmRSS/ {print $2}' /proc/$ZEBRA/status)
	[ "$rss" -gt "$maxrss" ] && maxrss=$rss
	t0=$(date +%s%N)
	vty z 2601 "show ip route summary" >/dev/null || fail "zebra's vty failed under zserv abuse"
	echo "abuse: zebra RSS ${rss} kB, vty $(( ($(date +%s%N) - t0) / 1000000 )) ms"
	sleep 2
done
# the pusher's last 20,000 routes are in place while the abuser holds them
wait_for 20 bash -c "[ \$(ip netns exec $P-z ip route | grep -c '^10\.1[0-9][0-9]\..* via 10\.9\.0\.2 .*proto \(zebra\|11\)') -ge 20000 ]" ||
	{ ns z ip route | grep -c via; fail "the pushed routes did not all reach the kernel"; }
wait "$ABUSER"; rc=$?
cat "$TDIR/zabuse.out"
kill -0 "$ZEBRA" || fail "zebra died under zserv abuse"
echo "zebra RSS ${rss0} kB before, peak ${maxrss} kB during the abuse"
[ $rc = 0 ] || fail "zserv clients not served (see above)"
[ $((maxrss - rss0)) -lt 262144 ] || fail "zebra grew by $((maxrss - rss0)) kB"
pass "zserv abuse: zebra kept serving, answered 300 clients, stayed bounded"
wait_for 20 bash -c "[ \$(ip netns exec $P-z python3 $VTYCMD -P 2601 'show zebra client' | grep -c 'Client:') -le 1 ]" ||
	{ vty z 2601 "show zebra client" | head -20; fail "garbage clients still listed"; }
wait_for 20 bash -c "[ \$(ls /proc/$ZEBRA/fd | wc -l) -le $((fd0 + 2)) ]" ||
	fail "zebra holds $(ls /proc/$ZEBRA/fd | wc -l) fds after the abuse ($fd0 before)"
pass "the abusive clients are gone (zebra back to $(ls /proc/$ZEBRA/fd | wc -l) fds)"
