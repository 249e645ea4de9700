#!/bin/bash
# Command completeness of ripd against Quagga 1.2.4: start Tarpan ripd alone
# in a namespace, enter every node Quagga's ripd has (VIEW, ENABLE, CONFIG,
# INTERFACE, RIP, KEYCHAIN, KEYCHAIN_KEY, RMAP, VTY), run `list` there and
# compare with what `list` printed in the same node of Quagga's ripd
# (quagga-reference/commands/effective/ripd.txt, or $QUAGGA_EFFECTIVE).
#
# Fails on any Quagga command missing from Tarpan's node, except those in
# the allow-list below. Commands Tarpan has beyond Quagga's are listed for
# information only (extensions are allowed to exist).
. "$(dirname "$0")/lib/netns.sh"
. "$(dirname "$0")/lib/ripd.sh"
need_root
REF=${QUAGGA_EFFECTIVE:-$TARPAN_SRC/tests/fixtures/quagga-reference/commands/effective/ripd.txt}
[ -r "$REF" ] || fail "no reference list $REF"
topo_init ripd_commands

ns_add c1 >/dev/null
mkdir -p "$TDIR/c1"
ripd_conf c1 "router rip" " network lo"
start_daemon c1 c1-ripd "$TARPAN_BUILD/ripd/ripd" -f "$TDIR/c1-ripd.conf" \
	-i "$TDIR/c1/ripd.pid" -z "$TDIR/c1/zserv.api" --vty_socket "$TDIR/c1"
wait_for 10 vty c1 2602 "show version" || fail "ripd did not start"

# node name, then the commands that lead from ENABLE into it ("-" = VIEW)
NODES=(
	"VIEW_NODE|-"
	"ENABLE_NODE|"
	"CONFIG_NODE|configure terminal"
	"INTERFACE_NODE|configure terminal;interface lo"
	"RIP_NODE|configure terminal;router rip"
	"KEYCHAIN_NODE|configure terminal;key chain KC"
	"KEYCHAIN_KEY_NODE|configure terminal;key chain KC;key 1"
	"RMAP_NODE|configure terminal;route-map RM permit 10"
	"VTY_NODE|configure terminal;line vty"
)
for entry in "${NODES[@]}"; do
	node=${entry%%|*} path=${entry#*|}
	args=()
	if [ "$path" = "-" ]; then
		args=(--no-enable)
	else
		IFS=';' read -r -a steps <<<"$path"
		args=("${steps[@]}")
	fi
	# an error while entering the node leaves its list empty: every
	# Quagga command of the node then shows up as missing
	if ! vty c1 2602 "${args[@]}" list >"$TDIR/list-$node"; then
		echo "cannot enter $node (path: $path):"
		grep '^% ' "$TDIR/list-$node"
		: >"$TDIR/list-$node"
	fi
done

# Quagga commands that do not apply to Tarpan, one per line as
# NODE<TAB>command, each under a comment saying why ('#' lines are
# dropped). Keep it short. Empty so far: every command of Quagga's ripd
# applies (a Quagga config using it must load), including the ones lib/
# still lacks.
ALLOW=$TDIR/allow
grep -v '^#' >"$ALLOW" <<'EOA'
EOA

python3 - "$REF" "$TDIR" "$ALLOW" "${NODES[@]%%|*}" <<'PY'
import re, sys
ref, tdir, allowf, nodes = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
norm = lambda s: re.sub(r"\s+", " ", s.strip())
want = {n: set() for n in nodes}
for line in open(ref):
    if "\t" not in line:
        continue
    cmd, node = line.rstrip("\n").split("\t")[:2]
    if node in want:
        want[node].add(norm(cmd))
allow = set()
for line in open(allowf):
    if "\t" in line:
        n, c = line.rstrip("\n").split("\t", 1)
        allow.add((n, norm(c)))
missing_total = 0
for n in nodes:
    have = {norm(l) for l in open("%s/list-%s" % (tdir, n)) if l.strip()}
    missing = sorted(c for c in want[n] - have if (n, c) not in allow)
    extra = sorted(have - want[n])
    excused = sorted(c for c in want[n] - have if (n, c) in allow)
    print("%-18s quagga %3d  tarpan %3d  missing %2d  excused %d  extra %d"
          % (n, len(want[n]), len(have), len(missing), len(excused), len(extra)))
    for c in missing:
        print("  MISSING %s: %s" % (n, c))
    for c in extra:
        print("  extra   %s: %s" % (n, c))
    missing_total += len(missing)
sys.exit(1 if missing_total else 0)
PY
rc=$?

# ripd's own ZEBRA_NODE (not visited by the reference list): its commands
# work and are written back as Quagga's ripd wrote them
cfg=$(vty c1 2602 "configure terminal" "no router zebra" "router zebra" \
	"no redistribute rip" "end" "show running-config") || fail "router zebra commands"
printf '%s\n' "$cfg" | grep -A1 '^router zebra$' | grep -q '^ no redistribute rip$' ||
	{ printf '%s\n' "$cfg"; fail "router zebra block not written back"; }
pass "router zebra / no redistribute rip"

[ $rc = 0 ] || fail "ripd lacks Quagga commands (see MISSING above)"
pass "every Quagga ripd command is in its node"
