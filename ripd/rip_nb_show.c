/*
 * The `router rip` block of the configuration, rendered from the tree
 * (/tarpan-ripd:rip) in Quagga 1.2.4's syntax and order:
 *
 *   version, timers basic, default-information originate, redistribute
 *   (by route type), offset-list, network prefixes (address order),
 *   network interfaces, neighbor (address order), passive-interface,
 *   default-metric, distribute-list (the one for all interfaces first),
 *   route-map IN/OUT IFNAME, distance,
 *   distance per source (prefix order), allow-ecmp, route (prefix order).
 *
 * Lists Quagga kept in a table come out sorted as its table walk gave
 * them (a prefix before the prefixes it holds, then by address); lists it
 * kept in configuration order come out in tree order, which is the order
 * the entries were created in. Values at their defaults are not in the
 * tree (the handlers remove them) and are not written; nodes libyang
 * instantiated as defaults are skipped.
 */
#include "config.h"

#include <arpa/inet.h>
#include <libyang/libyang.h>
#include <string.h>

#include "northbound.h"
#include "vty.h"
#include "ripd.h"

/* Table order of two A.B.C.D/M keys (see above). */
static int prefix_key_cmp(const char *a, const char *b)
{
	struct prefix pa, pb;
	uint32_t x, y;

	if (prefix_parse_ipv4(a, &pa) < 0 || prefix_parse_ipv4(b, &pb) < 0)
		return strcmp(a, b);
	apply_mask(&pa);
	apply_mask(&pb);
	x = ntohl(pa.u.v4.s_addr);
	y = ntohl(pb.u.v4.s_addr);
	if (x != y)
		return x < y ? -1 : 1;
	return (int)pa.prefixlen - (int)pb.prefixlen;
}

static int prefix_entry_cmp(const struct lyd_node *a, const struct lyd_node *b)
{
	return prefix_key_cmp(nb_child_value(a, "prefix"), nb_child_value(b, "prefix"));
}

static int address_entry_cmp(const struct lyd_node *a, const struct lyd_node *b)
{
	struct in_addr x = { 0 }, y = { 0 };

	addr_parse_ipv4(nb_child_value(a, "address"), &x);
	addr_parse_ipv4(nb_child_value(b, "address"), &y);
	if (x.s_addr == y.s_addr)
		return 0;
	return ntohl(x.s_addr) < ntohl(y.s_addr) ? -1 : 1;
}

static int redist_entry_cmp(const struct lyd_node *a, const struct lyd_node *b)
{
	return proto_redistnum(AF_INET, nb_child_value(a, "type")) -
	       proto_redistnum(AF_INET, nb_child_value(b, "type"));
}

typedef void (*entry_fn)(struct vty *vty, const struct lyd_node *entry);

/* fn for each instance of list `name` under rip, in order cmp (NULL: tree
 * order). */
static void each(struct vty *vty, const struct lyd_node *rip, const char *name,
		 int (*cmp)(const struct lyd_node *, const struct lyd_node *),
		 entry_fn fn)
{
	const struct lyd_node **v;
	size_t n = nb_children_sorted(rip, name, cmp, &v), i;

	for (i = 0; i < n; i++)
		fn(vty, v[i]);
	nb_nodes_free(v);
}

static void show_timers(struct vty *vty, const struct lyd_node *rip)
{
	const struct lyd_node *t = nb_child(rip, "timers");
	uint32_t u = RIP_UPDATE_TIMER_DEFAULT, o = RIP_TIMEOUT_TIMER_DEFAULT,
		 g = RIP_GARBAGE_TIMER_DEFAULT;

	if (!t)
		return;
	nb_child_u32(t, "update-interval", &u);
	nb_child_u32(t, "timeout-interval", &o);
	nb_child_u32(t, "garbage-interval", &g);
	if (u != RIP_UPDATE_TIMER_DEFAULT || o != RIP_TIMEOUT_TIMER_DEFAULT ||
	    g != RIP_GARBAGE_TIMER_DEFAULT)
		vty_out(vty, " timers basic %u %u %u\n", u, o, g);
}

static void show_redistribute(struct vty *vty, const struct lyd_node *e)
{
	const char *m = nb_child_value(e, "metric");
	const char *rm = nb_child_value(e, "route-map");

	vty_out(vty, " redistribute %s", nb_child_value(e, "type"));
	if (m)
		vty_out(vty, " metric %s", m);
	if (rm)
		vty_out(vty, " route-map %s", rm);
	vty_out(vty, "\n");
}

static const char *const dirs[2] = { "in", "out" };

static void show_offset(struct vty *vty, const struct lyd_node *e)
{
	const char *ifn = nb_child_value(e, "interface");
	bool all = strcmp(ifn, RIP_NB_ALL_IFS) == 0;

	for (int d = 0; d < 2; d++) {
		const struct lyd_node *o = nb_child(e, dirs[d]);

		if (!o || !nb_child(o, "access-list"))
			continue;
		vty_out(vty, " offset-list %s %s %s%s%s\n", nb_child_value(o, "access-list"),
			dirs[d], nb_child_value(o, "metric"), all ? "" : " ", all ? "" : ifn);
	}
}

static void show_network(struct vty *vty, const struct lyd_node *e)
{
	vty_out(vty, " network %s\n", nb_child_value(e, "prefix"));
}

static void show_network_if(struct vty *vty, const struct lyd_node *e)
{
	vty_out(vty, " network %s\n", nb_child_value(e, "name"));
}

static void show_neighbor(struct vty *vty, const struct lyd_node *e)
{
	vty_out(vty, " neighbor %s\n", nb_child_value(e, "address"));
}

static void show_passive(struct vty *vty, const struct lyd_node *e)
{
	vty_out(vty, " passive-interface %s\n", nb_child_value(e, "name"));
}

static void show_non_passive(struct vty *vty, const struct lyd_node *e)
{
	vty_out(vty, " no passive-interface %s\n", nb_child_value(e, "name"));
}

static void show_distribute(struct vty *vty, const struct lyd_node *e)
{
	const char *ifn = nb_child_value(e, "interface");

	if (strcmp(ifn, RIP_NB_ALL_IFS) == 0)
		ifn = "";
	for (int pl = 0; pl < 2; pl++)
		for (int d = 0; d < 2; d++) {
			const char *name = nb_child_value(nb_child(e, dirs[d]),
							  pl ? "prefix-list" : "access-list");

			if (name)
				vty_out(vty, " distribute-list %s%s %s %s\n",
					pl ? "prefix " : "", name, dirs[d], ifn);
		}
}

/* Quagga kept these in a hash on the interface name where the entry for
 * all interfaces (hash 0) comes first. */
static void show_distribute_all(struct vty *vty, const struct lyd_node *e)
{
	if (strcmp(nb_child_value(e, "interface"), RIP_NB_ALL_IFS) == 0)
		show_distribute(vty, e);
}

static void show_distribute_if(struct vty *vty, const struct lyd_node *e)
{
	if (strcmp(nb_child_value(e, "interface"), RIP_NB_ALL_IFS) != 0)
		show_distribute(vty, e);
}

static void show_if_rmap(struct vty *vty, const struct lyd_node *e)
{
	const char *ifn = nb_child_value(e, "interface");

	for (int d = 0; d < 2; d++) {
		const char *name = nb_child_value(e, dirs[d]);

		if (name)
			vty_out(vty, " route-map %s %s %s\n", name, dirs[d], ifn);
	}
}

static void show_distance(struct vty *vty, const struct lyd_node *e)
{
	const char *acl = nb_child_value(e, "access-list");

	vty_out(vty, " distance %s %s %s\n", nb_child_value(e, "distance"),
		nb_child_value(e, "prefix"), acl ? acl : "");
}

static void show_route(struct vty *vty, const struct lyd_node *e)
{
	vty_out(vty, " route %s\n", nb_child_value(e, "prefix"));
}

int rip_nb_show(struct vty *vty, const struct lyd_node *rip)
{
	const struct lyd_node *n;
	const char *s;

	vty_out(vty, "router rip\n");
	if ((s = nb_child_value(rip, "version")))
		vty_out(vty, " version %s\n", s);
	show_timers(vty, rip);
	if (nb_child(rip, "default-information-originate"))
		vty_out(vty, " default-information originate\n");
	each(vty, rip, "redistribute", redist_entry_cmp, show_redistribute);
	each(vty, rip, "offset-list", NULL, show_offset);
	each(vty, rip, "network", prefix_entry_cmp, show_network);
	each(vty, rip, "network-interface", NULL, show_network_if);
	each(vty, rip, "neighbor", address_entry_cmp, show_neighbor);
	if (nb_child(rip, "passive-default")) {
		vty_out(vty, " passive-interface default\n");
		each(vty, rip, "non-passive-interface", NULL, show_non_passive);
	} else {
		each(vty, rip, "passive-interface", NULL, show_passive);
	}
	n = rip_nb_xchild(rip, "default-metric");
	if (n && strcmp(nb_value(n), "1") != 0)
		vty_out(vty, " default-metric %s\n", nb_value(n));
	each(vty, rip, "distribute-list", NULL, show_distribute_all);
	each(vty, rip, "distribute-list", NULL, show_distribute_if);
	each(vty, rip, "interface-route-map", NULL, show_if_rmap);
	if ((s = nb_child_value(rip, "distance")))
		vty_out(vty, " distance %s\n", s);
	each(vty, rip, "distance-source", prefix_entry_cmp, show_distance);
	if (nb_child(rip, "allow-ecmp"))
		vty_out(vty, " allow-ecmp\n");
	each(vty, rip, "route", prefix_entry_cmp, show_route);
	return 1;
}
