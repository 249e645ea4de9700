/*
 * zclient against a fake zebra living in the test process: a Unix socket
 * listener in a temporary directory (and once a TCP listener on an
 * ephemeral loopback port). The test drives the real event loop and plays
 * zebra by hand: it checks the handshake bytes and their order, feeds the
 * golden zebra->client messages of capture 1 (split at awkward places) and
 * checks the callbacks and the interface database, closes the connection
 * and checks the reconnect and the replay of routes and registrations.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "event.h"
#include "zclient.h"
#include "zapi_test_util.h"

/* ---- the fake zebra ---------------------------------------------------- */

struct fake_zebra {
	char dir[64];
	char path[128];
	int lfd;		/* listener */
	int cfd;		/* accepted client, -1 if none */
	int accepts;
	uint8_t in[1 << 16];	/* bytes received from the client */
	size_t inlen;
};

static struct fake_zebra fz;
static struct event_loop *loop;

static void fz_listen_unix(void)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };

	snprintf(fz.path, sizeof(fz.path), "%s/zserv.api", fz.dir);
	fz.lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	cr_assert_geq(fz.lfd, 0);
	strcpy(sun.sun_path, fz.path);
	cr_assert_eq(bind(fz.lfd, (struct sockaddr *)&sun, sizeof(sun)), 0);
	cr_assert_eq(listen(fz.lfd, 5), 0);
}

static void setup(void)
{
	memset(&fz, 0, sizeof(fz));
	strcpy(fz.dir, "/tmp/tarpan-zclient-XXXXXX");
	cr_assert_not_null(mkdtemp(fz.dir));
	fz.cfd = -1;
	fz_listen_unix();
	loop = event_loop_new("test");
}

static void teardown(void)
{
	if (fz.cfd >= 0)
		close(fz.cfd);
	if (fz.lfd >= 0)
		close(fz.lfd);
	unlink(fz.path);
	rmdir(fz.dir);
	event_loop_free(loop);
}

/* Accepts and drains what the client sent, without blocking. */
static void fz_poll(void)
{
	if (fz.cfd < 0 && fz.lfd >= 0) {
		int fd = accept4(fz.lfd, NULL, NULL, SOCK_NONBLOCK);

		if (fd >= 0) {
			fz.cfd = fd;
			fz.accepts++;
		}
	}
	if (fz.cfd >= 0) {
		ssize_t n;

		while (fz.inlen < sizeof(fz.in) &&
		       (n = read(fz.cfd, fz.in + fz.inlen, sizeof(fz.in) - fz.inlen)) > 0)
			fz.inlen += (size_t)n;
	}
}

static void fz_close_client(void)
{
	close(fz.cfd);
	fz.cfd = -1;
	fz.inlen = 0;
}

static void fz_send(const void *buf, size_t len)
{
	cr_assert_eq(write(fz.cfd, buf, len), (ssize_t)len);
}

/* Runs the loop (and the fake zebra) until cond() holds or ms pass. */
static bool pump_until(bool (*cond)(void), int ms)
{
	int64_t end = monotime_ms() + ms;

	while (monotime_ms() < end) {
		event_loop_run_once(loop, 5);
		fz_poll();
		if (cond && cond())
			return true;
	}
	return cond ? cond() : true;
}

/* Splits fz.in into messages; returns the count, commands into cmds. */
static size_t fz_messages(uint16_t *cmds, const uint8_t **starts, size_t cap)
{
	size_t off = 0, n = 0, len;

	while (n < cap && zapi_frame(fz.in + off, fz.inlen - off, &len) == ZAPI_FRAME_OK) {
		cmds[n] = (uint16_t)(fz.in[off + 6] << 8 | fz.in[off + 7]);
		if (starts)
			starts[n] = fz.in + off;
		n++;
		off += len;
	}
	return n;
}

/* ---- the daemon side ------------------------------------------------------ */

struct counts {
	int connected, disconnected, router_id, if_add, if_del, if_up, if_down;
	int addr_add, addr_del, route_add, route_del, nht, lookup;
	bool addr_del_saw_address, down_saw_flags_down;
	struct prefix last_rid;
};
static struct counts cnt;

static void cb_connected(struct zclient *zc) { cnt.connected++; }
static void cb_disconnected(struct zclient *zc) { cnt.disconnected++; }
static void cb_router_id(struct zclient *zc, const struct prefix *p)
{
	cnt.router_id++;
	cnt.last_rid = *p;
}
static void cb_if_add(struct zclient *zc, struct interface *ifp)
{
	cnt.if_add++;
	cr_assert_eq(if_lookup_by_name(zclient_ifdb(zc), ifp->name), ifp);
}
static void cb_if_del(struct zclient *zc, struct interface *ifp) { cnt.if_del++; }
static void cb_if_up(struct zclient *zc, struct interface *ifp)
{
	cnt.if_up++;
	cr_assert(if_is_up(ifp), "state updated before the callback");
}
static void cb_if_down(struct zclient *zc, struct interface *ifp)
{
	cnt.if_down++;
	/* veth0 stays admin-up but loses its carrier */
	cnt.down_saw_flags_down = !if_is_operative(ifp);
}
static void cb_addr_add(struct zclient *zc, struct connected *ifc)
{
	cnt.addr_add++;
	cr_assert_not_null(connected_lookup(ifc->ifp, &ifc->address));
}
static void cb_addr_del(struct zclient *zc, struct connected *ifc)
{
	cnt.addr_del++;
	cnt.addr_del_saw_address = connected_lookup(ifc->ifp, &ifc->address) == ifc;
}
static void cb_route_add(struct zclient *zc, uint16_t cmd, const struct zapi_redist_route *r)
{
	cnt.route_add++;
}
static void cb_route_del(struct zclient *zc, uint16_t cmd, const struct zapi_redist_route *r)
{
	cnt.route_del++;
}
static void cb_nht(struct zclient *zc, const struct zapi_nexthop_update *u) { cnt.nht++; }
static void cb_lookup(struct zclient *zc, const struct zapi_lookup_reply *r) { cnt.lookup++; }

static const struct zclient_callbacks callbacks = {
	.connected = cb_connected,
	.disconnected = cb_disconnected,
	.router_id_update = cb_router_id,
	.interface_add = cb_if_add,
	.interface_delete = cb_if_del,
	.interface_up = cb_if_up,
	.interface_down = cb_if_down,
	.address_add = cb_addr_add,
	.address_delete = cb_addr_del,
	.route_add = cb_route_add,
	.route_delete = cb_route_del,
	.nexthop_update = cb_nht,
	.lookup_reply = cb_lookup,
};

static struct zclient *new_client(uint8_t type)
{
	struct zclient *zc = zclient_new(loop, type, &callbacks, NULL, NULL);

	memset(&cnt, 0, sizeof(cnt));
	zclient_set_unix_path(zc, fz.path);
	zclient_set_retry(zc, 2, 10, 40);
	return zc;
}

static void rip_route(struct zapi_route *r, const char *pfx, const char *nh, uint32_t metric)
{
	memset(r, 0, sizeof(*r));
	r->type = ZEBRA_ROUTE_RIP;
	r->message = ZAPI_MESSAGE_NEXTHOP | ZAPI_MESSAGE_METRIC;
	r->safi = SAFI_UNICAST;
	cr_assert_eq(prefix_parse(pfx, &r->prefix), 0);
	r->nexthop_num = 1;
	r->nexthops[0].type = ZEBRA_NEXTHOP_IPV4;
	inet_pton(AF_INET, nh, &r->nexthops[0].gate.v4);
	r->metric = metric;
}

static size_t want_msgs;
static bool got_msgs(void)
{
	uint16_t cmds[256];

	return fz_messages(cmds, NULL, 256) >= want_msgs;
}
static bool is_disconnected(void) { return cnt.disconnected > 0; }

static struct golden_msg golden1[64], golden2[32];

TestSuite(zclient, .init = setup, .fini = teardown, .timeout = 30);

Test(zclient, handshake_order_and_route_bytes)
{
	struct zclient *zc = new_client(ZEBRA_ROUTE_RIP);
	static struct zapi_route r;
	const uint8_t *starts[32];
	uint16_t cmds[32];
	size_t n, n2;

	n2 = golden_load("zserv-rip-bgp.hex", golden2, 32);
	cr_assert_eq(n2, 15);
	n = golden_load("zserv-ripd.hex", golden1, 64);
	cr_assert_eq(n, 40);

	zclient_redistribute(zc, true, ZEBRA_ROUTE_CONNECT);
	zclient_redistribute(zc, true, ZEBRA_ROUTE_STATIC);
	zclient_redistribute(zc, true, ZEBRA_ROUTE_RIP);	/* own type: never sent */
	rip_route(&r, "172.20.0.0/16", "10.0.0.2", 2);
	cr_assert_eq(zclient_route_add(zc, &r), 0, "stored while down");
	cr_assert_eq(zclient_route_count(zc), 1);
	cr_assert_eq(fz.inlen, 0);

	zclient_start(zc);
	want_msgs = 6;
	cr_assert(pump_until(got_msgs, 2000), "handshake arrived");
	cr_assert(zclient_is_connected(zc));
	cr_assert_eq(cnt.connected, 1);
	n = fz_messages(cmds, starts, 32);
	cr_assert_eq(n, 6, "exactly the handshake and one route, got %zu", n);
	/* byte-exact against what Quagga's ripd sent (capture 1 #1-#5) */
	for (int i = 0; i < 5; i++)
		cr_assert_arr_eq(starts[i], golden1[i].data, golden1[i].len, "message %d", i + 1);
	cr_assert_eq(cmds[5], ZEBRA_IPV4_ROUTE_ADD);
	cr_assert_arr_eq(starts[5], golden2[0].data, golden2[0].len, "route as ripd sent it");

	/* a route added while connected goes out at once, byte-exact */
	fz.inlen = 0;
	rip_route(&r, "172.21.0.0/16", "10.0.0.2", 3);
	r.message |= ZAPI_MESSAGE_TAG;
	r.tag = 77;
	cr_assert_eq(zclient_route_add(zc, &r), 0);
	want_msgs = 1;
	cr_assert(pump_until(got_msgs, 1000));
	cr_assert_eq(fz.inlen, golden2[1].len);
	cr_assert_arr_eq(fz.in, golden2[1].data, golden2[1].len);
	zclient_free(&zc);
	cr_assert_null(zc);
}

static bool all_callbacks(void)
{
	return cnt.route_add + cnt.route_del >= 16;
}

Test(zclient, golden_stream_updates_ifdb_before_callbacks)
{
	struct zclient *zc = new_client(ZEBRA_ROUTE_RIP);
	struct if_db *db = zclient_ifdb(zc);
	uint8_t stream[8192];
	size_t n, total = 0, off = 0;
	unsigned seed = 7;
	struct interface *ifp;

	n = golden_load("zserv-ripd.hex", golden1, 64);
	zclient_start(zc);
	want_msgs = 3;
	cr_assert(pump_until(got_msgs, 2000));
	for (size_t i = 0; i < n; i++)
		if (!golden1[i].c2z) {
			memcpy(stream + total, golden1[i].data, golden1[i].len);
			total += golden1[i].len;
		}
	/* deliver in odd-sized pieces so messages straddle reads */
	while (off < total) {
		size_t chunk = 1 + rand_r(&seed) % 50;

		if (chunk > total - off)
			chunk = total - off;
		fz_send(stream + off, chunk);
		off += chunk;
		event_loop_run_once(loop, 1);
	}
	cr_assert(pump_until(all_callbacks, 2000));
	cr_assert_eq(cnt.router_id, 3);
	cr_assert_eq(cnt.last_rid.u.bytes[2], 1, "back to 10.0.1.1");
	cr_assert_eq(cnt.if_add, 3);
	cr_assert_eq(cnt.if_down, 2);
	cr_assert(cnt.down_saw_flags_down);
	cr_assert_eq(cnt.if_up, 2);
	cr_assert_eq(cnt.addr_add, 7);
	cr_assert_eq(cnt.addr_del, 2);
	cr_assert(cnt.addr_del_saw_address, "address still there during the callback");
	cr_assert_eq(cnt.route_add, 10);
	cr_assert_eq(cnt.route_del, 6);

	cr_assert_eq(if_db_count(db), 3);
	ifp = if_lookup_by_name(db, "veth1");
	cr_assert_not_null(ifp);
	cr_assert_eq(ifp->ifindex, 2);
	cr_assert(if_is_up(ifp));
	/* veth1 had 10.0.1.1/24 and fe80::ff:fe00:2/64; 10.0.2.1 came and went,
	 * and the link-local was withdrawn while down */
	cr_assert_eq(ifp->n_connected, 1);
	cr_assert_eq(ifp->connected->address.u.bytes[2], 1);
	cr_assert_eq(if_lookup_by_index(db, 1)->n_connected, 2);
	cr_assert_eq(zclient_stats(zc)->decode_errors, 0);
	zclient_free(&zc);
}

static bool replayed(void)
{
	uint16_t cmds[64];

	return fz.accepts >= 2 && fz_messages(cmds, NULL, 64) >= want_msgs;
}

Test(zclient, reconnect_replays_routes_and_registrations)
{
	struct zclient *zc = new_client(ZEBRA_ROUTE_BGP);
	static struct zapi_route r;
	struct prefix nh;
	uint16_t cmds[64];
	size_t n;
	int routes = 0, nht = 0, hello = 0;

	zclient_redistribute_default(zc, true);
	zclient_start(zc);
	want_msgs = 4;
	cr_assert(pump_until(got_msgs, 2000));
	for (int i = 0; i < 3; i++) {
		char pfx[32];

		snprintf(pfx, sizeof(pfx), "10.%d.0.0/16", i);
		rip_route(&r, pfx, "192.0.2.1", 1);
		r.type = ZEBRA_ROUTE_BGP;
		cr_assert_eq(zclient_route_add(zc, &r), 0);
	}
	cr_assert_eq(prefix_parse("10.0.0.2/32", &nh), 0);
	cr_assert_eq(zclient_nexthop_register(zc, &nh, true), 0);
	want_msgs = 8;
	cr_assert(pump_until(got_msgs, 1000));

	/* zebra goes away */
	fz_close_client();
	cr_assert(pump_until(is_disconnected, 2000));
	cr_assert_not(zclient_is_connected(zc));
	/* while down: one more route, one withdrawn */
	rip_route(&r, "10.1.0.0/16", "192.0.2.1", 1);
	r.type = ZEBRA_ROUTE_BGP;
	cr_assert_eq(zclient_route_delete(zc, &r), 0);
	rip_route(&r, "10.9.0.0/16", "192.0.2.1", 1);
	r.type = ZEBRA_ROUTE_BGP;
	cr_assert_eq(zclient_route_add(zc, &r), 0);
	cr_assert_eq(zclient_route_count(zc), 3);
	cr_assert_eq(zclient_lookup(zc, ZEBRA_IPV4_NEXTHOP_LOOKUP, &nh),
		     ZCLIENT_ERR_DISCONNECTED);

	/* HELLO, ROUTER_ID_ADD, INTERFACE_ADD, DEFAULT_ADD, 3 routes, 1 NHT */
	want_msgs = 8;
	cr_assert(pump_until(replayed, 3000), "reconnected and replayed");
	cr_assert_eq(cnt.connected, 2);
	n = fz_messages(cmds, NULL, 64);
	cr_assert_eq(n, 8);
	cr_assert_eq(cmds[0], ZEBRA_HELLO);
	cr_assert_eq(cmds[1], ZEBRA_ROUTER_ID_ADD);
	cr_assert_eq(cmds[2], ZEBRA_INTERFACE_ADD);
	cr_assert_eq(cmds[3], ZEBRA_REDISTRIBUTE_DEFAULT_ADD);
	for (size_t i = 0; i < n; i++) {
		hello += cmds[i] == ZEBRA_HELLO;
		routes += cmds[i] == ZEBRA_IPV4_ROUTE_ADD;
		nht += cmds[i] == ZEBRA_NEXTHOP_REGISTER;
	}
	cr_assert_eq(hello, 1);
	cr_assert_eq(routes, 3);
	cr_assert_eq(nht, 1);
	cr_assert_eq(cmds[7], ZEBRA_NEXTHOP_REGISTER, "registrations after routes");
	cr_assert_geq(zclient_stats(zc)->connects, 2);
	cr_assert(zclient_route_lookup(zc, &r.prefix, SAFI_UNICAST, &r));
	cr_assert_eq(r.type, ZEBRA_ROUTE_BGP);

	/* withdraw by prefix and unregister */
	fz.inlen = 0;
	cr_assert_eq(zclient_route_delete_prefix(zc, &r.prefix, SAFI_UNICAST), 0);
	cr_assert_eq(zclient_route_delete_prefix(zc, &r.prefix, SAFI_UNICAST),
		     ZCLIENT_ERR_NOTFOUND);
	cr_assert_eq(zclient_nexthop_unregister(zc, &nh), 0);
	cr_assert_eq(zclient_lookup(zc, ZEBRA_IPV4_NEXTHOP_LOOKUP, &nh), 0);
	want_msgs = 3;
	cr_assert(pump_until(got_msgs, 1000));
	n = fz_messages(cmds, NULL, 64);
	cr_assert_eq(cmds[0], ZEBRA_IPV4_ROUTE_DELETE);
	cr_assert_eq(cmds[1], ZEBRA_NEXTHOP_UNREGISTER);
	cr_assert_eq(cmds[2], ZEBRA_IPV4_NEXTHOP_LOOKUP);
	zclient_free(&zc);
}

static struct zclient *cur_zc;

static bool got_nht_and_lookup(void) { return cnt.nht >= 1 && cnt.lookup >= 1; }
static bool reconnected(void)
{
	return fz.accepts >= 2 && cur_zc && zclient_is_connected(cur_zc);
}

Test(zclient, malformed_from_zebra)
{
	struct zclient *zc = new_client(ZEBRA_ROUTE_BGP);
	static const uint8_t bad_rid[] = { 0, 14, 255, 3, 0, 0, 0, 22, 3, 10, 0, 1, 1, 32 };
	static const uint8_t unknown[] = { 0, 9, 255, 3, 0, 0, 0x7f, 0x00, 1 };
	static const uint8_t lookup_reply[] = { 0, 18, 255, 3, 0, 0, 0, 15, 10, 0, 0, 2,
						0, 0, 0, 1, 1, 9 };
	static const uint8_t garbage[] = "GET / HTTP/1.0\r\n\r\n";
	size_t n;

	cur_zc = zc;
	n = golden_load("zserv-rip-bgp.hex", golden2, 32);
	cr_assert_eq(n, 15);
	zclient_start(zc);
	want_msgs = 3;
	cr_assert(pump_until(got_msgs, 2000));

	/* a bad body is dropped, the connection stays */
	fz_send(bad_rid, sizeof(bad_rid));
	fz_send(unknown, sizeof(unknown));
	fz_send(golden2[14].data, golden2[14].len);	/* NEXTHOP_UPDATE */
	fz_send(lookup_reply, sizeof(lookup_reply));
	cr_assert(pump_until(got_nht_and_lookup, 2000));
	cr_assert_eq(zclient_stats(zc)->decode_errors, 1);
	cr_assert_eq(zclient_stats(zc)->unknown_commands, 1);
	cr_assert_eq(cnt.router_id, 0);
	cr_assert(zclient_is_connected(zc));

	/* a bad header resets the connection; the client comes back */
	fz_send(garbage, sizeof(garbage) - 1);
	cr_assert(pump_until(is_disconnected, 2000));
	fz_close_client();
	cr_assert(pump_until(reconnected, 3000));
	zclient_free(&zc);
	cur_zc = NULL;
}

static bool connected_once(void) { return cur_zc && zclient_is_connected(cur_zc); }

Test(zclient, never_gives_up_until_zebra_appears)
{
	struct zclient *zc;

	/* no listener yet */
	close(fz.lfd);
	fz.lfd = -1;
	unlink(fz.path);
	cr_assert_not(zclient_socket_path_ok(fz.path));
	cr_assert_not(zclient_socket_path_ok(fz.dir), "a directory is not a socket");
	zc = new_client(ZEBRA_ROUTE_RIP);
	cur_zc = zc;
	zclient_start(zc);
	pump_until(NULL, 400);
	cr_assert_geq(zclient_stats(zc)->connect_failures, 8,
		      "kept retrying (%lu failures)",
		      (unsigned long)zclient_stats(zc)->connect_failures);
	cr_assert_not(zclient_is_connected(zc));

	fz_listen_unix();
	cr_assert(zclient_socket_path_ok(fz.path));
	cr_assert(pump_until(connected_once, 2000));
	zclient_free(&zc);
	cur_zc = NULL;
}

Test(zclient, tcp_transport)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	socklen_t sl = sizeof(sin);
	struct zclient *zc;

	close(fz.lfd);
	fz.lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	cr_assert_eq(bind(fz.lfd, (struct sockaddr *)&sin, sizeof(sin)), 0);
	cr_assert_eq(listen(fz.lfd, 1), 0);
	cr_assert_eq(getsockname(fz.lfd, (struct sockaddr *)&sin, &sl), 0);

	zc = new_client(ZEBRA_ROUTE_SYSTEM);	/* no HELLO */
	zclient_set_tcp(zc, "127.0.0.1", ntohs(sin.sin_port));
	zclient_start(zc);
	want_msgs = 2;
	cr_assert(pump_until(got_msgs, 2000));
	{
		uint16_t cmds[8];
		size_t n = fz_messages(cmds, NULL, 8);

		cr_assert_eq(n, 2);
		cr_assert_eq(cmds[0], ZEBRA_ROUTER_ID_ADD);
		cr_assert_eq(cmds[1], ZEBRA_INTERFACE_ADD);
	}
	zclient_stop(zc);
	cr_assert_eq(cnt.disconnected, 1);
	cr_assert_not(zclient_is_connected(zc));
	zclient_free(&zc);
}

static void send_if(const char *name, uint32_t ifindex)
{
	struct zapi_interface zi;
	struct writer w;

	memset(&zi, 0, sizeof(zi));
	snprintf(zi.name, sizeof(zi.name), "%s", name);
	zi.ifindex = ifindex;
	zi.status = ZEBRA_INTERFACE_ACTIVE;
	zi.flags = 0x11043;
	wr_init(&w, 128);
	cr_assert_eq(zapi_interface_encode(&w, ZEBRA_INTERFACE_ADD, 0, &zi), 0);
	fz_send(w.data, w.len);
	wr_free(&w);
}

static void send_addr(uint32_t ifindex, const char *pfx)
{
	struct zapi_address za;
	struct writer w;

	memset(&za, 0, sizeof(za));
	za.ifindex = ifindex;
	cr_assert_eq(prefix_parse(pfx, &za.prefix), 0);
	wr_init(&w, 64);
	cr_assert_eq(zapi_address_encode(&w, ZEBRA_INTERFACE_ADDRESS_ADD, 0, &za), 0);
	fz_send(w.data, w.len);
	wr_free(&w);
}

static bool dumped(void) { return (size_t)cnt.addr_add >= want_msgs; }
static bool swept(void) { return cnt.if_del >= 1 && cnt.addr_del >= 2; }

Test(zclient, stale_state_swept_after_zebra_restart)
{
	struct zclient *zc = new_client(ZEBRA_ROUTE_RIP);
	struct if_db *db = zclient_ifdb(zc);
	struct interface *eth0, *eth1;

	cur_zc = zc;
	zclient_set_sweep_delay(zc, 100);
	zclient_start(zc);
	want_msgs = 3;
	cr_assert(pump_until(got_msgs, 2000));
	send_if("eth0", 2);
	send_addr(2, "10.0.0.1/24");
	send_addr(2, "10.0.9.1/24");
	send_if("eth1", 3);
	send_addr(3, "10.0.1.1/24");
	want_msgs = 3;
	cr_assert(pump_until(dumped, 2000));
	eth0 = if_lookup_by_name(db, "eth0");
	eth1 = if_lookup_by_name(db, "eth1");
	cr_assert_eq(eth0->n_connected, 2);

	/* zebra restarts; afterwards eth1 and 10.0.9.1 are gone */
	fz_close_client();
	cnt.addr_add = 0;
	cr_assert(pump_until(reconnected, 3000));
	send_if("eth0", 2);
	send_addr(2, "10.0.0.1/24");
	want_msgs = 1;
	cr_assert(pump_until(dumped, 2000));
	cr_assert_eq(cnt.if_del, 0, "nothing removed while the dump may continue");
	cr_assert(pump_until(swept, 2000));
	cr_assert_eq(cnt.if_del, 1);
	cr_assert_eq(cnt.addr_del, 2);
	cr_assert_eq(eth0->n_connected, 1);
	cr_assert_eq(eth0->connected->address.u.bytes[2], 0);
	cr_assert_eq(eth1->ifindex, IFINDEX_INTERNAL, "retained, without ifindex");
	cr_assert_eq(eth1->n_connected, 0);
	cr_assert_eq(if_lookup_by_index(db, 2), eth0);
	zclient_free(&zc);
	cur_zc = NULL;
}
