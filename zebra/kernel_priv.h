/*
 * State shared by the netlink files (kernel_netlink.c, rt_netlink.c,
 * if_netlink.c). Nothing outside them includes this.
 */
#ifndef ZEBRA_KERNEL_PRIV_H
#define ZEBRA_KERNEL_PRIV_H

#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "kernel.h"
#include "zebra.h"

struct nl_sock;
struct event;

enum kop_kind {
	KOP_ROUTE_ADD,
	KOP_ROUTE_DEL,
	KOP_ADDR_ADD,
	KOP_ADDR_DEL,
	KOP_LINK,
	KOP_DUMP,
};

/* One message sent (or to be sent) that will be acked. */
struct kop {
	uint32_t seq;
	uint8_t kind;
	struct prefix p;
};

enum dump_stage {
	DUMP_IDLE,
	DUMP_LINK,
	DUMP_ADDR,
	DUMP_ROUTE,
};

struct kernel {
	struct event_loop *loop;
	struct zif_db *ifdb;
	struct rib *rib;
	struct zebra_opts opts;

	struct nl_sock *cmd;
	struct nl_sock *ev;
	int cmd_fd;
	int ev_fd;
	uint32_t cmd_port;
	struct event *t_cmd_read;
	struct event *t_ev_read;
	struct event *t_flush;

	uint32_t seq;

	/* messages encoded and not yet handed to the kernel */
	uint8_t *out;
	size_t out_len;
	size_t out_cap;
	size_t out_msgs;

	/* every acked message in sequence order, sent or not */
	struct kop *ring;
	size_t ring_cap;	/* power of two */
	size_t ring_head;	/* oldest unacked */
	size_t ring_sent;	/* first not yet sent */
	size_t ring_tail;	/* next free */

	enum dump_stage stage;
	uint32_t dump_seq;
	bool startup;		/* the first dump: delete leftovers */
	bool resync_pending;	/* another resync asked for during one */
	bool stopping;

	uint8_t *rbuf;
	size_t rbuf_size;

	struct kernel_stats st;
};

/* Append a message to the batch (a copy is made); kind/p for the ack. */
void kernel_enqueue(struct kernel *k, struct nlmsghdr *h, enum kop_kind kind,
		    const struct prefix *p);
uint32_t kernel_next_seq(struct kernel *k);

/* Attribute helpers over a caller's buffer (struct nlmsghdr at the start). */
void nl_attr_put(struct nlmsghdr *h, size_t cap, int type, const void *data,
		 size_t len);
struct rtattr *nl_attr_nest_begin(struct nlmsghdr *h, size_t cap, int type);
void nl_attr_nest_end(struct nlmsghdr *h, struct rtattr *nest);

/* rt_netlink.c: encode a route change into a buffer. */
size_t rt_netlink_encode(struct kernel *k, uint8_t *buf, size_t cap,
			 const struct prefix *p, const struct rentry *re,
			 bool del);
/* Delete every zebra route in a dump reply (startup without -k). */
void rt_netlink_delete_leftover(struct kernel *k, struct nlmsghdr *h);

#endif
