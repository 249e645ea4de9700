/*
 * RIP peers: the routers we hear Responses from, with their counters.
 *
 * A peer is created by its first accepted Response and kept while it keeps
 * talking; RIP_PEER_TIMER_DEFAULT seconds after the last update it is
 * forgotten. Bad packets and bad routes are counted per sender address; a
 * sender that never got a good packet through gets a peer entry too, so
 * `show ip rip status` shows who is sending garbage. The list is sorted by
 * address, the order `show ip rip status` prints.
 */
#include <stdio.h>
#include <string.h>

#include "event.h"
#include "memory.h"
#include "ripd.h"

DEFINE_MTYPE_STATIC(RIP_PEER, "RIP peer");

static time_t now_sec(void)
{
	return (time_t)(monotime_ms() / 1000);
}

struct rip_peer *rip_peer_lookup(struct rip *rip, struct in_addr addr)
{
	struct rip_peer *p;

	for (p = rip->peers; p; p = p->next)
		if (p->addr.s_addr == addr.s_addr)
			return p;
	return NULL;
}

static void peer_timeout(struct event *ev)
{
	struct rip_peer *peer = event_arg(ev);
	struct rip *rip = peer->rip;
	struct rip_peer **pp;

	for (pp = &rip->peers; *pp; pp = &(*pp)->next)
		if (*pp == peer) {
			*pp = peer->next;
			break;
		}
	XFREE(RIP_PEER, peer);
}

static struct rip_peer *peer_get(struct rip *rip, struct in_addr addr)
{
	struct rip_peer *peer = rip_peer_lookup(rip, addr), **pp;

	if (peer)
		return peer;
	peer = XCALLOC(RIP_PEER, sizeof(*peer));
	peer->addr = addr;
	peer->rip = rip;
	peer->last_update = now_sec();
	for (pp = &rip->peers; *pp; pp = &(*pp)->next)
		if (ntohl((*pp)->addr.s_addr) > ntohl(addr.s_addr))
			break;
	peer->next = *pp;
	*pp = peer;
	event_add_timer(rip->loop, peer_timeout, peer, RIP_PEER_TIMER_DEFAULT,
			&peer->t_timeout);
	return peer;
}

struct rip_peer *rip_peer_update(struct rip *rip, struct in_addr addr,
				 uint8_t version)
{
	struct rip_peer *peer = peer_get(rip, addr);

	peer->last_update = now_sec();
	peer->version = version;
	event_cancel(&peer->t_timeout);
	event_add_timer(rip->loop, peer_timeout, peer, RIP_PEER_TIMER_DEFAULT,
			&peer->t_timeout);
	return peer;
}

/*
 * A flood of garbage from spoofed addresses must not grow the peer list
 * without bound (each entry lives RIP_PEER_TIMER_DEFAULT seconds and the
 * list is walked per packet): senders that never got a good packet
 * through get an entry only while there are fewer than this many of them;
 * beyond that their packets are counted on the interface only.
 */
#define RIP_PEER_BAD_ONLY_MAX 256

static struct rip_peer *peer_get_for_garbage(struct rip *rip, struct in_addr addr)
{
	struct rip_peer *peer = rip_peer_lookup(rip, addr);
	unsigned bad_only = 0;

	if (peer)
		return peer;
	for (peer = rip->peers; peer; peer = peer->next)
		if (peer->version == 0 && ++bad_only >= RIP_PEER_BAD_ONLY_MAX)
			return NULL;
	return peer_get(rip, addr);
}

void rip_peer_bad_packet(struct rip *rip, struct in_addr addr)
{
	struct rip_peer *peer = peer_get_for_garbage(rip, addr);

	if (peer)
		peer->bad_packets++;
}

void rip_peer_bad_route(struct rip *rip, struct in_addr addr)
{
	struct rip_peer *peer = peer_get_for_garbage(rip, addr);

	if (peer)
		peer->bad_routes++;
}

void rip_peer_clean(struct rip *rip)
{
	while (rip->peers) {
		struct rip_peer *p = rip->peers;

		rip->peers = p->next;
		event_cancel(&p->t_timeout);
		XFREE(RIP_PEER, p);
	}
}

/* Time since the last update: hh:mm:ss, then NdNNhNNm, then NNwNdNNh. */
const char *rip_peer_uptime(const struct rip_peer *peer, char *buf, size_t len)
{
	long t = (long)(now_sec() - peer->last_update);
	long d = t / 86400, h = (t / 3600) % 24, m = (t / 60) % 60, s = t % 60;

	if (t < 0)
		t = 0;
	if (t < 86400)
		snprintf(buf, len, "%02ld:%02ld:%02ld", h, m, s);
	else if (t < 7 * 86400)
		snprintf(buf, len, "%ldd%02ldh%02ldm", d, h, m);
	else
		snprintf(buf, len, "%02ldw%ldd%02ldh", d / 7, d % 7, h);
	return buf;
}
