#!/bin/bash
# ripd under attack: malformed RIP packets and a spoofed flood against a
# Tarpan ripd that keeps a legitimate neighbour.
#
#   r2 (Tarpan, legit) eth0 10.0.12.2 ---- 10.0.12.1 eth0  r1 (Tarpan)
#   atk eth0 10.0.13.2 ----------------- 10.0.13.1 eth1  r1   (no auth)
#   atk eth1 10.0.14.2 ----------------- 10.0.14.1 eth2  r1   (md5 key chain)
#
# The attacker is a python3 raw sender (socket module, no scapy): bad
# version, command, AFI, lengths, metric 0/17/huge, martian prefixes and
# next hops, bad and truncated authentication, oversized datagrams, then a
# flood of thousands of packets per second from many (spoofed) sources.
# Checks: ripd stays up; `show ip rip status` counts bad packets and bad
# routes for the sender; no bad route enters `show ip rip` or the kernel
# while the good entry of a mixed packet does; r2's routes keep flowing
# and its timers hold during the flood (no timeout, r1 keeps updating r2);
# ripd's memory stays bounded; the vty answers during the flood.
. "$(dirname "$0")/lib/netns.sh"
. "$(dirname "$0")/lib/ripd.sh"
need_root
topo_init abuse_rip
FLOOD_SECS=${ABUSE_FLOOD_SECS:-20}
FLOOD_PPS=${ABUSE_FLOOD_PPS:-5000}

ns_add r1 >/dev/null
ns_add r2 >/dev/null
ns_add atk >/dev/null
veth r1 eth0 r2 eth0
veth r1 eth1 atk eth0
veth r1 eth2 atk eth1
veth r2 lan r2 lanp
ns r1 ip addr add 10.0.12.1/24 dev eth0
ns r2 ip addr add 10.0.12.2/24 dev eth0
ns r1 ip addr add 10.0.13.1/24 dev eth1
ns atk ip addr add 10.0.13.2/24 dev eth0
ns r1 ip addr add 10.0.14.1/24 dev eth2
ns atk ip addr add 10.0.14.2/24 dev eth1
ns r2 ip addr add 192.168.2.1/24 dev lan
# the worst case: r1 takes packets from any source on the attacker's link
for k in all default eth1 eth2; do ns r1 sysctl -qw net.ipv4.conf.$k.rp_filter=0; done

zebra_conf r1
zebra_conf r2
ripd_conf r1 "key chain KC" " key 1" "  key-string right" \
	"interface eth2" " ip rip authentication mode md5" " ip rip authentication key-chain KC" \
	"router rip" " timers basic 5 15 10" " network 10.0.0.0/8"
ripd_conf r2 "router rip" " timers basic 5 15 10" " network 10.0.12.0/24" " network lan"
rip_router r1
rip_router r2
RIPD=$PID_r1_ripd

wait_for 30 rip_has r1 '^R\(n\) 192\.168\.2\.0/24 +10\.0\.12\.2 +2 ' ||
	{ rip_show r1 "show ip rip"; fail "r1 did not learn r2's LAN"; }
wait_for 30 rip_has r2 '^R\(n\) 10\.0\.13\.0/24 +10\.0\.12\.1 +2 ' ||
	{ rip_show r2 "show ip rip"; fail "r2 did not learn r1's networks"; }
pass "r1 and r2 exchange routes"

cat >"$TDIR/ripatk.py" <<'PY'
"""Malformed RIP sender. usage: ripatk.py malformed|flood SECS PPS"""
import os, random, socket, struct, sys, time

R1A, R1B = "10.0.13.1", "10.0.14.1"

def hdr(cmd=2, ver=2, zero=0):
    return struct.pack("!BBH", cmd, ver, zero)

def rte(addr, mask="255.255.255.0", metric=1, afi=2, tag=0, nh="0.0.0.0"):
    return struct.pack("!HH4s4s4sI", afi, tag, socket.inet_aton(addr),
                       socket.inet_aton(mask), socket.inet_aton(nh), metric)

def udp(src, dst, payload, sport=520):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((src, sport))
    try:
        s.sendto(payload, (dst, 520))
    except OSError as e:
        print("send", len(payload), e)
    s.close()

def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff)
    s += s >> 16
    return ~s & 0xffff

def ip_udp(src, dst, payload, sport=520):
    """An IPv4+UDP datagram with any source address (IP_HDRINCL)."""
    ulen = 8 + len(payload)
    u = struct.pack("!HHHH", sport, 520, ulen, 0) + payload
    ph = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!BBH", 0, 17, ulen)
    c = csum(ph + u) or 0xffff
    u = u[:6] + struct.pack("!H", c) + u[8:]
    iph = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + ulen, random.getrandbits(16), 0,
                      1, 17, 0, socket.inet_aton(src), socket.inet_aton(dst))
    return iph + u

GOOD = "198.51.100.0"   # the one good entry of a mixed packet
BAD_ROUTES = [            # (prefix, mask, metric, nexthop)
    ("203.0.113.0", "255.255.255.0", 0, "0.0.0.0"),
    ("203.0.113.64", "255.255.255.192", 17, "0.0.0.0"),
    ("203.0.113.128", "255.255.255.128", 0xffffffff, "0.0.0.0"),
    ("127.0.0.0", "255.0.0.0", 1, "0.0.0.0"),
    ("127.0.0.1", "255.255.255.255", 1, "0.0.0.0"),
    ("224.1.2.0", "255.255.255.0", 1, "0.0.0.0"),
    ("240.0.0.0", "240.0.0.0", 1, "0.0.0.0"),
    ("255.255.255.255", "255.255.255.255", 1, "0.0.0.0"),
    ("0.1.2.0", "255.255.255.0", 1, "0.0.0.0"),
]

def malformed():
    src = "10.0.13.2"
    pk = []
    pk.append(hdr(ver=0) + rte("203.0.113.0"))
    pk.append(hdr(ver=9) + rte("203.0.113.0"))
    pk.append(hdr(cmd=0) + rte("203.0.113.0"))
    pk.append(hdr(cmd=7) + rte("203.0.113.0"))
    pk.append(hdr(cmd=99) + rte("203.0.113.0"))
    pk.append(hdr(cmd=2, ver=1, zero=0x1234) + rte("203.0.113.0"))
    pk.append(hdr() + rte("203.0.113.0", afi=7))
    pk.append(hdr() + rte("203.0.113.0")[:13])           # 17 bytes
    pk.append(hdr() + rte("203.0.113.0") + b"\x00" * 7)  # not a multiple of 20
    pk.append(hdr())                                     # header only
    pk.append(b"\x02\x02\x00")                           # 3 bytes
    pk.append(b"")                                       # empty
    # a mixed packet: the bad entries are skipped and counted, the good one is taken
    mixed = hdr()
    for a, m, metric, nh in BAD_ROUTES:
        mixed += rte(a, m, metric, nh=nh)
    mixed += rte("192.0.2.1", "255.255.255.0")           # host bits set
    mixed += rte("198.18.0.0", "255.254.0.0", nh="127.0.0.1")   # martian next hop
    mixed += rte(GOOD, metric=3)
    pk.append(mixed)
    # oversized: 26, 100 and 1000 entries (the kernel fragments the big ones)
    for n in (26, 100, 1000):
        pk.append(hdr() + b"".join(rte("203.0.%d.0" % (i % 250)) for i in range(n)))
    # simple-password and MD5 authentication where none is configured
    pk.append(hdr() + struct.pack("!HH16s", 0xffff, 2, b"password") + rte("203.0.113.0"))
    # a response from a port other than 520
    for p in pk:
        udp(src, R1A, p)
    udp(src, R1A, hdr() + rte("203.0.114.0"), sport=5200)
    # the md5 interface: no auth, wrong type, truncated trailer, bad digest, bad key id
    asrc = "10.0.14.2"
    body = rte("203.0.115.0")
    md5hdr = lambda plen, keyid=1, alen=16, seq=1: struct.pack(
        "!HHHBBI8s", 0xffff, 3, plen, keyid, alen, seq, b"\0" * 8)
    plen = 4 + 20 + 20
    a = []
    a.append(hdr() + body)
    a.append(hdr() + struct.pack("!HH16s", 0xffff, 2, b"right") + body)
    a.append(hdr() + md5hdr(plen) + body)                                   # no trailer
    a.append(hdr() + md5hdr(plen) + body + struct.pack("!HH", 0xffff, 1) + b"\x01" * 5)  # truncated
    a.append(hdr() + md5hdr(plen) + body + struct.pack("!HH", 0xffff, 1) + b"\x01" * 16)  # bad digest
    a.append(hdr() + md5hdr(plen, alen=200) + body + struct.pack("!HH", 0xffff, 1) + b"\x01" * 16)
    a.append(hdr() + md5hdr(9999) + body + struct.pack("!HH", 0xffff, 1) + b"\x01" * 16)
    a.append(hdr() + md5hdr(2) + body + struct.pack("!HH", 0xffff, 1) + b"\x01" * 16)
    a.append(hdr() + md5hdr(plen, keyid=77) + body + struct.pack("!HH", 0xffff, 1) + b"\x01" * 16)
    a.append(hdr() + md5hdr(plen) + md5hdr(plen) + body)                     # two auth entries
    for p in a:
        udp(asrc, R1B, p)
    print("sent", len(pk) + 1 + len(a), "malformed packets")

def flood(secs, pps):
    """Spoofed sources: the whole attacker subnet and random off-link ones."""
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_HDRINCL, 1)
    kinds = [
        lambda: hdr(ver=random.choice([0, 3, 200])) + rte("203.0.113.0"),
        lambda: hdr(cmd=random.choice([0, 9, 255])) + rte("203.0.113.0"),
        lambda: hdr() + rte("203.0.113.0", metric=random.choice([0, 17, 0xffffffff])),
        lambda: hdr() + rte("127.0.0.0", "255.0.0.0"),
        lambda: hdr() + rte("203.0.113.0", afi=random.randrange(3, 65535)),
        lambda: hdr() + os.urandom(random.randrange(0, 60)),
        lambda: os.urandom(random.randrange(0, 520)),
        lambda: hdr(cmd=1) + rte("0.0.0.0", "0.0.0.0", metric=16, afi=0),  # whole-table request
    ]
    end = time.time() + secs
    sent = 0
    t0 = time.time()
    while time.time() < end:
        if random.random() < 0.5:
            src = "10.0.13.%d" % random.randrange(3, 255)
        else:
            src = "%d.%d.%d.%d" % (random.randrange(1, 224), random.randrange(256),
                                   random.randrange(256), random.randrange(1, 255))
        try:
            s.sendto(ip_udp(src, R1A, random.choice(kinds)()), (R1A, 0))
        except OSError:
            pass
        sent += 1
        ahead = sent / pps - (time.time() - t0)
        if ahead > 0:
            time.sleep(ahead)
    print("flood sent", sent, "packets in", round(time.time() - t0, 1), "s")

if sys.argv[1] == "malformed":
    malformed()
else:
    flood(float(sys.argv[2]), float(sys.argv[3]))
PY

# ---- malformed packets from the attacker's own address ----
ns atk python3 "$TDIR/ripatk.py" malformed || fail "sender failed"
sleep 1
kill -0 "$RIPD" || fail "ripd died on malformed packets"
st=$(rip_show r1 "show ip rip status")
echo "$st" | grep -E '^    10\.0\.1[34]\.2 '
line=$(echo "$st" | grep -E '^    10\.0\.13\.2 ') || { echo "$st"; fail "no peer line for the sender"; }
read -r _ badp badr _ <<<"$line"
[ "$badp" -ge 10 ] || { echo "$st"; fail "bad packets from 10.0.13.2 not counted ($badp)"; }
[ "$badr" -ge 10 ] || { echo "$st"; fail "bad routes from 10.0.13.2 not counted ($badr)"; }
line=$(echo "$st" | grep -E '^    10\.0\.14\.2 ') || { echo "$st"; fail "no peer line for the md5 sender"; }
read -r _ badp _ <<<"$line"
[ "$badp" -ge 9 ] || { echo "$st"; fail "bad auth packets from 10.0.14.2 not counted ($badp)"; }
pass "bad packets and bad routes counted per sender ($line)"

bad_re='^R.* (203\.0\.11[345]\.|127\.|224\.|240\.|255\.255\.255\.255|0\.1\.2\.|192\.0\.2\.|198\.18\.|203\.0\.[0-9]+\.0/24)'
wait_for 10 rip_has r1 "^R\(n\) 198\.51\.100\.0/24 +10\.0\.13\.2 +4 " ||
	{ rip_show r1 "show ip rip"; fail "the good entry of a mixed packet was lost"; }
rip_show r1 "show ip rip" | grep -E "$bad_re" && fail "a bad route entered show ip rip"
ns r1 ip route | grep -E '^(203\.0\.|127\.|224\.|240\.|255\.|0\.1\.2|192\.0\.2|198\.18)' &&
	fail "a bad route entered the kernel"
wait_for 10 kernel_has r1 '^198\.51\.100\.0/24 via 10\.0\.13\.2' ||
	{ ns r1 ip route; fail "the good route did not reach the kernel"; }
pass "no bad route in show ip rip or the kernel; the good entry was taken"

# ---- the flood ----
rss0=$(awk '/VmRSS/ {print $2}' /proc/$RIPD/status)
ns atk python3 "$TDIR/ripatk.py" flood "$FLOOD_SECS" "$FLOOD_PPS" >"$TDIR/flood.out" 2>&1 &
FLOOD=$!
TOPO_PIDS+=($FLOOD)
end=$(( $(date +%s) + FLOOD_SECS ))
maxlat=0
samples=0
while [ "$(date +%s)" -lt $end ]; do
	t0=$(date +%s%N)
	out=$(rip_show r1 "show ip rip status" "show ip rip") || { echo "$out"; fail "r1's vty failed during the flood"; }
	lat=$(( ($(date +%s%N) - t0) / 1000000 ))
	[ $lat -gt $maxlat ] && maxlat=$lat
	echo "$out" | grep -Eq '^R\(n\) 192\.168\.2\.0/24 +10\.0\.12\.2 +2 ' ||
		{ echo "$out"; fail "r2's route lost during the flood"; }
	# r2 is heard every 5 s (+ jitter); on a loaded machine (sanitizer
	# builds) one update may be lost in the flood, but never so many that
	# the 15 s timeout would expire its routes
	up=$(echo "$out" | grep -E '^    10\.0\.12\.2 ' | awk '{print $NF}')
	secs=$(( 10#${up:3:2} * 60 + 10#${up:6:2} ))
	npeers=$(echo "$out" | grep -cE '^    [0-9]+\.')
	echo "flood +$samples s: vty ${lat} ms, r2 last heard ${secs} s ago, $npeers peers listed"
	[ "$secs" -le 13 ] || fail "r2 not heard for $secs s during the flood"
	rip_show r2 "show ip rip" | grep -Eq '^R\(n\) 10\.0\.13\.0/24 +10\.0\.12\.1 +2 ' ||
		{ rip_show r2 "show ip rip"; fail "r1 stopped updating r2 during the flood"; }
	kill -0 "$RIPD" || fail "ripd died during the flood"
	samples=$((samples + 1))
	sleep 1
done
wait "$FLOOD"
cat "$TDIR/flood.out"
kill -0 "$RIPD" || fail "ripd died during the flood"
rss1=$(awk '/VmRSS/ {print $2}' /proc/$RIPD/status)
echo "ripd RSS ${rss0} kB before the flood, ${rss1} kB after; slowest vty answer ${maxlat} ms over $samples samples"
[ $((rss1 - rss0)) -lt 65536 ] || fail "ripd grew by $((rss1 - rss0)) kB during the flood"
[ $maxlat -lt 2000 ] || fail "ripd's vty took ${maxlat} ms during the flood"
st=$(rip_show r1 "show ip rip status")
npeers=$(echo "$st" | grep -cE '^    [0-9]+\.')
echo "peers listed after the flood: $npeers"
rip_show r1 "show ip rip" | grep -E "$bad_re" && fail "a bad route entered show ip rip in the flood"
pass "r2's routes and timers held during a ${FLOOD_SECS}s flood at ${FLOOD_PPS} pps"
