/*
 * Output: periodic updates, triggered updates, answers to requests.
 *
 * Everything sent goes through a job: one destination (multicast group,
 * subnet broadcast, a neighbour or a requester), one interface and source
 * address, one version, and a filter on the routes (all of them, or those
 * changed in the sequence window (seq_lo, seq_hi]). A job walks the table
 * with a route_iter, which survives any change to the table between slices,
 * and the job runner sends at most RIP_OUT_SLICE packets per loop turn, so a
 * table of any size never stalls the loop and the receiver's socket buffer
 * gets time to drain.
 *
 * Per-entry rules when a route is written for an interface:
 *   - distribute-list out (global and per interface)
 *   - RIPv1: subnets of the interface's classful network only with the
 *     interface's mask; other networks only as classful networks
 *   - split horizon: RIP routes learned on this interface and connected
 *     routes of this subnet are left out; with poisoned reverse they are
 *     sent with metric 16 instead
 *   - route-maps: `route-map NAME out IFNAME`, then the `redistribute ...
 *     route-map NAME` of the route's type (not for the interface routes);
 *     a deny leaves the route out (or poisons it, like a distribute-list,
 *     after a filter change); `set` changes metric, tag and next hop
 *   - metric: the one a route-map set, else the route's, or for
 *     redistributed routes the `redistribute ... metric` or default-metric;
 *     then offset-list out; capped at 16
 *   - RIPv2 next hop: the route's gateway when it lies on the outgoing
 *     subnet (RFC 2453 4.4), else 0.0.0.0; for every kind of route, so a
 *     redistributed static via a router on the link that does not speak
 *     RIP is announced with that router as next hop, saving the extra
 *     hop through us (Quagga did the same, by interface)
 *
 * Triggered updates (RFC 2453 3.10.1): a change schedules one at once; after
 * it is sent a 1-5 s damping timer runs, and changes during it are sent
 * together when it expires. A periodic update sends everything and so
 * cancels a pending triggered one.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include "event.h"
#include "log.h"
#include "memory.h"
#include "ripd.h"

DEFINE_MTYPE_STATIC(RIP_OUT_JOB, "RIP output job");

#define RIP_OUT_SLICE 32	/* packets per loop turn */

struct rip_out_job {
	struct rip_out_job *next;
	uint32_t ifindex;
	struct in_addr src;
	struct prefix ifaddr;		/* the connected address used */
	struct sockaddr_in to;
	uint8_t version;
	bool changed_only;
	bool poison_denied;		/* send filtered-out routes with metric 16 */
	uint64_t seq_lo, seq_hi;
	struct route_iter it;
};

static struct log_ratelimit send_rl = LOG_RATELIMIT_INIT(60, 5);

static void jobs_run(struct event *ev);

int rip_send_packet(struct rip *rip, const uint8_t *buf, size_t len,
		    const struct sockaddr_in *to, struct interface *ifp,
		    struct in_addr src)
{
	struct msghdr msg = { 0 };
	struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
	union {
		char buf[CMSG_SPACE(sizeof(struct in_pktinfo))];
		struct cmsghdr align;
	} cbuf;
	struct cmsghdr *cm;
	struct in_pktinfo *pi;
	char abuf[INET_ADDRSTRLEN];

	if (rip->send_hook) {
		rip->packets_sent++;
		return rip->send_hook(rip, buf, len, to, ifp, src);
	}
	if (rip->sock < 0)
		return -1;
	memset(&cbuf, 0, sizeof(cbuf));
	msg.msg_name = (void *)to;
	msg.msg_namelen = sizeof(*to);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	if (ifp) {
		msg.msg_control = cbuf.buf;
		msg.msg_controllen = sizeof(cbuf.buf);
		cm = CMSG_FIRSTHDR(&msg);
		cm->cmsg_level = IPPROTO_IP;
		cm->cmsg_type = IP_PKTINFO;
		cm->cmsg_len = CMSG_LEN(sizeof(struct in_pktinfo));
		pi = (struct in_pktinfo *)CMSG_DATA(cm);
		pi->ipi_ifindex = (int)ifp->ifindex;
		pi->ipi_spec_dst = src;
	}
	if (sendmsg(rip->sock, &msg, 0) < 0) {
		zlog_rl(&send_rl, LOG_WARNING, "send to %s:%u failed: %s",
			inet_ntop(AF_INET, &to->sin_addr, abuf, sizeof(abuf)),
			ntohs(to->sin_port), strerror(errno));
		return -1;
	}
	rip->packets_sent++;
	if (IS_RIP_DEBUG_SEND)
		zlog_debug("SEND to  %s.%u len %zu on %s",
			   inet_ntop(AF_INET, &to->sin_addr, abuf, sizeof(abuf)),
			   ntohs(to->sin_port), len, ifp ? ifp->name : "-");
	return 0;
}

/* ---- per-entry output rules ---- */

static uint8_t metric_out(struct rip *rip, const struct rip_route *r)
{
	uint32_t m = r->metric;

	if (r->metric == RIP_METRIC_INFINITY)
		return RIP_METRIC_INFINITY;
	if (r->type != ZEBRA_ROUTE_RIP && r->type != ZEBRA_ROUTE_CONNECT &&
	    r->type < ZEBRA_ROUTE_MAX) {
		if (rip->redist[r->type].metric_config)
			m = rip->redist[r->type].metric;
		else
			m = rip->default_metric;
	} else if (r->type == ZEBRA_ROUTE_CONNECT &&
		   r->sub_type == RIP_ROUTE_REDISTRIBUTE &&
		   rip->redist[r->type].metric_config) {
		m = rip->redist[r->type].metric;
	}
	return (uint8_t)(m > RIP_METRIC_INFINITY ? RIP_METRIC_INFINITY : m);
}

/*
 * RFC 2453 4.4: the route's gateway when it is directly reachable on the
 * logical subnet the update goes out on, whatever the route's origin; a
 * gateway elsewhere must not leak into another subnet: 0.0.0.0.
 */
static struct in_addr nexthop_out(const struct rip_out_job *j, struct interface *ifp,
				  const struct rip_route *r)
{
	struct in_addr none = { 0 };

	if (r->nexthop.s_addr && (r->ifindex == ifp->ifindex || r->ifindex == 0)) {
		struct prefix nh, net = j->ifaddr;

		prefix_from_ipv4(&nh, r->nexthop, 32);
		apply_mask(&net);
		if (prefix_match(&net, &nh))
			return r->nexthop;
	}
	return none;
}

/* The interface's out route-map, then the redistribution one; false = deny. */
static bool rmap_out(struct rip *rip, struct interface *ifp, const struct prefix *p,
		     const struct rip_route *r, struct rip_rmap_obj *o)
{
	const char *ifmap = rip_if_rmap_name(rip, ifp->name, 1);
	const char *redist = NULL;

	if (r->type < ZEBRA_ROUTE_MAX && r->sub_type != RIP_ROUTE_INTERFACE)
		redist = rip->redist[r->type].route_map;
	if (!ifmap && !redist)
		return true;
	if (!rip_routemap_permit(ifmap, p, o) || !rip_routemap_permit(redist, p, o)) {
		if (IS_RIP_DEBUG_PACKET) {
			char buf[PREFIX_STRLEN];

			zlog_debug("%s is filtered by route-map",
				   prefix2str(p, buf, sizeof(buf)));
		}
		return false;
	}
	return true;
}

/* Fill e for route r in job j on ifp; false if the route is left out. */
static bool out_entry(struct rip *rip, const struct rip_out_job *j,
		      struct interface *ifp, struct rip_if *ri,
		      const struct prefix *p, const struct rip_route *r,
		      struct rip_rte *e)
{
	struct rip_rmap_obj o;
	uint32_t m;
	bool denied = false;

	if (j->changed_only && (r->change_seq <= j->seq_lo || r->change_seq > j->seq_hi))
		return false;
	if (!rip_distribute_permit(rip, 1, p, ifp)) {
		if (!j->poison_denied)
			return false;
		denied = true;
	}

	if (j->version == RIPv1 && p->prefixlen != 0) {
		struct prefix cls = j->ifaddr;
		unsigned clen = rip_classful_len(j->ifaddr.u.v4);

		cls.prefixlen = (uint8_t)clen;
		apply_mask(&cls);
		if (j->ifaddr.prefixlen > clen && prefix_match(&cls, p)) {
			if (p->prefixlen != j->ifaddr.prefixlen && p->prefixlen != 32)
				return false;
		} else if (p->prefixlen != rip_classful_len(p->u.v4)) {
			return false;
		}
	}

	if (ri->split_horizon == RIP_SPLIT_HORIZON) {
		if (r->type == ZEBRA_ROUTE_RIP && r->sub_type == RIP_ROUTE_RTE &&
		    r->ifindex == ifp->ifindex)
			return false;
		if (r->type == ZEBRA_ROUTE_CONNECT && prefix_match(p, &j->ifaddr))
			return false;
	}

	rip_rmap_obj_init(&o, rip, r->metric, r->tag, r->nexthop, r->from, ifp->ifindex);
	o.nexthop_out = nexthop_out(j, ifp, r);
	if (!rmap_out(rip, ifp, p, r, &o)) {
		if (!j->poison_denied)
			return false;
		denied = true;
	}

	m = o.metric_set ? o.metric_out : metric_out(rip, r);
	if (r->metric < RIP_METRIC_INFINITY)
		rip_offset_apply(rip, 1, p, ifp, &m);
	else
		m = RIP_METRIC_INFINITY;	/* no map revives a poisoned route */
	if (m > RIP_METRIC_INFINITY)
		m = RIP_METRIC_INFINITY;
	if (denied)
		m = RIP_METRIC_INFINITY;
	if (ri->split_horizon == RIP_SPLIT_HORIZON_POISONED_REVERSE &&
	    r->ifindex == ifp->ifindex &&
	    ((r->type == ZEBRA_ROUTE_RIP && r->sub_type == RIP_ROUTE_RTE) ||
	     r->type == ZEBRA_ROUTE_CONNECT))
		m = RIP_METRIC_INFINITY;

	memset(e, 0, sizeof(*e));
	e->afi = RIP_AFI_INET;
	e->addr = p->u.v4;
	e->metric = m;
	if (j->version == RIPv2) {
		e->mask = masklen2ip(p->prefixlen);
		e->tag = o.tag_out;
		e->nexthop = o.nexthop_out;
	}
	return true;
}

/* ---- jobs ---- */

static void job_free(struct rip_out_job *j)
{
	XFREE(RIP_OUT_JOB, j);
}

static void jobs_kick(struct rip *rip)
{
	if (!rip->t_jobs && rip->jobs)
		event_add_timer_msec(rip->loop, jobs_run, rip, 0, &rip->t_jobs);
}

static struct rip_out_job *job_queue(struct rip *rip, struct interface *ifp,
				     const struct prefix *ifaddr,
				     const struct sockaddr_in *to, uint8_t version,
				     bool changed_only, uint64_t lo, uint64_t hi)
{
	struct rip_out_job *j = XCALLOC(RIP_OUT_JOB, sizeof(*j));

	j->ifindex = ifp->ifindex;
	j->src = ifaddr->u.v4;
	j->ifaddr = *ifaddr;
	j->to = *to;
	j->version = version;
	j->changed_only = changed_only;
	j->seq_lo = lo;
	j->seq_hi = hi;
	route_iter_init(&j->it, rip->table, NULL);
	if (rip->jobs_tail)
		rip->jobs_tail->next = j;
	else
		rip->jobs = j;
	rip->jobs_tail = j;
	jobs_kick(rip);
	return j;
}

/* Build and send one packet of job j; false when the job is finished. */
static bool job_step(struct rip *rip, struct rip_out_job *j)
{
	struct interface *ifp = if_lookup_by_index(rip->ifdb, j->ifindex);
	struct rip_if *ri = ifp ? rip_if_info(ifp) : NULL;
	uint8_t buf[RIP_PACKET_MAX];
	char key[RIP_AUTH_SIMPLE_SIZE + 1];
	const char *md5key = NULL;
	struct writer w;
	struct route_node *rn;
	unsigned room, n = 0;
	bool more = true;

	if (!ri || !ri->running || !rip->table)
		return false;
	wr_init_fixed(&w, buf, sizeof(buf));
	rip_put_header(&w, RIP_RESPONSE, j->version);
	room = j->version == RIPv2 ? rip_auth_rte_room(ri) : RIP_MAX_RTE;
	if (j->version == RIPv2)
		md5key = rip_auth_put(ri, &w, key);

	while (n < room) {
		struct rip_route *r;
		struct rip_rte e;
		struct prefix p;

		rn = route_iter_next(&j->it);
		if (!rn) {
			more = false;
			break;
		}
		r = rn->info;
		route_node_prefix(rn, &p);
		if (!out_entry(rip, j, ifp, ri, &p, r, &e))
			continue;
		rip_put_rte(&w, &e);
		n++;
	}
	if (n > 0) {
		if (md5key)
			rip_md5_finish(&w, md5key);
		if (!wr_failed(&w) &&
		    rip_send_packet(rip, w.data, w.len, &j->to, ifp, j->src) == 0)
			ri->sent_updates++;
	}
	return more;
}

static void jobs_run(struct event *ev)
{
	struct rip *rip = event_arg(ev);
	unsigned sent = 0;

	while (rip->jobs && sent < RIP_OUT_SLICE) {
		struct rip_out_job *j = rip->jobs;

		sent++;
		if (job_step(rip, j))
			continue;
		rip->jobs = j->next;
		if (!rip->jobs)
			rip->jobs_tail = NULL;
		job_free(j);
	}
	if (rip->jobs)
		event_add_timer_msec(rip->loop, jobs_run, rip, 1, &rip->t_jobs);
}

static void jobs_flush(struct rip *rip)
{
	event_cancel(&rip->t_jobs);
	while (rip->jobs) {
		struct rip_out_job *j = rip->jobs;

		rip->jobs = j->next;
		job_free(j);
	}
	rip->jobs_tail = NULL;
}

/* ---- destinations ---- */

static void dest_init(struct sockaddr_in *to, struct in_addr a, uint16_t port)
{
	memset(to, 0, sizeof(*to));
	to->sin_family = AF_INET;
	to->sin_addr = a;
	to->sin_port = htons(port);
}

/* The v1 destination of a connected address: peer or subnet broadcast. */
static struct in_addr v1_dest(const struct connected *ifc)
{
	struct in_addr a;

	if (ifc->destination.family == AF_INET && ifc->destination.u.v4.s_addr)
		return ifc->destination.u.v4;
	a.s_addr = ifc->address.u.v4.s_addr | ~masklen2ip(ifc->address.prefixlen).s_addr;
	return a;
}

static void queue_interface(struct rip *rip, struct interface *ifp,
			    bool changed_only, uint64_t lo, uint64_t hi)
{
	struct rip_if *ri = rip_if_info(ifp);
	uint8_t vsend;
	struct connected *ifc;

	if (!ri || !ri->running || ri->passive)
		return;
	vsend = rip_if_send_version(ri);
	for (ifc = ifp->connected; ifc; ifc = ifc->next) {
		struct sockaddr_in to;
		struct in_addr g = { htonl(RIP_GROUP_ADDR) };

		if (ifc->address.family != AF_INET || if_is_loopback(ifp))
			continue;
		if (vsend & RI_RIP_VERSION_2) {
			if (if_is_multicast(ifp))
				dest_init(&to, g, RIP_PORT);
			else
				dest_init(&to, v1_dest(ifc), RIP_PORT);
			job_queue(rip, ifp, &ifc->address, &to, RIPv2,
				  changed_only, lo, hi);
		}
		if (vsend & RI_RIP_VERSION_1) {
			dest_init(&to, v1_dest(ifc), RIP_PORT);
			job_queue(rip, ifp, &ifc->address, &to, RIPv1,
				  changed_only, lo, hi);
		}
	}
}

static void queue_neighbors(struct rip *rip, bool changed_only, uint64_t lo,
			    uint64_t hi)
{
	struct route_node *rn;

	if (!rip->neighbors)
		return;
	for (rn = route_top(rip->neighbors); rn; rn = route_next(rip->neighbors, rn)) {
		struct prefix p;
		struct interface *ifp;
		struct connected *ifc;
		struct rip_if *ri;
		struct sockaddr_in to;
		uint8_t vsend;

		route_node_prefix(rn, &p);
		ifp = if_lookup_address(rip->ifdb, &p);
		if (!ifp || !(ri = rip_if_info(ifp)) || !ri->running)
			continue;
		ifc = rip_if_connected_for(ifp, p.u.v4);
		if (!ifc)
			continue;
		vsend = rip_if_send_version(ri);
		dest_init(&to, p.u.v4, RIP_PORT);
		job_queue(rip, ifp, &ifc->address, &to,
			  (vsend & RI_RIP_VERSION_2) ? RIPv2 : RIPv1,
			  changed_only, lo, hi);
	}
}

static void queue_all(struct rip *rip, bool changed_only, uint64_t lo, uint64_t hi)
{
	struct interface *ifp;

	for (ifp = if_first(rip->ifdb); ifp; ifp = if_next(ifp))
		queue_interface(rip, ifp, changed_only, lo, hi);
	queue_neighbors(rip, changed_only, lo, hi);
}

/*
 * A filter changed: send a full update in which the routes the outgoing
 * filters now deny carry metric 16, so neighbours drop them at once
 * instead of waiting for them to time out.
 */
void rip_output_poison_filtered(struct rip *rip)
{
	struct rip_out_job *first = rip->jobs_tail, *j;

	if (!rip->enabled)
		return;
	queue_all(rip, false, 0, 0);
	for (j = first ? first->next : rip->jobs; j; j = j->next)
		j->poison_denied = true;
}

void rip_output_full(struct rip *rip, struct interface *ifp, struct in_addr src,
		     struct sockaddr_in *to, uint8_t version)
{
	struct prefix a;
	struct connected *ifc = rip_if_connected_for(ifp, to->sin_addr);

	if (ifc)
		a = ifc->address;
	else
		prefix_from_ipv4(&a, src, 32);
	job_queue(rip, ifp, &a, to, version, false, 0, 0);
}

/* ---- periodic and triggered updates ---- */

static long update_jitter_ms(unsigned long secs)
{
	long span = (long)secs * 1000 / 4;	/* +/- 25 % */

	if (span <= 0)
		return 0;
	return (random() % (2 * span + 1)) - span;
}

static void update_timer(struct event *ev)
{
	struct rip *rip = event_arg(ev);

	if (IS_RIP_DEBUG_EVENT)
		zlog_debug("update timer fire!");
	queue_all(rip, false, 0, 0);
	/* A full update carries every change: no triggered one is needed. */
	event_cancel(&rip->t_triggered);
	rip->trigger = false;
	rip->triggered_sent_seq = rip->change_seq;
	rip_schedule_update(rip);
}

void rip_schedule_update(struct rip *rip)
{
	long ms = (long)rip->update_time * 1000 + update_jitter_ms(rip->update_time);

	event_cancel(&rip->t_update);
	if (ms < 1000)
		ms = 1000;
	event_add_timer_msec(rip->loop, update_timer, rip, ms, &rip->t_update);
}

long rip_update_remain_sec(const struct rip *rip)
{
	long ms;

	if (!rip->t_update)
		return 0;
	ms = event_timer_remain_msec(rip->t_update);
	return ms < 0 ? 0 : ms / 1000;
}

static void triggered_interval(struct event *ev);

static void triggered_send(struct event *ev)
{
	struct rip *rip = event_arg(ev);
	uint64_t lo = rip->triggered_sent_seq, hi = rip->change_seq;

	if (hi > lo) {
		if (IS_RIP_DEBUG_EVENT)
			zlog_debug("triggered update!");
		queue_all(rip, true, lo, hi);
		rip->triggered_sent_seq = hi;
	}
	rip->trigger = false;
	event_cancel(&rip->t_triggered_interval);
	event_add_timer_msec(rip->loop, triggered_interval, rip,
			     1000 + random() % 4001, &rip->t_triggered_interval);
}

static void triggered_interval(struct event *ev)
{
	struct rip *rip = event_arg(ev);

	if (rip->trigger)
		triggered_send(ev);
}

void rip_trigger_update(struct rip *rip)
{
	if (!rip->enabled)
		return;
	if (rip->t_triggered_interval) {
		rip->trigger = true;
		return;
	}
	if (!rip->t_triggered)
		event_add_timer_msec(rip->loop, triggered_send, rip, 0,
				     &rip->t_triggered);
}

/* ---- requests ---- */

static void send_request(struct rip *rip, struct interface *ifp,
			 struct connected *ifc, uint8_t version,
			 const struct sockaddr_in *to)
{
	struct rip_if *ri = rip_if_info(ifp);
	uint8_t buf[RIP_PACKET_MAX];
	char key[RIP_AUTH_SIMPLE_SIZE + 1];
	const char *md5key = NULL;
	struct writer w;
	struct rip_rte e = { .afi = 0, .metric = RIP_METRIC_INFINITY };

	wr_init_fixed(&w, buf, sizeof(buf));
	rip_put_header(&w, RIP_REQUEST, version);
	if (version == RIPv2)
		md5key = rip_auth_put(ri, &w, key);
	rip_put_rte(&w, &e);
	if (md5key)
		rip_md5_finish(&w, md5key);
	if (!wr_failed(&w))
		rip_send_packet(rip, w.data, w.len, to, ifp, ifc->address.u.v4);
}

void rip_send_request_if(struct rip *rip, struct interface *ifp)
{
	struct rip_if *ri = rip_if_info(ifp);
	struct connected *ifc;
	uint8_t vsend;

	if (!ri || !ri->running || ri->passive || (rip->sock < 0 && !rip->send_hook))
		return;
	vsend = rip_if_send_version(ri);
	for (ifc = ifp->connected; ifc; ifc = ifc->next) {
		struct sockaddr_in to;
		struct in_addr g = { htonl(RIP_GROUP_ADDR) };

		if (ifc->address.family != AF_INET || if_is_loopback(ifp))
			continue;
		if (vsend & RI_RIP_VERSION_2) {
			dest_init(&to, if_is_multicast(ifp) ? g : v1_dest(ifc), RIP_PORT);
			send_request(rip, ifp, ifc, RIPv2, &to);
		}
		if (vsend & RI_RIP_VERSION_1) {
			dest_init(&to, v1_dest(ifc), RIP_PORT);
			send_request(rip, ifp, ifc, RIPv1, &to);
		}
	}
}

void rip_send_request_all(struct rip *rip)
{
	struct interface *ifp;

	for (ifp = if_first(rip->ifdb); ifp; ifp = if_next(ifp))
		rip_send_request_if(rip, ifp);
}

void rip_output_init(struct rip *rip)
{
	rip->triggered_sent_seq = rip->change_seq;
	rip_schedule_update(rip);
}

void rip_output_stop(struct rip *rip)
{
	event_cancel(&rip->t_update);
	event_cancel(&rip->t_triggered);
	event_cancel(&rip->t_triggered_interval);
	rip->trigger = false;
	jobs_flush(rip);
}
