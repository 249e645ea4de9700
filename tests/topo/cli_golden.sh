#!/bin/bash
# Golden telnet transcripts: the sessions recorded on Quagga 1.2.4 in
# quagga-reference/runs.md (§2 zebra, §3 ripd, §5 no password, §7 -C) are
# replayed against Tarpan's zebra and ripd in a network namespace with the
# same recording method (tests/topo/cli_transcript.py: raw socket, IAC
# stripped, LF line ends) and must come out the same, byte for byte, after
# normalising only what must differ: the product name, version and
# copyright line of the banner and `show version`, the configure line, the
# `write` timestamp, and the test directory (Quagga's $PREFIX).
#
# The §2 and §3 sessions are cut to the commands every daemon has (plus
# `show running-config`, which also checks the daemons' config blocks);
# the protocol `show` commands are checked by the daemons' own tests.
# Run as root: TARPAN_BUILD=/path/to/build.
. "$(dirname "$0")/lib/netns.sh"
topo_init cligold
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root"; exit 77; }
ZEBRA=$TARPAN_BUILD/zebra/zebra
RIPD=$TARPAN_BUILD/ripd/ripd
TESTD=$TARPAN_BUILD/tests/helpers/testd
for b in "$ZEBRA" "$RIPD" "$TESTD"; do
	[ -x "$b" ] || { echo "SKIP: $b not built"; exit 77; }
done
TRANSCRIPT=$TARPAN_SRC/tests/topo/cli_transcript.py
PREFIX=$TDIR/p
mkdir -p "$PREFIX/etc" "$PREFIX/var"

ns_add q >/dev/null
veth q veth0 q veth1
ns q ip addr add 10.0.0.1/24 dev veth0

# runs.md §1: the reference configuration files
cat >"$PREFIX/etc/zebra.conf" <<EOF
hostname qzebra
password zebra
enable password zebra
log file $PREFIX/var/zebra.log
!
interface veth1
 description test link B
 ip address 10.0.1.1/24
!
ip route 192.168.100.0/24 10.0.0.2
ip route 192.168.200.0/24 Null0
EOF
cat >"$PREFIX/etc/ripd.conf" <<EOF
hostname qripd
password zebra
enable password zebra
log file $PREFIX/var/ripd.log
!
key chain KC1
 key 1
!
router rip
 network 10.0.0.0/24
 redistribute static
 redistribute connected
!
route-map RM1 permit 10
EOF
common=(-z "$PREFIX/var/zserv.api" --vty_socket "$PREFIX/var")
start_daemon q zebra "$ZEBRA" -f "$PREFIX/etc/zebra.conf" -i "$PREFIX/var/zebra.pid" "${common[@]}"
wait_for 10 ns q bash -c "echo > /dev/tcp/127.0.0.1/2601" || fail "zebra vty not up"
start_daemon q ripd "$RIPD" -f "$PREFIX/etc/ripd.conf" -i "$PREFIX/var/ripd.pid" "${common[@]}"
wait_for 10 ns q bash -c "echo > /dev/tcp/127.0.0.1/2602" || fail "ripd vty not up"

# What must differ, and nothing else.
normalise() {
	sed -e "s|$PREFIX|\$PREFIX|g" \
	    -e 's/^Hello, this is [A-Za-z]* (version [^)]*)\.$/Hello, this is PRODUCT (version VERSION)./' \
	    -e 's/^\(Quagga\|Tarpan\) [0-9][^ ]* (\([^)]*\))\.$/PRODUCT VERSION (\2)./' \
	    -e 's/^Copyright 1996-2005 Kunihiro Ishiguro, et al\.$/COPYRIGHT/' \
	    -e 's/^A Quagga 1\.2\.4 compatible routing suite\.$/COPYRIGHT/' \
	    -e 's/^    --.*$/    CONFIGURE-ARGS/' \
	    -e 's|^!   [0-9]\{4\}/[0-9][0-9]/[0-9][0-9] [0-9:]\{8\}$|!   YYYY/MM/DD HH:MM:SS|'
}

# golden NAME PORT: run $TDIR/NAME.steps, compare with $TDIR/NAME.want
golden() {
	local name=$1 port=$2
	ns q python3 "$TRANSCRIPT" -P "$port" "$TDIR/$name.steps" >"$TDIR/$name.raw" ||
		fail "$name: transcript client failed"
	normalise <"$TDIR/$name.raw" >"$TDIR/$name.got"
	normalise <"$TDIR/$name.want" >"$TDIR/$name.wantn"
	diff -u "$TDIR/$name.wantn" "$TDIR/$name.got" >"$TDIR/$name.diff" || {
		cat "$TDIR/$name.diff"
		fail "$name: transcript differs from Quagga's"
	}
	pass "$name: same transcript as Quagga 1.2.4"
}

# ---- runs.md §2, zebra: login, show version, enable, running and
# startup config, write memory, error forms, exit/end ----------------------
cat >"$TDIR/zebra.steps" <<'EOF'
@pw zebra
show version
terminal length 0
enable
@epw zebra
show running-config
write memory
show startup-config
configure terminal
hostnme foo
ip route 1.2.3.4/32
ip
exit
end
EOF
cat >"$TDIR/zebra.want" <<'EOF'


Hello, this is Quagga (version 1.2.4).
Copyright 1996-2005 Kunihiro Ishiguro, et al.


User Access Verification

Password: <password sent>

qzebra> show version
Quagga 1.2.4 (qzebra).
Copyright 1996-2005 Kunihiro Ishiguro, et al.
configured with:
    --prefix=$PREFIX --sysconfdir=$PREFIX/etc --localstatedir=$PREFIX/var --enable-tcp-zebra --enable-user=root --enable-group=root --enable-vtysh --enable-snmp=agentx --disable-doc CFLAGS=-g -O2 -fcommon
qzebra> terminal length 0
qzebra> enable
Password: <enable password sent>

qzebra# show running-config

Current configuration:
!
hostname qzebra
password zebra
enable password zebra
log file $PREFIX/var/zebra.log
!
interface lo
!
interface veth0
!
interface veth1
 description test link B
 ip address 10.0.1.1/24
!
ip route 192.168.100.0/24 10.0.0.2
ip route 192.168.200.0/24 Null0
!
!
!
line vty
!
end
qzebra# write memory
Configuration saved to $PREFIX/etc/zebra.conf
qzebra# show startup-config
!
! Zebra configuration saved from vty
!   2026/11/21 22:58:25
!
hostname qzebra
password zebra
enable password zebra
log file $PREFIX/var/zebra.log
!
interface lo
!
interface veth0
!
interface veth1
 description test link B
 ip address 10.0.1.1/24
!
ip route 192.168.100.0/24 10.0.0.2
ip route 192.168.200.0/24 Null0
!
!
!
line vty
!
qzebra# configure terminal
qzebra(config)# hostnme foo
% [ZEBRA] Unknown command: hostnme foo
qzebra(config)# ip route 1.2.3.4/32
% Command incomplete.
qzebra(config)# ip
% Command incomplete.
qzebra(config)# exit
qzebra# end
qzebra# 
[telnet option negotiation received: fffb01 fffb03 fffe22 fffd1f]
EOF
golden zebra 2601
# runs.md: the new file is 0600 and the old one is kept as .sav (0600)
[ "$(stat -c %a "$PREFIX/etc/zebra.conf")" = 600 ] || fail "zebra.conf mode"
[ -f "$PREFIX/etc/zebra.conf.sav" ] || fail "no zebra.conf.sav"
pass "write memory: zebra.conf 0600, zebra.conf.sav kept"

# ---- runs.md §3, ripd: incomplete, ambiguous, unknown with [RIP] ---------
cat >"$TDIR/ripd.steps" <<'EOF'
@pw zebra
terminal length 0
show version
enable
@epw zebra
show running-config
s
sh i
show ip rip status extra
EOF
cat >"$TDIR/ripd.want" <<'EOF'


Hello, this is Quagga (version 1.2.4).
Copyright 1996-2005 Kunihiro Ishiguro, et al.


User Access Verification

Password: <password sent>

qripd> terminal length 0
qripd> show version
Quagga 1.2.4 (qripd).
Copyright 1996-2005 Kunihiro Ishiguro, et al.
configured with:
    --prefix=$PREFIX --sysconfdir=$PREFIX/etc --localstatedir=$PREFIX/var --enable-tcp-zebra --enable-user=root --enable-group=root --enable-vtysh --enable-snmp=agentx --disable-doc CFLAGS=-g -O2 -fcommon
qripd> enable
Password: <enable password sent>

qripd# show running-config

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
qripd# s
% Command incomplete.
qripd# sh i
% Ambiguous command.
qripd# show ip rip status extra
% [RIP] Unknown command: show ip rip status extra
qripd# 
[telnet option negotiation received: fffb01 fffb03 fffe22 fffd1f]
EOF
golden ripd 2602

# ---- the CRLF session of runs.md §2: every CR LF runs an extra empty
# line, and a wrong (empty) enable password asks again -----------------
cat >"$TDIR/crlf.steps" <<'EOF'
@pw zebra
terminal length 0
enable
@epw zebra
configure terminal
end
EOF
cat >"$TDIR/crlf.want" <<'EOF'


Hello, this is Quagga (version 1.2.4).
Copyright 1996-2005 Kunihiro Ishiguro, et al.


User Access Verification

Password: <password sent>
qzebra> 
qzebra> terminal length 0
qzebra> 
qzebra> enable
Password: 
Password: <enable password sent>
qzebra# 
qzebra# configure terminal
qzebra(config)# 
qzebra(config)# end
qzebra# 
qzebra# 
[telnet option negotiation received: fffb01 fffb03 fffe22 fffd1f]
EOF
ns q python3 "$TRANSCRIPT" --crlf -P 2601 "$TDIR/crlf.steps" | normalise >"$TDIR/crlf.got"
normalise <"$TDIR/crlf.want" | diff -u - "$TDIR/crlf.got" || fail "CR LF session differs"
pass "crlf: same transcript as Quagga 1.2.4"

# ---- Quagga behaviour not in the recorded runs, from its source and its
# testcli.refout: `?` and TAB on the wire, `list` order, `who`,
# `show history`, password failures, --More-- ------------------------------
ERASE='\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b'
cat >"$TDIR/keys.steps" <<'EOF'
@pw zebra
terminal length 0
enable
@epw zebra
@raw terminal ?
length 0
@raw write ?
terminal
@raw sh\t
@raw hi\t

show history
who
configure terminal
do who
end
EOF
{
cat <<'EOF'


Hello, this is Quagga (version 1.2.4).
Copyright 1996-2005 Kunihiro Ishiguro, et al.


User Access Verification

Password: <password sent>

qripd> terminal length 0
qripd> enable
Password: <enable password sent>

qripd# terminal 
  length   Set number of lines on a screen
  monitor  Copy debug output to the current terminal line
  no       Negate a command or set its defaults
qripd# terminal length 0
qripd# write 
  file      Write to configuration file
  memory    Write configuration to the file (same as write file)
  terminal  Write to terminal
  <cr>      
qripd# write terminal

Current configuration:
EOF
sed -n '/^Current configuration:$/,/^end$/p' "$TDIR/ripd.want" | tail -n +2
printf 'qripd# sh\nqripd# sh\b\bshow '
printf 'hi\nqripd# show hi\b\bhistory \n'
cat <<'EOF'
  terminal length 0
  enable
  terminal length 0
  write terminal
qripd# show history
  terminal length 0
  enable
  terminal length 0
  write terminal
  show history 
qripd# who
 vty[N] connected from 127.0.0.1.
qripd# configure terminal
qripd(config)# do who
*vty[N] connected from 127.0.0.1.
qripd(config)# end
qripd# 
[telnet option negotiation received: fffb01 fffb03 fffe22 fffd1f]
EOF
} >"$TDIR/keys.want"
normalise() {
	sed -e "s|$PREFIX|\$PREFIX|g" \
	    -e 's/^Hello, this is [A-Za-z]* (version [^)]*)\.$/Hello, this is PRODUCT (version VERSION)./' \
	    -e 's/^\(Quagga\|Tarpan\) [0-9][^ ]* (\([^)]*\))\.$/PRODUCT VERSION (\2)./' \
	    -e 's/^Copyright 1996-2005 Kunihiro Ishiguro, et al\.$/COPYRIGHT/' \
	    -e 's/^A Quagga 1\.2\.4 compatible routing suite\.$/COPYRIGHT/' \
	    -e 's/^    --.*$/    CONFIGURE-ARGS/' \
	    -e 's|^!   [0-9]\{4\}/[0-9][0-9]/[0-9][0-9] [0-9:]\{8\}$|!   YYYY/MM/DD HH:MM:SS|' \
	    -e 's/^\([ *]\)vty\[[0-9]*\] connected from/\1vty[N] connected from/'
}
golden keys 2602

# `list` prints the commands every daemon has in Quagga's install order
cat >"$TDIR/list.steps" <<'EOF'
@pw zebra
terminal length 0
list
enable
@epw zebra
list
configure terminal
list
line vty
list
end
EOF
ns q python3 "$TRANSCRIPT" -P 2602 "$TDIR/list.steps" >"$TDIR/list.raw"
python3 - "$TDIR/list.raw" "$TARPAN_SRC/tests/fixtures/quagga-reference/commands" <<'PY2' ||
import os, sys
raw, ref = sys.argv[1], sys.argv[2]
if not os.path.isdir(ref):
    print("no quagga-reference/commands, list order not checked")
    sys.exit(0)
# the commands of Quagga's command.c, vty.c, thread.c, workqueue.c,
# memory.c: what every daemon has (the policy libraries are checked by
# their own tests)
mine = ("lib/command.c", "lib/vty.c", "lib/thread.c", "lib/workqueue.c", "lib/memory.c")
lib = set(l.split("\t")[0] for l in open(os.path.join(ref, "lib.txt"))
          if l.split("\t")[3] in mine)
nodes = {"qripd> list": "VIEW_NODE", "qripd# list": "ENABLE_NODE",
         "qripd(config)# list": "CONFIG_NODE", "qripd(config-line)# list": "VTY_NODE"}
got, cur = {}, None
for l in open(raw).read().split("\n"):
    if l in nodes:
        cur = nodes[l]; got[cur] = []
    elif cur and l.startswith("  "):
        got[cur].append(l[2:])
    else:
        cur = None
want = {}
for l in open(os.path.join(ref, "effective", "ripd.txt")):
    c, n = l.rstrip("\n").split("\t")
    want.setdefault(n, []).append(c)
bad = 0
for n in nodes.values():
    w = [c for c in want[n] if c in lib]
    g = [c for c in got.get(n, []) if c in lib]
    if w != g:
        bad = 1
        print("%s: lib commands differ from Quagga's list:\n want %s\n  got %s" % (n, w, g))
sys.exit(bad)
PY2
	fail "list order"
pass "list: the shared commands in Quagga's order (VIEW, ENABLE, CONFIG, VTY)"

# three wrong passwords close the session; three wrong enable passwords
# drop back to the view prompt
printf '@pw bad1\n@pw bad2\n@pw bad3\n' >"$TDIR/badpw.steps"
cat >"$TDIR/badpw.want" <<'EOF'


Hello, this is Quagga (version 1.2.4).
Copyright 1996-2005 Kunihiro Ishiguro, et al.


User Access Verification

Password: <password sent>

Password: <password sent>

Password: <password sent>

% Bad passwords, too many failures!

[telnet option negotiation received: fffb01 fffb03 fffe22 fffd1f]
EOF
golden badpw 2602
printf '@pw zebra\nenable\n@epw x\n@epw y\n@epw z\n' >"$TDIR/badenable.steps"
cat >"$TDIR/badenable.want" <<'EOF'


Hello, this is Quagga (version 1.2.4).
Copyright 1996-2005 Kunihiro Ishiguro, et al.


User Access Verification

Password: <password sent>

qripd> enable
Password: <enable password sent>

Password: <enable password sent>

Password: <enable password sent>

% Bad enable passwords, too many failures!
qripd> 
[telnet option negotiation received: fffb01 fffb03 fffe22 fffd1f]
EOF
golden badenable 2602

# --More--: only once the client sent its window size (NAWS 80x24); a page
# is `terminal length` lines, any key shows the next, q stops; the prompt
# is wiped with Quagga's 10 BS, 10 blanks, 10 BS
cat >"$TDIR/more.steps" <<'EOF'
@raw \xff\xfa\x1f\x00\x50\x00\x18\xff\xf0
@pw zebra
enable
@epw zebra
terminal length 5
show running-config
@raw  
@raw q
EOF
{
head -10 "$TDIR/ripd.want"
printf 'qripd> enable\nPassword: <enable password sent>\n\n'
printf 'qripd# terminal length 5\nqripd# show running-config\n\nCurrent configuration:\n!\nhostname qripd\n --More-- '
printf "$ERASE"'password zebra\nenable password zebra\nlog file $PREFIX/var/ripd.log\n!\nkey chain KC1\n --More-- '
printf "$ERASE"'qripd# \n[telnet option negotiation received: fffb01 fffb03 fffe22 fffd1f]\n'
} >"$TDIR/more.want"
golden more 2602

# enable with no enable password set goes straight to the enable node;
# service password-encryption stores the password with DES crypt (13
# characters) and writes "password 8 ..."; the same password still logs in
printf 'hostname r\npassword zebra\n' >"$PREFIX/etc/enc.conf"
start_daemon q testd_enc "$TESTD" -f "$PREFIX/etc/enc.conf" -i "$PREFIX/var/enc.pid" \
	--vty_socket "$PREFIX/var" -P 2606
wait_for 10 ns q bash -c "echo > /dev/tcp/127.0.0.1/2606" || fail "testd vty not up"
printf '@pw zebra\nenable\nconfigure terminal\nservice password-encryption\ndo show running-config\nend\n' \
	>"$TDIR/enc.steps"
cat >"$TDIR/enc.want" <<'EOF'


Hello, this is Quagga (version 1.2.4).
Copyright 1996-2005 Kunihiro Ishiguro, et al.


User Access Verification

Password: <password sent>

r> enable
r# configure terminal
r(config)# service password-encryption
r(config)# do show running-config

Current configuration:
!
hostname r
password 8 HASH
service password-encryption
!
line vty
!
end
r(config)# end
r# 
[telnet option negotiation received: fffb01 fffb03 fffe22 fffd1f]
EOF
ns q python3 "$TRANSCRIPT" -P 2606 "$TDIR/enc.steps" |
	sed 's|^password 8 [./0-9A-Za-z]\{13\}$|password 8 HASH|' | normalise >"$TDIR/enc.got"
normalise <"$TDIR/enc.want" | diff -u - "$TDIR/enc.got" || fail "service password-encryption"
printf '@pw zebra\n' >"$TDIR/enc2.steps"
ns q python3 "$TRANSCRIPT" -P 2606 "$TDIR/enc2.steps" | grep -q '^r> $' ||
	fail "encrypted password does not log in"
pass "enable without enable password; service password-encryption"

# ---- runs.md §5: no vty password: the message, then the close ------------
printf 'hostname qospfd\n' >"$PREFIX/etc/nopw.conf"
start_daemon q testd "$TESTD" -f "$PREFIX/etc/nopw.conf" -i "$PREFIX/var/testd.pid" \
	--vty_socket "$PREFIX/var" -P 2604
wait_for 10 ns q bash -c "echo > /dev/tcp/127.0.0.1/2604" || fail "testd vty not up"
got=$(ns q python3 -c '
import socket
s = socket.create_connection(("127.0.0.1", 2604), timeout=5)
chunks = []
while True:
    c = s.recv(4096)
    chunks.append(c)
    if not c:
        break
print(chunks)
')
[ "$got" = "[b'Vty password is not set.\\r\\n', b'']" ] || fail "no password: $got"
pass "no password: b'Vty password is not set.\\r\\n' then close"

# ---- runs.md §7: config files need exact keywords (-C) -------------------
printf 'hostname x\nrouter rip\n netw 10.0.0.0/8\n' >"$TDIR/abbrev.conf"
printf 'hostname x\nrouter rip\n network 10.0.0.0/8\n version 2\n' >"$TDIR/full.conf"
ns q "$RIPD" -C -f "$TDIR/abbrev.conf" -P 0 -i "$TDIR/x.pid" "${common[@]}" >"$TDIR/abbrev.out" 2>&1
rc=$?
[ $rc = 1 ] || fail "-C abbreviated keyword: rc $rc: $(cat "$TDIR/abbrev.out")"
grep -q "3" "$TDIR/abbrev.out" && grep -qx " netw 10.0.0.0/8" "$TDIR/abbrev.out" ||
	fail "-C does not name line 3: $(cat "$TDIR/abbrev.out")"
ns q "$RIPD" -C -f "$TDIR/full.conf" -P 0 -i "$TDIR/x.pid" "${common[@]}" >"$TDIR/full.out" 2>&1 ||
	fail "-C full keywords: rc $?: $(cat "$TDIR/full.out")"
pass "-C: abbreviated keyword rc=1 naming line 3, full keywords rc=0"
exit 0
