/*
 * The common per-daemon settings on the YANG tree (yang/tarpan-system.yang,
 * lib/cmd_nb.c): a config using every one of them loads into the tree and
 * the runtime state (host settings, log.h), is written back in Quagga's
 * layout, and reloads to the same tree; `show running-config json` shows
 * them; a daemon can start from a JSON file holding them; password
 * encryption and the `no` forms behave as Quagga's.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "log.h"
#include "northbound.h"
#include "vty.h"
#include "../../lib/vty_private.h"

static struct vty *tv;
static char logfile[64];

static void setup(void)
{
	zlog_init("TEST", "test");
	cmd_init();
	nb_cli_init();
	tv = vty_new_buffer(CONFIG_NODE);
	snprintf(logfile, sizeof(logfile), "/tmp/test_cmd_nb_%d.log", (int)getpid());
}

static void teardown(void)
{
	vty_free_buffer(tv);
	cmd_terminate();
	nb_terminate();
	unlink(logfile);
}

TestSuite(sys, .init = setup, .fini = teardown);

static const char *run(const char *line)
{
	static char out[16384];

	vty_buffer_clear(tv);
	vty_command(tv, line);
	snprintf(out, sizeof(out), "%s", vty_buffer_text(tv));
	return out;
}

static const char *written(void)
{
	static char out[16384];

	vty_buffer_clear(tv);
	vty_write_config_blocks(tv);
	snprintf(out, sizeof(out), "%s", vty_buffer_text(tv));
	return out;
}

static char *write_tmp(const char *suffix, const char *text)
{
	char path[64];
	int fd;

	snprintf(path, sizeof(path), "/tmp/test_cmd_nb_XXXXXX%s", suffix);
	fd = mkstemps(path, (int)strlen(suffix));
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return strdup(path);
}

/* Every setting of the module, as Quagga writes them back. */
static void every_setting(char *buf, size_t len)
{
	snprintf(buf, len,
		 "hostname r1\n"
		 "password zebra\n"
		 "enable password 8 abCDefGHijklm\n"
		 "! N.B. The 'log trap' command is deprecated.\n"
		 "log trap warnings\n"
		 "log file %s informational\n"
		 "log stdout errors\n"
		 "log monitor critical\n"
		 "log syslog\n"
		 "log facility local3\n"
		 "log record-priority\n"
		 "log timestamp precision 3\n"
		 "service advanced-vty\n"
		 "service terminal-length 30\n"
		 "banner motd file /etc/motd\n"
		 "!\n"
		 "line vty\n"
		 " access-class VTYACL\n"
		 " ipv6 access-class VTYACL6\n"
		 " exec-timeout 5 30\n"
		 " no login\n"
		 " anonymous restricted\n"
		 "log commands\n"
		 "!\n", logfile);
}

static void assert_runtime(void)
{
	cr_assert_str_eq(cmd_hostname_get(), "r1");
	cr_assert_str_eq(host.password, "zebra");
	cr_assert_str_eq(host.enable_encrypt, "abCDefGHijklm");
	cr_assert_null(host.enable);
	cr_assert(host.advanced);
	cr_assert_eq(host.lines, 30);
	cr_assert_str_eq(host.motdfile, "/etc/motd");
	cr_assert_eq(host.timeout_s, 330);
	cr_assert_str_eq(host.access_class, "VTYACL");
	cr_assert_str_eq(host.ipv6_access_class, "VTYACL6");
	cr_assert(host.no_login);
	cr_assert(host.restricted_mode);
	cr_assert(host.log_commands);
	cr_assert_str_eq(zlog_filename(), logfile);
	cr_assert_str_eq(zlog_facility_name(zlog_get_facility()), "local3");
	cr_assert(zlog_get_record_priority());
	cr_assert_eq(zlog_get_timestamp_precision(), 3);
	/* a destination without a level is at the trap level */
	cr_assert_eq(zlog_get_level(LOG_DEST_STDOUT), LOG_ERR);
	cr_assert_eq(zlog_get_level(LOG_DEST_SYSLOG), LOG_WARNING);
	cr_assert_eq(zlog_get_level(LOG_DEST_FILE), LOG_INFO);
	cr_assert_eq(zlog_get_level(LOG_DEST_MONITOR), LOG_CRIT);
}

Test(sys, module_is_local)
{
	cr_assert(nb_module_local("tarpan-system"));
}

Test(sys, round_trip_of_every_setting)
{
	char conf[4096], text1[16384];
	char *f1, *f2;
	struct lyd_node *t1, *t2;

	every_setting(conf, sizeof(conf));
	f1 = write_tmp(".conf", conf);
	cr_assert_eq(vty_read_config(f1), 0);
	assert_runtime();
	snprintf(text1, sizeof(text1), "%s", written());
	cr_assert(strstr(text1, conf), "written:\n%s\nexpected:\n%s", text1, conf);

	f2 = write_tmp(".conf", text1);
	t1 = nb_running_copy();
	nb_reset();
	cr_assert_eq(vty_read_config(f2), 0);
	t2 = nb_running_copy();
	cr_assert(nb_same_config(t1, t2));
	cr_assert_str_eq(written(), text1);
	assert_runtime();
	nb_tree_release(t1);
	nb_tree_release(t2);
	unlink(f1);
	unlink(f2);
	free(f1);
	free(f2);
}

Test(sys, show_running_config_json_and_json_start_up)
{
	char conf[4096], text1[16384], out[16384];
	char *f1, *fj;

	every_setting(conf, sizeof(conf));
	f1 = write_tmp(".conf", conf);
	cr_assert_eq(vty_read_config(f1), 0);
	snprintf(text1, sizeof(text1), "%s", written());
	tv->node = ENABLE_NODE;
	snprintf(out, sizeof(out), "%s", run("show running-config json"));
	cr_assert(strstr(out, "\"tarpan-system:system\""), "%s", out);
	cr_assert(strstr(out, "\"hostname\": \"r1\""), "%s", out);
	cr_assert(strstr(out, "\"access-class\": \"VTYACL\""), "%s", out);
	cr_assert(strstr(out, "\"facility\": \"local3\""), "%s", out);
	cr_assert(strstr(out, "\"exec-timeout\": 330"), "%s", out);

	/* start from the JSON: same runtime state, same text */
	fj = write_tmp(".json", out);
	cmd_terminate();
	nb_terminate();
	cmd_init();
	nb_cli_init();
	cr_assert_null(host.password);
	cr_assert_eq(vty_read_config(fj), 0);
	assert_runtime();
	cr_assert_str_eq(written(), text1);
	unlink(f1);
	unlink(fj);
	free(f1);
	free(fj);
}

Test(sys, no_forms_restore_the_defaults)
{
	char conf[4096];
	char *f1;

	every_setting(conf, sizeof(conf));
	f1 = write_tmp(".conf", conf);
	cr_assert_eq(vty_read_config(f1), 0);
	run("no hostname");
	run("no password");
	run("no enable password");
	run("no log trap");
	run("no log file");
	run("no log stdout");
	run("log monitor");
	run("no log syslog");
	run("no log facility");
	run("no log record-priority");
	run("no log timestamp precision");
	run("no service advanced-vty");
	run("no service terminal-length");
	run("banner motd default");
	tv->node = VTY_NODE;
	cr_assert_str_eq(run("no access-class OTHER"),
			 "Access-class is not currently applied to vty\n");
	run("no access-class");
	run("no ipv6 access-class VTYACL6");
	run("no exec-timeout");
	run("login");
	run("no anonymous restricted");
	tv->node = CONFIG_NODE;
	cr_assert_not(cmd_hostname_is_set());
	cr_assert_null(host.enable_encrypt);
	cr_assert_not(host.advanced);
	cr_assert_eq(host.lines, -1);
	cr_assert_null(host.motdfile);
	cr_assert(host.motd);
	cr_assert_eq(host.timeout_s, 600);
	cr_assert_null(host.access_class);
	cr_assert_null(host.ipv6_access_class);
	cr_assert_not(host.no_login);
	cr_assert_not(host.restricted_mode);
	cr_assert_null(zlog_filename());
	cr_assert_eq(zlog_get_level(LOG_DEST_STDOUT), LOG_DISABLED);
	cr_assert_eq(zlog_get_level(LOG_DEST_SYSLOG), LOG_DISABLED);
	cr_assert_eq(zlog_get_level(LOG_DEST_MONITOR), LOG_DEBUG);
	cr_assert_str_eq(zlog_facility_name(zlog_get_facility()), "daemon");
	cr_assert_not(zlog_get_record_priority());
	cr_assert_eq(zlog_get_timestamp_precision(), 0);
	/* only `password zebra` (no `no password` in Quagga) and log commands */
	cr_assert_str_eq(written(), "password zebra\n!\nline vty\nlog commands\n!\n");
	unlink(f1);
	free(f1);
}

Test(sys, password_encryption_through_the_tree)
{
	const char *t;
	char enc[64];

	run("password zebra");
	run("enable password secret");
	run("service password-encryption");
	t = written();
	cr_assert_null(strstr(t, "password zebra"), "%s", t);
	cr_assert(strstr(t, "\npassword 8 ") || !strncmp(t, "password 8 ", 11), "%s", t);
	cr_assert(strstr(t, "enable password 8 "), "%s", t);
	cr_assert(strstr(t, "service password-encryption\n"), "%s", t);
	cr_assert_not_null(host.password_encrypt);
	snprintf(enc, sizeof(enc), "%s", host.password_encrypt);
	cr_assert_eq(strlen(enc), 13);
	/* a new password is kept encrypted only */
	run("password other");
	cr_assert_null(host.password);
	cr_assert_str_neq(host.password_encrypt, enc);
	run("no service password-encryption");
	t = written();
	cr_assert(strstr(t, "enable password secret\n"), "%s", t);
	cr_assert_null(strstr(t, "password 8"), "%s", t);
	cr_assert_null(host.password_encrypt);
	/* bad input is refused and changes nothing */
	cr_assert_str_eq(run("password -x"),
			 "Please specify string starting with alphanumeric\n");
	cr_assert_str_eq(run("hostname 1r"),
			 "Please specify string starting with alphabet\n");
	cr_assert_str_eq(written(), "enable password secret\n!\nline vty\n!\n");
}

Test(sys, log_trap_moves_the_enabled_destinations)
{
	const char *t;

	run("log stdout errors");
	run("log syslog informational");
	run("log trap warnings");
	cr_assert_eq(zlog_get_level(LOG_DEST_STDOUT), LOG_WARNING);
	cr_assert_eq(zlog_get_level(LOG_DEST_SYSLOG), LOG_WARNING);
	run("log file /dev/null");
	cr_assert_eq(zlog_get_level(LOG_DEST_FILE), LOG_WARNING);
	t = written();
	cr_assert(strstr(t, "log trap warnings\nlog file /dev/null\nlog stdout\n"
			 "log syslog\n"), "%s", t);
	run("log stdout debugging");
	cr_assert(strstr(written(), "log stdout debugging\n"));
	run("no log trap");
	cr_assert_eq(zlog_get_level(LOG_DEST_STDOUT), LOG_DEBUG);
	cr_assert_null(strstr(written(), "log trap"));
	run("no log file");
}

Test(sys, bad_json_start_up_is_refused)
{
	char *fj = write_tmp(".json",
		"{\"tarpan-system:system\": {\"hostname\": \"9bad\", "
		"\"line-vty\": {\"exec-timeout\": 60}}}");

	run("hostname keep");
	cr_assert_eq(vty_read_config(fj), 1);
	cr_assert_str_eq(cmd_hostname_get(), "keep");
	cr_assert_eq(host.timeout_s, 600);
	unlink(fj);
	free(fj);
}
