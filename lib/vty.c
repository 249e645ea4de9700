/*
 * vty sessions: output buffering and paging, running commands, the config
 * lock, reading and writing config files. The transports (telnet in
 * vty_term.c, the vtysh socket in vty_unix.c) feed lines in and drain
 * bytes out; nothing here blocks.
 *
 * Output of a session goes through two buffers: `out` holds what commands
 * printed and the pager has not released yet; `wire` holds bytes ready for
 * the socket (echo, released output, " --More-- "). Together they are
 * bounded by VTY_OUT_MAX; a session beyond it is closed, so a reader that
 * never reads cannot grow the daemon. A command with huge output uses
 * vty_produce(): its producer is called again whenever the buffers drain.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "command_private.h"
#include "event.h"
#include "log.h"
#include "memory.h"
#include "vty_private.h"

DEFINE_MTYPE_STATIC(VTY, "VTY");
DEFINE_MTYPE_STATIC(VTY_OUT, "VTY output buffer");

struct host_settings host = {
	.lines = -1,
	.motd = true,
	.timeout_s = VTY_TIMEOUT_DEFAULT,
};

struct event_loop *vty_loop;
const char *vty_daemon_name = "tarpan";
struct vty_sess *vty_sessions;
static struct vty *config_owner;

static struct vty_sess *sess_of(const struct vty *vty)
{
	return vty ? vty->priv : NULL;
}

/* ---- buffers ------------------------------------------------------- */

static void buf_append(char **b, size_t *len, size_t *cap, const char *p, size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t nc = *cap ? *cap : 256;

		while (nc < *len + n + 1)
			nc *= 2;
		*b = tp_realloc(&MTYPE_VTY_OUT, *b, nc);
		*cap = nc;
	}
	memcpy(*b + *len, p, n);
	*len += n;
	(*b)[*len] = '\0';
}

static size_t sess_buffered(const struct vty_sess *s)
{
	return (s->len - s->released) + (s->wlen - s->woff);
}

static void check_bound(struct vty_sess *s)
{
	if (s->vty.type == VTY_FILE || s->tp == NULL)
		return;
	if (sess_buffered(s) > VTY_OUT_MAX && !s->overflow) {
		s->overflow = true;
		s->status = VST_CLOSE;
		zlog_warn("vty %s: output exceeds %u bytes, closing", s->addr,
			  VTY_OUT_MAX);
	}
}

void vty_write_raw(struct vty_sess *s, const void *p, size_t n)
{
	if (s->overflow)
		return;
	/* compact consumed wire bytes */
	if (s->woff && s->woff == s->wlen) {
		s->woff = s->wlen = 0;
	} else if (s->woff > 65536 && s->woff > s->wlen / 2) {
		memmove(s->wire, s->wire + s->woff, s->wlen - s->woff);
		s->wlen -= s->woff;
		s->woff = 0;
	}
	buf_append(&s->wire, &s->wlen, &s->wcap, p, n);
	check_bound(s);
	if (s->tp && s->tp->kick)
		s->tp->kick(s);
}

static void out_append(struct vty_sess *s, const char *p, size_t n)
{
	if (s->overflow)
		return;
	if (s->vty.type != VTY_TERM) {
		buf_append(&s->out, &s->len, &s->cap, p, n);
	} else {
		/* "\n" becomes CRLF on telnet */
		size_t start = 0;

		for (size_t i = 0; i < n; i++) {
			if (p[i] != '\n')
				continue;
			buf_append(&s->out, &s->len, &s->cap, p + start, i - start);
			buf_append(&s->out, &s->len, &s->cap, "\r\n", 2);
			start = i + 1;
		}
		buf_append(&s->out, &s->len, &s->cap, p + start, n - start);
	}
	check_bound(s);
}

int vty_out(struct vty *vty, const char *fmt, ...)
{
	struct vty_sess *s = sess_of(vty);
	char stack[1024], *p = stack;
	va_list ap;
	int n;

	if (!s)
		return 0;
	va_start(ap, fmt);
	n = vsnprintf(stack, sizeof(stack), fmt, ap);
	va_end(ap);
	if (n < 0)
		return 0;
	if ((size_t)n >= sizeof(stack)) {
		p = XMALLOC(VTY_OUT, (size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(p, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	out_append(s, p, (size_t)n);
	if (p != stack)
		XFREE(VTY_OUT, p);
	/* output outside a command (log monitor) goes out at once */
	if (!s->in_cmd && s->tp)
		vty_release_all(s);
	return n;
}

int cmd_vty_width(const struct vty *vty)
{
	const struct vty_sess *s = sess_of(vty);

	return s && vty->type == VTY_TERM ? s->width : 0;
}

size_t vty_out_pending(const struct vty *vty)
{
	const struct vty_sess *s = sess_of(vty);

	return s ? sess_buffered(s) : 0;
}

/* ---- paging -------------------------------------------------------- */

/*
 * Lines per page. Quagga pages only when the client told its window size
 * (NAWS): without it, even `terminal length 24` does not page. Then it is
 * `terminal length` if set (0 = no paging), else the window height.
 */
static int page_size(const struct vty_sess *s)
{
	if (s->vty.type != VTY_TERM || s->width <= 0 || s->height <= 0)
		return 0;
	if (s->lines >= 0)
		return s->lines;
	return s->height;
}

static void move_to_wire(struct vty_sess *s, size_t n)
{
	if (!n)
		return;
	vty_write_raw(s, s->out + s->released, n);
	s->released += n;
	if (s->released == s->len)
		s->released = s->len = 0;
}

/* Release buffered output to the wire, stopping at a full page. */
void vty_release_all(struct vty_sess *s)
{
	if (s->status == VST_MORE)
		return;
	if (s->page_left < 0 || !page_size(s)) {
		move_to_wire(s, s->len - s->released);
		return;
	}
	while (s->released < s->len) {
		size_t i = s->released;
		int col = 1;

		if (s->page_left == 0) {
			vty_write_raw(s, " --More-- ", 10);
			s->status = VST_MORE;
			return;
		}
		/* one screen line: up to "\n", or `width` characters (a long
		 * line wraps and counts as several, as Quagga counts) */
		while (i < s->len) {
			char c = s->out[i++];

			if (c == '\r') {
				col = 1;
			} else if (c == '\n' || col == s->width) {
				s->page_left--;
				break;
			} else {
				col++;
			}
		}
		move_to_wire(s, i - s->released);
	}
}

/* A key at the --More-- prompt. */
void vty_more_key(struct vty_sess *s, int c)
{
	/* Quagga wipes " --More-- " with 10 BS, 10 blanks, 10 BS */
	static const char erase[] = "\b\b\b\b\b\b\b\b\b\b          "
				    "\b\b\b\b\b\b\b\b\b\b";
	int page = page_size(s);

	if (s->status != VST_MORE)
		return;
	vty_write_raw(s, erase, sizeof(erase) - 1);
	s->status = VST_NORMAL;
	if (c == 'q' || c == 'Q' || c == 0x03) {
		vty_drop_pending(s);
		s->page_left = -1;
		vty_sess_after_command(s);
		return;
	}
	/* any other key, Enter too, shows the next full page */
	s->page_left = page > 0 ? page : 1;
	vty_release_all(s);
	if (s->status != VST_MORE)
		vty_run_producer(s);
}

/* Forget a producer that will not be called again. */
static void producer_abandon(struct vty_sess *s)
{
	void (*release)(void *arg) = s->producer_release;
	void *arg = s->producer_arg;
	bool had = s->producer != NULL;

	s->producer = NULL;
	s->producer_arg = NULL;
	s->producer_release = NULL;
	event_cancel(&s->t_produce);
	if (had && release)
		release(arg);
}

void vty_drop_pending(struct vty_sess *s)
{
	s->len = s->released = 0;
	producer_abandon(s);
}

/* ---- sessions ------------------------------------------------------ */

struct vty_sess *vty_sess_new(int fd, enum vty_type type,
			      const struct vty_transport *tp)
{
	struct vty_sess *s = XCALLOC(VTY, sizeof(*s));

	s->vty.type = type;
	s->vty.fd = fd;
	s->vty.node = VIEW_NODE;
	s->vty.priv = s;
	s->tp = tp;
	s->lines = host.lines;
	s->page_left = -1;
	s->timeout_s = host.timeout_s;
	s->connected_ms = monotime_ms();
	s->hp = s->hindex = 0;
	if (tp) {
		s->next = vty_sessions;
		if (vty_sessions)
			vty_sessions->prev = s;
		vty_sessions = s;
	}
	return s;
}

void vty_sess_free(struct vty_sess *s)
{
	if (!s)
		return;
	vty_config_unlock(&s->vty);
	producer_abandon(s);
	event_cancel(&s->t_read);
	event_cancel(&s->t_write);
	event_cancel(&s->t_timeout);
	event_cancel(&s->t_produce);
	if (s->tp) {
		if (s->prev)
			s->prev->next = s->next;
		else if (vty_sessions == s)
			vty_sessions = s->next;
		if (s->next)
			s->next->prev = s->prev;
	}
	vty_hist_free(s);
	tp_free(&MTYPE_VTY_OUT, s->out);
	tp_free(&MTYPE_VTY_OUT, s->wire);
	tp_free(&MTYPE_VTY_OUT, s->sbuf);
	tp_free(&MTYPE_VTY, s);
}

void vty_sess_close(struct vty_sess *s)
{
	s->status = VST_CLOSE;
}

static void timeout_fire(struct event *ev)
{
	struct vty_sess *s = event_arg(ev);

	vty_write_raw(s, "\r\nVty connection is timed out.\r\n", 32);
	s->status = VST_CLOSE;
	if (s->tp && s->tp->close)
		s->tp->close(s);
}

void vty_timeout_reset(struct vty_sess *s)
{
	event_cancel(&s->t_timeout);
	if (s->timeout_s > 0 && s->vty.type == VTY_TERM && vty_loop)
		event_add_timer(vty_loop, timeout_fire, s, s->timeout_s, &s->t_timeout);
}

/* Write the wire buffer: 1 all sent, 0 try again later, -1 error. */
int vty_flush_fd(struct vty_sess *s)
{
	while (s->woff < s->wlen) {
		ssize_t n = write(s->vty.fd, s->wire + s->woff, s->wlen - s->woff);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return 0;
			return -1;
		}
		s->woff += (size_t)n;
	}
	s->woff = s->wlen = 0;
	return 1;
}

void vty_prompt(struct vty_sess *s)
{
	char host_prompt[300];

	if (s->vty.type != VTY_TERM || s->status == VST_CLOSE)
		return;
	snprintf(host_prompt, sizeof(host_prompt), node_prompt(s->vty.node),
		 cmd_hostname_get());
	out_append(s, host_prompt, strlen(host_prompt));
}

static void producer_step(struct event *ev)
{
	vty_run_producer(event_arg(ev));
}

/* Call the producer while the buffers are low; finish when it is done. */
void vty_run_producer(struct vty_sess *s)
{
	int rounds = 0;

	while (s->producer && s->status == VST_NORMAL &&
	       sess_buffered(s) < VTY_OUT_LOW && rounds++ < 64) {
		if (s->producer(&s->vty, s->producer_arg)) {
			s->producer = NULL;
			s->producer_arg = NULL;
			s->producer_release = NULL;
		}
		vty_release_all(s);
	}
	if (s->producer) {
		/* more to come: wait for the writer to drain (it calls us) */
		if (!s->t_produce && sess_buffered(s) < VTY_OUT_LOW &&
		    s->status == VST_NORMAL && vty_loop)
			event_add_event(vty_loop, producer_step, s, 0, &s->t_produce);
		return;
	}
	if (s->in_cmd)
		vty_sess_after_command(s);
}

void vty_produce_release(struct vty *vty, vty_producer_fn fn,
			 void (*release)(void *arg), void *arg)
{
	struct vty_sess *s = sess_of(vty);
	int guard = 0;

	if (!s) {
		if (release)
			release(arg);
		return;
	}
	if (!s->tp) {
		/* file or buffer vty: run to completion */
		while (!fn(vty, arg)) {
			if (guard++ >= 100000000) {
				if (release)
					release(arg);
				break;
			}
		}
		return;
	}
	producer_abandon(s);	/* at most one producer per session */
	s->producer = fn;
	s->producer_arg = arg;
	s->producer_release = release;
}

void vty_produce(struct vty *vty, vty_producer_fn fn, void *arg)
{
	vty_produce_release(vty, fn, NULL, arg);
}

/* After a command (and its producer): prompt or shell trailer. */
void vty_sess_after_command(struct vty_sess *s)
{
	if (s->producer) {
		vty_run_producer(s);
		return;
	}
	if (s->vty.type == VTY_TERM)
		vty_prompt(s);
	s->in_cmd = false;
	if (s->tp && s->tp->after)
		s->tp->after(s);
	vty_release_all(s);
}

int vty_command(struct vty *vty, const char *line)
{
	int ret = cmd_execute(vty, line, false);

	cmd_print_error(vty, ret, line);
	return ret;
}

int vty_sess_command(struct vty_sess *s, const char *line)
{
	int page = page_size(s);

	s->in_cmd = true;
	s->page_left = page ? page - 1 : -1;
	if (host.log_commands && s->vty.type == VTY_TERM && s->vty.node != AUTH_NODE &&
	    s->vty.node != AUTH_ENABLE_NODE)
		zlog_notice("vty[%s]: %s", s->addr, line);
	s->last_status = vty_command(&s->vty, line);
	return s->last_status;
}

void vty_enter_node(struct vty *vty, enum node_type node, void *index)
{
	vty->node = node;
	vty->index = index;
	vty->index_sub = NULL;
}

/* ---- config lock ---------------------------------------------------- */

bool vty_config_lock(struct vty *vty)
{
	if (!config_owner)
		config_owner = vty;
	return config_owner == vty;
}

struct vty *vty_config_owner(void)
{
	return config_owner;
}

void vty_config_unlock(struct vty *vty)
{
	if (config_owner == vty)
		config_owner = NULL;
}

/* ---- monitor -------------------------------------------------------- */

void vty_log_monitor(int prio, const char *line, size_t len)
{
	static bool busy;

	(void)prio;
	if (busy)
		return;
	busy = true;
	for (struct vty_sess *s = vty_sessions; s; s = s->next) {
		if (!s->monitor || s->status == VST_CLOSE)
			continue;
		out_append(s, line, len);
		out_append(s, "\n", 1);
		if (!s->in_cmd)
			vty_release_all(s);
	}
	busy = false;
}

/* ---- buffer vtys ---------------------------------------------------- */

struct vty *vty_new_buffer(enum node_type node)
{
	struct vty_sess *s = vty_sess_new(-1, VTY_FILE, NULL);

	s->vty.node = node;
	s->in_cmd = true;
	return &s->vty;
}

const char *vty_buffer_text(struct vty *vty)
{
	struct vty_sess *s = sess_of(vty);

	return s && s->out ? s->out : "";
}

void vty_buffer_clear(struct vty *vty)
{
	struct vty_sess *s = sess_of(vty);

	if (s && s->out) {
		s->len = s->released = 0;
		s->out[0] = '\0';
	}
}

void vty_free_buffer(struct vty *vty)
{
	vty_sess_free(sess_of(vty));
}

/* ---- init ----------------------------------------------------------- */

void vty_set_config_file(const char *path)
{
	tp_free(&MTYPE_VTY, host.config_file);
	host.config_file = NULL;
	if (path) {
		char *abs = NULL;

		if (path[0] != '/') {
			char cwd[4096];

			if (getcwd(cwd, sizeof(cwd))) {
				size_t n = strlen(cwd) + strlen(path) + 2;

				abs = XMALLOC(VTY, n);
				if (abs)
					snprintf(abs, n, "%s/%s", cwd, path);
			}
		}
		host.config_file = abs ? abs : XSTRDUP(VTY, path);
	}
}

const char *vty_get_config_file(void)
{
	return host.config_file;
}

void vty_init(struct event_loop *loop, const char *daemon_name)
{
	vty_loop = loop;
	if (daemon_name)
		vty_daemon_name = daemon_name;
	zlog_set_monitor_sink(vty_log_monitor);
}

int vty_serve(const char *addr, unsigned short port, const char *unix_path)
{
	int ret = 0;

	if (port && vty_term_listen(addr, port) < 0)
		ret = -1;
	if (unix_path && vty_unix_listen(unix_path) < 0)
		ret = -1;
	return ret;
}

void vty_terminate(void)
{
	while (vty_sessions) {
		struct vty_sess *s = vty_sessions;

		if (s->vty.fd >= 0)
			close(s->vty.fd);
		vty_sess_free(s);
	}
	vty_term_terminate();
	vty_unix_terminate();
	zlog_set_monitor_sink(NULL);
	vty_set_config_file(NULL);
	config_owner = NULL;
}
