/*
 * `line vty` (VTY_NODE: exec-timeout, access-class, login, anonymous
 * restricted), the banner, `service advanced-vty`, `log commands`, and
 * their config-write lines.
 *
 * The settings are edits of yang/tarpan-system.yang (system/line-vty,
 * system/banner, system/advanced-vty, system/log/commands); cmd_nb.c
 * applies them to the host settings and renders the blocks. Only the
 * session's own exec-timeout is changed here directly: it is not
 * configuration.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd_common.h"
#include "cmd_nb.h"
#include "vty_private.h"

#define BANNER_XP SYS_XP "/banner"

const char *host_motd_text(void)
{
	static char text[8192];
	FILE *f;
	size_t n;

	if (host.motdfile) {
		/* read at every login, in the loop: only a regular file, and
		 * never wait on it (a FIFO or a device would stall the daemon) */
		int fd = open(host.motdfile, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		struct stat st;

		f = NULL;
		if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
			f = fdopen(fd, "r");
		if (f) {
			n = fread(text, 1, sizeof(text) - 1, f);
			text[n] = '\0';
			fclose(f);
			return text;
		}
		if (fd >= 0)
			close(fd);
	}
	snprintf(text, sizeof(text),
		 "\nHello, this is Tarpan (version %s).\n"
		 "A Quagga 1.2.4 compatible routing suite.\n\n",
		 PACKAGE_VERSION);
	return text;
}

DEFUN(banner_motd_default, banner_motd_default_cmd, "banner motd default",
      "Set banner string\n"
      "Strings for motd\n"
      "Default string\n")
{
	nb_cli_enqueue_change(vty, BANNER_XP "/motd-disabled", NB_OP_DESTROY, NULL);
	return cmd_nb_edit(vty, BANNER_XP "/motd-file", NB_OP_DESTROY, NULL);
}

DEFUN(banner_motd_file, banner_motd_file_cmd, "banner motd file [FILE]",
      "Set banner\n"
      "Banner for motd\n"
      "Banner from a file\n"
      "Filename\n")
{
	if (argc > 0 && argv[0])
		return cmd_nb_edit(vty, BANNER_XP "/motd-file", NB_OP_MODIFY, argv[0]);
	return cmd_nb_edit(vty, BANNER_XP "/motd-file", NB_OP_DESTROY, NULL);
}

DEFUN(no_banner_motd, no_banner_motd_cmd, "no banner motd",
      NO_STR "Set banner string\n"
      "Strings for motd\n")
{
	nb_cli_enqueue_change(vty, BANNER_XP "/motd-file", NB_OP_DESTROY, NULL);
	return cmd_nb_edit(vty, BANNER_XP "/motd-disabled", NB_OP_CREATE, NULL);
}

DEFUN(line_vty, line_vty_cmd, "line vty",
      "Configure a terminal line\n"
      "Virtual terminal\n")
{
	vty_enter_node(vty, VTY_NODE, NULL);
	return CMD_SUCCESS;
}

DEFUN(service_advanced_vty, service_advanced_vty_cmd, "service advanced-vty",
      "Set up miscellaneous service\n"
      "Enable advanced mode vty interface\n")
{
	return cmd_nb_edit(vty, SYS_XP "/advanced-vty", NB_OP_CREATE, NULL);
}

DEFUN(no_service_advanced_vty, no_service_advanced_vty_cmd,
      "no service advanced-vty",
      NO_STR "Set up miscellaneous service\n"
      "Enable advanced mode vty interface\n")
{
	return cmd_nb_edit(vty, SYS_XP "/advanced-vty", NB_OP_DESTROY, NULL);
}

DEFUN(log_commands, log_commands_cmd, "log commands",
      "Logging control\n"
      "Log all commands (can't be unset without restart)\n")
{
	return cmd_nb_edit(vty, SYS_LOG_XP "/commands", NB_OP_CREATE, NULL);
}

static int set_timeout(struct vty *vty, long secs)
{
	struct vty_sess *s = vty->priv;
	char v[24];

	if (secs < 0 || secs > UINT32_MAX) {
		vty_out(vty, "%% Invalid timeout\n");
		return CMD_WARNING;
	}
	snprintf(v, sizeof(v), "%ld", secs);
	if (cmd_nb_edit(vty, SYS_LINE_XP "/exec-timeout",
			secs == VTY_TIMEOUT_DEFAULT ? NB_OP_DESTROY : NB_OP_MODIFY,
			v) != CMD_SUCCESS)
		return CMD_WARNING;
	if (s && vty->type == VTY_TERM) {
		s->timeout_s = secs;
		vty_timeout_reset(s);
	}
	return CMD_SUCCESS;
}

DEFUN(exec_timeout_min, exec_timeout_min_cmd, "exec-timeout <0-35791>",
      "Set timeout value\n"
      "Timeout value in minutes\n")
{
	return set_timeout(vty, strtol(argv[0], NULL, 10) * 60);
}

DEFUN(exec_timeout_sec, exec_timeout_sec_cmd, "exec-timeout <0-35791> <0-2147483>",
      "Set the EXEC timeout\n"
      "Timeout in minutes\n"
      "Timeout in seconds\n")
{
	return set_timeout(vty, strtol(argv[0], NULL, 10) * 60 +
			   strtol(argv[1], NULL, 10));
}

DEFUN(no_exec_timeout, no_exec_timeout_cmd, "no exec-timeout",
      NO_STR "Set the EXEC timeout\n")
{
	return set_timeout(vty, VTY_TIMEOUT_DEFAULT);
}

DEFUN(vty_access_class, vty_access_class_cmd, "access-class WORD",
      "Filter connections based on an IP access list\n"
      "IP access list\n")
{
	return cmd_nb_edit(vty, SYS_LINE_XP "/access-class", NB_OP_MODIFY, argv[0]);
}

DEFUN(no_vty_access_class, no_vty_access_class_cmd, "no access-class [WORD]",
      NO_STR "Filter connections based on an IP access list\n"
      "IP access list\n")
{
	const char *cur = nb_value(nb_find(SYS_LINE_XP "/access-class"));

	if (!cur || (argc > 0 && argv[0] && strcmp(cur, argv[0]))) {
		vty_out(vty, "Access-class is not currently applied to vty\n");
		return CMD_WARNING;
	}
	return cmd_nb_edit(vty, SYS_LINE_XP "/access-class", NB_OP_DESTROY, NULL);
}

DEFUN(vty_ipv6_access_class, vty_ipv6_access_class_cmd, "ipv6 access-class WORD",
      IPV6_STR "Filter connections based on an IP access list\n"
      "IPv6 access list\n")
{
	return cmd_nb_edit(vty, SYS_LINE_XP "/ipv6-access-class", NB_OP_MODIFY,
			   argv[0]);
}

DEFUN(no_vty_ipv6_access_class, no_vty_ipv6_access_class_cmd,
      "no ipv6 access-class [WORD]",
      NO_STR IPV6_STR "Filter connections based on an IP access list\n"
      "IPv6 access list\n")
{
	const char *cur = nb_value(nb_find(SYS_LINE_XP "/ipv6-access-class"));

	if (!cur || (argc > 0 && argv[0] && strcmp(cur, argv[0]))) {
		vty_out(vty, "IPv6 access-class is not currently applied to vty\n");
		return CMD_WARNING;
	}
	return cmd_nb_edit(vty, SYS_LINE_XP "/ipv6-access-class", NB_OP_DESTROY,
			   NULL);
}

DEFUN(vty_login, vty_login_cmd, "login", "Enable password checking\n")
{
	return cmd_nb_edit(vty, SYS_LINE_XP "/no-login", NB_OP_DESTROY, NULL);
}

DEFUN(no_vty_login, no_vty_login_cmd, "no login",
      NO_STR "Enable password checking\n")
{
	return cmd_nb_edit(vty, SYS_LINE_XP "/no-login", NB_OP_CREATE, NULL);
}

DEFUN(vty_restricted_mode, vty_restricted_mode_cmd, "anonymous restricted",
      "Restrict view commands available in anonymous, unauthenticated vty\n")
{
	return cmd_nb_edit(vty, SYS_LINE_XP "/anonymous-restricted", NB_OP_CREATE,
			   NULL);
}

DEFUN(vty_no_restricted_mode, vty_no_restricted_mode_cmd, "no anonymous restricted",
      NO_STR "Enable password checking\n")
{
	return cmd_nb_edit(vty, SYS_LINE_XP "/anonymous-restricted", NB_OP_DESTROY,
			   NULL);
}

void cmd_line_install_vty_node(void)
{
	install_element(VTY_NODE, &exec_timeout_min_cmd);
	install_element(VTY_NODE, &exec_timeout_sec_cmd);
	install_element(VTY_NODE, &no_exec_timeout_cmd);
	install_element(VTY_NODE, &vty_access_class_cmd);
	install_element(VTY_NODE, &no_vty_access_class_cmd);
	install_element(VTY_NODE, &vty_login_cmd);
	install_element(VTY_NODE, &no_vty_login_cmd);
	install_element(VTY_NODE, &vty_restricted_mode_cmd);
	install_element(VTY_NODE, &vty_no_restricted_mode_cmd);
	/* last, as Quagga installs them (effective/<daemon>.txt) */
	install_element(VTY_NODE, &vty_ipv6_access_class_cmd);
	install_element(VTY_NODE, &no_vty_ipv6_access_class_cmd);
}

/* VTY_NODE: writes its own "!" and returns 0, as Quagga. */
int cmd_line_config_write(struct vty *vty)
{
	cmd_nb_line_write(vty);
	return 0;
}
