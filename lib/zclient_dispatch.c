/*
 * zclient, input side: reads from zebra, cuts the bytes into messages with
 * zapi_frame(), and dispatches them through handlers[] indexed by command.
 * Each handler decodes with the pure codec, updates the interface database
 * first and then calls the daemon's callback, so callbacks see the new
 * state. A malformed body is counted and dropped (framing is intact); a
 * bad header resets the connection. Per read event at most ZC_READ_BUDGET
 * bytes are handled so that a flood from zebra cannot stall the loop.
 *
 * Also here: the sweep of interfaces and addresses zebra did not announce
 * again after a reconnect (see zclient.h).
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "event.h"
#include "log.h"
#include "zclient_priv.h"

/* ---- stale state after a reconnect ------------------------------------------ */

void zc_mark_stale(struct zclient *zc)
{
	for (struct interface *ifp = if_first(zc->ifdb); ifp; ifp = if_next(ifp)) {
		if (ifp->ifindex == IFINDEX_INTERNAL)
			continue;
		ifp->stale = true;
		for (struct connected *ifc = ifp->connected; ifc; ifc = ifc->next)
			ifc->stale = true;
	}
}

void zc_sweep(struct event *ev)
{
	struct zclient *zc = event_arg(ev);
	struct interface *ifp, *next;

	for (ifp = if_first(zc->ifdb); ifp; ifp = next) {
		struct connected *ifc, *cnext;

		next = if_next(ifp);
		for (ifc = ifp->connected; ifc; ifc = cnext) {
			cnext = ifc->next;
			if (!ifc->stale)
				continue;
			if (zc->cb.address_delete)
				zc->cb.address_delete(zc, ifc);
			connected_delete(ifc);
		}
		if (!ifp->stale)
			continue;
		ifp->stale = false;
		if (zc->cb.interface_delete)
			zc->cb.interface_delete(zc, ifp);
		if_retain_deleted(ifp);
	}
}

/* zebra is still dumping: push the sweep back. */
void zc_sweep_delay(struct zclient *zc)
{
	if (!zc->t_sweep)
		return;
	event_cancel(&zc->t_sweep);
	event_add_timer_msec(zc->loop, zc_sweep, zc, (long)zc->sweep_ms, &zc->t_sweep);
}

/* ---- input dispatch ----------------------------------------------------------------- */

typedef int (*zc_handler)(struct zclient *zc, uint16_t cmd, struct reader *body);

static int h_router_id(struct zclient *zc, uint16_t cmd, struct reader *body)
{
	struct prefix p;
	int rc = zapi_router_id_decode(body, &p);

	if (rc < 0)
		return rc;
	zc->router_id = p;
	if (zc->cb.router_id_update)
		zc->cb.router_id_update(zc, &p);
	return 0;
}

static int h_interface(struct zclient *zc, uint16_t cmd, struct reader *body)
{
	struct zapi_interface zi;
	struct interface *ifp;
	int rc = zapi_interface_decode(body, &zi);

	if (rc < 0)
		return rc;
	if (cmd == ZEBRA_INTERFACE_ADD) {
		ifp = if_update_from_zapi(zc->ifdb, &zi);
		if (!ifp)
			return 0;
		ifp->stale = false;
		zc_sweep_delay(zc);
		if (zc->cb.interface_add)
			zc->cb.interface_add(zc, ifp);
		return 0;
	}
	/* DELETE, UP, DOWN apply to an interface we know by name */
	ifp = if_lookup_by_name(zc->ifdb, zi.name);
	if (!ifp)
		return 0;
	ifp = if_update_from_zapi(zc->ifdb, &zi);
	ifp->stale = false;
	switch (cmd) {
	case ZEBRA_INTERFACE_DELETE:
		if (zc->cb.interface_delete)
			zc->cb.interface_delete(zc, ifp);
		if (if_lookup_by_name(zc->ifdb, zi.name) == ifp)
			if_retain_deleted(ifp);
		break;
	case ZEBRA_INTERFACE_UP:
		if (zc->cb.interface_up)
			zc->cb.interface_up(zc, ifp);
		break;
	case ZEBRA_INTERFACE_DOWN:
		if (zc->cb.interface_down)
			zc->cb.interface_down(zc, ifp);
		break;
	}
	return 0;
}

static int h_link_params(struct zclient *zc, uint16_t cmd, struct reader *body)
{
	struct zapi_link_params lp;
	struct interface *ifp;
	uint32_t ifindex;
	int rc = zapi_link_params_decode(body, &ifindex, &lp);

	if (rc < 0)
		return rc;
	ifp = if_set_link_params(zc->ifdb, ifindex, &lp);
	if (ifp && zc->cb.interface_link_params)
		zc->cb.interface_link_params(zc, ifp);
	return 0;
}

static int h_address(struct zclient *zc, uint16_t cmd, struct reader *body)
{
	struct zapi_address za;
	struct connected *ifc;
	int rc = zapi_address_decode(body, &za);

	if (rc < 0)
		return rc;
	if (cmd == ZEBRA_INTERFACE_ADDRESS_ADD) {
		ifc = connected_add_from_zapi(zc->ifdb, &za);
		if (!ifc)
			return 0;
		ifc->stale = false;
		zc_sweep_delay(zc);
		if (zc->cb.address_add)
			zc->cb.address_add(zc, ifc);
		return 0;
	}
	ifc = connected_find_from_zapi(zc->ifdb, &za);
	if (!ifc)
		return 0;
	if (zc->cb.address_delete)
		zc->cb.address_delete(zc, ifc);
	/* the callback may not have removed it; look it up again */
	ifc = connected_find_from_zapi(zc->ifdb, &za);
	if (ifc)
		connected_delete(ifc);
	return 0;
}

static int h_route(struct zclient *zc, uint16_t cmd, struct reader *body)
{
	struct zapi_redist_route r;
	bool add;
	int rc = zapi_redist_route_decode(cmd, body, &r);

	if (rc < 0)
		return rc;
	zapi_route_command(cmd, NULL, &add);
	if (add && zc->cb.route_add)
		zc->cb.route_add(zc, cmd, &r);
	else if (!add && zc->cb.route_delete)
		zc->cb.route_delete(zc, cmd, &r);
	return 0;
}

static int h_nexthop_update(struct zclient *zc, uint16_t cmd, struct reader *body)
{
	int rc = zapi_nexthop_update_decode(body, &zc->scratch->nht);

	if (rc < 0)
		return rc;
	if (zc->cb.nexthop_update)
		zc->cb.nexthop_update(zc, &zc->scratch->nht);
	return 0;
}

static int h_lookup(struct zclient *zc, uint16_t cmd, struct reader *body)
{
	int rc = zapi_lookup_reply_decode(cmd, body, &zc->scratch->lookup);

	if (rc < 0)
		return rc;
	if (zc->cb.lookup_reply)
		zc->cb.lookup_reply(zc, &zc->scratch->lookup);
	return 0;
}

static const zc_handler handlers[ZEBRA_MESSAGE_MAX] = {
	[ZEBRA_INTERFACE_ADD] = h_interface,
	[ZEBRA_INTERFACE_DELETE] = h_interface,
	[ZEBRA_INTERFACE_UP] = h_interface,
	[ZEBRA_INTERFACE_DOWN] = h_interface,
	[ZEBRA_INTERFACE_ADDRESS_ADD] = h_address,
	[ZEBRA_INTERFACE_ADDRESS_DELETE] = h_address,
	[ZEBRA_INTERFACE_LINK_PARAMS] = h_link_params,
	[ZEBRA_IPV4_ROUTE_ADD] = h_route,
	[ZEBRA_IPV4_ROUTE_DELETE] = h_route,
	[ZEBRA_IPV6_ROUTE_ADD] = h_route,
	[ZEBRA_IPV6_ROUTE_DELETE] = h_route,
	[ZEBRA_ROUTER_ID_UPDATE] = h_router_id,
	[ZEBRA_IPV4_NEXTHOP_LOOKUP] = h_lookup,
	[ZEBRA_IPV6_NEXTHOP_LOOKUP] = h_lookup,
	[ZEBRA_IPV4_IMPORT_LOOKUP] = h_lookup,
	[ZEBRA_IPV4_NEXTHOP_LOOKUP_MRIB] = h_lookup,
	[ZEBRA_NEXTHOP_UPDATE] = h_nexthop_update,
};

/* Handles one whole message; false if the connection was dropped. */
static bool zc_dispatch(struct zclient *zc, const uint8_t *msg, size_t len)
{
	struct zapi_header h;
	struct reader body;
	unsigned gen = zc->gen;
	int rc;

	rc = zapi_msg_open(msg, len, &h, &body);
	if (rc < 0) {
		zc_drop(zc, zapi_strerror(rc));
		return false;
	}
	zc->stats.msgs_in++;
	if (h.command >= ZEBRA_MESSAGE_MAX || !handlers[h.command]) {
		zc->stats.unknown_commands++;
		zlog_rl(&zc->rl, LOG_DEBUG, "zclient: ignoring unknown command %u",
			h.command);
		return true;
	}
	rc = handlers[h.command](zc, h.command, &body);
	if (rc < 0) {
		zc->stats.decode_errors++;
		zlog_rl(&zc->rl, LOG_WARNING, "zclient: malformed %s from zebra: %s",
			zapi_command_name(h.command), zapi_strerror(rc));
	}
	return zc->gen == gen;
}

void zc_read(struct event *ev)
{
	struct zclient *zc = event_arg(ev);
	size_t budget = ZC_READ_BUDGET;

	while (budget) {
		size_t off = 0, msglen;
		ssize_t n;
		int err;

		n = recv(zc->fd, zc->ibuf + zc->ilen, ZC_IBUF_SIZE - zc->ilen, MSG_DONTWAIT);
		if (n == 0) {
			zc_drop(zc, "closed by zebra");
			return;
		}
		if (n < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
				break;
			zc_drop(zc, strerror(errno));
			return;
		}
		zc->stats.bytes_in += (uint64_t)n;
		zc->ilen += (size_t)n;
		budget = (size_t)n < budget ? budget - (size_t)n : 0;

		for (;;) {
			enum zapi_frame_result fr = zapi_frame_err(
				zc->ibuf + off, zc->ilen - off, &msglen, &err);

			if (fr == ZAPI_FRAME_NEED_MORE)
				break;
			if (fr == ZAPI_FRAME_BAD) {
				zc_drop(zc, zapi_strerror(err));
				return;
			}
			if (!zc_dispatch(zc, zc->ibuf + off, msglen))
				return;
			off += msglen;
		}
		if (off) {
			memmove(zc->ibuf, zc->ibuf + off, zc->ilen - off);
			zc->ilen -= off;
		}
	}
	event_add_read(zc->loop, zc_read, zc, zc->fd, &zc->t_read);
}
