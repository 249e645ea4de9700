/*
 * Callbacks and rendering of yang/tarpan-system.yang: the settings every
 * daemon has. The runtime state stays where it was (the host settings of
 * vty_private.h, log.h's levels and file); the tree is its source.
 *
 * The module is small and of bounded size, so each part is re-applied
 * whole from the tree when anything in it changes (apply_finish on
 * system, system/log and system/line-vty): O(1) per command. Logging
 * remembers what it applied last, so that a log file is reopened only when
 * its name or level changed and a destination the configuration never
 * named (stdout of a daemon in the foreground) is left alone.
 */
#include "config.h"

#include <libyang/libyang.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_common.h"
#include "cmd_nb.h"
#include "log.h"
#include "memory.h"
#include "vty_private.h"

DEFINE_MTYPE_STATIC(SYS_CFG, "System config");

static void set_str(char **dst, const char *src)
{
	if (*dst && src && strcmp(*dst, src) == 0)
		return;
	tp_free(&MTYPE_SYS_CFG, *dst);
	*dst = src ? tp_strdup(&MTYPE_SYS_CFG, src) : NULL;
}

int cmd_nb_level(const char *name)
{
	static const char *const names[] = { "emergencies", "alerts", "critical",
		"errors", "warnings", "notifications", "informational", "debugging" };

	for (int i = 0; name && i < 8; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

int cmd_nb_edit(struct vty *vty, const char *xpath, enum nb_op op,
		const char *value)
{
	nb_cli_enqueue_change(vty, xpath, op, value);
	return nb_cli_apply_changes(vty) == CMD_SUCCESS ? CMD_SUCCESS : CMD_WARNING;
}

/* ---- host ------------------------------------------------------------------ */

static void host_load(const struct lyd_node *sys)
{
	const struct lyd_node *banner = sys ? nb_child(sys, "banner") : NULL;
	const char *v;
	uint32_t u;

	v = sys ? nb_child_value(sys, "hostname") : NULL;
	if (!v || !cmd_hostname_is_set() || strcmp(v, cmd_hostname_get()) != 0)
		cmd_hostname_set(v);
	set_str(&host.password, sys ? nb_child_value(sys, "password") : NULL);
	set_str(&host.password_encrypt,
		sys ? nb_child_value(sys, "password-encrypted") : NULL);
	set_str(&host.enable, sys ? nb_child_value(sys, "enable-password") : NULL);
	set_str(&host.enable_encrypt,
		sys ? nb_child_value(sys, "enable-password-encrypted") : NULL);
	host.encrypt = sys && nb_child(sys, "password-encryption");
	host.advanced = sys && nb_child(sys, "advanced-vty");
	host.lines = sys && nb_child_u32(sys, "terminal-length", &u) ? (int)u : -1;
	host.motd = !(banner && nb_child(banner, "motd-disabled"));
	set_str(&host.motdfile, banner ? nb_child_value(banner, "motd-file") : NULL);
}

/* ---- logging --------------------------------------------------------------- */

static struct {
	bool on[LOG_DEST_COUNT];	/* configured when last applied */
	char *file;
	int file_level;
	bool trap;
} applied;

/* A destination without a level leaf is at the trap level (log trap,
 * deprecated; Quagga's default level), else at debugging. */
int cmd_nb_log_default(const struct lyd_node *log)
{
	int l = log ? cmd_nb_level(nb_child_value(log, "trap")) : -1;

	return l < 0 ? zlog_default_level() : l;
}

static int dest_level(const struct lyd_node *d)
{
	int l = cmd_nb_level(nb_child_value(d, "level"));

	return l < 0 ? cmd_nb_log_default(lyd_parent(d)) : l;
}

static void log_dest(enum log_dest dest, const struct lyd_node *d)
{
	if (d) {
		zlog_set_level(dest, dest_level(d));
		applied.on[dest] = true;
	} else if (applied.on[dest]) {
		zlog_set_level(dest, LOG_DISABLED);
		applied.on[dest] = false;
	}
}

static void log_file(const struct lyd_node *f)
{
	const char *name = f ? nb_child_value(f, "filename") : NULL;
	int level = f ? dest_level(f) : 0;

	applied.on[LOG_DEST_FILE] = name != NULL;
	if (name) {
		if (applied.file && strcmp(applied.file, name) == 0 &&
		    applied.file_level == level)
			return;
		if (zlog_set_file(name, level) < 0)
			zlog_err("log file %s: cannot open", name);
		set_str(&applied.file, name);
		applied.file_level = level;
	} else if (applied.file) {
		zlog_reset_file();
		set_str(&applied.file, NULL);
	}
}

static void log_load(const struct lyd_node *log)
{
	const struct lyd_node *mon = log ? nb_child(log, "monitor") : NULL;
	const char *fac = log ? nb_child_value(log, "facility") : NULL;
	int trap = log ? cmd_nb_level(nb_child_value(log, "trap")) : -1;
	uint32_t prec;

	log_file(log ? nb_child(log, "file") : NULL);
	log_dest(LOG_DEST_STDOUT, log ? nb_child(log, "stdout") : NULL);
	log_dest(LOG_DEST_SYSLOG, log ? nb_child(log, "syslog") : NULL);
	if (mon) {
		zlog_set_level(LOG_DEST_MONITOR, nb_child(mon, "disabled") ?
			       LOG_DISABLED : dest_level(mon));
		applied.on[LOG_DEST_MONITOR] = true;
	} else if (applied.on[LOG_DEST_MONITOR]) {
		zlog_set_level(LOG_DEST_MONITOR, LOG_DEBUG);
		applied.on[LOG_DEST_MONITOR] = false;
	}
	zlog_set_facility(fac ? zlog_facility_from_name(fac) : LOG_DAEMON);
	zlog_set_record_priority(log && nb_child(log, "record-priority"));
	zlog_set_timestamp_precision(log && nb_child_u32(log, "timestamp-precision",
							  &prec) ? (int)prec : 0);
	host.log_commands = log && nb_child(log, "commands");
	/* log trap also moves destinations on without configuration */
	if (trap >= 0 || applied.trap) {
		for (int d = 0; d < LOG_DEST_COUNT; d++)
			if (!applied.on[d] &&
			    zlog_get_level((enum log_dest)d) != LOG_DISABLED)
				zlog_set_level((enum log_dest)d,
					       trap >= 0 ? trap : LOG_DEBUG);
		applied.trap = trap >= 0;
	}
}

/* ---- line vty -------------------------------------------------------------- */

static void line_load(const struct lyd_node *line)
{
	uint32_t t;

	host.timeout_s = line && nb_child_u32(line, "exec-timeout", &t) ?
		(long)t : VTY_TIMEOUT_DEFAULT;
	set_str(&host.access_class, line ? nb_child_value(line, "access-class") : NULL);
	set_str(&host.ipv6_access_class,
		line ? nb_child_value(line, "ipv6-access-class") : NULL);
	host.no_login = line && nb_child(line, "no-login");
	host.restricted_mode = line && nb_child(line, "anonymous-restricted");
}

/* ---- callbacks ------------------------------------------------------------- */

static void sys_finish(const struct lyd_node *dnode)
{
	host_load(dnode);
}

static int sys_destroy(const struct lyd_node *dnode)
{
	(void)dnode;
	host_load(NULL);
	log_load(NULL);
	line_load(NULL);
	return 0;
}

static void log_finish(const struct lyd_node *dnode)
{
	log_load(dnode);
}

static int log_destroy(const struct lyd_node *dnode)
{
	(void)dnode;
	log_load(NULL);
	return 0;
}

static void line_finish(const struct lyd_node *dnode)
{
	line_load(dnode);
}

static int line_destroy(const struct lyd_node *dnode)
{
	(void)dnode;
	line_load(NULL);
	return 0;
}

static int log_validate(const struct lyd_node *dnode, char *err, size_t errlen)
{
	const struct lyd_node *f = nb_child(dnode, "file");

	if (f && !nb_child(f, "filename")) {
		snprintf(err, errlen, "%% log file needs a file name");
		return -1;
	}
	return 0;
}

static const struct nb_node_cbs sys_cbs[] = {
	{ .xpath = SYS_XP, .destroy = sys_destroy, .apply_finish = sys_finish },
	{ .xpath = SYS_LOG_XP, .destroy = log_destroy, .apply_finish = log_finish,
	  .validate = log_validate },
	{ .xpath = SYS_LINE_XP, .destroy = line_destroy,
	  .apply_finish = line_finish },
	{ .xpath = NULL },
};

const struct nb_module cmd_nb_module = {
	.name = "tarpan-system",
	.nodes = sys_cbs,
};

void cmd_nb_init(void)
{
	nb_module_register(&cmd_nb_module);
}

void cmd_nb_terminate(void)
{
	char err[256];

	if (nb_txn_active() || !nb_find_running(SYS_XP))
		goto out;
	nb_txn_begin();
	if (nb_edit(SYS_XP, NB_OP_DESTROY, NULL, err, sizeof(err)) < 0 ||
	    nb_txn_commit(err, sizeof(err)) < 0)
		nb_txn_abort();
out:
	cmd_nb_host_free();
}

void cmd_nb_host_free(void)
{
	char **strs[] = { &host.password, &host.password_encrypt, &host.enable,
			  &host.enable_encrypt, &host.motdfile, &host.access_class,
			  &host.ipv6_access_class, &applied.file };

	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		set_str(strs[i], NULL);
	host.encrypt = host.advanced = false;
}

/* ---- rendering (Quagga's order) -------------------------------------------- */

static void level_suffix(struct vty *vty, const struct lyd_node *d)
{
	const char *l = nb_child_value(d, "level");

	if (l && cmd_nb_level(l) != cmd_nb_log_default(lyd_parent(d)))
		vty_out(vty, " %s", l);
	vty_out(vty, "\n");
}

static void log_write(struct vty *vty, const struct lyd_node *log)
{
	const struct lyd_node *d;
	const char *v;

	if ((v = nb_child_value(log, "trap")) && strcmp(v, "debugging") != 0) {
		vty_out(vty, "! N.B. The 'log trap' command is deprecated.\n");
		vty_out(vty, "log trap %s\n", v);
	}
	if ((d = nb_child(log, "file")) && (v = nb_child_value(d, "filename"))) {
		vty_out(vty, "log file %s", v);
		level_suffix(vty, d);
	}
	if ((d = nb_child(log, "stdout"))) {
		vty_out(vty, "log stdout");
		level_suffix(vty, d);
	}
	if ((d = nb_child(log, "monitor"))) {
		if (nb_child(d, "disabled"))
			vty_out(vty, "no log monitor\n");
		else if ((v = nb_child_value(d, "level")) &&
			 cmd_nb_level(v) != cmd_nb_log_default(log))
			vty_out(vty, "log monitor %s\n", v);
	}
	if ((d = nb_child(log, "syslog"))) {
		vty_out(vty, "log syslog");
		level_suffix(vty, d);
	}
	if ((v = nb_child_value(log, "facility")) && strcmp(v, "daemon") != 0)
		vty_out(vty, "log facility %s\n", v);
	if (nb_child(log, "record-priority"))
		vty_out(vty, "log record-priority\n");
	if ((v = nb_child_value(log, "timestamp-precision")) && strcmp(v, "0") != 0)
		vty_out(vty, "log timestamp precision %s\n", v);
}

static void password_write(struct vty *vty, const struct lyd_node *sys,
			   const char *cmd, const char *plain_name,
			   const char *enc_name, bool encrypt)
{
	const char *plain = nb_child_value(sys, plain_name);
	const char *enc = nb_child_value(sys, enc_name);

	if (encrypt)
		plain = NULL;
	if (plain)
		vty_out(vty, "%s %s\n", cmd, plain);
	else if (enc)
		vty_out(vty, "%s 8 %s\n", cmd, enc);
}

void cmd_nb_host_write(struct vty *vty)
{
	const struct lyd_node *sys = nb_find_running(SYS_XP);
	const struct lyd_node *d;
	bool encrypt;
	const char *v;

	if (!sys)
		return;
	encrypt = nb_child(sys, "password-encryption") != NULL;
	if ((v = nb_child_value(sys, "hostname")))
		vty_out(vty, "hostname %s\n", v);
	password_write(vty, sys, "password", "password", "password-encrypted",
		       encrypt);
	password_write(vty, sys, "enable password", "enable-password",
		       "enable-password-encrypted", encrypt);
	if ((d = nb_child(sys, "log")))
		log_write(vty, d);
	if (nb_child(sys, "advanced-vty"))
		vty_out(vty, "service advanced-vty\n");
	if (encrypt)
		vty_out(vty, "service password-encryption\n");
	if ((v = nb_child_value(sys, "terminal-length")))
		vty_out(vty, "service terminal-length %s\n", v);
	if ((d = nb_child(sys, "banner"))) {
		if ((v = nb_child_value(d, "motd-file")))
			vty_out(vty, "banner motd file %s\n", v);
		else if (nb_child(d, "motd-disabled"))
			vty_out(vty, "no banner motd\n");
	}
}

void cmd_nb_line_write(struct vty *vty)
{
	const struct lyd_node *sys = nb_find_running(SYS_XP);
	const struct lyd_node *line = sys ? nb_child(sys, "line-vty") : NULL;
	const struct lyd_node *log = sys ? nb_child(sys, "log") : NULL;
	const char *v;
	uint32_t t;

	vty_out(vty, "line vty\n");
	if (line && (v = nb_child_value(line, "access-class")))
		vty_out(vty, " access-class %s\n", v);
	if (line && (v = nb_child_value(line, "ipv6-access-class")))
		vty_out(vty, " ipv6 access-class %s\n", v);
	if (line && nb_child_u32(line, "exec-timeout", &t) &&
	    t != VTY_TIMEOUT_DEFAULT)
		vty_out(vty, " exec-timeout %u %u\n", t / 60, t % 60);
	if (line && nb_child(line, "no-login"))
		vty_out(vty, " no login\n");
	if (line && nb_child(line, "anonymous-restricted"))
		vty_out(vty, " anonymous restricted\n");
	if (log && nb_child(log, "commands"))
		vty_out(vty, "log commands\n");
	vty_out(vty, "!\n");
}
