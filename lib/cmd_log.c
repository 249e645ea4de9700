/*
 * The `log ...` commands of CONFIG_NODE: edits of system/log in
 * yang/tarpan-system.yang (cmd_nb.c applies them to log.h and writes them
 * back).
 *
 * What is written back is what the operator configured, not the runtime
 * state of log.h: a daemon running in the foreground logs to stdout
 * without `log stdout` being part of its configuration. A level equal to
 * the default is not stored (so `log stdout debugging` reloads as `log
 * stdout`), nor a default facility or precision.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd_common.h"
#include "cmd_nb.h"
#include "log.h"
#include "vty.h"

static const char *const dest_xp[LOG_DEST_COUNT] = {
	[LOG_DEST_STDOUT] = SYS_LOG_XP "/stdout",
	[LOG_DEST_SYSLOG] = SYS_LOG_XP "/syslog",
	[LOG_DEST_FILE] = SYS_LOG_XP "/file",
	[LOG_DEST_MONITOR] = SYS_LOG_XP "/monitor",
};

static int cur_default(void)
{
	return cmd_nb_log_default(nb_find(SYS_LOG_XP));
}

static int level_arg(struct vty *vty, int argc, const char *argv[], int i)
{
	int l;

	if (argc <= i || !argv[i])
		return cur_default();
	l = zlog_level_from_name(argv[i]);
	if (l < 0)
		vty_out(vty, "%% Invalid level \"%s\"\n", argv[i]);
	return l;
}

/* Enqueue: destination d on at level l (no level leaf for the default). */
static void enqueue_dest(struct vty *vty, enum log_dest d, int l)
{
	char xp[NB_XPATH_MAX];

	snprintf(xp, sizeof(xp), "%s/level", dest_xp[d]);
	if (l == cur_default()) {
		nb_cli_enqueue_change(vty, dest_xp[d], NB_OP_CREATE, NULL);
		nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
	} else {
		nb_cli_enqueue_change(vty, xp, NB_OP_MODIFY, zlog_level_name(l));
	}
}

static int dest_on(struct vty *vty, enum log_dest d, int argc, const char *argv[])
{
	int l = level_arg(vty, argc, argv, 0);

	if (l < 0)
		return CMD_WARNING;
	if (d == LOG_DEST_MONITOR && l == cur_default())
		return cmd_nb_edit(vty, dest_xp[d], NB_OP_DESTROY, NULL);
	enqueue_dest(vty, d, l);
	return cmd_nb_edit(vty, SYS_LOG_XP, NB_OP_CREATE, NULL);
}

/* A destination on without configuration (stdout in the foreground) is
 * turned off at once: there is nothing in the tree to remove. */
static int dest_off(struct vty *vty, enum log_dest d)
{
	if (d == LOG_DEST_MONITOR)
		return cmd_nb_edit(vty, SYS_LOG_XP "/monitor/disabled",
				   NB_OP_CREATE, NULL);
	if (!nb_find(dest_xp[d]))
		zlog_set_level(d, LOG_DISABLED);
	return cmd_nb_edit(vty, dest_xp[d], NB_OP_DESTROY, NULL);
}

/* log trap L: the new default level, and every configured destination
 * that is on moves to it (their level leaves go). */
static int set_trap(struct vty *vty, int l)
{
	static const char *const lv[] = { SYS_LOG_XP "/file/level",
		SYS_LOG_XP "/stdout/level", SYS_LOG_XP "/syslog/level" };

	for (size_t i = 0; i < sizeof(lv) / sizeof(lv[0]); i++)
		nb_cli_enqueue_change(vty, lv[i], NB_OP_DESTROY, NULL);
	if (nb_find(SYS_LOG_XP "/monitor/level"))
		nb_cli_enqueue_change(vty, SYS_LOG_XP "/monitor", NB_OP_DESTROY, NULL);
	if (l == zlog_default_level())
		return cmd_nb_edit(vty, SYS_LOG_XP "/trap", NB_OP_DESTROY, NULL);
	return cmd_nb_edit(vty, SYS_LOG_XP "/trap", NB_OP_MODIFY, zlog_level_name(l));
}

/* `daemon` is the default: no leaf. */
static void enqueue_facility(struct vty *vty, const char *name)
{
	nb_cli_enqueue_change(vty, SYS_LOG_XP "/facility",
			      strcmp(name, "daemon") ? NB_OP_MODIFY : NB_OP_DESTROY,
			      name);
}

DEFUN(config_log_stdout, config_log_stdout_cmd, "log stdout",
      "Logging control\n"
      "Set stdout logging level\n")
{
	return dest_on(vty, LOG_DEST_STDOUT, argc, argv);
}

ALIAS(config_log_stdout, config_log_stdout_level_cmd, "log stdout " LOG_LEVELS,
      "Logging control\n"
      "Set stdout logging level\n" LOG_LEVEL_DESC);

DEFUN(no_config_log_stdout, no_config_log_stdout_cmd, "no log stdout [LEVEL]",
      NO_STR "Logging control\n"
      "Cancel logging to stdout\n"
      "Logging level\n")
{
	return dest_off(vty, LOG_DEST_STDOUT);
}

DEFUN(config_log_monitor, config_log_monitor_cmd, "log monitor",
      "Logging control\n"
      "Set terminal line (monitor) logging level\n")
{
	return dest_on(vty, LOG_DEST_MONITOR, argc, argv);
}

ALIAS(config_log_monitor, config_log_monitor_level_cmd, "log monitor " LOG_LEVELS,
      "Logging control\n"
      "Set terminal line (monitor) logging level\n" LOG_LEVEL_DESC);

DEFUN(no_config_log_monitor, no_config_log_monitor_cmd, "no log monitor [LEVEL]",
      NO_STR "Logging control\n"
      "Disable terminal line (monitor) logging\n"
      "Logging level\n")
{
	return dest_off(vty, LOG_DEST_MONITOR);
}

DEFUN(config_log_file, config_log_file_cmd, "log file FILENAME",
      "Logging control\n"
      "Logging to file\n"
      "Logging filename\n")
{
	int l = level_arg(vty, argc, argv, 1);
	int fd;

	if (l < 0)
		return CMD_WARNING;
	/* the callback cannot fail: find out now whether it can be opened */
	fd = open(argv[0], O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		vty_out(vty, "%% failed to open file %s: %s\n", argv[0], strerror(errno));
		return CMD_WARNING;
	}
	close(fd);
	enqueue_dest(vty, LOG_DEST_FILE, l);
	return cmd_nb_edit(vty, SYS_LOG_XP "/file/filename", NB_OP_MODIFY, argv[0]);
}

ALIAS(config_log_file, config_log_file_level_cmd, "log file FILENAME " LOG_LEVELS,
      "Logging control\n"
      "Logging to file\n"
      "Logging filename\n" LOG_LEVEL_DESC);

DEFUN(no_config_log_file, no_config_log_file_cmd, "no log file [FILENAME]",
      NO_STR "Logging control\n"
      "Cancel logging to file\n"
      "Logging file name\n")
{
	return cmd_nb_edit(vty, SYS_LOG_XP "/file", NB_OP_DESTROY, NULL);
}

ALIAS(no_config_log_file, no_config_log_file_level_cmd, "no log file FILENAME LEVEL",
      NO_STR "Logging control\n"
      "Cancel logging to file\n"
      "Logging file name\n"
      "Logging level\n");

DEFUN(config_log_syslog, config_log_syslog_cmd, "log syslog",
      "Logging control\n"
      "Set syslog logging level\n")
{
	return dest_on(vty, LOG_DEST_SYSLOG, argc, argv);
}

ALIAS(config_log_syslog, config_log_syslog_level_cmd, "log syslog " LOG_LEVELS,
      "Logging control\n"
      "Set syslog logging level\n" LOG_LEVEL_DESC);

DEFUN_DEPRECATED(config_log_syslog_facility, config_log_syslog_facility_cmd,
		 "log syslog facility " LOG_FACILITIES,
		 "Logging control\n"
		 "Logging goes to syslog\n"
		 "(Deprecated) Facility parameter for syslog messages\n"
		 LOG_FACILITY_DESC)
{
	enqueue_facility(vty, argv[0]);
	enqueue_dest(vty, LOG_DEST_SYSLOG, cur_default());
	return cmd_nb_edit(vty, SYS_LOG_XP, NB_OP_CREATE, NULL);
}

DEFUN(no_config_log_syslog, no_config_log_syslog_cmd, "no log syslog [LEVEL]",
      NO_STR "Logging control\n"
      "Cancel logging to syslog\n"
      "Logging level\n")
{
	return dest_off(vty, LOG_DEST_SYSLOG);
}

DEFUN(no_config_log_syslog_facility, no_config_log_syslog_facility_cmd,
      "no log syslog facility " LOG_FACILITIES,
      NO_STR "Logging control\n"
      "Logging goes to syslog\n"
      "Facility parameter for syslog messages\n" LOG_FACILITY_DESC)
{
	nb_cli_enqueue_change(vty, SYS_LOG_XP "/facility", NB_OP_DESTROY, NULL);
	return dest_off(vty, LOG_DEST_SYSLOG);
}

DEFUN(config_log_facility, config_log_facility_cmd, "log facility " LOG_FACILITIES,
      "Logging control\n"
      "Facility parameter for syslog messages\n" LOG_FACILITY_DESC)
{
	if (zlog_facility_from_name(argv[0]) < 0)
		return CMD_WARNING;
	enqueue_facility(vty, argv[0]);
	return cmd_nb_edit(vty, SYS_LOG_XP, NB_OP_CREATE, NULL);
}

DEFUN(no_config_log_facility, no_config_log_facility_cmd, "no log facility [FACILITY]",
      NO_STR "Logging control\n"
      "Reset syslog facility to default (daemon)\n"
      "Syslog facility\n")
{
	return cmd_nb_edit(vty, SYS_LOG_XP "/facility", NB_OP_DESTROY, NULL);
}

DEFUN_DEPRECATED(config_log_trap, config_log_trap_cmd, "log trap " LOG_LEVELS,
		 "Logging control\n"
		 "(Deprecated) Set logging level and default for all destinations\n"
		 LOG_LEVEL_DESC)
{
	int l = zlog_level_from_name(argv[0]);

	if (l < 0)
		return CMD_WARNING;
	return set_trap(vty, l);
}

DEFUN_DEPRECATED(no_config_log_trap, no_config_log_trap_cmd, "no log trap [LEVEL]",
		 NO_STR "Logging control\n"
		 "Permit all logging information\n"
		 "Logging level\n")
{
	return set_trap(vty, LOG_DEBUG);
}

DEFUN(config_log_record_priority, config_log_record_priority_cmd,
      "log record-priority",
      "Logging control\n"
      "Log the priority of the message within the message\n")
{
	return cmd_nb_edit(vty, SYS_LOG_XP "/record-priority", NB_OP_CREATE, NULL);
}

DEFUN(no_config_log_record_priority, no_config_log_record_priority_cmd,
      "no log record-priority",
      NO_STR "Logging control\n"
      "Do not log the priority of the message within the message\n")
{
	return cmd_nb_edit(vty, SYS_LOG_XP "/record-priority", NB_OP_DESTROY, NULL);
}

DEFUN(config_log_timestamp_precision, config_log_timestamp_precision_cmd,
      "log timestamp precision <0-6>",
      "Logging control\n"
      "Timestamp configuration\n"
      "Set the timestamp precision\n"
      "Number of subsecond digits\n")
{
	if (strcmp(argv[0], "0") == 0)
		return cmd_nb_edit(vty, SYS_LOG_XP "/timestamp-precision",
				   NB_OP_DESTROY, NULL);
	return cmd_nb_edit(vty, SYS_LOG_XP "/timestamp-precision", NB_OP_MODIFY,
			   argv[0]);
}

DEFUN(no_config_log_timestamp_precision, no_config_log_timestamp_precision_cmd,
      "no log timestamp precision",
      NO_STR "Logging control\n"
      "Timestamp configuration\n"
      "Reset the timestamp precision to the default value of 0\n")
{
	return cmd_nb_edit(vty, SYS_LOG_XP "/timestamp-precision", NB_OP_DESTROY,
			   NULL);
}

void cmd_log_install(void)
{
	install_element(CONFIG_NODE, &config_log_stdout_cmd);
	install_element(CONFIG_NODE, &config_log_stdout_level_cmd);
	install_element(CONFIG_NODE, &no_config_log_stdout_cmd);
	install_element(CONFIG_NODE, &config_log_monitor_cmd);
	install_element(CONFIG_NODE, &config_log_monitor_level_cmd);
	install_element(CONFIG_NODE, &no_config_log_monitor_cmd);
	install_element(CONFIG_NODE, &config_log_file_cmd);
	install_element(CONFIG_NODE, &config_log_file_level_cmd);
	install_element(CONFIG_NODE, &no_config_log_file_cmd);
	install_element(CONFIG_NODE, &no_config_log_file_level_cmd);
	install_element(CONFIG_NODE, &config_log_syslog_cmd);
	install_element(CONFIG_NODE, &config_log_syslog_level_cmd);
	install_element(CONFIG_NODE, &config_log_syslog_facility_cmd);
	install_element(CONFIG_NODE, &no_config_log_syslog_cmd);
	install_element(CONFIG_NODE, &no_config_log_syslog_facility_cmd);
	install_element(CONFIG_NODE, &config_log_facility_cmd);
	install_element(CONFIG_NODE, &no_config_log_facility_cmd);
	install_element(CONFIG_NODE, &config_log_trap_cmd);
	install_element(CONFIG_NODE, &no_config_log_trap_cmd);
	install_element(CONFIG_NODE, &config_log_record_priority_cmd);
	install_element(CONFIG_NODE, &no_config_log_record_priority_cmd);
	install_element(CONFIG_NODE, &config_log_timestamp_precision_cmd);
	install_element(CONFIG_NODE, &no_config_log_timestamp_precision_cmd);
}
