/*
 * The common per-daemon settings on the northbound (yang/tarpan-system.yang):
 * hostname, passwords, services, banner, logging and `line vty`. The CLI
 * handlers (cmd_common.c, cmd_log.c, cmd_line.c) edit the tree; the
 * callbacks in cmd_nb.c apply it to the host settings and log.h; the
 * CONFIG_NODE and VTY_NODE blocks are rendered from the tree.
 */
#ifndef TARPAN_CMD_NB_H
#define TARPAN_CMD_NB_H

#include "northbound.h"

#define SYS_XP "/tarpan-system:system"
#define SYS_LOG_XP SYS_XP "/log"
#define SYS_LINE_XP SYS_XP "/line-vty"

extern const struct nb_module cmd_nb_module;

/* Register the module (from cmd_common_init_nodes); idempotent. */
void cmd_nb_init(void);
/* Remove the settings from the tree (callbacks restore the defaults) and
 * free the host strings. */
void cmd_nb_terminate(void);
void cmd_nb_host_free(void);

/* Enqueue one edit and apply it: CMD_SUCCESS or CMD_WARNING. */
int cmd_nb_edit(struct vty *vty, const char *xpath, enum nb_op op,
		const char *value);

/* The CONFIG_NODE lines (hostname .. banner) and the line vty block. */
void cmd_nb_host_write(struct vty *vty);
void cmd_nb_line_write(struct vty *vty);

/* Log level / facility names of the YANG module <-> syslog numbers. */
int cmd_nb_level(const char *name);
/* The level of a destination without a level leaf (log trap or debugging)
 * under the given system/log node (NULL: none). */
int cmd_nb_log_default(const struct lyd_node *log);

#endif
