#!/bin/bash
# The telnet vty as an operator sees it: login, prompts, abbreviations,
# errors, `?`, TAB, paging, write memory, Unix socket, abuse (a flooding
# client, many sessions). Uses tests/helpers/testd (built from lib/ alone)
# in a network namespace. Run as root: TARPAN_BUILD=/path/to/build.
. "$(dirname "$0")/lib/netns.sh"
topo_init cli
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root"; exit 77; }
TESTD=$TARPAN_BUILD/tests/helpers/testd
[ -x "$TESTD" ] || { echo "SKIP: $TESTD not built"; exit 77; }

ns_add r1 >/dev/null
cat >"$TDIR/testd.conf" <<CONF
hostname r1
password zebra
enable password zebra
!
interface eth0
 description uplink
!
ip prefix-list PL1 seq 5 permit 10.0.0.0/8 le 24
CONF
start_daemon r1 testd "$TESTD" -f "$TDIR/testd.conf" -i "$TDIR/testd.pid" \
	--vty_socket "$TDIR" -P 2699
wait_for 10 ns r1 bash -c "echo > /dev/tcp/127.0.0.1/2699" || fail "vty not up"

# raw: send keystrokes (python escapes), print what the server sent
raw() { ns r1 env RAWPORT="${RAWPORT:-2699}" python3 - "$@" <<'PY'
import socket, sys, time
def strip(d):
    out = bytearray(); i = 0
    while i < len(d):
        if d[i] == 255 and i + 1 < len(d):
            c = d[i + 1]
            if c in (251, 252, 253, 254): i += 3; continue
            if c == 250:
                e = d.find(bytes([255, 240]), i); i = len(d) if e < 0 else e + 2; continue
            i += 2; continue
        out.append(d[i]); i += 1
    return bytes(out)
import os
s = socket.create_connection(("127.0.0.1", int(os.environ.get("RAWPORT", "2699")))); s.settimeout(0.3)
def rd():
    b = b""
    while True:
        try:
            c = s.recv(65536)
            if not c: break
            b += c
        except socket.timeout: break
    return b
out = b""
for a in sys.argv[1:]:
    s.sendall(a.encode().decode("unicode_escape").encode("latin1")); time.sleep(0.1)
    out += rd()
sys.stdout.write(strip(out).decode("latin1").replace("\r\n", "\n"))
PY
}
V() { vty r1 2699 "$@"; }

out=$(V "show version") || fail "show version: $out"
grep -q "^Tarpan .* (r1)\.$" <<<"$out" || fail "show version: $out"
pass "login, enable, show version"

out=$(V "sh run")
grep -qx "Current configuration:" <<<"$out" && grep -qx "hostname r1" <<<"$out" &&
	grep -qx "ip prefix-list PL1 seq 5 permit 10.0.0.0/8 le 24" <<<"$out" &&
	[ "$(tail -1 <<<"$out")" = end ] || fail "show running-config: $out"
pass "abbreviation, show running-config"

out=$(V "configure terminal" "hostnme foo")
grep -qx "% \[TESTD\] Unknown command: hostnme foo" <<<"$out" || fail "unknown: $out"
out=$(V "s")
grep -qx "% Command incomplete." <<<"$out" || fail "incomplete: $out"
out=$(V "show t")
grep -qx "% Ambiguous command." <<<"$out" || fail "ambiguous: $out"
pass "error messages"

out=$(raw 'zebra\n' 'show te?' '\x15enable\n' 'zebra\n' 'conf t\n' 'int eth1\n' 'ip prefix-list X permit any\n' 'do show testd count\n' 'end\n')
grep -q "^  testd  testd information$" <<<"$out" || fail "?: $out"
grep -q "^r1(config-if)# $\|^r1(config-if)# ip prefix" <<<"$out" || fail "interface node: $out"
grep -q "^2 entries$" <<<"$out" || fail "parent fallback + do: $out"
pass "?, sub-node, parent-node fallback, do"

out=$(raw 'zebra\n' 'sh\t' 'ver\t' '\n')
# as Quagga: new line, prompt and line again, back over the typed part
# of the word, the whole word and a blank
grep -qF $'r1> sh\b\bshow ' <<<"$out" && grep -qF $'r1> show ver\b\b\bversion ' <<<"$out" ||
	fail "TAB: $out"
grep -q "^Tarpan" <<<"$out" || fail "TAB run: $out"
pass "TAB completion"

# Quagga pages only when the client sent its window size (NAWS 80x24)
NAWS='\xff\xfa\x1f\x00\x50\x00\x18\xff\xf0'
out=$(raw 'zebra\n' 'terminal length 5\n' 'show testd lines 12\n')
grep -q -- '--More--' <<<"$out" && fail "paged without NAWS: $out"
out=$(raw "$NAWS" 'zebra\n' 'terminal length 5\n' 'show testd lines 12\n' ' ' 'q')
[ "$(grep -c -- '--More--' <<<"$out")" = 2 ] || fail "paging: $out"
grep -q "line 9 of 12" <<<"$out" || fail "second page (a full page): $out"
grep -q "line 10 of 12" <<<"$out" && fail "q did not stop: $out"
pass "--More-- paging"

out=$(raw 'bad\n' 'bad\n' 'bad\n')
grep -q "% Bad passwords, too many failures!" <<<"$out" || fail "3 failures: $out"
pass "login failures"

out=$(V "write memory")
grep -q "^Configuration saved to $TDIR/testd.conf$" <<<"$out" || fail "write: $out"
[ -f "$TDIR/testd.conf.sav" ] && head -2 "$TDIR/testd.conf" | grep -q "^! Zebra configuration saved from vty$" ||
	fail "written file: $(cat "$TDIR/testd.conf")"
[ "$(stat -c %a "$TDIR/testd.conf")" = 600 ] || fail "mode"
pass "write memory (.sav, layout, 0600)"

# a client flooding endless garbage does not stall another session
ns r1 python3 -c '
import socket, time
s = socket.create_connection(("127.0.0.1", 2699)); s.setblocking(False)
end = time.time() + 3
while time.time() < end:
    try: s.send(b"x" * 65536)
    except BlockingIOError: time.sleep(0.001)
' &
FLOOD=$!
sleep 0.5
t0=$(date +%s%N); out=$(V "show version"); t1=$(date +%s%N)
kill $FLOOD 2>/dev/null; wait $FLOOD 2>/dev/null
grep -q "^Tarpan" <<<"$out" || fail "during flood: $out"
pass "flood: other session answered in $(( (t1 - t0) / 1000000 )) ms"

# no password: Quagga's message and close
printf 'hostname r2\n' >"$TDIR/nopw.conf"
start_daemon r1 testd2 "$TESTD" -f "$TDIR/nopw.conf" -i "$TDIR/testd2.pid" \
	--vty_socket "$TDIR/2" -P 2698
mkdir -p "$TDIR/2"
wait_for 10 ns r1 bash -c "echo > /dev/tcp/127.0.0.1/2698" || fail "vty 2 not up"
out=$(RAWPORT=2698 raw '')
grep -q "^Vty password is not set.$" <<<"$out" || fail "no password: $out"
pass "Vty password is not set."
exit 0
