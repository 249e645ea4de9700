#!/bin/bash
# Benchmark: a 10,000-route RIP table between two Tarpan routers.
#
# r1 originates N routes (`route` statements of ripd, 10.x.y.0/24) and r2
# learns them over one veth link. Prints the seconds from r2's ripd start
# to a full table in r2's ripd and in r2's kernel, and both ripds' memory
# (VmRSS, VmHWM). Runs in network namespaces only. Usage:
#   TARPAN_BUILD=/path/to/build tests/bench/bench_rip_table.sh [N]
set -u
N=${1:-10000}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../topo/lib/netns.sh"
. "$here/../topo/lib/ripd.sh"
need_root
topo_init bench_rip

ns_add r1 >/dev/null
ns_add r2 >/dev/null
veth r1 eth0 r2 eth0
ns r1 ip addr add 10.255.0.1/24 dev eth0
ns r2 ip addr add 10.255.0.2/24 dev eth0
zebra_conf r1
zebra_conf r2
{
	echo "hostname r1"; echo "password zebra"; echo "router rip"
	echo " network 10.255.0.0/24"
	for ((i = 0; i < N; i++)); do echo " route 10.$((i / 256)).$((i % 256)).0/24"; done
} >"$TDIR/r1-ripd.conf"
ripd_conf r2 "router rip" " network 10.255.0.0/24"

rip_router r1
t0=$(date +%s.%N)
rip_router r2
learned() { [ "$(rip_show r2 'show ip rip' | grep -c '^R(n)')" -ge "$N" ]; }
in_kernel() { [ "$(ns r2 ip route | grep -c 'proto \(zebra\|11\)')" -ge "$N" ]; }
wait_for 300 learned || fail "r2 learned only $(rip_show r2 'show ip rip' | grep -c '^R(n)') of $N"
t1=$(date +%s.%N)
wait_for 300 in_kernel || fail "r2's kernel has only $(ns r2 ip route | grep -c zebra) routes"
t2=$(date +%s.%N)
mem() { awk '/^Vm(RSS|HWM)/ { printf "%s %s kB  ", $1, $2 }' "/proc/$1/status"; }
echo "routes:                      $N"
printf 'seconds to full RIP table:   %.2f\n' "$(echo "$t1 - $t0" | bc)"
printf 'seconds to full kernel FIB:  %.2f\n' "$(echo "$t2 - $t0" | bc)"
echo "r1 ripd memory (sender):     $(mem "$PID_r1_ripd")"
echo "r2 ripd memory (receiver):   $(mem "$PID_r2_ripd")"
