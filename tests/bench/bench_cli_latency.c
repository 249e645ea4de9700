/*
 * vty latency under abuse: opens SESSIONS telnet sessions to a running
 * daemon (logged in), one more that floods garbage without reading, and
 * measures `show version` round trips on another session. Prints p50/p99.
 *
 *   bench_cli_latency HOST PORT PASSWORD [SESSIONS] [SAMPLES]
 *
 * Run it in the namespace of a daemon, e.g. tests/helpers/testd with a
 * password set (never in the root namespace).
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int dial(const char *host, int port)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	inet_pton(AF_INET, host, &sin.sin_addr);
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0) {
		perror("connect");
		exit(2);
	}
	return fd;
}

/* Read until the buffer ends with `suffix` (telnet bytes ignored). */
static int wait_for(int fd, const char *suffix, int timeout_ms)
{
	char buf[65536];
	size_t len = 0, sl = strlen(suffix);
	double end = now_ms() + timeout_ms;

	while (now_ms() < end) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		ssize_t n;

		if (poll(&p, 1, 50) <= 0)
			continue;
		n = read(fd, buf + len, sizeof(buf) - len);
		if (n <= 0)
			return -1;
		len += (size_t)n;
		if (len >= sl && !memcmp(buf + len - sl, suffix, sl))
			return 0;
		if (len > sizeof(buf) / 2) {
			memmove(buf, buf + len - sl, sl);
			len = sl;
		}
	}
	return -1;
}

static int login(const char *host, int port, const char *pw)
{
	int fd = dial(host, port);
	char line[256];

	if (wait_for(fd, "Password: ", 5000) < 0)
		return -1;
	snprintf(line, sizeof(line), "%s\n", pw);
	if (write(fd, line, strlen(line)) < 0 || wait_for(fd, "> ", 5000) < 0)
		return -1;
	return fd;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	const char *host, *pw;
	int port, nsess, samples, flood, probe;
	int *fds;
	double *lat;
	char junk[65536];
	long long flooded = 0;
	int reconnects = 0;

	if (argc < 4) {
		fprintf(stderr, "usage: %s HOST PORT PASSWORD [SESSIONS] [SAMPLES]\n", argv[0]);
		return 2;
	}
	host = argv[1];
	port = atoi(argv[2]);
	pw = argv[3];
	nsess = argc > 4 ? atoi(argv[4]) : 100;
	samples = argc > 5 ? atoi(argv[5]) : 1000;
	signal(SIGPIPE, SIG_IGN);
	fds = calloc((size_t)nsess, sizeof(*fds));
	lat = calloc((size_t)samples, sizeof(*lat));
	for (int i = 0; i < nsess; i++)
		if ((fds[i] = login(host, port, pw)) < 0) {
			fprintf(stderr, "session %d: login failed\n", i);
			return 1;
		}
	probe = login(host, port, pw);
	flood = dial(host, port);
	fcntl(flood, F_SETFL, O_NONBLOCK);
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (char)(i % 97 == 0 ? '\n' : 'a' + i % 26);

	for (int s = 0; s < samples; s++) {
		double t0;
		ssize_t n = write(flood, junk, sizeof(junk));

		if (n > 0)
			flooded += n;
		else if (n < 0 && errno != EAGAIN) {
			/* the daemon dropped the flooder (output bound): again */
			close(flood);
			flood = dial(host, port);
			fcntl(flood, F_SETFL, O_NONBLOCK);
			reconnects++;
		}
		t0 = now_ms();
		if (write(probe, "show version\n", 13) != 13 ||
		    wait_for(probe, "> ", 5000) < 0) {
			fprintf(stderr, "probe failed at sample %d\n", s);
			return 1;
		}
		lat[s] = now_ms() - t0;
	}
	qsort(lat, (size_t)samples, sizeof(*lat), cmp);
	printf("sessions:               %d idle + 1 flooding (%lld bytes sent, "
	       "flooder dropped %d times)\n", nsess, flooded, reconnects);
	printf("show version latency:   p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d samples)\n",
	       lat[samples / 2], lat[samples * 99 / 100], lat[samples - 1], samples);
	for (int i = 0; i < nsess; i++)
		close(fds[i]);
	close(probe);
	close(flood);
	return 0;
}
