/*
 * zserv listeners and connections (see zserv.h).
 *
 * Reads are non-blocking into a per-client buffer; every whole message is
 * framed by zapi_frame_err() and dispatched; a bad header (marker, version,
 * length) closes that client and only that client. Work per read event is
 * bounded so that one busy client cannot starve the rest; what is left in
 * the buffer is taken up again from the loop at once, not when more bytes
 * come. While the RIB's queue is longer than ZSERV_RIB_BACKLOG, clients are
 * not read (the socket buffers hold the rest), which keeps zebra's memory
 * bounded however fast a client writes. A client whose half message sits
 * unfinished for ZSERV_PARTIAL_TIMEOUT_MS after its last byte is dropped;
 * time zebra spends not reading does not count against it.
 * Output goes into a growing writer, flushed when the socket is writable;
 * a client that lets more than ZSERV_OUTQ_MAX bytes pile up is dropped.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "event.h"
#include "log.h"
#include "memory.h"
#include "zapi.h"
#include "interface.h"
#include "rib.h"
#include "zserv.h"

DEFINE_MTYPE_STATIC(ZSERV, "zserv server");
DEFINE_MTYPE_STATIC(ZCONN, "zserv client");
DEFINE_MTYPE_STATIC(ZCONN_BUF, "zserv client buffer");

static struct log_ratelimit rl_zserv = LOG_RATELIMIT_INIT(5, 20);

#define MSGS_PER_READ 4096
/* RIB queue length above which clients are not read. */
#define ZSERV_RIB_BACKLOG 65536

static void set_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl >= 0)
		fcntl(fd, F_SETFL, fl | O_NONBLOCK);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
}

struct zserv *zserv_new(struct event_loop *loop, struct rib *rib,
			struct zif_db *ifdb, struct router_id *rid)
{
	struct zserv *zs = XCALLOC(ZSERV, sizeof(*zs));

	zs->loop = loop;
	zs->rib = rib;
	zs->ifdb = ifdb;
	zs->rid = rid;
	zs->tcp_fd = zs->unix_fd = -1;
	return zs;
}

static void conn_free(struct zconn *c)
{
	event_cancel(&c->t_read);
	event_cancel(&c->t_write);
	event_cancel(&c->t_partial);
	if (c->fd >= 0)
		close(c->fd);
	zserv_nht_free(c);
	wr_free(&c->out);
	XFREE(ZCONN_BUF, c->ibuf);
	XFREE(ZCONN, c);
}

/* Dead clients are unlinked and freed from the loop, never mid-dispatch. */
static void reap_cb(struct event *ev)
{
	struct zserv *zs = event_arg(ev);
	struct zconn **pp = &zs->clients;

	while (*pp) {
		struct zconn *c = *pp;

		if (c->dead) {
			*pp = c->next;
			zs->nclients--;
			conn_free(c);
		} else {
			pp = &c->next;
		}
	}
}

void zconn_close(struct zconn *c, const char *why)
{
	struct zserv *zs = c->zs;

	if (c->dead)
		return;
	c->dead = true;
	event_cancel(&c->t_read);
	event_cancel(&c->t_write);
	event_cancel(&c->t_partial);
	if (c->fd >= 0) {
		close(c->fd);
		c->fd = -1;
	}
	if (c->proto) {
		size_t n = rib_delete_type(zs->rib, c->proto);

		zlog_notice("client %d disconnected. %zu %s routes removed from the rib",
			    c->id, n, zrt_name(c->proto));
	}
	if (why)
		zlog_info("zserv client closed: %s", why);
	event_add_event(zs->loop, reap_cb, zs, 0, &zs->t_reap);
}

static void conn_write_cb(struct event *ev);

static void conn_flush(struct zconn *c)
{
	while (c->out_off < c->out.len) {
		ssize_t n = write(c->fd, c->out.data + c->out_off,
				  c->out.len - c->out_off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK) {
				event_add_write(c->zs->loop, conn_write_cb, c,
						c->fd, &c->t_write);
				return;
			}
			zconn_close(c, strerror(errno));
			return;
		}
		c->out_off += n;
		c->last_write = time(NULL);
	}
	wr_reset(&c->out);
	c->out_off = 0;
	if (c->out.cap > 1024 * 1024) {
		wr_free(&c->out);
		wr_init(&c->out, 4096);
	}
}

static void conn_write_cb(struct event *ev)
{
	struct zconn *c = event_arg(ev);

	if (!c->dead)
		conn_flush(c);
}

void zconn_queued(struct zconn *c)
{
	if (c->dead)
		return;
	c->msgs_out++;
	if (c->out.len - c->out_off > ZSERV_OUTQ_MAX) {
		zlog_rl(&rl_zserv, LOG_WARNING,
			"zserv client %d: output queue over %u bytes, dropping it",
			c->id, ZSERV_OUTQ_MAX);
		zconn_close(c, "output queue full");
		return;
	}
	if (!c->t_write)
		event_add_write(c->zs->loop, conn_write_cb, c, c->fd, &c->t_write);
}

/* Frame and dispatch what is buffered; false if the client was closed. */
static bool conn_process(struct zconn *c, unsigned *budget)
{
	size_t off = 0;

	while (!c->dead && *budget) {
		size_t mlen;
		int err = 0;
		enum zapi_frame_result fr = zapi_frame_err(c->ibuf + off,
							   c->ilen - off, &mlen,
							   &err);
		struct zapi_header h;
		struct reader body;

		if (fr == ZAPI_FRAME_NEED_MORE)
			break;
		if (fr == ZAPI_FRAME_BAD) {
			zlog_rl(&rl_zserv, LOG_WARNING,
				"zserv client %d: bad message header (%s), disconnecting",
				c->id, zapi_strerror(err));
			zconn_close(c, "bad header");
			return false;
		}
		if (zapi_msg_open(c->ibuf + off, mlen, &h, &body) < 0) {
			zlog_rl(&rl_zserv, LOG_WARNING,
				"zserv client %d: bad message, disconnecting", c->id);
			zconn_close(c, "bad message");
			return false;
		}
		c->msgs_in++;
		zserv_dispatch(c, &h, &body);
		off += mlen;
		(*budget)--;
	}
	if (off) {
		memmove(c->ibuf, c->ibuf + off, c->ilen - off);
		c->ilen -= off;
	}
	return !c->dead;
}

static bool rib_busy(const struct zconn *c)
{
	return rib_queue_len(c->zs->rib) > ZSERV_RIB_BACKLOG;
}

/* Does the buffer start with a whole message (or garbage to report)? */
static bool conn_has_message(const struct zconn *c)
{
	size_t mlen;
	int err = 0;

	return c->ilen &&
	       zapi_frame_err(c->ibuf, c->ilen, &mlen, &err) != ZAPI_FRAME_NEED_MORE;
}

static void conn_read_cb(struct event *ev);

/* Read more from the socket, or come back soon if there is work at hand. */
static void conn_rearm(struct zconn *c)
{
	if (c->dead)
		return;
	event_cancel(&c->t_read);
	if (rib_busy(c) || conn_has_message(c))
		event_add_timer_msec(c->zs->loop, conn_read_cb, c,
				     rib_busy(c) ? 1 : 0, &c->t_read);
	else
		event_add_read(c->zs->loop, conn_read_cb, c, c->fd, &c->t_read);
}

static void partial_timeout_cb(struct event *ev)
{
	struct zconn *c = event_arg(ev);

	if (c->dead || !c->ilen)
		return;
	if (rib_busy(c) || conn_has_message(c)) {
		/* zebra is behind, not the client: give it the full time again */
		event_add_timer_msec(c->zs->loop, partial_timeout_cb, c,
				     ZSERV_PARTIAL_TIMEOUT_MS, &c->t_partial);
		return;
	}
	zlog_rl(&rl_zserv, LOG_WARNING,
		"zserv client %d: incomplete message (%zu bytes) for %d ms, disconnecting",
		c->id, c->ilen, ZSERV_PARTIAL_TIMEOUT_MS);
	zconn_close(c, "incomplete message");
}

static void conn_read_cb(struct event *ev)
{
	struct zconn *c = event_arg(ev);
	unsigned budget = MSGS_PER_READ;
	bool got = false;

	if (c->dead)
		return;
	/* what a previous call left for lack of budget comes first */
	if (c->ilen && !conn_process(c, &budget))
		return;
	while (budget && c->ilen < ZSERV_INBUF && !rib_busy(c)) {
		ssize_t n = read(c->fd, c->ibuf + c->ilen, ZSERV_INBUF - c->ilen);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				break;
			zconn_close(c, strerror(errno));
			return;
		}
		if (n == 0) {
			zconn_close(c, c->ilen ? "EOF inside a message" : NULL);
			return;
		}
		got = true;
		c->ilen += n;
		c->last_read = time(NULL);
		if (!conn_process(c, &budget))
			return;
		if ((size_t)n < (ZSERV_INBUF - c->ilen) / 2)
			break;
	}
	if (got) {
		/* the partial-message clock runs from the client's last byte */
		event_cancel(&c->t_partial);
		if (c->ilen)
			event_add_timer_msec(c->zs->loop, partial_timeout_cb, c,
					     ZSERV_PARTIAL_TIMEOUT_MS, &c->t_partial);
	}
	conn_rearm(c);
}

static void accept_one(struct zserv *zs, int lfd, bool is_unix)
{
	int fd = accept(lfd, NULL, NULL);
	struct zconn *c;

	if (fd < 0) {
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			zlog_rl(&rl_zserv, LOG_WARNING, "zserv accept: %s",
				strerror(errno));
		return;
	}
	set_nonblock(fd);
	c = XCALLOC(ZCONN, sizeof(*c));
	c->zs = zs;
	c->fd = fd;
	c->id = fd;
	c->is_unix = is_unix;
	c->ibuf = XMALLOC(ZCONN_BUF, ZSERV_INBUF);
	wr_init(&c->out, 4096);
	c->connect_time = c->last_read = c->last_write = time(NULL);
	c->next = zs->clients;
	zs->clients = c;
	zs->nclients++;
	event_add_read(zs->loop, conn_read_cb, c, fd, &c->t_read);
}

static void tcp_accept_cb(struct event *ev)
{
	struct zserv *zs = event_arg(ev);

	accept_one(zs, zs->tcp_fd, false);
	event_add_read(zs->loop, tcp_accept_cb, zs, zs->tcp_fd, &zs->t_tcp);
}

static void unix_accept_cb(struct event *ev)
{
	struct zserv *zs = event_arg(ev);

	accept_one(zs, zs->unix_fd, true);
	event_add_read(zs->loop, unix_accept_cb, zs, zs->unix_fd, &zs->t_unix);
}

static int listen_tcp(const char *addr, unsigned short port)
{
	struct sockaddr_in sin;
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(port);
	inet_pton(AF_INET, addr ? addr : "127.0.0.1", &sin.sin_addr);
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0 ||
	    listen(fd, 64) < 0) {
		zlog_err("zserv: cannot listen on %s:%u: %s",
			 addr ? addr : "127.0.0.1", port, strerror(errno));
		close(fd);
		return -1;
	}
	set_nonblock(fd);
	return fd;
}

static int listen_unix(const char *path)
{
	struct sockaddr_un sun;
	int fd;
	mode_t old;

	if (strlen(path) >= sizeof(sun.sun_path)) {
		zlog_err("zserv: socket path too long: %s", path);
		return -1;
	}
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	unlink(path);
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strcpy(sun.sun_path, path);
	old = umask(0077);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0 ||
	    listen(fd, 64) < 0) {
		umask(old);
		zlog_err("zserv: cannot listen on %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	umask(old);
	set_nonblock(fd);
	return fd;
}

int zserv_listen(struct zserv *zs, const char *tcp_addr, unsigned short tcp_port,
		 const char *unix_path)
{
	int rc = 0;

	if (tcp_port) {
		zs->tcp_fd = listen_tcp(tcp_addr, tcp_port);
		if (zs->tcp_fd >= 0)
			event_add_read(zs->loop, tcp_accept_cb, zs, zs->tcp_fd,
				       &zs->t_tcp);
		else
			rc = -1;
	}
	if (unix_path) {
		zs->unix_fd = listen_unix(unix_path);
		if (zs->unix_fd >= 0) {
			zs->unix_path = XSTRDUP(ZSERV, unix_path);
			event_add_read(zs->loop, unix_accept_cb, zs, zs->unix_fd,
				       &zs->t_unix);
		} else {
			rc = -1;
		}
	}
	return rc;
}

void zserv_free(struct zserv *zs)
{
	if (!zs)
		return;
	while (zs->clients) {
		struct zconn *c = zs->clients;

		zs->clients = c->next;
		conn_free(c);
	}
	event_cancel(&zs->t_tcp);
	event_cancel(&zs->t_unix);
	event_cancel(&zs->t_reap);
	event_cancel(&zs->t_nht);
	if (zs->tcp_fd >= 0)
		close(zs->tcp_fd);
	if (zs->unix_fd >= 0)
		close(zs->unix_fd);
	if (zs->unix_path) {
		unlink(zs->unix_path);
		XFREE(ZSERV, zs->unix_path);
	}
	XFREE(ZSERV, zs);
}
