/*
 * ripd on the northbound: the callbacks that turn changes of the
 * /tarpan-ripd:rip subtree (yang/tarpan-ripd.yang) into the instance's
 * typed structures, and the helpers the CLI handlers use to name tree
 * nodes.
 *
 * The structures stay what the protocol code reads (tables, name lists,
 * the offset / distribute / if-rmap lists); they are the compiled form of
 * the tree. Each callback does the part of a setter that concerns its own
 * node; what must be re-evaluated after a change (which interfaces run
 * RIP, the originated routes, the filters, the route-maps) is only noted
 * in rip->nb_dirty and done once per transaction by rip_nb_flush(), from
 * the apply_finish of the `rip` container or of the list entry that
 * changed. A config file is one transaction, so it costs one
 * re-evaluation however many lines it has.
 *
 * Scalar leaves (version, timers, default-metric, distance, ...) have no
 * callbacks of their own: the container's apply_finish reads them all
 * (absent = Quagga's default) and acts on what differs.
 */
#include "config.h"

#include <libyang/libyang.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "northbound.h"
#include "ripd.h"

/* ---- names ------------------------------------------------------------------- */

const char *rip_nb_entry(char *buf, size_t len, const char *base, const char *list,
			 const char *key, const char *value)
{
	char q[NB_XPATH_MAX];
	int n;

	if (!nb_quote(q, sizeof(q), value))
		return NULL;
	n = snprintf(buf, len, "%s/%s[%s=%s]", base, list, key, q);
	return n < 0 || (size_t)n >= len ? NULL : buf;
}

const char *rip_nb_ifkey(const char *ifname)
{
	return ifname ? ifname : RIP_NB_ALL_IFS;
}

/* Explicit values below n other than its list keys and `skip`'s subtree. */
static bool has_other_values(const struct lyd_node *n, const struct lyd_node *skip)
{
	const struct lyd_node *c;

	for (c = lyd_child(n); c; c = c->next) {
		if (c == skip || !c->schema || lysc_is_key(c->schema) ||
		    (c->flags & LYD_DEFAULT))
			continue;
		if (c->schema->nodetype & LYD_NODE_TERM)
			return true;
		if (has_other_values(c, skip))
			return true;
	}
	return false;
}

/* A child by name through libyang's hash of the children, so that a look
 * at a scalar of `rip` does not walk its long lists. */
static const struct lyd_node *find_child(const struct lyd_node *n, const char *name)
{
	const struct lysc_node *s;
	struct lyd_node *m = NULL;

	if (!n || !n->schema || !lyd_child(n))
		return NULL;
	s = lys_find_child(n->schema, n->schema->module, name, 0, 0, 0);
	if (!s || lyd_find_sibling_val(lyd_child(n), s, NULL, 0, &m) != LY_SUCCESS)
		return NULL;
	return m;
}

const struct lyd_node *rip_nb_xchild(const struct lyd_node *n, const char *name)
{
	const struct lyd_node *c = find_child(n, name);

	return c && !(c->flags & LYD_DEFAULT) ? c : NULL;
}

void rip_nb_unset(struct vty *vty, const char *entry, const char *node)
{
	const struct lyd_node *e = nb_find(entry), *leaf = nb_find(node), *n = leaf;
	char *path;

	if (!e || !n)
		return;
	/* take the containers that would be left empty along */
	while (lyd_parent(n) && lyd_parent(n) != e && !has_other_values(lyd_parent(n), n))
		n = lyd_parent(n);
	if (!has_other_values(e, n)) {
		nb_cli_enqueue_change(vty, entry, NB_OP_DESTROY, NULL);
		return;
	}
	if (n == leaf) {
		nb_cli_enqueue_change(vty, node, NB_OP_DESTROY, NULL);
		return;
	}
	path = lyd_path(n, LYD_PATH_STD, NULL, 0);
	if (path)
		nb_cli_enqueue_change(vty, path, NB_OP_DESTROY, NULL);
	free(path);
}

/* ---- helpers of the callbacks -------------------------------------------------- */

static const char *key_of(const struct lyd_node *entry, const char *key)
{
	return nb_child_value(entry, key);
}

/* The interface of a per-interface entry; NULL for '*' (all). */
static const char *ifname_of(const struct lyd_node *entry)
{
	const char *s = key_of(entry, "interface");

	return s && strcmp(s, RIP_NB_ALL_IFS) != 0 ? s : NULL;
}

static bool prefix_of(const struct lyd_node *entry, struct prefix *p)
{
	const char *s = key_of(entry, "prefix");

	if (!s || prefix_parse_ipv4(s, p) < 0)
		return false;
	apply_mask(p);
	return true;
}

static void child_u32(const struct lyd_node *n, const char *name, uint32_t def,
		      uint32_t *out)
{
	if (!nb_child_u32(n, name, out))
		*out = def;
}

void rip_nb_flush(struct rip *rip)
{
	uint8_t d = rip->nb_dirty;

	rip->nb_dirty = 0;
	if (!rip->enabled)
		return;
	if (d & RIP_DIRTY_IFS)
		rip_if_update_all(rip);
	if (d & RIP_DIRTY_ORIGIN)
		rip_apply_config(rip);
	if (d & RIP_DIRTY_FILTER)
		rip_filter_changed(rip);
	if (d & RIP_DIRTY_RMAP)
		rip_routemap_changed(rip);
}

/* ---- the rip container ------------------------------------------------------------ */

static int rip_create_cb(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();

	(void)dnode;
	if (rip_enable(rip) < 0) {
		zlog_err("router rip: the RIP socket could not be opened");
		return -1;
	}
	return 0;
}

static int rip_destroy_cb(const struct lyd_node *dnode)
{
	(void)dnode;
	rip_disable(rip_get());
	return 0;
}

static void sync_version(struct rip *rip, const struct lyd_node *dnode)
{
	uint32_t v;

	const struct lyd_node *n = rip_nb_xchild(dnode, "version");

	if (n && nb_child_u32(dnode, "version", &v)) {
		rip->version_send = (uint8_t)v;
		rip->version_recv = (uint8_t)v;
	} else {
		rip->version_send = RI_RIP_VERSION_2;
		rip->version_recv = RI_RIP_VERSION_1_AND_2;
	}
}

static void sync_timers(struct rip *rip, const struct lyd_node *dnode)
{
	const struct lyd_node *t = find_child(dnode, "timers");
	uint32_t u = RIP_UPDATE_TIMER_DEFAULT, o = RIP_TIMEOUT_TIMER_DEFAULT,
		 g = RIP_GARBAGE_TIMER_DEFAULT;

	if (t) {
		child_u32(t, "update-interval", RIP_UPDATE_TIMER_DEFAULT, &u);
		child_u32(t, "timeout-interval", RIP_TIMEOUT_TIMER_DEFAULT, &o);
		child_u32(t, "garbage-interval", RIP_GARBAGE_TIMER_DEFAULT, &g);
	}
	if (rip->update_time == u && rip->timeout_time == o && rip->garbage_time == g)
		return;
	rip->update_time = u;
	rip->timeout_time = o;
	rip->garbage_time = g;
	if (rip->enabled)
		rip_schedule_update(rip);
}

static void sync_flags(struct rip *rip, const struct lyd_node *dnode)
{
	bool definfo = rip_nb_xchild(dnode, "default-information-originate") != NULL;
	bool ecmp = rip_nb_xchild(dnode, "allow-ecmp") != NULL;
	bool passive = rip_nb_xchild(dnode, "passive-default") != NULL;
	const struct lyd_node *n;
	uint32_t v = RIP_DEFAULT_METRIC_DEFAULT;

	if (definfo != rip->default_information) {
		rip->default_information = definfo;
		rip->nb_dirty |= RIP_DIRTY_ORIGIN;
	}
	if (passive != rip->passive_default) {
		rip->passive_default = passive;
		rip->nb_dirty |= RIP_DIRTY_IFS;
	}
	if (ecmp != rip->ecmp) {
		rip->ecmp = ecmp;
		if (!ecmp)
			rip_ecmp_disable(rip);
	}
	if ((n = find_child(dnode, "default-metric")))
		v = (uint32_t)strtoul(nb_value(n), NULL, 10);
	rip->default_metric = (uint8_t)v;
	n = find_child(dnode, "distance");
	rip->distance = n ? (uint8_t)strtoul(nb_value(n), NULL, 10) : 0;
}

static void rip_finish_cb(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();

	sync_version(rip, dnode);
	sync_timers(rip, dnode);
	sync_flags(rip, dnode);
	rip_nb_flush(rip);
}

/* The one check across nodes: the passive list that applies. */
static int rip_validate_cb(const struct lyd_node *dnode, char *err, size_t len)
{
	bool def = rip_nb_xchild(dnode, "passive-default") != NULL;

	if (find_child(dnode, def ? "passive-interface" : "non-passive-interface")) {
		snprintf(err, len, "%% %s goes with%s passive-interface default",
			 def ? "passive-interface" : "non-passive-interface",
			 def ? "out" : "");
		return -1;
	}
	return 0;
}

/* ---- network, neighbor, passive-interface, route ------------------------------------ */

static int table_flag(struct route_table *t, const struct lyd_node *dnode, bool set)
{
	struct route_node *rn;
	struct prefix p;

	if (!prefix_of(dnode, &p))
		return -1;
	if (set) {
		rn = route_node_get(t, &p);
		rn->info = (void *)1;
	} else if ((rn = route_node_lookup(t, &p))) {
		rn->info = NULL;
		route_node_delete(t, rn);
	}
	return 0;
}

static int network_create(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();

	rip->nb_dirty |= RIP_DIRTY_IFS;
	return table_flag(rip->networks, dnode, true);
}

static int network_destroy(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();

	rip->nb_dirty |= RIP_DIRTY_IFS;
	return table_flag(rip->networks, dnode, false);
}

static int netif_create(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();

	rip->nb_dirty |= RIP_DIRTY_IFS;
	rip_name_list_set(&rip->network_ifnames, key_of(dnode, "name"), true);
	return 0;
}

static int netif_destroy(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();

	rip->nb_dirty |= RIP_DIRTY_IFS;
	rip_name_list_set(&rip->network_ifnames, key_of(dnode, "name"), false);
	return 0;
}

static int neighbor_set(const struct lyd_node *dnode, bool set)
{
	struct rip *rip = rip_get();
	struct route_node *rn;
	struct in_addr a;
	struct prefix p;

	if (addr_parse_ipv4(key_of(dnode, "address"), &a) < 0)
		return -1;
	prefix_from_ipv4(&p, a, 32);
	if (set) {
		rn = route_node_get(rip->neighbors, &p);
		rn->info = (void *)1;
	} else if ((rn = route_node_lookup(rip->neighbors, &p))) {
		rn->info = NULL;
		route_node_delete(rip->neighbors, rn);
	}
	return 0;
}

static int neighbor_create(const struct lyd_node *dnode)
{
	return neighbor_set(dnode, true);
}

static int neighbor_destroy(const struct lyd_node *dnode)
{
	return neighbor_set(dnode, false);
}

/* Both passive lists feed rip->passive_names: the validate callback keeps
 * only the one that goes with passive-default in the tree. */
static int passive_create(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();

	rip->nb_dirty |= RIP_DIRTY_IFS;
	rip_name_list_set(&rip->passive_names, key_of(dnode, "name"), true);
	return 0;
}

static int passive_destroy(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();

	rip->nb_dirty |= RIP_DIRTY_IFS;
	rip_name_list_set(&rip->passive_names, key_of(dnode, "name"), false);
	return 0;
}

static int route_create(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();
	struct prefix p;

	if (!prefix_of(dnode, &p) || table_flag(rip->static_routes, dnode, true) < 0)
		return -1;
	if (rip->enabled)
		rip_redistribute_add(rip, ZEBRA_ROUTE_RIP, RIP_ROUTE_STATIC, &p, 0,
				     (struct in_addr){ 0 }, 0, 0, 0);
	return 0;
}

static int route_destroy(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();
	struct prefix p;

	if (!prefix_of(dnode, &p))
		return -1;
	if (rip->enabled)
		rip_redistribute_delete(rip, ZEBRA_ROUTE_RIP, RIP_ROUTE_STATIC, &p, 0);
	return table_flag(rip->static_routes, dnode, false);
}

/* ---- redistribute, distance ------------------------------------------------------------ */

static int redist_type_of(const struct lyd_node *entry)
{
	int t = proto_redistnum(AF_INET, key_of(entry, "type"));

	return t == ZEBRA_ROUTE_RIP ? -1 : t;
}

static void redist_finish(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();
	int t = redist_type_of(dnode);
	uint32_t m = 0;
	bool metric = nb_child_u32(dnode, "metric", &m);

	if (t >= 0)
		rip_redistribute_set(rip, (uint8_t)t, metric, (uint8_t)m,
				     nb_child_value(dnode, "route-map"));
	rip_nb_flush(rip);
}

static int redist_destroy(const struct lyd_node *dnode)
{
	int t = redist_type_of(dnode);

	if (t < 0)
		return -1;
	rip_redistribute_unset(rip_get(), (uint8_t)t);
	return 0;
}

static void distance_finish(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();
	struct prefix p;
	uint32_t d;

	if (prefix_of(dnode, &p) && nb_child_u32(dnode, "distance", &d))
		rip_distance_set(rip, (uint8_t)d, &p, nb_child_value(dnode, "access-list"),
				 true);
	rip_nb_flush(rip);
}

static int distance_destroy(const struct lyd_node *dnode)
{
	struct prefix p;

	if (!prefix_of(dnode, &p))
		return -1;
	rip_distance_set(rip_get(), 0, &p, NULL, false);
	return 0;
}

/* ---- per-interface lists: offset-list, distribute-list, route-map --------------------- */

static const char *const dir_name[2] = { "in", "out" };

static void offset_finish(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();
	const char *ifname = ifname_of(dnode);

	for (int dir = 0; dir < 2; dir++) {
		const struct lyd_node *d = nb_child(dnode, dir_name[dir]);
		const char *acl = d ? nb_child_value(d, "access-list") : NULL;
		const char *old = rip_offset_get(rip, ifname, dir);
		uint32_t m = 0;

		if (acl && nb_child_u32(d, "metric", &m))
			rip_offset_set(rip, acl, dir, (uint8_t)m, ifname, true);
		else if (old)
			rip_offset_set(rip, old, dir, 0, ifname, false);
	}
	rip_nb_flush(rip);
}

static int offset_destroy(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();
	const char *ifname = ifname_of(dnode);

	for (int dir = 0; dir < 2; dir++) {
		const char *old = rip_offset_get(rip, ifname, dir);

		if (old)
			rip_offset_set(rip, old, dir, 0, ifname, false);
	}
	return 0;
}

static void dist_sync(struct rip *rip, const char *ifname, const struct lyd_node *entry)
{
	static const char *const kind[2] = { "access-list", "prefix-list" };

	for (int dir = 0; dir < 2; dir++) {
		const struct lyd_node *d = entry ? nb_child(entry, dir_name[dir]) : NULL;

		for (int pl = 0; pl < 2; pl++) {
			const char *want = d ? nb_child_value(d, kind[pl]) : NULL;
			const char *old = rip_distribute_get(rip, ifname, dir, pl);

			if (want && (!old || strcmp(want, old) != 0))
				rip_distribute_set(rip, ifname, dir, pl, want, true);
			else if (!want && old)
				rip_distribute_set(rip, ifname, dir, pl, old, false);
		}
	}
	rip->nb_dirty |= RIP_DIRTY_FILTER;
}

static void dist_finish(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();

	dist_sync(rip, ifname_of(dnode), dnode);
	rip_nb_flush(rip);
}

static int dist_destroy(const struct lyd_node *dnode)
{
	dist_sync(rip_get(), ifname_of(dnode), NULL);
	return 0;
}

static void if_rmap_sync(struct rip *rip, const char *ifname, const struct lyd_node *entry)
{
	for (int dir = 0; dir < 2; dir++) {
		const char *want = entry ? nb_child_value(entry, dir_name[dir]) : NULL;
		const char *old = rip_if_rmap_name(rip, ifname, dir);

		if (want && (!old || strcmp(want, old) != 0))
			rip_if_rmap_set(rip, ifname, dir, want, true);
		else if (!want && old)
			rip_if_rmap_set(rip, ifname, dir, old, false);
	}
	rip->nb_dirty |= RIP_DIRTY_RMAP;
}

static void if_rmap_finish(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();

	if_rmap_sync(rip, key_of(dnode, "interface"), dnode);
	rip_nb_flush(rip);
}

static int if_rmap_destroy(const struct lyd_node *dnode)
{
	if_rmap_sync(rip_get(), key_of(dnode, "interface"), NULL);
	return 0;
}

/* ---- registration ------------------------------------------------------------------------- */

static const struct nb_node_cbs rip_cbs[] = {
	{ .xpath = RIP_NB_XP, .create = rip_create_cb, .destroy = rip_destroy_cb,
	  .apply_finish = rip_finish_cb, .validate = rip_validate_cb,
	  .cli_show = rip_nb_show },
	{ .xpath = RIP_NB_XP "/network", .create = network_create,
	  .destroy = network_destroy },
	{ .xpath = RIP_NB_XP "/network-interface", .create = netif_create,
	  .destroy = netif_destroy },
	{ .xpath = RIP_NB_XP "/neighbor", .create = neighbor_create,
	  .destroy = neighbor_destroy },
	{ .xpath = RIP_NB_XP "/passive-interface", .create = passive_create,
	  .destroy = passive_destroy },
	{ .xpath = RIP_NB_XP "/non-passive-interface", .create = passive_create,
	  .destroy = passive_destroy },
	{ .xpath = RIP_NB_XP "/route", .create = route_create, .destroy = route_destroy },
	{ .xpath = RIP_NB_XP "/redistribute", .destroy = redist_destroy,
	  .apply_finish = redist_finish },
	{ .xpath = RIP_NB_XP "/distance-source", .destroy = distance_destroy,
	  .apply_finish = distance_finish },
	{ .xpath = RIP_NB_XP "/offset-list", .destroy = offset_destroy,
	  .apply_finish = offset_finish },
	{ .xpath = RIP_NB_XP "/distribute-list", .destroy = dist_destroy,
	  .apply_finish = dist_finish },
	{ .xpath = RIP_NB_XP "/interface-route-map", .destroy = if_rmap_destroy,
	  .apply_finish = if_rmap_finish },
	{ .xpath = NULL },
};

static const struct nb_module rip_nb_module = {
	.name = "tarpan-ripd",
	.nodes = rip_cbs,
};

void rip_nb_init(void)
{
	if (nb_module_register(&rip_nb_module) < 0)
		zlog_err("ripd: cannot load the YANG module tarpan-ripd");
	nb_cli_init();
}
