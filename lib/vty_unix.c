/*
 * The vtysh socket (<daemon>.vty): framing described in vty.h. A request
 * is one line ended by NUL (or LF); the answer is the output followed by
 * four bytes 0, 0, 0, status. One request at a time per connection: while
 * a command (or its producer) runs, the rest of the input waits in the
 * socket.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "command.h"
#include "event.h"
#include "log.h"
#include "memory.h"
#include "vty_private.h"

DEFINE_MTYPE_STATIC(VTY_SHELL_BUF, "VTY shell input");

static int unix_fd = -1;
static struct event *unix_ev;
static char *unix_path;

static void shell_read(struct event *ev);
static void shell_write(struct event *ev);
static void shell_kick(struct vty_sess *s);
static void shell_finish(struct vty_sess *s);
static void shell_after(struct vty_sess *s);

static const struct vty_transport shell_tp = {
	.kick = shell_kick,
	.close = shell_finish,
	.after = shell_after,
};

static void shell_kick(struct vty_sess *s)
{
	if (s->wlen > s->woff && !s->t_write && vty_loop && s->vty.fd >= 0)
		event_add_write(vty_loop, shell_write, s, s->vty.fd, &s->t_write);
}

static void shell_finish(struct vty_sess *s)
{
	if (s->vty.fd >= 0) {
		vty_flush_fd(s);
		close(s->vty.fd);
		s->vty.fd = -1;
	}
	vty_sess_free(s);
}

static void shell_after(struct vty_sess *s)
{
	unsigned char trailer[4] = { 0, 0, 0, (unsigned char)s->last_status };

	vty_release_all(s);
	vty_write_raw(s, trailer, sizeof(trailer));
}

static void shell_schedule_read(struct vty_sess *s)
{
	if (!s->t_read && !s->in_cmd && s->status != VST_CLOSE && vty_loop)
		event_add_read(vty_loop, shell_read, s, s->vty.fd, &s->t_read);
}

/* Run complete lines from the input buffer, one at a time. */
static void shell_process(struct vty_sess *s)
{
	while (!s->in_cmd && s->status != VST_CLOSE && s->slen) {
		size_t i = 0;

		while (i < s->slen && s->sbuf[i] != '\0' && s->sbuf[i] != '\n')
			i++;
		if (i == s->slen) {
			if (s->slen >= VTY_LINE_MAX) {
				/* too long: drop it all, answer once */
				s->slen = 0;
				s->discarding = true;
			}
			return;
		}
		s->sbuf[i] = '\0';
		s->in_cmd = true;
		if (s->discarding) {
			s->discarding = false;
			vty_out(&s->vty, "%% Line too long\n");
			s->last_status = CMD_WARNING;
		} else if (s->sbuf[0] == VTY_QUERY_BYTE) {
			/* Tarpan vtysh's query extension, lib/vty_query.c */
			s->last_status = vty_query(&s->vty, s->sbuf + 1);
		} else {
			vty_sess_command(s, s->sbuf);
		}
		memmove(s->sbuf, s->sbuf + i + 1, s->slen - i - 1);
		s->slen -= i + 1;
		vty_sess_after_command(s);
	}
}

static void shell_write(struct event *ev)
{
	struct vty_sess *s = event_arg(ev);
	int r = vty_flush_fd(s);

	if (r < 0 || (r == 1 && s->status == VST_CLOSE)) {
		shell_finish(s);
		return;
	}
	if (r == 1 && s->producer)
		vty_run_producer(s);
	shell_process(s);
	if (s->status == VST_CLOSE && s->wlen == s->woff) {
		shell_finish(s);
		return;
	}
	shell_kick(s);
	shell_schedule_read(s);
}

static void shell_read(struct event *ev)
{
	struct vty_sess *s = event_arg(ev);
	ssize_t n;

	if (!s->sbuf)
		s->sbuf = tp_malloc(&MTYPE_VTY_SHELL_BUF, VTY_LINE_MAX + 1);
	if (s->slen >= VTY_LINE_MAX) {
		s->slen = 0;
		s->discarding = true;
	}
	n = read(s->vty.fd, s->sbuf + s->slen, VTY_LINE_MAX - s->slen);
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
		shell_finish(s);
		return;
	}
	if (n > 0)
		s->slen += (size_t)n;
	shell_process(s);
	if (s->status == VST_CLOSE && s->wlen == s->woff) {
		shell_finish(s);
		return;
	}
	shell_kick(s);
	shell_schedule_read(s);
}

static void shell_accept(struct event *ev)
{
	(void)ev;
	for (int k = 0; k < 32; k++) {
		int fd = accept4(unix_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		struct vty_sess *s;

		if (fd < 0)
			break;
		s = vty_sess_new(fd, VTY_SHELL, &shell_tp);
		snprintf(s->addr, sizeof(s->addr), "vtysh");
		s->vty.node = VIEW_NODE;
		s->lines = 0;
		shell_schedule_read(s);
	}
	event_add_read(vty_loop, shell_accept, NULL, unix_fd, &unix_ev);
}

int vty_unix_listen(const char *path)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	mode_t old;
	int fd;

	if (strlen(path) >= sizeof(sun.sun_path)) {
		zlog_err("vty socket path too long: %s", path);
		return -1;
	}
	strcpy(sun.sun_path, path);
	unlink(path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	old = umask(0007);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0 ||
	    listen(fd, 16) < 0) {
		umask(old);
		zlog_err("vty socket %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	umask(old);
	chmod(path, 0770);
	unix_fd = fd;
	tp_free(&MTYPE_VTY_SHELL_BUF, unix_path);
	unix_path = tp_strdup(&MTYPE_VTY_SHELL_BUF, path);
	if (vty_loop)
		event_add_read(vty_loop, shell_accept, NULL, fd, &unix_ev);
	return 0;
}

void vty_unix_terminate(void)
{
	event_cancel(&unix_ev);
	if (unix_fd >= 0)
		close(unix_fd);
	unix_fd = -1;
	if (unix_path)
		unlink(unix_path);
	tp_free(&MTYPE_VTY_SHELL_BUF, unix_path);
	unix_path = NULL;
}
