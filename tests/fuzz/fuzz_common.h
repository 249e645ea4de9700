/*
 * Shared set-up of the CLI-facing fuzz targets (fuzz_cli, fuzz_telnet,
 * fuzz_config). A fuzzer that finds "write memory" or "log file /x" would
 * write files wherever it likes, and "log stdout" or "log syslog" would
 * flood the terminal or the journal, so those commands keep their syntax
 * (the matcher still sees them) but run a stub. Logging goes nowhere.
 */
#ifndef TARPAN_FUZZ_COMMON_H
#define TARPAN_FUZZ_COMMON_H

#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "log.h"

static int fuzz_stub_cmd(const struct cmd_element *self, struct vty *vty,
			 int argc, const char *argv[])
{
	(void)self;
	(void)vty;
	if (argc < 0 || argc > CMD_ARGC_MAX)
		abort();	/* the matcher built an impossible argv */
	for (int i = 0; i < argc; i++)
		if (argv[i] && strlen(argv[i]) > (1u << 24))
			abort();
	for (int i = argc; i <= CMD_ARGC_MAX; i++)
		if (argv[i])
			abort();	/* command.h: argv[argc..] are NULL */
	return CMD_SUCCESS;
}

static const char *const fuzz_defused[] = {
	"write", "copy", "log file", "log stdout", "log syslog",
	"no log file", "banner motd file",
};

static void fuzz_defuse_one(const struct cmd_element *cmd, void *arg)
{
	(void)arg;
	for (size_t i = 0; i < sizeof(fuzz_defused) / sizeof(fuzz_defused[0]); i++) {
		size_t n = strlen(fuzz_defused[i]);

		if (!strncmp(cmd->string, fuzz_defused[i], n) &&
		    (cmd->string[n] == ' ' || cmd->string[n] == '\0')) {
			/* the element is a writable global (DEFUN) */
			((struct cmd_element *)cmd)->func = fuzz_stub_cmd;
			return;
		}
	}
}

static inline void fuzz_defuse_commands(void)
{
	for (int n = 0; n < NODE_TYPE_MAX; n++)
		cmd_walk_commands((enum node_type)n, fuzz_defuse_one, NULL);
}

static inline void fuzz_quiet_logs(void)
{
	for (int d = 0; d < LOG_DEST_COUNT; d++)
		zlog_set_level((enum log_dest)d, LOG_DISABLED);
}

#endif
