/*
 * zserv codec benchmark: encode N IPv4 route messages (client -> zebra
 * format, one IPV4 nexthop, metric, as ripd/bgpd send them) into one
 * growing writer, as a batching sender would; then frame and decode them
 * all back from that buffer, as zebra's reader does. Also the zebra ->
 * client redistribution format both ways. Prints messages per second.
 *
 *	bench_zapi [N]		(default 1,000,000)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "zapi.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void report(const char *what, size_t n, double secs, size_t bytes)
{
	printf("%-34s %9zu msgs %8.3f s %12.0f msgs/s %8.1f MB/s\n", what, n, secs,
	       (double)n / secs, (double)bytes / secs / 1e6);
}

static struct zapi_route route;

static void fill_route(size_t i)
{
	uint32_t a = 0x0a000000u + ((uint32_t)i << 8);	/* 10.x.y.0/24 */

	route.prefix.u.bytes[0] = (uint8_t)(a >> 24);
	route.prefix.u.bytes[1] = (uint8_t)(a >> 16);
	route.prefix.u.bytes[2] = (uint8_t)(a >> 8);
	route.metric = (uint32_t)(i & 15) + 1;
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
	struct zapi_redist_route rr;
	struct writer w;
	double t0, t1;
	size_t off, count, msglen;
	uint64_t check = 0;

	memset(&route, 0, sizeof(route));
	route.type = ZEBRA_ROUTE_RIP;
	route.message = ZAPI_MESSAGE_NEXTHOP | ZAPI_MESSAGE_METRIC;
	route.safi = SAFI_UNICAST;
	route.prefix.family = AF_INET;
	route.prefix.prefixlen = 24;
	route.nexthop_num = 1;
	route.nexthops[0].type = ZEBRA_NEXTHOP_IPV4;
	route.nexthops[0].gate.bytes[0] = 192;
	route.nexthops[0].gate.bytes[3] = 1;

	/* client -> zebra: encode */
	wr_init(&w, n * 27 + 64);
	t0 = now_s();
	for (size_t i = 0; i < n; i++) {
		fill_route(i);
		if (zapi_route_encode(&w, ZEBRA_IPV4_ROUTE_ADD, 0, &route) < 0) {
			fprintf(stderr, "encode failed at %zu\n", i);
			return 1;
		}
	}
	t1 = now_s();
	report("encode IPV4_ROUTE_ADD (client)", n, t1 - t0, w.len);

	/* client -> zebra: frame + decode */
	t0 = now_s();
	off = 0;
	count = 0;
	while (off < w.len) {
		struct zapi_header h;
		struct reader body;

		if (zapi_frame(w.data + off, w.len - off, &msglen) != ZAPI_FRAME_OK ||
		    zapi_msg_open(w.data + off, msglen, &h, &body) < 0 ||
		    zapi_route_decode(h.command, &body, &route) < 0) {
			fprintf(stderr, "decode failed at message %zu\n", count);
			return 1;
		}
		check += route.metric;
		off += msglen;
		count++;
	}
	t1 = now_s();
	report("frame+decode IPV4_ROUTE_ADD", count, t1 - t0, w.len);
	if (count != n)
		return 1;

	/* zebra -> client redistribution format */
	memset(&rr, 0, sizeof(rr));
	rr.type = ZEBRA_ROUTE_STATIC;
	rr.flags = ZEBRA_FLAG_SELECTED;
	rr.prefix.family = AF_INET;
	rr.prefix.prefixlen = 24;
	rr.ifindex = 3;
	rr.distance = 1;
	zapi_redist_route_set_message(&rr, true, true);
	wr_reset(&w);
	t0 = now_s();
	for (size_t i = 0; i < n; i++) {
		rr.prefix.u.bytes[0] = 10;
		rr.prefix.u.bytes[1] = (uint8_t)(i >> 8);
		rr.prefix.u.bytes[2] = (uint8_t)i;
		if (zapi_redist_route_encode(&w, ZEBRA_IPV4_ROUTE_ADD, 0, &rr) < 0)
			return 1;
	}
	t1 = now_s();
	report("encode IPV4_ROUTE_ADD (redist)", n, t1 - t0, w.len);

	t0 = now_s();
	off = 0;
	count = 0;
	while (off < w.len) {
		struct zapi_header h;
		struct reader body;

		if (zapi_frame(w.data + off, w.len - off, &msglen) != ZAPI_FRAME_OK ||
		    zapi_msg_open(w.data + off, msglen, &h, &body) < 0 ||
		    zapi_redist_route_decode(h.command, &body, &rr) < 0)
			return 1;
		check += rr.ifindex;
		off += msglen;
		count++;
	}
	t1 = now_s();
	report("frame+decode IPV4_ROUTE_ADD (redist)", count, t1 - t0, w.len);
	printf("(checksum %llu)\n", (unsigned long long)check);
	wr_free(&w);
	return count == n ? 0 : 1;
}
