/*
 * `ip route` and `ipv6 route` with all of Quagga 1.2.4's forms (prefix or
 * address+mask; gateway, interface or null0; reject/blackhole; tag;
 * distance) and their `no` forms. Every form calls one parser that turns
 * the tokens into the route's key (prefix, nexthop) and attributes and
 * edits /tarpan-zebra:zebra/ip-route or ipv6-route (zebra_nb.c applies it).
 * (This file's DEFUN table was produced by a small script; edit it as C.)
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "command.h"
#include "northbound.h"
#include "zebra_nb.h"
#include "vty.h"
#include "rib.h"
#include "static_route.h"
#include "zebra_vty.h"

#define ROUTE_HELP_V4 "IP information\n" "Establish static routes\n"
#define ROUTE_HELP_V6 "IPv6 information\n" "Establish static routes\n"
#define H_PFX4 "IP destination prefix (e.g. 10.0.0.0/8)\n"
#define H_ADDR4 "IP destination prefix\n" "IP destination prefix mask\n"
#define H_NH4 "IP gateway address\n" "IP gateway interface name\n" "Null interface\n"
#define H_NH4B "IP gateway address\n" "IP gateway interface name\n"
#define H_FLAG "Emit an ICMP unreachable when matched\n" "Silently discard pkts when matched\n"
#define H_TAG "Tag of this route\n" "Tag value\n"
#define H_DIST "Distance value for this route\n"
#define H_PFX6 "IPv6 prefix (e.g. 3ffe:506::/32)\n"
#define H_NH6 "IPv6 gateway address\n" "IPv6 gateway interface name\n"
#define H_NH6B "IPv6 gateway address\n"
#define H_IF6 "IPv6 gateway interface name\n"

enum { F_MASK = 1, F_NH = 2, F_FLAG = 4, F_TAG = 8, F_DIST = 16, F_IF = 32 };

/* Enqueue `leaf` = value, or its removal when value is NULL. */
static void leaf_edit(struct vty *vty, const char *entry, const char *leaf,
		      const char *value)
{
	char xp[NB_XPATH_MAX + 16];

	snprintf(xp, sizeof(xp), "%s/%s", entry, leaf);
	nb_cli_enqueue_change(vty, xp, value ? NB_OP_MODIFY : NB_OP_DESTROY, value);
}

/* `no ip route`: the entry (prefix, nexthop) if its tag and distance match
 * the ones given (absent: any), as Quagga finds the route to delete. */
static bool no_matches(const struct lyd_node *e, const char *tag,
		       const char *dist)
{
	const char *v;

	if (!e)
		return false;
	if (tag && (!(v = nb_child_value(e, "tag")) ||
		    strtoul(v, NULL, 10) != strtoul(tag, NULL, 10)))
		return false;
	v = nb_child_value(e, "distance");
	if (dist && strtoul(v ? v : "1", NULL, 10) != strtoul(dist, NULL, 10))
		return false;
	return true;
}

static int static_cmd(struct vty *vty, int family, bool add, unsigned form,
		      int argc, const char *argv[])
{
	const char *word = "null0", *ifname = NULL, *flag = NULL;
	const char *tag = NULL, *dist = NULL;
	char pbuf[PREFIX_STRLEN], nh[96], xp[NB_XPATH_MAX], err[128];
	const struct lyd_node *e;
	struct prefix p;
	int i = 0;

	if (form & F_MASK) {
		struct in_addr a, m;
		int len;

		if (argc < 2 || inet_pton(AF_INET, argv[0], &a) != 1 ||
		    inet_pton(AF_INET, argv[1], &m) != 1) {
			vty_out(vty, "%% Malformed address\n");
			return CMD_WARNING;
		}
		len = ip_masklen(m);
		if (len < 0) {
			vty_out(vty, "%% Malformed address\n");
			return CMD_WARNING;
		}
		prefix_from_ipv4(&p, a, len);
		i = 2;
	} else {
		int rc = family == AF_INET ? prefix_parse_ipv4(argv[0], &p) :
					     prefix_parse_ipv6(argv[0], &p);

		if (rc < 0) {
			vty_out(vty, "%% Malformed address\n");
			return CMD_WARNING;
		}
		i = 1;
	}
	apply_mask(&p);
	prefix2str(&p, pbuf, sizeof(pbuf));
	if (form & F_NH)
		word = argv[i++];
	if (form & F_IF)
		ifname = argv[i++];
	if (form & F_FLAG)
		flag = argv[i++][0] == 'r' ? "reject" : "blackhole";
	if (form & F_TAG)
		tag = argv[i++];
	if (form & F_DIST)
		dist = argv[i++];
	if (zebra_nb_nexthop_key(family, word, ifname, nh, sizeof(nh), err,
				 sizeof(err)) < 0) {
		vty_out(vty, "%s\n", err);
		return CMD_WARNING;
	}
	if (!zebra_nb_route_path(xp, sizeof(xp), family, pbuf, nh)) {
		vty_out(vty, "%% Malformed address\n");
		return CMD_WARNING;
	}
	e = nb_find(xp);
	if (!add) {
		if (!no_matches(e, tag, dist)) {
			vty_out(vty, "%% Can't find static route specified\n");
			return CMD_WARNING;
		}
		nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
		return nb_cli_apply_changes(vty);
	}
	/* Null0 is a blackhole unless told reject; defaults are not stored */
	if (strcmp(nh, "Null0") == 0 && flag && strcmp(flag, "reject") != 0)
		flag = NULL;
	if (dist && strtoul(dist, NULL, 10) == 1)
		dist = NULL;
	if (!e)
		nb_cli_enqueue_change(vty, xp, NB_OP_CREATE, NULL);
	if (e || flag)
		leaf_edit(vty, xp, "flag", flag);
	if (e || tag)
		leaf_edit(vty, xp, "tag", tag);
	if (e || dist)
		leaf_edit(vty, xp, "distance", dist);
	return nb_cli_apply_changes(vty);
}

DEFUN(st_1, st_1_cmd,
      "ip route A.B.C.D/M (A.B.C.D|INTERFACE|null0)",
      ROUTE_HELP_V4 H_PFX4 H_NH4)
{
	return static_cmd(vty, AF_INET, true, 2, argc, argv);
}

DEFUN(st_2, st_2_cmd,
      "ip route A.B.C.D/M (A.B.C.D|INTERFACE|null0) <1-255>",
      ROUTE_HELP_V4 H_PFX4 H_NH4 H_DIST)
{
	return static_cmd(vty, AF_INET, true, 18, argc, argv);
}

DEFUN(st_3, st_3_cmd,
      "ip route A.B.C.D/M (A.B.C.D|INTERFACE|null0) tag <1-4294967295>",
      ROUTE_HELP_V4 H_PFX4 H_NH4 H_TAG)
{
	return static_cmd(vty, AF_INET, true, 10, argc, argv);
}

DEFUN(st_4, st_4_cmd,
      "ip route A.B.C.D/M (A.B.C.D|INTERFACE|null0) tag <1-4294967295> <1-255>",
      ROUTE_HELP_V4 H_PFX4 H_NH4 H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET, true, 26, argc, argv);
}

DEFUN(st_5, st_5_cmd,
      "ip route A.B.C.D/M (A.B.C.D|INTERFACE) (reject|blackhole)",
      ROUTE_HELP_V4 H_PFX4 H_NH4B H_FLAG)
{
	return static_cmd(vty, AF_INET, true, 6, argc, argv);
}

DEFUN(st_6, st_6_cmd,
      "ip route A.B.C.D/M (A.B.C.D|INTERFACE) (reject|blackhole) <1-255>",
      ROUTE_HELP_V4 H_PFX4 H_NH4B H_FLAG H_DIST)
{
	return static_cmd(vty, AF_INET, true, 22, argc, argv);
}

DEFUN(st_7, st_7_cmd,
      "ip route A.B.C.D/M (A.B.C.D|INTERFACE) (reject|blackhole) tag <1-4294967295>",
      ROUTE_HELP_V4 H_PFX4 H_NH4B H_FLAG H_TAG)
{
	return static_cmd(vty, AF_INET, true, 14, argc, argv);
}

DEFUN(st_8, st_8_cmd,
      "ip route A.B.C.D/M (A.B.C.D|INTERFACE) (reject|blackhole) tag <1-4294967295> <1-255>",
      ROUTE_HELP_V4 H_PFX4 H_NH4B H_FLAG H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET, true, 30, argc, argv);
}

DEFUN(st_9, st_9_cmd,
      "ip route A.B.C.D/M (reject|blackhole)",
      ROUTE_HELP_V4 H_PFX4 H_FLAG)
{
	return static_cmd(vty, AF_INET, true, 4, argc, argv);
}

DEFUN(st_10, st_10_cmd,
      "ip route A.B.C.D/M (reject|blackhole) <1-255>",
      ROUTE_HELP_V4 H_PFX4 H_FLAG H_DIST)
{
	return static_cmd(vty, AF_INET, true, 20, argc, argv);
}

DEFUN(st_11, st_11_cmd,
      "ip route A.B.C.D/M (reject|blackhole) tag <1-4294967295>",
      ROUTE_HELP_V4 H_PFX4 H_FLAG H_TAG)
{
	return static_cmd(vty, AF_INET, true, 12, argc, argv);
}

DEFUN(st_12, st_12_cmd,
      "ip route A.B.C.D/M (reject|blackhole) tag <1-4294967295> <1-255>",
      ROUTE_HELP_V4 H_PFX4 H_FLAG H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET, true, 28, argc, argv);
}

DEFUN(st_13, st_13_cmd,
      "ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE|null0)",
      ROUTE_HELP_V4 H_ADDR4 H_NH4)
{
	return static_cmd(vty, AF_INET, true, 3, argc, argv);
}

DEFUN(st_14, st_14_cmd,
      "ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE|null0) <1-255>",
      ROUTE_HELP_V4 H_ADDR4 H_NH4 H_DIST)
{
	return static_cmd(vty, AF_INET, true, 19, argc, argv);
}

DEFUN(st_15, st_15_cmd,
      "ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE|null0) tag <1-4294967295>",
      ROUTE_HELP_V4 H_ADDR4 H_NH4 H_TAG)
{
	return static_cmd(vty, AF_INET, true, 11, argc, argv);
}

DEFUN(st_16, st_16_cmd,
      "ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE|null0) tag <1-4294967295> <1-255>",
      ROUTE_HELP_V4 H_ADDR4 H_NH4 H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET, true, 27, argc, argv);
}

DEFUN(st_17, st_17_cmd,
      "ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE) (reject|blackhole)",
      ROUTE_HELP_V4 H_ADDR4 H_NH4B H_FLAG)
{
	return static_cmd(vty, AF_INET, true, 7, argc, argv);
}

DEFUN(st_18, st_18_cmd,
      "ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE) (reject|blackhole) <1-255>",
      ROUTE_HELP_V4 H_ADDR4 H_NH4B H_FLAG H_DIST)
{
	return static_cmd(vty, AF_INET, true, 23, argc, argv);
}

DEFUN(st_19, st_19_cmd,
      "ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE) (reject|blackhole) tag <1-4294967295>",
      ROUTE_HELP_V4 H_ADDR4 H_NH4B H_FLAG H_TAG)
{
	return static_cmd(vty, AF_INET, true, 15, argc, argv);
}

DEFUN(st_20, st_20_cmd,
      "ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE) (reject|blackhole) tag <1-4294967295> <1-255>",
      ROUTE_HELP_V4 H_ADDR4 H_NH4B H_FLAG H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET, true, 31, argc, argv);
}

DEFUN(st_21, st_21_cmd,
      "ip route A.B.C.D A.B.C.D (reject|blackhole)",
      ROUTE_HELP_V4 H_ADDR4 H_FLAG)
{
	return static_cmd(vty, AF_INET, true, 5, argc, argv);
}

DEFUN(st_22, st_22_cmd,
      "ip route A.B.C.D A.B.C.D (reject|blackhole) <1-255>",
      ROUTE_HELP_V4 H_ADDR4 H_FLAG H_DIST)
{
	return static_cmd(vty, AF_INET, true, 21, argc, argv);
}

DEFUN(st_23, st_23_cmd,
      "ip route A.B.C.D A.B.C.D (reject|blackhole) tag <1-4294967295>",
      ROUTE_HELP_V4 H_ADDR4 H_FLAG H_TAG)
{
	return static_cmd(vty, AF_INET, true, 13, argc, argv);
}

DEFUN(st_24, st_24_cmd,
      "ip route A.B.C.D A.B.C.D (reject|blackhole) tag <1-4294967295> <1-255>",
      ROUTE_HELP_V4 H_ADDR4 H_FLAG H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET, true, 29, argc, argv);
}

DEFUN(st_25, st_25_cmd,
      "ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE)",
      ROUTE_HELP_V6 H_PFX6 H_NH6)
{
	return static_cmd(vty, AF_INET6, true, 2, argc, argv);
}

DEFUN(st_26, st_26_cmd,
      "ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) <1-255>",
      ROUTE_HELP_V6 H_PFX6 H_NH6 H_DIST)
{
	return static_cmd(vty, AF_INET6, true, 18, argc, argv);
}

DEFUN(st_27, st_27_cmd,
      "ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) tag <1-4294967295>",
      ROUTE_HELP_V6 H_PFX6 H_NH6 H_TAG)
{
	return static_cmd(vty, AF_INET6, true, 10, argc, argv);
}

DEFUN(st_28, st_28_cmd,
      "ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) tag <1-4294967295> <1-255>",
      ROUTE_HELP_V6 H_PFX6 H_NH6 H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET6, true, 26, argc, argv);
}

DEFUN(st_29, st_29_cmd,
      "ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) (reject|blackhole)",
      ROUTE_HELP_V6 H_PFX6 H_NH6 H_FLAG)
{
	return static_cmd(vty, AF_INET6, true, 6, argc, argv);
}

DEFUN(st_30, st_30_cmd,
      "ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) (reject|blackhole) <1-255>",
      ROUTE_HELP_V6 H_PFX6 H_NH6 H_FLAG H_DIST)
{
	return static_cmd(vty, AF_INET6, true, 22, argc, argv);
}

DEFUN(st_31, st_31_cmd,
      "ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) (reject|blackhole) tag <1-4294967295>",
      ROUTE_HELP_V6 H_PFX6 H_NH6 H_FLAG H_TAG)
{
	return static_cmd(vty, AF_INET6, true, 14, argc, argv);
}

DEFUN(st_32, st_32_cmd,
      "ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) (reject|blackhole) tag <1-4294967295> <1-255>",
      ROUTE_HELP_V6 H_PFX6 H_NH6 H_FLAG H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET6, true, 30, argc, argv);
}

DEFUN(st_33, st_33_cmd,
      "ipv6 route X:X::X:X/M X:X::X:X INTERFACE",
      ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6)
{
	return static_cmd(vty, AF_INET6, true, 34, argc, argv);
}

DEFUN(st_34, st_34_cmd,
      "ipv6 route X:X::X:X/M X:X::X:X INTERFACE <1-255>",
      ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6 H_DIST)
{
	return static_cmd(vty, AF_INET6, true, 50, argc, argv);
}

DEFUN(st_35, st_35_cmd,
      "ipv6 route X:X::X:X/M X:X::X:X INTERFACE tag <1-4294967295>",
      ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6 H_TAG)
{
	return static_cmd(vty, AF_INET6, true, 42, argc, argv);
}

DEFUN(st_36, st_36_cmd,
      "ipv6 route X:X::X:X/M X:X::X:X INTERFACE tag <1-4294967295> <1-255>",
      ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6 H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET6, true, 58, argc, argv);
}

DEFUN(st_37, st_37_cmd,
      "ipv6 route X:X::X:X/M X:X::X:X INTERFACE (reject|blackhole)",
      ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6 H_FLAG)
{
	return static_cmd(vty, AF_INET6, true, 38, argc, argv);
}

DEFUN(st_38, st_38_cmd,
      "ipv6 route X:X::X:X/M X:X::X:X INTERFACE (reject|blackhole) <1-255>",
      ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6 H_FLAG H_DIST)
{
	return static_cmd(vty, AF_INET6, true, 54, argc, argv);
}

DEFUN(st_39, st_39_cmd,
      "ipv6 route X:X::X:X/M X:X::X:X INTERFACE (reject|blackhole) tag <1-4294967295>",
      ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6 H_FLAG H_TAG)
{
	return static_cmd(vty, AF_INET6, true, 46, argc, argv);
}

DEFUN(st_40, st_40_cmd,
      "ipv6 route X:X::X:X/M X:X::X:X INTERFACE (reject|blackhole) tag <1-4294967295> <1-255>",
      ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6 H_FLAG H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET6, true, 62, argc, argv);
}

DEFUN(st_41, st_41_cmd,
      "no ip route A.B.C.D/M (A.B.C.D|INTERFACE|null0)",
      NO_STR ROUTE_HELP_V4 H_PFX4 H_NH4)
{
	return static_cmd(vty, AF_INET, false, 2, argc, argv);
}

DEFUN(st_42, st_42_cmd,
      "no ip route A.B.C.D/M (A.B.C.D|INTERFACE|null0) <1-255>",
      NO_STR ROUTE_HELP_V4 H_PFX4 H_NH4 H_DIST)
{
	return static_cmd(vty, AF_INET, false, 18, argc, argv);
}

DEFUN(st_43, st_43_cmd,
      "no ip route A.B.C.D/M (A.B.C.D|INTERFACE|null0) tag <1-4294967295>",
      NO_STR ROUTE_HELP_V4 H_PFX4 H_NH4 H_TAG)
{
	return static_cmd(vty, AF_INET, false, 10, argc, argv);
}

DEFUN(st_44, st_44_cmd,
      "no ip route A.B.C.D/M (A.B.C.D|INTERFACE|null0) tag <1-4294967295> <1-255>",
      NO_STR ROUTE_HELP_V4 H_PFX4 H_NH4 H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET, false, 26, argc, argv);
}

DEFUN(st_45, st_45_cmd,
      "no ip route A.B.C.D/M (A.B.C.D|INTERFACE) (reject|blackhole)",
      NO_STR ROUTE_HELP_V4 H_PFX4 H_NH4B H_FLAG)
{
	return static_cmd(vty, AF_INET, false, 6, argc, argv);
}

DEFUN(st_46, st_46_cmd,
      "no ip route A.B.C.D/M (A.B.C.D|INTERFACE) (reject|blackhole) <1-255>",
      NO_STR ROUTE_HELP_V4 H_PFX4 H_NH4B H_FLAG H_DIST)
{
	return static_cmd(vty, AF_INET, false, 22, argc, argv);
}

DEFUN(st_47, st_47_cmd,
      "no ip route A.B.C.D/M (A.B.C.D|INTERFACE) (reject|blackhole) tag <1-4294967295>",
      NO_STR ROUTE_HELP_V4 H_PFX4 H_NH4B H_FLAG H_TAG)
{
	return static_cmd(vty, AF_INET, false, 14, argc, argv);
}

DEFUN(st_48, st_48_cmd,
      "no ip route A.B.C.D/M (A.B.C.D|INTERFACE) (reject|blackhole) tag <1-4294967295> <1-255>",
      NO_STR ROUTE_HELP_V4 H_PFX4 H_NH4B H_FLAG H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET, false, 30, argc, argv);
}

DEFUN(st_49, st_49_cmd,
      "no ip route A.B.C.D/M (reject|blackhole)",
      NO_STR ROUTE_HELP_V4 H_PFX4 H_FLAG)
{
	return static_cmd(vty, AF_INET, false, 4, argc, argv);
}

DEFUN(st_50, st_50_cmd,
      "no ip route A.B.C.D/M (reject|blackhole) <1-255>",
      NO_STR ROUTE_HELP_V4 H_PFX4 H_FLAG H_DIST)
{
	return static_cmd(vty, AF_INET, false, 20, argc, argv);
}

DEFUN(st_51, st_51_cmd,
      "no ip route A.B.C.D/M (reject|blackhole) tag <1-4294967295>",
      NO_STR ROUTE_HELP_V4 H_PFX4 H_FLAG H_TAG)
{
	return static_cmd(vty, AF_INET, false, 12, argc, argv);
}

DEFUN(st_52, st_52_cmd,
      "no ip route A.B.C.D/M (reject|blackhole) tag <1-4294967295> <1-255>",
      NO_STR ROUTE_HELP_V4 H_PFX4 H_FLAG H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET, false, 28, argc, argv);
}

DEFUN(st_53, st_53_cmd,
      "no ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE|null0)",
      NO_STR ROUTE_HELP_V4 H_ADDR4 H_NH4)
{
	return static_cmd(vty, AF_INET, false, 3, argc, argv);
}

DEFUN(st_54, st_54_cmd,
      "no ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE|null0) <1-255>",
      NO_STR ROUTE_HELP_V4 H_ADDR4 H_NH4 H_DIST)
{
	return static_cmd(vty, AF_INET, false, 19, argc, argv);
}

DEFUN(st_55, st_55_cmd,
      "no ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE|null0) tag <1-4294967295>",
      NO_STR ROUTE_HELP_V4 H_ADDR4 H_NH4 H_TAG)
{
	return static_cmd(vty, AF_INET, false, 11, argc, argv);
}

DEFUN(st_56, st_56_cmd,
      "no ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE|null0) tag <1-4294967295> <1-255>",
      NO_STR ROUTE_HELP_V4 H_ADDR4 H_NH4 H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET, false, 27, argc, argv);
}

DEFUN(st_57, st_57_cmd,
      "no ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE) (reject|blackhole)",
      NO_STR ROUTE_HELP_V4 H_ADDR4 H_NH4B H_FLAG)
{
	return static_cmd(vty, AF_INET, false, 7, argc, argv);
}

DEFUN(st_58, st_58_cmd,
      "no ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE) (reject|blackhole) <1-255>",
      NO_STR ROUTE_HELP_V4 H_ADDR4 H_NH4B H_FLAG H_DIST)
{
	return static_cmd(vty, AF_INET, false, 23, argc, argv);
}

DEFUN(st_59, st_59_cmd,
      "no ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE) (reject|blackhole) tag <1-4294967295>",
      NO_STR ROUTE_HELP_V4 H_ADDR4 H_NH4B H_FLAG H_TAG)
{
	return static_cmd(vty, AF_INET, false, 15, argc, argv);
}

DEFUN(st_60, st_60_cmd,
      "no ip route A.B.C.D A.B.C.D (A.B.C.D|INTERFACE) (reject|blackhole) tag <1-4294967295> <1-255>",
      NO_STR ROUTE_HELP_V4 H_ADDR4 H_NH4B H_FLAG H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET, false, 31, argc, argv);
}

DEFUN(st_61, st_61_cmd,
      "no ip route A.B.C.D A.B.C.D (reject|blackhole)",
      NO_STR ROUTE_HELP_V4 H_ADDR4 H_FLAG)
{
	return static_cmd(vty, AF_INET, false, 5, argc, argv);
}

DEFUN(st_62, st_62_cmd,
      "no ip route A.B.C.D A.B.C.D (reject|blackhole) <1-255>",
      NO_STR ROUTE_HELP_V4 H_ADDR4 H_FLAG H_DIST)
{
	return static_cmd(vty, AF_INET, false, 21, argc, argv);
}

DEFUN(st_63, st_63_cmd,
      "no ip route A.B.C.D A.B.C.D (reject|blackhole) tag <1-4294967295>",
      NO_STR ROUTE_HELP_V4 H_ADDR4 H_FLAG H_TAG)
{
	return static_cmd(vty, AF_INET, false, 13, argc, argv);
}

DEFUN(st_64, st_64_cmd,
      "no ip route A.B.C.D A.B.C.D (reject|blackhole) tag <1-4294967295> <1-255>",
      NO_STR ROUTE_HELP_V4 H_ADDR4 H_FLAG H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET, false, 29, argc, argv);
}

DEFUN(st_65, st_65_cmd,
      "no ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE)",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6)
{
	return static_cmd(vty, AF_INET6, false, 2, argc, argv);
}

DEFUN(st_66, st_66_cmd,
      "no ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) <1-255>",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6 H_DIST)
{
	return static_cmd(vty, AF_INET6, false, 18, argc, argv);
}

DEFUN(st_67, st_67_cmd,
      "no ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) tag <1-4294967295>",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6 H_TAG)
{
	return static_cmd(vty, AF_INET6, false, 10, argc, argv);
}

DEFUN(st_68, st_68_cmd,
      "no ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) tag <1-4294967295> <1-255>",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6 H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET6, false, 26, argc, argv);
}

DEFUN(st_69, st_69_cmd,
      "no ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) (reject|blackhole)",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6 H_FLAG)
{
	return static_cmd(vty, AF_INET6, false, 6, argc, argv);
}

DEFUN(st_70, st_70_cmd,
      "no ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) (reject|blackhole) <1-255>",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6 H_FLAG H_DIST)
{
	return static_cmd(vty, AF_INET6, false, 22, argc, argv);
}

DEFUN(st_71, st_71_cmd,
      "no ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) (reject|blackhole) tag <1-4294967295>",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6 H_FLAG H_TAG)
{
	return static_cmd(vty, AF_INET6, false, 14, argc, argv);
}

DEFUN(st_72, st_72_cmd,
      "no ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) (reject|blackhole) tag <1-4294967295> <1-255>",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6 H_FLAG H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET6, false, 30, argc, argv);
}

DEFUN(st_73, st_73_cmd,
      "no ipv6 route X:X::X:X/M X:X::X:X INTERFACE",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6)
{
	return static_cmd(vty, AF_INET6, false, 34, argc, argv);
}

DEFUN(st_74, st_74_cmd,
      "no ipv6 route X:X::X:X/M X:X::X:X INTERFACE <1-255>",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6 H_DIST)
{
	return static_cmd(vty, AF_INET6, false, 50, argc, argv);
}

DEFUN(st_75, st_75_cmd,
      "no ipv6 route X:X::X:X/M X:X::X:X INTERFACE tag <1-4294967295>",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6 H_TAG)
{
	return static_cmd(vty, AF_INET6, false, 42, argc, argv);
}

DEFUN(st_76, st_76_cmd,
      "no ipv6 route X:X::X:X/M X:X::X:X INTERFACE tag <1-4294967295> <1-255>",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6 H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET6, false, 58, argc, argv);
}

DEFUN(st_77, st_77_cmd,
      "no ipv6 route X:X::X:X/M X:X::X:X INTERFACE (reject|blackhole)",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6 H_FLAG)
{
	return static_cmd(vty, AF_INET6, false, 38, argc, argv);
}

DEFUN(st_78, st_78_cmd,
      "no ipv6 route X:X::X:X/M X:X::X:X INTERFACE (reject|blackhole) <1-255>",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6 H_FLAG H_DIST)
{
	return static_cmd(vty, AF_INET6, false, 54, argc, argv);
}

DEFUN(st_79, st_79_cmd,
      "no ipv6 route X:X::X:X/M X:X::X:X INTERFACE (reject|blackhole) tag <1-4294967295>",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6 H_FLAG H_TAG)
{
	return static_cmd(vty, AF_INET6, false, 46, argc, argv);
}

DEFUN(st_80, st_80_cmd,
      "no ipv6 route X:X::X:X/M X:X::X:X INTERFACE (reject|blackhole) tag <1-4294967295> <1-255>",
      NO_STR ROUTE_HELP_V6 H_PFX6 H_NH6B H_IF6 H_FLAG H_TAG H_DIST)
{
	return static_cmd(vty, AF_INET6, false, 62, argc, argv);
}

void static_vty_init(void)
{

	install_element(CONFIG_NODE, &st_1_cmd);

	install_element(CONFIG_NODE, &st_2_cmd);

	install_element(CONFIG_NODE, &st_3_cmd);

	install_element(CONFIG_NODE, &st_4_cmd);

	install_element(CONFIG_NODE, &st_5_cmd);

	install_element(CONFIG_NODE, &st_6_cmd);

	install_element(CONFIG_NODE, &st_7_cmd);

	install_element(CONFIG_NODE, &st_8_cmd);

	install_element(CONFIG_NODE, &st_9_cmd);

	install_element(CONFIG_NODE, &st_10_cmd);

	install_element(CONFIG_NODE, &st_11_cmd);

	install_element(CONFIG_NODE, &st_12_cmd);

	install_element(CONFIG_NODE, &st_13_cmd);

	install_element(CONFIG_NODE, &st_14_cmd);

	install_element(CONFIG_NODE, &st_15_cmd);

	install_element(CONFIG_NODE, &st_16_cmd);

	install_element(CONFIG_NODE, &st_17_cmd);

	install_element(CONFIG_NODE, &st_18_cmd);

	install_element(CONFIG_NODE, &st_19_cmd);

	install_element(CONFIG_NODE, &st_20_cmd);

	install_element(CONFIG_NODE, &st_21_cmd);

	install_element(CONFIG_NODE, &st_22_cmd);

	install_element(CONFIG_NODE, &st_23_cmd);

	install_element(CONFIG_NODE, &st_24_cmd);

	install_element(CONFIG_NODE, &st_25_cmd);

	install_element(CONFIG_NODE, &st_26_cmd);

	install_element(CONFIG_NODE, &st_27_cmd);

	install_element(CONFIG_NODE, &st_28_cmd);

	install_element(CONFIG_NODE, &st_29_cmd);

	install_element(CONFIG_NODE, &st_30_cmd);

	install_element(CONFIG_NODE, &st_31_cmd);

	install_element(CONFIG_NODE, &st_32_cmd);

	install_element(CONFIG_NODE, &st_33_cmd);

	install_element(CONFIG_NODE, &st_34_cmd);

	install_element(CONFIG_NODE, &st_35_cmd);

	install_element(CONFIG_NODE, &st_36_cmd);

	install_element(CONFIG_NODE, &st_37_cmd);

	install_element(CONFIG_NODE, &st_38_cmd);

	install_element(CONFIG_NODE, &st_39_cmd);

	install_element(CONFIG_NODE, &st_40_cmd);

	install_element(CONFIG_NODE, &st_41_cmd);

	install_element(CONFIG_NODE, &st_42_cmd);

	install_element(CONFIG_NODE, &st_43_cmd);

	install_element(CONFIG_NODE, &st_44_cmd);

	install_element(CONFIG_NODE, &st_45_cmd);

	install_element(CONFIG_NODE, &st_46_cmd);

	install_element(CONFIG_NODE, &st_47_cmd);

	install_element(CONFIG_NODE, &st_48_cmd);

	install_element(CONFIG_NODE, &st_49_cmd);

	install_element(CONFIG_NODE, &st_50_cmd);

	install_element(CONFIG_NODE, &st_51_cmd);

	install_element(CONFIG_NODE, &st_52_cmd);

	install_element(CONFIG_NODE, &st_53_cmd);

	install_element(CONFIG_NODE, &st_54_cmd);

	install_element(CONFIG_NODE, &st_55_cmd);

	install_element(CONFIG_NODE, &st_56_cmd);

	install_element(CONFIG_NODE, &st_57_cmd);

	install_element(CONFIG_NODE, &st_58_cmd);

	install_element(CONFIG_NODE, &st_59_cmd);

	install_element(CONFIG_NODE, &st_60_cmd);

	install_element(CONFIG_NODE, &st_61_cmd);

	install_element(CONFIG_NODE, &st_62_cmd);

	install_element(CONFIG_NODE, &st_63_cmd);

	install_element(CONFIG_NODE, &st_64_cmd);

	install_element(CONFIG_NODE, &st_65_cmd);

	install_element(CONFIG_NODE, &st_66_cmd);

	install_element(CONFIG_NODE, &st_67_cmd);

	install_element(CONFIG_NODE, &st_68_cmd);

	install_element(CONFIG_NODE, &st_69_cmd);

	install_element(CONFIG_NODE, &st_70_cmd);

	install_element(CONFIG_NODE, &st_71_cmd);

	install_element(CONFIG_NODE, &st_72_cmd);

	install_element(CONFIG_NODE, &st_73_cmd);

	install_element(CONFIG_NODE, &st_74_cmd);

	install_element(CONFIG_NODE, &st_75_cmd);

	install_element(CONFIG_NODE, &st_76_cmd);

	install_element(CONFIG_NODE, &st_77_cmd);

	install_element(CONFIG_NODE, &st_78_cmd);

	install_element(CONFIG_NODE, &st_79_cmd);

	install_element(CONFIG_NODE, &st_80_cmd);

}
