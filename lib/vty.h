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

#endif
