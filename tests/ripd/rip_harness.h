/*
 * A socket-less ripd instance for Criterion tests: a real event loop and
 * interface database with eth0 (ifindex 2, 10.0.0.1/24) and eth1 (ifindex
 * 3, 10.0.1.1/24) under `network 10.0.0.0/8`; datagrams are fed to
 * rip_input() as the socket reader would, and everything ripd sends is
 * captured through rip->send_hook and parsed back with the real parser.
 */
#ifndef TARPAN_TESTS_RIP_HARNESS_H
#define TARPAN_TESTS_RIP_HARNESS_H

#include "event.h"
#include "ripd/ripd.h"

#define H_MAX_CAPTURE 4096

struct h_sent {
	uint32_t ifindex;
	struct sockaddr_in to;
	struct rip_packet pkt;
	uint8_t raw[RIP_PACKET_MAX];
	size_t len;
};

extern struct h_sent *h_cap;
extern unsigned h_ncap;
extern struct event_loop *h_loop;
extern struct rip *h_rip;
extern struct interface *h_eth0, *h_eth1;

void h_setup(void);
void h_teardown(void);
/* Run the loop for about ms milliseconds (bounded). */
void h_run_for(long ms);
struct in_addr h_a4(const char *s);
void h_feed(const uint8_t *buf, size_t len, const char *src, uint32_t ifindex);
/* A RIPv2 response: n routes 172.16.first+i.0/24, metric and tag given. */
size_t h_response(uint8_t *buf, unsigned first, unsigned n, uint32_t metric,
		  uint16_t tag);
struct rip_route *h_lookup(const char *pfx);
/* The last entry for pfx sent on ifindex (NULL if none). */
const struct rip_rte *h_sent_rte(uint32_t ifindex, const char *pfx);
/* A full RIPv2 update to 10.0.1.2 on eth1 (or 10.0.0.2 on eth0), sent. */
void h_full_update(struct interface *ifp);

#endif
