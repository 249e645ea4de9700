/*
 * The `log ...` commands of CONFIG_NODE and their config-write lines.
 *
 * What is written back is what the operator configured (remembered here),
 * not the runtime state of log.h: a daemon running in the foreground logs
 * to stdout without `log stdout` being part of its configuration.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_common.h"
#include "log.h"
#include "vty.h"

static struct {
	bool set;		/* configured by a command */
	int level;
} cfg[LOG_DEST_COUNT];
static bool monitor_off;

static int level_arg(struct vty *vty, int argc, const char *argv[], int i)
{
	int l;

	if (argc <= i || !argv[i])
		return zlog_default_level();
	l = zlog_level_from_name(argv[i]);
	if (l < 0)
		vty_out(vty, "%% Invalid level \"%s\"\n", argv[i]);
	return l;
}

static int dest_on(struct vty *vty, enum log_dest d, int argc, const char *argv[])
{
	int l = level_arg(vty, argc, argv, 0);

	if (l < 0)
		return CMD_WARNING;
	zlog_set_level(d, l);
	cfg[d].set = true;
	cfg[d].level = l;
	if (d == LOG_DEST_MONITOR)
		monitor_off = false;
	return CMD_SUCCESS;
}

static int dest_off(enum log_dest d)
{
	zlog_set_level(d, LOG_DISABLED);
	cfg[d].set = false;
	if (d == LOG_DEST_MONITOR)
		monitor_off = true;
	return CMD_SUCCESS;
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
	return dest_off(LOG_DEST_STDOUT);
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
	return dest_off(LOG_DEST_MONITOR);
}

DEFUN(config_log_file, config_log_file_cmd, "log file FILENAME",
      "Logging control\n"
      "Logging to file\n"
      "Logging filename\n")
{
	int l = level_arg(vty, argc, argv, 1);

	if (l < 0)
		return CMD_WARNING;
	if (zlog_set_file(argv[0], l) < 0) {
		vty_out(vty, "%% failed to open file %s: %s\n", argv[0], strerror(errno));
		return CMD_WARNING;
	}
	cfg[LOG_DEST_FILE].set = true;
	cfg[LOG_DEST_FILE].level = l;
	return CMD_SUCCESS;
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
	zlog_reset_file();
	cfg[LOG_DEST_FILE].set = false;
	return CMD_SUCCESS;
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
	zlog_set_facility(zlog_facility_from_name(argv[0]));
	zlog_set_level(LOG_DEST_SYSLOG, zlog_default_level());
	cfg[LOG_DEST_SYSLOG].set = true;
	cfg[LOG_DEST_SYSLOG].level = zlog_default_level();
	return CMD_SUCCESS;
}

DEFUN(no_config_log_syslog, no_config_log_syslog_cmd, "no log syslog [LEVEL]",
      NO_STR "Logging control\n"
      "Cancel logging to syslog\n"
      "Logging level\n")
{
	return dest_off(LOG_DEST_SYSLOG);
}

DEFUN(no_config_log_syslog_facility, no_config_log_syslog_facility_cmd,
      "no log syslog facility " LOG_FACILITIES,
      NO_STR "Logging control\n"
      "Logging goes to syslog\n"
      "Facility parameter for syslog messages\n" LOG_FACILITY_DESC)
{
	zlog_set_facility(LOG_DAEMON);
	return dest_off(LOG_DEST_SYSLOG);
}

DEFUN(config_log_facility, config_log_facility_cmd, "log facility " LOG_FACILITIES,
      "Logging control\n"
      "Facility parameter for syslog messages\n" LOG_FACILITY_DESC)
{
	int f = zlog_facility_from_name(argv[0]);

	if (f < 0)
		return CMD_WARNING;
	zlog_set_facility(f);
	return CMD_SUCCESS;
}

DEFUN(no_config_log_facility, no_config_log_facility_cmd, "no log facility [FACILITY]",
      NO_STR "Logging control\n"
      "Reset syslog facility to default (daemon)\n"
      "Syslog facility\n")
{
	zlog_set_facility(LOG_DAEMON);
	return CMD_SUCCESS;
}

DEFUN_DEPRECATED(config_log_trap, config_log_trap_cmd, "log trap " LOG_LEVELS,
		 "Logging control\n"
		 "(Deprecated) Set logging level and default for all destinations\n"
		 LOG_LEVEL_DESC)
{
	int l = zlog_level_from_name(argv[0]);

	if (l < 0)
		return CMD_WARNING;
	for (int d = 0; d < LOG_DEST_COUNT; d++)
		if (zlog_get_level((enum log_dest)d) != LOG_DISABLED)
			zlog_set_level((enum log_dest)d, l);
	return CMD_SUCCESS;
}

DEFUN_DEPRECATED(no_config_log_trap, no_config_log_trap_cmd, "no log trap [LEVEL]",
		 NO_STR "Logging control\n"
		 "Permit all logging information\n"
		 "Logging level\n")
{
	for (int d = 0; d < LOG_DEST_COUNT; d++)
		if (zlog_get_level((enum log_dest)d) != LOG_DISABLED)
			zlog_set_level((enum log_dest)d, LOG_DEBUG);
	return CMD_SUCCESS;
}

DEFUN(config_log_record_priority, config_log_record_priority_cmd,
      "log record-priority",
      "Logging control\n"
      "Log the priority of the message within the message\n")
{
	zlog_set_record_priority(true);
	return CMD_SUCCESS;
}

DEFUN(no_config_log_record_priority, no_config_log_record_priority_cmd,
      "no log record-priority",
      NO_STR "Logging control\n"
      "Do not log the priority of the message within the message\n")
{
	zlog_set_record_priority(false);
	return CMD_SUCCESS;
}

DEFUN(config_log_timestamp_precision, config_log_timestamp_precision_cmd,
      "log timestamp precision <0-6>",
      "Logging control\n"
      "Timestamp configuration\n"
      "Set the timestamp precision\n"
      "Number of subsecond digits\n")
{
	zlog_set_timestamp_precision(atoi(argv[0]));
	return CMD_SUCCESS;
}

DEFUN(no_config_log_timestamp_precision, no_config_log_timestamp_precision_cmd,
      "no log timestamp precision",
      NO_STR "Logging control\n"
      "Timestamp configuration\n"
      "Reset the timestamp precision to the default value of 0\n")
{
	zlog_set_timestamp_precision(0);
	return CMD_SUCCESS;
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

static void level_suffix(struct vty *vty, int level)
{
	if (level != zlog_default_level())
		vty_out(vty, " %s", zlog_level_name(level));
	vty_out(vty, "\n");
}

/* Quagga's order: file, stdout, monitor, syslog, facility, priority,
 * precision. */
void cmd_log_config_write(struct vty *vty)
{
	if (cfg[LOG_DEST_FILE].set && zlog_filename()) {
		vty_out(vty, "log file %s", zlog_filename());
		level_suffix(vty, cfg[LOG_DEST_FILE].level);
	}
	if (cfg[LOG_DEST_STDOUT].set) {
		vty_out(vty, "log stdout");
		level_suffix(vty, cfg[LOG_DEST_STDOUT].level);
	}
	if (monitor_off)
		vty_out(vty, "no log monitor\n");
	else if (cfg[LOG_DEST_MONITOR].set &&
		 cfg[LOG_DEST_MONITOR].level != zlog_default_level())
		vty_out(vty, "log monitor %s\n",
			zlog_level_name(cfg[LOG_DEST_MONITOR].level));
	if (cfg[LOG_DEST_SYSLOG].set) {
		vty_out(vty, "log syslog");
		level_suffix(vty, cfg[LOG_DEST_SYSLOG].level);
	}
	if (zlog_get_facility() != LOG_DAEMON)
		vty_out(vty, "log facility %s\n", zlog_facility_name(zlog_get_facility()));
	if (zlog_get_record_priority())
		vty_out(vty, "log record-priority\n");
	if (zlog_get_timestamp_precision() > 0)
		vty_out(vty, "log timestamp precision %d\n",
			zlog_get_timestamp_precision());
}
