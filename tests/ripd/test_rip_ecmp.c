/*
 * `allow-ecmp` on a socket-less instance (rip_harness) with a real, never
 * connected zclient, whose route table holds exactly what ripd would send
 * to zebra.
 *
 * What a user would check: two gateways announcing a prefix with the same
 * metric give two paths (both in `show ip rip`, both next hops in zebra);
 * a better metric replaces both; a gateway withdrawing (16), reporting a
 * worse metric or timing out leaves the other path in place; without
 * allow-ecmp the first gateway keeps the route; `no allow-ecmp` drops the
 * extra paths.
 */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <string.h>

#include "command.h"
#include "northbound.h"
#include "vty.h"
#include "zclient.h"
#include "rip_harness.h"

static void setup(void)
{
	cmd_init();
	rip_vty_init();
	rip_show_init();
	h_setup();
	h_rip->zc = rip_zclient_new(h_loop, h_rip);
	h_rip->ecmp = true;
}

static void teardown(void)
{
	h_teardown();
	nb_terminate();
}

TestSuite(rip_ecmp, .init = setup, .fini = teardown, .timeout = 30);

static void learn(unsigned first, uint32_t metric, const char *from, uint32_t ifindex)
{
	uint8_t buf[RIP_PACKET_MAX];
	size_t len = h_response(buf, first, 1, metric, 0);

	h_feed(buf, len, from, ifindex);
}

static unsigned paths(const char *pfx)
{
	unsigned n = 0;

	for (const struct rip_route *r = h_lookup(pfx); r; r = r->next)
		n++;
	return n;
}

/* Next hops of pfx in zebra's copy (-1: not installed). */
static int zebra_nexthops(const char *pfx, struct in_addr *first)
{
	struct zapi_route zr;
	struct prefix p;

	prefix_parse_ipv4(pfx, &p);
	if (!zclient_route_lookup(h_rip->zc, &p, SAFI_UNICAST, &zr))
		return -1;
	if (first && zr.nexthop_num)
		*first = zr.nexthops[0].gate.v4;
	return zr.nexthop_num;
}

Test(rip_ecmp, equal_metrics_make_two_paths)
{
	struct vty *vty;
	const char *out, *a, *b;

	learn(1, 2, "10.0.0.2", 2);
	learn(1, 2, "10.0.1.2", 3);
	cr_assert_eq(paths("172.16.1.0/24"), 2);
	cr_assert_eq(zebra_nexthops("172.16.1.0/24", NULL), 2);
	/* a refresh from either keeps two */
	learn(1, 2, "10.0.0.2", 2);
	cr_assert_eq(paths("172.16.1.0/24"), 2);

	vty = vty_new_buffer(VIEW_NODE);
	cr_assert_eq(vty_command(vty, "show ip rip"), CMD_SUCCESS);
	out = vty_buffer_text(vty);
	a = strstr(out, "R(n) 172.16.1.0/24      10.0.0.2              3 10.0.0.2");
	b = strstr(out, "R(n) 172.16.1.0/24      10.0.1.2              3 10.0.1.2");
	cr_assert(a && b && a < b, "one line per path:\n%s", out);
	vty_free_buffer(vty);
}

Test(rip_ecmp, better_metric_replaces_all_paths)
{
	struct in_addr nh;

	learn(2, 3, "10.0.0.2", 2);
	learn(2, 3, "10.0.1.2", 3);
	cr_assert_eq(paths("172.16.2.0/24"), 2);
	learn(2, 2, "10.0.1.2", 3);
	cr_assert_eq(paths("172.16.2.0/24"), 1);
	cr_assert_eq(h_lookup("172.16.2.0/24")->metric, 3);
	cr_assert_eq(zebra_nexthops("172.16.2.0/24", &nh), 1);
	cr_assert_eq(nh.s_addr, h_a4("10.0.1.2").s_addr);
	/* a third gateway with a better metric than the only path */
	learn(2, 1, "10.0.0.3", 2);
	cr_assert_eq(paths("172.16.2.0/24"), 1);
	cr_assert_eq(h_lookup("172.16.2.0/24")->from.s_addr, h_a4("10.0.0.3").s_addr);
	cr_assert_eq(h_lookup("172.16.2.0/24")->metric, 2);
}

Test(rip_ecmp, withdrawn_or_worse_path_leaves)
{
	struct in_addr nh;

	learn(3, 2, "10.0.0.2", 2);
	learn(3, 2, "10.0.1.2", 3);
	learn(3, 16, "10.0.0.2", 2);		/* the first path withdraws */
	cr_assert_eq(paths("172.16.3.0/24"), 1);
	cr_assert_eq(h_lookup("172.16.3.0/24")->metric, 3, "not poisoned");
	cr_assert_eq(zebra_nexthops("172.16.3.0/24", &nh), 1);
	cr_assert_eq(nh.s_addr, h_a4("10.0.1.2").s_addr);

	learn(3, 2, "10.0.0.2", 2);
	cr_assert_eq(paths("172.16.3.0/24"), 2);
	learn(3, 5, "10.0.1.2", 3);		/* the second gets worse */
	cr_assert_eq(paths("172.16.3.0/24"), 1);
	cr_assert_eq(h_lookup("172.16.3.0/24")->from.s_addr, h_a4("10.0.0.2").s_addr);
	/* the last path withdrawing poisons the route */
	learn(3, 16, "10.0.0.2", 2);
	cr_assert_eq(h_lookup("172.16.3.0/24")->metric, 16);
	cr_assert_eq(zebra_nexthops("172.16.3.0/24", NULL), -1);
}

Test(rip_ecmp, path_times_out_alone)
{
	h_rip->timeout_time = 1;
	learn(4, 2, "10.0.0.2", 2);
	learn(4, 2, "10.0.1.2", 3);
	h_run_for(600);
	learn(4, 2, "10.0.1.2", 3);		/* only the second is refreshed */
	h_run_for(700);
	cr_assert_eq(paths("172.16.4.0/24"), 1);
	cr_assert_eq(h_lookup("172.16.4.0/24")->from.s_addr, h_a4("10.0.1.2").s_addr);
	cr_assert_eq(h_lookup("172.16.4.0/24")->metric, 3);
	cr_assert_eq(zebra_nexthops("172.16.4.0/24", NULL), 1);
}

Test(rip_ecmp, interface_down_drops_its_paths)
{
	learn(5, 2, "10.0.0.2", 2);
	learn(5, 2, "10.0.1.2", 3);
	rip_routes_if_down(h_rip, 2);
	cr_assert_eq(paths("172.16.5.0/24"), 1);
	cr_assert_eq(h_lookup("172.16.5.0/24")->ifindex, 3);
	cr_assert_eq(h_lookup("172.16.5.0/24")->metric, 3);
}

Test(rip_ecmp, without_ecmp_first_gateway_stays)
{
	h_rip->ecmp = false;
	learn(6, 2, "10.0.0.2", 2);
	learn(6, 2, "10.0.1.2", 3);
	cr_assert_eq(paths("172.16.6.0/24"), 1);
	cr_assert_eq(h_lookup("172.16.6.0/24")->from.s_addr, h_a4("10.0.0.2").s_addr);
}

Test(rip_ecmp, no_allow_ecmp_drops_extra_paths)
{
	struct vty *vty = vty_new_buffer(RIP_NODE);

	/* the configuration is the tree: say it there too */
	cr_assert_eq(vty_command(vty, "allow-ecmp"), CMD_SUCCESS);
	cr_assert(h_rip->ecmp);
	learn(7, 2, "10.0.0.2", 2);
	learn(7, 2, "10.0.1.2", 3);
	cr_assert_eq(paths("172.16.7.0/24"), 2);
	cr_assert_eq(vty_command(vty, "no allow-ecmp"), CMD_SUCCESS);
	cr_assert_not(h_rip->ecmp);
	cr_assert_eq(paths("172.16.7.0/24"), 1);
	cr_assert_eq(zebra_nexthops("172.16.7.0/24", NULL), 1);
	cr_assert_eq(vty_command(vty, "no allow-ecmp"), CMD_WARNING);
	cr_assert_str_eq(vty_buffer_text(vty), "ECMP is already disabled.\n");
	vty_free_buffer(vty);
}
