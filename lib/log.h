/*
 * Logging with Quagga's destinations and levels.
 *
 * Destinations: stdout, syslog, a file and the vty monitors, each with its
 * own maximum level (syslog priorities, LOG_EMERG..LOG_DEBUG). Messages from
 * peers (malformed packets and the like) go through zlog_rl() so that an
 * attacker cannot flood the log.
 */
#ifndef TARPAN_LOG_H
#define TARPAN_LOG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <syslog.h>
#include <time.h>

enum log_dest {
	LOG_DEST_SYSLOG = 0,
	LOG_DEST_STDOUT,
	LOG_DEST_MONITOR,
	LOG_DEST_FILE,
	LOG_DEST_COUNT,
};

/* Level meaning "destination disabled". */
#define LOG_DISABLED (-1)

/* protoname as Quagga prints it ("ZEBRA", "RIP", ...); ident for syslog. */
void zlog_init(const char *protoname, const char *ident);
const char *zlog_protoname(void);

void zlog(int prio, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void vzlog(int prio, const char *fmt, va_list ap);

#define zlog_err(...) zlog(LOG_ERR, __VA_ARGS__)
#define zlog_warn(...) zlog(LOG_WARNING, __VA_ARGS__)
#define zlog_notice(...) zlog(LOG_NOTICE, __VA_ARGS__)
#define zlog_info(...) zlog(LOG_INFO, __VA_ARGS__)
#define zlog_debug(...) zlog(LOG_DEBUG, __VA_ARGS__)

/* Destination control (the `log ...` commands). */
void zlog_set_level(enum log_dest dest, int level);
int zlog_get_level(enum log_dest dest);
int zlog_set_file(const char *filename, int level); /* 0 ok, -1 errno set */
void zlog_reset_file(void);
const char *zlog_filename(void);
void zlog_set_facility(int facility);
int zlog_get_facility(void);
void zlog_set_record_priority(bool on);
bool zlog_get_record_priority(void);
void zlog_set_timestamp_precision(int digits); /* 0..6 */
int zlog_get_timestamp_precision(void);
/* Default level each destination gets when enabled without a level. */
int zlog_default_level(void);

/* The vty layer registers a sink for `terminal monitor` sessions. */
typedef void (*zlog_monitor_fn)(int prio, const char *line, size_t len);
void zlog_set_monitor_sink(zlog_monitor_fn fn);

/* Names: "debugging" <-> LOG_DEBUG, ...; -1 when unknown. */
const char *zlog_level_name(int level);
int zlog_level_from_name(const char *name);
const char *zlog_facility_name(int facility);
int zlog_facility_from_name(const char *name);

/*
 * Rate-limited logging for errors that peers cause: at most `burst`
 * messages per `interval` seconds per limiter; the number suppressed is
 * reported when the next window opens.
 */
struct log_ratelimit {
	unsigned interval_s;
	unsigned burst;
	time_t window_start;
	unsigned in_window;
	unsigned suppressed;
};
#define LOG_RATELIMIT_INIT(interval, burst_)                                   \
	{ .interval_s = (interval), .burst = (burst_) }
void zlog_rl(struct log_ratelimit *rl, int prio, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Tarpan additions.
 *
 * The monitor sink receives the whole formatted line (timestamp, optional
 * priority, protocol name, message) without a line end.
 *
 * Defaults after zlog_init(): stdout at LOG_DEBUG, syslog, file and monitor
 * as described below; zlog_set_daemon_mode(true) (used by -d) turns stdout
 * off and syslog on at zlog_default_level(). The monitor destination is
 * at LOG_DEBUG (the vty decides which sessions see it).
 */
void zlog_set_daemon_mode(bool daemonized);
/* Reopens the log file (after logrotate moved it); 0 ok, -1 errno set. */
int zlog_rotate(void);
/* Formats one line as the file destination would (no line end); returns
 * the length that snprintf would. Exposed for tests and for vty monitors. */
int zlog_format_line(char *buf, size_t size, int prio, const char *msg);

/* Fatal: log and abort. */
void zlog_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
