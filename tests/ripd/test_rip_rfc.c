/*
 * RFC conformance of ripd (RFC 2453, RFC 1058, RFC 2082) and Quagga 1.2.4's
 * observable behaviour, on the socket-less instance of rip_harness: eth0
 * 10.0.0.1/24 (ifindex 2) and eth1 10.0.1.1/24 (ifindex 3), what ripd
 * sends captured and parsed back.
 *
 * One test per finding of the review: the RIPv2 next hop sent and
 * received (4.4), triggered updates (3.10.1), Requests (3.9.1), RIPv1
 * masks, must-be-zero fields and versions (RFC 1058), which drop counts
 * where (`show ip rip status` as Quagga), the route decision and timers
 * (3.8, 3.9.2), keyed MD5 key ids and sequence numbers (RFC 2082), and the
 * locally originated default and `route` entries.
 */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <string.h>
#include <time.h>

#include "keychain.h"
#include "rip_harness.h"

TestSuite(rip_rfc, .init = h_setup, .fini = h_teardown, .timeout = 40);

#define QUERY_PORT 40000

/* Feed one datagram from src:port on ifindex. */
static void feed_port(const uint8_t *buf, size_t len, const char *src, uint16_t port,
		      uint32_t ifindex)
{
	struct sockaddr_in from = { .sin_family = AF_INET, .sin_port = htons(port),
				    .sin_addr = h_a4(src) };

	rip_input(h_rip, buf, len, &from, ifindex);
}

/* A packet in w: header, then entries added with put(). */
static void pkt_begin(struct writer *w, uint8_t *buf, uint8_t cmd, uint8_t version)
{
	wr_init_fixed(w, buf, RIP_PACKET_MAX);
	rip_put_header(w, cmd, version);
}

static void put(struct writer *w, uint16_t afi, const char *addr, const char *mask,
		const char *nexthop, uint32_t metric)
{
	struct rip_rte e = {
		.afi = afi, .addr = h_a4(addr), .mask = h_a4(mask),
		.nexthop = h_a4(nexthop), .metric = metric,
	};

	rip_put_rte(w, &e);
	cr_assert_not(wr_failed(w));
}

/* One RIPv2 entry from src on ifindex. */
static void learn(const char *pfx_addr, const char *mask, const char *nexthop,
		  uint32_t metric, const char *src, uint32_t ifindex)
{
	uint8_t buf[RIP_PACKET_MAX];
	struct writer w;

	pkt_begin(&w, buf, RIP_RESPONSE, RIPv2);
	put(&w, RIP_AFI_INET, pfx_addr, mask, nexthop, metric);
	h_feed(w.data, w.len, src, ifindex);
}

/* Sent packets to `to`:port (NULL/0 = any) that carry pfx; the last entry. */
static const struct rip_rte *sent_to(const char *to, uint16_t port, const char *pfx,
				     const struct h_sent **pkt)
{
	const struct rip_rte *found = NULL;
	struct prefix want;

	cr_assert_eq(prefix_parse_ipv4(pfx, &want), 0);
	for (unsigned i = 0; i < h_ncap; i++) {
		const struct h_sent *s = &h_cap[i];

		if (s->pkt.command != RIP_RESPONSE)
			continue;
		if (to && s->to.sin_addr.s_addr != h_a4(to).s_addr)
			continue;
		if (port && ntohs(s->to.sin_port) != port)
			continue;
		for (unsigned j = 0; j < s->pkt.nrte; j++) {
			struct prefix p;
			struct prefix ifa;

			prefix_from_ipv4(&ifa, h_a4("10.0.0.1"), 24);
			if (rip_rte_check(&s->pkt.rte[j], s->pkt.version, &ifa, &p) ==
			    RIP_RTE_OK && prefix_same(&p, &want)) {
				found = &s->pkt.rte[j];
				if (pkt)
					*pkt = s;
			}
		}
	}
	return found;
}

static unsigned responses_to(const char *to, uint16_t port)
{
	unsigned n = 0;

	for (unsigned i = 0; i < h_ncap; i++)
		if (h_cap[i].pkt.command == RIP_RESPONSE &&
		    h_cap[i].to.sin_addr.s_addr == h_a4(to).s_addr &&
		    ntohs(h_cap[i].to.sin_port) == port)
			n++;
	return n;
}

/* ---- (1) RFC 2453 4.4: the next hop ---- */

Test(rip_rfc, nexthop_of_redistributed_static_on_its_subnet)
{
	struct prefix p;
	const struct rip_rte *e;

	/* ip route 192.168.100.0/24 10.0.0.2 (via eth0), redistributed */
	prefix_parse_ipv4("192.168.100.0/24", &p);
	rip_redistribute_add(h_rip, ZEBRA_ROUTE_STATIC, RIP_ROUTE_REDISTRIBUTE, &p, 2,
			     h_a4("10.0.0.2"), 0, 1, 0);
	/* a static whose gateway is on no subnet of ours */
	prefix_parse_ipv4("192.168.101.0/24", &p);
	rip_redistribute_add(h_rip, ZEBRA_ROUTE_STATIC, RIP_ROUTE_REDISTRIBUTE, &p, 2,
			     h_a4("10.9.0.2"), 0, 1, 0);
	h_ncap = 0;
	h_full_update(h_eth0);
	h_full_update(h_eth1);

	e = h_sent_rte(2, "192.168.100.0/24");
	cr_assert_not_null(e);
	cr_assert_eq(e->nexthop.s_addr, h_a4("10.0.0.2").s_addr,
		     "on the gateway's own subnet the gateway is the next hop");
	cr_assert_eq(e->metric, 1);
	e = h_sent_rte(3, "192.168.100.0/24");
	cr_assert_not_null(e);
	cr_assert_eq(e->nexthop.s_addr, 0, "on another subnet: 0.0.0.0");
	e = h_sent_rte(2, "192.168.101.0/24");
	cr_assert_not_null(e);
	cr_assert_eq(e->nexthop.s_addr, 0, "a gateway off the subnet never leaks");
}

Test(rip_rfc, nexthop_of_learned_route_without_split_horizon)
{
	const struct rip_rte *e;

	rip_if_info(h_eth0)->split_horizon = RIP_NO_SPLIT_HORIZON;
	/* 10.0.0.2 says: 172.16.9.0/24 is best reached through 10.0.0.3 */
	learn("172.16.9.0", "255.255.255.0", "10.0.0.3", 2, "10.0.0.2", 2);
	cr_assert_eq(h_lookup("172.16.9.0/24")->nexthop.s_addr, h_a4("10.0.0.3").s_addr);
	h_ncap = 0;
	h_full_update(h_eth0);
	h_full_update(h_eth1);
	e = h_sent_rte(2, "172.16.9.0/24");
	cr_assert_not_null(e);
	cr_assert_eq(e->nexthop.s_addr, h_a4("10.0.0.3").s_addr);
	cr_assert_eq(h_sent_rte(3, "172.16.9.0/24")->nexthop.s_addr, 0);
}

Test(rip_rfc, received_nexthop_off_the_subnet_is_the_sender)
{
	struct rip_peer *peer;
	struct rip_if *ri = rip_if_info(h_eth0);

	/* on eth1's subnet, not eth0's: not directly reachable over eth0 */
	learn("172.16.10.0", "255.255.255.0", "10.0.1.5", 1, "10.0.0.2", 2);
	cr_assert_eq(h_lookup("172.16.10.0/24")->nexthop.s_addr, h_a4("10.0.0.2").s_addr);
	/* one on the receiving subnet is used as given */
	learn("172.16.13.0", "255.255.255.0", "10.0.0.7", 1, "10.0.0.2", 2);
	cr_assert_eq(h_lookup("172.16.13.0/24")->nexthop.s_addr, h_a4("10.0.0.7").s_addr);
	peer = rip_peer_lookup(h_rip, h_a4("10.0.0.2"));
	cr_assert_eq(peer->bad_routes, 0);
	/* a martian next hop (loopback, multicast, ...) marks a bad entry */
	learn("172.16.11.0", "255.255.255.0", "127.0.0.1", 1, "10.0.0.2", 2);
	learn("172.16.14.0", "255.255.255.0", "224.0.0.9", 1, "10.0.0.2", 2);
	cr_assert_null(h_lookup("172.16.11.0/24"));
	cr_assert_null(h_lookup("172.16.14.0/24"));
	cr_assert_eq(peer->bad_routes, 2);
	cr_assert_eq(ri->recv_badroutes, 2);
}

/* ---- (2) RFC 2453 3.10.1: triggered updates ---- */

static bool carries(const struct h_sent *s, const char *pfx)
{
	struct prefix want, p;

	prefix_parse_ipv4(pfx, &want);
	for (unsigned j = 0; j < s->pkt.nrte; j++)
		if (rip_rte_check(&s->pkt.rte[j], s->pkt.version, NULL, &p) == RIP_RTE_OK &&
		    prefix_same(&p, &want))
			return true;
	return false;
}

/* Let the damping of the start-up triggered update run out (<= 5 s). */
static void quiet(void)
{
	for (int i = 0; i < 120 && (h_rip->t_triggered_interval || h_rip->t_triggered); i++)
		h_run_for(50);
	cr_assert_null(h_rip->t_triggered_interval);
}

/* Packets on eth1 since index from that carry pfx. */
static unsigned eth1_with(unsigned from, const char *pfx)
{
	unsigned n = 0;

	for (unsigned i = from; i < h_ncap; i++)
		if (h_cap[i].ifindex == 3 && h_cap[i].pkt.command == RIP_RESPONSE &&
		    carries(&h_cap[i], pfx))
			n++;
	return n;
}

Test(rip_rfc, triggered_updates_changed_routes_damped)
{
	int64_t t0;
	unsigned mark;

	quiet();
	h_ncap = 0;
	/* the first change goes out at once, alone */
	learn("172.16.20.0", "255.255.255.0", "0.0.0.0", 1, "10.0.0.2", 2);
	h_run_for(50);
	cr_assert_eq(eth1_with(0, "172.16.20.0/24"), 1);
	cr_assert_eq(eth1_with(0, "10.0.0.0/24"), 0, "only changed routes");
	cr_assert_not_null(h_rip->t_triggered_interval, "damping timer runs");

	/* a change during the 1-5 s damping waits for the timer */
	mark = h_ncap;
	t0 = monotime_ms();
	learn("172.16.21.0", "255.255.255.0", "0.0.0.0", 1, "10.0.0.2", 2);
	h_run_for(900);
	cr_assert_eq(eth1_with(mark, "172.16.21.0/24"), 0, "sent before 1 s of damping");
	for (int i = 0; i < 200 && eth1_with(mark, "172.16.21.0/24") == 0; i++)
		h_run_for(50);
	cr_assert_eq(eth1_with(mark, "172.16.21.0/24"), 1);
	cr_assert_leq(monotime_ms() - t0, 5300, "damping longer than 5 s");
	cr_assert_eq(eth1_with(mark, "172.16.20.0/24"), 0, "already announced");
}

Test(rip_rfc, regular_update_suppresses_pending_triggered)
{
	unsigned mark = 0;
	bool ready = false;

	quiet();
	learn("172.16.22.0", "255.255.255.0", "0.0.0.0", 1, "10.0.0.2", 2);
	h_run_for(50);
	/* make a change while at least 1.6 s of damping remain (bounded tries) */
	for (int i = 0; i < 10 && !ready; i++) {
		if (h_rip->t_triggered_interval &&
		    event_timer_remain_msec(h_rip->t_triggered_interval) > 1600) {
			ready = true;
			break;
		}
		h_run_for(5200);
		learn("172.16.22.0", "255.255.255.0", "0.0.0.0", (uint32_t)(2 + i % 10),
		      "10.0.0.2", 2);
		h_run_for(20);
	}
	cr_assert(ready, "no damping period long enough in 10 tries");
	h_ncap = 0;
	learn("172.16.23.0", "255.255.255.0", "0.0.0.0", 1, "10.0.0.2", 2);
	cr_assert(h_rip->trigger, "pending until the damping timer");
	/* the regular update comes first (about 1 s) and carries everything */
	h_rip->update_time = 1;
	rip_schedule_update(h_rip);
	for (int i = 0; i < 100 && eth1_with(0, "10.0.0.0/24") == 0; i++)
		h_run_for(20);
	cr_assert_eq(eth1_with(0, "10.0.0.0/24"), 1, "no regular update");
	cr_assert_eq(eth1_with(0, "172.16.23.0/24"), 1);
	h_rip->update_time = 30;
	rip_schedule_update(h_rip);
	mark = h_ncap;
	h_run_for(5200);
	cr_assert_eq(eth1_with(mark, "172.16.23.0/24"), 0,
		     "the triggered update was not suppressed");
}

/* ---- (3) RFC 2453 3.9.1: requests ---- */

static size_t whole_table_request(uint8_t *buf, uint8_t version)
{
	struct writer w;

	pkt_begin(&w, buf, RIP_REQUEST, version);
	put(&w, 0, "0.0.0.0", "0.0.0.0", "0.0.0.0", RIP_METRIC_INFINITY);
	return w.len;
}

Test(rip_rfc, whole_table_request_answered_to_asker_with_split_horizon)
{
	uint8_t buf[RIP_PACKET_MAX];
	size_t len = whole_table_request(buf, RIPv2);
	const struct h_sent *s = NULL;

	learn("172.16.30.0", "255.255.255.0", "0.0.0.0", 1, "10.0.0.2", 2);
	h_run_for(50);
	h_ncap = 0;
	feed_port(buf, len, "10.0.0.3", RIP_PORT, 2);
	h_run_for(100);
	cr_assert_not_null(sent_to("10.0.0.3", RIP_PORT, "10.0.1.0/24", &s));
	cr_assert_eq(s->pkt.version, RIPv2);
	cr_assert_null(sent_to("10.0.0.3", RIP_PORT, "172.16.30.0/24", NULL),
		       "split horizon applies to a whole-table answer");
	cr_assert_eq(h_rip->queries, 1);

	/* a query tool on another port gets the table unicast to its port */
	h_ncap = 0;
	len = whole_table_request(buf, RIPv1);
	feed_port(buf, len, "10.0.0.9", QUERY_PORT, 2);
	h_run_for(100);
	cr_assert_not_null(sent_to("10.0.0.9", QUERY_PORT, "10.0.1.0/24", &s));
	cr_assert_eq(s->pkt.version, RIPv1, "answered in the asker's version");
	cr_assert_null(rip_peer_lookup(h_rip, h_a4("10.0.0.9")));
	cr_assert_eq(h_rip->queries, 2);
}

Test(rip_rfc, specific_request_answered_per_entry_without_split_horizon)
{
	uint8_t buf[RIP_PACKET_MAX];
	struct writer w;
	const struct h_sent *s = NULL;
	const struct rip_rte *e;

	learn("172.16.31.0", "255.255.255.0", "0.0.0.0", 3, "10.0.0.2", 2);
	h_ncap = 0;
	pkt_begin(&w, buf, RIP_REQUEST, RIPv2);
	put(&w, RIP_AFI_INET, "172.16.31.0", "255.255.255.0", "0.0.0.0", 0);
	put(&w, RIP_AFI_INET, "192.0.2.0", "255.255.255.0", "0.0.0.0", 0);
	feed_port(w.data, w.len, "10.0.0.9", QUERY_PORT, 2);
	cr_assert_eq(responses_to("10.0.0.9", QUERY_PORT), 1);
	e = sent_to("10.0.0.9", QUERY_PORT, "172.16.31.0/24", &s);
	cr_assert_not_null(e, "learned on eth0 and asked on eth0: still answered");
	cr_assert_eq(e->metric, 4);
	cr_assert_eq(s->pkt.nrte, 2);
	cr_assert_eq(sent_to("10.0.0.9", QUERY_PORT, "192.0.2.0/24", NULL)->metric,
		     RIP_METRIC_INFINITY, "unknown destination: infinity");

	/* Sun's POLL is answered as a request (Quagga) */
	h_ncap = 0;
	buf[0] = RIP_POLL;
	feed_port(w.data, w.len, "10.0.0.9", QUERY_PORT, 2);
	cr_assert_eq(responses_to("10.0.0.9", QUERY_PORT), 1);

	/* a request with no entries gets no response */
	h_ncap = 0;
	buf[0] = RIP_REQUEST;
	feed_port(w.data, RIP_HEADER_SIZE, "10.0.0.9", QUERY_PORT, 2);
	h_run_for(50);
	cr_assert_eq(responses_to("10.0.0.9", QUERY_PORT), 0);
	cr_assert_eq(h_rip->queries, 2);
}

Test(rip_rfc, passive_interface_answers_query_tools_only)
{
	uint8_t buf[RIP_PACKET_MAX];
	size_t len = whole_table_request(buf, RIPv2);

	h_rip->passive_default = true;
	rip_if_update_all(h_rip);
	h_ncap = 0;
	feed_port(buf, len, "10.0.0.3", RIP_PORT, 2);
	h_run_for(100);
	cr_assert_eq(responses_to("10.0.0.3", RIP_PORT), 0);
	feed_port(buf, len, "10.0.0.9", QUERY_PORT, 2);
	h_run_for(100);
	cr_assert_geq(responses_to("10.0.0.9", QUERY_PORT), 1);
}

/* ---- (4) RIPv1 (RFC 1058) ---- */

Test(rip_rfc, ripv1_masks_inferred)
{
	uint8_t buf[RIP_PACKET_MAX];
	struct writer w;

	pkt_begin(&w, buf, RIP_RESPONSE, RIPv1);
	put(&w, RIP_AFI_INET, "10.0.7.0", "0.0.0.0", "0.0.0.0", 1);	/* our net: /24 */
	put(&w, RIP_AFI_INET, "10.0.8.9", "0.0.0.0", "0.0.0.0", 1);	/* host */
	put(&w, RIP_AFI_INET, "172.18.0.0", "0.0.0.0", "0.0.0.0", 1);	/* class B */
	put(&w, RIP_AFI_INET, "192.168.5.0", "0.0.0.0", "0.0.0.0", 1);	/* class C */
	put(&w, RIP_AFI_INET, "0.0.0.0", "0.0.0.0", "0.0.0.0", 1);	/* default */
	h_feed(w.data, w.len, "10.0.0.2", 2);
	cr_assert_not_null(h_lookup("10.0.7.0/24"));
	cr_assert_not_null(h_lookup("10.0.8.9/32"));
	cr_assert_not_null(h_lookup("172.18.0.0/16"));
	cr_assert_not_null(h_lookup("192.168.5.0/24"));
	cr_assert_not_null(h_lookup("0.0.0.0/0"));
}

Test(rip_rfc, ripv1_output_to_broadcast_classful)
{
	struct rip_if *ri = rip_if_info(h_eth1);
	const struct h_sent *s = NULL;
	const struct rip_rte *e;
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(RIP_PORT) };

	learn("172.18.0.0", "255.255.0.0", "0.0.0.0", 1, "10.0.0.2", 2);
	learn("172.19.1.0", "255.255.255.0", "0.0.0.0", 1, "10.0.0.2", 2);
	learn("10.0.8.9", "255.255.255.255", "0.0.0.0", 1, "10.0.0.2", 2);
	learn("10.5.0.0", "255.255.0.0", "0.0.0.0", 1, "10.0.0.2", 2);
	ri->ri_send = RI_RIP_VERSION_1;
	h_ncap = 0;
	to.sin_addr = h_a4("10.0.1.255");
	rip_output_full(h_rip, h_eth1, h_a4("10.0.1.1"), &to, RIPv1);
	h_run_for(100);
	e = sent_to("10.0.1.255", RIP_PORT, "172.18.0.0/16", &s);
	cr_assert_not_null(e, "classful network of another net is sent");
	cr_assert_eq(s->pkt.version, RIPv1);
	cr_assert_eq(e->mask.s_addr, 0);
	cr_assert_eq(e->nexthop.s_addr, 0);
	cr_assert_eq(e->tag, 0);
	cr_assert_not_null(sent_to("10.0.1.255", RIP_PORT, "10.0.0.0/24", NULL),
			   "subnet of our net with our mask is sent");
	cr_assert_not_null(sent_to("10.0.1.255", RIP_PORT, "10.0.8.9/32", NULL),
			   "host route of our net is sent");
	cr_assert_null(sent_to("10.0.1.255", RIP_PORT, "172.19.1.0/24", NULL),
		       "subnet of another net is not");
	cr_assert_null(sent_to("10.0.1.255", RIP_PORT, "10.5.0.0/16", NULL),
		       "subnet of our net with another mask is not");

	/* periodic updates: `send version 1` broadcasts, `1 2` adds multicast */
	ri->ri_send = RI_RIP_VERSION_1_AND_2;
	h_ncap = 0;
	h_rip->update_time = 1;
	rip_schedule_update(h_rip);
	h_run_for(1400);
	cr_assert_geq(responses_to("10.0.1.255", RIP_PORT), 1);
	cr_assert_geq(responses_to("224.0.0.9", RIP_PORT), 1);
	for (unsigned i = 0; i < h_ncap; i++)
		if (h_cap[i].ifindex == 3 && h_cap[i].pkt.command == RIP_RESPONSE)
			cr_assert_eq(h_cap[i].pkt.version,
				     h_cap[i].to.sin_addr.s_addr == h_a4("224.0.0.9").s_addr ?
				     RIPv2 : RIPv1);
}

Test(rip_rfc, ripv1_must_be_zero_and_versions)
{
	uint8_t buf[RIP_PACKET_MAX];
	struct writer w;
	struct rip_if *ri = rip_if_info(h_eth0);
	struct rip_peer *peer;

	/* a RIPv1 message with a must-be-zero field set is ignored whole */
	pkt_begin(&w, buf, RIP_RESPONSE, RIPv1);
	put(&w, RIP_AFI_INET, "172.18.0.0", "0.0.0.0", "0.0.0.0", 1);
	put(&w, RIP_AFI_INET, "172.19.0.0", "0.0.0.0", "0.0.0.0", 1);
	buf[RIP_HEADER_SIZE + 20 + 2] = 1;		/* second entry's tag */
	h_feed(w.data, w.len, "10.0.0.2", 2);
	cr_assert_null(h_lookup("172.18.0.0/16"));
	buf[RIP_HEADER_SIZE + 20 + 2] = 0;
	buf[3] = 1;					/* header */
	h_feed(w.data, w.len, "10.0.0.2", 2);
	cr_assert_null(h_lookup("172.18.0.0/16"));
	peer = rip_peer_lookup(h_rip, h_a4("10.0.0.2"));
	cr_assert_eq(peer->bad_packets, 2);
	buf[3] = 0;

	/* `ip rip receive version 2` refuses RIPv1, `1 2` takes both */
	ri->ri_receive = RI_RIP_VERSION_2;
	h_feed(w.data, w.len, "10.0.0.2", 2);
	cr_assert_null(h_lookup("172.18.0.0/16"));
	cr_assert_eq(peer->bad_packets, 3);
	ri->ri_receive = RI_RIP_VERSION_1_AND_2;
	h_feed(w.data, w.len, "10.0.0.2", 2);
	cr_assert_not_null(h_lookup("172.18.0.0/16"));

	/* RIPv2 only where RIPv1 only is accepted: refused */
	pkt_begin(&w, buf, RIP_RESPONSE, RIPv2);
	put(&w, RIP_AFI_INET, "172.20.1.0", "255.255.255.0", "0.0.0.0", 1);
	ri->ri_receive = RI_RIP_VERSION_1;
	h_feed(w.data, w.len, "10.0.0.2", 2);
	cr_assert_null(h_lookup("172.20.1.0/24"));
	cr_assert_eq(peer->bad_packets, 4);
}

/* ---- (5) what is dropped and how it is counted ---- */

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
	ifp = if_update_from_zapi(h_rip->ifdb, &zi);
	cr_assert_not_null(ifp);
	cr_assert_eq(prefix_parse_ipv4(addr, &p), 0);
	connected_add(ifp, 0, &p, &none);
	return ifp;
}

Test(rip_rfc, drops_counted_as_quagga)
{
	uint8_t buf[RIP_PACKET_MAX];
	struct writer w;
	struct rip_if *ri = rip_if_info(h_eth0);
	struct rip_peer *peer;
	struct interface *eth2;

	/* entries: each bad one skipped alone */
	pkt_begin(&w, buf, RIP_RESPONSE, RIPv2);
	put(&w, RIP_AFI_INET, "172.16.40.0", "255.255.255.0", "0.0.0.0", 1);	/* good */
	put(&w, RIP_AFI_INET, "172.16.41.0", "255.255.255.0", "0.0.0.0", 0);	/* metric 0 */
	put(&w, RIP_AFI_INET, "172.16.42.0", "255.255.255.0", "0.0.0.0", 17);	/* metric 17 */
	put(&w, RIP_AFI_INET, "224.1.0.0", "255.255.0.0", "0.0.0.0", 1);	/* class D */
	put(&w, RIP_AFI_INET, "240.0.0.0", "240.0.0.0", "0.0.0.0", 1);		/* class E */
	put(&w, RIP_AFI_INET, "0.1.0.0", "255.255.0.0", "0.0.0.0", 1);		/* 0/8 */
	put(&w, RIP_AFI_INET, "127.0.0.0", "255.0.0.0", "0.0.0.0", 1);		/* 127/8 */
	put(&w, RIP_AFI_INET, "172.16.43.1", "255.255.255.0", "0.0.0.0", 1);	/* host bits */
	put(&w, 10, "172.16.44.0", "255.255.255.0", "0.0.0.0", 1);		/* AFI */
	put(&w, RIP_AFI_AUTH, "172.16.45.0", "255.255.255.0", "0.0.0.0", 1);	/* auth, late */
	h_feed(w.data, w.len, "10.0.0.2", 2);
	peer = rip_peer_lookup(h_rip, h_a4("10.0.0.2"));
	cr_assert_not_null(h_lookup("172.16.40.0/24"), "the good entry is used");
	cr_assert_eq(rip_rib_count(h_rip), 3, "only the good entry entered");
	cr_assert_eq(peer->bad_packets, 0);
	cr_assert_eq(peer->bad_routes, 7, "AFI and late auth entries are not counted");
	cr_assert_eq(ri->recv_badroutes, 9, "the interface counts every ignored entry");

	/* packets: each dropped whole, one bad packet each */
	pkt_begin(&w, buf, RIP_TRACEON, RIPv2);
	put(&w, RIP_AFI_INET, "172.16.46.0", "255.255.255.0", "0.0.0.0", 1);
	h_feed(w.data, w.len, "10.0.0.2", 2);
	buf[0] = RIP_TRACEOFF;
	h_feed(w.data, w.len, "10.0.0.2", 2);
	buf[0] = RIP_POLL_ENTRY;
	h_feed(w.data, w.len, "10.0.0.2", 2);
	cr_assert_eq(peer->bad_packets, 3, "obsolete commands count");
	buf[0] = RIP_RESPONSE;
	buf[1] = 0;
	h_feed(w.data, w.len, "10.0.0.2", 2);
	cr_assert_eq(peer->bad_packets, 4, "version 0");
	buf[1] = RIPv2;
	feed_port(w.data, w.len, "10.0.0.2", 521, 2);
	cr_assert_eq(peer->bad_packets, 5, "response not from port 520");
	cr_assert_null(h_lookup("172.16.46.0/24"));
	cr_assert_eq(ri->recv_badpackets, 5);

	/* a packet on an interface where RIP does not run */
	eth2 = add_if("eth2", 4, "192.168.9.1/24");
	rip_if_update_all(h_rip);
	cr_assert_not(rip_if_info(eth2)->running);
	h_feed(w.data, w.len, "192.168.9.2", 4);
	cr_assert_null(h_lookup("172.16.46.0/24"));
	cr_assert_eq(rip_peer_lookup(h_rip, h_a4("192.168.9.2"))->bad_packets, 1);
}

/* ---- (6) decision and timers (RFC 2453 3.8, 3.9.2) ---- */

Test(rip_rfc, replaced_only_by_better_metric_refreshed_by_same_router)
{
	struct rip_route *r;

	h_rip->timeout_time = 2;
	h_rip->garbage_time = 1;
	learn("172.16.50.0", "255.255.255.0", "0.0.0.0", 3, "10.0.0.2", 2);
	h_run_for(1300);
	/* an equal route from another router, past half the timeout: kept */
	learn("172.16.50.0", "255.255.255.0", "0.0.0.0", 3, "10.0.1.2", 3);
	r = h_lookup("172.16.50.0/24");
	cr_assert_eq(r->nexthop.s_addr, h_a4("10.0.0.2").s_addr);
	/* the same router with the same metric restarts the timeout */
	learn("172.16.50.0", "255.255.255.0", "0.0.0.0", 3, "10.0.0.2", 2);
	h_run_for(1300);
	r = h_lookup("172.16.50.0/24");
	cr_assert_eq(r->metric, 4, "timed out although refreshed");
	/* a worse metric from another router: kept */
	learn("172.16.50.0", "255.255.255.0", "0.0.0.0", 5, "10.0.1.2", 3);
	cr_assert_eq(h_lookup("172.16.50.0/24")->nexthop.s_addr, h_a4("10.0.0.2").s_addr);
	/* without refresh: metric 16, garbage collection, then gone */
	for (int i = 0; i < 60 && h_lookup("172.16.50.0/24")->metric != 16; i++)
		h_run_for(50);
	r = h_lookup("172.16.50.0/24");
	cr_assert_eq(r->metric, RIP_METRIC_INFINITY);
	cr_assert_not_null(r->t_garbage);
	/* an entry from the dead route's router at 16 does not restart it */
	learn("172.16.50.0", "255.255.255.0", "0.0.0.0", 16, "10.0.0.2", 2);
	h_run_for(1300);
	cr_assert_null(h_lookup("172.16.50.0/24"), "not garbage collected");
	/* a better metric from another router replaces at once */
	learn("172.16.51.0", "255.255.255.0", "0.0.0.0", 5, "10.0.0.2", 2);
	learn("172.16.51.0", "255.255.255.0", "0.0.0.0", 2, "10.0.1.2", 3);
	cr_assert_eq(h_lookup("172.16.51.0/24")->nexthop.s_addr, h_a4("10.0.1.2").s_addr);
	cr_assert_eq(h_lookup("172.16.51.0/24")->metric, 3);
}

/* ---- (7) authentication (RFC 2082) ---- */

static size_t md5_response(uint8_t *buf, uint8_t key_id, uint32_t seq, const char *key,
			   const char *addr)
{
	struct writer w;

	wr_init_fixed(&w, buf, RIP_PACKET_MAX);
	rip_put_header(&w, RIP_RESPONSE, RIPv2);
	rip_put_auth_md5(&w, key_id, RIP_AUTH_MD5_SIZE, seq);
	put(&w, RIP_AFI_INET, addr, "255.255.255.0", "0.0.0.0", 1);
	rip_md5_finish(&w, key);
	cr_assert_not(wr_failed(&w));
	return w.len;
}

Test(rip_rfc, md5_sequence_numbers_never_go_back)
{
	uint8_t buf[RIP_PACKET_MAX];
	struct rip_if *ri = rip_if_info(h_eth0);
	struct rip_peer *peer;
	size_t len;

	cr_assert_eq(rip_if_auth_mode_set(ri, RIP_AUTH_MD5, RIP_AUTH_MD5_SIZE), 0);
	cr_assert_eq(rip_if_auth_string_set(ri, "secret"), 0);
	len = md5_response(buf, 1, 1000, "secret", "172.16.60.0");
	h_feed(buf, len, "10.0.0.2", 2);
	cr_assert_not_null(h_lookup("172.16.60.0/24"));
	peer = rip_peer_lookup(h_rip, h_a4("10.0.0.2"));
	cr_assert_eq(peer->auth_seq, 1000);
	/* equal is fine: Quagga and FRR send the time, many packets a second */
	len = md5_response(buf, 1, 1000, "secret", "172.16.61.0");
	h_feed(buf, len, "10.0.0.2", 2);
	cr_assert_not_null(h_lookup("172.16.61.0/24"));
	/* lower: a replay, refused and counted */
	len = md5_response(buf, 1, 999, "secret", "172.16.62.0");
	h_feed(buf, len, "10.0.0.2", 2);
	cr_assert_null(h_lookup("172.16.62.0/24"));
	cr_assert_eq(peer->bad_packets, 1);
	/* another router keeps its own numbering */
	h_feed(buf, len, "10.0.0.3", 2);
	cr_assert_not_null(h_lookup("172.16.62.0/24"));

	/* what we send: the time of day, never decreasing */
	h_ncap = 0;
	rip_send_request_if(h_rip, h_eth0);
	rip_send_request_if(h_rip, h_eth0);
	cr_assert_geq(h_ncap, 2);
	cr_assert_leq(h_cap[0].pkt.auth.seq, h_cap[1].pkt.auth.seq);
	cr_assert_leq(h_cap[1].pkt.auth.seq, (uint32_t)time(NULL));
	cr_assert_geq(h_cap[0].pkt.auth.seq, (uint32_t)time(NULL) - 5);
}

Test(rip_rfc, md5_key_id_and_lifetimes)
{
	uint8_t buf[RIP_PACKET_MAX];
	struct rip_if *ri = rip_if_info(h_eth0);
	struct keychain *kc = keychain_get("KC");
	struct key *k1 = key_get(kc, 1), *k2 = key_get(kc, 2), *k257 = key_get(kc, 257);
	time_t now = time(NULL);
	size_t len;

	key_string_set(k1, "one");
	key_string_set(k2, "two");
	key_string_set(k257, "big");
	/* key 1 may no longer be sent, key 2 may */
	k1->send.start = now - 7200;
	k1->send.end = now - 3600;
	cr_assert_eq(rip_if_auth_mode_set(ri, RIP_AUTH_MD5, RIP_AUTH_MD5_SIZE), 0);
	cr_assert_eq(rip_if_auth_keychain_set(ri, "KC"), 0);

	h_ncap = 0;
	rip_send_request_if(h_rip, h_eth0);
	cr_assert_geq(h_ncap, 1);
	cr_assert_eq(h_cap[0].pkt.auth.key_id, 2, "the first key in its send lifetime");
	cr_assert(rip_md5_verify(h_cap[0].raw, h_cap[0].len, &h_cap[0].pkt, "two"));

	/* the key id names the key: 1 is still in its accept lifetime */
	len = md5_response(buf, 1, 5, "one", "172.16.70.0");
	h_feed(buf, len, "10.0.0.2", 2);
	cr_assert_not_null(h_lookup("172.16.70.0/24"));
	/* id 1 with key 2's secret is not key 2 */
	len = md5_response(buf, 1, 6, "two", "172.16.71.0");
	h_feed(buf, len, "10.0.0.3", 2);
	cr_assert_null(h_lookup("172.16.71.0/24"));
	/* no key 3: not key 257 either */
	len = md5_response(buf, 3, 6, "big", "172.16.72.0");
	h_feed(buf, len, "10.0.0.4", 2);
	cr_assert_null(h_lookup("172.16.72.0/24"));
	/* key 257 travels as id 1 (modulo 256) */
	len = md5_response(buf, 1, 6, "big", "172.16.73.0");
	h_feed(buf, len, "10.0.0.5", 2);
	cr_assert_not_null(h_lookup("172.16.73.0/24"));
	/* out of its accept lifetime a key is refused */
	k1->accept.start = now - 7200;
	k1->accept.end = now - 3600;
	len = md5_response(buf, 1, 7, "one", "172.16.74.0");
	h_feed(buf, len, "10.0.0.2", 2);
	cr_assert_null(h_lookup("172.16.74.0/24"));
	keychain_reset();
}

Test(rip_rfc, ripv1_request_answered_when_authentication_is_on)
{
	uint8_t buf[RIP_PACKET_MAX];
	struct rip_if *ri = rip_if_info(h_eth0);
	const struct h_sent *s = NULL;
	struct writer w;
	size_t len;

	cr_assert_eq(rip_if_auth_mode_set(ri, RIP_AUTH_SIMPLE_PASSWORD, 0), 0);
	cr_assert_eq(rip_if_auth_string_set(ri, "pw"), 0);
	/* a RIPv1 Response is refused... */
	pkt_begin(&w, buf, RIP_RESPONSE, RIPv1);
	put(&w, RIP_AFI_INET, "172.18.0.0", "0.0.0.0", "0.0.0.0", 1);
	h_feed(w.data, w.len, "10.0.0.2", 2);
	cr_assert_null(h_lookup("172.18.0.0/16"));
	cr_assert_eq(rip_peer_lookup(h_rip, h_a4("10.0.0.2"))->bad_packets, 1);
	/* ...a RIPv1 Request answered in RIPv1, as Quagga */
	h_ncap = 0;
	len = whole_table_request(buf, RIPv1);
	feed_port(buf, len, "10.0.0.9", QUERY_PORT, 2);
	h_run_for(100);
	cr_assert_not_null(sent_to("10.0.0.9", QUERY_PORT, "10.0.1.0/24", &s));
	cr_assert_eq(s->pkt.version, RIPv1);
	cr_assert_eq(s->pkt.auth.type, RIP_NO_AUTH);
	/* an unauthenticated RIPv2 Request is refused */
	h_ncap = 0;
	len = whole_table_request(buf, RIPv2);
	feed_port(buf, len, "10.0.0.9", QUERY_PORT, 2);
	h_run_for(100);
	cr_assert_eq(responses_to("10.0.0.9", QUERY_PORT), 0);
}

/* ---- (8) default-information originate and `route` ---- */

Test(rip_rfc, default_information_and_static_route)
{
	struct prefix p;
	struct route_node *rn;
	const struct rip_rte *e;
	struct rip_route *r;

	prefix_parse_ipv4("10.9.0.0/16", &p);
	rn = route_node_get(h_rip->static_routes, &p);
	rn->info = (void *)1;
	h_rip->default_information = true;
	rip_apply_config(h_rip);
	r = h_lookup("0.0.0.0/0");
	cr_assert_not_null(r);
	cr_assert_eq(r->sub_type, RIP_ROUTE_DEFAULT);
	cr_assert_not(r->in_zebra, "a local route is not given to zebra");
	cr_assert_eq(h_lookup("10.9.0.0/16")->sub_type, RIP_ROUTE_STATIC);

	/* neighbours' routes for the same prefixes do not replace them */
	learn("0.0.0.0", "0.0.0.0", "0.0.0.0", 1, "10.0.0.2", 2);
	learn("10.9.0.0", "255.255.0.0", "0.0.0.0", 1, "10.0.0.2", 2);
	cr_assert_eq(h_lookup("0.0.0.0/0")->sub_type, RIP_ROUTE_DEFAULT);
	cr_assert_eq(h_lookup("10.9.0.0/16")->sub_type, RIP_ROUTE_STATIC);

	h_ncap = 0;
	h_full_update(h_eth0);
	e = h_sent_rte(2, "0.0.0.0/0");
	cr_assert_not_null(e);
	cr_assert_eq(e->metric, 1);
	cr_assert_eq(e->mask.s_addr, 0);
	cr_assert_eq(h_sent_rte(2, "10.9.0.0/16")->metric, 1);

	/* `no default-information originate`: neighbours hear 16 at once */
	h_ncap = 0;
	h_rip->default_information = false;
	rip_apply_config(h_rip);
	for (int i = 0; i < 120 && !h_sent_rte(3, "0.0.0.0/0"); i++)
		h_run_for(50);	/* at most the 5 s of damping */
	e = h_sent_rte(3, "0.0.0.0/0");
	cr_assert_not_null(e, "no triggered update for the withdrawn default");
	cr_assert_eq(e->metric, RIP_METRIC_INFINITY);
}
