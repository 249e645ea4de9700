/*
 * vtysh, the integrated shell: one shell over every running daemon.
 *
 * vtysh holds no copy of the daemons' command tables. It talks Quagga's
 * Unix vty protocol to each daemon's <daemon>.vty socket, plus Tarpan's
 * query extension (lib/vty_query.c) to ask a daemon whether a line matches
 * in a node, for `?` help and TAB candidates, and for its current node.
 *
 * A line goes to every connected daemon that has a command for it in the
 * shell's node, in the fixed order zebra, ripd, ospfd, bgpd, vrrpd; output
 * is concatenated. When no daemon takes it, the shell walks up to the
 * parent node as Quagga's vtysh does and moves the daemons with it. A few
 * commands are the shell's own (vtysh_local.c): the merged configuration,
 * write memory, exit/end, show daemons, the integrated-config switch.
 *
 * Files: vtysh_main.c (options, start), vtysh_client.c (sockets),
 * vtysh_exec.c (dispatch), vtysh_local.c (own commands), vtysh_config.c
 * (merged config, write, boot), vtysh_readline.c (line editing, ?, TAB),
 * vtysh_user.c (vtysh.conf).
 */
#ifndef TARPAN_VTYSH_H
#define TARPAN_VTYSH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "memory.h"

DECLARE_MTYPE(VTYSH);

#define VTYSH_NDAEMONS 5

struct vtysh_client {
	const char *name;	/* "zebra" */
	int fd;			/* -1: not connected */
	bool wanted;		/* all, or the one given with -d */
	bool warned;		/* "not running" already said for this outage */
	int node;		/* the daemon session's node, as last asked */
	char prompt[64];	/* its prompt format for that node */
};

/* A growing text buffer (always NUL-terminated once used). */
struct vbuf {
	char *p;
	size_t len, cap;
};
void vbuf_add(struct vbuf *b, const char *s, size_t n);
void vbuf_addstr(struct vbuf *b, const char *s);
void vbuf_reset(struct vbuf *b);
void vbuf_free(struct vbuf *b);

struct vtysh_user {
	char *name;
	bool nopassword;
	struct vtysh_user *next;
};

struct vtysh {
	struct vtysh_client client[VTYSH_NDAEMONS];
	char *vty_dir;		/* where the <daemon>.vty sockets are */
	char *conf_dir;		/* vtysh.conf, Quagga.conf */
	int node;		/* the shell's node */
	char prompt_fmt[64];	/* format of its prompt ("%s# ") */
	char *hostname;		/* from vtysh.conf; NULL = the system's */
	bool integrated;	/* service integrated-vtysh-config */
	struct vtysh_user *users;
	bool echo;		/* -E */
	bool interactive;
	bool quit;		/* exit / quit at the top level */
	const char *pager;	/* VTYSH_PAGER; NULL = none */
	bool pager_off;		/* terminal length 0 */
	FILE *out;		/* where command output goes */
};

/* vtysh_client.c */
typedef void (*vtysh_sink)(const char *buf, size_t n, void *arg);
void vtysh_clients_init(struct vtysh *vs);
/* -d NAME: only that daemon; -1 if there is no such daemon. */
int vtysh_clients_only(struct vtysh *vs, const char *name);
struct vtysh_client *vtysh_client_by_name(struct vtysh *vs, const char *name);
/* Connect (and bring the session to the shell's level); 0 ok, -1 down. */
int vtysh_client_connect(struct vtysh *vs, struct vtysh_client *c);
/* Connect every wanted daemon that is down; returns how many are up. */
int vtysh_connect_all(struct vtysh *vs);
void vtysh_client_close(struct vtysh_client *c);
void vtysh_clients_close(struct vtysh *vs);
/*
 * Send one line, pass the output to sink (NULL = drop) as it arrives.
 * Returns the status byte, or -1 when the daemon went away (then closed).
 */
int vtysh_client_run(struct vtysh_client *c, const char *line,
		     vtysh_sink sink, void *arg);
/* An exec-level command, with "do " when the session is configuring. */
int vtysh_client_run_exec(struct vtysh_client *c, const char *cmd,
			  vtysh_sink sink, void *arg);
/* Same as vtysh_client_run, output collected into out (reset first). */
int vtysh_client_capture(struct vtysh_client *c, const char *line,
			 struct vbuf *out);
/* Ask the daemon for its node and prompt; -1 if it went away. */
int vtysh_client_sync_node(struct vtysh_client *c);
void vtysh_sink_file(const char *buf, size_t n, void *arg);
void vtysh_sink_vbuf(const char *buf, size_t n, void *arg);	/* arg: vbuf */

/* vtysh_exec.c */
/* Run one line as typed (relaxed) or from a file (strict); CMD_* status. */
int vtysh_execute(struct vtysh *vs, const char *line, bool strict);
/* The prompt for the shell's node. */
const char *vtysh_prompt(struct vtysh *vs);
/* Daemons that are up and whose session is in the shell's node. */
bool vtysh_client_in_node(const struct vtysh *vs, const struct vtysh_client *c);
/* Send `line` to the daemons in the shell's node, output to vs->out. */
int vtysh_send_in_node(struct vtysh *vs, const char *line);
/* "% ripd is not running" for the down daemons that a line concerns. */
bool vtysh_report_down(struct vtysh *vs, const char *line);

/* vtysh_local.c */
/*
 * The shell's own commands. Returns -1 if the line is not one of them,
 * else the CMD_* status. A local command is not run if a daemon finds
 * the same line ambiguous.
 */
int vtysh_local(struct vtysh *vs, const char *line);
/* `?` / TAB candidates of the shell's own commands for a partial line. */
typedef void (*vtysh_cand_fn)(const char *text, const char *help, bool literal,
			      void *arg);
void vtysh_local_help(struct vtysh *vs, const char *line, vtysh_cand_fn add,
		      void *arg);

/* vtysh_config.c */
/* Merge daemons' config blocks into Quagga's order. */
struct vtysh_conf;
struct vtysh_conf *vtysh_conf_new(void);
void vtysh_conf_free(struct vtysh_conf *cf);
void vtysh_conf_parse(struct vtysh_conf *cf, const char *text);
void vtysh_conf_parse_line(struct vtysh_conf *cf, const char *line);
void vtysh_conf_dump(struct vtysh_conf *cf, struct vbuf *out);
/* Collect the merged config of the daemons (one or all) into out. */
int vtysh_config_collect(struct vtysh *vs, struct vtysh_client *only,
			 struct vbuf *out);
int vtysh_show_running(struct vtysh *vs, struct vtysh_client *only);
int vtysh_write_memory(struct vtysh *vs);
/* vtysh -b: apply Quagga.conf (path NULL = conf_dir/Quagga.conf). */
int vtysh_boot(struct vtysh *vs, const char *path, bool dryrun);

/* vtysh_readline.c */
int vtysh_readline_loop(struct vtysh *vs);

/* vtysh_user.c */
/* Read vtysh.conf; returns bad lines, -1 if absent. */
int vtysh_read_own_config(struct vtysh *vs, const char *path);
/* A line of vtysh.conf's own commands; -1 if not one of them. */
int vtysh_user_command(struct vtysh *vs, const char *line);
void vtysh_users_free(struct vtysh *vs);

#endif
