#!/bin/bash
# The vty under abuse while ripd keeps routing.
#
#   r1 (Tarpan zebra + ripd, 20,000 prefix-list lines) eth0 ---- eth0 r2 (Tarpan)
#
# In r1's namespace a python3 client opens, against ripd's telnet vty
# (2602): 100 logged-in sessions that type now and then; clients that
# flood random bytes (telnet IAC/SB sequences included); clients that send
# an endless line without a newline; half-open connections that never
# send or read, or stop inside a telnet subnegotiation; a slow reader of
# `show running-config` (~1 MB) and a client that asks for it ten times
# and never reads. Meanwhile a clean session measures `show version`.
# Checks: the clean session's p99 and worst latency stay low; r2 keeps
# hearing r1 on schedule and keeps its routes; ripd's memory stays bounded
# (the non-reader is cut off at the output bound); afterwards ripd still
# answers and the abusive sessions are gone.
. "$(dirname "$0")/lib/netns.sh"
. "$(dirname "$0")/lib/ripd.sh"
need_root
topo_init abuse_vty
SECS=${ABUSE_SECS:-25}

ns_add r1 >/dev/null
ns_add r2 >/dev/null
veth r1 eth0 r2 eth0
veth r1 lan r1 lanp
ns r1 ip addr add 10.0.12.1/24 dev eth0
ns r2 ip addr add 10.0.12.2/24 dev eth0
ns r1 ip addr add 192.168.1.1/24 dev lan
zebra_conf r1
zebra_conf r2
pl=()
for i in $(seq 1 20000); do
	pl+=("ip prefix-list BIG seq $((i * 5)) permit 10.$((i / 256 % 256)).$((i % 256)).0/24 le 32")
done
ripd_conf r1 "router rip" " timers basic 5 15 10" " network 10.0.12.0/24" " network lan" "${pl[@]}"
ripd_conf r2 "router rip" " timers basic 5 15 10" " network 10.0.12.0/24"
rip_router r1
rip_router r2
RIPD=$PID_r1_ripd
wait_for 30 rip_has r2 '^R\(n\) 192\.168\.1\.0/24 +10\.0\.12\.1 +2 ' ||
	{ rip_show r2 "show ip rip"; fail "r2 did not learn r1's LAN"; }
pass "r1 (20,000 prefix-list lines) and r2 exchange routes"

cat >"$TDIR/vtyabuse.py" <<'PY'
"""Abuse a telnet vty; measure a clean session. usage: vtyabuse.py PORT SECS"""
import os, random, socket, statistics, sys, threading, time

PORT, SECS = int(sys.argv[1]), float(sys.argv[2])
HOST = "127.0.0.1"
stop = time.time() + SECS
stats = {"sessions": 0, "flood_bytes": 0, "slow_bytes": 0, "errors": 0}
lock = threading.Lock()

def connect():
    s = socket.create_connection((HOST, PORT), timeout=10)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s

def read_until(s, tails, limit=10.0):
    buf = b""
    end = time.time() + limit
    while time.time() < end:
        s.settimeout(max(0.05, end - time.time()))
        try:
            d = s.recv(65536)
        except socket.timeout:
            break
        if not d:
            raise EOFError("closed")
        buf += d
        if any(buf.rstrip(b" ").endswith(t) for t in tails):
            return buf
    raise TimeoutError("no prompt; got %r" % buf[-200:])

def login(s):
    read_until(s, [b"Password:"])
    s.sendall(b"zebra\r\n")
    read_until(s, [b">"])
    s.sendall(b"enable\r\n")
    read_until(s, [b"#"])
    s.sendall(b"terminal length 0\r\n")
    read_until(s, [b"#"])

def idle_session(i):
    try:
        s = connect()
        login(s)
        with lock:
            stats["sessions"] += 1
        while time.time() < stop:
            time.sleep(random.uniform(0.5, 3))
            s.sendall(random.choice([b"show version\r\n", b"who\r\n", b"show ip rip\r\n",
                                     b"sh ip rip st\r\n", b"show \t", b"show ?", b"\x15"]))
            try:
                s.settimeout(0.5)
                s.recv(65536)
            except OSError:
                pass
        s.close()
    except Exception as e:
        with lock:
            stats["errors"] += 1
        print("idle session", i, "failed:", e)

def flooder(i):
    rnd = random.Random(i)
    while time.time() < stop:
        try:
            s = connect()
            s.settimeout(0.01)
            while time.time() < stop:
                chunk = bytearray(os.urandom(4096))
                for _ in range(20):   # telnet commands among the noise
                    k = rnd.randrange(len(chunk) - 4)
                    chunk[k:k + 3] = bytes([255, rnd.choice([250, 251, 252, 253, 254, 255]), 31])
                s.sendall(bytes(chunk))
                with lock:
                    stats["flood_bytes"] += len(chunk)
                try:
                    s.recv(65536)   # read a little, as a real client would
                except OSError:
                    pass
        except OSError:
            time.sleep(0.05)     # closed by the daemon: come back

def endless_line(i):
    try:
        s = connect()
        login(s)
        s.settimeout(0.05)
        while time.time() < stop:
            s.sendall(b"show " + b"x" * 8192)
            try:
                s.recv(65536)
            except OSError:
                pass
    except OSError:
        pass

def half_open(i, hold):
    try:
        s = connect()
        if i % 2:
            s.sendall(bytes([255, 250, 31, 0, 80]))   # SB NAWS, never ended
        hold.append(s)
    except OSError:
        pass

def slow_reader():
    s = connect()
    login(s)
    s.sendall(b"show running-config\r\n")
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    got = 0
    s.settimeout(1)
    while time.time() < stop:
        try:
            d = s.recv(1024)
        except socket.timeout:
            continue
        if not d:
            break
        got += len(d)
        time.sleep(0.05)   # about 20 KB/s
    stats["slow_bytes"] = got
    s.close()

def non_reader(hold):
    s = connect()
    login(s)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    for _ in range(10):
        try:
            s.sendall(b"show running-config\r\n")
        except OSError:
            break
    hold.append(s)

def clean(lat):
    s = connect()
    login(s)
    while time.time() < stop:
        t0 = time.time()
        s.sendall(b"show version\r\n")
        read_until(s, [b"#"])
        lat.append((time.time() - t0) * 1000)
        time.sleep(0.1)
    s.close()

hold, lat, threads = [], [], []
for i in range(100):
    threads.append(threading.Thread(target=idle_session, args=(i,)))
for i in range(8):
    threads.append(threading.Thread(target=flooder, args=(i,)))
for i in range(4):
    threads.append(threading.Thread(target=endless_line, args=(i,)))
threads.append(threading.Thread(target=slow_reader))
threads.append(threading.Thread(target=non_reader, args=(hold,)))
for i in range(30):
    half_open(i, hold)
for t in threads:
    t.daemon = True
    t.start()
time.sleep(2)
clean(lat)
for t in threads:
    t.join(timeout=15)
lat.sort()
p50 = statistics.median(lat)
p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
print("clean show version: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms" % (len(lat), p50, p99, lat[-1]))
print("logged-in sessions %d (errors %d), flooded %d KB, slow reader got %d KB" % (
    stats["sessions"], stats["errors"], stats["flood_bytes"] // 1024, stats["slow_bytes"] // 1024))
for s in hold:
    s.close()
ok = p99 < 200 and lat[-1] < 1000 and stats["sessions"] >= 95 and stats["slow_bytes"] > 0
print("RESULT", "ok" if ok else "bad")
sys.exit(0 if ok else 1)
PY

rss0=$(awk '/VmRSS/ {print $2}' /proc/$RIPD/status)
ns r1 python3 "$TDIR/vtyabuse.py" 2602 "$SECS" >"$TDIR/vtyabuse.out" 2>&1 &
ABUSER=$!
TOPO_PIDS+=($ABUSER)
end=$(( $(date +%s) + SECS ))
maxrss=$rss0
while [ "$(date +%s)" -lt $end ]; do
	kill -0 "$RIPD" || fail "ripd died under vty abuse"
	rss=$(awk '/VmRSS/ {print $2}' /proc/$RIPD/status)
	[ "$rss" -gt "$maxrss" ] && maxrss=$rss
	out=$(rip_show r2 "show ip rip status" "show ip rip") || fail "r2's vty failed"
	echo "$out" | grep -Eq '^R\(n\) 192\.168\.1\.0/24 +10\.0\.12\.1 +2 ' ||
		{ echo "$out"; fail "r2 lost r1's route during the vty abuse"; }
	up=$(echo "$out" | grep -E '^    10\.0\.12\.1 ' | awk '{print $NF}')
	secs=$(( 10#${up:3:2} * 60 + 10#${up:6:2} ))
	echo "abuse: r2 last heard r1 ${secs} s ago, ripd RSS ${rss} kB"
	[ "$secs" -le 9 ] || fail "r1's RIP updates late by the vty abuse ($secs s)"
	sleep 2
done
wait "$ABUSER"; rc=$?
cat "$TDIR/vtyabuse.out"
kill -0 "$RIPD" || fail "ripd died under vty abuse"
echo "ripd RSS ${rss0} kB before, peak ${maxrss} kB during the abuse"
[ $((maxrss - rss0)) -lt 131072 ] || fail "ripd grew by $((maxrss - rss0)) kB"
[ $rc = 0 ] || fail "vty latency or sessions out of bounds (see above)"
wait_for 20 bash -c "[ \$(ip netns exec $P-r1 python3 $VTYCMD -P 2602 who | grep -c 'vty\\[') -le 2 ]" ||
	{ rip_show r1 who | head; fail "abusive sessions still open"; }
rip_show r1 "show version" >/dev/null || fail "ripd does not answer after the abuse"
pass "vty abuse: ripd kept its RIP schedule, its memory and a responsive clean session"
