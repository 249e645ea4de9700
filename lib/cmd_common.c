/*
 * The commands every daemon has (facts.md "Commands every daemon has"):
 * node movement, enable/disable, configure terminal and its lock, help and
 * list, write/show running-config, hostname and passwords, logging, banner,
 * line vty, terminal settings, and the status commands (show version,
 * who, show history, show memory, show thread cpu, show logging).
 *
 * The install order follows Quagga's, so `list` prints the same sequence.
 * Config-write functions for CONFIG_NODE (host settings) and VTY_NODE
 * (line vty) print what the operator configured, in Quagga's layout.
 */
#include "config.h"

#include <crypt.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd_common.h"
#include "cmd_nb.h"
#include "command_private.h"
#include "event.h"
#include "log.h"
#include "memory.h"
#include "vty_private.h"

DEFINE_MTYPE_STATIC(HOST, "Host config");

static struct vty_sess *sess(struct vty *vty)
{
	return vty->priv;
}

/* ---- node movement ---------------------------------------------------- */

DEFUN(config_exit, config_exit_cmd, "exit",
      "Exit current mode and down to previous mode\n")
{
	switch (vty->node) {
	case VIEW_NODE:
	case ENABLE_NODE:
	case RESTRICTED_NODE:
		if (vty->type == VTY_TERM || vty->type == VTY_SHELL)
			sess(vty)->status = VST_CLOSE;
		break;
	case CONFIG_NODE:
		vty_config_unlock(vty);
		vty_enter_node(vty, ENABLE_NODE, NULL);
		break;
	case KEYCHAIN_KEY_NODE:
	case LINK_PARAMS_NODE:
		vty->node = node_parent(vty->node);
		vty->index_sub = NULL;
		break;
	case BGP_VPNV4_NODE:
	case BGP_VPNV6_NODE:
	case BGP_IPV4_NODE:
	case BGP_IPV4M_NODE:
	case BGP_IPV6_NODE:
	case BGP_IPV6M_NODE:
	case BGP_ENCAP_NODE:
	case BGP_ENCAPV6_NODE:
		vty->node = BGP_NODE;
		break;
	default:
		if (vty->node > CONFIG_NODE)
			vty_enter_node(vty, CONFIG_NODE, NULL);
		break;
	}
	return CMD_SUCCESS;
}

ALIAS(config_exit, config_quit_cmd, "quit",
      "Exit current mode and down to previous mode\n");

DEFUN(config_end, config_end_cmd, "end",
      "End current mode and change to enable mode.")
{
	if (vty->node >= CONFIG_NODE) {
		vty_config_unlock(vty);
		vty_enter_node(vty, ENABLE_NODE, NULL);
	}
	return CMD_SUCCESS;
}

DEFUN(enable, enable_cmd, "enable", "Turn on privileged mode command\n")
{
	if (vty->type != VTY_TERM || (!host.enable && !host.enable_encrypt)) {
		vty->node = ENABLE_NODE;
	} else {
		sess(vty)->fail = 0;
		vty->node = AUTH_ENABLE_NODE;
	}
	return CMD_SUCCESS;
}

DEFUN(disable, disable_cmd, "disable", "Turn off privileged mode command\n")
{
	if (vty->node == ENABLE_NODE)
		vty->node = VIEW_NODE;
	return CMD_SUCCESS;
}

DEFUN(config_terminal, config_terminal_cmd, "configure terminal",
      "Configuration from vty interface\n"
      "Configuration terminal\n")
{
	if (!vty_config_lock(vty)) {
		vty_out(vty, "VTY configuration is locked by other VTY\n");
		return CMD_WARNING;
	}
	vty_enter_node(vty, CONFIG_NODE, NULL);
	return CMD_SUCCESS;
}

DEFUN(config_help, config_help_cmd, "help",
      "Description of the interactive help system\n")
{
	vty_out(vty,
		"This VTY provides advanced help features.  When you need help,\n"
		"anytime at the command line please press '?'.\n"
		"\n"
		"If nothing matches, the help list will be empty and you must backup\n"
		" until entering a '?' shows the available options.\n"
		"Two styles of help are provided:\n"
		"1. Full help is available when you are ready to enter a\n"
		"command argument (e.g. 'show ?') and describes each possible\n"
		"argument.\n"
		"2. Partial help is provided when an abbreviated argument is entered\n"
		"   and you want to know what arguments match the input\n"
		"   (e.g. 'show me?'.)\n\n");
	return CMD_SUCCESS;
}

DEFUN(config_list, config_list_cmd, "list", "Print command list\n")
{
	cmd_list(vty, vty->node);
	return CMD_SUCCESS;
}

/* ---- write / show config ---------------------------------------------- */

DEFUN(config_write_file, config_write_file_cmd, "write file",
      "Write running configuration to memory, network, or terminal\n"
      "Write to configuration file\n")
{
	return vty_write_config_file(vty);
}

ALIAS(config_write_file, config_write_cmd, "write",
      "Write running configuration to memory, network, or terminal\n");
ALIAS(config_write_file, config_write_memory_cmd, "write memory",
      "Write running configuration to memory, network, or terminal\n"
      "Write configuration to the file (same as write file)\n");
ALIAS(config_write_file, copy_runningconfig_startupconfig_cmd,
      "copy running-config startup-config",
      "Copy configuration\n"
      "Copy running config to... \n"
      "Copy running config to startup config (same as write file)\n");

DEFUN(config_write_terminal, config_write_terminal_cmd, "write terminal",
      "Write running configuration to memory, network, or terminal\n"
      "Write to terminal\n")
{
	if (vty->type == VTY_SHELL) {
		/* vtysh merges the blocks of all daemons itself */
		vty_write_config_blocks(vty);
		return CMD_SUCCESS;
	}
	vty_out(vty, "\nCurrent configuration:\n!\n");
	vty_write_config_blocks(vty);
	vty_out(vty, "end\n");
	return CMD_SUCCESS;
}

ALIAS(config_write_terminal, show_running_config_cmd, "show running-config",
      SHOW_STR "running configuration\n");

DEFUN(show_startup_config, show_startup_config_cmd, "show startup-config",
      SHOW_STR "Contentes of startup configuration\n")
{
	const char *file = vty_get_config_file();
	char line[1024];
	FILE *f = file ? fopen(file, "r") : NULL;

	if (!f) {
		vty_out(vty, "Can't open configuration file [%s]\n",
			file ? file : "");
		return CMD_WARNING;
	}
	while (fgets(line, sizeof(line), f)) {
		size_t n = strcspn(line, "\r\n");

		line[n] = '\0';
		vty_out(vty, "%s\n", line);
	}
	fclose(f);
	return CMD_SUCCESS;
}

/* ---- hostname and passwords ------------------------------------------- */

DEFUN(config_hostname, hostname_cmd, "hostname WORD",
      "Set system's network name\n"
      "This system's network name\n")
{
	if (!isalpha((unsigned char)argv[0][0])) {
		vty_out(vty, "Please specify string starting with alphabet\n");
		return CMD_WARNING;
	}
	return cmd_nb_edit(vty, SYS_XP "/hostname", NB_OP_MODIFY, argv[0]);
}

DEFUN(config_no_hostname, no_hostname_cmd, "no hostname [HOSTNAME]",
      NO_STR "Reset system's network name\n"
      "Host name of this router\n")
{
	return cmd_nb_edit(vty, SYS_XP "/hostname", NB_OP_DESTROY, NULL);
}

static char *zencrypt(const char *pw)
{
	static const char salt_chars[] =
		"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	char salt[3];
	const char *c;

	salt[0] = salt_chars[random() % 64];
	salt[1] = salt_chars[random() % 64];
	salt[2] = '\0';
	c = crypt(pw, salt);
	return c ? tp_strdup(&MTYPE_HOST, c) : NULL;
}

/* Shared by `password` and `enable password`: leaf is the clear-text
 * leaf's path, the encrypted one is leaf "-encrypted". With service
 * password-encryption only the encrypted form is kept. */
static int set_password(struct vty *vty, int argc, const char *argv[],
			const char *leaf)
{
	char enc_xp[NB_XPATH_MAX];
	const char *pw;
	char *c;
	int ret;

	snprintf(enc_xp, sizeof(enc_xp), "%s-encrypted", leaf);
	if (argc == 2 && argv[0]) {
		/* "8": already encrypted */
		nb_cli_enqueue_change(vty, leaf, NB_OP_DESTROY, NULL);
		return cmd_nb_edit(vty, enc_xp, NB_OP_MODIFY, argv[1]);
	}
	pw = argc == 2 ? argv[1] : argv[0];
	if (!isalnum((unsigned char)pw[0])) {
		vty_out(vty, "Please specify string starting with alphanumeric\n");
		return CMD_WARNING;
	}
	if (!nb_find(SYS_XP "/password-encryption"))
		return cmd_nb_edit(vty, leaf, NB_OP_MODIFY, pw);
	c = zencrypt(pw);
	if (!c)
		return CMD_WARNING;
	nb_cli_enqueue_change(vty, leaf, NB_OP_DESTROY, NULL);
	ret = cmd_nb_edit(vty, enc_xp, NB_OP_MODIFY, c);
	tp_free(&MTYPE_HOST, c);
	return ret;
}

DEFUN(config_password, password_cmd, "password (8|) WORD",
      "Assign the terminal connection password\n"
      "Specifies a HIDDEN password will follow\n"
      "dummy string \n"
      "The HIDDEN line password string\n")
{
	return set_password(vty, argc, argv, SYS_XP "/password");
}

ALIAS(config_password, password_text_cmd, "password LINE",
      "Assign the terminal connection password\n"
      "The UNENCRYPTED (cleartext) line password\n");

DEFUN(config_enable_password, enable_password_cmd, "enable password (8|) WORD",
      "Modify enable password parameters\n"
      "Assign the privileged level password\n"
      "Specifies a HIDDEN password will follow\n"
      "dummy string \n"
      "The HIDDEN 'enable' password string\n")
{
	return set_password(vty, argc, argv, SYS_XP "/enable-password");
}

ALIAS(config_enable_password, enable_password_text_cmd, "enable password LINE",
      "Modify enable password parameters\n"
      "Assign the privileged level password\n"
      "The UNENCRYPTED (cleartext) 'enable' password\n");

DEFUN(no_config_enable_password, no_enable_password_cmd, "no enable password",
      NO_STR "Modify enable password parameters\n"
      "Assign the privileged level password\n")
{
	nb_cli_enqueue_change(vty, SYS_XP "/enable-password", NB_OP_DESTROY, NULL);
	return cmd_nb_edit(vty, SYS_XP "/enable-password-encrypted",
			   NB_OP_DESTROY, NULL);
}

DEFUN(service_password_encrypt, service_password_encrypt_cmd,
      "service password-encryption",
      "Set up miscellaneous service\n"
      "Enable encrypted passwords\n")
{
	static const char *const leaves[] = { SYS_XP "/password",
					      SYS_XP "/enable-password" };
	char *enc[2] = { NULL, NULL };
	int ret;

	if (nb_find(SYS_XP "/password-encryption"))
		return CMD_SUCCESS;
	/* the clear-text forms stay; encrypted copies are made now */
	for (int i = 0; i < 2; i++) {
		const char *plain = nb_value(nb_find(leaves[i]));
		char xp[NB_XPATH_MAX];

		if (!plain || !(enc[i] = zencrypt(plain)))
			continue;
		snprintf(xp, sizeof(xp), "%s-encrypted", leaves[i]);
		nb_cli_enqueue_change(vty, xp, NB_OP_MODIFY, enc[i]);
	}
	ret = cmd_nb_edit(vty, SYS_XP "/password-encryption", NB_OP_CREATE, NULL);
	tp_free(&MTYPE_HOST, enc[0]);
	tp_free(&MTYPE_HOST, enc[1]);
	return ret;
}

DEFUN(no_service_password_encrypt, no_service_password_encrypt_cmd,
      "no service password-encryption",
      NO_STR "Set up miscellaneous service\n"
      "Enable encrypted passwords\n")
{
	if (!nb_find(SYS_XP "/password-encryption"))
		return CMD_SUCCESS;
	nb_cli_enqueue_change(vty, SYS_XP "/password-encrypted", NB_OP_DESTROY, NULL);
	nb_cli_enqueue_change(vty, SYS_XP "/enable-password-encrypted",
			      NB_OP_DESTROY, NULL);
	return cmd_nb_edit(vty, SYS_XP "/password-encryption", NB_OP_DESTROY, NULL);
}

/* ---- terminal ----------------------------------------------------------- */

DEFUN(config_terminal_length, config_terminal_length_cmd,
      "terminal length <0-512>",
      "Set terminal line parameters\n"
      "Set number of lines on a screen\n"
      "Number of lines on screen (0 for no pausing)\n")
{
	sess(vty)->lines = atoi(argv[0]);
	return CMD_SUCCESS;
}

DEFUN(config_terminal_no_length, config_terminal_no_length_cmd,
      "terminal no length",
      "Set terminal line parameters\n" NO_STR
      "Set number of lines on a screen\n")
{
	sess(vty)->lines = -1;
	return CMD_SUCCESS;
}

DEFUN(service_terminal_length, service_terminal_length_cmd,
      "service terminal-length <0-512>",
      "Set up miscellaneous service\n"
      "System wide terminal length configuration\n"
      "Number of lines of VTY (0 means no line control)\n")
{
	return cmd_nb_edit(vty, SYS_XP "/terminal-length", NB_OP_MODIFY, argv[0]);
}

DEFUN(no_service_terminal_length, no_service_terminal_length_cmd,
      "no service terminal-length [<0-512>]",
      NO_STR "Set up miscellaneous service\n"
      "System wide terminal length configuration\n"
      "Number of lines of VTY (0 means no line control)\n")
{
	return cmd_nb_edit(vty, SYS_XP "/terminal-length", NB_OP_DESTROY, NULL);
}

DEFUN(terminal_monitor, terminal_monitor_cmd, "terminal monitor",
      "Set terminal line parameters\n"
      "Copy debug output to the current terminal line\n")
{
	sess(vty)->monitor = true;
	return CMD_SUCCESS;
}

DEFUN(terminal_no_monitor, terminal_no_monitor_cmd, "terminal no monitor",
      "Set terminal line parameters\n" NO_STR
      "Copy debug output to the current terminal line\n")
{
	sess(vty)->monitor = false;
	return CMD_SUCCESS;
}

ALIAS(terminal_no_monitor, no_terminal_monitor_cmd, "no terminal monitor",
      NO_STR "Set terminal line parameters\n"
      "Copy debug output to the current terminal line\n");

DEFUN_HIDDEN(echo, echo_cmd, "echo .MESSAGE",
	     "Echo a message back to the vty\n"
	     "The message to echo\n")
{
	for (int i = 0; i < argc; i++)
		vty_out(vty, "%s%s", i ? " " : "", argv[i]);
	vty_out(vty, "\n");
	return CMD_SUCCESS;
}

DEFUN(config_logmsg, config_logmsg_cmd, "logmsg " LOG_LEVELS " .MESSAGE",
      "Send a message to enabled logging destinations\n" LOG_LEVEL_DESC
      "The message to send\n")
{
	char msg[4096];
	size_t off = 0;
	int level = zlog_level_from_name(argv[0]);

	msg[0] = '\0';
	for (int i = 1; i < argc && off < sizeof(msg); i++)
		off += (size_t)snprintf(msg + off, sizeof(msg) - off, "%s%s",
					i > 1 ? " " : "", argv[i]);
	zlog(level < 0 ? LOG_INFO : level, "%s", msg);
	return CMD_SUCCESS;
}

/* ---- status ------------------------------------------------------------- */

DEFUN(show_version, show_version_cmd, "show version",
      SHOW_STR "Displays zebra version\n")
{
	vty_out(vty, "Tarpan %s (%s).\n", PACKAGE_VERSION,
		cmd_hostname_is_set() ? cmd_hostname_get() : "");
	vty_out(vty, "A Quagga 1.2.4 compatible routing suite.\n");
	vty_out(vty, "configured with:\n    --sysconfdir=%s --localstatedir=%s\n",
		SYSCONFDIR, STATEDIR);
	return CMD_SUCCESS;
}

DEFUN(show_logging, show_logging_cmd, "show logging",
      SHOW_STR "Show current logging configuration\n")
{
	int l;

	vty_out(vty, "Syslog logging: ");
	l = zlog_get_level(LOG_DEST_SYSLOG);
	if (l == LOG_DISABLED)
		vty_out(vty, "disabled");
	else
		vty_out(vty, "level %s, facility %s, ident %s", zlog_level_name(l),
			zlog_facility_name(zlog_get_facility()), vty_daemon_name);
	vty_out(vty, "\nStdout logging: ");
	l = zlog_get_level(LOG_DEST_STDOUT);
	if (l == LOG_DISABLED)
		vty_out(vty, "disabled");
	else
		vty_out(vty, "level %s", zlog_level_name(l));
	vty_out(vty, "\nMonitor logging: ");
	l = zlog_get_level(LOG_DEST_MONITOR);
	if (l == LOG_DISABLED)
		vty_out(vty, "disabled");
	else
		vty_out(vty, "level %s", zlog_level_name(l));
	vty_out(vty, "\nFile logging: ");
	l = zlog_get_level(LOG_DEST_FILE);
	if (l == LOG_DISABLED || !zlog_filename())
		vty_out(vty, "disabled");
	else
		vty_out(vty, "level %s, filename %s", zlog_level_name(l),
			zlog_filename());
	vty_out(vty, "\nProtocol name: %s\n", zlog_protoname());
	vty_out(vty, "Record priority: %s\n",
		zlog_get_record_priority() ? "enabled" : "disabled");
	vty_out(vty, "Timestamp precision: %d\n", zlog_get_timestamp_precision());
	return CMD_SUCCESS;
}

DEFUN(show_commandtree, show_commandtree_cmd, "show commandtree",
      SHOW_STR "Show command tree\n")
{
	vty_out(vty, "Current node id: %d\n", vty->node);
	cmd_list(vty, vty->node);
	return CMD_SUCCESS;
}

DEFUN(show_history, show_history_cmd, "show history",
      SHOW_STR "Display the session command history\n")
{
	vty_show_history(vty);
	return CMD_SUCCESS;
}

DEFUN(who, who_cmd, "who", "Display who is on vty\n")
{
	vty_who(vty);
	return CMD_SUCCESS;
}

struct cpu_walk {
	struct vty *vty;
	const char *filter;
	struct event_cpu_stat total;
};

static bool type_match(const char *types, const char *filter)
{
	if (!filter)
		return true;
	for (const char *f = filter; *f; f++)
		if (strchr(types, toupper((unsigned char)*f)))
			return true;
	return false;
}

static void cpu_row(struct vty *vty, const struct event_cpu_stat *st,
		    const char *name)
{
	unsigned long runs = st->runs ? st->runs : 1;

	vty_out(vty, "%7llu.%03llu %9lu %8llu %9llu %8llu %9llu  %-5s %s\n",
		(unsigned long long)(st->cpu_us / 1000),
		(unsigned long long)(st->cpu_us % 1000), st->runs,
		(unsigned long long)(st->cpu_us / runs),
		(unsigned long long)st->max_cpu_us,
		(unsigned long long)(st->real_us / runs),
		(unsigned long long)st->max_real_us, st->types, name);
}

static void cpu_one(const struct event_cpu_stat *st, void *arg)
{
	struct cpu_walk *w = arg;

	if (!type_match(st->types, w->filter))
		return;
	cpu_row(w->vty, st, st->fname);
	w->total.runs += st->runs;
	w->total.cpu_us += st->cpu_us;
	w->total.real_us += st->real_us;
	if (st->max_cpu_us > w->total.max_cpu_us)
		w->total.max_cpu_us = st->max_cpu_us;
	if (st->max_real_us > w->total.max_real_us)
		w->total.max_real_us = st->max_real_us;
}

DEFUN(show_thread_cpu, show_thread_cpu_cmd, "show thread cpu [FILTER]",
      SHOW_STR "Thread information\n"
      "Thread CPU usage\n"
      "Display filter (rwtexb)\n")
{
	struct cpu_walk w = { .vty = vty, .filter = argc > 0 ? argv[0] : NULL };

	if (w.filter)
		for (const char *f = w.filter; *f; f++)
			if (!strchr("rwtexbRWTEXB", *f)) {
				vty_out(vty, "Invalid filter \"%s\" specified, must contain at least one of 'RWTEXB'\n",
					w.filter);
				return CMD_WARNING;
			}
	vty_out(vty, "%21s %18s %18s\n", "", "CPU (user+system):", "Real (wall-clock):");
	vty_out(vty, "Runtime(ms)   Invoked Avg uSec Max uSecs Avg uSec Max uSecs  Type  Thread\n");
	if (vty_loop)
		event_cpu_stats_walk(vty_loop, cpu_one, &w);
	vty_out(vty, "------\n");
	snprintf(w.total.types, sizeof(w.total.types), "%s", "");
	cpu_row(vty, &w.total, "TOTAL");
	return CMD_SUCCESS;
}

DEFUN(clear_thread_cpu, clear_thread_cpu_cmd, "clear thread cpu [FILTER]",
      CLEAR_STR "Thread information\n"
      "Thread CPU usage\n"
      "Display filter (rwtexb)\n")
{
	if (vty_loop)
		event_cpu_stats_clear(vty_loop);
	return CMD_SUCCESS;
}

DEFUN(show_work_queues, show_work_queues_cmd, "show work-queues",
      SHOW_STR "Work Queue information\n")
{
	vty_out(vty, "%c %8s %5s %8s %21s\n", ' ', "List", "(ms) ", "Q. Runs",
		"Cycle Counts   ");
	vty_out(vty, "%c %8s %5s %8s %7s %6s %6s %s\n", 'P', "Items", "Hold",
		"Total", "Best", "Gran.", "Avg.", "Name");
	return CMD_SUCCESS;
}

DEFUN(show_memory, show_memory_cmd, "show memory",
      SHOW_STR "Memory statistics\n")
{
	size_t total = 0;

	vty_out(vty, "%-30s: %10s %12s %12s\n", "Memory type", "Count", "Bytes",
		"Peak bytes");
	vty_out(vty, "-----------------------------\n");
	for (struct mtype *mt = mtype_first(); mt; mt = mt->next) {
		if (!mt->count && !mt->peak_bytes)
			continue;
		vty_out(vty, "%-30s: %10zu %12zu %12zu\n", mt->name, mt->count,
			mt->bytes, mt->peak_bytes);
		total += mt->bytes;
	}
	vty_out(vty, "-----------------------------\n");
	vty_out(vty, "%-30s: %10s %12zu\n", "Total", "", total);
	return CMD_SUCCESS;
}


/* ---- CONFIG_NODE block and installation ---------------------------------- */

static int host_config_write(struct vty *vty)
{
	cmd_nb_host_write(vty);
	return 1;
}

static struct cmd_node auth_node = { AUTH_NODE, "Password: ", NULL };
static struct cmd_node view_node = { VIEW_NODE, "%s> ", NULL };
static struct cmd_node restricted_node = { RESTRICTED_NODE, "%s$ ", NULL };
static struct cmd_node auth_enable_node = { AUTH_ENABLE_NODE, "Password: ", NULL };
static struct cmd_node enable_node = { ENABLE_NODE, "%s# ", NULL };
static struct cmd_node config_node = { CONFIG_NODE, "%s(config)# ", host_config_write };
static struct cmd_node vty_node = { VTY_NODE, "%s(config-line)# ", cmd_line_config_write };

void install_default(enum node_type node)
{
	install_element(node, &config_exit_cmd);
	install_element(node, &config_quit_cmd);
	install_element(node, &config_help_cmd);
	install_element(node, &config_list_cmd);
	install_element(node, &config_end_cmd);
	install_element(node, &config_write_terminal_cmd);
	install_element(node, &config_write_file_cmd);
	install_element(node, &config_write_memory_cmd);
	install_element(node, &config_write_cmd);
	install_element(node, &show_running_config_cmd);
}

void cmd_common_init_nodes(void)
{
	srandom((unsigned)time(NULL) ^ (unsigned)getpid());
	cmd_nb_init();
	install_node(&auth_node);
	install_node(&view_node);
	install_node(&restricted_node);
	install_node(&auth_enable_node);
	install_node(&enable_node);
	install_node(&config_node);
	install_node(&vty_node);

	/* cmd_init's part, in Quagga's order */
	install_element(VIEW_NODE, &show_version_cmd);
	install_element(VIEW_NODE, &config_exit_cmd);
	install_element(VIEW_NODE, &config_quit_cmd);
	install_element(VIEW_NODE, &config_help_cmd);
	install_element(VIEW_NODE, &config_list_cmd);
	install_element(VIEW_NODE, &enable_cmd);
	install_element(VIEW_NODE, &config_terminal_length_cmd);
	install_element(VIEW_NODE, &config_terminal_no_length_cmd);
	install_element(VIEW_NODE, &show_logging_cmd);
	install_element(VIEW_NODE, &show_commandtree_cmd);
	install_element(VIEW_NODE, &echo_cmd);

	install_element(RESTRICTED_NODE, &config_exit_cmd);
	install_element(RESTRICTED_NODE, &config_quit_cmd);
	install_element(RESTRICTED_NODE, &config_help_cmd);
	install_element(RESTRICTED_NODE, &config_list_cmd);
	install_element(RESTRICTED_NODE, &enable_cmd);
	install_element(RESTRICTED_NODE, &config_terminal_length_cmd);
	install_element(RESTRICTED_NODE, &config_terminal_no_length_cmd);
	install_element(RESTRICTED_NODE, &show_commandtree_cmd);
	install_element(RESTRICTED_NODE, &echo_cmd);

	install_default(ENABLE_NODE);
	install_element(ENABLE_NODE, &disable_cmd);
	install_element(ENABLE_NODE, &config_terminal_cmd);
	install_element(ENABLE_NODE, &copy_runningconfig_startupconfig_cmd);
	install_element(ENABLE_NODE, &show_startup_config_cmd);
	install_element(ENABLE_NODE, &config_logmsg_cmd);

	install_default(CONFIG_NODE);
	install_element(CONFIG_NODE, &hostname_cmd);
	install_element(CONFIG_NODE, &no_hostname_cmd);
	install_element(CONFIG_NODE, &password_cmd);
	install_element(CONFIG_NODE, &password_text_cmd);
	install_element(CONFIG_NODE, &enable_password_cmd);
	install_element(CONFIG_NODE, &enable_password_text_cmd);
	install_element(CONFIG_NODE, &no_enable_password_cmd);
	cmd_log_install();
	install_element(CONFIG_NODE, &service_password_encrypt_cmd);
	install_element(CONFIG_NODE, &no_service_password_encrypt_cmd);
	install_element(CONFIG_NODE, &banner_motd_default_cmd);
	install_element(CONFIG_NODE, &banner_motd_file_cmd);
	install_element(CONFIG_NODE, &no_banner_motd_cmd);
	install_element(CONFIG_NODE, &service_terminal_length_cmd);
	install_element(CONFIG_NODE, &no_service_terminal_length_cmd);
	install_element(CONFIG_NODE, &show_commandtree_cmd);

	/* thread.c, workqueue.c */
	install_element(VIEW_NODE, &show_thread_cpu_cmd);
	install_element(RESTRICTED_NODE, &show_thread_cpu_cmd);
	install_element(ENABLE_NODE, &clear_thread_cpu_cmd);
	install_element(VIEW_NODE, &show_work_queues_cmd);

	/* vty_init's part */
	install_element(RESTRICTED_NODE, &who_cmd);
	install_element(VIEW_NODE, &who_cmd);
	install_element(RESTRICTED_NODE, &show_history_cmd);
	install_element(VIEW_NODE, &show_history_cmd);
	install_element(CONFIG_NODE, &line_vty_cmd);
	install_element(CONFIG_NODE, &service_advanced_vty_cmd);
	install_element(CONFIG_NODE, &no_service_advanced_vty_cmd);
	install_element(CONFIG_NODE, &show_history_cmd);
	install_element(ENABLE_NODE, &terminal_monitor_cmd);
	install_element(ENABLE_NODE, &terminal_no_monitor_cmd);
	install_element(ENABLE_NODE, &no_terminal_monitor_cmd);
	install_element(CONFIG_NODE, &log_commands_cmd);
	install_default(VTY_NODE);
	cmd_line_install_vty_node();

	/* memory.c */
	install_element(RESTRICTED_NODE, &show_memory_cmd);
	install_element(VIEW_NODE, &show_memory_cmd);

	/* vrf.c's part */
	cmd_vrf_install();
}

void cmd_common_terminate_nodes(void)
{
	cmd_nb_terminate();
}
