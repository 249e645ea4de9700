/*
 * zclient_push: a minimal zserv client for tests and benchmarks.
 *
 * Connects to zebra (Unix socket with -z PATH, else TCP 127.0.0.1:2600),
 * sends HELLO for a route type, then N IPv4 routes (/24s counted up from a
 * base prefix) through a gateway, encoded with lib/zapi.h, in large writes.
 * Then it holds the connection for -w seconds (or until stdin closes with
 * -w -1) and exits, which makes zebra drop the routes.
 *
 *	zclient_push [-z PATH] [-n COUNT] [-t TYPE] [-g GATEWAY] [-b BASE]
 *	             [-w SECONDS]
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "stream.h"
#include "zapi.h"

static int connect_zebra(const char *path)
{
	int fd;

	if (path) {
		struct sockaddr_un sun = { .sun_family = AF_UNIX };

		fd = socket(AF_UNIX, SOCK_STREAM, 0);
		snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", path);
		if (fd < 0 || connect(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0)
			return -1;
		return fd;
	}
	struct sockaddr_in sin = { .sin_family = AF_INET,
				   .sin_port = htons(ZEBRA_TCP_PORT) };

	inet_pton(AF_INET, ZEBRA_TCP_ADDR, &sin.sin_addr);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0)
		return -1;
	return fd;
}

static int write_all(int fd, const uint8_t *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= w;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *path = NULL;
	long count = 10000, wait_s = 5;
	int type = 9, opt, fd;
	struct in_addr gw, base;
	struct writer w;
	static struct zapi_route r;

	inet_pton(AF_INET, "10.0.0.2", &gw);
	inet_pton(AF_INET, "20.0.0.0", &base);
	while ((opt = getopt(argc, argv, "z:n:t:g:b:w:")) != -1) {
		switch (opt) {
		case 'z':
			path = optarg;
			break;
		case 'n':
			count = atol(optarg);
			break;
		case 't':
			type = atoi(optarg);
			break;
		case 'g':
			inet_pton(AF_INET, optarg, &gw);
			break;
		case 'b':
			inet_pton(AF_INET, optarg, &base);
			break;
		case 'w':
			wait_s = atol(optarg);
			break;
		default:
			fprintf(stderr, "usage: zclient_push [-z PATH] [-n COUNT] [-t TYPE] [-g GW] [-b BASE] [-w SECONDS]\n");
			return 2;
		}
	}
	fd = connect_zebra(path);
	if (fd < 0) {
		perror("connect to zebra");
		return 1;
	}
	wr_init(&w, 1 << 20);
	zapi_route_type_encode(&w, ZEBRA_HELLO, VRF_DEFAULT, (uint8_t)type);
	memset(&r, 0, sizeof(r));
	r.type = type;
	r.message = ZAPI_MESSAGE_NEXTHOP | ZAPI_MESSAGE_METRIC;
	r.safi = SAFI_UNICAST;
	r.nexthop_num = 1;
	r.nexthops[0].type = ZEBRA_NEXTHOP_IPV4;
	r.nexthops[0].gate.v4 = gw;
	r.metric = 1;
	for (long i = 0; i < count; i++) {
		struct in_addr a;

		a.s_addr = htonl(ntohl(base.s_addr) + ((uint32_t)i << 8));
		prefix_from_ipv4(&r.prefix, a, 24);
		if (zapi_route_encode(&w, ZEBRA_IPV4_ROUTE_ADD, VRF_DEFAULT, &r) < 0) {
			fprintf(stderr, "encode failed\n");
			return 1;
		}
		if (w.len > (1 << 20) - 64) {
			if (write_all(fd, w.data, w.len) < 0) {
				perror("write");
				return 1;
			}
			wr_reset(&w);
		}
	}
	if (w.len && write_all(fd, w.data, w.len) < 0) {
		perror("write");
		return 1;
	}
	wr_free(&w);
	printf("sent %ld routes\n", count);
	fflush(stdout);
	if (wait_s < 0) {
		char c;

		while (read(0, &c, 1) > 0)
			;
	} else {
		sleep((unsigned)wait_s);
	}
	close(fd);
	return 0;
}
