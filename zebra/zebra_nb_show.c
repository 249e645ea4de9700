/*
 * zebra's configuration rendered from the tree. `ip route` / `ipv6 route`
 * lines in Quagga's order:
 * by prefix (prefix_cmp, as the route table walks), the routes of one
 * prefix in configuration order (tree order). The prefixes are parsed once
 * into an array and sorted: O(n log n) for n routes.
 */
#include <arpa/inet.h>
#include <libyang/libyang.h>
#include <stdlib.h>
#include <string.h>

#include "interface.h"
#include "memory.h"
#include "zebra.h"
#include "rib.h"
#include "vty.h"
#include "zebra_nb.h"

DEFINE_MTYPE_STATIC(ZEBRA_NB_SHOW, "zebra config rendering");

struct rline {
	struct prefix p;
	size_t idx;
	const struct lyd_node *entry;
};

static int rline_cmp(const void *a, const void *b)
{
	const struct rline *x = a, *y = b;
	int c = prefix_cmp(&x->p, &y->p);

	if (c)
		return c;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static void route_line(struct vty *vty, int family, const struct lyd_node *e,
		       const struct static_route *sr)
{
	const char *nh = nb_child_value(e, "nexthop");

	vty_out(vty, "%s %s", family == AF_INET ? "ip route" : "ipv6 route",
		nb_child_value(e, "prefix"));
	if (sr->kind == STATIC_BLACKHOLE) {
		vty_out(vty, (sr->flags & ZRF_REJECT) ? " reject" : " Null0");
	} else {
		vty_out(vty, " %s", nh);
		if (sr->flags & ZRF_REJECT)
			vty_out(vty, " reject");
		if (sr->flags & ZRF_BLACKHOLE)
			vty_out(vty, " blackhole");
	}
	if (sr->tag)
		vty_out(vty, " tag %u", sr->tag);
	if (sr->distance != 1)
		vty_out(vty, " %u", sr->distance);
	vty_out(vty, "\n");
}

int zebra_nb_static_write(struct vty *vty, int family)
{
	const struct lyd_node *top = nb_find_running(ZEBRA_NB_XP), *c;
	const char *list = zebra_nb_route_list(family);
	struct rline *v = NULL;
	size_t n = 0, cap = 0;
	char err[160];
	int lines = 0;

	if (!top)
		return 0;
	LY_LIST_FOR(lyd_child(top), c) {
		struct static_route sr;

		if (strcmp(nb_name(c), list) != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = XREALLOC(ZEBRA_NB_SHOW, v, cap * sizeof(*v));
		}
		if (zebra_nb_route_parse(c, family, &v[n].p, &sr, err,
					 sizeof(err)) < 0)
			continue;
		v[n].idx = n;
		v[n].entry = c;
		n++;
	}
	if (n)
		qsort(v, n, sizeof(*v), rline_cmp);
	for (size_t i = 0; i < n; i++) {
		struct static_route sr;
		struct prefix p;

		zebra_nb_route_parse(v[i].entry, family, &p, &sr, err, sizeof(err));
		route_line(vty, family, v[i].entry, &sr);
		lines++;
	}
	XFREE(ZEBRA_NB_SHOW, v);
	return lines;
}

int zebra_nb_router_id_write(struct vty *vty)
{
	const struct lyd_node *top = nb_find_running(ZEBRA_NB_XP);
	const char *v = top ? nb_child_value(top, "router-id") : NULL;

	if (!v)
		return 0;
	vty_out(vty, "router-id %s\n", v);
	return 1;
}

static void addr_lines(struct vty *vty, const struct lyd_node *e,
		       const char *list, const char *cmd)
{
	const struct lyd_node *c;

	LY_LIST_FOR(lyd_child(e), c)
		if (strcmp(nb_name(c), list) == 0)
			vty_out(vty, " %s %s\n", cmd, nb_child_value(c, "address"));
}

int zebra_nb_if_write(struct vty *vty, const char *name)
{
	char xp[NB_XPATH_MAX], q[64];
	const struct lyd_node *e = NULL;
	const char *v;

	if (nb_quote(q, sizeof(q), name)) {
		snprintf(xp, sizeof(xp), ZEBRA_NB_IF_XP "[name=%s]", q);
		e = nb_find_running(xp);
	}
	struct zebra *z = zebra_nb_daemon();
	bool ld_default = z ? zif_default_link_detect(z->ifdb) : true;

	if (!e) {
		if (!ld_default)
			vty_out(vty, " no link-detect\n");
		return 0;
	}
	if ((v = nb_child_value(e, "description")))
		vty_out(vty, " description %s\n", v);
	if ((v = nb_child_value(e, "bandwidth")))
		vty_out(vty, " bandwidth %s\n", v);
	v = nb_child_value(e, "link-detect");
	if (v ? strcmp(v, "false") == 0 : !ld_default)
		vty_out(vty, " no link-detect\n");
	else if (v && !ld_default)
		vty_out(vty, " link-detect\n");
	addr_lines(vty, e, "ip-address", "ip address");
	addr_lines(vty, e, "ipv6-address", "ipv6 address");
	if (nb_child(e, "shutdown"))
		vty_out(vty, " shutdown\n");
	if ((v = nb_child_value(e, "multicast")))
		vty_out(vty, " %smulticast\n", strcmp(v, "true") == 0 ? "" : "no ");
	return 1;
}
