/*
 * Config files: reading one at start-up (strict matching, every bad line
 * reported as "FILE:LINE: % message" and the line itself, the rest still
 * loaded; the northbound edits of all lines are one transaction, and a
 * .json/.xml file is loaded as a data tree) and `write memory` (Quagga's layout, written to a temporary file,
 * synced, the old file kept as FILE.sav by a hard link, then renamed over
 * FILE with mode 0600).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "command.h"
#include "log.h"
#include "memory.h"
#include "northbound.h"
#include "vty_private.h"

DEFINE_MTYPE_STATIC(VTY_CONF, "VTY config file");

static const char *status_text(int ret)
{
	switch (ret) {
	case CMD_ERR_AMBIGUOUS:
		return "% Ambiguous command.";
	case CMD_ERR_INCOMPLETE:
		return "% Command incomplete.";
	case CMD_ERR_EXEED_ARGC_MAX:
		return "% Too many arguments.";
	case CMD_WARNING:
		return "% Command failed.";
	default:
		return "% Unknown command.";
	}
}

static void report_bad_line(const char *file, unsigned lineno, int ret,
			    const char *output, const char *line)
{
	const char *msg = output && *output ? output : status_text(ret);
	size_t mlen = strcspn(msg, "\n");

	fprintf(stderr, "%s:%u: %.*s\n%s\n", file, lineno, (int)mlen, msg, line);
	zlog_err("%s:%u: %.*s [%s]", file, lineno, (int)mlen, msg, line);
}

/*
 * A line that did not run. The terminal gets Quagga 1.2.4's exact words
 * (runs.md section 7), which scripts watch for; the log gets the file name
 * too. In the foreground the log also goes to stdout, so it is skipped
 * there rather than said twice.
 */
static void report_rejected_line(const char *file, unsigned lineno, int ret,
				 const char *line)
{
	const char *why;

	switch (ret) {
	case CMD_ERR_AMBIGUOUS:
		why = "Ambiguous command.";
		break;
	case CMD_ERR_INCOMPLETE:
		why = "Command incomplete.";
		break;
	default:
		why = "There is no such command.";
		break;
	}
	fprintf(stderr, "*** Error reading config: %s\n"
			"*** Error occurred processing line %u, below:\n%s\n",
		why, lineno, line);
	if (zlog_get_level(LOG_DEST_STDOUT) == LOG_DISABLED)
		zlog_err("%s:%u: %s [%s]", file, lineno, why, line);
}

/* Run every line of f; returns the number of bad lines. */
static int read_config_stream(FILE *f, const char *name)
{
	struct vty *vty = vty_new_buffer(CONFIG_NODE);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int bad = 0;

	vty->type = VTY_FILE;
	vty->file = name;
	vty->lineno = 0;
	while ((n = getline(&line, &cap, f)) >= 0) {
		int ret;

		vty->lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		vty_buffer_clear(vty);
		ret = cmd_execute(vty, line, true);
		if (ret == CMD_SUCCESS || ret == CMD_ERR_NOTHING_TODO)
			continue;
		if (ret == CMD_WARNING) {
			/* The command ran and complained (e.g. "% Can't find
			 * ..."): Quagga keeps such a file valid, so do we,
			 * but the operator still sees where. */
			report_bad_line(name, vty->lineno, ret,
					vty_buffer_text(vty), line);
			continue;
		}
		bad++;
		report_rejected_line(name, vty->lineno, ret, line);
	}
	free(line);
	vty_free_buffer(vty);
	return bad;
}

int vty_read_config(const char *path)
{
	FILE *f;
	bool own;
	int bad;

	if (!path)
		return -1;
	f = fopen(path, "r");
	if (!f) {
		size_t n = strlen(path) + sizeof(CONF_BACKUP_EXT);
		char *sav = XMALLOC(VTY_CONF, n);

		snprintf(sav, n, "%s%s", path, CONF_BACKUP_EXT);
		f = fopen(sav, "r");
		if (f) {
			fprintf(stderr, "WARNING: using backup configuration file!\n");
			zlog_warn("WARNING: using backup configuration file!");
		}
		XFREE(VTY_CONF, sav);
		if (!f) {
			fprintf(stderr, "can't open configuration file [%s]\n", path);
			return -1;
		}
	}
	if (!vty_get_config_file())
		vty_set_config_file(path);
	if (nb_is_data_file(path)) {
		/* JSON/XML: the whole tree at once (northbound_cli.c) */
		fclose(f);
		return nb_cli_load_data_file(path) < 0 ? 1 : 0;
	}
	/* One transaction for the whole file: every line edits the same
	 * candidate, validated and applied once at the end. */
	own = nb_cli_file_begin();
	bad = read_config_stream(f, path);
	fclose(f);
	if (nb_cli_file_end(own, path) < 0)
		bad++;
	return bad;
}

void vty_write_config_blocks(struct vty *vty)
{
	for (int i = 0; i < NODE_TYPE_MAX; i++) {
		struct cmd_node *cn = cmd_node_get((enum node_type)i);

		if (cn && cn->config_write && cn->config_write(vty) > 0)
			vty_out(vty, "!\n");
	}
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* make the rename durable */
static void sync_dir(const char *file)
{
	const char *slash = strrchr(file, '/');
	char *dir;
	int fd;

	if (!slash)
		return;
	dir = XMALLOC(VTY_CONF, (size_t)(slash - file) + 2);
	memcpy(dir, file, (size_t)(slash - file) + 1);
	dir[slash - file + 1] = '\0';
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	XFREE(VTY_CONF, dir);
}

int vty_write_config_file(struct vty *vty)
{
	const char *file = vty_get_config_file();
	struct vty *fv;
	char *tmp, *sav, stamp[64];
	time_t now = time(NULL);
	struct tm tm;
	int fd, ret = CMD_WARNING;

	if (!file) {
		vty_out(vty, "Can't save to configuration file, using vtysh.\n");
		return CMD_WARNING;
	}
	tmp = XMALLOC(VTY_CONF, strlen(file) + 8);
	sav = XMALLOC(VTY_CONF, strlen(file) + sizeof(CONF_BACKUP_EXT));
	if (!tmp || !sav)
		return CMD_WARNING;	/* not reached: allocation aborts */
	snprintf(tmp, strlen(file) + 8, "%s.XXXXXX", file);
	snprintf(sav, strlen(file) + sizeof(CONF_BACKUP_EXT), "%s%s", file,
		 CONF_BACKUP_EXT);
	fd = mkstemp(tmp);
	if (fd < 0) {
		vty_out(vty, "Can't open configuration file %s.\n", tmp);
		goto out;
	}
	fchmod(fd, 0600);

	localtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y/%m/%d %H:%M:%S", &tm);
	fv = vty_new_buffer(CONFIG_NODE);
	vty_out(fv, "!\n! Zebra configuration saved from vty\n!   %s\n!\n", stamp);
	vty_write_config_blocks(fv);
	if (write_all(fd, vty_buffer_text(fv), strlen(vty_buffer_text(fv))) < 0 ||
	    fdatasync(fd) < 0) {
		vty_out(vty, "Can't write configuration file %s: %s\n", tmp,
			strerror(errno));
		vty_free_buffer(fv);
		close(fd);
		unlink(tmp);
		goto out;
	}
	vty_free_buffer(fv);
	close(fd);

	if (unlink(sav) < 0 && errno != ENOENT) {
		vty_out(vty, "Can't unlink backup configuration file %s.\n", sav);
		unlink(tmp);
		goto out;
	}
	if (link(file, sav) < 0 && errno != ENOENT) {
		vty_out(vty, "Can't backup old configuration file %s.\n", sav);
		unlink(tmp);
		goto out;
	}
	if (rename(tmp, file) < 0) {
		vty_out(vty, "Can't save configuration file %s: %s\n", file,
			strerror(errno));
		unlink(tmp);
		goto out;
	}
	sync_dir(file);
	if (chmod(file, 0600) < 0) {
		vty_out(vty, "Can't chmod configuration file %s.\n", file);
		goto out;
	}
	vty_out(vty, "Configuration saved to %s\n", file);
	ret = CMD_SUCCESS;
out:
	XFREE(VTY_CONF, tmp);
	XFREE(VTY_CONF, sav);
	return ret;
}
