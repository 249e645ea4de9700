/*
 * The telnet vty: listeners on the daemon's port (IPv4 and IPv6 wildcard,
 * or the -A address), Quagga's option negotiation and login, and the line
 * editor with Quagga's keys:
 *
 *   ^A ^E ^B ^F (and arrows) move; ^D deletes (on an empty line: exit);
 *   ^H/DEL backspace; ^K ^U ^W kill; ^P ^N (up/down) history; ^Z end;
 *   ^C abandons the line (and leaves config mode); ? help; TAB completes.
 *
 * Every socket is non-blocking and each read event handles at most one
 * 4 KB chunk, so a flooding client gets its turn like the others. A line
 * longer than VTY_LINE_MAX is discarded with an error.
 */
#include "config.h"

#include <arpa/inet.h>
#include <crypt.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "command.h"
#include "event.h"
#include "log.h"
#include "memory.h"
#include "vty_private.h"

DEFINE_MTYPE_STATIC(VTY_HIST, "VTY history");

#define MAX_LISTENERS 4
#define MAX_SESSIONS 1024

#define IAC 255
#define SB 250
#define SE 240
#define WILL 251
#define WONT 252
#define DO 253
#define DONT 254
#define TELOPT_ECHO 1
#define TELOPT_SGA 3
#define TELOPT_NAWS 31
#define TELOPT_LINEMODE 34

#define CTRL(c) ((c) - '@')

static struct listener {
	int fd;
	struct event *ev;
} listeners[MAX_LISTENERS];
static int nlisteners;
static int nsessions;

bool (*vty_access_hook)(const char *name, const struct sockaddr *sa);

void vty_set_access_hook(bool (*fn)(const char *list_name,
				    const struct sockaddr *peer))
{
	vty_access_hook = fn;
}

static void term_read(struct event *ev);
static void term_write(struct event *ev);
static void term_kick(struct vty_sess *s);
static void term_finish(struct vty_sess *s);

static const struct vty_transport term_tp = {
	.kick = term_kick,
	.close = term_finish,
};

static void term_kick(struct vty_sess *s)
{
	if (s->wlen > s->woff && !s->t_write && vty_loop && s->vty.fd >= 0)
		event_add_write(vty_loop, term_write, s, s->vty.fd, &s->t_write);
}

static void term_finish(struct vty_sess *s)
{
	if (s->vty.fd >= 0) {
		vty_flush_fd(s);	/* best effort */
		close(s->vty.fd);
		s->vty.fd = -1;
	}
	nsessions--;
	vty_sess_free(s);
}

static void schedule_read(struct vty_sess *s)
{
	if (s->t_read || s->status == VST_CLOSE || !vty_loop)
		return;
	/* while a producer fills the output, leave input in the socket */
	if (s->in_cmd && s->status != VST_MORE)
		return;
	event_add_read(vty_loop, term_read, s, s->vty.fd, &s->t_read);
}

/* The socket took every queued byte: let the producer or the pager go on. */
void vty_term_drained(struct vty_sess *s)
{
	if (s->producer)
		vty_run_producer(s);
	else
		vty_release_all(s);
}

static void term_write(struct event *ev)
{
	struct vty_sess *s = event_arg(ev);
	int r = vty_flush_fd(s);

	if (r < 0) {
		term_finish(s);
		return;
	}
	if (r == 1 && s->status == VST_CLOSE) {
		term_finish(s);
		return;
	}
	if (r == 1)
		vty_term_drained(s);
	if (s->status == VST_CLOSE && s->wlen == s->woff) {
		term_finish(s);
		return;
	}
	term_kick(s);
	schedule_read(s);
}

/* ---- echo and editing ------------------------------------------------ */

static bool echo_on(const struct vty_sess *s)
{
	return s->vty.node != AUTH_NODE && s->vty.node != AUTH_ENABLE_NODE;
}

static void echo(struct vty_sess *s, const char *p, size_t n)
{
	if (echo_on(s) && n)
		vty_write_raw(s, p, n);
}

static void echo_bs(struct vty_sess *s, size_t n)
{
	while (n--)
		echo(s, "\b", 1);
}

static void echo_tail(struct vty_sess *s, size_t erase)
{
	/* redraw from cp to end, blank `erase` cells, go back to cp */
	echo(s, s->buf + s->cp, s->blen - s->cp);
	for (size_t i = 0; i < erase; i++)
		echo(s, " ", 1);
	echo_bs(s, s->blen - s->cp + erase);
}

static void ed_insert(struct vty_sess *s, char c)
{
	if (s->blen + 1 >= VTY_LINE_MAX) {
		s->discarding = true;
		return;
	}
	memmove(s->buf + s->cp + 1, s->buf + s->cp, s->blen - s->cp);
	s->buf[s->cp] = c;
	s->blen++;
	s->cp++;
	echo(s, &c, 1);
	if (s->cp < s->blen)
		echo_tail(s, 0);
}

static void ed_back(struct vty_sess *s)
{
	if (s->cp) {
		s->cp--;
		echo(s, "\b", 1);
	}
}

static void ed_forward(struct vty_sess *s)
{
	if (s->cp < s->blen) {
		echo(s, s->buf + s->cp, 1);
		s->cp++;
	}
}

static void ed_bol(struct vty_sess *s)
{
	echo_bs(s, s->cp);
	s->cp = 0;
}

static void ed_eol(struct vty_sess *s)
{
	echo(s, s->buf + s->cp, s->blen - s->cp);
	s->cp = s->blen;
}

static void ed_delete(struct vty_sess *s)
{
	if (s->cp >= s->blen)
		return;
	memmove(s->buf + s->cp, s->buf + s->cp + 1, s->blen - s->cp - 1);
	s->blen--;
	echo_tail(s, 1);
}

static void ed_backspace(struct vty_sess *s)
{
	if (!s->cp)
		return;
	ed_back(s);
	ed_delete(s);
}

static void ed_kill_eol(struct vty_sess *s)
{
	size_t n = s->blen - s->cp;

	for (size_t i = 0; i < n; i++)
		echo(s, " ", 1);
	echo_bs(s, n);
	s->blen = s->cp;
}

static void ed_kill_line(struct vty_sess *s)
{
	ed_bol(s);
	ed_kill_eol(s);
}

static void ed_kill_word(struct vty_sess *s)
{
	while (s->cp && s->buf[s->cp - 1] == ' ')
		ed_backspace(s);
	while (s->cp && s->buf[s->cp - 1] != ' ')
		ed_backspace(s);
}

static void ed_word_back(struct vty_sess *s)
{
	while (s->cp && s->buf[s->cp - 1] == ' ')
		ed_back(s);
	while (s->cp && s->buf[s->cp - 1] != ' ')
		ed_back(s);
}

static void ed_word_forward(struct vty_sess *s)
{
	while (s->cp < s->blen && s->buf[s->cp] == ' ')
		ed_forward(s);
	while (s->cp < s->blen && s->buf[s->cp] != ' ')
		ed_forward(s);
}

static void ed_set_line(struct vty_sess *s, const char *text)
{
	size_t n = strlen(text);

	ed_kill_line(s);
	if (n >= VTY_LINE_MAX)
		n = VTY_LINE_MAX - 1;
	memcpy(s->buf, text, n);
	s->blen = s->cp = n;
	echo(s, s->buf, n);
}

/* ---- history ------------------------------------------------------- */

static void hist_add(struct vty_sess *s, const char *line)
{
	int last = (s->hindex + VTY_HIST_MAX - 1) % VTY_HIST_MAX;

	if (!*line)
		return;
	if (!s->hist[last] || strcmp(s->hist[last], line)) {
		tp_free(&MTYPE_VTY_HIST, s->hist[s->hindex]);
		s->hist[s->hindex] = tp_strdup(&MTYPE_VTY_HIST, line);
		s->hindex = (s->hindex + 1) % VTY_HIST_MAX;
	}
	s->hp = s->hindex;
}

static void hist_prev(struct vty_sess *s)
{
	int try = (s->hp + VTY_HIST_MAX - 1) % VTY_HIST_MAX;

	if (try == s->hindex || !s->hist[try])
		return;
	s->hp = try;
	ed_set_line(s, s->hist[try]);
}

static void hist_next(struct vty_sess *s)
{
	int try;

	if (s->hp == s->hindex)
		return;
	try = (s->hp + 1) % VTY_HIST_MAX;
	s->hp = try;
	ed_set_line(s, try == s->hindex || !s->hist[try] ? "" : s->hist[try]);
}

/* The history lines are counted under their own type: free them here. */
void vty_hist_free(struct vty_sess *s)
{
	for (int i = 0; i < VTY_HIST_MAX; i++) {
		tp_free(&MTYPE_VTY_HIST, s->hist[i]);
		s->hist[i] = NULL;
	}
}

/* `show history` */
void vty_show_history(struct vty *vty)
{
	struct vty_sess *s = vty->priv;

	if (!s || vty->type != VTY_TERM)
		return;
	/* Quagga's walk: from the slot after the next free one round to
	 * it, so at most VTY_HIST_MAX - 1 lines, oldest first */
	for (int i = 1; i < VTY_HIST_MAX; i++) {
		int k = (s->hindex + i) % VTY_HIST_MAX;

		if (s->hist[k])
			vty_out(vty, "  %s\n", s->hist[k]);
	}
}

/* ---- prompt, help, completion --------------------------------------- */

static void redraw(struct vty_sess *s)
{
	s->page_left = -1;
	vty_prompt(s);
	vty_release_all(s);
	echo(s, s->buf, s->blen);
	echo_bs(s, s->blen - s->cp);
}

static char *line_text(struct vty_sess *s)
{
	s->buf[s->blen] = '\0';
	return s->buf;
}

/* `?`: the help list, then the prompt and the whole line again (the
 * cursor goes to the end of the line, as in Quagga) */
static void term_describe(struct vty_sess *s)
{
	s->page_left = -1;
	vty_write_raw(s, "\r\n", 2);
	cmd_describe(&s->vty, line_text(s));
	vty_release_all(s);
	s->cp = s->blen;
	redraw(s);
}

/* Replace the last word of the line by `word` the way Quagga's vty does
 * it on the wire: back over the typed part, write the whole word. */
static void complete_word(struct vty_sess *s, const char *word, bool blank)
{
	size_t n = s->blen, wl = strlen(word);

	while (n && s->buf[n - 1] != ' ') {
		n--;
		echo(s, "\b", 1);
	}
	if (n + wl + 2 >= VTY_LINE_MAX)
		wl = VTY_LINE_MAX - 2 - n;
	memcpy(s->buf + n, word, wl);
	echo(s, word, wl);
	s->blen = s->cp = n + wl;
	if (blank)
		ed_insert(s, ' ');
}

/* TAB: a new line, then (a list of keywords and) the prompt and the line,
 * completed when one keyword or a longer common prefix fits. */
static void term_complete(struct vty_sess *s)
{
	struct cmd_help_list l;
	char *word = NULL;
	int ret = cmd_complete(s->vty.node, line_text(s), &word, &l);

	s->page_left = -1;
	s->cp = s->blen;
	vty_write_raw(s, "\r\n", 2);
	if (ret == CMD_ERR_AMBIGUOUS) {
		vty_out(&s->vty, "%% Ambiguous command.\n");
	} else if (ret == CMD_COMPLETE_LIST_MATCH) {
		cmd_print_complete_list(&s->vty, &l);
		cmd_help_free(&l);
	}
	vty_release_all(s);
	redraw(s);
	if (word)
		complete_word(s, word, ret == CMD_COMPLETE_FULL_MATCH);
	free(word);
}

/* ---- login ----------------------------------------------------------- */

static bool password_ok(const char *typed, const char *plain, const char *enc)
{
	if (host.encrypt) {
		const char *c;

		if (!enc)
			return false;
		c = crypt(typed, enc);
		return c && !strcmp(c, enc);
	}
	return plain && !strcmp(typed, plain);
}

static void term_auth(struct vty_sess *s, const char *line)
{
	bool login = s->vty.node == AUTH_NODE;
	bool ok = login ? password_ok(line, host.password, host.password_encrypt)
			: password_ok(line, host.enable, host.enable_encrypt);

	if (ok) {
		s->fail = 0;
		if (!login)
			s->vty.node = ENABLE_NODE;
		else if (host.advanced && !host.enable && !host.enable_encrypt)
			s->vty.node = ENABLE_NODE;
		else
			s->vty.node = VIEW_NODE;
		return;
	}
	if (++s->fail < 3)
		return;
	if (login) {
		vty_out(&s->vty, "%% Bad passwords, too many failures!\n");
		s->status = VST_CLOSE;
	} else {
		vty_out(&s->vty, "%% Bad enable passwords, too many failures!\n");
		s->fail = 0;
		s->vty.node = host.restricted_mode ? RESTRICTED_NODE : VIEW_NODE;
	}
}

/* ---- input ----------------------------------------------------------- */

static void term_execute(struct vty_sess *s)
{
	char *line = line_text(s);

	vty_write_raw(s, "\r\n", 2);
	s->cp = 0;
	if (s->discarding) {
		s->discarding = false;
		s->blen = 0;
		s->page_left = -1;
		vty_out(&s->vty, "%% Line too long (over %d characters), discarded.\n",
			VTY_LINE_MAX - 1);
		vty_sess_after_command(s);
		return;
	}
	if (s->vty.node == AUTH_NODE || s->vty.node == AUTH_ENABLE_NODE) {
		s->in_cmd = true;
		term_auth(s, line);
		s->blen = 0;
		vty_sess_after_command(s);
		return;
	}
	/* the line joins the history after it ran: `show history` does not
	 * list itself the first time (Quagga) */
	vty_sess_command(s, line);
	hist_add(s, line);
	s->blen = 0;
	vty_sess_after_command(s);
}

static bool config_node(enum node_type n)
{
	return n >= CONFIG_NODE;
}

static void leave_config(struct vty_sess *s)
{
	if (config_node(s->vty.node)) {
		vty_config_unlock(&s->vty);
		vty_enter_node(&s->vty, ENABLE_NODE, NULL);
	}
}

static void ctrl_c(struct vty_sess *s)
{
	s->blen = s->cp = 0;
	s->hp = s->hindex;
	vty_write_raw(s, "\r\n", 2);
	leave_config(s);
	redraw(s);
}

static void ctrl_z(struct vty_sess *s)
{
	s->blen = s->cp = 0;
	vty_write_raw(s, "\r\n", 2);
	leave_config(s);
	redraw(s);
}

static void ctrl_d(struct vty_sess *s)
{
	if (s->blen) {
		ed_delete(s);
		return;
	}
	if (s->vty.node == AUTH_NODE || s->vty.node == AUTH_ENABLE_NODE)
		return;
	/* like typing exit */
	vty_write_raw(s, "\r\n", 2);
	vty_sess_command(s, "exit");
	vty_sess_after_command(s);
}

static void key(struct vty_sess *s, unsigned char c)
{
	if (s->esc == 1) {
		s->esc = c == '[' ? 2 : 0;
		if (c == 'b')
			ed_word_back(s);
		else if (c == 'f')
			ed_word_forward(s);
		return;
	}
	if (s->esc == 2) {
		s->esc = 0;
		switch (c) {
		case 'A': hist_prev(s); break;
		case 'B': hist_next(s); break;
		case 'C': ed_forward(s); break;
		case 'D': ed_back(s); break;
		default: break;
		}
		return;
	}
	switch (c) {
	case 0x1b: s->esc = 1; break;
	case CTRL('A'): ed_bol(s); break;
	case CTRL('B'): ed_back(s); break;
	case CTRL('C'): ctrl_c(s); break;
	case CTRL('D'): ctrl_d(s); break;
	case CTRL('E'): ed_eol(s); break;
	case CTRL('F'): ed_forward(s); break;
	case CTRL('H'):
	case 0x7f: ed_backspace(s); break;
	case CTRL('K'): ed_kill_eol(s); break;
	case CTRL('N'): hist_next(s); break;
	case CTRL('P'): hist_prev(s); break;
	case CTRL('U'): ed_kill_line(s); break;
	case CTRL('W'): ed_kill_word(s); break;
	case CTRL('Z'): ctrl_z(s); break;
	case '\r':
	case '\n': term_execute(s); break;
	case '\t':
		if (echo_on(s))
			term_complete(s);
		break;
	case '?':
		if (echo_on(s))
			term_describe(s);
		else
			ed_insert(s, (char)c);
		break;
	default:
		if (c >= 0x20 && c != 0x7f)
			ed_insert(s, (char)c);
		break;
	}
}

static void telnet_sb(struct vty_sess *s)
{
	if (s->sb_len >= 5 && s->sb[0] == TELOPT_NAWS) {
		s->width = (s->sb[1] << 8) | s->sb[2];
		s->height = (s->sb[3] << 8) | s->sb[4];
	}
}

/* Telnet layer: returns true if c is a data byte for the editor. */
static bool telnet_byte(struct vty_sess *s, unsigned char c)
{
	switch (s->iac) {
	case 0:
		if (c == IAC) {
			s->iac = 1;
			return false;
		}
		return true;
	case 1:		/* after IAC */
		if (c == IAC) {
			s->iac = 0;
			return false;	/* a literal 255: not text */
		}
		if (c == WILL || c == WONT || c == DO || c == DONT)
			s->iac = 2;
		else if (c == SB) {
			s->iac = 3;
			s->sb_len = 0;
		} else
			s->iac = 0;
		return false;
	case 2:		/* option byte */
		s->iac = 0;
		return false;
	case 3:		/* inside SB */
		if (c == IAC)
			s->iac = 4;
		else if (s->sb_len < (int)sizeof(s->sb))
			s->sb[s->sb_len++] = c;
		return false;
	case 4:		/* IAC inside SB */
		if (c == SE) {
			telnet_sb(s);
			s->iac = 0;
		} else {
			if (c == IAC && s->sb_len < (int)sizeof(s->sb))
				s->sb[s->sb_len++] = c;
			s->iac = 3;
		}
		return false;
	}
	s->iac = 0;
	return false;
}

/*
 * Bytes from the client, through the telnet layer into the pager or the
 * line editor. Everything this produces lands in the session's buffers
 * (echo, command output, prompts) or its status (VST_CLOSE); it never
 * touches the socket and never frees the session, so it can be driven
 * without one (tests/fuzz/fuzz_telnet.c).
 */
void vty_term_input(struct vty_sess *s, const unsigned char *buf, size_t n)
{
	for (size_t i = 0; i < n && s->status != VST_CLOSE; i++) {
		if (!telnet_byte(s, buf[i]))
			continue;
		if (s->status == VST_MORE) {
			vty_more_key(s, buf[i]);
			continue;
		}
		if (s->in_cmd)
			continue;	/* typed during a long output: dropped */
		key(s, buf[i]);
	}
}

static void term_read(struct event *ev)
{
	struct vty_sess *s = event_arg(ev);
	unsigned char buf[4096];
	ssize_t n = read(s->vty.fd, buf, sizeof(buf));

	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR &&
		       errno != EWOULDBLOCK)) {
		term_finish(s);
		return;
	}
	if (n > 0) {
		vty_timeout_reset(s);
		vty_term_input(s, buf, (size_t)n);
	}
	if (s->status == VST_CLOSE) {
		if (s->wlen == s->woff) {
			term_finish(s);
			return;
		}
		term_kick(s);
		return;
	}
	term_kick(s);
	schedule_read(s);
}

/* ---- accept ---------------------------------------------------------- */

static void sockaddr_str(const struct sockaddr *sa, char *buf, size_t size)
{
	const void *a = sa->sa_family == AF_INET6
				? (const void *)&((const struct sockaddr_in6 *)sa)->sin6_addr
				: (const void *)&((const struct sockaddr_in *)sa)->sin_addr;

	if (!inet_ntop(sa->sa_family, a, buf, (socklen_t)size))
		snprintf(buf, size, "?");
	/* v4-mapped addresses print as plain IPv4 */
	if (!strncmp(buf, "::ffff:", 7) && strchr(buf, '.'))
		memmove(buf, buf + 7, strlen(buf + 7) + 1);
}

static void term_start(struct vty_sess *s)
{
	static const unsigned char nego[] = {
		IAC, WILL, TELOPT_ECHO, IAC, WILL, TELOPT_SGA,
		IAC, DONT, TELOPT_LINEMODE, IAC, DO, TELOPT_NAWS,
	};
	bool need_pw = !host.no_login;

	if (need_pw && !host.password && !host.password_encrypt) {
		vty_write_raw(s, "Vty password is not set.\r\n", 26);
		s->status = VST_CLOSE;
		return;
	}
	vty_write_raw(s, nego, sizeof(nego));
	s->in_cmd = true;
	if (host.motdfile || host.motd)
		vty_out(&s->vty, "%s", host_motd_text());
	if (need_pw) {
		vty_out(&s->vty, "\nUser Access Verification\n\n");
		s->vty.node = AUTH_NODE;
	} else if (host.restricted_mode) {
		s->vty.node = RESTRICTED_NODE;
	} else {
		s->vty.node = host.advanced ? ENABLE_NODE : VIEW_NODE;
	}
	vty_sess_after_command(s);
}

/* A telnet session on an accepted socket (or fd -1: no socket at all),
 * greeted and ready for input. Its status is VST_CLOSE when the greeting
 * already ends it ("Vty password is not set."). */
struct vty_sess *vty_term_open(int fd, const char *peer)
{
	struct vty_sess *s = vty_sess_new(fd, VTY_TERM, &term_tp);

	nsessions++;
	snprintf(s->addr, sizeof(s->addr), "%s", peer ? peer : "?");
	term_start(s);
	return s;
}

/* End a session now: what is queued goes out if the socket takes it. */
void vty_term_close(struct vty_sess *s)
{
	term_finish(s);
}

static bool access_permitted(const struct sockaddr *sa)
{
	const char *name = sa->sa_family == AF_INET6 &&
			   !IN6_IS_ADDR_V4MAPPED(&((const struct sockaddr_in6 *)sa)->sin6_addr)
			   ? host.ipv6_access_class : host.access_class;

	if (!name || !vty_access_hook)
		return true;
	return vty_access_hook(name, sa);
}

static void term_accept(struct event *ev)
{
	struct listener *l = event_arg(ev);

	for (int k = 0; k < 32; k++) {
		struct sockaddr_storage ss;
		socklen_t slen = sizeof(ss);
		struct vty_sess *s;
		char a[INET6_ADDRSTRLEN];
		int one = 1, fd;

		fd = accept4(l->fd, (struct sockaddr *)&ss, &slen,
			     SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0)
			break;
		if (!access_permitted((struct sockaddr *)&ss) ||
		    nsessions >= MAX_SESSIONS) {
			sockaddr_str((struct sockaddr *)&ss, a, sizeof(a));
			zlog_info("Vty connection refused from %s", a);
			close(fd);
			continue;
		}
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		sockaddr_str((struct sockaddr *)&ss, a, sizeof(a));
		zlog_info("Vty connection from %s", a);
		s = vty_term_open(fd, a);
		if (s->status == VST_CLOSE) {
			term_finish(s);
			continue;
		}
		vty_timeout_reset(s);
		term_kick(s);
		schedule_read(s);
	}
	event_add_read(vty_loop, term_accept, l, l->fd, &l->ev);
}

static int listen_one(const struct sockaddr *sa, socklen_t len)
{
	int one = 1, fd;

	if (nlisteners >= MAX_LISTENERS)
		return -1;
	fd = socket(sa->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (sa->sa_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind(fd, sa, len) < 0 || listen(fd, 32) < 0) {
		zlog_err("vty: can't listen: %s", strerror(errno));
		close(fd);
		return -1;
	}
	listeners[nlisteners].fd = fd;
	listeners[nlisteners].ev = NULL;
	if (vty_loop)
		event_add_read(vty_loop, term_accept, &listeners[nlisteners], fd,
			       &listeners[nlisteners].ev);
	nlisteners++;
	return 0;
}

int vty_term_listen(const char *addr, unsigned short port)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM,
				  .ai_flags = AI_PASSIVE | AI_NUMERICHOST };
	struct addrinfo *res, *ai;
	char portstr[8];
	int ok = 0, err;

	snprintf(portstr, sizeof(portstr), "%u", port);
	if (!addr) {
		struct sockaddr_in s4 = { .sin_family = AF_INET,
					  .sin_port = htons(port) };
		struct sockaddr_in6 s6 = { .sin6_family = AF_INET6,
					   .sin6_port = htons(port),
					   .sin6_addr = IN6ADDR_ANY_INIT };

		if (listen_one((struct sockaddr *)&s4, sizeof(s4)) == 0)
			ok++;
		if (listen_one((struct sockaddr *)&s6, sizeof(s6)) == 0)
			ok++;
		return ok ? 0 : -1;
	}
	err = getaddrinfo(addr, portstr, &hints, &res);
	if (err) {
		zlog_err("vty: bad address %s: %s", addr, gai_strerror(err));
		return -1;
	}
	for (ai = res; ai; ai = ai->ai_next)
		if (listen_one(ai->ai_addr, ai->ai_addrlen) == 0)
			ok++;
	freeaddrinfo(res);
	return ok ? 0 : -1;
}

void vty_term_terminate(void)
{
	for (int i = 0; i < nlisteners; i++) {
		event_cancel(&listeners[i].ev);
		close(listeners[i].fd);
	}
	nlisteners = 0;
	nsessions = 0;
}

/* `who` */
void vty_who(struct vty *vty)
{
	/* Quagga lists its vtys by socket number, lowest first */
	int last = -1;

	for (int round = 0; round < MAX_SESSIONS + 1; round++) {
		struct vty_sess *next = NULL;

		for (struct vty_sess *s = vty_sessions; s; s = s->next)
			if (s->vty.type == VTY_TERM && s->vty.fd > last &&
			    (!next || s->vty.fd < next->vty.fd))
				next = s;
		if (!next)
			break;
		vty_out(vty, "%svty[%d] connected from %s.\n",
			vty_config_owner() == &next->vty ? "*" : " ",
			next->vty.fd, next->addr);
		last = next->vty.fd;
	}
}
