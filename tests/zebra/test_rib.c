/*
 * Unit tests of zebra's RIB: selection (distance, metric, connected first,
 * ties), nexthop resolution (connected, recursive, unresolvable, ECMP
 * limit), interface down/up, and removal of a client's routes; ordered
 * access (prefix order, seek, an iterator that survives changes) and the
 * resolution cache (it must follow a more specific route to a gateway,
 * never serve a route that covers its own gateway, and drop everything on
 * an interface change). The RIB runs without an event loop;
 * rib_run_slice(rib, 0) drains the queue.
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "connected.h"
#include "interface.h"
#include "rib.h"
#include "static_route.h"

static struct zif_db *db;
static struct rib *rib;
struct zebra *zebra_ctx;

static struct prefix P(const char *s)
{
	struct prefix p;

	cr_assert_eq(prefix_parse(s, &p), 0, "bad prefix %s", s);
	apply_mask(&p);
	return p;
}

static void link_up(uint32_t idx, const char *name, bool up)
{
	struct zif_link_info li = { .ifindex = idx, .name = name,
				    .flags = up ? IFF_UP | IFF_RUNNING | IFF_BROADCAST : 0,
				    .mtu = 1500, .arptype = ARPHRD_ETHER };

	zif_link_update(db, &li);
}

static void addr(uint32_t idx, const char *s)
{
	struct prefix p;

	cr_assert_eq(prefix_parse(s, &p), 0);
	zif_addr_update(db, idx, true, &p, NULL, 0);
}

static void setup(void)
{
	db = zif_db_new();
	rib = rib_new(NULL, db);
	connected_init(db, rib);
	link_up(2, "eth0", true);
	addr(2, "10.0.0.1/24");
	link_up(3, "eth1", true);
	addr(3, "10.1.0.1/24");
	rib_run_slice(rib, 0);
}

static void teardown(void)
{
	rib_free(rib);
	zif_db_free(db);
	nhg_table_fini();
}

static void add_gw(const char *pfx, int type, uint8_t distance, uint32_t metric,
		   const char *gw)
{
	struct nexthop nh = { .type = NH_IPV4 };
	struct rib_route r = { .type = type, .distance = distance,
			       .metric = metric, .nh = &nh, .nh_count = 1 };
	struct prefix p = P(pfx);

	inet_pton(AF_INET, gw, &nh.gate.v4);
	r.key = type == ZRT_STATIC ? distance : 0;
	cr_assert_eq(rib_add(rib, &p, &r), 0);
}

static struct rentry *selected(const char *pfx)
{
	struct prefix p = P(pfx);
	struct rnode *rn = rib_node_get(rib, &p);

	return rn ? rn->selected : NULL;
}

TestSuite(rib, .init = setup, .fini = teardown);

Test(rib, connected_routes_follow_addresses)
{
	struct rentry *re = selected("10.0.0.0/24");

	cr_assert_not_null(re);
	cr_assert_eq(re->type, ZRT_CONNECT);
	cr_assert_eq(re->rnhg->nh[0].ifindex, 2);
}

Test(rib, lower_distance_wins_then_metric)
{
	add_gw("20.0.0.0/8", ZRT_RIP, 0, 5, "10.0.0.2");
	add_gw("20.0.0.0/8", ZRT_OSPF, 0, 50, "10.1.0.2");
	rib_run_slice(rib, 0);
	cr_assert_eq(selected("20.0.0.0/8")->type, ZRT_OSPF, "ospf 110 beats rip 120");
	add_gw("20.0.0.0/8", ZRT_STATIC, 1, 0, "10.0.0.3");
	rib_run_slice(rib, 0);
	cr_assert_eq(selected("20.0.0.0/8")->type, ZRT_STATIC);
	/* same distance: lower metric */
	add_gw("30.0.0.0/8", ZRT_RIP, 100, 7, "10.0.0.2");
	add_gw("30.0.0.0/8", ZRT_OSPF, 100, 3, "10.0.0.2");
	rib_run_slice(rib, 0);
	cr_assert_eq(selected("30.0.0.0/8")->type, ZRT_OSPF);
}

Test(rib, full_tie_keeps_the_older_entry)
{
	add_gw("40.0.0.0/8", ZRT_RIP, 100, 3, "10.0.0.2");
	add_gw("40.0.0.0/8", ZRT_OSPF, 100, 3, "10.0.0.2");
	rib_run_slice(rib, 0);
	cr_assert_eq(selected("40.0.0.0/8")->type, ZRT_RIP);
}

Test(rib, connected_beats_lower_distance)
{
	add_gw("10.0.0.0/24", ZRT_STATIC, 1, 0, "10.1.0.2");
	rib_run_slice(rib, 0);
	cr_assert_eq(selected("10.0.0.0/24")->type, ZRT_CONNECT);
}

Test(rib, distance_255_never_selected)
{
	add_gw("50.0.0.0/8", ZRT_RIP, 255, 1, "10.0.0.2");
	rib_run_slice(rib, 0);
	cr_assert_null(selected("50.0.0.0/8"));
}

Test(rib, gateway_on_connected_subnet_resolves_directly)
{
	struct rentry *re;

	add_gw("60.0.0.0/8", ZRT_STATIC, 1, 0, "10.1.0.9");
	rib_run_slice(rib, 0);
	re = selected("60.0.0.0/8");
	cr_assert_not_null(re);
	cr_assert_eq(re->rnhg->count, 1);
	cr_assert(re->rnhg->nh[0].flags & NHF_ACTIVE);
	cr_assert_not(re->rnhg->nh[0].flags & NHF_RECURSIVE);
	cr_assert_eq(re->rnhg->nh[0].ifindex, 3);
}

Test(rib, recursive_resolution_through_another_route)
{
	struct rentry *re;

	add_gw("70.0.0.0/16", ZRT_STATIC, 1, 0, "10.0.0.2");
	add_gw("80.0.0.0/8", ZRT_STATIC, 1, 0, "70.0.5.5");
	rib_run_slice(rib, 0);
	re = selected("80.0.0.0/8");
	cr_assert_not_null(re);
	cr_assert_eq(re->rnhg->count, 2);
	cr_assert(re->rnhg->nh[0].flags & NHF_RECURSIVE);
	cr_assert(re->rnhg->nh[1].flags & NHF_CHILD);
	cr_assert_eq(re->rnhg->nh[1].ifindex, 2);
	cr_assert_eq(re->rnhg->nactive, 1);
}

Test(rib, unresolvable_gateway_is_inactive)
{
	struct prefix p = P("90.0.0.0/8");
	struct rnode *rn;

	add_gw("90.0.0.0/8", ZRT_STATIC, 1, 0, "192.0.2.1");
	rib_run_slice(rib, 0);
	rn = rib_node_get(rib, &p);
	cr_assert_not_null(rn);
	cr_assert_null(rn->selected);
	cr_assert_not(rn->entries->rnhg->nh[0].flags & NHF_ACTIVE);
	/* a route to the gateway appears: the static comes alive */
	add_gw("192.0.2.0/24", ZRT_STATIC, 1, 0, "10.0.0.2");
	rib_run_slice(rib, 0);
	cr_assert_not_null(selected("90.0.0.0/8"));
}

Test(rib, interface_down_withdraws_connected_and_statics)
{
	struct zif *ifp;

	add_gw("100.0.0.0/8", ZRT_STATIC, 1, 0, "10.0.0.2");
	rib_run_slice(rib, 0);
	cr_assert_not_null(selected("100.0.0.0/8"));
	link_up(2, "eth0", false);
	rib_run_slice(rib, 0);
	cr_assert_null(selected("10.0.0.0/24"));
	cr_assert_null(selected("100.0.0.0/8"));
	ifp = zif_by_index(db, 2);
	cr_assert_eq(ifp->link_downs, 1);
	link_up(2, "eth0", true);
	rib_run_slice(rib, 0);
	cr_assert_not_null(selected("10.0.0.0/24"));
	cr_assert_not_null(selected("100.0.0.0/8"));
}

Test(rib, ecmp_limit)
{
	struct nexthop nh[4];
	struct rib_route r = { .type = ZRT_OSPF, .nh = nh, .nh_count = 4 };
	struct prefix p = P("110.0.0.0/8");

	memset(nh, 0, sizeof(nh));
	for (int i = 0; i < 4; i++) {
		nh[i].type = NH_IPV4;
		nh[i].gate.v4.s_addr = htonl(0x0a000002 + i);
	}
	rib_set_multipath(rib, 2);
	rib_add(rib, &p, &r);
	rib_run_slice(rib, 0);
	cr_assert_eq(selected("110.0.0.0/8")->rnhg->nactive, 2);
}

Test(rib, client_routes_removed_by_type)
{
	add_gw("120.0.0.0/8", ZRT_BGP, 0, 0, "10.0.0.2");
	add_gw("121.0.0.0/8", ZRT_BGP, 0, 0, "10.0.0.2");
	add_gw("122.0.0.0/8", ZRT_RIP, 0, 0, "10.0.0.2");
	rib_run_slice(rib, 0);
	cr_assert_eq(rib_delete_type(rib, ZRT_BGP), 2);
	rib_run_slice(rib, 0);
	cr_assert_null(selected("120.0.0.0/8"));
	cr_assert_not_null(selected("122.0.0.0/8"));
	cr_assert_null(rib_node_get(rib, &(struct prefix){ 0 }));
}

Test(rib, static_config_groups_by_distance)
{
	struct static_table *st = static_table_new(rib, db);
	struct static_route sr;
	struct prefix p = P("130.0.0.0/8");

	memset(&sr, 0, sizeof(sr));
	static_parse_nexthop(AF_INET, "10.0.0.2", &sr);
	sr.distance = 1;
	static_route_set(st, &p, &sr, true);
	static_parse_nexthop(AF_INET, "10.1.0.2", &sr);
	static_route_set(st, &p, &sr, true);
	static_parse_nexthop(AF_INET, "null0", &sr);
	sr.distance = 200;
	static_route_set(st, &p, &sr, true);
	rib_run_slice(rib, 0);
	cr_assert_eq(selected("130.0.0.0/8")->rnhg->nactive, 2, "two statics at distance 1 are ECMP");
	sr.distance = 0;
	memset(&sr, 0, sizeof(sr));
	static_parse_nexthop(AF_INET, "10.0.0.2", &sr);
	cr_assert_eq(static_route_set(st, &p, &sr, false), 0);
	static_parse_nexthop(AF_INET, "10.1.0.2", &sr);
	cr_assert_eq(static_route_set(st, &p, &sr, false), 0);
	cr_assert_eq(static_route_set(st, &p, &sr, false), -1);
	rib_run_slice(rib, 0);
	cr_assert(selected("130.0.0.0/8")->flags & ZRF_BLACKHOLE);
	static_table_free(st);
}

Test(rib, invalid_prefix_refused)
{
	struct prefix p;
	struct rib_route r = { .type = ZRT_RIP };

	memset(&p, 0, sizeof(p));
	p.family = AF_INET;
	p.prefixlen = 33;
	cr_assert_eq(rib_add(rib, &p, &r), -1);
	p.family = 99;
	p.prefixlen = 8;
	cr_assert_eq(rib_add(rib, &p, &r), -1);
}

/* ---- ordered access (the RIB's trie) ---- */

static const char *pfx_of(struct rnode *rn, char *buf)
{
	struct prefix p;

	rnode_prefix(rn, &p);
	prefix2str(&p, buf, PREFIX_STRLEN);
	return buf;
}

Test(rib, walk_is_in_prefix_order)
{
	static const char *want[] = { "9.0.0.0/8", "10.0.0.0/8", "10.0.0.0/16",
				      "10.0.0.0/24", "10.1.0.0/16", "10.1.0.0/24",
				      "200.0.0.0/8" };
	char buf[PREFIX_STRLEN];
	struct rnode *rn;
	unsigned i = 0;

	add_gw("200.0.0.0/8", ZRT_RIP, 0, 0, "10.0.0.2");
	add_gw("10.1.0.0/16", ZRT_RIP, 0, 0, "10.0.0.2");
	add_gw("10.0.0.0/16", ZRT_RIP, 0, 0, "10.0.0.2");
	add_gw("10.0.0.0/8", ZRT_RIP, 0, 0, "10.0.0.2");
	add_gw("9.0.0.0/8", ZRT_RIP, 0, 0, "10.0.0.2");
	rib_run_slice(rib, 0);
	for (rn = rib_node_first(rib, AF_INET); rn; rn = rib_node_next(rib, rn)) {
		cr_assert_lt(i, 7);
		cr_assert_str_eq(pfx_of(rn, buf), want[i], "#%u", i);
		i++;
	}
	cr_assert_eq(i, 7);
	cr_assert_eq(rib_count(rib, AF_INET), 7);
}

Test(rib, seek_inclusive_and_exclusive)
{
	char buf[PREFIX_STRLEN];
	struct prefix p;

	add_gw("20.0.0.0/8", ZRT_RIP, 0, 0, "10.0.0.2");
	add_gw("20.1.0.0/16", ZRT_RIP, 0, 0, "10.0.0.2");
	rib_run_slice(rib, 0);
	p = P("20.0.0.0/8");
	cr_assert_str_eq(pfx_of(rib_node_seek(rib, &p, true), buf), "20.0.0.0/8");
	cr_assert_str_eq(pfx_of(rib_node_seek(rib, &p, false), buf), "20.1.0.0/16");
	p = P("20.0.5.0/24");	/* absent: the next one after it */
	cr_assert_str_eq(pfx_of(rib_node_seek(rib, &p, true), buf), "20.1.0.0/16");
	p = P("20.1.0.0/16");
	cr_assert_null(rib_node_seek(rib, &p, false));
	p = P("0.0.0.0/0");
	cr_assert_str_eq(pfx_of(rib_node_seek(rib, &p, true), buf), "10.0.0.0/24");
}

Test(rib, iterator_survives_changes_and_limits)
{
	char buf[PREFIX_STRLEN];
	struct rib_iter it;
	struct prefix lim = P("30.0.0.0/8");
	struct rnode *rn;
	unsigned n = 0;

	add_gw("29.0.0.0/8", ZRT_RIP, 0, 0, "10.0.0.2");
	add_gw("30.0.0.0/8", ZRT_RIP, 0, 0, "10.0.0.2");
	add_gw("30.1.0.0/16", ZRT_RIP, 0, 0, "10.0.0.2");
	add_gw("30.2.0.0/16", ZRT_RIP, 0, 0, "10.0.0.2");
	add_gw("31.0.0.0/8", ZRT_RIP, 0, 0, "10.0.0.2");
	rib_run_slice(rib, 0);
	rib_iter_init(&it, rib, AF_INET, &lim);
	rn = rib_iter_next(&it);
	cr_assert_str_eq(pfx_of(rn, buf), "30.0.0.0/8");
	/* the node the walk stands on and the next one go; a new one comes */
	lim = P("30.0.0.0/8");
	rib_delete(rib, &lim, ZRT_RIP, 0);
	lim = P("30.1.0.0/16");
	rib_delete(rib, &lim, ZRT_RIP, 0);
	add_gw("30.1.5.0/24", ZRT_RIP, 0, 0, "10.0.0.2");
	rib_run_slice(rib, 0);
	while ((rn = rib_iter_next(&it))) {
		cr_assert_lt(n, 2);
		cr_assert_str_eq(pfx_of(rn, buf), n ? "30.2.0.0/16" : "30.1.5.0/24");
		n++;
	}
	cr_assert_eq(n, 2);
}

/* ---- the resolution cache ---- */

Test(rib, cached_resolution_follows_a_more_specific_route)
{
	struct rib_stats st;
	char pfx[32];

	add_gw("70.0.0.0/16", ZRT_STATIC, 1, 0, "10.0.0.2");
	rib_run_slice(rib, 0);
	for (int i = 0; i < 100; i++) {
		snprintf(pfx, sizeof(pfx), "80.0.%d.0/24", i);
		add_gw(pfx, ZRT_BGP, 0, 0, "70.0.5.5");
	}
	rib_run_slice(rib, 0);
	rib_get_stats(rib, &st);
	cr_assert_geq(st.resolve_hits, 90, "one group, resolved once: %zu hits",
		      st.resolve_hits);
	cr_assert_eq(selected("80.0.42.0/24")->rnhg->nh[1].ifindex, 2);
	/* a more specific route to the gateway, through eth1: every route
	 * using that gateway must follow, cached or not */
	add_gw("70.0.5.0/24", ZRT_STATIC, 1, 0, "10.1.0.2");
	rib_run_slice(rib, 0);
	for (int i = 0; i < 100; i++) {
		struct rentry *re;

		snprintf(pfx, sizeof(pfx), "80.0.%d.0/24", i);
		re = selected(pfx);
		cr_assert_not_null(re);
		cr_assert_eq(re->rnhg->nh[1].ifindex, 3, "%s still via eth0", pfx);
	}
	/* and back when it goes */
	{
		struct prefix p = P("70.0.5.0/24");

		rib_delete(rib, &p, ZRT_STATIC, 1);
	}
	rib_run_slice(rib, 0);
	cr_assert_eq(selected("80.0.99.0/24")->rnhg->nh[1].ifindex, 2);
}

Test(rib, route_covering_its_own_gateway_is_not_served_from_cache)
{
	struct rentry *re;

	add_gw("192.0.2.0/23", ZRT_STATIC, 1, 0, "10.1.0.2");
	add_gw("50.0.0.0/8", ZRT_BGP, 0, 0, "192.0.2.1");
	rib_run_slice(rib, 0);
	add_gw("192.0.2.0/24", ZRT_BGP, 0, 0, "192.0.2.1");
	rib_run_slice(rib, 0);
	/* 50/8 now resolves through the /24; the /24 cannot use itself */
	re = selected("192.0.2.0/24");
	cr_assert_not_null(re);
	cr_assert(re->rnhg->nh[0].flags & NHF_RECURSIVE);
	cr_assert_eq(re->rnhg->nh[1].ifindex, 3);
	re = selected("50.0.0.0/8");
	cr_assert_not_null(re);
	cr_assert_eq(re->rnhg->nh[1].ifindex, 3);
}

Test(rib, interface_down_invalidates_cached_resolutions)
{
	char pfx[32];

	for (int i = 0; i < 20; i++) {
		snprintf(pfx, sizeof(pfx), "90.%d.0.0/16", i);
		add_gw(pfx, ZRT_BGP, 0, 0, "10.0.0.2");
	}
	rib_run_slice(rib, 0);
	cr_assert_not_null(selected("90.19.0.0/16"));
	link_up(2, "eth0", false);
	rib_run_slice(rib, 0);
	for (int i = 0; i < 20; i++) {
		snprintf(pfx, sizeof(pfx), "90.%d.0.0/16", i);
		cr_assert_null(selected(pfx), "%s survived its interface", pfx);
	}
}
