/*
 * `line vty` (VTY_NODE: exec-timeout, access-class, login, anonymous
 * restricted), the banner, `service advanced-vty`, `log commands`, and
 * their config-write lines.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd_common.h"
#include "memory.h"
#include "vty_private.h"

DEFINE_MTYPE_STATIC(LINE_CFG, "Line vty config");

static void set_str(char **dst, const char *src)
{
	tp_free(&MTYPE_LINE_CFG, *dst);
	*dst = src ? tp_strdup(&MTYPE_LINE_CFG, src) : NULL;
}

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
	host.motd = true;
	set_str(&host.motdfile, NULL);
	return CMD_SUCCESS;
}

DEFUN(banner_motd_file, banner_motd_file_cmd, "banner motd file [FILE]",
      "Set banner\n"
      "Banner for motd\n"
      "Banner from a file\n"
      "Filename\n")
{
	set_str(&host.motdfile, argc > 0 ? argv[0] : NULL);
	return CMD_SUCCESS;
}

DEFUN(no_banner_motd, no_banner_motd_cmd, "no banner motd",
      NO_STR "Set banner string\n"
      "Strings for motd\n")
{
	host.motd = false;
	set_str(&host.motdfile, NULL);
	return CMD_SUCCESS;
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
	host.advanced = true;
	return CMD_SUCCESS;
}

DEFUN(no_service_advanced_vty, no_service_advanced_vty_cmd,
      "no service advanced-vty",
      NO_STR "Set up miscellaneous service\n"
      "Enable advanced mode vty interface\n")
{
	host.advanced = false;
	return CMD_SUCCESS;
}

DEFUN(log_commands, log_commands_cmd, "log commands",
      "Logging control\n"
      "Log all commands (can't be unset without restart)\n")
{
	host.log_commands = true;
	return CMD_SUCCESS;
}

static void set_timeout(struct vty *vty, long secs)
{
	struct vty_sess *s = vty->priv;

	host.timeout_s = secs;
	if (s && vty->type == VTY_TERM) {
		s->timeout_s = secs;
		vty_timeout_reset(s);
	}
}

DEFUN(exec_timeout_min, exec_timeout_min_cmd, "exec-timeout <0-35791>",
      "Set timeout value\n"
      "Timeout value in minutes\n")
{
	set_timeout(vty, strtol(argv[0], NULL, 10) * 60);
	return CMD_SUCCESS;
}

DEFUN(exec_timeout_sec, exec_timeout_sec_cmd, "exec-timeout <0-35791> <0-2147483>",
      "Set the EXEC timeout\n"
      "Timeout in minutes\n"
      "Timeout in seconds\n")
{
	set_timeout(vty, strtol(argv[0], NULL, 10) * 60 + strtol(argv[1], NULL, 10));
	return CMD_SUCCESS;
}

DEFUN(no_exec_timeout, no_exec_timeout_cmd, "no exec-timeout",
      NO_STR "Set the EXEC timeout\n")
{
	set_timeout(vty, VTY_TIMEOUT_DEFAULT);
	return CMD_SUCCESS;
}

DEFUN(vty_access_class, vty_access_class_cmd, "access-class WORD",
      "Filter connections based on an IP access list\n"
      "IP access list\n")
{
	set_str(&host.access_class, argv[0]);
	return CMD_SUCCESS;
}

DEFUN(no_vty_access_class, no_vty_access_class_cmd, "no access-class [WORD]",
      NO_STR "Filter connections based on an IP access list\n"
      "IP access list\n")
{
	if (!host.access_class || (argc > 0 && argv[0] &&
				   strcmp(host.access_class, argv[0]))) {
		vty_out(vty, "Access-class is not currently applied to vty\n");
		return CMD_WARNING;
	}
	set_str(&host.access_class, NULL);
	return CMD_SUCCESS;
}

DEFUN(vty_ipv6_access_class, vty_ipv6_access_class_cmd, "ipv6 access-class WORD",
      IPV6_STR "Filter connections based on an IP access list\n"
      "IPv6 access list\n")
{
	set_str(&host.ipv6_access_class, argv[0]);
	return CMD_SUCCESS;
}

DEFUN(no_vty_ipv6_access_class, no_vty_ipv6_access_class_cmd,
      "no ipv6 access-class [WORD]",
      NO_STR IPV6_STR "Filter connections based on an IP access list\n"
      "IPv6 access list\n")
{
	if (!host.ipv6_access_class || (argc > 0 && argv[0] &&
					strcmp(host.ipv6_access_class, argv[0]))) {
		vty_out(vty, "IPv6 access-class is not currently applied to vty\n");
		return CMD_WARNING;
	}
	set_str(&host.ipv6_access_class, NULL);
	return CMD_SUCCESS;
}

DEFUN(vty_login, vty_login_cmd, "login", "Enable password checking\n")
{
	host.no_login = false;
	return CMD_SUCCESS;
}

DEFUN(no_vty_login, no_vty_login_cmd, "no login",
      NO_STR "Enable password checking\n")
{
	host.no_login = true;
	return CMD_SUCCESS;
}

DEFUN(vty_restricted_mode, vty_restricted_mode_cmd, "anonymous restricted",
      "Restrict view commands available in anonymous, unauthenticated vty\n")
{
	host.restricted_mode = true;
	return CMD_SUCCESS;
}

DEFUN(vty_no_restricted_mode, vty_no_restricted_mode_cmd, "no anonymous restricted",
      NO_STR "Enable password checking\n")
{
	host.restricted_mode = false;
	return CMD_SUCCESS;
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

/* The tail of the CONFIG_NODE block (after logging). */
void cmd_line_host_config_write(struct vty *vty)
{
	if (host.advanced)
		vty_out(vty, "service advanced-vty\n");
	if (host.encrypt)
		vty_out(vty, "service password-encryption\n");
	if (host.lines >= 0)
		vty_out(vty, "service terminal-length %d\n", host.lines);
	if (host.motdfile)
		vty_out(vty, "banner motd file %s\n", host.motdfile);
	else if (!host.motd)
		vty_out(vty, "no banner motd\n");
}

/* VTY_NODE: writes its own "!" and returns 0, as Quagga. */
int cmd_line_config_write(struct vty *vty)
{
	vty_out(vty, "line vty\n");
	if (host.access_class)
		vty_out(vty, " access-class %s\n", host.access_class);
	if (host.ipv6_access_class)
		vty_out(vty, " ipv6 access-class %s\n", host.ipv6_access_class);
	if (host.timeout_s != VTY_TIMEOUT_DEFAULT)
		vty_out(vty, " exec-timeout %ld %ld\n", host.timeout_s / 60,
			host.timeout_s % 60);
	if (host.no_login)
		vty_out(vty, " no login\n");
	if (host.restricted_mode)
		vty_out(vty, " anonymous restricted\n");
	if (host.log_commands)
		vty_out(vty, "log commands\n");
	vty_out(vty, "!\n");
	return 0;
}
