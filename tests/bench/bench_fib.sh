#!/bin/bash
# FIB benchmark: a zserv client pushes N IPv4 routes (default 100,000 and
# 1,000,000) to zebra; prints the seconds until the last one is in the
# kernel, zebra's peak RSS and bytes per route, and, in the same run, the
# kernel's own rate for the same routes written with raw batched netlink
# (tests/bench/nl_raw_insert: RTM_NEWROUTEs packed into 1 MiB sendmsg
# buffers, acks drained as they come), which is the ceiling zebra is
# measured against. The raw writer runs twice, with an ack per route and
# with one ack per sendmsg (failures are reported either way; zebra does
# the latter), and zebra's rate is given against the faster of the two.
# BENCH_IP_BATCH=1 also times `ip -batch` (one message per sendmsg:
# slower, for reference only). Namespaces only.
#   TARPAN_BUILD=/path/to/build tests/bench/bench_fib.sh [N...]
. "$(dirname "$0")/../topo/lib/netns.sh"
topo_init zbench
ZEBRA=$TARPAN_BUILD/zebra/zebra
PUSH=$TARPAN_BUILD/tests/helpers/zclient_push
RAW=$TARPAN_BUILD/tests/bench/nl_raw_insert
[ -x "$ZEBRA" ] && [ -x "$PUSH" ] && [ -x "$RAW" ] ||
	{ echo "zebra, zclient_push or nl_raw_insert not built"; exit 77; }
SIZES=("$@"); [ ${#SIZES[@]} -eq 0 ] && SIZES=(100000 1000000)

# the i-th route is 20.0.0.0/24 + (i << 8), as zclient_push and nl_raw_insert
addr_of() { local i=$1; echo "$((20 + (i >> 16))).$(((i >> 8) & 255)).$((i & 255)).1"; }
kb() { awk "/^$2:/ {print \$2}" /proc/$1/status; }

setup_ns() {
	ns_add "$1" >/dev/null
	ns "$1" ip link add veth0 type veth peer name veth1
	ns "$1" ip addr add 10.0.0.1/24 dev veth0
	ns "$1" ip link set veth0 up
	ns "$1" ip link set veth1 up
}

for N in "${SIZES[@]}"; do
	# the kernel alone, raw batched netlink: ack per route, ack per batch
	raw=""
	for mode in "" -e; do
		setup_ns k$N$mode
		rawline=$(ns k$N$mode "$RAW" -n "$N" $mode)
		echo "$rawline"
		t=$(echo "$rawline" | sed -n 's/.* in \([0-9.]*\) s .*/\1/p')
		if [ -z "$raw" ] || [ "$(echo "$t < $raw" | bc)" = 1 ]; then raw=$t; fi
		ip netns del "$P-k$N$mode"
	done

	ipb=""
	if [ -n "${BENCH_IP_BATCH:-}" ]; then
		setup_ns i$N
		python3 -c "
for i in range($N):
    print('route add %d.%d.%d.0/24 via 10.0.0.2 proto zebra metric 20' % (20 + (i >> 16), (i >> 8) & 255, i & 255))
" >"$TDIR/batch.$N"
		t0=$(date +%s.%N); ns i$N ip -batch "$TDIR/batch.$N"; t1=$(date +%s.%N)
		ipb=$(echo "$t1 - $t0" | bc)
		ip netns del "$P-i$N"
	fi

	# zebra, fed by a zserv client
	setup_ns z$N
	echo "hostname bench" >"$TDIR/zebra.conf"
	start_daemon z$N zebra$N "$ZEBRA" -f "$TDIR/zebra.conf" -i "$TDIR/z$N.pid" \
		-z "$TDIR/z$N.api" -P 0
	zpid=$(eval echo \$PID_zebra$N)
	wait_for 10 test -S "$TDIR/z$N.api" || fail "zebra did not start"
	sleep 0.3
	rss0=$(kb "$zpid" VmRSS)
	ip netns exec "$P-z$N" "$RAW" -W "$(addr_of $((N - 1)))" -T 600 >"$TDIR/wait.$N" &
	waitpid=$!
	ip netns exec "$P-z$N" "$PUSH" -z "$TDIR/z$N.api" -n "$N" -w 600 >/dev/null &
	pushpid=$!
	TOPO_PIDS+=($waitpid $pushpid)
	wait "$waitpid"
	secs=$(cat "$TDIR/wait.$N")
	[ "$secs" = timeout ] && fail "routes did not arrive"
	sleep 0.5
	got=$(ip -n "$P-z$N" route show proto zebra | wc -l)
	hwm=$(kb "$zpid" VmHWM)
	kill "$pushpid" 2>/dev/null; wait "$pushpid" 2>/dev/null
	printf "%8d routes: zebra %6.2f s (%d in kernel), raw netlink (best) %6.2f s%s, zebra at %3.0f%% of the raw rate, peak RSS %d KiB (+%d), %.0f bytes/route\n" \
		"$N" "$secs" "$got" "$raw" "${ipb:+, ip -batch $ipb s}" \
		"$(echo "100 * $raw / $secs" | bc -l)" "$hwm" "$((hwm - rss0))" \
		"$(echo "($hwm - $rss0) * 1024 / $N" | bc -l)"
	kill -TERM "$zpid"
	for _ in $(seq 1 100); do kill -0 "$zpid" 2>/dev/null || break; sleep 0.2; done
	ip netns del "$P-z$N" 2>/dev/null
done
