/*
 * Private to zclient.c and zclient_dispatch.c: the zclient struct and the
 * functions the two halves call in each other.
 */
#ifndef TARPAN_ZCLIENT_PRIV_H
#define TARPAN_ZCLIENT_PRIV_H

#include "log.h"
#include "stream.h"
#include "zclient.h"
#include "zclient_table.h"

struct event;

#define ZC_IBUF_SIZE (64 * 1024)
#define ZC_READ_BUDGET (256 * 1024)

enum zc_state { ZC_IDLE, ZC_CONNECTING, ZC_UP };

/* Large decode targets, allocated once per client. */
union zc_scratch {
	struct zapi_lookup_reply lookup;
	struct zapi_nexthop_update nht;
	struct zapi_route route;
};

struct zclient {
	struct event_loop *loop;
	uint8_t route_type;
	struct zclient_callbacks cb;
	void *arg;
	struct if_db *ifdb;
	bool own_ifdb;

	/* transport */
	char *unix_path;
	struct in_addr tcp_addr;
	uint16_t tcp_port;
	unsigned retry_quick, retry_quick_ms, retry_max_ms;

	/* connection */
	enum zc_state state;
	bool started;
	int fd;
	unsigned failures;	/* consecutive failed attempts */
	unsigned gen;		/* bumped on every drop */
	struct event *t_connect;
	struct event *t_read;
	struct event *t_write;
	struct event *t_sweep;
	unsigned sweep_ms;
	struct writer outq;
	uint8_t *ibuf;
	size_t ilen;

	/* what the daemon asked for */
	bool redist[ZEBRA_ROUTE_MAX];
	bool redist_default;
	struct zc_table routes;
	struct zc_table nht;
	struct writer scratch_w;
	union zc_scratch *scratch;

	struct prefix router_id;
	struct zclient_stats stats;
	struct log_ratelimit rl;
};

/* zclient.c */
void zc_drop(struct zclient *zc, const char *why);

/* zclient_dispatch.c */
void zc_read(struct event *ev);
void zc_mark_stale(struct zclient *zc);
void zc_sweep(struct event *ev);
void zc_sweep_delay(struct zclient *zc);

#endif
