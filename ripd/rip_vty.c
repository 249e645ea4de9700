/*
 * `router rip` and the commands of its node, with Quagga 1.2.4's strings
 * and messages.
 *
 * Handlers parse their arguments, check them against the tree the edit
 * goes to (nb_find: duplicates, "Can't find ..."), and enqueue edits of
 * RIP_NB_XP (yang/tarpan-ripd.yang); rip_nb.c applies the changes to the
 * instance and rip_nb_show.c writes the node back from the tree. They
 * never read the instance to decide an edit: inside a config file it only
 * changes when the whole file is applied.
 *
 * A command that sets a value back to its default removes the node, as
 * Quagga does not write defaults back: write + read gives the same tree.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include <libyang/libyang.h>

#include "command.h"
#include "memory.h"
#include "northbound.h"
#include "vty.h"
#include "ripd.h"

DEFINE_MTYPE_STATIC(RIP_CONF, "RIP config string");

static int config_write_rip(struct vty *vty)
{
	return nb_cli_show(vty, RIP_NB_XP);
}

static struct cmd_node rip_node = {
	.node = RIP_NODE,
	.prompt = "%s(config-router)# ",
	.config_write = config_write_rip,
};

/* A Quagga-style unsigned parse: digits only, in range. */
static bool parse_ulong(const char *s, unsigned long min, unsigned long max,
			unsigned long *out)
{
	char *end;
	unsigned long v;

	if (!s || !*s || *s == '-')
		return false;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

/* "10.0.0.0/8", or a bare address as a /32, like Quagga's str2prefix_ipv4. */
static bool parse_ipv4_prefix(const char *s, struct prefix *p)
{
	if (strchr(s, '/'))
		return prefix_parse_ipv4(s, p) == 0;
	struct in_addr a;

	if (inet_pton(AF_INET, s, &a) != 1)
		return false;
	prefix_from_ipv4(p, a, 32);
	return true;
}

/* Apply one edit of `xp`. */
static int edit1(struct vty *vty, const char *xp, enum nb_op op, const char *value)
{
	nb_cli_enqueue_change(vty, xp, op, value);
	return nb_cli_apply_changes(vty);
}

/* RIP_NB_XP/list[key='value'] into buf; prints an error when it can't be. */
static const char *entry_xp(struct vty *vty, char *buf, size_t len, const char *list,
			    const char *key, const char *value)
{
	if (rip_nb_entry(buf, len, RIP_NB_XP, list, key, value))
		return buf;
	vty_out(vty, "%% Invalid argument %s\n", value);
	return NULL;
}

/* A masked A.B.C.D/M as the key of a prefix-keyed list. */
static bool prefix_key(const char *s, char *buf, size_t len)
{
	struct prefix p;

	if (prefix_parse_ipv4(s, &p) < 0)
		return false;
	apply_mask(&p);
	prefix2str(&p, buf, len);
	return true;
}

DEFUN(router_rip, router_rip_cmd, "router rip",
      "Enable a routing process\n" "Routing Information Protocol (RIP)\n")
{
	struct rip *rip = rip_get();
	bool own = !nb_txn_active();

	if (!nb_find(RIP_NB_XP)) {
		if (edit1(vty, RIP_NB_XP, NB_OP_CREATE, NULL) != CMD_SUCCESS)
			return CMD_WARNING;
		if (own && !rip->enabled) {
			vty_out(vty, "%% Can't create RIP: the RIP socket could not be opened\n");
			edit1(vty, RIP_NB_XP, NB_OP_DESTROY, NULL);
			return CMD_WARNING;
		}
	}
	vty_enter_node(vty, RIP_NODE, rip);
	return CMD_SUCCESS;
}

DEFUN(no_router_rip, no_router_rip_cmd, "no router rip",
      NO_STR "Enable a routing process\n" "Routing Information Protocol (RIP)\n")
{
	return edit1(vty, RIP_NB_XP, NB_OP_DESTROY, NULL);
}

DEFUN(rip_version, rip_version_cmd, "version <1-2>",
      "Set routing protocol version\n" "version\n")
{
	unsigned long v;

	if (!parse_ulong(argv[0], 1, 2, &v)) {
		vty_out(vty, "invalid rip version %s\n", argv[0]);
		return CMD_WARNING;
	}
	return edit1(vty, RIP_NB_XP "/version", NB_OP_MODIFY, v == 1 ? "1" : "2");
}

DEFUN(no_rip_version, no_rip_version_cmd, "no version",
      NO_STR "Set routing protocol version\n")
{
	return edit1(vty, RIP_NB_XP "/version", NB_OP_DESTROY, NULL);
}

ALIAS(no_rip_version, no_rip_version_val_cmd, "no version <1-2>",
      NO_STR "Set routing protocol version\n" "version\n");

DEFUN(rip_default_metric, rip_default_metric_cmd, "default-metric <1-16>",
      "Set a metric of redistribute routes\n" "Default metric\n")
{
	unsigned long v;
	char num[8];

	if (!parse_ulong(argv[0], 1, 16, &v))
		return CMD_SUCCESS;
	if (v == RIP_DEFAULT_METRIC_DEFAULT)
		return edit1(vty, RIP_NB_XP "/default-metric", NB_OP_DESTROY, NULL);
	snprintf(num, sizeof(num), "%lu", v);
	return edit1(vty, RIP_NB_XP "/default-metric", NB_OP_MODIFY, num);
}

DEFUN(no_rip_default_metric, no_rip_default_metric_cmd, "no default-metric",
      NO_STR "Set a metric of redistribute routes\n")
{
	return edit1(vty, RIP_NB_XP "/default-metric", NB_OP_DESTROY, NULL);
}

ALIAS(no_rip_default_metric, no_rip_default_metric_val_cmd, "no default-metric <1-16>",
      NO_STR "Set a metric of redistribute routes\n" "Default metric\n");

DEFUN(rip_timers, rip_timers_cmd,
      "timers basic <5-2147483647> <5-2147483647> <5-2147483647>",
      "Adjust routing timers\n" "Basic routing protocol update timers\n"
      "Routing table update timer value in second. Default is 30.\n"
      "Routing information timeout timer. Default is 180.\n"
      "Garbage collection timer. Default is 120.\n")
{
	static const char *const leaf[3] = {
		RIP_NB_XP "/timers/update-interval", RIP_NB_XP "/timers/timeout-interval",
		RIP_NB_XP "/timers/garbage-interval",
	};
	static const char *const what[3] = { "update", "timeout", "garbage" };
	unsigned long v[3];
	char num[16];

	for (int i = 0; i < 3; i++)
		if (!parse_ulong(argv[i], 5, 2147483647UL, &v[i])) {
			vty_out(vty, "%s timer value error\n", what[i]);
			return CMD_WARNING;
		}
	if (v[0] == RIP_UPDATE_TIMER_DEFAULT && v[1] == RIP_TIMEOUT_TIMER_DEFAULT &&
	    v[2] == RIP_GARBAGE_TIMER_DEFAULT)
		return edit1(vty, RIP_NB_XP "/timers", NB_OP_DESTROY, NULL);
	for (int i = 0; i < 3; i++) {
		snprintf(num, sizeof(num), "%lu", v[i]);
		nb_cli_enqueue_change(vty, leaf[i], NB_OP_MODIFY, num);
	}
	return nb_cli_apply_changes(vty);
}

DEFUN(no_rip_timers, no_rip_timers_cmd, "no timers basic",
      NO_STR "Adjust routing timers\n" "Basic routing protocol update timers\n")
{
	return edit1(vty, RIP_NB_XP "/timers", NB_OP_DESTROY, NULL);
}

ALIAS(no_rip_timers, no_rip_timers_val_cmd,
      "no timers basic <0-65535> <0-65535> <0-65535>",
      NO_STR "Adjust routing timers\n" "Basic routing protocol update timers\n"
      "Routing table update timer value in second. Default is 30.\n"
      "Routing information timeout timer. Default is 180.\n"
      "Garbage collection timer. Default is 120.\n");

static int route_cmd(struct vty *vty, const char *arg, bool set)
{
	char key[PREFIX_STRLEN], xp[NB_XPATH_MAX];
	bool exists;

	if (!prefix_key(arg, key, sizeof(key))) {
		vty_out(vty, "Malformed address\n");
		return CMD_WARNING;
	}
	if (!entry_xp(vty, xp, sizeof(xp), "route", "prefix", key))
		return CMD_WARNING;
	exists = nb_find(xp) != NULL;
	if (set && exists) {
		vty_out(vty, "There is already same static route.\n");
		return CMD_WARNING;
	}
	if (!set && !exists) {
		vty_out(vty, "Can't find route %s.\n", arg);
		return CMD_WARNING;
	}
	return edit1(vty, xp, set ? NB_OP_CREATE : NB_OP_DESTROY, NULL);
}

DEFUN(rip_route, rip_route_cmd, "route A.B.C.D/M",
      "RIP static route configuration\n" "IP prefix <network>/<length>\n")
{
	return route_cmd(vty, argv[0], true);
}

DEFUN(no_rip_route, no_rip_route_cmd, "no route A.B.C.D/M",
      NO_STR "RIP static route configuration\n" "IP prefix <network>/<length>\n")
{
	return route_cmd(vty, argv[0], false);
}

DEFUN(rip_distance, rip_distance_cmd, "distance <1-255>",
      "Administrative distance\n" "Distance value\n")
{
	unsigned long v;
	char num[8];

	if (!parse_ulong(argv[0], 1, 255, &v))
		return CMD_SUCCESS;
	snprintf(num, sizeof(num), "%lu", v);
	return edit1(vty, RIP_NB_XP "/distance", NB_OP_MODIFY, num);
}

DEFUN(no_rip_distance, no_rip_distance_cmd, "no distance <1-255>",
      NO_STR "Administrative distance\n" "Distance value\n")
{
	return edit1(vty, RIP_NB_XP "/distance", NB_OP_DESTROY, NULL);
}

static int distance_source(struct vty *vty, const char *dist, const char *pfx,
			   const char *acl, bool set)
{
	char key[PREFIX_STRLEN], xp[NB_XPATH_MAX], leaf[NB_XPATH_MAX + 16], num[8];
	unsigned long v = 0;

	if (!prefix_key(pfx, key, sizeof(key))) {
		vty_out(vty, "Malformed prefix\n");
		return CMD_WARNING;
	}
	if (!parse_ulong(dist, 1, 255, &v))
		return CMD_WARNING;
	if (!entry_xp(vty, xp, sizeof(xp), "distance-source", "prefix", key))
		return CMD_WARNING;
	if (!set) {
		if (!nb_find(xp)) {
			vty_out(vty, "Can't find specified source\n");
			return CMD_WARNING;
		}
		return edit1(vty, xp, NB_OP_DESTROY, NULL);
	}
	snprintf(num, sizeof(num), "%lu", v);
	snprintf(leaf, sizeof(leaf), "%s/distance", xp);
	nb_cli_enqueue_change(vty, leaf, NB_OP_MODIFY, num);
	snprintf(leaf, sizeof(leaf), "%s/access-list", xp);
	nb_cli_enqueue_change(vty, leaf, acl ? NB_OP_MODIFY : NB_OP_DESTROY, acl);
	return nb_cli_apply_changes(vty);
}

DEFUN(rip_distance_source, rip_distance_source_cmd, "distance <1-255> A.B.C.D/M",
      "Administrative distance\n" "Distance value\n" "IP source prefix\n")
{
	return distance_source(vty, argv[0], argv[1], NULL, true);
}

DEFUN(no_rip_distance_source, no_rip_distance_source_cmd,
      "no distance <1-255> A.B.C.D/M",
      NO_STR "Administrative distance\n" "Distance value\n" "IP source prefix\n")
{
	return distance_source(vty, argv[0], argv[1], NULL, false);
}

DEFUN(rip_distance_source_acl, rip_distance_source_acl_cmd,
      "distance <1-255> A.B.C.D/M WORD",
      "Administrative distance\n" "Distance value\n" "IP source prefix\n"
      "Access list name\n")
{
	return distance_source(vty, argv[0], argv[1], argv[2], true);
}

DEFUN(no_rip_distance_source_acl, no_rip_distance_source_acl_cmd,
      "no distance <1-255> A.B.C.D/M WORD",
      NO_STR "Administrative distance\n" "Distance value\n" "IP source prefix\n"
      "Access list name\n")
{
	return distance_source(vty, argv[0], argv[1], argv[2], false);
}

DEFUN(rip_allow_ecmp, rip_allow_ecmp_cmd, "allow-ecmp",
      "Allow Equal Cost MultiPath\n")
{
	if (nb_find(RIP_NB_XP "/allow-ecmp")) {
		vty_out(vty, "ECMP is already enabled.\n");
		return CMD_WARNING;
	}
	return edit1(vty, RIP_NB_XP "/allow-ecmp", NB_OP_CREATE, NULL);
}

DEFUN(no_rip_allow_ecmp, no_rip_allow_ecmp_cmd, "no allow-ecmp",
      NO_STR "Allow Equal Cost MultiPath\n")
{
	if (!nb_find(RIP_NB_XP "/allow-ecmp")) {
		vty_out(vty, "ECMP is already disabled.\n");
		return CMD_WARNING;
	}
	return edit1(vty, RIP_NB_XP "/allow-ecmp", NB_OP_DESTROY, NULL);
}

/* ---- network, neighbor, passive-interface ---- */

static int network_cmd(struct vty *vty, const char *arg, bool set)
{
	char key[PREFIX_STRLEN], xp[NB_XPATH_MAX];
	struct prefix p;
	bool exists;

	if (parse_ipv4_prefix(arg, &p)) {
		apply_mask(&p);
		prefix2str(&p, key, sizeof(key));
		if (!entry_xp(vty, xp, sizeof(xp), "network", "prefix", key))
			return CMD_WARNING;
	} else if (!entry_xp(vty, xp, sizeof(xp), "network-interface", "name", arg)) {
		return CMD_WARNING;
	}
	exists = nb_find(xp) != NULL;
	if (set && exists) {
		vty_out(vty, "There is a same network configuration %s\n", arg);
		return CMD_WARNING;
	}
	if (!set && !exists) {
		vty_out(vty, "Can't find network configuration %s\n", arg);
		return CMD_WARNING;
	}
	return edit1(vty, xp, set ? NB_OP_CREATE : NB_OP_DESTROY, NULL);
}

DEFUN(rip_network, rip_network_cmd, "network (A.B.C.D/M|WORD)",
      "Enable routing on an IP network\n" "IP prefix <network>/<length>\n"
      "Interface name\n")
{
	return network_cmd(vty, argv[0], true);
}

DEFUN(no_rip_network, no_rip_network_cmd, "no network (A.B.C.D/M|WORD)",
      NO_STR "Enable routing on an IP network\n" "IP prefix <network>/<length>\n"
      "Interface name\n")
{
	return network_cmd(vty, argv[0], false);
}

static int neighbor_set(struct vty *vty, const char *addr, bool set)
{
	char buf[INET_ADDRSTRLEN], xp[NB_XPATH_MAX];
	struct in_addr a;

	if (inet_pton(AF_INET, addr, &a) != 1) {
		vty_out(vty, "Please specify address by A.B.C.D\n");
		return CMD_WARNING;
	}
	inet_ntop(AF_INET, &a, buf, sizeof(buf));
	if (!entry_xp(vty, xp, sizeof(xp), "neighbor", "address", buf))
		return CMD_WARNING;
	return edit1(vty, xp, set ? NB_OP_CREATE : NB_OP_DESTROY, NULL);
}

DEFUN(rip_neighbor, rip_neighbor_cmd, "neighbor A.B.C.D",
      "Specify a neighbor router\n" "Neighbor address\n")
{
	return neighbor_set(vty, argv[0], true);
}

DEFUN(no_rip_neighbor, no_rip_neighbor_cmd, "no neighbor A.B.C.D",
      NO_STR "Specify a neighbor router\n" "Neighbor address\n")
{
	return neighbor_set(vty, argv[0], false);
}

/* Remove every entry of `list`, a bounded batch per apply (the change
 * queue of one apply is bounded). */
static int clear_list(struct vty *vty, const char *list)
{
	const struct lyd_node *rip = nb_find(RIP_NB_XP), **v;
	size_t n, i, batch = 16;
	int ret = CMD_SUCCESS;

	n = nb_children_sorted(rip, list, NULL, &v);
	for (i = 0; i < n && ret == CMD_SUCCESS; i++) {
		char *path = lyd_path(v[i], LYD_PATH_STD, NULL, 0);

		if (path)
			nb_cli_enqueue_change(vty, path, NB_OP_DESTROY, NULL);
		free(path);
		if ((i + 1) % batch == 0 || i + 1 == n)
			ret = nb_cli_apply_changes(vty);
	}
	nb_nodes_free(v);
	return ret;
}

static int passive_set(struct vty *vty, const char *arg, bool set)
{
	bool def = nb_find(RIP_NB_XP "/passive-default") != NULL;
	char xp[NB_XPATH_MAX];
	bool exists;

	if (strcmp(arg, "default") == 0) {
		/* the names listed so far lose their meaning */
		if (clear_list(vty, def ? "non-passive-interface" : "passive-interface") !=
		    CMD_SUCCESS)
			return CMD_WARNING;
		return edit1(vty, RIP_NB_XP "/passive-default",
			     set ? NB_OP_CREATE : NB_OP_DESTROY, NULL);
	}
	/* under `passive-interface default` the list holds the exceptions */
	if (!entry_xp(vty, xp, sizeof(xp), def ? "non-passive-interface" : "passive-interface",
		      "name", arg))
		return CMD_WARNING;
	if (def)
		set = !set;
	exists = nb_find(xp) != NULL;
	if (set == exists)
		return CMD_WARNING;
	return edit1(vty, xp, set ? NB_OP_CREATE : NB_OP_DESTROY, NULL);
}

DEFUN(rip_passive_interface, rip_passive_interface_cmd,
      "passive-interface (IFNAME|default)",
      "Suppress routing updates on an interface\n" "Interface name\n"
      "default for all interfaces\n")
{
	return passive_set(vty, argv[0], true);
}

DEFUN(no_rip_passive_interface, no_rip_passive_interface_cmd,
      "no passive-interface (IFNAME|default)",
      NO_STR "Suppress routing updates on an interface\n" "Interface name\n"
      "default for all interfaces\n")
{
	return passive_set(vty, argv[0], false);
}

/* ---- redistribution ---- */

#define REDIST_TYPES "(kernel|connected|static|ospf|isis|bgp|pim|babel|nhrp)"
#define REDIST_HELP                                                            \
	"Kernel routes (not installed via the zebra RIB)\n"                    \
	"Connected routes (directly attached subnet or host)\n"                \
	"Statically configured routes\n"                                       \
	"Open Shortest Path First (OSPFv2)\n"                                  \
	"Intermediate System to Intermediate System (IS-IS)\n"                 \
	"Border Gateway Protocol (BGP)\n"                                      \
	"Protocol Independent Multicast (PIM)\n"                               \
	"Babel routing protocol (Babel)\n"                                     \
	"Next Hop Resolution Protocol (NHRP)\n"

static int redist_type(struct vty *vty, const char *kw)
{
	int type = proto_redistnum(AF_INET, kw);

	if (type < 0 || type == ZEBRA_ROUTE_RIP) {
		vty_out(vty, "Invalid type %s\n", kw);
		return -1;
	}
	return type;
}

void rip_redistribute_set(struct rip *rip, uint8_t type, bool metric_config,
			  uint8_t metric, const char *rmap)
{
	struct rip_redist *rd = &rip->redist[type];
	bool rmap_changed = (rmap || rd->route_map) &&
			    !(rmap && rd->route_map && strcmp(rmap, rd->route_map) == 0);

	rd->metric_config = metric_config;
	rd->metric = metric;
	XFREE(RIP_CONF, rd->route_map);
	if (rmap)
		rd->route_map = XSTRDUP(RIP_CONF, rmap);
	if (!rd->enabled) {
		rd->enabled = true;
		rip_zebra_redistribute(rip, type, true);
	} else if (rmap_changed) {
		rip_routemap_changed(rip);
	}
}

void rip_redistribute_clean(struct rip *rip)
{
	for (int t = 0; t < ZEBRA_ROUTE_MAX; t++) {
		if (rip->redist[t].enabled)
			rip_zebra_redistribute(rip, (uint8_t)t, false);
		XFREE(RIP_CONF, rip->redist[t].route_map);
		memset(&rip->redist[t], 0, sizeof(rip->redist[t]));
	}
}

void rip_redistribute_unset(struct rip *rip, uint8_t type)
{
	struct rip_redist *rd = &rip->redist[type];

	if (rd->enabled) {
		rip_zebra_redistribute(rip, type, false);
		rip_redistribute_withdraw(rip, type);
	}
	XFREE(RIP_CONF, rd->route_map);
	memset(rd, 0, sizeof(*rd));
}

static int redist_cmd(struct vty *vty, const char *kw, const char *metric,
		      const char *rmap, bool set)
{
	char xp[NB_XPATH_MAX], leaf[NB_XPATH_MAX + 16], num[8];
	int type = redist_type(vty, kw);
	unsigned long m = 0;

	if (type < 0)
		return CMD_WARNING;
	if (metric && !parse_ulong(metric, 0, 16, &m))
		return CMD_WARNING;
	if (!entry_xp(vty, xp, sizeof(xp), "redistribute", "type", zebra_route_string(type)))
		return CMD_WARNING;
	if (!set)
		return edit1(vty, xp, NB_OP_DESTROY, NULL);
	nb_cli_enqueue_change(vty, xp, NB_OP_CREATE, NULL);
	snprintf(leaf, sizeof(leaf), "%s/metric", xp);
	snprintf(num, sizeof(num), "%lu", m);
	nb_cli_enqueue_change(vty, leaf, metric ? NB_OP_MODIFY : NB_OP_DESTROY,
			      metric ? num : NULL);
	snprintf(leaf, sizeof(leaf), "%s/route-map", xp);
	nb_cli_enqueue_change(vty, leaf, rmap ? NB_OP_MODIFY : NB_OP_DESTROY, rmap);
	return nb_cli_apply_changes(vty);
}

static int redist_set(struct vty *vty, const char *kw, const char *metric,
		      const char *rmap)
{
	return redist_cmd(vty, kw, metric, rmap, true);
}

static int redist_unset(struct vty *vty, const char *kw)
{
	return redist_cmd(vty, kw, NULL, NULL, false);
}

DEFUN(rip_redistribute_type, rip_redistribute_type_cmd, "redistribute " REDIST_TYPES,
      REDIST_STR REDIST_HELP)
{
	return redist_set(vty, argv[0], NULL, NULL);
}

DEFUN(rip_redistribute_type_routemap, rip_redistribute_type_routemap_cmd,
      "redistribute " REDIST_TYPES " route-map WORD",
      REDIST_STR REDIST_HELP "Route map reference\n" "Pointer to route-map entries\n")
{
	return redist_set(vty, argv[0], NULL, argv[1]);
}

DEFUN(rip_redistribute_type_metric, rip_redistribute_type_metric_cmd,
      "redistribute " REDIST_TYPES " metric <0-16>",
      REDIST_STR REDIST_HELP "Metric\n" "Metric value\n")
{
	return redist_set(vty, argv[0], argv[1], NULL);
}

DEFUN(rip_redistribute_type_metric_routemap, rip_redistribute_type_metric_routemap_cmd,
      "redistribute " REDIST_TYPES " metric <0-16> route-map WORD",
      REDIST_STR REDIST_HELP "Metric\n" "Metric value\n" "Route map reference\n"
      "Pointer to route-map entries\n")
{
	return redist_set(vty, argv[0], argv[1], argv[2]);
}

DEFUN(no_rip_redistribute_type, no_rip_redistribute_type_cmd,
      "no redistribute " REDIST_TYPES, NO_STR REDIST_STR REDIST_HELP)
{
	return redist_unset(vty, argv[0]);
}

ALIAS(no_rip_redistribute_type, no_rip_redistribute_type_routemap_cmd,
      "no redistribute " REDIST_TYPES " route-map WORD",
      NO_STR REDIST_STR REDIST_HELP "Route map reference\n"
      "Pointer to route-map entries\n");
ALIAS(no_rip_redistribute_type, no_rip_redistribute_type_metric_cmd,
      "no redistribute " REDIST_TYPES " metric <0-16>",
      NO_STR REDIST_STR REDIST_HELP "Metric\n" "Metric value\n");
ALIAS(no_rip_redistribute_type, no_rip_redistribute_type_metric_routemap_cmd,
      "no redistribute " REDIST_TYPES " metric <0-16> route-map WORD",
      NO_STR REDIST_STR REDIST_HELP "Metric\n" "Metric value\n"
      "Route map reference\n" "Pointer to route-map entries\n");

DEFUN(rip_default_information_originate, rip_default_information_originate_cmd,
      "default-information originate",
      "Control distribution of default route\n" "Distribute a default route\n")
{
	return edit1(vty, RIP_NB_XP "/default-information-originate", NB_OP_CREATE, NULL);
}

DEFUN(no_rip_default_information_originate, no_rip_default_information_originate_cmd,
      "no default-information originate",
      NO_STR "Control distribution of default route\n" "Distribute a default route\n")
{
	return edit1(vty, RIP_NB_XP "/default-information-originate", NB_OP_DESTROY, NULL);
}

/* ---- offset-list and distribute-list ---- */

static int dir_of(const char *s)
{
	return strncmp(s, "in", 2) == 0 ? 0 : 1;
}

static int offset_cmd(struct vty *vty, int argc, const char *argv[], bool set)
{
	char xp[NB_XPATH_MAX], dxp[NB_XPATH_MAX + 8], leaf[NB_XPATH_MAX + 24], num[8];
	const char *ifname = argc > 3 ? argv[3] : NULL;
	const struct lyd_node *old;
	unsigned long m;
	int dir;

	if (strncmp(argv[1], "in", 2) != 0 && strncmp(argv[1], "out", 3) != 0) {
		vty_out(vty, "Invalid direction: %s\n", argv[1]);
		return CMD_WARNING;
	}
	if (!parse_ulong(argv[2], 0, 16, &m)) {
		vty_out(vty, "Invalid metric: %s\n", argv[2]);
		return CMD_WARNING;
	}
	dir = dir_of(argv[1]);
	if (!entry_xp(vty, xp, sizeof(xp), "offset-list", "interface", rip_nb_ifkey(ifname)))
		return CMD_WARNING;
	snprintf(dxp, sizeof(dxp), "%s/%s", xp, dir ? "out" : "in");
	snprintf(leaf, sizeof(leaf), "%s/access-list", dxp);
	if (!set) {
		old = nb_find(leaf);
		if (!old || strcmp(nb_value(old), argv[0]) != 0) {
			vty_out(vty, "Can't find offset-list\n");
			return CMD_WARNING;
		}
		rip_nb_unset(vty, xp, dxp);
		return nb_cli_apply_changes(vty);
	}
	nb_cli_enqueue_change(vty, leaf, NB_OP_MODIFY, argv[0]);
	snprintf(leaf, sizeof(leaf), "%s/metric", dxp);
	snprintf(num, sizeof(num), "%lu", m);
	nb_cli_enqueue_change(vty, leaf, NB_OP_MODIFY, num);
	return nb_cli_apply_changes(vty);
}

DEFUN(rip_offset_list, rip_offset_list_cmd, "offset-list WORD (in|out) <0-16>",
      "Modify RIP metric\n" "Access-list name\n" "For incoming updates\n"
      "For outgoing updates\n" "Metric value\n")
{
	return offset_cmd(vty, argc, argv, true);
}

ALIAS(rip_offset_list, rip_offset_list_ifname_cmd,
      "offset-list WORD (in|out) <0-16> IFNAME",
      "Modify RIP metric\n" "Access-list name\n" "For incoming updates\n"
      "For outgoing updates\n" "Metric value\n" "Interface to match\n");

DEFUN(no_rip_offset_list, no_rip_offset_list_cmd, "no offset-list WORD (in|out) <0-16>",
      NO_STR "Modify RIP metric\n" "Access-list name\n" "For incoming updates\n"
      "For outgoing updates\n" "Metric value\n")
{
	return offset_cmd(vty, argc, argv, false);
}

ALIAS(no_rip_offset_list, no_rip_offset_list_ifname_cmd,
      "no offset-list WORD (in|out) <0-16> IFNAME",
      NO_STR "Modify RIP metric\n" "Access-list name\n" "For incoming updates\n"
      "For outgoing updates\n" "Metric value\n" "Interface to match\n");

static int distribute_cmd(struct vty *vty, bool prefix, const char *name,
			  const char *dir, const char *ifname, bool set)
{
	char xp[NB_XPATH_MAX], leaf[NB_XPATH_MAX + 24];
	const struct lyd_node *old;

	if (!entry_xp(vty, xp, sizeof(xp), "distribute-list", "interface",
		      rip_nb_ifkey(ifname)))
		return CMD_WARNING;
	snprintf(leaf, sizeof(leaf), "%s/%s/%s", xp, dir_of(dir) ? "out" : "in",
		 prefix ? "prefix-list" : "access-list");
	if (set)
		return edit1(vty, leaf, NB_OP_MODIFY, name);
	old = nb_find(leaf);
	if (!old || strcmp(nb_value(old), name) != 0) {
		vty_out(vty, "distribute list doesn't exist\n");
		return CMD_WARNING;
	}
	rip_nb_unset(vty, xp, leaf);
	return nb_cli_apply_changes(vty);
}

#define DIST_STR "Filter networks in routing updates\n"
#define DIST_ACL_H "Access-list name\n"

DEFUN(rip_distribute_list, rip_distribute_list_cmd, "distribute-list WORD (in|out)",
      DIST_STR DIST_ACL_H "Filter incoming routing updates\n"
      "Filter outgoing routing updates\n")
{
	return distribute_cmd(vty, false, argv[0], argv[1], NULL, true);
}

DEFUN(rip_distribute_list_if, rip_distribute_list_if_cmd,
      "distribute-list WORD (in|out) WORD",
      DIST_STR DIST_ACL_H "Filter incoming routing updates\n"
      "Filter outgoing routing updates\n" "Interface name\n")
{
	return distribute_cmd(vty, false, argv[0], argv[1], argv[2], true);
}

DEFUN(no_rip_distribute_list, no_rip_distribute_list_cmd,
      "no distribute-list WORD (in|out)",
      NO_STR DIST_STR DIST_ACL_H "Filter incoming routing updates\n"
      "Filter outgoing routing updates\n")
{
	return distribute_cmd(vty, false, argv[0], argv[1], NULL, false);
}

DEFUN(no_rip_distribute_list_if, no_rip_distribute_list_if_cmd,
      "no distribute-list WORD (in|out) WORD",
      NO_STR DIST_STR DIST_ACL_H "Filter incoming routing updates\n"
      "Filter outgoing routing updates\n" "Interface name\n")
{
	return distribute_cmd(vty, false, argv[0], argv[1], argv[2], false);
}

#define DIST_PL_H "Filter prefixes in routing updates\n" "Name of an IP prefix-list\n"

DEFUN(rip_distribute_prefix, rip_distribute_prefix_cmd,
      "distribute-list prefix WORD (in|out)",
      DIST_STR DIST_PL_H "Filter incoming routing updates\n"
      "Filter outgoing routing updates\n")
{
	return distribute_cmd(vty, true, argv[0], argv[1], NULL, true);
}

DEFUN(rip_distribute_prefix_if, rip_distribute_prefix_if_cmd,
      "distribute-list prefix WORD (in|out) WORD",
      DIST_STR DIST_PL_H "Filter incoming routing updates\n"
      "Filter outgoing routing updates\n" "Interface name\n")
{
	return distribute_cmd(vty, true, argv[0], argv[1], argv[2], true);
}

DEFUN(no_rip_distribute_prefix, no_rip_distribute_prefix_cmd,
      "no distribute-list prefix WORD (in|out)",
      NO_STR DIST_STR DIST_PL_H "Filter incoming routing updates\n"
      "Filter outgoing routing updates\n")
{
	return distribute_cmd(vty, true, argv[0], argv[1], NULL, false);
}

DEFUN(no_rip_distribute_prefix_if, no_rip_distribute_prefix_if_cmd,
      "no distribute-list prefix WORD (in|out) WORD",
      NO_STR DIST_STR DIST_PL_H "Filter incoming routing updates\n"
      "Filter outgoing routing updates\n" "Interface name\n")
{
	return distribute_cmd(vty, true, argv[0], argv[1], argv[2], false);
}

static struct cmd_element *const rip_node_cmds[] = {
	&rip_version_cmd, &no_rip_version_cmd, &no_rip_version_val_cmd,
	&rip_default_metric_cmd, &no_rip_default_metric_cmd,
	&no_rip_default_metric_val_cmd,
	&rip_timers_cmd, &no_rip_timers_cmd, &no_rip_timers_val_cmd,
	&rip_route_cmd, &no_rip_route_cmd,
	&rip_distance_cmd, &no_rip_distance_cmd,
	&rip_distance_source_cmd, &no_rip_distance_source_cmd,
	&rip_distance_source_acl_cmd, &no_rip_distance_source_acl_cmd,
	&rip_allow_ecmp_cmd, &no_rip_allow_ecmp_cmd,
	&rip_distribute_list_cmd, &no_rip_distribute_list_cmd,
	&rip_distribute_list_if_cmd, &no_rip_distribute_list_if_cmd,
	&rip_distribute_prefix_cmd, &no_rip_distribute_prefix_cmd,
	&rip_distribute_prefix_if_cmd, &no_rip_distribute_prefix_if_cmd,
	&rip_offset_list_cmd, &rip_offset_list_ifname_cmd,
	&no_rip_offset_list_cmd, &no_rip_offset_list_ifname_cmd,
	&rip_network_cmd, &no_rip_network_cmd,
	&rip_neighbor_cmd, &no_rip_neighbor_cmd,
	&rip_passive_interface_cmd, &no_rip_passive_interface_cmd,
	&rip_redistribute_type_cmd, &rip_redistribute_type_routemap_cmd,
	&rip_redistribute_type_metric_cmd, &rip_redistribute_type_metric_routemap_cmd,
	&no_rip_redistribute_type_cmd, &no_rip_redistribute_type_routemap_cmd,
	&no_rip_redistribute_type_metric_cmd,
	&no_rip_redistribute_type_metric_routemap_cmd,
	&rip_default_information_originate_cmd,
	&no_rip_default_information_originate_cmd,
};

void rip_vty_init(void)
{
	rip_nb_init();
	install_node(&rip_node);
	install_default(RIP_NODE);
	install_element(CONFIG_NODE, &router_rip_cmd);
	install_element(CONFIG_NODE, &no_router_rip_cmd);
	for (size_t i = 0; i < sizeof(rip_node_cmds) / sizeof(rip_node_cmds[0]); i++)
		install_element(RIP_NODE, rip_node_cmds[i]);
}
