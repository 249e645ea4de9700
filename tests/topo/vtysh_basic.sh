#!/bin/bash
# vtysh as an operator uses it, against real zebra and ripd in a network
# namespace: the merged show running-config, -c semantics and exit status,
# node walk-up, -d, write memory (per daemon and integrated Quagga.conf),
# vtysh -b, and interactively through a pseudo-terminal (expect): `?`,
# TAB, history, pager, and a daemon going away and coming back in one
# session. Run as root: TARPAN_BUILD=/path/to/build.
. "$(dirname "$0")/lib/netns.sh"
topo_init vtysh
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root"; exit 77; }
VTYSH=$TARPAN_BUILD/vtysh/vtysh
ZEBRA=$TARPAN_BUILD/zebra/zebra
RIPD=$TARPAN_BUILD/ripd/ripd
for b in "$VTYSH" "$ZEBRA"; do
	[ -x "$b" ] || { echo "SKIP: $b not built"; exit 77; }
done
command -v expect >/dev/null || { echo "SKIP: expect not installed"; exit 77; }
HAVE_RIPD=0
[ -x "$RIPD" ] && HAVE_RIPD=1

ns_add r1 >/dev/null
ip link add veth0 netns "$P-r1" type veth peer name veth1 netns "$P-r1" || fail "veth"
ns r1 ip link set veth0 up
ns r1 ip link set veth1 up

cat >"$TDIR/zebra.conf" <<'CONF'
hostname r1
password zebra
enable password zebra
!
interface veth0
 description uplink
 ip address 10.0.0.1/24
!
ip route 192.168.100.0/24 10.0.0.2
CONF
cat >"$TDIR/ripd.conf" <<'CONF'
hostname r1
password zebra
!
interface veth0
 ip rip send version 2
!
router rip
 network 10.0.0.0/24
 redistribute static
CONF

start_zebra() {
	start_daemon r1 zebra "$ZEBRA" -f "$1" -i "$TDIR/zebra.pid" -z "$TDIR/zserv.api" \
		--vty_socket "$TDIR" -P 0
	wait_for 10 test -S "$TDIR/zebra.vty" || fail "zebra vty socket"
}
start_ripd() {
	[ $HAVE_RIPD = 1 ] || return 0
	rm -f "$TDIR/ripd.vty"
	start_daemon r1 ripd "$RIPD" -f "$1" -i "$TDIR/ripd.pid" -z "$TDIR/zserv.api" \
		--vty_socket "$TDIR" -P 0
	wait_for 10 test -S "$TDIR/ripd.vty" || fail "ripd vty socket"
}
stop() {	# stop NAME: the daemon we started, by PID
	local v="PID_$1"
	[ -n "${!v:-}" ] || return 0
	kill -TERM "${!v}" 2>/dev/null
	for _ in $(seq 1 50); do kill -0 "${!v}" 2>/dev/null || break; sleep 0.1; done
}
V() { ns r1 env HOME="$TDIR" "$VTYSH" --vty_socket "$TDIR" --config_dir "$TDIR" "$@"; }

start_zebra "$TDIR/zebra.conf"
start_ripd "$TDIR/ripd.conf"
wait_for 10 V -c "show daemons" || fail "vtysh does not connect"

# ---- merged show running-config -----------------------------------------
out=$(V -c "show running-config") || fail "show running-config rc: $out"
[ "$(head -4 <<<"$out")" = "$(printf 'Building configuration...\n\nCurrent configuration:\n!')" ] ||
	fail "header: $out"
[ "$(tail -1 <<<"$out")" = end ] || fail "no end: $out"
[ "$(grep -c '^hostname r1$' <<<"$out")" = 1 ] || fail "hostname not merged: $out"
[ "$(grep -c '^password zebra$' <<<"$out")" = 1 ] || fail "password not merged: $out"
[ "$(grep -c '^interface veth0$' <<<"$out")" = 1 ] || fail "interface twice: $out"
block=$(sed -n '/^interface veth0$/,/^!$/p' <<<"$out")
grep -qx " description uplink" <<<"$block" || fail "veth0 block: $block"
if [ $HAVE_RIPD = 1 ]; then
	grep -qx " ip rip send version 2" <<<"$block" || fail "ripd's lines not in veth0: $block"
	# Quagga's order: passwords, interfaces, router rip, ip route, line vty
	order=$(grep -nE '^(password zebra|interface veth0|router rip|ip route 192.168.100.0/24 10.0.0.2|line vty)$' \
		<<<"$out" | cut -d: -f2 | tr '\n' '|')
	[ "$order" = "password zebra|interface veth0|router rip|ip route 192.168.100.0/24 10.0.0.2|line vty|" ] ||
		fail "block order: $order"
fi
pass "merged show running-config"

out=$(V -c "sh ver") && grep -q "^Tarpan" <<<"$out" || fail "show version: $out"
[ "$(grep -c '^Tarpan' <<<"$out")" = 1 ] || fail "show version printed twice: $out"
out=$(V -c "show daemons")
[ $HAVE_RIPD = 1 ] && [ "$out" != " zebra ripd" ] && fail "show daemons: '$out'"
out=$(V -c "help")
[ "$(grep -c 'provides advanced help' <<<"$out")" = 1 ] || fail "help: $out"
out=$(V -c "list")
[ "$(grep -cx '  show ip route' <<<"$out")" = 1 ] || fail "list: $out"
pass "show version, help, list once; show daemons"

# ---- -c semantics, exit status --------------------------------------------
out=$(V -c "show bogus"); rc=$?
[ $rc != 0 ] && [ "$out" = "% Unknown command." ] || fail "unknown: rc=$rc '$out'"
out=$(V -c "sh r"); rc=$?
[ $rc != 0 ] && [ "$out" = "% Ambiguous command." ] || fail "ambiguous: rc=$rc '$out'"
out=$(V -c "bogus" -c "configure terminal" -c "hostname changed"); rc=$?
[ $rc != 0 ] || fail "failing -c gave rc 0"
V -c "show running-config" | grep -q "^hostname changed$" && fail "-c went on after a failure"
out=$(V -c "configure terminal" -c "ip route 10.9.0.0/16 10.0.0.2" -c "end" -c "show ip route")
grep -q "10.9.0.0/16" <<<"$out" || fail "config via -c: $out"
out=$(V -E -c "configure terminal" -c "end")
grep -q "(config)# end$" <<<"$out" || fail "-E echo: $out"
pass "-c: exit status, stop at first failure, config, -E"

if [ $HAVE_RIPD = 1 ]; then
	out=$(V -c "conf t" -c "router rip" -c "network 10.1.0.0/16" -c "interface veth1" \
		-c "description walked up" -c "ip rip receive version 2" -c "router rip" -c "do show ip route" -c "version 2" \
		-c "end" -c "show running-config") || fail "walk-up rc: $out"
	rip=$(sed -n '/^router rip$/,/^!$/p' <<<"$out")
	grep -qx " network 10.1.0.0/16" <<<"$rip" && grep -qx " version 2" <<<"$rip" ||
		fail "router rip: $rip"
	grep -q "^C>\* 10.0.0.0/24" <<<"$out" || fail "do show ip route in router rip: $out"
	v1=$(sed -n '/^interface veth1$/,/^!$/p' <<<"$out")
	grep -qx " description walked up" <<<"$v1" && grep -qx " ip rip receive version 2" <<<"$v1" ||
		fail "veth1: $v1"
	pass "node walk-up between router rip and interface"

	out=$(V -d ripd -c "show running-config")
	grep -q "^router rip$" <<<"$out" && ! grep -q "^ip route" <<<"$out" || fail "-d ripd: $out"
	out=$(V -d zebra -c "show ip rip"); rc=$?
	[ $rc != 0 ] || fail "-d zebra ran a ripd command"
	pass "-d DAEMON"
fi

# ---- write memory -----------------------------------------------------------
out=$(V -c "write memory") || fail "write memory rc: $out"
[ "$(head -1 <<<"$out")" = "Building Configuration..." ] && [ "$(tail -1 <<<"$out")" = "[OK]" ] &&
	grep -qx "Configuration saved to $TDIR/zebra.conf" <<<"$out" || fail "write memory: $out"
grep -q "^ip route 10.9.0.0/16 10.0.0.2$" "$TDIR/zebra.conf" || fail "zebra.conf not written"
if [ $HAVE_RIPD = 1 ]; then
	grep -qx "Configuration saved to $TDIR/ripd.conf" <<<"$out" || fail "ripd not written: $out"
	grep -q "^ network 10.1.0.0/16$" "$TDIR/ripd.conf" || fail "ripd.conf content"
fi
[ -e "$TDIR/Quagga.conf" ] && fail "Quagga.conf written without integrated config"
pass "write memory per daemon"

printf '! vtysh.conf\nusername root nopassword\nservice integrated-vtysh-config\n' >"$TDIR/vtysh.conf"
out=$(V -c "write") || fail "integrated write rc: $out"
[ "$out" = "$(printf 'Building Configuration...\nIntegrated configuration saved to %s\n[OK]' "$TDIR/Quagga.conf")" ] ||
	fail "integrated write: $out"
[ "$(stat -c %a "$TDIR/Quagga.conf")" = 600 ] || fail "Quagga.conf mode"
grep -qx "service integrated-vtysh-config" "$TDIR/Quagga.conf" || fail "service line missing"
cp "$TDIR/Quagga.conf" "$TDIR/first.conf"
V -c "write memory" >/dev/null || fail "second write"
cmp -s "$TDIR/Quagga.conf.sav" "$TDIR/first.conf" || fail "Quagga.conf.sav is not the old file"
pass "write memory to integrated Quagga.conf (0600, .sav)"

# ---- vtysh -b ---------------------------------------------------------------
stop zebra
stop ripd
: >"$TDIR/empty-zebra.conf"
: >"$TDIR/empty-ripd.conf"
start_zebra "$TDIR/empty-zebra.conf"
start_ripd "$TDIR/empty-ripd.conf"
wait_for 10 V -c "show daemons" || fail "reconnect after restart"
V -c "show running-config" | grep -q "^router rip$" && fail "ripd kept its config"
out=$(V -b 2>&1) || fail "vtysh -b rc: $out"
want=$(printf 'Building configuration...\n\nCurrent configuration:\n!\n'; cat "$TDIR/Quagga.conf"; echo end)
got=$(V -c "show running-config")
[ "$got" = "$want" ] || fail "after -b: $(diff <(echo "$want") <(echo "$got"))"
mkdir -p "$TDIR/bad"
printf 'hostname r1\nno-such-command here\nip route 10.77.0.0/16 10.0.0.2\n' >"$TDIR/bad/Quagga.conf"
out=$(ns r1 "$VTYSH" --vty_socket "$TDIR" --config_dir "$TDIR/bad" -b 2>&1); rc=$?
[ $rc != 0 ] && grep -q "Quagga.conf:2: % Unknown command." <<<"$out" || fail "bad line: rc=$rc $out"
V -c "show ip route" | grep -q "10.77.0.0/16" || fail "lines after a bad one not applied"
out=$(ns r1 "$VTYSH" --vty_socket "$TDIR" --config_dir "$TDIR/none" -b 2>&1); rc=$?
[ $rc != 0 ] && grep -q "Can't open configuration file" <<<"$out" || fail "missing Quagga.conf: $out"
pass "vtysh -b applies Quagga.conf; bad lines reported, rest applied"

# ---- no daemons ---------------------------------------------------------------
out=$(ns r1 "$VTYSH" --vty_socket "$TDIR/nowhere" -c "show version" 2>&1); rc=$?
[ $rc = 1 ] && [ "$out" = "Exiting: failed to connect to any daemons." ] || fail "no daemons: $out"
pass "no daemon: Quagga's message"

# ---- interactive, through a pseudo-terminal ------------------------------------
rm -f "$TDIR/.history_quagga" "$TDIR/paged"
printf 'set enable-bracketed-paste off\n' >"$TDIR/inputrc"
export TERM=xterm INPUTRC=$TDIR/inputrc
cat >"$TDIR/session.exp" <<'EXP'
set timeout 10
proc step {what pat} {
	expect {
		-re $pat {}
		timeout { puts "\nEXPECT-FAIL: $what"; exit 1 }
		eof { puts "\nEXPECT-FAIL: $what (eof)"; exit 1 }
	}
}
spawn -noecho {*}$argv
step "first prompt" {# $}
send "show ip ro?"
step "? lists route" {\n  route +IP routing table\r?\n}
step "line kept after ?" {# show ip ro$}
send "\025"
send "sh\t"
sleep 0.3
send "ip ro\t"
sleep 0.3
send "\r"
step "show ip route ran" {S>\* 192.168.100.0/24}
step "prompt" {# $}
send "show \t\t"
step "TAB TAB lists" {running-config}
step "prompt after list" {# show $}
send "\025show da?"
step "? offers vtysh's own commands" {\n  daemons +Show list of running daemons}
send "\025show running-config ?"
step "? after show running-config" {\n  zebra +For the zebra daemon}
send "\025configure terminal\r"
step "config prompt" {\(config\)# $}
send "interface veth0\r"
step "if prompt" {\(config-if\)# $}
send "?"
step "? in config-if" {description}
send "\025end\r"
step "back to enable" {[^)]# $}
send "configure terminal\r"
step "config prompt again" {\(config\)# $}
send "router rip\r"
step "router prompt" {\(config-router\)# $}
send "\032"
step "Ctrl-Z ends configuration" {[^)]# $}
send "exit\r"
expect eof
EXP
out=$(ns r1 env HOME="$TDIR" expect "$TDIR/session.exp" "$VTYSH" --vty_socket "$TDIR" \
	--config_dir "$TDIR" 2>&1) || fail "interactive: $out"
# TAB turned "sh" + "ip ro" into the full words (history keeps the line)
grep -qx "configure terminal" "$TDIR/.history_quagga" && grep -qx "interface veth0" "$TDIR/.history_quagga" &&
	grep -qx "show ip route " "$TDIR/.history_quagga" ||
	fail "history: $(cat "$TDIR/.history_quagga" 2>&1)"
pass "interactive: ?, TAB, prompts, history in ~/.history_quagga"

cat >"$TDIR/pager.exp" <<'EXP'
set timeout 10
spawn -noecho {*}$argv
expect -re {# $}
send "show ip route\r"
expect -re {# $}
send "exit\r"
expect eof
EXP
ns r1 env HOME="$TDIR" VTYSH_PAGER="cat >> $TDIR/paged" expect "$TDIR/pager.exp" "$VTYSH" \
	--vty_socket "$TDIR" --config_dir "$TDIR" >/dev/null 2>&1
grep -q "192.168.100.0/24" "$TDIR/paged" 2>/dev/null || fail "VTYSH_PAGER not used"
pass "pager from VTYSH_PAGER"

if [ $HAVE_RIPD = 1 ]; then
	cat >"$TDIR/restart.exp" <<'EXP'
set timeout 10
proc step {what pat} {
	expect {
		-re $pat {}
		timeout { puts "\nEXPECT-FAIL: $what"; exit 1 }
		eof { puts "\nEXPECT-FAIL: $what (eof)"; exit 1 }
	}
}
# the test script does the stopping and starting; wait for its signal file
proc await {name} {
	for {set i 0} {$i < 200} {incr i} {
		if {[file exists $name]} return
		after 100
	}
	puts "\nEXPECT-FAIL: no $name"; exit 1
}
set tdir $env(TDIR)
spawn -noecho {*}$argv
step "prompt" {# $}
send "show ip rip status\r"
step "ripd answers" {Routing Protocol is "rip"}
step "prompt" {# $}
send_user "\nMARK-STOP\n"
await "$tdir/go-stopped"
send "show ip rip status\r"
step "down message" {% ripd is not running}
step "prompt" {# $}
send "show ip route\r"
step "zebra still works" {192.168.100.0/24}
step "prompt" {# $}
send_user "\nMARK-START\n"
await "$tdir/go-started"
send "show ip rip status\r"
step "ripd back" {Routing Protocol is "rip"}
step "prompt" {# $}
send "exit\r"
expect eof
EXP
	ns r1 env HOME="$TDIR" TDIR="$TDIR" expect "$TDIR/restart.exp" "$VTYSH" \
		--vty_socket "$TDIR" --config_dir "$TDIR" >"$TDIR/restart.log" 2>&1 &
	exp_pid=$!
	TOPO_PIDS+=("$exp_pid")
	wait_for 15 grep -q MARK-STOP "$TDIR/restart.log" || fail "session: $(cat "$TDIR/restart.log")"
	stop ripd
	touch "$TDIR/go-stopped"
	wait_for 15 grep -q MARK-START "$TDIR/restart.log" || fail "session: $(cat "$TDIR/restart.log")"
	start_ripd "$TDIR/ripd.conf"
	touch "$TDIR/go-started"
	wait "$exp_pid"
	log=$(cat "$TDIR/restart.log")
	grep -q "EXPECT-FAIL" <<<"$log" && fail "daemon restart session: $log"
	grep -q "% ripd is not running" <<<"$log" && grep -c 'Routing Protocol is "rip"' <<<"$log" | grep -qx 2 ||
		fail "daemon restart session: $log"
	pass "a daemon goes away and comes back in one session"
fi
exit 0
