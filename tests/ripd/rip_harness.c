/*
 * The socket-less ripd instance of rip_harness.h.
 */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>

#include "rip_harness.h"

struct h_sent *h_cap;
unsigned h_ncap;
struct event_loop *h_loop;
struct rip *h_rip;
struct interface *h_eth0, *h_eth1;

static int capture(struct rip *r, const uint8_t *buf, size_t len,
		   const struct sockaddr_in *to, struct interface *ifp,
		   struct in_addr src)
{
	struct h_sent *s;

	(void)r;
	(void)src;
	if (h_ncap >= H_MAX_CAPTURE)
		return 0;
	s = &h_cap[h_ncap];
	s->ifindex = ifp ? ifp->ifindex : 0;
	s->to = *to;
	s->len = len;
	memcpy(s->raw, buf, len);
	cr_assert_eq(rip_packet_parse(buf, len, &s->pkt, NULL), RIP_PARSE_OK,
		     "ripd sent a packet its own parser rejects");
	h_ncap++;
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
	ifp = if_update_from_zapi(h_rip->ifdb, &zi);
	cr_assert_not_null(ifp);
	cr_assert_eq(prefix_parse_ipv4(addr, &p), 0);
	connected_add(ifp, 0, &p, &none);
	return ifp;
}

void h_setup(void)
{
	struct prefix net;
	struct route_node *rn;

	h_cap = calloc(H_MAX_CAPTURE, sizeof(*h_cap));
	h_ncap = 0;
	h_loop = event_loop_new("test");
	h_rip = rip_create(h_loop);
	rip_set_instance(h_rip);
	h_rip->dryrun = true;
	h_rip->send_hook = capture;
	h_eth0 = add_if("eth0", 2, "10.0.0.1/24");
	h_eth1 = add_if("eth1", 3, "10.0.1.1/24");
	prefix_parse_ipv4("10.0.0.0/8", &net);
	rn = route_node_get(h_rip->networks, &net);
	rn->info = (void *)1;
	cr_assert_eq(rip_enable(h_rip), 0);
}

void h_teardown(void)
{
	rip_destroy(h_rip);
	event_loop_free(h_loop);
	free(h_cap);
}

void h_run_for(long ms)
{
	int64_t end = monotime_ms() + ms;

	for (int i = 0; i < 100000 && monotime_ms() < end; i++)
		event_loop_run_once(h_loop, 5);
}

struct in_addr h_a4(const char *s)
{
	struct in_addr a;

	cr_assert_eq(inet_pton(AF_INET, s, &a), 1);
	return a;
}

void h_feed(const uint8_t *buf, size_t len, const char *src, uint32_t ifindex)
{
	struct sockaddr_in from = { .sin_family = AF_INET, .sin_port = htons(RIP_PORT),
				    .sin_addr = h_a4(src) };

	rip_input(h_rip, buf, len, &from, ifindex);
}

size_t h_response(uint8_t *buf, unsigned first, unsigned n, uint32_t metric, uint16_t tag)
{
	struct writer w;

	wr_init_fixed(&w, buf, RIP_PACKET_MAX);
	rip_put_header(&w, RIP_RESPONSE, RIPv2);
	for (unsigned i = first; i < first + n; i++) {
		struct rip_rte e = {
			.afi = RIP_AFI_INET,
			.tag = tag,
			.addr = { htonl(0xac100000u | (i << 8)) },
			.mask = { htonl(0xffffff00u) },
			.metric = metric,
		};
		rip_put_rte(&w, &e);
	}
	cr_assert_not(wr_failed(&w));
	return w.len;
}

struct rip_route *h_lookup(const char *pfx)
{
	struct prefix p;
	struct route_node *rn;

	cr_assert_eq(prefix_parse_ipv4(pfx, &p), 0);
	rn = route_node_lookup(h_rip->table, &p);
	return rn ? rn->info : NULL;
}

const struct rip_rte *h_sent_rte(uint32_t ifindex, const char *pfx)
{
	const struct rip_rte *found = NULL;
	struct prefix want;

	cr_assert_eq(prefix_parse_ipv4(pfx, &want), 0);
	for (unsigned i = 0; i < h_ncap; i++) {
		if (h_cap[i].ifindex != ifindex || h_cap[i].pkt.command != RIP_RESPONSE)
			continue;
		for (unsigned j = 0; j < h_cap[i].pkt.nrte; j++) {
			struct prefix p;

			if (rip_rte_check(&h_cap[i].pkt.rte[j], h_cap[i].pkt.version, NULL,
					  &p) == RIP_RTE_OK && prefix_same(&p, &want))
				found = &h_cap[i].pkt.rte[j];
		}
	}
	return found;
}

void h_full_update(struct interface *ifp)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(RIP_PORT) };
	const char *src = ifp == h_eth0 ? "10.0.0.1" : "10.0.1.1";

	to.sin_addr = h_a4(ifp == h_eth0 ? "10.0.0.2" : "10.0.1.2");
	rip_output_full(h_rip, ifp, h_a4(src), &to, RIPv2);
	h_run_for(100);
}
