/*
 * Route table benchmark: insert, exact lookup, longest-prefix match and
 * delete of N random IPv4 prefixes (/24../32, default N = 1,000,000), and
 * the same for IPv6 (/32../128) at a tenth of the size. Prints seconds per
 * phase, operations per second, and bytes per prefix as counted by the
 * MTYPE allocator (the table's own types, read from mtype_first()).
 *
 *	bench_table [N]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "memory.h"
#include "table.h"

static uint64_t rng = 0x2545f4914f6cdd1dULL;

static uint32_t rnd32(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

static double clock_s(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wall and CPU seconds: on a shared machine the CPU figure is the fair one. */
struct stamp {
	double wall, cpu;
};

static struct stamp now(void)
{
	return (struct stamp){ clock_s(CLOCK_MONOTONIC), clock_s(CLOCK_PROCESS_CPUTIME_ID) };
}

/* Live bytes of the route table's memory types. */
static size_t table_bytes(void)
{
	size_t sum = 0;

	for (struct mtype *mt = mtype_first(); mt; mt = mt->next)
		if (!strcmp(mt->name, "Route node") || !strcmp(mt->name, "Route table"))
			sum += mt->bytes;
	return sum;
}

static void random_prefixes(struct prefix *ps, size_t n, int family)
{
	for (size_t i = 0; i < n; i++) {
		struct prefix *p = &ps[i];

		memset(p, 0, sizeof(*p));
		p->family = (uint8_t)family;
		if (family == AF_INET) {
			uint32_t a = rnd32();

			memcpy(p->u.bytes, &a, 4);
			p->prefixlen = (uint8_t)(24 + rnd32() % 9);
		} else {
			for (int w = 0; w < 4; w++) {
				uint32_t a = rnd32();

				memcpy(p->u.bytes + 4 * w, &a, 4);
			}
			p->u.bytes[0] = 0x20;	/* 2000::/8-ish, like real routes */
			p->prefixlen = (uint8_t)(32 + rnd32() % 97);
		}
		apply_mask(p);
	}
}

static void row(const char *what, struct stamp t0, size_t ops)
{
	struct stamp t1 = now();
	double wall = t1.wall - t0.wall, cpu = t1.cpu - t0.cpu;

	printf("  %-22s %8.3f s %8.3f s cpu %11.0f ops/s (cpu)\n", what, wall, cpu,
	       cpu > 0 ? (double)ops / cpu : 0);
}

static int run(int family, size_t n)
{
	struct prefix *ps = malloc(n * sizeof(*ps));
	struct prefix *probe = malloc(n * sizeof(*probe));
	struct route_table *t;
	size_t base, bytes, count, found = 0, matched = 0;
	struct stamp t0;

	if (!ps || !probe) {
		fprintf(stderr, "bench_table: out of memory\n");
		return 1;
	}
	random_prefixes(ps, n, family);
	/* host addresses inside the inserted prefixes, in another order */
	for (size_t i = 0; i < n; i++) {
		unsigned len;

		probe[i] = ps[rnd32() % n];
		len = probe[i].prefixlen;
		/* random host bits */
		for (unsigned b = len; b < family_maxlen(family); b++)
			if (rnd32() & 1)
				probe[i].u.bytes[b / 8] |= (uint8_t)(0x80 >> (b % 8));
		probe[i].prefixlen = (uint8_t)family_maxlen(family);
	}
	base = table_bytes();
	t = route_table_new(family);

	printf("%s: %zu random prefixes (%s)      wall       cpu\n", family == AF_INET ? "IPv4" : "IPv6", n,
	       family == AF_INET ? "/24../32" : "/32../128");
	t0 = now();
	for (size_t i = 0; i < n; i++)
		route_node_get(t, &ps[i])->info = &ps[i];
	row("insert", t0, n);
	count = route_table_count(t);
	bytes = table_bytes() - base;

	t0 = now();
	for (size_t i = 0; i < n; i++)
		found += route_node_lookup(t, &ps[i]) != NULL;
	row("exact lookup", t0, n);

	t0 = now();
	for (size_t i = 0; i < n; i++)
		matched += route_node_match(t, &probe[i]) != NULL;
	row("longest-prefix match", t0, n);

	t0 = now();
	size_t walked = 0;
	for (struct route_node *rn = route_top(t); rn; rn = route_next(t, rn))
		walked++;
	row("ordered walk", t0, walked);

	t0 = now();
	for (size_t i = 0; i < n; i++) {
		struct route_node *rn = route_node_lookup(t, &ps[i]);

		if (rn)
			route_node_delete(t, rn);
	}
	row("delete", t0, n);

	printf("  %-22s %9zu (of %zu; rest duplicates)\n", "distinct prefixes", count, n);
	printf("  %-22s %9.1f bytes/prefix (%zu bytes, MTYPE counters)\n", "memory",
	       (double)bytes / (double)count, bytes);
	printf("  %-22s %9zu found, %zu matched, %zu walked, %zu left\n", "check", found,
	       matched, walked, route_table_count(t));
	route_table_free(t, NULL);
	free(ps);
	free(probe);
	return found == n && matched == n && walked == count && table_bytes() == base ? 0 : 1;
}

int main(int argc, char **argv)
{
	size_t n = 1000000;
	int rc;

	if (argc > 1)
		n = strtoul(argv[1], NULL, 10);
	if (n == 0 || n > 100000000) {
		fprintf(stderr, "usage: bench_table [N (1..100000000)]\n");
		return 2;
	}
	rc = run(AF_INET, n);
	rc |= run(AF_INET6, n / 10 ? n / 10 : 1);
	return rc;
}
