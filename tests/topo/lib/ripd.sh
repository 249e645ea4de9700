# Helpers for the ripd topology tests (sourced after lib/netns.sh).
# Run directly (as tools/run-topo-tests does with every *.sh) it only skips.
[ "${BASH_SOURCE[0]}" = "$0" ] && { echo "SKIP: helper library, not a test"; exit 77; }
#
#   rip_router N         start Tarpan zebra + ripd in namespace N with
#                        $TDIR/N-zebra.conf and $TDIR/N-ripd.conf, sockets
#                        and pid files under $TDIR/N
#   rip_show N CMD...    run ripd vty commands in N
#   rip_has N REGEX      `show ip rip` in N matches REGEX (grep -E)
#   kernel_has N REGEX   `ip route` in N matches REGEX

rip_router() {
	local n=$1 d=$TDIR/$1
	mkdir -p "$d"
	start_daemon "$n" "$n-zebra" "$TARPAN_BUILD/zebra/zebra" -f "$TDIR/$n-zebra.conf" \
		-i "$d/zebra.pid" -z "$d/zserv.api" --vty_socket "$d"
	wait_for 10 test -S "$d/zserv.api" || fail "$n: zebra did not start"
	start_daemon "$n" "$n-ripd" "$TARPAN_BUILD/ripd/ripd" -f "$TDIR/$n-ripd.conf" \
		-i "$d/ripd.pid" -z "$d/zserv.api" --vty_socket "$d"
	wait_for 10 vty "$n" 2602 "show version" || fail "$n: ripd did not start"
}

rip_show() { local n=$1; shift; vty "$n" 2602 "$@"; }
rip_has() { rip_show "$1" "show ip rip" | grep -Eq "$2"; }
kernel_has() { ns "$1" ip route | grep -Eq "$2"; }

zebra_conf() { # N then lines
	local n=$1; shift
	{ echo "hostname $n"; echo "password zebra"; printf '%s\n' "$@"; } >"$TDIR/$n-zebra.conf"
}
ripd_conf() {
	local n=$1; shift
	{ echo "hostname $n"; echo "password zebra"; printf '%s\n' "$@"; } >"$TDIR/$n-ripd.conf"
}

need_root() { [ "$(id -u)" = 0 ] || { echo "SKIP: needs root"; exit 77; }; }
