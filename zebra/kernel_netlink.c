/*
 * Netlink sockets, batching and acks, dumps and resync (see kernel.h).
 *
 * Both sockets are libnl sockets (nl_connect, memberships, nl_sendto);
 * replies are read with recvmsg into one large buffer and walked as
 * netlink messages; rt_netlink.c and if_netlink.c parse them with libnl's
 * attribute policies. The event socket carries a socket filter that drops
 * the notifications our own route changes cause (sender = our command
 * socket), so a million installs do not echo back a million events.
 *
 * Acks. Only the last message of each sendmsg() asks for an ack; the
 * kernel reports a failure of any message regardless, and handles a
 * batch in order, so when the closing ack of a batch arrives every
 * message of it without an error report has succeeded. That is one ack
 * per batch instead of one per route: a million acks would cost a
 * million recv() calls and could overrun the socket.
 *
 * Resync. On ENOBUFS (lost notifications or acks) zebra dumps links,
 * addresses and routes again. Kernel routes not seen in the dump leave
 * the RIB; zebra's own routes are checked against it too: one the RIB
 * has installed but the kernel lacks is installed again, one the kernel
 * has but the RIB does not want is removed.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <netlink/netlink.h>
#include <netlink/socket.h>

#include "event.h"
#include "log.h"
#include "memory.h"
#include "interface.h"
#include "kernel_priv.h"
#include "rib.h"

DEFINE_MTYPE_STATIC(KERNEL, "Kernel interface");
DEFINE_MTYPE_STATIC(KERNEL_BUF, "Netlink buffer");

#define SEND_CHUNK (1024 * 1024)
#define RECV_BUF (1024 * 1024)
#define DEFAULT_RCVBUF (32 * 1024 * 1024)
#define FLUSH_BUDGET_US 20000
#define BACKLOG_MSGS 65536

static struct log_ratelimit rl_kernel = LOG_RATELIMIT_INIT(5, 20);

struct kernel *kernel_new(struct event_loop *loop, struct zif_db *ifdb,
			  struct rib *rib, const struct zebra_opts *opts)
{
	struct kernel *k = XCALLOC(KERNEL, sizeof(*k));

	k->loop = loop;
	k->ifdb = ifdb;
	k->rib = rib;
	k->opts = *opts;
	k->cmd_fd = k->ev_fd = -1;
	k->seq = (uint32_t)time(NULL);
	k->ring_cap = 4096;
	k->ring = XCALLOC(KERNEL_BUF, k->ring_cap * sizeof(*k->ring));
	k->rbuf_size = RECV_BUF;
	k->rbuf = XMALLOC(KERNEL_BUF, k->rbuf_size);
	return k;
}

uint32_t kernel_next_seq(struct kernel *k)
{
	if (++k->seq == 0)
		k->seq = 1;
	return k->seq;
}

/* ---- attributes ---- */

void nl_attr_put(struct nlmsghdr *h, size_t cap, int type, const void *data,
		 size_t len)
{
	size_t off = NLMSG_ALIGN(h->nlmsg_len);
	struct rtattr *rta;

	if (off + RTA_SPACE(len) > cap)
		return;
	rta = (struct rtattr *)((uint8_t *)h + off);
	rta->rta_type = type;
	rta->rta_len = RTA_LENGTH(len);
	if (len)
		memcpy(RTA_DATA(rta), data, len);
	memset((uint8_t *)RTA_DATA(rta) + len, 0, RTA_SPACE(len) - RTA_LENGTH(len));
	h->nlmsg_len = off + RTA_SPACE(len);
}

struct rtattr *nl_attr_nest_begin(struct nlmsghdr *h, size_t cap, int type)
{
	struct rtattr *rta = (struct rtattr *)((uint8_t *)h + NLMSG_ALIGN(h->nlmsg_len));

	nl_attr_put(h, cap, type, NULL, 0);
	return rta;
}

void nl_attr_nest_end(struct nlmsghdr *h, struct rtattr *nest)
{
	nest->rta_len = (uint8_t *)h + h->nlmsg_len - (uint8_t *)nest;
}

/* ---- sockets ---- */

static void set_bufs(int fd, int rcv, int snd)
{
	if (rcv > 0 && setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcv, sizeof(rcv)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcv, sizeof(rcv));
	if (snd > 0 && setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &snd, sizeof(snd)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &snd, sizeof(snd));
}

/* Drop route notifications that our command socket caused. */
static void attach_echo_filter(int fd, uint32_t port)
{
	struct sock_filter code[] = {
		/* A = nlmsg_pid (loaded big-endian: compare with htonl) */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct nlmsghdr, nlmsg_pid)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, htonl(port), 0, 3),
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, offsetof(struct nlmsghdr, nlmsg_type)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, htons(RTM_NEWROUTE), 2, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, htons(RTM_DELROUTE), 1, 0),
		BPF_STMT(BPF_RET | BPF_K, 0xffffffff),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_fprog prog = { .len = sizeof(code) / sizeof(code[0]),
				   .filter = code };

	if (setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof(prog)) < 0)
		zlog_warn("netlink: cannot attach the echo filter: %s",
			  strerror(errno));
}

static struct nl_sock *open_sock(int *fd, int rcvbuf)
{
	struct nl_sock *sk = nl_socket_alloc();
	int one = 1;

	if (!sk)
		return NULL;
	nl_socket_disable_seq_check(sk);
	if (nl_connect(sk, NETLINK_ROUTE) < 0) {
		nl_socket_free(sk);
		return NULL;
	}
	nl_socket_set_nonblocking(sk);
	*fd = nl_socket_get_fd(sk);
	set_bufs(*fd, rcvbuf, 8 * 1024 * 1024);
	setsockopt(*fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	return sk;
}

/* ---- the ring of messages awaiting acks ---- */

static void ring_grow(struct kernel *k)
{
	size_t n = k->ring_tail - k->ring_head;
	struct kop *nr = XMALLOC(KERNEL_BUF, k->ring_cap * 2 * sizeof(*nr));

	for (size_t i = 0; i < n; i++)
		nr[i] = k->ring[(k->ring_head + i) & (k->ring_cap - 1)];
	k->ring_sent -= k->ring_head;
	k->ring_head = 0;
	k->ring_tail = n;
	XFREE(KERNEL_BUF, k->ring);
	k->ring = nr;
	k->ring_cap *= 2;
}

static void schedule_flush(struct kernel *k);

void kernel_enqueue(struct kernel *k, struct nlmsghdr *h, enum kop_kind kind,
		    const struct prefix *p)
{
	struct kop *op;

	if (k->cmd_fd < 0)
		return;
	if (k->ring_tail - k->ring_head == k->ring_cap)
		ring_grow(k);
	op = &k->ring[k->ring_tail++ & (k->ring_cap - 1)];
	op->seq = h->nlmsg_seq;
	op->kind = kind;
	if (p)
		op->p = *p;
	else
		memset(&op->p, 0, sizeof(op->p));
	if (k->out_len + h->nlmsg_len > k->out_cap) {
		k->out_cap = k->out_cap ? k->out_cap * 2 : 1024 * 1024;
		while (k->out_cap < k->out_len + h->nlmsg_len)
			k->out_cap *= 2;
		k->out = XREALLOC(KERNEL_BUF, k->out, k->out_cap);
	}
	memcpy(k->out + k->out_len, h, h->nlmsg_len);
	/* errors are reported anyway; send_chunk() asks for the batch's ack */
	((struct nlmsghdr *)(k->out + k->out_len))->nlmsg_flags &= ~NLM_F_ACK;
	k->out_len += NLMSG_ALIGN(h->nlmsg_len);
	k->out_msgs++;
	schedule_flush(k);
}

static const char *kop_name(uint8_t kind)
{
	switch (kind) {
	case KOP_ROUTE_ADD:
		return "route install";
	case KOP_ROUTE_DEL:
		return "route removal";
	case KOP_ADDR_ADD:
		return "address add";
	case KOP_ADDR_DEL:
		return "address removal";
	case KOP_LINK:
		return "link change";
	default:
		return "request";
	}
}

/*
 * The kernel answered message `seq` (error 0: the closing ack of a batch).
 * Messages sent before it that got no error report have succeeded.
 */
static void ack_upto(struct kernel *k, uint32_t seq, int error)
{
	while (k->ring_head < k->ring_sent) {
		struct kop *op = &k->ring[k->ring_head & (k->ring_cap - 1)];

		if ((int32_t)(op->seq - seq) > 0)
			return;	/* not ours (a dump) */
		k->ring_head++;
		if (op->seq != seq || !error) {
			k->st.acks_ok++;
			continue;
		}
		if (op->kind == KOP_ROUTE_DEL && error == -ESRCH) {
			k->st.acks_ok++;
			return;
		}
		k->st.acks_err++;
		if (op->kind == KOP_ROUTE_ADD || op->kind == KOP_ROUTE_DEL ||
		    op->kind == KOP_ADDR_ADD || op->kind == KOP_ADDR_DEL) {
			char buf[PREFIX_STRLEN];

			prefix2str(&op->p, buf, sizeof(buf));
			zlog_rl(&rl_kernel, LOG_WARNING,
				"kernel refused %s of %s: %s", kop_name(op->kind),
				buf, strerror(-error));
		} else {
			zlog_rl(&rl_kernel, LOG_WARNING, "kernel refused %s: %s",
				kop_name(op->kind), strerror(-error));
		}
		if (op->kind == KOP_ROUTE_ADD)
			rib_mark_fib(k->rib, &op->p, false);
		return;
	}
}

/* ---- dumps ---- */

static int send_dump(struct kernel *k, int type)
{
	struct {
		struct nlmsghdr h;
		union {
			struct ifinfomsg ifi;
			struct ifaddrmsg ifa;
			struct rtmsg rtm;
		} u;
	} req;
	int rc;

	memset(&req, 0, sizeof(req));
	req.h.nlmsg_type = type;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.h.nlmsg_seq = k->dump_seq = kernel_next_seq(k);
	switch (type) {
	case RTM_GETLINK:
		req.h.nlmsg_len = NLMSG_LENGTH(sizeof(req.u.ifi));
		break;
	case RTM_GETADDR:
		req.h.nlmsg_len = NLMSG_LENGTH(sizeof(req.u.ifa));
		break;
	default:
		req.h.nlmsg_len = NLMSG_LENGTH(sizeof(req.u.rtm));
		break;
	}
	rc = nl_sendto(k->cmd, &req, req.h.nlmsg_len);
	if (rc < 0) {
		zlog_err("netlink: cannot request a dump: %s", nl_geterror(rc));
		return -1;
	}
	return 0;
}

static void stage_start(struct kernel *k, enum dump_stage s)
{
	static const int types[] = { [DUMP_LINK] = RTM_GETLINK,
				     [DUMP_ADDR] = RTM_GETADDR,
				     [DUMP_ROUTE] = RTM_GETROUTE };

	k->stage = s;
	if (s == DUMP_IDLE)
		return;
	if (send_dump(k, types[s]) < 0)
		k->stage = DUMP_IDLE;
}

/*
 * After a resync dump: a selected route of ours that the kernel did not
 * list is installed again (lost to an overrun, or removed behind our back
 * while we were not listening).
 */
static void resync_check(struct rnode *rn, void *arg)
{
	struct kernel *k = arg;
	bool seen = rn->nflags & RN_SEEN;

	rn->nflags &= ~RN_SEEN;
	if (seen || !rn->selected || !rentry_zebra_fib(rn->selected) ||
	    (rn->selected->status & RES_REMOVED))
		return;
	k->st.reinstalled++;
	kernel_route_update(k, rn, rn->selected);
}

static void dump_done(struct kernel *k)
{
	switch (k->stage) {
	case DUMP_LINK:
		stage_start(k, DUMP_ADDR);
		break;
	case DUMP_ADDR:
		stage_start(k, DUMP_ROUTE);
		break;
	case DUMP_ROUTE:
		k->stage = DUMP_IDLE;
		if (!k->startup) {
			zif_sweep_stale(k->ifdb);
			rib_sweep_stale(k->rib, ZRT_KERNEL);
			rib_walk(k->rib, AF_INET, resync_check, k);
			rib_walk(k->rib, AF_INET6, resync_check, k);
			rib_requeue_all(k->rib);
		}
		k->startup = false;
		if (k->resync_pending) {
			k->resync_pending = false;
			kernel_resync(k);
		}
		break;
	default:
		break;
	}
}

void kernel_resync(struct kernel *k)
{
	if (k->cmd_fd < 0)
		return;
	if (k->stage != DUMP_IDLE) {
		k->resync_pending = true;
		return;
	}
	k->st.resyncs++;
	zlog_info("netlink: resynchronising with the kernel");
	zif_mark_stale(k->ifdb);
	rib_mark_stale(k->rib, ZRT_KERNEL);
	stage_start(k, DUMP_LINK);
}

/* ---- receiving ---- */

static void dispatch(struct kernel *k, struct nlmsghdr *h, bool from_dump)
{
	switch (h->nlmsg_type) {
	case RTM_NEWLINK:
	case RTM_DELLINK:
		if_netlink_link_msg(k, h);
		break;
	case RTM_NEWADDR:
	case RTM_DELADDR:
		if_netlink_addr_msg(k, h);
		break;
	case RTM_NEWROUTE:
	case RTM_DELROUTE:
		rt_netlink_route_msg(k, h, from_dump);
		break;
	default:
		break;
	}
}

/* Read what is there; returns -1 on ENOBUFS. */
static int read_sock(struct kernel *k, int fd, bool is_cmd, unsigned budget)
{
	for (unsigned i = 0; i < budget; i++) {
		ssize_t n = recv(fd, k->rbuf, k->rbuf_size, MSG_DONTWAIT);
		struct nlmsghdr *h;
		int len;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS)
				return -1;
			return 0;
		}
		if (n == 0)
			return 0;
		len = (int)n;
		for (h = (struct nlmsghdr *)k->rbuf; NLMSG_OK(h, (unsigned)len);
		     h = NLMSG_NEXT(h, len)) {
			if (!is_cmd) {
				k->st.events++;
				dispatch(k, h, false);
				continue;
			}
			if (h->nlmsg_type == NLMSG_DONE) {
				if (h->nlmsg_seq == k->dump_seq)
					dump_done(k);
				continue;
			}
			if (h->nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr *e = NLMSG_DATA(h);

				if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*e)))
					continue;
				if (h->nlmsg_seq == k->dump_seq &&
				    k->stage != DUMP_IDLE) {
					zlog_err("netlink: dump failed: %s",
						 strerror(-e->error));
					dump_done(k);
					continue;
				}
				ack_upto(k, h->nlmsg_seq, e->error);
				continue;
			}
			if (h->nlmsg_seq == k->dump_seq && k->stage != DUMP_IDLE)
				dispatch(k, h, true);
		}
	}
	return 1;
}

static void cmd_read_cb(struct event *ev)
{
	struct kernel *k = event_arg(ev);

	if (read_sock(k, k->cmd_fd, true, 64) < 0) {
		/* acks lost: forget what is in flight and resync */
		k->ring_head = k->ring_sent;
		kernel_resync(k);
	}
	event_add_read(k->loop, cmd_read_cb, k, k->cmd_fd, &k->t_cmd_read);
	if (k->out_msgs)
		schedule_flush(k);
}

static void ev_read_cb(struct event *ev)
{
	struct kernel *k = event_arg(ev);

	if (read_sock(k, k->ev_fd, false, 64) < 0) {
		zlog_warn("netlink: event socket overrun (ENOBUFS)");
		kernel_resync(k);
	}
	event_add_read(k->loop, ev_read_cb, k, k->ev_fd, &k->t_ev_read);
}

/* ---- sending ---- */

/* Send one chunk; returns messages sent, 0 when nothing could go, -1 error. */
static int send_chunk(struct kernel *k)
{
	size_t off = 0, msgs = 0, last = 0;
	int rc;

	while (off < k->out_len) {
		struct nlmsghdr *h = (struct nlmsghdr *)(k->out + off);
		size_t l = NLMSG_ALIGN(h->nlmsg_len);

		if (off && off + l > SEND_CHUNK)
			break;
		last = off;
		off += l;
		msgs++;
	}
	if (!off)
		return 0;
	/* the batch's closing ack */
	((struct nlmsghdr *)(k->out + last))->nlmsg_flags |= NLM_F_ACK;
	rc = nl_sendto(k->cmd, k->out, off);
	if (rc < 0) {
		if (rc == -NLE_AGAIN || rc == -NLE_NOMEM)
			return 0;
		zlog_rl(&rl_kernel, LOG_ERR, "netlink: sendmsg failed: %s",
			nl_geterror(rc));
		return -1;
	}
	k->st.sendmsg_calls++;
	k->st.msgs_sent += msgs;
	k->ring_sent += msgs;
	k->out_msgs -= msgs;
	memmove(k->out, k->out + off, k->out_len - off);
	k->out_len -= off;
	return (int)msgs;
}

static void flush_some(struct kernel *k, unsigned budget_us)
{
	int64_t start = monotime_us();

	while (k->out_msgs) {
		int rc = send_chunk(k);

		/* the kernel acked synchronously: collect them now */
		if (read_sock(k, k->cmd_fd, true, 1024) < 0) {
			k->ring_head = k->ring_sent;
			kernel_resync(k);
		}
		if (rc <= 0)
			break;
		if (budget_us && monotime_us() - start > budget_us)
			break;
	}
	if (k->out_len == 0 && k->out_cap > 4 * 1024 * 1024) {
		XFREE(KERNEL_BUF, k->out);
		k->out_cap = 0;
	}
}

static void flush_cb(struct event *ev)
{
	struct kernel *k = event_arg(ev);

	flush_some(k, FLUSH_BUDGET_US);
	if (k->out_msgs)
		schedule_flush(k);
}

static void schedule_flush(struct kernel *k)
{
	if (k->loop && !k->t_flush && !k->stopping)
		event_add_event(k->loop, flush_cb, k, 0, &k->t_flush);
}

void kernel_flush(struct kernel *k)
{
	schedule_flush(k);
}

bool kernel_backlogged(const struct kernel *k)
{
	return k->out_msgs > BACKLOG_MSGS;
}

void kernel_sync(struct kernel *k, int timeout_ms)
{
	int64_t end = monotime_ms() + timeout_ms;

	if (k->cmd_fd < 0)
		return;
	while (monotime_ms() < end) {
		struct pollfd pfd = { .fd = k->cmd_fd, .events = POLLIN };

		flush_some(k, 0);
		if (!k->out_msgs && k->ring_head == k->ring_tail &&
		    k->stage == DUMP_IDLE)
			return;
		if (poll(&pfd, 1, 100) > 0 &&
		    read_sock(k, k->cmd_fd, true, 1024) < 0)
			k->ring_head = k->ring_sent;
	}
}

/* ---- route programming entry points ---- */

void kernel_route_update(struct kernel *k, struct rnode *rn, struct rentry *re)
{
	uint8_t buf[8192];
	struct prefix p;
	size_t n;
	bool ours = re && rentry_zebra_fib(re);

	if (re && !ours) {
		/* the kernel already has it; our own copy goes */
		re->status |= RES_FIB;
	}
	rnode_prefix(rn, &p);
	if (!ours) {
		if (!(rn->nflags & RN_INSTALLED))
			return;
		rn->nflags &= ~RN_INSTALLED;
		if (k->opts.no_kernel || k->cmd_fd < 0)
			return;
		n = rt_netlink_encode(k, buf, sizeof(buf), &p, NULL, true);
		if (n)
			kernel_enqueue(k, (struct nlmsghdr *)buf, KOP_ROUTE_DEL, &p);
		return;
	}
	rn->nflags |= RN_INSTALLED;
	re->status |= RES_FIB;
	re->status &= ~RES_FIB_FAILED;
	if (k->opts.no_kernel || k->cmd_fd < 0)
		return;
	n = rt_netlink_encode(k, buf, sizeof(buf), &p, re, false);
	if (n)
		kernel_enqueue(k, (struct nlmsghdr *)buf, KOP_ROUTE_ADD, &p);
}

/* ---- start and stop ---- */

int kernel_start(struct kernel *k)
{
	int rcv = k->opts.nl_bufsize ? (int)k->opts.nl_bufsize : DEFAULT_RCVBUF;
	int64_t end;

	if (k->opts.no_kernel)
		return 0;
	k->cmd = open_sock(&k->cmd_fd, DEFAULT_RCVBUF);
	k->ev = open_sock(&k->ev_fd, rcv);
	if (!k->cmd || !k->ev) {
		zlog_err("netlink: cannot open RTNETLINK sockets");
		return -1;
	}
	k->cmd_port = nl_socket_get_local_port(k->cmd);
	attach_echo_filter(k->ev_fd, k->cmd_port);
	if (nl_socket_add_memberships(k->ev, RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR,
				      RTNLGRP_IPV6_IFADDR, RTNLGRP_IPV4_ROUTE,
				      RTNLGRP_IPV6_ROUTE, 0) < 0) {
		zlog_err("netlink: cannot join the notification groups");
		return -1;
	}
	/* the first read of the kernel's state, before the loop runs */
	k->startup = true;
	stage_start(k, DUMP_LINK);
	end = monotime_ms() + 60000;
	while (k->stage != DUMP_IDLE && monotime_ms() < end) {
		struct pollfd pfd = { .fd = k->cmd_fd, .events = POLLIN };

		if (poll(&pfd, 1, 1000) > 0 &&
		    read_sock(k, k->cmd_fd, true, 1024) < 0) {
			zlog_err("netlink: overrun while reading the kernel's state");
			k->stage = DUMP_IDLE;
		}
	}
	/* leftover deletes stay queued: they go out once the loop runs, that
	 * is after this instance took the pid file lock */
	if (k->loop) {
		event_add_read(k->loop, cmd_read_cb, k, k->cmd_fd, &k->t_cmd_read);
		event_add_read(k->loop, ev_read_cb, k, k->ev_fd, &k->t_ev_read);
	}
	return 0;
}

static void stop_walk(struct rnode *rn, void *arg)
{
	struct kernel *k = arg;

	if (rn->nflags & RN_INSTALLED)
		kernel_route_update(k, rn, NULL);
}

void kernel_stop(struct kernel *k)
{
	if (k->cmd_fd < 0)
		return;
	event_cancel(&k->t_flush);
	if (!k->opts.retain)
		rib_walk_reverse(k->rib, stop_walk, k);
	kernel_sync(k, 60000);
	k->stopping = true;
}

void kernel_free(struct kernel *k)
{
	if (!k)
		return;
	event_cancel(&k->t_cmd_read);
	event_cancel(&k->t_ev_read);
	event_cancel(&k->t_flush);
	if (k->cmd)
		nl_socket_free(k->cmd);
	if (k->ev)
		nl_socket_free(k->ev);
	if (k->out)
		XFREE(KERNEL_BUF, k->out);
	XFREE(KERNEL_BUF, k->ring);
	XFREE(KERNEL_BUF, k->rbuf);
	XFREE(KERNEL, k);
}

void kernel_get_stats(const struct kernel *k, struct kernel_stats *st)
{
	*st = k->st;
	st->in_flight = k->ring_sent - k->ring_head;
	st->queued = k->out_msgs;
}

/* ---- forwarding ---- */

static const char *fwd_path(int family)
{
	return family == AF_INET6 ? "/proc/sys/net/ipv6/conf/all/forwarding" :
				    "/proc/sys/net/ipv4/ip_forward";
}

int kernel_forwarding_get(int family)
{
	char c = 0;
	int fd = open(fwd_path(family), O_RDONLY);

	if (fd < 0)
		return -1;
	if (read(fd, &c, 1) != 1)
		c = 0;
	close(fd);
	return c == '1';
}

int kernel_forwarding_set(int family, bool on)
{
	int fd = open(fwd_path(family), O_WRONLY);
	int rc;

	if (fd < 0)
		return -1;
	rc = write(fd, on ? "1\n" : "0\n", 2) == 2 ? 0 : -1;
	close(fd);
	return rc;
}
