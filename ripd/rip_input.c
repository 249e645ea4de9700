/*
 * Input: read a datagram, check it in layers, act on it.
 *
 *   1. the receiving interface (IP_PKTINFO) must be known; our own
 *      multicast/broadcast echoes are ignored silently
 *   2. rip_packet_parse(): size, version, command, RIPv1 must-be-zero
 *      fields, auth shape
 *   3. the interface must run RIP (or the sender be a `neighbor`), and
 *      accept this version (`ip rip receive version`)
 *   4. authentication as configured on the interface (rip_auth.c);
 *      unauthenticated RIPv2 and RIPv1 Responses are refused when it is
 *      on, an authenticated packet is refused when it is off (RFC 2453 5.2)
 *   5. the command: Responses from port 520 and from a directly connected
 *      subnet, then each entry through rip_rte_check() and
 *      rip_rte_process(); Requests (and Sun's POLL, as Quagga) answered
 *      with the whole table (a sliced job) or the listed entries; the
 *      obsolete TRACEON, TRACEOFF and POLL ENTRY are refused
 * Any failure in 2-5 drops the packet and counts a bad packet for the
 * sender and the interface, as Quagga's `show ip rip status` counts them;
 * the log line is rate-limited.
 *
 * A bad entry is skipped alone. The interface counts every skipped entry
 * (RIPv2-MIB rip2IfStatRcvBadRoutes: "ignored for any reason"); the peer's
 * BadRoutes counts, as Quagga, an invalid destination, metric or mask, but
 * not an entry of another address family (such as a 0xFFFF entry that is
 * not the first). A martian next hop counts too (Quagga skipped a
 * multicast one silently and took the others as 0.0.0.0).
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include "event.h"
#include "log.h"
#include "ripd.h"

static struct log_ratelimit bad_rl = LOG_RATELIMIT_INIT(60, 10);

static void bad_packet(struct rip *rip, struct rip_if *ri, struct in_addr from,
		       const char *why)
{
	char abuf[INET_ADDRSTRLEN];

	rip_peer_bad_packet(rip, from);
	if (ri)
		ri->recv_badpackets++;
	zlog_rl(&bad_rl, LOG_INFO, "packet from %s dropped: %s",
		inet_ntop(AF_INET, &from, abuf, sizeof(abuf)), why);
}

static void bad_route(struct rip *rip, struct rip_if *ri, struct in_addr from,
		      const struct rip_rte *e, enum rip_rte_result res)
{
	char abuf[INET_ADDRSTRLEN], rbuf[INET_ADDRSTRLEN];

	if (res != RIP_RTE_AFI)
		rip_peer_bad_route(rip, from);
	ri->recv_badroutes++;
	zlog_rl(&bad_rl, LOG_INFO, "bad route %s from %s ignored: %s",
		inet_ntop(AF_INET, &e->addr, rbuf, sizeof(rbuf)),
		inet_ntop(AF_INET, &from, abuf, sizeof(abuf)), rip_rte_result_str(res));
}

static void response_process(struct rip *rip, struct rip_if *ri,
			     const struct rip_packet *pkt,
			     const struct sockaddr_in *from)
{
	struct interface *ifp = ri->ifp;
	struct connected *ifc;

	if (ntohs(from->sin_port) != RIP_PORT) {
		bad_packet(rip, ri, from->sin_addr, "response not from port 520");
		return;
	}
	ifc = rip_if_connected_for(ifp, from->sin_addr);
	if (!ifc) {
		/* Not a neighbour by any reading (spoofed or misrouted):
		 * counted on the interface, no peer entry for it. */
		char abuf[INET_ADDRSTRLEN];

		ri->recv_badpackets++;
		zlog_rl(&bad_rl, LOG_INFO,
			"packet from %s dropped: not on a connected subnet",
			inet_ntop(AF_INET, &from->sin_addr, abuf, sizeof(abuf)));
		return;
	}
	for (unsigned i = 0; i < pkt->nrte; i++) {
		const struct rip_rte *e = &pkt->rte[i];
		enum rip_rte_result res;
		struct prefix p;

		res = rip_rte_check(e, pkt->version, &ifc->address, &p);
		if (res != RIP_RTE_OK) {
			bad_route(rip, ri, from->sin_addr, e, res);
			continue;
		}
		rip_rte_process(rip, &p, e, from->sin_addr, ifp);
	}
}

/*
 * RFC 2453 3.9.1: answer with our metric for each listed entry, as the
 * table holds it (no split horizon: this is for diagnostic tools); the
 * rest of each entry goes back as it came. True if an answer was sent.
 */
static bool request_entries(struct rip *rip, struct rip_if *ri,
			    const struct rip_packet *pkt,
			    struct sockaddr_in *from)
{
	uint8_t buf[RIP_PACKET_MAX];
	char key[RIP_AUTH_SIMPLE_SIZE + 1];
	const char *md5key = NULL;
	struct connected *ifc;
	struct writer w;
	struct in_addr src = { 0 };

	ifc = rip_if_connected_for(ri->ifp, from->sin_addr);
	if (ifc)
		src = ifc->address.u.v4;
	wr_init_fixed(&w, buf, sizeof(buf));
	rip_put_header(&w, RIP_RESPONSE, pkt->version);
	if (pkt->version == RIPv2)
		md5key = rip_auth_put(ri, &w, key);
	for (unsigned i = 0; i < pkt->nrte && i < rip_auth_rte_room(ri); i++) {
		struct rip_rte e = pkt->rte[i], q = pkt->rte[i];
		struct route_node *rn = NULL;
		struct prefix p;

		/* look the entry up whatever metric the asker put in it */
		q.metric = 1;
		if (rip_rte_check(&q, pkt->version, ifc ? &ifc->address : NULL, &p) ==
		    RIP_RTE_OK)
			rn = route_node_lookup(rip->table, &p);
		e.metric = RIP_METRIC_INFINITY;
		if (rn) {
			struct rip_route *r = rn->info;

			e.metric = r->metric;
		}
		rip_put_rte(&w, &e);
	}
	if (md5key)
		rip_md5_finish(&w, md5key);
	if (wr_failed(&w))
		return false;
	return rip_send_packet(rip, w.data, w.len, from, ri->ifp, src) == 0;
}

/*
 * RFC 2453 3.9.1. The answer goes to the asker's address and port, a
 * query tool's too. A router's Request (port 520) on a passive interface
 * gets no answer; a query tool's does. rip2GlobalQueries counts the
 * answers. (Quagga also listed an asker as a peer; we list only routers
 * that sent a Response: under a flood of spoofed Requests, refreshing a
 * peer per Request cost enough to delay real neighbours' updates.)
 */
static void request_process(struct rip *rip, struct rip_if *ri,
			    const struct rip_packet *pkt,
			    struct sockaddr_in *from)
{
	struct in_addr src = { 0 };
	struct connected *ifc;
	bool router = ntohs(from->sin_port) == RIP_PORT;

	if (router && ri->passive)
		return;
	ifc = rip_if_connected_for(ri->ifp, from->sin_addr);
	if (pkt->nrte == 0)
		return;
	if (!rip_request_is_whole_table(pkt)) {
		if (request_entries(rip, ri, pkt, from))
			rip->queries++;
		return;
	}
	if (ifc)
		src = ifc->address.u.v4;
	rip_output_full(rip, ri->ifp, src, from, pkt->version);
	rip->queries++;
}

static bool neighbor_configured(const struct rip *rip, struct in_addr a)
{
	struct prefix p;

	if (!rip->neighbors)
		return false;
	prefix_from_ipv4(&p, a, 32);
	return route_node_lookup(rip->neighbors, &p) != NULL;
}

void rip_input(struct rip *rip, const uint8_t *buf, size_t len,
	       struct sockaddr_in *from, uint32_t ifindex)
{
	struct interface *ifp = if_lookup_by_index(rip->ifdb, ifindex);
	struct rip_if *ri = ifp ? rip_if_info(ifp) : NULL;
	struct rip_packet pkt;
	enum rip_parse_result res;
	const char *why;
	uint8_t vrecv;
	char abuf[INET_ADDRSTRLEN];

	rip->packets_received++;
	if (!ri) {
		if (IS_RIP_DEBUG_PACKET)
			zlog_debug("packet on unknown interface %u dropped", ifindex);
		return;
	}
	if (rip_is_own_address(rip, from->sin_addr))
		return;
	if (IS_RIP_DEBUG_RECV)
		zlog_debug("RECV packet from %s port %u on %s len %zu",
			   inet_ntop(AF_INET, &from->sin_addr, abuf, sizeof(abuf)),
			   ntohs(from->sin_port), ifp->name, len);

	res = rip_packet_parse(buf, len, &pkt, &why);
	if (res != RIP_PARSE_OK) {
		bad_packet(rip, ri, from->sin_addr, why);
		return;
	}
	if (!ri->running && !neighbor_configured(rip, from->sin_addr)) {
		bad_packet(rip, ri, from->sin_addr, "RIP does not run on the interface");
		return;
	}
	vrecv = rip_if_recv_version(ri);
	if ((pkt.version == RIPv1 && !(vrecv & RI_RIP_VERSION_1)) ||
	    (pkt.version == RIPv2 && !(vrecv & RI_RIP_VERSION_2))) {
		bad_packet(rip, ri, from->sin_addr, "version not accepted on this interface");
		return;
	}
	if (!rip_auth_check(ri, buf, len, &pkt, from->sin_addr, &why)) {
		bad_packet(rip, ri, from->sin_addr, why);
		return;
	}
	switch (pkt.command) {
	case RIP_RESPONSE:
		/* only a sender on our subnet is a peer (checked inside) */
		if (ntohs(from->sin_port) == RIP_PORT &&
		    rip_if_connected_for(ifp, from->sin_addr))
			rip_peer_update(rip, from->sin_addr, pkt.version);
		response_process(rip, ri, &pkt, from);
		break;
	case RIP_REQUEST:
	case RIP_POLL:
		request_process(rip, ri, &pkt, from);
		break;
	default:
		bad_packet(rip, ri, from->sin_addr, "obsolete command");
		return;
	}
	if (pkt.auth.type == RIP_AUTH_MD5) {
		struct rip_peer *peer = rip_peer_lookup(rip, from->sin_addr);

		if (peer) {
			peer->auth_seq = pkt.auth.seq;
			peer->auth_seq_valid = true;
		}
	}
}

void rip_read(struct event *ev)
{
	struct rip *rip = event_arg(ev);
	uint8_t buf[RIP_PACKET_MAX + 64];
	union {
		char buf[CMSG_SPACE(sizeof(struct in_pktinfo))];
		struct cmsghdr align;
	} cbuf;

	/* bounded: drain what is queued, at most 64 datagrams per turn */
	for (int n = 0; n < 64; n++) {
		struct sockaddr_in from;
		struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
		struct msghdr msg = {
			.msg_name = &from, .msg_namelen = sizeof(from),
			.msg_iov = &iov, .msg_iovlen = 1,
			.msg_control = cbuf.buf, .msg_controllen = sizeof(cbuf.buf),
		};
		struct cmsghdr *cm;
		uint32_t ifindex = 0;
		ssize_t len;

		len = recvmsg(rip->sock, &msg, MSG_DONTWAIT);
		if (len < 0) {
			if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
				zlog_warn("recvmsg failed: %s", strerror(errno));
			break;
		}
		for (cm = CMSG_FIRSTHDR(&msg); cm; cm = CMSG_NXTHDR(&msg, cm))
			if (cm->cmsg_level == IPPROTO_IP && cm->cmsg_type == IP_PKTINFO) {
				struct in_pktinfo pi;

				memcpy(&pi, CMSG_DATA(cm), sizeof(pi));
				ifindex = (uint32_t)pi.ipi_ifindex;
			}
		if (from.sin_family != AF_INET)
			continue;
		/* A datagram longer than 512 is truncated to buf: still too long. */
		rip_input(rip, buf, (size_t)len > RIP_PACKET_MAX ? RIP_PACKET_MAX + 1 : (size_t)len,
			  &from, ifindex);
	}
	if (rip->sock >= 0)
		event_add_read(rip->loop, rip_read, rip, rip->sock, &rip->t_read);
}
