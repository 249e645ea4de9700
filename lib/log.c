/*
 * Logging (see log.h).
 *
 * One log per process: a daemon has one identity and one set of `log ...`
 * settings, so the state lives in a single static struct. A message is
 * formatted once into a stack buffer; each destination whose maximum level
 * admits the priority then receives the line. Stdout, the file and the
 * monitors get Quagga's layout
 *
 *	YYYY/MM/DD HH:MM:SS[.ffffff] [LEVEL: ]PROTO: message
 *
 * while syslog gets the bare message (syslog adds its own header). The
 * seconds part of the timestamp is cached, so a burst of messages costs one
 * localtime_r() per second.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "log.h"
#include "memory.h"

DEFINE_MTYPE_STATIC(LOG_NAME, "Logging");

#define LOG_LINE_MAX 4096

static struct zlog_state {
	const char *protoname;
	char *ident;
	int level[LOG_DEST_COUNT];
	int facility;
	bool record_priority;
	int precision;
	bool syslog_open;
	FILE *file;
	char *filename;
	zlog_monitor_fn monitor;
	bool in_monitor;	/* a sink that logs must not recurse */
	/* timestamp cache: seconds part formatted once per second */
	time_t cached_sec;
	char cached_ts[32];
} zs = {
	.protoname = "NONE",
	.level = { [LOG_DEST_SYSLOG] = LOG_DISABLED,
		   [LOG_DEST_STDOUT] = LOG_DEBUG,
		   [LOG_DEST_MONITOR] = LOG_DEBUG,
		   [LOG_DEST_FILE] = LOG_DISABLED },
	.facility = LOG_DAEMON,
	.cached_sec = -1,
};

static const char *const level_names[] = {
	"emergencies", "alerts", "critical", "errors",
	"warnings", "notifications", "informational", "debugging",
};

static const struct {
	const char *name;
	int facility;
} facilities[] = {
	{ "kern", LOG_KERN },	  { "user", LOG_USER },
	{ "mail", LOG_MAIL },	  { "daemon", LOG_DAEMON },
	{ "auth", LOG_AUTH },	  { "syslog", LOG_SYSLOG },
	{ "lpr", LOG_LPR },	  { "news", LOG_NEWS },
	{ "uucp", LOG_UUCP },	  { "authpriv", LOG_AUTHPRIV },
	{ "ftp", LOG_FTP },	  { "cron", LOG_CRON },
	{ "local0", LOG_LOCAL0 }, { "local1", LOG_LOCAL1 },
	{ "local2", LOG_LOCAL2 }, { "local3", LOG_LOCAL3 },
	{ "local4", LOG_LOCAL4 }, { "local5", LOG_LOCAL5 },
	{ "local6", LOG_LOCAL6 }, { "local7", LOG_LOCAL7 },
};

static void open_syslog(void)
{
	if (zs.syslog_open)
		closelog();
	/* no LOG_CONS: without a syslog daemon, messages must not go to the
	 * console (a slow serial line on many boxes) */
	openlog(zs.ident ? zs.ident : "tarpan", LOG_NDELAY | LOG_PID, zs.facility);
	zs.syslog_open = true;
}

void zlog_init(const char *protoname, const char *ident)
{
	zs.protoname = protoname ? protoname : "NONE";
	if (zs.ident)
		XFREE(LOG_NAME, zs.ident);
	if (ident)
		zs.ident = XSTRDUP(LOG_NAME, ident);
	if (zs.level[LOG_DEST_SYSLOG] != LOG_DISABLED)
		open_syslog();
}

const char *zlog_protoname(void)
{
	return zs.protoname;
}

void zlog_set_daemon_mode(bool daemonized)
{
	if (daemonized) {
		zs.level[LOG_DEST_STDOUT] = LOG_DISABLED;
		zlog_set_level(LOG_DEST_SYSLOG, zlog_default_level());
	} else {
		zs.level[LOG_DEST_STDOUT] = zlog_default_level();
	}
}

int zlog_default_level(void)
{
	return LOG_DEBUG;
}

/* "YYYY/MM/DD HH:MM:SS" plus ".f..." with `precision` digits. */
static size_t format_timestamp(char *buf, size_t size)
{
	struct timespec ts;
	struct tm tm;
	size_t n;

	clock_gettime(CLOCK_REALTIME, &ts);
	if (ts.tv_sec != zs.cached_sec) {
		localtime_r(&ts.tv_sec, &tm);
		if (!strftime(zs.cached_ts, sizeof(zs.cached_ts),
			      "%Y/%m/%d %H:%M:%S", &tm))
			zs.cached_ts[0] = '\0';
		zs.cached_sec = ts.tv_sec;
	}
	n = strlen(zs.cached_ts);
	if (n + 8 > size)
		return 0;
	memcpy(buf, zs.cached_ts, n);
	if (zs.precision > 0) {
		long frac = ts.tv_nsec / 1000;	/* microseconds, 6 digits */
		int d;

		buf[n++] = '.';
		for (d = 5; d >= 0; d--) {
			if (d < zs.precision)
				buf[n + (size_t)d] = (char)('0' + frac % 10);
			frac /= 10;
		}
		n += (size_t)zs.precision;
	}
	buf[n] = '\0';
	return n;
}

int zlog_format_line(char *buf, size_t size, int prio, const char *msg)
{
	char ts[48];

	format_timestamp(ts, sizeof(ts));
	if (zs.record_priority && prio >= LOG_EMERG && prio <= LOG_DEBUG)
		return snprintf(buf, size, "%s %s: %s: %s", ts,
				level_names[prio], zs.protoname, msg);
	return snprintf(buf, size, "%s %s: %s", ts, zs.protoname, msg);
}

static bool admits(enum log_dest dest, int prio)
{
	return zs.level[dest] != LOG_DISABLED && prio <= zs.level[dest];
}

static void emit(int prio, const char *msg)
{
	char line[LOG_LINE_MAX + 128];
	int len = -1;

	if (admits(LOG_DEST_SYSLOG, prio))
		syslog(prio | zs.facility, "%s", msg);

	if (!admits(LOG_DEST_STDOUT, prio) &&
	    !(zs.file && admits(LOG_DEST_FILE, prio)) &&
	    !(zs.monitor && admits(LOG_DEST_MONITOR, prio)))
		return;

	len = zlog_format_line(line, sizeof(line), prio, msg);
	if (len < 0)
		return;
	if ((size_t)len >= sizeof(line))
		len = sizeof(line) - 1;

	if (admits(LOG_DEST_STDOUT, prio)) {
		fprintf(stdout, "%s\n", line);
		fflush(stdout);
	}
	if (zs.file && admits(LOG_DEST_FILE, prio)) {
		fprintf(zs.file, "%s\n", line);
		fflush(zs.file);
	}
	if (zs.monitor && admits(LOG_DEST_MONITOR, prio) && !zs.in_monitor) {
		zs.in_monitor = true;
		zs.monitor(prio, line, (size_t)len);
		zs.in_monitor = false;
	}
}

static bool any_destination(int prio)
{
	return admits(LOG_DEST_SYSLOG, prio) || admits(LOG_DEST_STDOUT, prio) ||
	       (zs.file && admits(LOG_DEST_FILE, prio)) ||
	       (zs.monitor && admits(LOG_DEST_MONITOR, prio));
}

void vzlog(int prio, const char *fmt, va_list ap)
{
	char msg[LOG_LINE_MAX];
	int saved_errno = errno;	/* callers often log errno after us */

	if (prio < LOG_EMERG)
		prio = LOG_EMERG;
	if (prio > LOG_DEBUG)
		prio = LOG_DEBUG;
	if (!any_destination(prio))
		return;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	emit(prio, msg);
	errno = saved_errno;
}

void zlog(int prio, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vzlog(prio, fmt, ap);
	va_end(ap);
}

void zlog_set_level(enum log_dest dest, int level)
{
	if ((unsigned)dest >= LOG_DEST_COUNT)
		return;
	if (level != LOG_DISABLED && (level < LOG_EMERG || level > LOG_DEBUG))
		level = zlog_default_level();
	zs.level[dest] = level;
	if (dest == LOG_DEST_SYSLOG && level != LOG_DISABLED && !zs.syslog_open)
		open_syslog();
}

int zlog_get_level(enum log_dest dest)
{
	if ((unsigned)dest >= LOG_DEST_COUNT)
		return LOG_DISABLED;
	return zs.level[dest];
}

static FILE *open_log_file(const char *filename)
{
	int fd = open(filename, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	FILE *fp;

	if (fd < 0)
		return NULL;
	fp = fdopen(fd, "a");
	if (!fp) {
		int e = errno;

		close(fd);
		errno = e;
	}
	return fp;
}

int zlog_set_file(const char *filename, int level)
{
	FILE *fp = open_log_file(filename);

	if (!fp)
		return -1;
	zlog_reset_file();
	zs.file = fp;
	zs.filename = XSTRDUP(LOG_NAME, filename);
	zlog_set_level(LOG_DEST_FILE,
		       level == LOG_DISABLED ? zlog_default_level() : level);
	return 0;
}

void zlog_reset_file(void)
{
	if (zs.file)
		fclose(zs.file);
	zs.file = NULL;
	if (zs.filename)
		XFREE(LOG_NAME, zs.filename);
	zs.level[LOG_DEST_FILE] = LOG_DISABLED;
}

int zlog_rotate(void)
{
	FILE *fp;

	if (!zs.filename)
		return 0;
	fp = open_log_file(zs.filename);
	if (!fp) {
		zlog_err("cannot reopen log file %s: %s", zs.filename,
			 strerror(errno));
		return -1;
	}
	fclose(zs.file);
	zs.file = fp;
	return 0;
}

const char *zlog_filename(void)
{
	return zs.filename;
}

void zlog_set_facility(int facility)
{
	zs.facility = facility;
	if (zs.syslog_open)
		open_syslog();
}

int zlog_get_facility(void)
{
	return zs.facility;
}

void zlog_set_record_priority(bool on)
{
	zs.record_priority = on;
}

bool zlog_get_record_priority(void)
{
	return zs.record_priority;
}

void zlog_set_timestamp_precision(int digits)
{
	if (digits < 0)
		digits = 0;
	if (digits > 6)
		digits = 6;
	zs.precision = digits;
}

int zlog_get_timestamp_precision(void)
{
	return zs.precision;
}

void zlog_set_monitor_sink(zlog_monitor_fn fn)
{
	zs.monitor = fn;
}

const char *zlog_level_name(int level)
{
	if (level < LOG_EMERG || level > LOG_DEBUG)
		return NULL;
	return level_names[level];
}

int zlog_level_from_name(const char *name)
{
	int i;

	for (i = LOG_EMERG; i <= LOG_DEBUG; i++)
		if (!strcmp(name, level_names[i]))
			return i;
	return -1;
}

const char *zlog_facility_name(int facility)
{
	size_t i;

	for (i = 0; i < sizeof(facilities) / sizeof(facilities[0]); i++)
		if (facilities[i].facility == facility)
			return facilities[i].name;
	return NULL;
}

int zlog_facility_from_name(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(facilities) / sizeof(facilities[0]); i++)
		if (!strcmp(name, facilities[i].name))
			return facilities[i].facility;
	return -1;
}

void zlog_rl(struct log_ratelimit *rl, int prio, const char *fmt, ...)
{
	struct timespec ts;
	va_list ap;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	if (ts.tv_sec - rl->window_start >= (time_t)rl->interval_s ||
	    rl->window_start == 0) {
		if (rl->suppressed)
			zlog(prio, "%u similar message%s suppressed in the last %u s",
			     rl->suppressed, rl->suppressed == 1 ? "" : "s",
			     rl->interval_s);
		rl->window_start = ts.tv_sec ? ts.tv_sec : 1;
		rl->in_window = 0;
		rl->suppressed = 0;
	}
	if (rl->in_window >= rl->burst) {
		rl->suppressed++;
		return;
	}
	rl->in_window++;
	va_start(ap, fmt);
	vzlog(prio, fmt, ap);
	va_end(ap);
}

void zlog_fatal(const char *fmt, ...)
{
	char msg[LOG_LINE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	emit(LOG_CRIT, msg);
	if (!admits(LOG_DEST_STDOUT, LOG_CRIT))
		fprintf(stderr, "%s: fatal: %s\n", zs.protoname, msg);
	abort();
}
