/*
 * Internals shared by the vty modules (vty.c: sessions, output, config
 * files; vty_term.c: telnet transport and line editor; vty_unix.c: the
 * vtysh socket) and cmd_common.c (the commands that change host settings).
 * Not for daemons.
 */
#ifndef TARPAN_VTY_PRIVATE_H
#define TARPAN_VTY_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#include "vty.h"

#define VTY_LINE_MAX 4096		/* input line cap; excess is discarded */
#define VTY_OUT_MAX (4u << 20)		/* per-session output bound */
#define VTY_OUT_LOW (64u << 10)		/* producers refill below this */
#define VTY_HIST_MAX 20
#define VTY_TIMEOUT_DEFAULT 600		/* seconds */
#define VTY_MAXHIST VTY_HIST_MAX

/* Daemon-wide settings of the shared commands (Quagga's "host"). */
struct host_settings {
	char *name;			/* hostname; NULL = uname */
	char *password;			/* plain */
	char *password_encrypt;
	char *enable;
	char *enable_encrypt;
	bool encrypt;			/* service password-encryption */
	bool advanced;			/* service advanced-vty */
	int lines;			/* service terminal-length, -1 unset */
	bool motd;			/* banner motd default (true) / no banner */
	char *motdfile;
	char *config_file;
	/* line vty */
	long timeout_s;			/* exec-timeout in seconds, 0 = none */
	char *access_class;
	char *ipv6_access_class;
	bool no_login;
	bool restricted_mode;
	bool log_commands;
};
extern struct host_settings host;

enum vty_status { VST_NORMAL, VST_CLOSE, VST_MORE };

struct vty_sess;
struct vty_transport {
	void (*kick)(struct vty_sess *s);	/* output queued: schedule write */
	void (*close)(struct vty_sess *s);	/* finish now (from a callback) */
	void (*after)(struct vty_sess *s);	/* a command has finished */
};

struct vty_sess {
	struct vty vty;
	const struct vty_transport *tp;
	struct vty_sess *next, *prev;
	enum vty_status status;
	char addr[64];
	bool monitor;
	bool in_cmd;			/* a command is running / producing */
	int fail;			/* bad passwords */

	/* output: [sent, released) may go out; [released, len) waits for
	 * the pager */
	char *out;
	size_t len, cap, released;
	char *wire;
	size_t wlen, wcap, woff;
	int last_status;
	bool overflow;
	vty_producer_fn producer;
	void *producer_arg;
	void (*producer_release)(void *arg);	/* output abandoned */

	/* terminal */
	int width, height;		/* NAWS; 0 = unknown */
	int lines;			/* terminal length; -1 = window */
	int page_left;			/* lines left on this page */

	/* line editor */
	char buf[VTY_LINE_MAX];
	size_t blen, cp;
	bool discarding;		/* line overflowed */
	int iac, sb_len, esc;
	unsigned char sb[16];
	char *hist[VTY_HIST_MAX];
	int hindex, hp;

	/* shell framing */
	char *sbuf;
	size_t slen;

	struct event *t_read, *t_write, *t_timeout, *t_produce;
	long timeout_s;
	int64_t connected_ms;
};

extern struct event_loop *vty_loop;
extern const char *vty_daemon_name;
extern struct vty_sess *vty_sessions;

/* vty.c */
struct vty_sess *vty_sess_new(int fd, enum vty_type type,
			      const struct vty_transport *tp);
void vty_sess_free(struct vty_sess *s);
void vty_sess_close(struct vty_sess *s);	/* at a safe point */
int vty_sess_command(struct vty_sess *s, const char *line);
void vty_sess_after_command(struct vty_sess *s);
void vty_release_all(struct vty_sess *s);
void vty_drop_pending(struct vty_sess *s);
void vty_write_raw(struct vty_sess *s, const void *p, size_t n);
void vty_prompt(struct vty_sess *s);
void vty_timeout_reset(struct vty_sess *s);
int vty_flush_fd(struct vty_sess *s);		/* 1 done, 0 again, -1 error */
void vty_run_producer(struct vty_sess *s);
void vty_more_key(struct vty_sess *s, int c);

/* vty_term.c */
int vty_term_listen(const char *addr, unsigned short port);
void vty_term_terminate(void);
void vty_term_describe(struct vty_sess *s);
/* The telnet session without the event loop (also for the fuzz target):
 * open greets, input feeds client bytes, drained says the socket took all
 * queued output, close ends and frees the session. */
struct vty_sess *vty_term_open(int fd, const char *peer);
void vty_term_input(struct vty_sess *s, const unsigned char *buf, size_t n);
void vty_term_drained(struct vty_sess *s);
void vty_term_close(struct vty_sess *s);
void vty_hist_free(struct vty_sess *s);
extern bool (*vty_access_hook)(const char *name, const struct sockaddr *sa);

/* vty_unix.c */
int vty_unix_listen(const char *path);
void vty_unix_terminate(void);

/* cmd_common.c */
void cmd_common_init(void);
void cmd_common_terminate(void);
const char *host_motd_text(void);

/* config lock */
bool vty_config_lock(struct vty *vty);
void vty_config_unlock(struct vty *vty);
struct vty *vty_config_owner(void);

/* vty_term.c, for the shared commands */
void vty_show_history(struct vty *vty);
void vty_who(struct vty *vty);

#endif
