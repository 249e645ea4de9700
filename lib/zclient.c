/*
 * zclient: the client end of zserv (see zclient.h).
 *
 * Connection states: IDLE (no socket; a connect timer may be pending),
 * CONNECTING (non-blocking connect in progress, waiting for writability),
 * UP. Every failure or loss goes through zc_drop(), which closes the
 * socket, discards the partial input and any unsent output, tells the
 * daemon, and schedules the next attempt; every successful connect goes
 * through zc_up(), which queues the whole handshake and the replay in one
 * go. Because everything the daemon registered lives in tables (routes as
 * encoded ADD messages, nexthop registrations, subscriptions), dropping
 * unsent output never loses state.
 *
 * Input (reading, dispatch, the interface database, the stale sweep) lives
 * in zclient_dispatch.c; the struct is shared through zclient_priv.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "event.h"
#include "log.h"
#include "memory.h"
#include "zclient.h"
#include "zclient_priv.h"

DEFINE_MTYPE_STATIC(ZCLIENT, "Zclient");
DEFINE_MTYPE_STATIC(ZCLIENT_SCRATCH, "Zclient scratch");
DEFINE_MTYPE_STATIC(ZCLIENT_PATH, "Zclient socket path");

#define ZC_NHT_BATCH 128

static void zc_connect_timer(struct event *ev);
static void zc_write(struct event *ev);

/* ---- small helpers -------------------------------------------------------- */

static unsigned zc_retry_delay(const struct zclient *zc)
{
	unsigned long d;
	unsigned extra;

	if (zc->failures < zc->retry_quick)
		return zc->retry_quick_ms;
	extra = zc->failures - zc->retry_quick + 1;
	d = zc->retry_quick_ms ? zc->retry_quick_ms : 1;
	while (extra-- && d < zc->retry_max_ms)
		d *= 2;
	return d < zc->retry_max_ms ? (unsigned)d : zc->retry_max_ms;
}

static void zc_schedule_connect(struct zclient *zc, unsigned delay_ms)
{
	event_cancel(&zc->t_connect);
	event_add_timer_msec(zc->loop, zc_connect_timer, zc, (long)delay_ms,
			     &zc->t_connect);
}

static void zc_schedule_write(struct zclient *zc)
{
	if (zc->state == ZC_UP && zc->outq.len)
		event_add_write(zc->loop, zc_write, zc, zc->fd, &zc->t_write);
}

static void zc_close(struct zclient *zc)
{
	event_cancel(&zc->t_read);
	event_cancel(&zc->t_write);
	if (zc->fd >= 0)
		close(zc->fd);
	zc->fd = -1;
	zc->ilen = 0;
	wr_reset(&zc->outq);
}

/* Loses the connection (or a connect attempt) and schedules another. */
void zc_drop(struct zclient *zc, const char *why)
{
	bool was_up = zc->state == ZC_UP;

	zc_close(zc);
	event_cancel(&zc->t_sweep);
	zc->state = ZC_IDLE;
	zc->gen++;
	if (was_up) {
		zc->stats.disconnects++;
		zlog_warn("zclient: connection to zebra lost: %s", why);
		zc->failures = 0;
		if (zc->cb.disconnected)
			zc->cb.disconnected(zc);
	} else {
		zc->stats.connect_failures++;
		zlog_rl(&zc->rl, LOG_WARNING, "zclient: cannot connect to zebra: %s", why);
		zc->failures++;
	}
	if (zc->started && zc->state == ZC_IDLE)
		zc_schedule_connect(zc, zc_retry_delay(zc));
}

/* Appends already-encoded bytes to the output queue. */
static void zc_queue(struct zclient *zc, const void *buf, size_t len)
{
	if (zc->state != ZC_UP)
		return;
	if (zc->outq.len + len > ZCLIENT_OUTQ_MAX) {
		zc_drop(zc, "output queue overflow");
		return;
	}
	wr_put_bytes(&zc->outq, buf, len);
	zc->stats.msgs_out++;
	zc_schedule_write(zc);
}

/* The scratch writer, emptied; encoders write a message into it. */
static struct writer *zc_scratch(struct zclient *zc)
{
	wr_reset(&zc->scratch_w);
	return &zc->scratch_w;
}

/* Queues what an encoder just wrote into the scratch writer (if it
 * succeeded); returns the encoder's rc. Used as
 * zc_send(zc, zapi_X_encode(zc_scratch(zc), ...)). */
static int zc_send(struct zclient *zc, int rc)
{
	if (rc == 0)
		zc_queue(zc, zc->scratch_w.data, zc->scratch_w.len);
	return rc;
}

/* ---- handshake and replay --------------------------------------------------- */

static void replay_route(const struct zc_entry *e, void *arg)
{
	zc_queue(arg, e->data, e->len);
}

struct nht_batch {
	struct zclient *zc;
	struct zapi_nht_entry e[ZC_NHT_BATCH];
	size_t n;
};

static void nht_flush(struct nht_batch *b)
{
	struct zclient *zc = b->zc;

	if (!b->n)
		return;
	zc_send(zc, zapi_nht_register_encode(zc_scratch(zc), ZEBRA_NEXTHOP_REGISTER,
					     VRF_DEFAULT, b->e, b->n));
	b->n = 0;
}

static void replay_nht(const struct zc_entry *e, void *arg)
{
	struct nht_batch *b = arg;

	b->e[b->n].connected = e->flag;
	b->e[b->n].prefix = e->key;
	if (++b->n == ZC_NHT_BATCH)
		nht_flush(b);
}

static void zc_up(struct zclient *zc)
{
	struct nht_batch *batch;

	zc->state = ZC_UP;
	zc->failures = 0;
	zc->stats.connects++;
	if (zc->stats.connects > 1) {
		zc_mark_stale(zc);
		event_add_timer_msec(zc->loop, zc_sweep, zc, (long)zc->sweep_ms,
				     &zc->t_sweep);
	}
	zlog_info("zclient: connected to zebra");

	if (zc->route_type != ZEBRA_ROUTE_SYSTEM)
		zc_send(zc, zapi_route_type_encode(zc_scratch(zc), ZEBRA_HELLO,
						   VRF_DEFAULT, zc->route_type));
	zc_send(zc, zapi_empty_encode(zc_scratch(zc), ZEBRA_ROUTER_ID_ADD, VRF_DEFAULT));
	zc_send(zc, zapi_empty_encode(zc_scratch(zc), ZEBRA_INTERFACE_ADD, VRF_DEFAULT));
	for (int t = 0; t < ZEBRA_ROUTE_MAX; t++)
		if (zc->redist[t] && t != zc->route_type)
			zc_send(zc, zapi_route_type_encode(zc_scratch(zc),
							   ZEBRA_REDISTRIBUTE_ADD,
							   VRF_DEFAULT, (uint8_t)t));
	if (zc->redist_default)
		zc_send(zc, zapi_empty_encode(zc_scratch(zc),
					      ZEBRA_REDISTRIBUTE_DEFAULT_ADD, VRF_DEFAULT));

	zc_table_walk(&zc->routes, replay_route, zc);
	batch = XMALLOC(ZCLIENT_SCRATCH, sizeof(*batch));
	batch->zc = zc;
	batch->n = 0;
	zc_table_walk(&zc->nht, replay_nht, batch);
	nht_flush(batch);
	XFREE(ZCLIENT_SCRATCH, batch);

	if (zc->state != ZC_UP)
		return;	/* the replay overflowed the queue */
	event_add_read(zc->loop, zc_read, zc, zc->fd, &zc->t_read);
	zc_schedule_write(zc);
	if (zc->cb.connected)
		zc->cb.connected(zc);
}

/* ---- connecting ---------------------------------------------------------------- */

static void zc_connect_done(struct event *ev)
{
	struct zclient *zc = event_arg(ev);
	int err = 0;
	socklen_t len = sizeof(err);

	if (getsockopt(zc->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
		err = errno;
	if (err) {
		zc_drop(zc, strerror(err));
		return;
	}
	zc_up(zc);
}

static int zc_socket_addr(struct zclient *zc, struct sockaddr_storage *ss,
			  socklen_t *sl)
{
	memset(ss, 0, sizeof(*ss));
	if (zc->unix_path) {
		struct sockaddr_un *sun = (struct sockaddr_un *)ss;
		size_t n = strlen(zc->unix_path);

		if (n >= sizeof(sun->sun_path))
			return -1;
		sun->sun_family = AF_UNIX;
		memcpy(sun->sun_path, zc->unix_path, n + 1);
		*sl = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + 1);
	} else {
		struct sockaddr_in *sin = (struct sockaddr_in *)ss;

		sin->sin_family = AF_INET;
		sin->sin_addr = zc->tcp_addr;
		sin->sin_port = htons(zc->tcp_port);
		*sl = sizeof(*sin);
	}
	return 0;
}

static void zc_connect(struct zclient *zc)
{
	struct sockaddr_storage ss;
	socklen_t sl;

	if (zc->state != ZC_IDLE)
		return;
	if (zc_socket_addr(zc, &ss, &sl) < 0) {
		zc_drop(zc, "socket path too long");
		return;
	}
	zc->fd = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (zc->fd < 0) {
		zc_drop(zc, strerror(errno));
		return;
	}
	if (connect(zc->fd, (struct sockaddr *)&ss, sl) == 0) {
		zc_up(zc);
		return;
	}
	if (errno == EINPROGRESS) {
		zc->state = ZC_CONNECTING;
		event_add_write(zc->loop, zc_connect_done, zc, zc->fd, &zc->t_write);
		return;
	}
	zc_drop(zc, strerror(errno));
}

static void zc_connect_timer(struct event *ev)
{
	zc_connect(event_arg(ev));
}

/* ---- output ------------------------------------------------------------------------ */

static void zc_write(struct event *ev)
{
	struct zclient *zc = event_arg(ev);
	ssize_t n;

	if (zc->state != ZC_UP || !zc->outq.len)
		return;
	n = send(zc->fd, zc->outq.data, zc->outq.len, MSG_NOSIGNAL | MSG_DONTWAIT);
	if (n < 0) {
		if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
			zc_schedule_write(zc);
			return;
		}
		zc_drop(zc, strerror(errno));
		return;
	}
	zc->stats.bytes_out += (uint64_t)n;
	wr_consume(&zc->outq, (size_t)n);
	zc_schedule_write(zc);
}

/* ---- lifecycle ------------------------------------------------------------------------ */

struct zclient *zclient_new(struct event_loop *loop, uint8_t route_type,
			    const struct zclient_callbacks *cb, void *arg,
			    struct if_db *ifdb)
{
	struct zclient *zc = XCALLOC(ZCLIENT, sizeof(*zc));

	zc->loop = loop;
	zc->route_type = route_type < ZEBRA_ROUTE_MAX ? route_type : ZEBRA_ROUTE_SYSTEM;
	if (cb)
		zc->cb = *cb;
	zc->arg = arg;
	zc->ifdb = ifdb;
	if (!ifdb) {
		zc->ifdb = if_db_new();
		zc->own_ifdb = true;
	}
	inet_pton(AF_INET, ZEBRA_TCP_ADDR, &zc->tcp_addr);
	zc->tcp_port = ZEBRA_TCP_PORT;
	zc->retry_quick = 5;
	zc->retry_quick_ms = 1000;
	zc->retry_max_ms = 60000;
	zc->sweep_ms = ZCLIENT_SWEEP_MS;
	zc->fd = -1;
	zc->state = ZC_IDLE;
	wr_init(&zc->outq, 4096);
	wr_init(zc_scratch(zc), ZAPI_MAX_PACKET_SIZE);
	zc->ibuf = XMALLOC(ZCLIENT_SCRATCH, ZC_IBUF_SIZE);
	zc->scratch = XMALLOC(ZCLIENT_SCRATCH, sizeof(*zc->scratch));
	zc_table_init(&zc->routes);
	zc_table_init(&zc->nht);
	zc->rl = (struct log_ratelimit)LOG_RATELIMIT_INIT(10, 5);
	/* the client's own type counts as subscribed, but is never sent */
	if (zc->route_type != ZEBRA_ROUTE_SYSTEM)
		zc->redist[zc->route_type] = true;
	return zc;
}

void zclient_free(struct zclient **zcp)
{
	struct zclient *zc = *zcp;

	if (!zc)
		return;
	zclient_stop(zc);
	zc_table_fini(&zc->routes);
	zc_table_fini(&zc->nht);
	wr_free(&zc->outq);
	wr_free(&zc->scratch_w);
	XFREE(ZCLIENT_SCRATCH, zc->ibuf);
	XFREE(ZCLIENT_SCRATCH, zc->scratch);
	if (zc->unix_path)
		XFREE(ZCLIENT_PATH, zc->unix_path);
	if (zc->own_ifdb)
		if_db_free(&zc->ifdb);
	XFREE(ZCLIENT, zc);
	*zcp = NULL;
}

void zclient_set_unix_path(struct zclient *zc, const char *path)
{
	if (zc->unix_path)
		XFREE(ZCLIENT_PATH, zc->unix_path);
	if (path)
		zc->unix_path = XSTRDUP(ZCLIENT_PATH, path);
}

void zclient_set_tcp(struct zclient *zc, const char *ipv4_addr, uint16_t port)
{
	if (zc->unix_path)
		XFREE(ZCLIENT_PATH, zc->unix_path);
	if (!ipv4_addr || inet_pton(AF_INET, ipv4_addr, &zc->tcp_addr) != 1)
		inet_pton(AF_INET, ZEBRA_TCP_ADDR, &zc->tcp_addr);
	zc->tcp_port = port ? port : ZEBRA_TCP_PORT;
}

bool zclient_socket_path_ok(const char *path)
{
	struct stat st;

	return path && stat(path, &st) == 0 && S_ISSOCK(st.st_mode);
}

void zclient_set_retry(struct zclient *zc, unsigned quick, unsigned quick_ms,
		       unsigned max_ms)
{
	zc->retry_quick = quick;
	zc->retry_quick_ms = quick_ms ? quick_ms : 1;
	zc->retry_max_ms = max_ms >= zc->retry_quick_ms ? max_ms : zc->retry_quick_ms;
}

void zclient_set_sweep_delay(struct zclient *zc, unsigned ms)
{
	zc->sweep_ms = ms;
}

void zclient_start(struct zclient *zc)
{
	if (zc->started)
		return;
	zc->started = true;
	zc->failures = 0;
	if (zc->state == ZC_IDLE)
		zc_schedule_connect(zc, 0);
}

void zclient_stop(struct zclient *zc)
{
	bool was_up = zc->state == ZC_UP;

	zc->started = false;
	event_cancel(&zc->t_connect);
	event_cancel(&zc->t_sweep);
	zc_close(zc);
	zc->state = ZC_IDLE;
	zc->gen++;
	if (was_up) {
		zc->stats.disconnects++;
		if (zc->cb.disconnected)
			zc->cb.disconnected(zc);
	}
}

bool zclient_is_connected(const struct zclient *zc)
{
	return zc->state == ZC_UP;
}

void *zclient_arg(const struct zclient *zc)
{
	return zc->arg;
}

struct if_db *zclient_ifdb(const struct zclient *zc)
{
	return zc->ifdb;
}

const struct zclient_stats *zclient_stats(const struct zclient *zc)
{
	return &zc->stats;
}

const struct prefix *zclient_router_id(const struct zclient *zc)
{
	return &zc->router_id;
}

size_t zclient_outq_len(const struct zclient *zc)
{
	return zc->outq.len;
}

/* ---- subscriptions ----------------------------------------------------------------------- */

void zclient_redistribute(struct zclient *zc, bool on, uint8_t type)
{
	if (type == ZEBRA_ROUTE_SYSTEM || type >= ZEBRA_ROUTE_MAX)
		return;
	if (zc->redist[type] == on)
		return;
	zc->redist[type] = on;
	if (type == zc->route_type)
		return;
	zc_send(zc, zapi_route_type_encode(zc_scratch(zc),
					   on ? ZEBRA_REDISTRIBUTE_ADD
					      : ZEBRA_REDISTRIBUTE_DELETE,
					   VRF_DEFAULT, type));
}

bool zclient_redistribute_is_set(const struct zclient *zc, uint8_t type)
{
	return type < ZEBRA_ROUTE_MAX && zc->redist[type];
}

void zclient_redistribute_default(struct zclient *zc, bool on)
{
	if (zc->redist_default == on)
		return;
	zc->redist_default = on;
	zc_send(zc, zapi_empty_encode(zc_scratch(zc),
				      on ? ZEBRA_REDISTRIBUTE_DEFAULT_ADD
					 : ZEBRA_REDISTRIBUTE_DEFAULT_DELETE,
				      VRF_DEFAULT));
}

bool zclient_redistribute_default_is_set(const struct zclient *zc)
{
	return zc->redist_default;
}

/* ---- routes ---------------------------------------------------------------------------------- */

static uint16_t route_cmd(const struct prefix *p, bool add)
{
	if (p->family == AF_INET6)
		return add ? ZEBRA_IPV6_ROUTE_ADD : ZEBRA_IPV6_ROUTE_DELETE;
	return add ? ZEBRA_IPV4_ROUTE_ADD : ZEBRA_IPV4_ROUTE_DELETE;
}

int zclient_route_add(struct zclient *zc, const struct zapi_route *r)
{
	int rc;

	wr_reset(&zc->scratch_w);
	rc = zapi_route_encode(zc_scratch(zc), route_cmd(&r->prefix, true),
			       VRF_DEFAULT, r);
	if (rc < 0)
		return rc;
	zc_table_set(&zc->routes, &r->prefix, r->safi, 0, zc->scratch_w.data,
		     (uint16_t)zc->scratch_w.len);
	zc_queue(zc, zc->scratch_w.data, zc->scratch_w.len);
	return 0;
}

int zclient_route_delete(struct zclient *zc, const struct zapi_route *r)
{
	int rc;

	wr_reset(&zc->scratch_w);
	rc = zapi_route_encode(zc_scratch(zc), route_cmd(&r->prefix, false),
			       VRF_DEFAULT, r);
	if (rc < 0)
		return rc;
	zc_table_del(&zc->routes, &r->prefix, r->safi);
	zc_queue(zc, zc->scratch_w.data, zc->scratch_w.len);
	return 0;
}

static bool decode_stored(const struct zc_entry *e, struct zapi_route *out)
{
	struct zapi_header h;
	struct reader body;

	return zapi_msg_open(e->data, e->len, &h, &body) == 0 &&
	       zapi_route_decode(h.command, &body, out) == 0;
}

int zclient_route_delete_prefix(struct zclient *zc, const struct prefix *p,
				uint16_t safi)
{
	struct zc_entry *e = zc_table_get(&zc->routes, p, safi);

	if (!e || !decode_stored(e, &zc->scratch->route))
		return ZCLIENT_ERR_NOTFOUND;
	return zclient_route_delete(zc, &zc->scratch->route);
}

size_t zclient_route_count(const struct zclient *zc)
{
	return zc->routes.count;
}

bool zclient_route_lookup(const struct zclient *zc, const struct prefix *p,
			  uint16_t safi, struct zapi_route *out)
{
	struct zc_entry *e = zc_table_get(&zc->routes, p, safi);

	return e && decode_stored(e, out);
}

struct route_walk {
	void (*fn)(const struct zapi_route *r, void *arg);
	void *arg;
	struct zapi_route *tmp;
};

static void route_walk_one(const struct zc_entry *e, void *arg)
{
	struct route_walk *w = arg;

	if (decode_stored(e, w->tmp))
		w->fn(w->tmp, w->arg);
}

void zclient_route_walk(const struct zclient *zc,
			void (*fn)(const struct zapi_route *r, void *arg), void *arg)
{
	struct route_walk w = { fn, arg, NULL };

	w.tmp = XMALLOC(ZCLIENT_SCRATCH, sizeof(*w.tmp));
	zc_table_walk(&zc->routes, route_walk_one, &w);
	XFREE(ZCLIENT_SCRATCH, w.tmp);
}

/* ---- nexthop tracking and lookups ------------------------------------------------------------ */

static int nht_send(struct zclient *zc, uint16_t cmd, const struct prefix *p,
		    bool connected)
{
	struct zapi_nht_entry e = { .connected = connected ? 1 : 0, .prefix = *p };

	return zc_send(zc, zapi_nht_register_encode(zc_scratch(zc), cmd, VRF_DEFAULT,
						    &e, 1));
}

int zclient_nexthop_register(struct zclient *zc, const struct prefix *p, bool connected)
{
	if (!family_maxlen(p->family))
		return ZAPI_ERR_FAMILY;
	if (p->prefixlen > family_maxlen(p->family))
		return ZAPI_ERR_PREFIXLEN;
	zc_table_set(&zc->nht, p, 0, connected ? 1 : 0, NULL, 0);
	return nht_send(zc, ZEBRA_NEXTHOP_REGISTER, p, connected);
}

int zclient_nexthop_unregister(struct zclient *zc, const struct prefix *p)
{
	struct zc_entry *e = zc_table_get(&zc->nht, p, 0);
	bool connected;

	if (!e)
		return ZCLIENT_ERR_NOTFOUND;
	connected = e->flag;
	zc_table_del(&zc->nht, p, 0);
	return nht_send(zc, ZEBRA_NEXTHOP_UNREGISTER, p, connected);
}

size_t zclient_nexthop_count(const struct zclient *zc)
{
	return zc->nht.count;
}

int zclient_lookup(struct zclient *zc, uint16_t cmd, const struct prefix *p)
{
	struct zapi_lookup_request q = { .command = cmd, .prefix = *p };

	if (zc->state != ZC_UP)
		return ZCLIENT_ERR_DISCONNECTED;
	if (cmd != ZEBRA_IPV4_IMPORT_LOOKUP)
		q.prefix.prefixlen = (uint8_t)family_maxlen(p->family);
	return zc_send(zc, zapi_lookup_request_encode(zc_scratch(zc), VRF_DEFAULT, &q));
}

int zclient_send_raw(struct zclient *zc, const void *buf, size_t len)
{
	const uint8_t *p = buf;
	size_t off = 0, msglen;

	if (zc->state != ZC_UP)
		return ZCLIENT_ERR_DISCONNECTED;
	while (off < len) {
		if (zapi_frame(p + off, len - off, &msglen) != ZAPI_FRAME_OK)
			return ZCLIENT_ERR_BADMSG;
		off += msglen;
	}
	zc_queue(zc, buf, len);
	return 0;
}
