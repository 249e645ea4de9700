/*
 * The vty: one CLI session (telnet, the Unix socket used by vtysh, or a
 * config file being read), and the vty server of a daemon.
 *
 * vty_out() takes "\n" line ends; the telnet transport turns them into
 * CRLF. Output to a slow reader is buffered up to a bound and never blocks
 * the loop.
 */
#ifndef TARPAN_VTY_H
#define TARPAN_VTY_H

#include <stdbool.h>
#include <stddef.h>
#include "command.h"

struct event_loop;

enum vty_type {
	VTY_TERM,	/* telnet */
	VTY_SHELL,	/* Unix socket, vtysh */
	VTY_FILE,	/* reading a config file */
};

struct vty {
	enum vty_type type;
	enum node_type node;
	int fd;
	/* Context of the current sub-node (e.g. the interface of config-if,
	 * the route-map entry of config-route-map); set by the command that
	 * entered the node. */
	void *index;
	void *index_sub;
	/* while reading a file: its name and the current line number */
	const char *file;
	unsigned lineno;
	void *priv;	/* transport-private state */
};

int vty_out(struct vty *vty, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Kept so that code written in Quagga's habit reads naturally. */
#define VTY_NEWLINE "\n"

/*
 * Start-up. `daemon_name` names the daemon ("zebra"), `default_port` is its
 * Quagga vty port. vty_serve() opens the TCP listener (addr NULL = any;
 * port 0 = no TCP vty) and the Unix socket `unix_path` (NULL = none).
 */
void vty_init(struct event_loop *loop, const char *daemon_name);
int vty_serve(const char *addr, unsigned short port, const char *unix_path);
void vty_terminate(void);

/*
 * Read a config file as one transaction. Every bad line is reported as
 * "FILE:LINE: % message" with the line itself, and the rest of the file
 * still loads. Returns the number of bad lines (0 = clean), -1 if the file
 * could not be opened (after trying FILE.sav as Quagga).
 */
int vty_read_config(const char *path);
/* The file `write memory` writes to (set by vty_read_config or -f). */
void vty_set_config_file(const char *path);
const char *vty_get_config_file(void);

/* Go to a sub-node with a context pointer (used by e.g. `interface IFNAME`). */
void vty_enter_node(struct vty *vty, enum node_type node, void *index);

/*
 * Additions by the CLI implementation.
 */
#include <sys/socket.h>

/* Execute a line as typed (relaxed matching, parent-node fallback) and
 * print Quagga's error line when it fails. Returns the CMD_* status. */
int vty_command(struct vty *vty, const char *line);

/* The config blocks of every node in node order, "!" after each block
 * whose writer returned > 0 (the body of `show running-config`). */
void vty_write_config_blocks(struct vty *vty);
/* `write memory`: Quagga's file layout, temp file + fsync + .sav link +
 * rename + chmod 0600. Prints the result to vty; returns CMD_*. */
int vty_write_config_file(struct vty *vty);

/*
 * Output too large to produce in one go (a full BGP table): a handler
 * calls vty_produce() and returns. `fn` is called again each time the
 * session's buffered output drains below a low-water mark, until it
 * returns true (done); only then does the prompt (or, for vtysh, the
 * status trailer) follow. For a file vty, fn runs to completion at once.
 */
typedef bool (*vty_producer_fn)(struct vty *vty, void *arg);
void vty_produce(struct vty *vty, vty_producer_fn fn, void *arg);
/* The same, for an `arg` that must be freed: when the output is abandoned
 * before fn returned true (`q` at --More--, the client went away, the
 * session hit its output bound), release(arg) is called instead. */
void vty_produce_release(struct vty *vty, vty_producer_fn fn,
			 void (*release)(void *arg), void *arg);
/* Bytes of output buffered and not yet sent. */
size_t vty_out_pending(const struct vty *vty);

/*
 * access-class: the filter engineer's `access_list_apply` plugs in here
 * (returns true when the connection is permitted). Without a hook, or
 * without `access-class` configured, everyone may connect.
 */
void vty_set_access_hook(bool (*fn)(const char *list_name,
				    const struct sockaddr *peer));

/* Log lines for `terminal monitor` sessions (registered with log.h). */
void vty_log_monitor(int prio, const char *line, size_t len);

/* A vty that collects output in memory (tests, vtysh integration). */
struct vty *vty_new_buffer(enum node_type node);
const char *vty_buffer_text(struct vty *vty);	/* NUL-terminated */
void vty_buffer_clear(struct vty *vty);
void vty_free_buffer(struct vty *vty);

/*
 * The Unix-socket protocol (vtysh <-> daemon, <daemon>.vty), Quagga's:
 *   client -> daemon: one command line, terminated by '\0' (a '\n' is
 *                     accepted as terminator too); lines over 4 KB are
 *                     rejected with "% Line too long".
 *   daemon -> client: the command's output ("\n" line ends, no prompt,
 *                     no echo, no paging), then 4 bytes 0, 0, 0, status
 *                     (the CMD_* code: 0 success, 1 warning, 2 unknown,
 *                     3 ambiguous, 4 incomplete, ...).
 * The session starts in VIEW_NODE; `enable` never asks for a password.
 * The node persists across lines of one connection.
 */

/*
 * vtysh queries (lib/vty_query.c; added by the vtysh engineer): a request
 * line on the Unix socket starting with VTY_QUERY_BYTE is a query, not a
 * command: "node", "match N S LINE", "help N LINE", "complete N LINE"
 * (described in vty_query.c). Returns the CMD_* status for the trailer.
 */
#define VTY_QUERY_BYTE '\x01'
int vty_query(struct vty *vty, const char *req);

#endif
