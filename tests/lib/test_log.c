/*
 * Logging tests: the file destination's line layout, per-destination
 * levels, record-priority, timestamp precision, the monitor sink, name
 * tables, rate limiting and zlog_fatal.
 */
#include <criterion/criterion.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"

static char path[64];

static void setup(void)
{
	int fd;

	strcpy(path, "/tmp/test_log.XXXXXX");
	fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	close(fd);
	unlink(path);
	zlog_init("ZEBRA", "zebra");
	zlog_set_level(LOG_DEST_STDOUT, LOG_DISABLED);
}

static void teardown(void)
{
	zlog_reset_file();
	unlink(path);
}

TestSuite(log, .init = setup, .fini = teardown, .timeout = 10);

/* Reads the log file into `out`, returns the number of lines. */
static int slurp(char *out, size_t size)
{
	FILE *fp = fopen(path, "r");
	size_t n;
	int lines = 0;

	cr_assert_not_null(fp);
	n = fread(out, 1, size - 1, fp);
	out[n] = '\0';
	fclose(fp);
	for (size_t i = 0; i < n; i++)
		lines += out[i] == '\n';
	return lines;
}

static bool matches(const char *text, const char *re)
{
	regex_t rx;
	bool ok;

	cr_assert_eq(regcomp(&rx, re, REG_EXTENDED | REG_NEWLINE), 0);
	ok = regexec(&rx, text, 0, NULL, 0) == 0;
	regfree(&rx);
	return ok;
}

Test(log, file_line_layout_as_quagga)
{
	char buf[4096];
	struct stat st;

	cr_assert_eq(zlog_set_file(path, LOG_DEBUG), 0);
	cr_assert_str_eq(zlog_filename(), path);
	zlog_info("Zebra %s starting: vty@%d", "0.1.0", 2601);
	cr_assert_eq(slurp(buf, sizeof(buf)), 1);
	cr_assert(matches(buf, "^[0-9]{4}/[0-9]{2}/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} "
			       "ZEBRA: Zebra 0.1.0 starting: vty@2601\n$"),
		  "got: %s", buf);
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
}

Test(log, file_level_filters)
{
	char buf[4096];

	cr_assert_eq(zlog_set_file(path, LOG_WARNING), 0);
	cr_assert_eq(zlog_get_level(LOG_DEST_FILE), LOG_WARNING);
	zlog_debug("hidden debug");
	zlog_info("hidden info");
	zlog_warn("shown warning");
	zlog_err("shown error");
	cr_assert_eq(slurp(buf, sizeof(buf)), 2);
	cr_assert_null(strstr(buf, "hidden"));
	cr_assert_not_null(strstr(buf, "ZEBRA: shown warning\n"));
	cr_assert_not_null(strstr(buf, "ZEBRA: shown error\n"));

	zlog_set_level(LOG_DEST_FILE, LOG_DISABLED);
	zlog_err("nothing");
	cr_assert_eq(slurp(buf, sizeof(buf)), 2);
}

Test(log, record_priority)
{
	char buf[4096];

	cr_assert_eq(zlog_set_file(path, LOG_DEBUG), 0);
	zlog_set_record_priority(true);
	cr_assert(zlog_get_record_priority());
	zlog_warn("careful");
	zlog_set_record_priority(false);
	zlog_warn("plain");
	slurp(buf, sizeof(buf));
	cr_assert(matches(buf, ":[0-9]{2} warnings: ZEBRA: careful$"), "got: %s", buf);
	cr_assert(matches(buf, ":[0-9]{2} ZEBRA: plain$"), "got: %s", buf);
}

Test(log, timestamp_precision)
{
	char buf[4096];

	cr_assert_eq(zlog_set_file(path, LOG_DEBUG), 0);
	zlog_set_timestamp_precision(3);
	cr_assert_eq(zlog_get_timestamp_precision(), 3);
	zlog_info("three");
	zlog_set_timestamp_precision(6);
	zlog_info("six");
	zlog_set_timestamp_precision(9);	/* clamped */
	cr_assert_eq(zlog_get_timestamp_precision(), 6);
	zlog_set_timestamp_precision(0);
	zlog_info("zero");
	slurp(buf, sizeof(buf));
	cr_assert(matches(buf, "^[0-9/]{10} [0-9:]{8}\\.[0-9]{3} ZEBRA: three$"), "%s", buf);
	cr_assert(matches(buf, "^[0-9/]{10} [0-9:]{8}\\.[0-9]{6} ZEBRA: six$"), "%s", buf);
	cr_assert(matches(buf, "^[0-9/]{10} [0-9:]{8} ZEBRA: zero$"), "%s", buf);
}

static char mon_line[512];
static int mon_prio = -1;
static void monitor(int prio, const char *line, size_t len)
{
	mon_prio = prio;
	snprintf(mon_line, sizeof(mon_line), "%.*s", (int)len, line);
}

Test(log, monitor_sink_gets_formatted_line)
{
	zlog_set_monitor_sink(monitor);
	zlog_set_level(LOG_DEST_MONITOR, LOG_NOTICE);
	zlog_info("too low");
	cr_assert_eq(mon_prio, -1);
	zlog_notice("Vty connection from %s", "127.0.0.1");
	cr_assert_eq(mon_prio, LOG_NOTICE);
	cr_assert(matches(mon_line, "^[0-9/]{10} [0-9:]{8} ZEBRA: Vty connection from 127.0.0.1$"),
		  "%s", mon_line);
	zlog_set_monitor_sink(NULL);
}

Test(log, names)
{
	cr_assert_str_eq(zlog_level_name(LOG_DEBUG), "debugging");
	cr_assert_str_eq(zlog_level_name(LOG_EMERG), "emergencies");
	cr_assert_str_eq(zlog_level_name(LOG_NOTICE), "notifications");
	cr_assert_null(zlog_level_name(8));
	cr_assert_eq(zlog_level_from_name("informational"), LOG_INFO);
	cr_assert_eq(zlog_level_from_name("info"), -1);
	cr_assert_str_eq(zlog_facility_name(LOG_LOCAL7), "local7");
	cr_assert_eq(zlog_facility_from_name("daemon"), LOG_DAEMON);
	cr_assert_eq(zlog_facility_from_name("bogus"), -1);
	cr_assert_eq(zlog_get_facility(), LOG_DAEMON);
	cr_assert_eq(zlog_default_level(), LOG_DEBUG);
	cr_assert_str_eq(zlog_protoname(), "ZEBRA");
}

Test(log, unwritable_file_is_an_error_and_keeps_the_old_one)
{
	cr_assert_eq(zlog_set_file(path, LOG_DEBUG), 0);
	cr_assert_eq(zlog_set_file("/nonexistent-dir/x.log", LOG_DEBUG), -1);
	cr_assert_str_eq(zlog_filename(), path);
	cr_assert_eq(zlog_get_level(LOG_DEST_FILE), LOG_DEBUG);
}

Test(log, rate_limit_bursts_then_reports_suppressed)
{
	struct log_ratelimit rl = LOG_RATELIMIT_INIT(1, 3);
	char buf[8192];
	int i;

	cr_assert_eq(zlog_set_file(path, LOG_DEBUG), 0);
	for (i = 0; i < 10; i++)
		zlog_rl(&rl, LOG_WARNING, "bad packet %d", i);
	cr_assert_eq(slurp(buf, sizeof(buf)), 3);
	cr_assert_not_null(strstr(buf, "bad packet 2\n"));
	cr_assert_null(strstr(buf, "bad packet 3\n"));
	cr_assert_eq(rl.suppressed, 7);

	/* the next window reports what was dropped, then logs again */
	rl.window_start -= 2;
	zlog_rl(&rl, LOG_WARNING, "bad packet %d", 10);
	cr_assert_eq(slurp(buf, sizeof(buf)), 5);
	cr_assert_not_null(strstr(buf, "ZEBRA: 7 similar messages suppressed in the last 1 s\n"));
	cr_assert_not_null(strstr(buf, "bad packet 10\n"));
}

Test(log, fatal_aborts, .signal = SIGABRT)
{
	zlog_fatal("cannot continue: %d", 42);
}

Test(log, daemon_mode_switches_stdout_off)
{
	zlog_set_daemon_mode(false);
	cr_assert_eq(zlog_get_level(LOG_DEST_STDOUT), LOG_DEBUG);
	zlog_set_daemon_mode(true);
	cr_assert_eq(zlog_get_level(LOG_DEST_STDOUT), LOG_DISABLED);
	cr_assert_eq(zlog_get_level(LOG_DEST_SYSLOG), LOG_DEBUG);
}
