/*
 * Internals of the shared commands, split over cmd_common.c (node
 * movement, passwords, status), cmd_log.c (logging) and cmd_line.c (line
 * vty, banner, services). Not for daemons.
 */
#ifndef TARPAN_CMD_COMMON_H
#define TARPAN_CMD_COMMON_H

#include "command.h"

#define LOG_LEVELS "(emergencies|alerts|critical|errors|warnings|notifications|informational|debugging)"
#define LOG_LEVEL_DESC                                                         \
	"System is unusable\n"                                                 \
	"Immediate action needed\n"                                            \
	"Critical conditions\n"                                                \
	"Error conditions\n"                                                   \
	"Warning conditions\n"                                                 \
	"Normal but significant conditions\n"                                  \
	"Informational messages\n"                                             \
	"Debugging messages\n"
#define LOG_FACILITIES "(kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|local0|local1|local2|local3|local4|local5|local6|local7)"
#define LOG_FACILITY_DESC                                                      \
	"Kernel\n"                                                             \
	"User process\n"                                                       \
	"Mail system\n"                                                        \
	"System daemons\n"                                                     \
	"Authorization system\n"                                               \
	"Syslog itself\n"                                                      \
	"Line printer system\n"                                                \
	"USENET news\n"                                                        \
	"Unix-to-Unix copy system\n"                                           \
	"Cron/at facility\n"                                                   \
	"Local use\n" "Local use\n" "Local use\n" "Local use\n"                \
	"Local use\n" "Local use\n" "Local use\n" "Local use\n"



/* vrf_cmd.c */
void cmd_vrf_install(void);

/* cmd_log.c */
void cmd_log_install(void);

/* cmd_line.c */
extern struct cmd_element banner_motd_default_cmd, banner_motd_file_cmd,
	no_banner_motd_cmd, line_vty_cmd, service_advanced_vty_cmd,
	no_service_advanced_vty_cmd, log_commands_cmd;
void cmd_line_install_vty_node(void);
int cmd_line_config_write(struct vty *vty);

#endif
