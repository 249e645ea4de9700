/*
 * ripd's route-map clauses and their evaluation.
 *
 * lib/routemap knows maps, entries and their order; ripd registers the
 * clauses Quagga 1.2.4's ripd understood and the RMAP_NODE commands that
 * add them:
 *   match metric N | interface IFNAME | ip address ACL | ip address
 *   prefix-list PL | ip next-hop ACL | ip next-hop prefix-list PL | tag N
 *   set metric N|+N|-N | ip next-hop A.B.C.D | tag N
 *
 * The object a map sees is a struct rip_rmap_obj: the route's values
 * (matched) and the values to use instead (set). Maps are applied in three
 * places, all looked up by name at the time of use, so a map defined,
 * changed or deleted later takes effect at once:
 *   - `route-map NAME in IFNAME`: each entry received on IFNAME, before
 *     the metric is increased (rip_rte_process);
 *   - `route-map NAME out IFNAME` and `redistribute TYPE route-map NAME`:
 *     each route written into an update on IFNAME (rip_output.c).
 * A name that refers to no map denies everything, as in Quagga.
 *
 * After any map changes, the routes the maps now deny are poisoned: learned
 * ones at once, the outgoing ones by a full update with metric 16 (the
 * same path as a distribute-list change). The re-evaluation is deferred to
 * the next loop turn so that a config file's many route-map lines cost one.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "command.h"
#include "event.h"
#include "filter.h"
#include "memory.h"
#include "plist.h"
#include "routemap.h"
#include "vty.h"
#include "ripd.h"

DEFINE_MTYPE_STATIC(RIP_RMAP_RULE, "RIP route-map rule");

/* ---- compiled values ---- */

struct rmap_u32 {
	uint32_t v;
};

enum metric_op { METRIC_ABS, METRIC_ADD, METRIC_SUB };

struct rmap_metric {
	enum metric_op op;
	uint32_t v;
};

static bool parse_u32(const char *s, uint32_t min, uint32_t max, uint32_t *out)
{
	unsigned long v;
	char *end;

	if (!s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return false;
	*out = (uint32_t)v;
	return true;
}

static void *compile_u32(const char *arg, uint32_t min)
{
	struct rmap_u32 *c;
	uint32_t v;

	if (!parse_u32(arg, min, UINT32_MAX, &v))
		return NULL;
	c = XCALLOC(RIP_RMAP_RULE, sizeof(*c));
	c->v = v;
	return c;
}

static void *compile_metric_match(const char *arg)
{
	return compile_u32(arg, 0);
}

static void *compile_tag(const char *arg)
{
	return compile_u32(arg, 1);
}

/* "N", "+N" or "-N"; a RIP metric above 16 is malformed. */
static void *compile_metric_set(const char *arg)
{
	struct rmap_metric *c;
	enum metric_op op = METRIC_ABS;
	uint32_t v;

	if (!arg)
		return NULL;
	if (*arg == '+' || *arg == '-')
		op = *arg++ == '+' ? METRIC_ADD : METRIC_SUB;
	if (!parse_u32(arg, 0, RIP_METRIC_INFINITY, &v))
		return NULL;
	c = XCALLOC(RIP_RMAP_RULE, sizeof(*c));
	c->op = op;
	c->v = v;
	return c;
}

static void *compile_addr(const char *arg)
{
	struct in_addr a, *c;

	if (!arg || inet_pton(AF_INET, arg, &a) != 1)
		return NULL;
	c = XCALLOC(RIP_RMAP_RULE, sizeof(*c));
	*c = a;
	return c;
}

static void *compile_name(const char *arg)
{
	return arg && *arg ? XSTRDUP(RIP_RMAP_RULE, arg) : NULL;
}

static void rule_free(void *rule)
{
	XFREE(RIP_RMAP_RULE, rule);
}

/* ---- match clauses ---- */

static route_map_result_t match_metric(void *rule, const struct prefix *p, void *object)
{
	const struct rip_rmap_obj *o = object;

	(void)p;
	return o->metric == ((struct rmap_u32 *)rule)->v ? RMAP_MATCH : RMAP_NOMATCH;
}

static route_map_result_t match_tag(void *rule, const struct prefix *p, void *object)
{
	const struct rip_rmap_obj *o = object;

	(void)p;
	return o->tag == ((struct rmap_u32 *)rule)->v ? RMAP_MATCH : RMAP_NOMATCH;
}

static route_map_result_t match_interface(void *rule, const struct prefix *p, void *object)
{
	const struct rip_rmap_obj *o = object;
	struct interface *ifp;

	(void)p;
	ifp = o->rip ? if_lookup_by_name(o->rip->ifdb, rule) : NULL;
	return ifp && ifp->ifindex == o->ifindex ? RMAP_MATCH : RMAP_NOMATCH;
}

static route_map_result_t match_address(void *rule, const struct prefix *p, void *object)
{
	(void)object;
	return access_list_apply(access_list_lookup(AFI_IP, rule), p) == FILTER_PERMIT
		       ? RMAP_MATCH : RMAP_NOMATCH;
}

static route_map_result_t match_address_plist(void *rule, const struct prefix *p,
					      void *object)
{
	struct prefix_list *pl = prefix_list_lookup(AFI_IP, rule);

	(void)object;
	return pl && prefix_list_apply(pl, p) == PREFIX_PERMIT ? RMAP_MATCH : RMAP_NOMATCH;
}

/* The gateway as a host prefix: the next hop, or the sender without one. */
static void nexthop_prefix(const struct rip_rmap_obj *o, struct prefix *nh)
{
	prefix_from_ipv4(nh, o->nexthop.s_addr ? o->nexthop : o->from, 32);
}

static route_map_result_t match_nexthop(void *rule, const struct prefix *p, void *object)
{
	struct prefix nh;

	(void)p;
	nexthop_prefix(object, &nh);
	return access_list_apply(access_list_lookup(AFI_IP, rule), &nh) == FILTER_PERMIT
		       ? RMAP_MATCH : RMAP_NOMATCH;
}

static route_map_result_t match_nexthop_plist(void *rule, const struct prefix *p,
					      void *object)
{
	struct prefix_list *pl = prefix_list_lookup(AFI_IP, rule);
	struct prefix nh;

	(void)p;
	nexthop_prefix(object, &nh);
	return pl && prefix_list_apply(pl, &nh) == PREFIX_PERMIT ? RMAP_MATCH : RMAP_NOMATCH;
}

/* ---- set clauses ---- */

static route_map_result_t set_metric(void *rule, const struct prefix *p, void *object)
{
	const struct rmap_metric *c = rule;
	struct rip_rmap_obj *o = object;
	int64_t m = o->metric_out;

	(void)p;
	if (c->op == METRIC_ADD)
		m += c->v;
	else if (c->op == METRIC_SUB)
		m -= c->v;
	else
		m = c->v;
	if (m < 1)
		m = 1;
	if (m > RIP_METRIC_INFINITY)
		m = RIP_METRIC_INFINITY;
	o->metric_out = (uint32_t)m;
	o->metric_set = true;
	return RMAP_OKAY;
}

static route_map_result_t set_nexthop(void *rule, const struct prefix *p, void *object)
{
	struct rip_rmap_obj *o = object;

	(void)p;
	o->nexthop_out = *(struct in_addr *)rule;
	o->nexthop_set = true;
	return RMAP_OKAY;
}

/* RIP carries 16 bits of tag: higher bits are dropped, as Quagga did. */
static route_map_result_t set_tag(void *rule, const struct prefix *p, void *object)
{
	struct rip_rmap_obj *o = object;

	(void)p;
	o->tag_out = (uint16_t)((struct rmap_u32 *)rule)->v;
	return RMAP_OKAY;
}

static const struct route_map_rule_cmd rip_match_rules[] = {
	{ "metric", match_metric, compile_metric_match, rule_free },
	{ "interface", match_interface, compile_name, rule_free },
	{ "ip address", match_address, compile_name, rule_free },
	{ "ip address prefix-list", match_address_plist, compile_name, rule_free },
	{ "ip next-hop", match_nexthop, compile_name, rule_free },
	{ "ip next-hop prefix-list", match_nexthop_plist, compile_name, rule_free },
	{ "tag", match_tag, compile_tag, rule_free },
};

static const struct route_map_rule_cmd rip_set_rules[] = {
	{ "metric", set_metric, compile_metric_set, rule_free },
	{ "ip next-hop", set_nexthop, compile_addr, rule_free },
	{ "tag", set_tag, compile_tag, rule_free },
};

/* ---- evaluation ---- */

void rip_rmap_obj_init(struct rip_rmap_obj *o, struct rip *rip, uint32_t metric,
		       uint16_t tag, struct in_addr nexthop, struct in_addr from,
		       uint32_t ifindex)
{
	memset(o, 0, sizeof(*o));
	o->rip = rip;
	o->metric = metric;
	o->tag = tag;
	o->nexthop = nexthop;
	o->from = from;
	o->ifindex = ifindex;
	o->metric_out = metric;
	o->tag_out = tag;
	o->nexthop_out = nexthop;
}

bool rip_routemap_permit(const char *name, const struct prefix *p, struct rip_rmap_obj *o)
{
	struct route_map *map;

	if (!name)
		return true;
	map = route_map_lookup_by_name(name);
	if (!map)
		return false;
	return route_map_apply(map, p, o) != RMAP_DENYMATCH;
}

/* ---- re-evaluation after a change ---- */

static bool rip_uses_routemaps(const struct rip *rip)
{
	if (rip->if_rmaps)
		return true;
	for (int t = 0; t < ZEBRA_ROUTE_MAX; t++)
		if (rip->redist[t].route_map)
			return true;
	return false;
}

static void rmap_changed_run(struct event *ev)
{
	struct rip *rip = event_arg(ev);

	if (rip->enabled && rip_uses_routemaps(rip))
		rip_filter_changed(rip);
}

void rip_routemap_changed(struct rip *rip)
{
	if (!rip || !rip->enabled || !rip_uses_routemaps(rip) || rip->t_rmap_changed)
		return;
	event_add_timer_msec(rip->loop, rmap_changed_run, rip, 0, &rip->t_rmap_changed);
}

static void rmap_hook(const char *name)
{
	(void)name;
	rip_routemap_changed(rip_get());
}

static void rmap_event_hook(enum route_map_event ev, const char *name)
{
	(void)ev;
	(void)name;
	rip_routemap_changed(rip_get());
}

/* ---- RMAP_NODE commands ---- */

#define MATCH_STR "Match values from routing table\n"
#define SET_STR "Set values in destination routing protocol\n"
#define ACL_HELP "IP access-list number\n" "IP access-list number (expanded range)\n" \
		 "IP Access-list name\n"
#define ACL_ARG "(<1-199>|<1300-2699>|WORD)"

/* The argument of a "no match/set X [ARG]" form, NULL when absent. */
static const char *opt_arg(int argc, const char *argv[], int i)
{
	return argc > i ? argv[i] : NULL;
}

DEFUN(rip_match_metric, rip_match_metric_cmd, "match metric <0-4294967295>",
      MATCH_STR "Match metric of route\n" "Metric value\n")
{
	return route_map_vty_match_add(vty, "metric", argv[0]);
}

DEFUN(no_rip_match_metric, no_rip_match_metric_cmd, "no match metric",
      NO_STR MATCH_STR "Match metric of route\n")
{
	return route_map_vty_match_delete(vty, "metric", opt_arg(argc, argv, 0));
}

ALIAS(no_rip_match_metric, no_rip_match_metric_val_cmd, "no match metric <0-4294967295>",
      NO_STR MATCH_STR "Match metric of route\n" "Metric value\n");

DEFUN(rip_match_interface, rip_match_interface_cmd, "match interface WORD",
      MATCH_STR "Match first hop interface of route\n" "Interface name\n")
{
	return route_map_vty_match_add(vty, "interface", argv[0]);
}

DEFUN(no_rip_match_interface, no_rip_match_interface_cmd, "no match interface",
      NO_STR MATCH_STR "Match first hop interface of route\n")
{
	return route_map_vty_match_delete(vty, "interface", opt_arg(argc, argv, 0));
}

ALIAS(no_rip_match_interface, no_rip_match_interface_val_cmd, "no match interface WORD",
      NO_STR MATCH_STR "Match first hop interface of route\n" "Interface name\n");

DEFUN(rip_match_nexthop, rip_match_nexthop_cmd, "match ip next-hop " ACL_ARG,
      MATCH_STR IP_STR "Match next-hop address of route\n" ACL_HELP)
{
	return route_map_vty_match_add(vty, "ip next-hop", argv[0]);
}

DEFUN(no_rip_match_nexthop, no_rip_match_nexthop_cmd, "no match ip next-hop",
      NO_STR MATCH_STR IP_STR "Match next-hop address of route\n")
{
	return route_map_vty_match_delete(vty, "ip next-hop", opt_arg(argc, argv, 0));
}

ALIAS(no_rip_match_nexthop, no_rip_match_nexthop_val_cmd, "no match ip next-hop " ACL_ARG,
      NO_STR MATCH_STR IP_STR "Match next-hop address of route\n" ACL_HELP);

DEFUN(rip_match_nexthop_plist, rip_match_nexthop_plist_cmd,
      "match ip next-hop prefix-list WORD",
      MATCH_STR IP_STR "Match next-hop address of route\n"
      "Match entries of prefix-lists\n" "IP prefix-list name\n")
{
	return route_map_vty_match_add(vty, "ip next-hop prefix-list", argv[0]);
}

DEFUN(no_rip_match_nexthop_plist, no_rip_match_nexthop_plist_cmd,
      "no match ip next-hop prefix-list",
      NO_STR MATCH_STR IP_STR "Match next-hop address of route\n"
      "Match entries of prefix-lists\n")
{
	return route_map_vty_match_delete(vty, "ip next-hop prefix-list",
					  opt_arg(argc, argv, 0));
}

ALIAS(no_rip_match_nexthop_plist, no_rip_match_nexthop_plist_val_cmd,
      "no match ip next-hop prefix-list WORD",
      NO_STR MATCH_STR IP_STR "Match next-hop address of route\n"
      "Match entries of prefix-lists\n" "IP prefix-list name\n");

DEFUN(rip_match_address, rip_match_address_cmd, "match ip address " ACL_ARG,
      MATCH_STR IP_STR "Match address of route\n" ACL_HELP)
{
	return route_map_vty_match_add(vty, "ip address", argv[0]);
}

DEFUN(no_rip_match_address, no_rip_match_address_cmd, "no match ip address",
      NO_STR MATCH_STR IP_STR "Match address of route\n")
{
	return route_map_vty_match_delete(vty, "ip address", opt_arg(argc, argv, 0));
}

ALIAS(no_rip_match_address, no_rip_match_address_val_cmd, "no match ip address " ACL_ARG,
      NO_STR MATCH_STR IP_STR "Match address of route\n" ACL_HELP);

DEFUN(rip_match_address_plist, rip_match_address_plist_cmd,
      "match ip address prefix-list WORD",
      MATCH_STR IP_STR "Match address of route\n" "Match entries of prefix-lists\n"
      "IP prefix-list name\n")
{
	return route_map_vty_match_add(vty, "ip address prefix-list", argv[0]);
}

DEFUN(no_rip_match_address_plist, no_rip_match_address_plist_cmd,
      "no match ip address prefix-list",
      NO_STR MATCH_STR IP_STR "Match address of route\n" "Match entries of prefix-lists\n")
{
	return route_map_vty_match_delete(vty, "ip address prefix-list",
					  opt_arg(argc, argv, 0));
}

ALIAS(no_rip_match_address_plist, no_rip_match_address_plist_val_cmd,
      "no match ip address prefix-list WORD",
      NO_STR MATCH_STR IP_STR "Match address of route\n" "Match entries of prefix-lists\n"
      "IP prefix-list name\n");

DEFUN(rip_match_tag, rip_match_tag_cmd, "match tag <1-4294967295>",
      MATCH_STR "Match tag of route\n" "Tag value\n")
{
	return route_map_vty_match_add(vty, "tag", argv[0]);
}

DEFUN(no_rip_match_tag, no_rip_match_tag_cmd, "no match tag",
      NO_STR MATCH_STR "Match tag of route\n")
{
	return route_map_vty_match_delete(vty, "tag", opt_arg(argc, argv, 0));
}

ALIAS(no_rip_match_tag, no_rip_match_tag_val_cmd, "no match tag <1-4294967295>",
      NO_STR MATCH_STR "Match tag of route\n" "Tag value\n");

DEFUN(rip_set_metric, rip_set_metric_cmd, "set metric <0-4294967295>",
      SET_STR "Metric value for destination routing protocol\n" "Metric value\n")
{
	return route_map_vty_set_add(vty, "metric", argv[0]);
}

ALIAS(rip_set_metric, rip_set_metric_addsub_cmd, "set metric <+/-metric>",
      SET_STR "Metric value for destination routing protocol\n"
      "Add or subtract metric\n");

DEFUN(no_rip_set_metric, no_rip_set_metric_cmd, "no set metric",
      NO_STR SET_STR "Metric value for destination routing protocol\n")
{
	return route_map_vty_set_delete(vty, "metric", opt_arg(argc, argv, 0));
}

ALIAS(no_rip_set_metric, no_rip_set_metric_val_cmd, "no set metric <0-4294967295>",
      NO_STR SET_STR "Metric value for destination routing protocol\n" "Metric value\n");

ALIAS(no_rip_set_metric, no_rip_set_metric_addsub_cmd, "no set metric <+/-metric>",
      NO_STR SET_STR "Metric value for destination routing protocol\n"
      "Add or subtract metric\n");

DEFUN(rip_set_nexthop, rip_set_nexthop_cmd, "set ip next-hop A.B.C.D",
      SET_STR IP_STR "Next hop address\n" "IP address of next hop\n")
{
	return route_map_vty_set_add(vty, "ip next-hop", argv[0]);
}

DEFUN(no_rip_set_nexthop, no_rip_set_nexthop_cmd, "no set ip next-hop",
      NO_STR SET_STR IP_STR "Next hop address\n")
{
	return route_map_vty_set_delete(vty, "ip next-hop", opt_arg(argc, argv, 0));
}

ALIAS(no_rip_set_nexthop, no_rip_set_nexthop_val_cmd, "no set ip next-hop A.B.C.D",
      NO_STR SET_STR IP_STR "Next hop address\n" "IP address of next hop\n");

DEFUN(rip_set_tag, rip_set_tag_cmd, "set tag <1-4294967295>",
      SET_STR "Tag value for routing protocol\n" "Tag value\n")
{
	return route_map_vty_set_add(vty, "tag", argv[0]);
}

DEFUN(no_rip_set_tag, no_rip_set_tag_cmd, "no set tag",
      NO_STR SET_STR "Tag value for routing protocol\n")
{
	return route_map_vty_set_delete(vty, "tag", opt_arg(argc, argv, 0));
}

ALIAS(no_rip_set_tag, no_rip_set_tag_val_cmd, "no set tag <1-4294967295>",
      NO_STR SET_STR "Tag value for routing protocol\n" "Tag value\n");

static struct cmd_element *const rmap_cmds[] = {
	&rip_match_metric_cmd, &no_rip_match_metric_cmd, &no_rip_match_metric_val_cmd,
	&rip_match_interface_cmd, &no_rip_match_interface_cmd,
	&no_rip_match_interface_val_cmd,
	&rip_match_nexthop_cmd, &no_rip_match_nexthop_cmd, &no_rip_match_nexthop_val_cmd,
	&rip_match_nexthop_plist_cmd, &no_rip_match_nexthop_plist_cmd,
	&no_rip_match_nexthop_plist_val_cmd,
	&rip_match_address_cmd, &no_rip_match_address_cmd, &no_rip_match_address_val_cmd,
	&rip_match_address_plist_cmd, &no_rip_match_address_plist_cmd,
	&no_rip_match_address_plist_val_cmd,
	&rip_match_tag_cmd, &no_rip_match_tag_cmd, &no_rip_match_tag_val_cmd,
	&rip_set_metric_cmd, &rip_set_metric_addsub_cmd, &no_rip_set_metric_cmd,
	&no_rip_set_metric_val_cmd, &no_rip_set_metric_addsub_cmd,
	&rip_set_nexthop_cmd, &no_rip_set_nexthop_cmd, &no_rip_set_nexthop_val_cmd,
	&rip_set_tag_cmd, &no_rip_set_tag_cmd, &no_rip_set_tag_val_cmd,
};

void rip_routemap_rules_init(void)
{
	for (size_t i = 0; i < sizeof(rip_match_rules) / sizeof(rip_match_rules[0]); i++)
		route_map_install_match(&rip_match_rules[i]);
	for (size_t i = 0; i < sizeof(rip_set_rules) / sizeof(rip_set_rules[0]); i++)
		route_map_install_set(&rip_set_rules[i]);
}

void rip_routemap_init(void)
{
	route_map_init();
	rip_routemap_rules_init();
	route_map_add_hook(rmap_hook);
	route_map_delete_hook(rmap_hook);
	route_map_event_hook(rmap_event_hook);
	for (size_t i = 0; i < sizeof(rmap_cmds) / sizeof(rmap_cmds[0]); i++)
		install_element(RMAP_NODE, rmap_cmds[i]);
}
