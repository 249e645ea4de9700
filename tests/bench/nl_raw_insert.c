/*
 * nl_raw_insert: the kernel's own route-insertion rate, as the yardstick
 * for zebra's FIB benchmark (tests/bench/bench_fib.sh).
 *
 * Insert mode writes the routes zclient_push sends (N /24s counted up from
 * BASE, via GW, protocol zebra, metric 20, NLM_F_CREATE|REPLACE, each with
 * NLM_F_ACK) straight to RTNETLINK: RTM_NEWROUTE messages are packed into
 * large sendmsg() buffers and the acks are drained as they come, without
 * blocking, between sends. It prints the seconds from the first send to
 * the last ack. With -e only the last message of each sendmsg() asks for
 * an ack (the kernel reports failures of the others regardless), which
 * is how zebra batches. -D deletes the same routes instead (-R: last
 * first), to time a withdrawal. This is what a perfect zebra would cost the kernel; `ip
 * -batch` (one message per sendmsg, one blocking ack wait per route) is
 * slower and so the wrong reference.
 *
 * Wait mode (-W ADDR) is the stopwatch for zebra's side: it asks the FIB
 * every millisecond for the route that covers ADDR (RTM_GETROUTE with
 * RTM_F_FIB_MATCH, a lookup, not a dump) and prints the seconds until one
 * with protocol zebra is there.
 *
 *	nl_raw_insert [-n COUNT] [-g GW] [-b BASE] [-B BATCH_BYTES] [-e] [-D [-R]]
 *	nl_raw_insert -W ADDR [-T TIMEOUT_S]
 *
 * Run it inside a namespace only.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define RTPROT_ZEBRA_NUM 11
#define METRIC 20
#define RCVBUF (64 * 1024 * 1024)

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int nl_open(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	int one = 1, rcv = RCVBUF, snd = 8 * 1024 * 1024;

	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		perror("netlink socket");
		exit(1);
	}
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcv, sizeof(rcv)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcv, sizeof(rcv));
	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &snd, sizeof(snd)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &snd, sizeof(snd));
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	return fd;
}

static void attr_put(struct nlmsghdr *h, int type, const void *data, size_t len)
{
	struct rtattr *rta = (struct rtattr *)((uint8_t *)h + NLMSG_ALIGN(h->nlmsg_len));

	rta->rta_type = type;
	rta->rta_len = RTA_LENGTH(len);
	memcpy(RTA_DATA(rta), data, len);
	h->nlmsg_len = NLMSG_ALIGN(h->nlmsg_len) + RTA_SPACE(len);
}

/* One RTM_NEWROUTE for base + (i << 8) /24 via gw, at buf; its length. */
static bool op_delete;	/* -D: RTM_DELROUTE instead */
static bool op_reverse;	/* -R: last route first */

static size_t encode_route(uint8_t *buf, uint32_t seq, struct in_addr dst,
			   struct in_addr gw, bool ack)
{
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	struct rtmsg *rtm;
	uint32_t prio = METRIC;

	memset(buf, 0, NLMSG_SPACE(sizeof(*rtm)));
	h->nlmsg_len = NLMSG_LENGTH(sizeof(*rtm));
	h->nlmsg_type = op_delete ? RTM_DELROUTE : RTM_NEWROUTE;
	h->nlmsg_flags = NLM_F_REQUEST;
	if (!op_delete)
		h->nlmsg_flags |= NLM_F_CREATE | NLM_F_REPLACE;
	if (ack)
		h->nlmsg_flags |= NLM_F_ACK;
	h->nlmsg_seq = seq;
	rtm = NLMSG_DATA(h);
	rtm->rtm_family = AF_INET;
	rtm->rtm_dst_len = 24;
	rtm->rtm_table = RT_TABLE_MAIN;
	rtm->rtm_protocol = RTPROT_ZEBRA_NUM;
	rtm->rtm_scope = RT_SCOPE_UNIVERSE;
	rtm->rtm_type = RTN_UNICAST;
	attr_put(h, RTA_DST, &dst, 4);
	attr_put(h, RTA_PRIORITY, &prio, 4);
	if (!op_delete)
		attr_put(h, RTA_GATEWAY, &gw, 4);
	return NLMSG_ALIGN(h->nlmsg_len);
}

struct acks {
	long ok, err;
	uint32_t last_seq;	/* errors-only mode: the batch-closing ack seen */
	int first_err;
	bool overrun;
};

/* Read every ack that is there (or wait up to wait_ms for one). */
static void drain(int fd, uint8_t *rbuf, size_t rsz, struct acks *a, int wait_ms)
{
	for (;;) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		ssize_t n;
		int len;

		if (wait_ms && poll(&pfd, 1, wait_ms) <= 0)
			return;
		n = recv(fd, rbuf, rsz, MSG_DONTWAIT);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				a->overrun = true;
				continue;
			}
			return;
		}
		len = (int)n;
		for (struct nlmsghdr *h = (struct nlmsghdr *)rbuf; NLMSG_OK(h, (unsigned)len);
		     h = NLMSG_NEXT(h, len)) {
			struct nlmsgerr *e = NLMSG_DATA(h);

			if (h->nlmsg_type != NLMSG_ERROR)
				continue;
			if (h->nlmsg_seq > a->last_seq)
				a->last_seq = h->nlmsg_seq;
			if (e->error == 0) {
				a->ok++;
			} else {
				if (!a->err)
					a->first_err = -e->error;
				a->err++;
			}
		}
		wait_ms = 0;
	}
}

/*
 * every_ack: NLM_F_ACK on each message (as zebra did at first); else only
 * the last message of each sendmsg() asks for an ack: the kernel reports
 * failures anyway, and the closing ack says the batch is done.
 */
static int insert(long count, struct in_addr base, struct in_addr gw, size_t batch,
		  bool every_ack)
{
	int fd = nl_open();
	uint8_t *sbuf = malloc(batch + 256), *rbuf = malloc(1 << 20);
	struct acks a = { 0 };
	uint32_t seq = 1;
	long i = 0, expect = 0;
	double t0, t1;

	if (!sbuf || !rbuf)
		return 1;
	t0 = now_s();
	while (i < count) {
		size_t off = 0;

		while (i < count && off + 128 <= batch) {
			struct in_addr dst;
			struct nlmsghdr *h = (struct nlmsghdr *)(sbuf + off);

			long k = op_reverse ? count - 1 - i : i;

			dst.s_addr = htonl(ntohl(base.s_addr) + ((uint32_t)k << 8));
			i++;
			off += encode_route(sbuf + off, seq++, dst, gw, every_ack);
			if (i == count || off + 128 > batch)
				h->nlmsg_flags |= NLM_F_ACK;	/* closes the batch */
		}
		if (!every_ack)
			expect++;
		while (send(fd, sbuf, off, 0) < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == ENOBUFS) {
				drain(fd, rbuf, 1 << 20, &a, 1);
				continue;
			}
			perror("sendmsg");
			return 1;
		}
		drain(fd, rbuf, 1 << 20, &a, 0);
	}
	if (every_ack)
		expect = count;
	while (a.ok + a.err < expect && !a.overrun) {
		long before = a.ok + a.err;

		drain(fd, rbuf, 1 << 20, &a, 1000);
		if (a.ok + a.err == before)
			break;	/* nothing for a second */
	}
	t1 = now_s();
	printf("raw netlink: %ld routes %s in %.3f s (%.0f routes/s), %s, %ld acks ok, %ld refused%s%s%s\n",
	       count, op_delete ? (op_reverse ? "deleted (last first)" : "deleted") : "added",
	       t1 - t0, count / (t1 - t0),
	       every_ack ? "ack per route" : "ack per batch", a.ok, a.err,
	       a.err ? " (first: " : "", a.err ? strerror(a.first_err) : "", a.err ? ")" : "");
	if (a.overrun)
		printf("raw netlink: ack overrun (ENOBUFS): raise the receive buffer\n");
	free(sbuf);
	free(rbuf);
	close(fd);
	return a.err || a.overrun || a.ok != expect;
}

/* Is there a zebra route covering addr in the FIB? */
static bool fib_has(int fd, struct in_addr addr, uint32_t seq)
{
	struct {
		struct nlmsghdr h;
		struct rtmsg rtm;
		uint8_t attrs[64];
	} req;
	uint8_t rbuf[8192];
	ssize_t n;
	int len;

	memset(&req, 0, sizeof(req));
	req.h.nlmsg_len = NLMSG_LENGTH(sizeof(req.rtm));
	req.h.nlmsg_type = RTM_GETROUTE;
	req.h.nlmsg_flags = NLM_F_REQUEST;
	req.h.nlmsg_seq = seq;
	req.rtm.rtm_family = AF_INET;
	req.rtm.rtm_dst_len = 32;
	req.rtm.rtm_flags = RTM_F_FIB_MATCH;
	attr_put(&req.h, RTA_DST, &addr, 4);
	if (send(fd, &req, req.h.nlmsg_len, 0) < 0)
		return false;
	for (;;) {
		n = recv(fd, rbuf, sizeof(rbuf), 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		len = (int)n;
		for (struct nlmsghdr *h = (struct nlmsghdr *)rbuf; NLMSG_OK(h, (unsigned)len);
		     h = NLMSG_NEXT(h, len)) {
			if (h->nlmsg_seq != seq)
				continue;
			if (h->nlmsg_type == NLMSG_ERROR)
				return false;
			if (h->nlmsg_type == RTM_NEWROUTE) {
				struct rtmsg *rtm = NLMSG_DATA(h);

				return rtm->rtm_protocol == RTPROT_ZEBRA_NUM;
			}
		}
	}
}

static int wait_for_route(struct in_addr addr, double timeout)
{
	int fd = nl_open();
	double t0 = now_s();
	uint32_t seq = 1;

	while (now_s() - t0 < timeout) {
		if (fib_has(fd, addr, seq++)) {
			printf("%.3f\n", now_s() - t0);
			close(fd);
			return 0;
		}
		usleep(1000);
	}
	printf("timeout\n");
	close(fd);
	return 1;
}

int main(int argc, char **argv)
{
	long count = 100000;
	size_t batch = 1024 * 1024;
	double timeout = 600;
	struct in_addr gw, base, waddr;
	bool wait_mode = false, every_ack = true;
	int opt;

	inet_pton(AF_INET, "10.0.0.2", &gw);
	inet_pton(AF_INET, "20.0.0.0", &base);
	while ((opt = getopt(argc, argv, "n:g:b:B:W:T:eDR")) != -1) {
		switch (opt) {
		case 'n':
			count = atol(optarg);
			break;
		case 'g':
			inet_pton(AF_INET, optarg, &gw);
			break;
		case 'b':
			inet_pton(AF_INET, optarg, &base);
			break;
		case 'B':
			batch = (size_t)atol(optarg);
			if (batch < 4096)
				batch = 4096;
			break;
		case 'W':
			if (inet_pton(AF_INET, optarg, &waddr) != 1) {
				fprintf(stderr, "bad address %s\n", optarg);
				return 2;
			}
			wait_mode = true;
			break;
		case 'T':
			timeout = atof(optarg);
			break;
		case 'e':
			every_ack = false;
			break;
		case 'D':
			op_delete = true;
			break;
		case 'R':
			op_reverse = true;
			break;
		default:
			fprintf(stderr, "usage: nl_raw_insert [-n COUNT] [-g GW] [-b BASE] [-B BYTES] [-e] [-D [-R]]\n"
					"       nl_raw_insert -W ADDR [-T SECONDS]\n");
			return 2;
		}
	}
	if (wait_mode)
		return wait_for_route(waddr, timeout);
	return insert(count, base, gw, batch, every_ack);
}
