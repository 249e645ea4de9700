/*
 * The narrow interface between zebra and the kernel (RTNETLINK through
 * libnl-route-3 sockets). Nothing else in zebra includes netlink headers.
 *
 * kernel_start() opens two netlink sockets: a command socket (dumps, route
 * and address changes, acks) and an event socket (link, address and route
 * notifications). It reads the links, addresses and routes (blocking, once)
 * and deletes leftover zebra routes unless -k. Afterwards both sockets are
 * served from the event loop without blocking.
 *
 * FIB programming is batched: kernel_route_update() appends one message to
 * the pending batch; kernel_flush() sends it in as few sendmsg() calls as
 * the socket allows, each message with NLM_F_ACK and its own sequence
 * number; only the last of each sendmsg() asks for an ack (failures are
 * reported regardless). Acks and errors are matched by sequence number as
 * they come: a route the kernel refuses is logged and marked not-in-FIB,
 * the rest go on. On ENOBUFS (lost notifications or acks) zebra resyncs
 * from a fresh dump, which also re-installs any of its routes the kernel
 * lacks.
 */
#ifndef ZEBRA_KERNEL_H
#define ZEBRA_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "prefix.h"

struct event_loop;
struct zif_db;
struct rib;
struct rnode;
struct rentry;
struct zebra_opts;
struct kernel;

struct kernel *kernel_new(struct event_loop *loop, struct zif_db *ifdb,
			  struct rib *rib, const struct zebra_opts *opts);
/* Open the sockets and read the kernel's state; -1 on failure. */
int kernel_start(struct kernel *k);
/* Remove zebra's routes (unless -r) and close; blocks until acked. */
void kernel_stop(struct kernel *k);
void kernel_free(struct kernel *k);

/* FIB: install (re == selected entry) or remove (re == NULL). */
void kernel_route_update(struct kernel *k, struct rnode *rn, struct rentry *re);
void kernel_flush(struct kernel *k);
/* Too much waiting for the kernel: the RIB should pause. */
bool kernel_backlogged(const struct kernel *k);
/* Wait (blocking, bounded) until every batched route is acked. For tests/exit. */
void kernel_sync(struct kernel *k, int timeout_ms);

/* Interfaces. Return 0 if the request was sent; the result arrives as a
 * notification. On refusal the error is logged and -1 returned when known. */
int kernel_address(struct kernel *k, uint32_t ifindex, const struct prefix *p,
		   bool add);
int kernel_link_updown(struct kernel *k, uint32_t ifindex, bool up);
int kernel_link_multicast(struct kernel *k, uint32_t ifindex, bool on);

/* Forwarding switches (/proc/sys of the namespace). -1 if unknown. */
int kernel_forwarding_get(int family);
int kernel_forwarding_set(int family, bool on);

struct kernel_stats {
	uint64_t msgs_sent;
	uint64_t sendmsg_calls;
	uint64_t acks_ok;
	uint64_t acks_err;
	uint64_t events;
	uint64_t resyncs;
	uint64_t reinstalled;	/* our routes missing after a resync */
	size_t in_flight;
	size_t queued;
};
void kernel_get_stats(const struct kernel *k, struct kernel_stats *st);

/* Start a resync (also done on ENOBUFS). */
void kernel_resync(struct kernel *k);

/* Internal to kernel_*.c, rt_netlink.c, if_netlink.c. */
struct nlmsghdr;
void rt_netlink_route_msg(struct kernel *k, struct nlmsghdr *h, bool from_dump);
void if_netlink_link_msg(struct kernel *k, struct nlmsghdr *h);
void if_netlink_addr_msg(struct kernel *k, struct nlmsghdr *h);

#endif
