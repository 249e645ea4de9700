/*
 * `router rip` and the commands of its node, with Quagga 1.2.4's strings
 * and messages, and the config writer of the node.
 *
 * Handlers only parse their arguments and call setters on the instance
 * (rip_get()); after a change that moves routes they ask the instance to
 * re-evaluate (rip_if_update_all, rip_apply_config).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "command.h"
#include "memory.h"
#include "vty.h"
#include "ripd.h"

DEFINE_MTYPE_STATIC(RIP_CONF, "RIP config string");

static int config_write_rip(struct vty *vty);

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

DEFUN(router_rip, router_rip_cmd, "router rip",
      "Enable a routing process\n" "Routing Information Protocol (RIP)\n")
{
	struct rip *rip = rip_get();

	if (!rip->enabled && rip_enable(rip) < 0) {
		vty_out(vty, "%% Can't create RIP: the RIP socket could not be opened\n");
		return CMD_WARNING;
	}
	vty_enter_node(vty, RIP_NODE, rip);
	return CMD_SUCCESS;
}

DEFUN(no_router_rip, no_router_rip_cmd, "no router rip",
      NO_STR "Enable a routing process\n" "Routing Information Protocol (RIP)\n")
{
	rip_disable(rip_get());
	return CMD_SUCCESS;
}

DEFUN(rip_version, rip_version_cmd, "version <1-2>",
      "Set routing protocol version\n" "version\n")
{
	struct rip *rip = rip_get();
	unsigned long v;

	if (!parse_ulong(argv[0], 1, 2, &v)) {
		vty_out(vty, "invalid rip version %s\n", argv[0]);
		return CMD_WARNING;
	}
	rip->version_send = (uint8_t)v;
	rip->version_recv = (uint8_t)v;
	return CMD_SUCCESS;
}

DEFUN(no_rip_version, no_rip_version_cmd, "no version",
      NO_STR "Set routing protocol version\n")
{
	struct rip *rip = rip_get();

	rip->version_send = RI_RIP_VERSION_2;
	rip->version_recv = RI_RIP_VERSION_1_AND_2;
	return CMD_SUCCESS;
}

ALIAS(no_rip_version, no_rip_version_val_cmd, "no version <1-2>",
      NO_STR "Set routing protocol version\n" "version\n");

DEFUN(rip_default_metric, rip_default_metric_cmd, "default-metric <1-16>",
      "Set a metric of redistribute routes\n" "Default metric\n")
{
	unsigned long v;

	if (parse_ulong(argv[0], 1, 16, &v))
		rip_get()->default_metric = (uint8_t)v;
	return CMD_SUCCESS;
}

DEFUN(no_rip_default_metric, no_rip_default_metric_cmd, "no default-metric",
      NO_STR "Set a metric of redistribute routes\n")
{
	rip_get()->default_metric = RIP_DEFAULT_METRIC_DEFAULT;
	return CMD_SUCCESS;
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
	struct rip *rip = rip_get();
	unsigned long u, t, g;

	if (!parse_ulong(argv[0], 5, 2147483647UL, &u)) {
		vty_out(vty, "update timer value error\n");
		return CMD_WARNING;
	}
	if (!parse_ulong(argv[1], 5, 2147483647UL, &t)) {
		vty_out(vty, "timeout timer value error\n");
		return CMD_WARNING;
	}
	if (!parse_ulong(argv[2], 5, 2147483647UL, &g)) {
		vty_out(vty, "garbage timer value error\n");
		return CMD_WARNING;
	}
	rip->update_time = u;
	rip->timeout_time = t;
	rip->garbage_time = g;
	if (rip->enabled)
		rip_schedule_update(rip);
	return CMD_SUCCESS;
}

DEFUN(no_rip_timers, no_rip_timers_cmd, "no timers basic",
      NO_STR "Adjust routing timers\n" "Basic routing protocol update timers\n")
{
	struct rip *rip = rip_get();

	rip->update_time = RIP_UPDATE_TIMER_DEFAULT;
	rip->timeout_time = RIP_TIMEOUT_TIMER_DEFAULT;
	rip->garbage_time = RIP_GARBAGE_TIMER_DEFAULT;
	if (rip->enabled)
		rip_schedule_update(rip);
	return CMD_SUCCESS;
}

ALIAS(no_rip_timers, no_rip_timers_val_cmd,
      "no timers basic <0-65535> <0-65535> <0-65535>",
      NO_STR "Adjust routing timers\n" "Basic routing protocol update timers\n"
      "Routing table update timer value in second. Default is 30.\n"
      "Routing information timeout timer. Default is 180.\n"
      "Garbage collection timer. Default is 120.\n");

DEFUN(rip_route, rip_route_cmd, "route A.B.C.D/M",
      "RIP static route configuration\n" "IP prefix <network>/<length>\n")
{
	struct rip *rip = rip_get();
	struct route_node *rn;
	struct prefix p;

	if (prefix_parse_ipv4(argv[0], &p) < 0) {
		vty_out(vty, "Malformed address\n");
		return CMD_WARNING;
	}
	apply_mask(&p);
	if (route_node_lookup(rip->static_routes, &p)) {
		vty_out(vty, "There is already same static route.\n");
		return CMD_WARNING;
	}
	rn = route_node_get(rip->static_routes, &p);
	rn->info = (void *)1;
	rip_redistribute_add(rip, ZEBRA_ROUTE_RIP, RIP_ROUTE_STATIC, &p, 0,
			     (struct in_addr){ 0 }, 0, 0, 0);
	return CMD_SUCCESS;
}

DEFUN(no_rip_route, no_rip_route_cmd, "no route A.B.C.D/M",
      NO_STR "RIP static route configuration\n" "IP prefix <network>/<length>\n")
{
	struct rip *rip = rip_get();
	struct route_node *rn;
	struct prefix p;

	if (prefix_parse_ipv4(argv[0], &p) < 0) {
		vty_out(vty, "Malformed address\n");
		return CMD_WARNING;
	}
	apply_mask(&p);
	rn = route_node_lookup(rip->static_routes, &p);
	if (!rn) {
		vty_out(vty, "Can't find route %s.\n", argv[0]);
		return CMD_WARNING;
	}
	rip_redistribute_delete(rip, ZEBRA_ROUTE_RIP, RIP_ROUTE_STATIC, &p, 0);
	rn->info = NULL;
	route_node_delete(rip->static_routes, rn);
	return CMD_SUCCESS;
}

DEFUN(rip_distance, rip_distance_cmd, "distance <1-255>",
      "Administrative distance\n" "Distance value\n")
{
	unsigned long v;

	if (parse_ulong(argv[0], 1, 255, &v))
		rip_get()->distance = (uint8_t)v;
	return CMD_SUCCESS;
}

DEFUN(no_rip_distance, no_rip_distance_cmd, "no distance <1-255>",
      NO_STR "Administrative distance\n" "Distance value\n")
{
	rip_get()->distance = 0;
	return CMD_SUCCESS;
}

static int distance_source(struct vty *vty, const char *dist, const char *pfx,
			   const char *acl, bool set)
{
	unsigned long v = 0;
	struct prefix p;

	if (prefix_parse_ipv4(pfx, &p) < 0) {
		vty_out(vty, "Malformed prefix\n");
		return CMD_WARNING;
	}
	apply_mask(&p);
	if (!parse_ulong(dist, 1, 255, &v))
		return CMD_WARNING;
	if (rip_distance_set(rip_get(), (uint8_t)v, &p, acl, set) < 0 && !set) {
		vty_out(vty, "Can't find specified source\n");
		return CMD_WARNING;
	}
	return CMD_SUCCESS;
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
	struct rip *rip = rip_get();

	if (rip->ecmp) {
		vty_out(vty, "ECMP is already enabled.\n");
		return CMD_WARNING;
	}
	rip->ecmp = true;
	return CMD_SUCCESS;
}

DEFUN(no_rip_allow_ecmp, no_rip_allow_ecmp_cmd, "no allow-ecmp",
      NO_STR "Allow Equal Cost MultiPath\n")
{
	struct rip *rip = rip_get();

	if (!rip->ecmp) {
		vty_out(vty, "ECMP is already disabled.\n");
		return CMD_WARNING;
	}
	rip->ecmp = false;
	rip_ecmp_disable(rip);
	return CMD_SUCCESS;
}

/* ---- network, neighbor, passive-interface ---- */

DEFUN(rip_network, rip_network_cmd, "network (A.B.C.D/M|WORD)",
      "Enable routing on an IP network\n" "IP prefix <network>/<length>\n"
      "Interface name\n")
{
	struct rip *rip = rip_get();
	struct prefix p;
	bool dup;

	if (parse_ipv4_prefix(argv[0], &p)) {
		struct route_node *rn;

		apply_mask(&p);
		dup = route_node_lookup(rip->networks, &p) != NULL;
		if (!dup) {
			rn = route_node_get(rip->networks, &p);
			rn->info = (void *)1;
		}
	} else {
		dup = !rip_name_list_set(&rip->network_ifnames, argv[0], true);
	}
	if (dup) {
		vty_out(vty, "There is a same network configuration %s\n", argv[0]);
		return CMD_WARNING;
	}
	rip_if_update_all(rip);
	return CMD_SUCCESS;
}

DEFUN(no_rip_network, no_rip_network_cmd, "no network (A.B.C.D/M|WORD)",
      NO_STR "Enable routing on an IP network\n" "IP prefix <network>/<length>\n"
      "Interface name\n")
{
	struct rip *rip = rip_get();
	struct prefix p;
	bool found;

	if (parse_ipv4_prefix(argv[0], &p)) {
		struct route_node *rn;

		apply_mask(&p);
		rn = route_node_lookup(rip->networks, &p);
		found = rn != NULL;
		if (rn) {
			rn->info = NULL;
			route_node_delete(rip->networks, rn);
		}
	} else {
		found = rip_name_list_set(&rip->network_ifnames, argv[0], false);
	}
	if (!found) {
		vty_out(vty, "Can't find network configuration %s\n", argv[0]);
		return CMD_WARNING;
	}
	rip_if_update_all(rip);
	return CMD_SUCCESS;
}

static int neighbor_set(struct vty *vty, const char *addr, bool set)
{
	struct rip *rip = rip_get();
	struct in_addr a;
	struct prefix p;
	struct route_node *rn;

	if (inet_pton(AF_INET, addr, &a) != 1) {
		vty_out(vty, "Please specify address by A.B.C.D\n");
		return CMD_WARNING;
	}
	prefix_from_ipv4(&p, a, 32);
	if (set) {
		rn = route_node_get(rip->neighbors, &p);
		rn->info = (void *)1;
	} else if ((rn = route_node_lookup(rip->neighbors, &p))) {
		rn->info = NULL;
		route_node_delete(rip->neighbors, rn);
	}
	return CMD_SUCCESS;
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

static int passive_set(const char *arg, bool set)
{
	struct rip *rip = rip_get();

	if (strcmp(arg, "default") == 0) {
		rip->passive_default = set;
		rip_name_list_free(&rip->passive_names);
	} else if (rip->passive_default) {
		/* under `passive-interface default` the list holds exceptions */
		if (!rip_name_list_set(&rip->passive_names, arg, !set))
			return CMD_WARNING;
	} else if (!rip_name_list_set(&rip->passive_names, arg, set)) {
		return CMD_WARNING;
	}
	rip_if_update_all(rip);
	return CMD_SUCCESS;
}

DEFUN(rip_passive_interface, rip_passive_interface_cmd,
      "passive-interface (IFNAME|default)",
      "Suppress routing updates on an interface\n" "Interface name\n"
      "default for all interfaces\n")
{
	return passive_set(argv[0], true);
}

DEFUN(no_rip_passive_interface, no_rip_passive_interface_cmd,
      "no passive-interface (IFNAME|default)",
      NO_STR "Suppress routing updates on an interface\n" "Interface name\n"
      "default for all interfaces\n")
{
	return passive_set(argv[0], false);
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

static int redist_set(struct vty *vty, const char *kw, const char *metric,
		      const char *rmap)
{
	int type = redist_type(vty, kw);
	unsigned long m = 0;

	if (type < 0)
		return CMD_WARNING;
	if (metric && !parse_ulong(metric, 0, 16, &m))
		return CMD_WARNING;
	rip_redistribute_set(rip_get(), (uint8_t)type, metric != NULL, (uint8_t)m, rmap);
	return CMD_SUCCESS;
}

static int redist_unset(struct vty *vty, const char *kw)
{
	struct rip *rip = rip_get();
	int type = redist_type(vty, kw);
	struct rip_redist *rd;

	if (type < 0)
		return CMD_WARNING;
	rd = &rip->redist[type];
	if (rd->enabled) {
		rip_zebra_redistribute(rip, (uint8_t)type, false);
		rip_redistribute_withdraw(rip, (uint8_t)type);
	}
	XFREE(RIP_CONF, rd->route_map);
	memset(rd, 0, sizeof(*rd));
	return CMD_SUCCESS;
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
	struct rip *rip = rip_get();

	rip->default_information = true;
	rip_apply_config(rip);
	return CMD_SUCCESS;
}

DEFUN(no_rip_default_information_originate, no_rip_default_information_originate_cmd,
      "no default-information originate",
      NO_STR "Control distribution of default route\n" "Distribute a default route\n")
{
	struct rip *rip = rip_get();

	rip->default_information = false;
	rip_apply_config(rip);
	return CMD_SUCCESS;
}

/* ---- offset-list and distribute-list ---- */

static int dir_of(const char *s)
{
	return strncmp(s, "in", 2) == 0 ? 0 : 1;
}

static int offset_cmd(struct vty *vty, int argc, const char *argv[], bool set)
{
	unsigned long m;
	const char *ifname = argc > 3 ? argv[3] : NULL;

	if (strncmp(argv[1], "in", 2) != 0 && strncmp(argv[1], "out", 3) != 0) {
		vty_out(vty, "Invalid direction: %s\n", argv[1]);
		return CMD_WARNING;
	}
	if (!parse_ulong(argv[2], 0, 16, &m)) {
		vty_out(vty, "Invalid metric: %s\n", argv[2]);
		return CMD_WARNING;
	}
	if (rip_offset_set(rip_get(), argv[0], dir_of(argv[1]), (uint8_t)m, ifname, set) < 0) {
		vty_out(vty, "Can't find offset-list\n");
		return CMD_WARNING;
	}
	return CMD_SUCCESS;
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
	if (rip_distribute_set(rip_get(), ifname, dir_of(dir), prefix, name, set) < 0) {
		vty_out(vty, "distribute list doesn't exist\n");
		return CMD_WARNING;
	}
	rip_filter_changed(rip_get());
	return CMD_SUCCESS;
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

/* ---- config write ---- */

void rip_redistribute_write(struct vty *vty, struct rip *rip, bool config_mode)
{
	for (int t = 0; t < ZEBRA_ROUTE_MAX; t++) {
		const struct rip_redist *rd = &rip->redist[t];

		if (!rd->enabled)
			continue;
		if (!config_mode) {
			vty_out(vty, " %s", zebra_route_string(t));
			continue;
		}
		vty_out(vty, " redistribute %s", zebra_route_string(t));
		if (rd->metric_config)
			vty_out(vty, " metric %d", rd->metric);
		if (rd->route_map)
			vty_out(vty, " route-map %s", rd->route_map);
		vty_out(vty, "\n");
	}
}

void rip_network_write(struct vty *vty, struct rip *rip, bool config_mode)
{
	const char *lead = config_mode ? " network " : "    ";
	struct route_node *rn;
	struct rip_name *n;
	char buf[PREFIX_STRLEN];
	struct prefix p;

	for (rn = route_top(rip->networks); rn; rn = route_next(rip->networks, rn))
		vty_out(vty, "%s%s\n", lead,
			prefix2str(route_node_prefix(rn, &p), buf, sizeof(buf)));
	for (n = rip->network_ifnames; n; n = n->next)
		vty_out(vty, "%s%s\n", lead, n->name);
	for (rn = route_top(rip->neighbors); rn; rn = route_next(rip->neighbors, rn)) {
		inet_ntop(AF_INET, &route_node_prefix(rn, &p)->u.v4, buf, sizeof(buf));
		vty_out(vty, "%s%s\n", config_mode ? " neighbor " : "    ", buf);
	}
	if (!config_mode)
		return;
	if (rip->passive_default)
		vty_out(vty, " passive-interface default\n");
	for (n = rip->passive_names; n; n = n->next)
		vty_out(vty, " %spassive-interface %s\n", rip->passive_default ? "no " : "",
			n->name);
}

static int config_write_rip(struct vty *vty)
{
	struct rip *rip = rip_get();
	struct route_node *rn;

	if (!rip || !rip->enabled)
		return 0;
	vty_out(vty, "router rip\n");
	if (rip->version_send != RI_RIP_VERSION_2 ||
	    rip->version_recv != RI_RIP_VERSION_1_AND_2)
		vty_out(vty, " version %d\n", rip->version_send);
	if (rip->update_time != RIP_UPDATE_TIMER_DEFAULT ||
	    rip->timeout_time != RIP_TIMEOUT_TIMER_DEFAULT ||
	    rip->garbage_time != RIP_GARBAGE_TIMER_DEFAULT)
		vty_out(vty, " timers basic %lu %lu %lu\n", rip->update_time,
			rip->timeout_time, rip->garbage_time);
	if (rip->default_information)
		vty_out(vty, " default-information originate\n");
	rip_redistribute_write(vty, rip, true);
	rip_offset_config_write(vty, rip);
	rip_network_write(vty, rip, true);
	if (rip->default_metric != RIP_DEFAULT_METRIC_DEFAULT)
		vty_out(vty, " default-metric %d\n", rip->default_metric);
	rip_distribute_config_write(vty, rip);
	rip_if_rmap_config_write(vty, rip);
	if (rip->distance)
		vty_out(vty, " distance %d\n", rip->distance);
	rip_distance_config_write(vty, rip);
	if (rip->ecmp)
		vty_out(vty, " allow-ecmp\n");
	for (rn = route_top(rip->static_routes); rn; rn = route_next(rip->static_routes, rn)) {
		char buf[PREFIX_STRLEN];
		struct prefix p;

		vty_out(vty, " route %s\n",
			prefix2str(route_node_prefix(rn, &p), buf, sizeof(buf)));
	}
	return 1;
}

int rip_config_write(struct vty *vty)
{
	return config_write_rip(vty);
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
	install_node(&rip_node);
	install_default(RIP_NODE);
	install_element(CONFIG_NODE, &router_rip_cmd);
	install_element(CONFIG_NODE, &no_router_rip_cmd);
	for (size_t i = 0; i < sizeof(rip_node_cmds) / sizeof(rip_node_cmds[0]); i++)
		install_element(RIP_NODE, rip_node_cmds[i]);
}
