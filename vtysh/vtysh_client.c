/*
 * vtysh's connections to the daemons' <daemon>.vty Unix sockets.
 *
 * One blocking stream socket per daemon. A request is the line and a NUL;
 * the answer is output text (never containing NUL) followed by 0 0 0 and
 * the status byte, so the first NUL in the stream starts the trailer.
 * Output is handed on as it arrives, so a long `show` is not held in
 * memory. Every read waits at most VTYSH_TIMEOUT_MS; a daemon that closes,
 * errs or stays silent that long is marked down, and the next command
 * tries to connect to it again (that is how a restarted daemon comes back
 * without restarting the shell).
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "command.h"
#include "vty.h"
#include "vtysh.h"

DEFINE_MTYPE(VTYSH, "vtysh");

#define VTYSH_TIMEOUT_MS 120000

static const char *const daemon_names[VTYSH_NDAEMONS] = {
	"zebra", "ripd", "ospfd", "bgpd", "vrrpd",
};

void vbuf_add(struct vbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->p = XREALLOC(VTYSH, b->p, cap);
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void vbuf_addstr(struct vbuf *b, const char *s)
{
	vbuf_add(b, s, strlen(s));
}

void vbuf_reset(struct vbuf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

void vbuf_free(struct vbuf *b)
{
	XFREE(VTYSH, b->p);
	b->len = b->cap = 0;
}

void vtysh_clients_init(struct vtysh *vs)
{
	for (int i = 0; i < VTYSH_NDAEMONS; i++) {
		struct vtysh_client *c = &vs->client[i];

		memset(c, 0, sizeof(*c));
		c->name = daemon_names[i];
		c->fd = -1;
		c->wanted = true;
		c->node = VIEW_NODE;
	}
}

struct vtysh_client *vtysh_client_by_name(struct vtysh *vs, const char *name)
{
	for (int i = 0; i < VTYSH_NDAEMONS; i++)
		if (!strcmp(vs->client[i].name, name))
			return &vs->client[i];
	return NULL;
}

int vtysh_clients_only(struct vtysh *vs, const char *name)
{
	struct vtysh_client *only = vtysh_client_by_name(vs, name);

	if (!only)
		return -1;
	for (int i = 0; i < VTYSH_NDAEMONS; i++)
		vs->client[i].wanted = &vs->client[i] == only;
	return 0;
}

void vtysh_client_close(struct vtysh_client *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
	c->node = VIEW_NODE;
	c->prompt[0] = '\0';
}

void vtysh_clients_close(struct vtysh *vs)
{
	for (int i = 0; i < VTYSH_NDAEMONS; i++)
		vtysh_client_close(&vs->client[i]);
}

static int send_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static ssize_t recv_timed(int fd, char *buf, size_t n)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	int r;

	do {
		r = poll(&pfd, 1, VTYSH_TIMEOUT_MS);
	} while (r < 0 && errno == EINTR);
	if (r <= 0)
		return -1;
	do {
		r = (int)recv(fd, buf, n, 0);
	} while (r < 0 && errno == EINTR);
	return r;
}

int vtysh_client_run(struct vtysh_client *c, const char *line,
		     vtysh_sink sink, void *arg)
{
	char buf[8192];
	int zeros = 0;		/* trailer bytes seen so far (0..3) */

	if (c->fd < 0)
		return -1;
	if (send_all(c->fd, line, strlen(line) + 1) < 0)
		goto gone;
	for (;;) {
		ssize_t n = recv_timed(c->fd, buf, sizeof(buf));
		size_t start = 0;

		if (n <= 0)
			goto gone;
		for (size_t i = 0; i < (size_t)n; i++) {
			if (zeros == 3)		/* the status byte */
				return (unsigned char)buf[i];
			if (buf[i] == '\0') {
				if (!zeros && sink && i > start)
					sink(buf + start, i - start, arg);
				zeros++;
				start = i + 1;
			} else if (zeros) {
				goto gone;	/* NUL inside the text: broken */
			}
		}
		if (!zeros && sink && (size_t)n > start)
			sink(buf + start, (size_t)n - start, arg);
	}
gone:
	vtysh_client_close(c);
	return -1;
}

int vtysh_client_run_exec(struct vtysh_client *c, const char *cmd,
			  vtysh_sink sink, void *arg)
{
	char line[512];

	if (c->node < CONFIG_NODE)
		return vtysh_client_run(c, cmd, sink, arg);
	snprintf(line, sizeof(line), "do %s", cmd);
	return vtysh_client_run(c, line, sink, arg);
}

void vtysh_sink_vbuf(const char *buf, size_t n, void *arg)
{
	vbuf_add(arg, buf, n);
}

void vtysh_sink_file(const char *buf, size_t n, void *arg)
{
	fwrite(buf, 1, n, arg);
}

int vtysh_client_capture(struct vtysh_client *c, const char *line,
			 struct vbuf *out)
{
	vbuf_reset(out);
	vbuf_add(out, "", 0);
	return vtysh_client_run(c, line, vtysh_sink_vbuf, out);
}

int vtysh_client_sync_node(struct vtysh_client *c)
{
	struct vbuf b = { 0 };
	char q[8] = { VTY_QUERY_BYTE, 'n', 'o', 'd', 'e', '\0' };
	char *tab, *end;
	long node;
	int st = vtysh_client_capture(c, q, &b);

	if (st < 0) {
		vbuf_free(&b);
		return -1;
	}
	node = strtol(b.p, &tab, 10);
	if (st == CMD_SUCCESS && tab != b.p && *tab == '\t' && node >= 0 &&
	    node < NODE_TYPE_MAX) {
		c->node = (int)node;
		end = tab + 1 + strcspn(tab + 1, "\n");
		*end = '\0';
		snprintf(c->prompt, sizeof(c->prompt), "%s", tab + 1);
	}
	vbuf_free(&b);
	return 0;
}

int vtysh_client_connect(struct vtysh *vs, struct vtysh_client *c)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd, n;

	if (c->fd >= 0)
		return 0;
	n = snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/%s.vty",
		     vs->vty_dir, c->name);
	if (n < 0 || (size_t)n >= sizeof(sun.sun_path))
		return -1;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
		close(fd);
		return -1;
	}
	c->fd = fd;
	c->warned = false;
	/* vtysh runs `enable` for the operator; a daemon that comes back
	 * while the shell is configuring joins at the config level */
	if (vs->node >= ENABLE_NODE && vtysh_client_run(c, "enable", NULL, NULL) < 0)
		return -1;
	if (vs->node >= CONFIG_NODE &&
	    vtysh_client_run(c, "configure terminal", NULL, NULL) < 0)
		return -1;
	return vtysh_client_sync_node(c);
}

int vtysh_connect_all(struct vtysh *vs)
{
	int up = 0;

	for (int i = 0; i < VTYSH_NDAEMONS; i++) {
		struct vtysh_client *c = &vs->client[i];

		if (c->wanted && vtysh_client_connect(vs, c) == 0)
			up++;
	}
	return up;
}
