/*
 * ripd's protocol logic end to end, without sockets: a real instance with
 * a real event loop and interface database (two interfaces, eth0
 * 10.0.0.1/24 and eth1 10.0.1.1/24), datagrams fed to rip_input() as the
 * socket reader would, and everything ripd sends captured through the
 * send seam and parsed back with the real parser.
 *
 * What a user would check: learned metrics, next hops and table contents;
 * split horizon and poisoned reverse on the wire; timeouts and garbage
 * collection; per-peer bad packet / bad route counters; MD5 accepted with
 * the right key and refused with a wrong one; a big table sent in many
 * packets across several loop turns.
 */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <string.h>

#include "event.h"
#include "filter.h"
#include "keychain.h"
#include "ripd/ripd.h"

#define MAX_CAPTURE 4096

struct sent {
	uint32_t ifindex;
	struct sockaddr_in to;
	struct rip_packet pkt;
	uint8_t raw[RIP_PACKET_MAX];
	size_t len;
};

static struct sent *cap;
static unsigned ncap;
static struct event_loop *loop;
static struct rip *rip;
static struct interface *eth0, *eth1;

static int capture(struct rip *r, const uint8_t *buf, size_t len,
		   const struct sockaddr_in *to, struct interface *ifp,
		   struct in_addr src)
{
	(void)r;
	(void)src;
	if (ncap >= MAX_CAPTURE)
		return 0;
	cap[ncap].ifindex = ifp ? ifp->ifindex : 0;
	cap[ncap].to = *to;
	cap[ncap].len = len;
	memcpy(cap[ncap].raw, buf, len);
	cr_assert_eq(rip_packet_parse(buf, len, &cap[ncap].pkt, NULL), RIP_PARSE_OK,
		     "ripd sent a packet its own parser rejects");
	ncap++;
	return 0;
}

static struct interface *add_if(const char *name, uint32_t ifindex, const char *addr)
{
	struct zapi_interface zi = { 0 };
	struct interface *ifp;
	struct prefix p, none = { 0 };

	strcpy(zi.name, name);
	zi.ifindex = ifindex;
	zi.status = ZEBRA_INTERFACE_ACTIVE;
	zi.flags = IFF_UP | IFF_RUNNING | IFF_BROADCAST | IFF_MULTICAST;
	zi.mtu = 1500;
	ifp = if_update_from_zapi(rip->ifdb, &zi);
	cr_assert_not_null(ifp);
	cr_assert_eq(prefix_parse_ipv4(addr, &p), 0);
	connected_add(ifp, 0, &p, &none);
	return ifp;
}

static void setup(void)
{
	struct prefix net;
	struct route_node *rn;

	cap = calloc(MAX_CAPTURE, sizeof(*cap));
	ncap = 0;
	loop = event_loop_new("test");
	rip = rip_create(loop);
	rip_set_instance(rip);
	rip->dryrun = true;
	rip->send_hook = capture;
	eth0 = add_if("eth0", 2, "10.0.0.1/24");
	eth1 = add_if("eth1", 3, "10.0.1.1/24");
	prefix_parse_ipv4("10.0.0.0/8", &net);
	rn = route_node_get(rip->networks, &net);
	rn->info = (void *)1;
	cr_assert_eq(rip_enable(rip), 0);
}

static void teardown(void)
{
	rip_destroy(rip);
	event_loop_free(loop);
	free(cap);
}

/* Run the loop for about ms milliseconds (bounded). */
static void run_for(long ms)
{
	int64_t end = monotime_ms() + ms;

	for (int i = 0; i < 100000 && monotime_ms() < end; i++)
		event_loop_run_once(loop, 5);
}

static struct in_addr a4(const char *s)
{
	struct in_addr a;

	inet_pton(AF_INET, s, &a);
	return a;
}

static void feed(const uint8_t *buf, size_t len, const char *src, uint16_t port,
		 uint32_t ifindex)
{
	struct sockaddr_in from = { .sin_family = AF_INET, .sin_port = htons(port),
				    .sin_addr = a4(src) };

	rip_input(rip, buf, len, &from, ifindex);
}

/* A RIPv2 response with n routes 172.16.i.0/24 metric m (optionally MD5). */
static size_t response(uint8_t *buf, unsigned first, unsigned n, uint32_t metric,
		       const char *md5key)
{
	struct writer w;
	size_t len;

	wr_init_fixed(&w, buf, RIP_PACKET_MAX);
	rip_put_header(&w, RIP_RESPONSE, RIPv2);
	if (md5key)
		rip_put_auth_md5(&w, 1, RIP_AUTH_MD5_COMPAT_SIZE, 1);
	for (unsigned i = first; i < first + n; i++) {
		struct rip_rte e = {
			.afi = RIP_AFI_INET,
			.addr = { htonl(0xac100000u | (i << 8)) },
			.mask = { htonl(0xffffff00u) },
			.metric = metric,
		};
		rip_put_rte(&w, &e);
	}
	if (md5key)
		rip_md5_finish(&w, md5key);
	cr_assert_not(wr_failed(&w));
	len = w.len;
	return len;
}

static struct rip_route *lookup(const char *pfx)
{
	struct prefix p;
	struct route_node *rn;

	prefix_parse_ipv4(pfx, &p);
	rn = route_node_lookup(rip->table, &p);
	return rn ? rn->info : NULL;
}

/* Metric of `pfx` in the last packets sent on ifindex; -1 if absent. */
static int sent_metric(uint32_t ifindex, const char *pfx)
{
	struct prefix want;
	int m = -1;

	prefix_parse_ipv4(pfx, &want);
	for (unsigned i = 0; i < ncap; i++) {
		if (cap[i].ifindex != ifindex || cap[i].pkt.command != RIP_RESPONSE)
			continue;
		for (unsigned j = 0; j < cap[i].pkt.nrte; j++) {
			struct prefix p;

			if (rip_rte_check(&cap[i].pkt.rte[j], cap[i].pkt.version, NULL, &p) ==
			    RIP_RTE_OK && prefix_same(&p, &want))
				m = (int)cap[i].pkt.rte[j].metric;
		}
	}
	return m;
}

TestSuite(rip_rib, .init = setup, .fini = teardown, .timeout = 30);

Test(rip_rib, interfaces_run_and_connected_routes)
{
	struct rip_route *r = lookup("10.0.0.0/24");

	cr_assert(rip_if_info(eth0)->running);
	cr_assert(rip_if_info(eth1)->running);
	cr_assert_not_null(r);
	cr_assert_eq(r->type, ZEBRA_ROUTE_CONNECT);
	cr_assert_eq(r->sub_type, RIP_ROUTE_INTERFACE);
	cr_assert_eq(r->metric, 1);
	/* a request for the whole table went out on each interface */
	cr_assert_geq(ncap, 2);
	cr_assert_eq(cap[0].pkt.command, RIP_REQUEST);
	cr_assert(rip_request_is_whole_table(&cap[0].pkt));
	cr_assert_eq(ntohl(cap[0].to.sin_addr.s_addr), RIP_GROUP_ADDR);
}

Test(rip_rib, learn_route_metric_and_nexthop)
{
	uint8_t buf[RIP_PACKET_MAX];
	size_t len = response(buf, 20, 1, 1, NULL);
	struct rip_route *r;
	struct rip_peer *peer;

	feed(buf, len, "10.0.0.2", RIP_PORT, 2);
	r = lookup("172.16.20.0/24");
	cr_assert_not_null(r);
	cr_assert_eq(r->type, ZEBRA_ROUTE_RIP);
	cr_assert_eq(r->metric, 2);
	cr_assert_eq(r->nexthop.s_addr, a4("10.0.0.2").s_addr);
	cr_assert_eq(r->ifindex, 2);
	peer = rip_peer_lookup(rip, a4("10.0.0.2"));
	cr_assert_not_null(peer);
	cr_assert_eq(peer->bad_packets, 0);

	/* a worse metric from another router does not replace it */
	len = response(buf, 20, 1, 5, NULL);
	feed(buf, len, "10.0.1.2", RIP_PORT, 3);
	cr_assert_eq(lookup("172.16.20.0/24")->metric, 2);
	/* the same router raising the metric is believed */
	len = response(buf, 20, 1, 7, NULL);
	feed(buf, len, "10.0.0.2", RIP_PORT, 2);
	cr_assert_eq(lookup("172.16.20.0/24")->metric, 8);
	/* now the other router's route is better */
	len = response(buf, 20, 1, 5, NULL);
	feed(buf, len, "10.0.1.2", RIP_PORT, 3);
	r = lookup("172.16.20.0/24");
	cr_assert_eq(r->metric, 6);
	cr_assert_eq(r->nexthop.s_addr, a4("10.0.1.2").s_addr);
	cr_assert_eq(r->ifindex, 3);
	/* and metric 16 from it starts the deletion */
	len = response(buf, 20, 1, 16, NULL);
	feed(buf, len, "10.0.1.2", RIP_PORT, 3);
	r = lookup("172.16.20.0/24");
	cr_assert_eq(r->metric, 16);
	cr_assert_not_null(r->t_garbage);
	cr_assert_null(r->t_timeout);
}

Test(rip_rib, bad_packets_and_routes_are_counted)
{
	uint8_t buf[RIP_PACKET_MAX];
	size_t len = response(buf, 1, 3, 1, NULL);
	struct rip_peer *peer;

	/* second entry gets metric 17, third an address in 127/8 */
	buf[RIP_HEADER_SIZE + 20 + 19] = 17;
	buf[RIP_HEADER_SIZE + 40 + 4] = 127;
	feed(buf, len, "10.0.0.2", RIP_PORT, 2);
	peer = rip_peer_lookup(rip, a4("10.0.0.2"));
	cr_assert_not_null(peer);
	cr_assert_eq(peer->bad_routes, 2);
	cr_assert_not_null(lookup("172.16.1.0/24"));
	cr_assert_null(lookup("172.16.2.0/24"));

	len = response(buf, 1, 1, 1, NULL);
	buf[1] = 0;			/* version 0 */
	feed(buf, len, "10.0.0.2", RIP_PORT, 2);
	buf[1] = 2;
	buf[0] = 9;			/* command 9 */
	feed(buf, len, "10.0.0.2", RIP_PORT, 2);
	buf[0] = 2;
	feed(buf, len - 3, "10.0.0.2", RIP_PORT, 2);	/* bad length */
	feed(buf, len, "10.0.0.2", 5000, 2);		/* not from port 520 */
	cr_assert_eq(peer->bad_packets, 4);
	cr_assert_eq(rip_if_info(eth0)->recv_badpackets, 4);

	/* a sender off our subnets is refused and counted on the interface;
	 * it gets no peer entry (spoofed floods must not grow the list) */
	feed(buf, len, "192.0.2.7", RIP_PORT, 2);
	cr_assert_null(rip_peer_lookup(rip, a4("192.0.2.7")));
	cr_assert_eq(rip_if_info(eth0)->recv_badpackets, 5);
	cr_assert_null(lookup("172.16.1.0/24")->t_garbage);
}

Test(rip_rib, split_horizon_and_poisoned_reverse)
{
	uint8_t buf[RIP_PACKET_MAX];
	size_t len = response(buf, 30, 1, 1, NULL);

	feed(buf, len, "10.0.0.2", RIP_PORT, 2);
	ncap = 0;
	run_for(200);			/* the triggered update goes out */
	cr_assert_eq(sent_metric(3, "172.16.30.0/24"), 2, "eth1 must hear it with metric 2");
	cr_assert_eq(sent_metric(2, "172.16.30.0/24"), -1, "split horizon on eth0");

	rip_if_info(eth0)->split_horizon = RIP_SPLIT_HORIZON_POISONED_REVERSE;
	ncap = 0;
	rip_output_full(rip, eth0, a4("10.0.0.1"),
			&(struct sockaddr_in){ .sin_family = AF_INET,
					       .sin_port = htons(RIP_PORT),
					       .sin_addr = a4("10.0.0.2") }, RIPv2);
	run_for(100);
	cr_assert_eq(sent_metric(2, "172.16.30.0/24"), 16, "poisoned reverse on eth0");
	cr_assert_eq(sent_metric(2, "10.0.1.0/24"), 1, "the other subnet is announced");
}

Test(rip_rib, timeout_then_garbage_collection)
{
	uint8_t buf[RIP_PACKET_MAX];
	size_t len;

	rip->timeout_time = 1;
	rip->garbage_time = 1;
	len = response(buf, 40, 1, 3, NULL);
	feed(buf, len, "10.0.0.2", RIP_PORT, 2);
	cr_assert_eq(lookup("172.16.40.0/24")->metric, 4);
	run_for(1300);
	cr_assert_eq(lookup("172.16.40.0/24")->metric, 16, "timed out -> metric 16");
	ncap = 0;
	run_for(1300);
	cr_assert_null(lookup("172.16.40.0/24"), "garbage collected");
}

Test(rip_rib, md5_right_key_accepted_wrong_key_refused)
{
	uint8_t buf[RIP_PACKET_MAX];
	struct rip_if *ri = rip_if_info(eth0);
	size_t len;

	cr_assert_eq(rip_if_auth_mode_set(ri, RIP_AUTH_MD5, RIP_AUTH_MD5_COMPAT_SIZE), 0);
	cr_assert_eq(rip_if_auth_string_set(ri, "secret"), 0);

	len = response(buf, 50, 2, 1, "secret");
	feed(buf, len, "10.0.0.2", RIP_PORT, 2);
	cr_assert_not_null(lookup("172.16.50.0/24"));

	len = response(buf, 60, 1, 1, "wrong");
	feed(buf, len, "10.0.0.3", RIP_PORT, 2);
	cr_assert_null(lookup("172.16.60.0/24"));
	cr_assert_eq(rip_peer_lookup(rip, a4("10.0.0.3"))->bad_packets, 1);

	len = response(buf, 61, 1, 1, NULL);	/* no authentication at all */
	feed(buf, len, "10.0.0.3", RIP_PORT, 2);
	cr_assert_null(lookup("172.16.61.0/24"));
	cr_assert_eq(rip_peer_lookup(rip, a4("10.0.0.3"))->bad_packets, 2);

	/* what we send on eth0 is signed and verifies with the key */
	ncap = 0;
	rip_send_request_if(rip, eth0);
	cr_assert_geq(ncap, 1);
	cr_assert_eq(cap[0].pkt.auth.type, RIP_AUTH_MD5);
	cr_assert(rip_md5_verify(cap[0].raw, cap[0].len, &cap[0].pkt, "secret"));
}

Test(rip_rib, large_table_in_slices)
{
	uint8_t buf[RIP_PACKET_MAX];
	unsigned total = 0, packets = 0;

	for (unsigned i = 0; i < 1000; i += 25) {
		size_t len = response(buf, i, 25, 1, NULL);

		/* 172.16.i.0/24 wraps at 256: use the third octet and more */
		for (unsigned k = 0; k < 25; k++) {
			uint32_t a = 0xac100000u + ((i + k) << 8);
			uint32_t na = htonl(a);

			memcpy(buf + RIP_HEADER_SIZE + k * 20 + 4, &na, 4);
		}
		feed(buf, len, "10.0.0.2", RIP_PORT, 2);
	}
	cr_assert_geq(rip_rib_count(rip), 1000);
	ncap = 0;
	rip_output_full(rip, eth1, a4("10.0.1.1"),
			&(struct sockaddr_in){ .sin_family = AF_INET,
					       .sin_port = htons(RIP_PORT),
					       .sin_addr = a4("10.0.1.2") }, RIPv2);
	event_loop_run_once(loop, 5);
	cr_assert_lt(ncap, 41, "the first loop turn sent everything: no slicing");
	run_for(300);
	for (unsigned i = 0; i < ncap; i++) {
		if (cap[i].ifindex != 3 || cap[i].to.sin_addr.s_addr != a4("10.0.1.2").s_addr)
			continue;
		cr_assert_leq(cap[i].pkt.nrte, RIP_MAX_RTE);
		total += cap[i].pkt.nrte;
		packets++;
	}
	cr_assert_geq(total, 1000, "all routes sent, got %u", total);
	cr_assert_geq(packets, 40);
}

static void acl(const char *name, const char *type, const char *pfx)
{
	struct filter_spec spec;
	char err[256];

	cr_assert_eq(filter_spec_zebra(&spec, AFI_IP, type, pfx, false, err, sizeof(err)), 0, "%s", err);
	cr_assert_eq(access_list_entry_set(AFI_IP, name, &spec, true, err, sizeof(err)), 0, "%s", err);
}

Test(rip_rib, newly_applied_filters_poison_at_once)
{
	uint8_t buf[RIP_PACKET_MAX];
	size_t len = response(buf, 70, 2, 1, NULL);

	feed(buf, len, "10.0.0.2", RIP_PORT, 2);
	cr_assert_eq(lookup("172.16.70.0/24")->metric, 2);
	acl("NO70", "deny", "172.16.70.0/24");
	acl("NO70", "permit", "0.0.0.0/0");

	/* incoming: the denied learned route is poisoned, the other kept */
	cr_assert_eq(rip_distribute_set(rip, NULL, 0, false, "NO70", true), 0);
	rip_filter_changed(rip);
	cr_assert_eq(lookup("172.16.70.0/24")->metric, 16);
	cr_assert_eq(lookup("172.16.71.0/24")->metric, 2);
	cr_assert_eq(rip_distribute_set(rip, NULL, 0, false, "NO70", false), 0);

	/* outgoing: neighbours on eth1 hear 172.16.71.0/24 with metric 16 */
	acl("NO71", "deny", "172.16.71.0/24");
	acl("NO71", "permit", "0.0.0.0/0");
	cr_assert_eq(rip_distribute_set(rip, "eth1", 1, false, "NO71", true), 0);
	ncap = 0;
	rip_filter_changed(rip);
	run_for(100);
	cr_assert_eq(sent_metric(3, "172.16.71.0/24"), 16);
	/* and the next full update leaves it out */
	ncap = 0;
	rip_output_full(rip, eth1, a4("10.0.1.1"),
			&(struct sockaddr_in){ .sin_family = AF_INET,
					       .sin_port = htons(RIP_PORT),
					       .sin_addr = a4("10.0.1.2") }, RIPv2);
	run_for(100);
	cr_assert_eq(sent_metric(3, "172.16.71.0/24"), -1);
	access_list_reset();
}

Test(rip_rib, md5_with_key_chain)
{
	uint8_t buf[RIP_PACKET_MAX];
	struct rip_if *ri = rip_if_info(eth0);
	struct keychain *kc = keychain_get("KC");
	size_t len;

	key_string_set(key_get(kc, 5), "kc-secret");
	cr_assert_eq(rip_if_auth_mode_set(ri, RIP_AUTH_MD5, RIP_AUTH_MD5_SIZE), 0);
	cr_assert_eq(rip_if_auth_keychain_set(ri, "KC"), 0);
	cr_assert_eq(rip_if_auth_string_set(ri, "x"), -1, "string and key-chain exclude each other");

	/* we sign with key 5 of the chain */
	ncap = 0;
	rip_send_request_if(rip, eth0);
	cr_assert_geq(ncap, 1);
	cr_assert_eq(cap[0].pkt.auth.key_id, 5);
	cr_assert_eq(cap[0].pkt.auth.auth_len, RIP_AUTH_MD5_SIZE);
	cr_assert(rip_md5_verify(cap[0].raw, cap[0].len, &cap[0].pkt, "kc-secret"));

	/* we accept key 5 with its string; key id 6 is unknown */
	{
		struct writer w;

		wr_init_fixed(&w, buf, RIP_PACKET_MAX);
		rip_put_header(&w, RIP_RESPONSE, RIPv2);
		rip_put_auth_md5(&w, 5, RIP_AUTH_MD5_SIZE, 1);
		rip_put_rte(&w, &(struct rip_rte){ .afi = RIP_AFI_INET,
			    .addr = a4("172.16.80.0"), .mask = a4("255.255.255.0"), .metric = 1 });
		rip_md5_finish(&w, "kc-secret");
		len = w.len;
	}
	feed(buf, len, "10.0.0.2", RIP_PORT, 2);
	cr_assert_not_null(lookup("172.16.80.0/24"));
	buf[RIP_HEADER_SIZE + 6] = 6;
	feed(buf, len, "10.0.0.4", RIP_PORT, 2);
	cr_assert_eq(rip_peer_lookup(rip, a4("10.0.0.4"))->bad_packets, 1);
	keychain_reset();
}
