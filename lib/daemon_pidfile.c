/*
 * The state directory and the pid file lock (see daemon.h).
 *
 * The pid file is created 0644 and locked with an open-file-description
 * lock (fcntl F_OFD_SETLK): unlike a classic POSIX lock it belongs to the
 * open file, not the process, so it survives the fork of -d and the child
 * keeps it after the parent exits. It conflicts with classic locks too, so
 * a Quagga-style checker sees the file as locked. The fd stays open for the
 * life of the daemon; the lock goes away with the process.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "daemon.h"
#include "log.h"

static int make_dir(const char *path)
{
	if (mkdir(path, 0755) == 0 || errno == EEXIST)
		return 0;
	return -1;
}

int daemon_make_statedir(const struct daemon *d)
{
	if (!d->statedir)
		return 0;
	if (d->instance && make_dir(STATEDIR) < 0)
		goto fail;
	if (make_dir(d->statedir) < 0)
		goto fail;
	return 0;
fail:
	fprintf(stderr, "%s: cannot create state directory %s: %s\n",
		d->info->name, d->statedir, strerror(errno));
	zlog_err("cannot create state directory %s: %s", d->statedir,
		 strerror(errno));
	return -1;
}

/* pid of the lock holder: from the kernel for a classic lock, else the file. */
static long holder_pid(int fd)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	char buf[32];
	ssize_t n;

	if (fcntl(fd, F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK && fl.l_pid > 0)
		return fl.l_pid;
	n = pread(fd, buf, sizeof(buf) - 1, 0);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return strtol(buf, NULL, 10);
}

static int write_pid(int fd)
{
	char buf[32];
	int n = snprintf(buf, sizeof(buf), "%ld\n", (long)getpid());

	if (ftruncate(fd, 0) < 0 || pwrite(fd, buf, (size_t)n, 0) != n)
		return -1;
	return 0;
}

int daemon_lock_pidfile(struct daemon *d)
{
	const char *name = d->info->name;
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	mode_t old;
	int fd;

	if (d->pid_fd >= 0)
		goto write;
	old = umask(0022);
	fd = open(d->pid_file, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	umask(old);
	if (fd < 0) {
		fprintf(stderr, "%s: cannot open pid file %s: %s\n", name,
			d->pid_file, strerror(errno));
		zlog_err("cannot open pid file %s: %s", d->pid_file, strerror(errno));
		return -1;
	}
	if (fcntl(fd, F_OFD_SETLK, &fl) < 0) {
		long pid = holder_pid(fd);

		fprintf(stderr,
			"%s: could not lock pid file %s: another instance is running (pid %ld)\n",
			name, d->pid_file, pid);
		zlog_err("could not lock pid file %s: another instance is running (pid %ld)",
			 d->pid_file, pid);
		close(fd);
		return -1;
	}
	d->pid_fd = fd;
write:
	if (write_pid(d->pid_fd) < 0) {
		zlog_err("cannot write pid file %s: %s", d->pid_file, strerror(errno));
		return -1;
	}
	return 0;
}
