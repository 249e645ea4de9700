/*
 * zclient: a client daemon's connection to zebra.
 *
 * One struct zclient per daemon instance, driven by the daemon's event loop.
 * It connects (non-blocking) to zebra at TCP 127.0.0.1:2600 or to a Unix
 * socket path, retries without ever giving up (a few quick retries, then a
 * capped backoff), and on every (re)connect performs Quagga's handshake:
 *
 *	HELLO (if a route type was given), ROUTER_ID_ADD, INTERFACE_ADD,
 *	REDISTRIBUTE_ADD per subscribed type, REDISTRIBUTE_DEFAULT_ADD,
 *
 * then replays the routes the daemon installed (kept in a table keyed by
 * prefix, so they survive a zebra restart) and its nexthop registrations.
 *
 * Writes never block: messages go into an output queue that is flushed
 * when the socket is writable (bounded at ZCLIENT_OUTQ_MAX bytes; beyond
 * that the connection is reset and everything is replayed on reconnect).
 * Reads are framed with zapi_frame(), decoded with the pure codec in
 * zapi.h and dispatched through a table indexed by command number. The
 * interface database (if.h) is updated before the daemon's callbacks run.
 *
 * Route add/delete while disconnected only update the table; the routes are
 * sent when the connection comes back.
 *
 * After a reconnect zebra dumps its interfaces and addresses again, but
 * says nothing about those that vanished while we were away (a zebra
 * restart). zclient marks everything it knew as stale on reconnect, clears
 * the mark as zebra re-announces each object, and once the dump has been
 * quiet for ZCLIENT_SWEEP_MS removes what is still stale, calling the
 * address_delete / interface_delete callbacks as if zebra had sent them.
 */
#ifndef TARPAN_ZCLIENT_H
#define TARPAN_ZCLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "if.h"
#include "prefix.h"
#include "zapi.h"

struct event_loop;
struct zclient;

/* Quiet time after the last re-announcement before stale state goes. */
#define ZCLIENT_SWEEP_MS 3000

/* Output queue bound (bytes). */
#define ZCLIENT_OUTQ_MAX (64u * 1024u * 1024u)

/*
 * Callbacks; any may be NULL. Pointers passed in are valid only during the
 * call. A callback may call zclient_stop() but must not free the zclient. For interface_delete and address_delete the object is still in the
 * database during the call and removed (interface: retained without
 * ifindex/addresses) right after.
 */
struct zclient_callbacks {
	/* The handshake has been queued; routes were replayed. */
	void (*connected)(struct zclient *zc);
	/* The connection was lost (a reconnect is scheduled). */
	void (*disconnected)(struct zclient *zc);
	void (*router_id_update)(struct zclient *zc, const struct prefix *rid);
	void (*interface_add)(struct zclient *zc, struct interface *ifp);
	void (*interface_delete)(struct zclient *zc, struct interface *ifp);
	void (*interface_up)(struct zclient *zc, struct interface *ifp);
	void (*interface_down)(struct zclient *zc, struct interface *ifp);
	void (*interface_link_params)(struct zclient *zc, struct interface *ifp);
	void (*address_add)(struct zclient *zc, struct connected *ifc);
	void (*address_delete)(struct zclient *zc, struct connected *ifc);
	/* Redistributed routes (zebra -> client format); cmd is 7..10. */
	void (*route_add)(struct zclient *zc, uint16_t cmd,
			  const struct zapi_redist_route *r);
	void (*route_delete)(struct zclient *zc, uint16_t cmd,
			     const struct zapi_redist_route *r);
	void (*nexthop_update)(struct zclient *zc, const struct zapi_nexthop_update *u);
	/* Replies to zclient_lookup() (15, 16, 17, 24). */
	void (*lookup_reply)(struct zclient *zc, const struct zapi_lookup_reply *rep);
};

struct zclient_stats {
	uint64_t msgs_in;
	uint64_t msgs_out;
	uint64_t bytes_in;
	uint64_t bytes_out;
	uint64_t decode_errors;		/* messages dropped as malformed */
	uint64_t unknown_commands;
	uint64_t connects;		/* successful connects */
	uint64_t connect_failures;
	uint64_t disconnects;
};

/*
 * route_type: the daemon's own type (ZEBRA_ROUTE_RIP...), sent in HELLO;
 * 0 (SYSTEM) means no HELLO. ifdb may be NULL (zclient then owns one,
 * see zclient_ifdb()). Nothing happens until zclient_start().
 */
struct zclient *zclient_new(struct event_loop *loop, uint8_t route_type,
			    const struct zclient_callbacks *cb, void *arg,
			    struct if_db *ifdb);
/* Stops and frees; clears *zc. The if_db is freed only if zclient owns it. */
void zclient_free(struct zclient **zc);

/* Transport: a Unix socket path (NULL = back to TCP), or a TCP host/port
 * (default 127.0.0.1:2600). Takes effect at the next connect. */
void zclient_set_unix_path(struct zclient *zc, const char *path);
void zclient_set_tcp(struct zclient *zc, const char *ipv4_addr, uint16_t port);
/* Quagga's rule for a client's `-z PATH`: accepted only if PATH exists
 * and is a socket. */
bool zclient_socket_path_ok(const char *path);
/* Retry timing: `quick` tries quick_ms apart, then doubling up to max_ms.
 * Defaults: 5 tries 1000 ms apart, then up to 60000 ms. */
void zclient_set_retry(struct zclient *zc, unsigned quick, unsigned quick_ms,
		       unsigned max_ms);

/* Quiet time before stale state is swept after a reconnect (tests). */
void zclient_set_sweep_delay(struct zclient *zc, unsigned ms);

/* Starts connecting (immediately). Idempotent. */
void zclient_start(struct zclient *zc);
/* Closes the connection and cancels retries; state (routes, subscriptions)
 * is kept for a later zclient_start(). */
void zclient_stop(struct zclient *zc);

bool zclient_is_connected(const struct zclient *zc);
void *zclient_arg(const struct zclient *zc);
struct if_db *zclient_ifdb(const struct zclient *zc);
const struct zclient_stats *zclient_stats(const struct zclient *zc);
/* Last router id received (family 0 if none yet). */
const struct prefix *zclient_router_id(const struct zclient *zc);
size_t zclient_outq_len(const struct zclient *zc);

/* Subscriptions: remembered and sent again on each reconnect. Subscribing
 * to the client's own route type is recorded but never sent (as Quagga). */
void zclient_redistribute(struct zclient *zc, bool on, uint8_t type);
bool zclient_redistribute_is_set(const struct zclient *zc, uint8_t type);
void zclient_redistribute_default(struct zclient *zc, bool on);
bool zclient_redistribute_default_is_set(const struct zclient *zc);

/* zclient's own errors (the ZAPI_ERR_* values are used as well). */
#define ZCLIENT_ERR_DISCONNECTED (-100)	/* one-shot request while down */
#define ZCLIENT_ERR_NOTFOUND (-101)	/* no such route/registration */
#define ZCLIENT_ERR_BADMSG (-102)	/* send_raw: not whole valid messages */

/*
 * Routes (client -> zebra format). The table is keyed by (prefix masked to
 * its length, safi) and stores the encoded ADD message, so replay after a
 * reconnect costs one copy per route. Add replaces any route with the same
 * key and sends IPV4/IPV6_ROUTE_ADD by the prefix family; delete removes it
 * and sends the DELETE (without MTU). 0, or a ZAPI_ERR_* if the route
 * cannot be encoded (the table is unchanged then). While disconnected the
 * table is updated and nothing is sent.
 */
int zclient_route_add(struct zclient *zc, const struct zapi_route *r);
int zclient_route_delete(struct zclient *zc, const struct zapi_route *r);
/* Deletes the stored route with this key; ZCLIENT_ERR_NOTFOUND if none. */
int zclient_route_delete_prefix(struct zclient *zc, const struct prefix *p,
				uint16_t safi);
size_t zclient_route_count(const struct zclient *zc);
/* Decodes the stored route into *out; false if none. */
bool zclient_route_lookup(const struct zclient *zc, const struct prefix *p,
			  uint16_t safi, struct zapi_route *out);
/* Calls fn for each stored route (order unspecified); fn must not modify
 * the table. */
void zclient_route_walk(const struct zclient *zc,
			void (*fn)(const struct zapi_route *r, void *arg), void *arg);

/* Nexthop tracking: kept and replayed on reconnect (batched into as few
 * NEXTHOP_REGISTER messages as fit). Unregister of an unknown prefix gives
 * ZCLIENT_ERR_NOTFOUND. */
int zclient_nexthop_register(struct zclient *zc, const struct prefix *p, bool connected);
int zclient_nexthop_unregister(struct zclient *zc, const struct prefix *p);
size_t zclient_nexthop_count(const struct zclient *zc);

/* One-shot lookups (not replayed; ZCLIENT_ERR_DISCONNECTED while down).
 * Command 15, 16, 17 or 24; for 17 the prefix length is used, the others
 * use the address only. */
int zclient_lookup(struct zclient *zc, uint16_t cmd, const struct prefix *p);

/* Queues bytes that already form whole valid messages (extensions,
 * tests); ZCLIENT_ERR_BADMSG otherwise, ZCLIENT_ERR_DISCONNECTED while down. */
int zclient_send_raw(struct zclient *zc, const void *buf, size_t len);

#endif
