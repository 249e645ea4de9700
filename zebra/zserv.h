/*
 * The zserv server: Quagga's zserv protocol v3 to client daemons, over TCP
 * 127.0.0.1:2600 and the Unix socket zserv.api at the same time.
 *
 * zserv.c owns the listeners and the connections (non-blocking reads framed
 * with zapi_frame(), a bounded output queue per client, disconnect on
 * garbage or on a half message left hanging); zserv_dispatch.c handles each
 * command through a table indexed by command number; redistribute.c turns
 * RIB and interface changes into messages to the subscribed clients and
 * keeps the nexthop-tracking registrations.
 */
#ifndef ZEBRA_ZSERV_H
#define ZEBRA_ZSERV_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "prefix.h"
#include "stream.h"
#include "zebra.h"

struct event_loop;
struct event;
struct rib;
struct zif_db;
struct router_id;
struct vty;
struct zapi_header;
struct reader;

#define ZSERV_OUTQ_MAX (64u * 1024u * 1024u)
#define ZSERV_INBUF (64u * 1024u)
/* A client that leaves half a message for this long is dropped. */
#define ZSERV_PARTIAL_TIMEOUT_MS 5000

struct nht_reg {
	struct nht_reg *next;
	struct prefix p;
	bool connected;
	bool sent;
	uint32_t last_hash;	/* of the last update sent */
};

struct zconn {
	struct zconn *next;
	struct zserv *zs;
	int fd;
	int id;			/* the fd it was accepted on, for logs */
	bool is_unix;
	uint8_t proto;		/* HELLO route type, 0 = none */
	bool dead;

	uint8_t *ibuf;
	size_t ilen;
	struct writer out;
	size_t out_off;

	struct event *t_read;
	struct event *t_write;
	struct event *t_partial;

	/* subscriptions */
	uint32_t redist;	/* bit per route type */
	bool redist_default;
	bool ifinfo;
	bool ridinfo;
	struct nht_reg *nht;

	/* statistics for `show zebra client` */
	time_t connect_time;
	time_t last_read;
	time_t last_write;
	uint32_t v4_add, v4_del, v6_add, v6_del;
	uint32_t redist_v4_add, redist_v4_del;
	uint32_t ifup, ifdown, ifadd, ifdel, addr_add, addr_del, rid_upd;
	uint64_t msgs_in, msgs_out;
};

struct zserv {
	struct event_loop *loop;
	struct rib *rib;
	struct zif_db *ifdb;
	struct router_id *rid;
	int tcp_fd;
	int unix_fd;
	char *unix_path;
	struct event *t_tcp;
	struct event *t_unix;
	struct zconn *clients;
	unsigned nclients;
	struct event *t_reap;
	struct event *t_nht;
	bool nht_dirty;
};

struct zserv *zserv_new(struct event_loop *loop, struct rib *rib,
			struct zif_db *ifdb, struct router_id *rid);
/* Listen: tcp_port 0 = no TCP; unix_path NULL = no socket. 0 or -1. */
int zserv_listen(struct zserv *zs, const char *tcp_addr, unsigned short tcp_port,
		 const char *unix_path);
void zserv_free(struct zserv *zs);

/* Queue a message that was encoded into conn->out (checks the bound). */
void zconn_queued(struct zconn *c);
/* Close and free a client (routes of its HELLO type leave the RIB). */
void zconn_close(struct zconn *c, const char *why);

/* zserv_dispatch.c */
void zserv_dispatch(struct zconn *c, const struct zapi_header *h,
		    struct reader *body);

/* redistribute.c */
void zserv_rib_redist(void *arg, struct rnode *rn, struct rentry *old,
		      struct rentry *new);
void zserv_router_id_changed(void *arg, struct in_addr id);
void zserv_if_listen(struct zserv *zs);
void zsend_interface(struct zconn *c, uint16_t cmd, const struct zif *ifp);
void zsend_address(struct zconn *c, uint16_t cmd, const struct zif *ifp,
		   const struct zif_addr *a);
void zsend_router_id(struct zconn *c);
void zsend_redist_type(struct zconn *c, uint8_t type);
void zsend_redist_default(struct zconn *c);
void zserv_nht_register(struct zconn *c, const struct prefix *p, bool connected);
void zserv_nht_unregister(struct zconn *c, const struct prefix *p);
void zserv_nht_free(struct zconn *c);
void zserv_nht_evaluate(struct zserv *zs);
void zserv_show_clients(struct zserv *zs, struct vty *vty, bool summary);

#endif
