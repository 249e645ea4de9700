/*
 * Tests for lib/table: every operation is checked against a brute-force
 * model (a plain array of prefixes) on random data for both families,
 * plus deletion during walks, subtree walks and the /0, /32, /128 edges.
 */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memory.h"
#include "table.h"

/* ---- brute-force model ---------------------------------------------- */

#define MODEL_MAX 4096

struct model {
	int family;
	size_t n;
	struct prefix p[MODEL_MAX];
	uintptr_t info[MODEL_MAX];
};

static uint64_t rng_state;

static uint32_t rnd(void)
{
	/* xorshift64*: deterministic per test */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 32);
}

/*
 * Random prefix with plenty of nesting: the address comes from a small
 * set of patterns so that short prefixes cover longer ones.
 */
static void random_prefix(int family, struct prefix *p)
{
	unsigned max = family == AF_INET ? 32 : 128;
	unsigned bytes = max / 8;

	memset(p, 0, sizeof(*p));
	p->family = (uint8_t)family;
	for (unsigned i = 0; i < bytes; i++)
		p->u.bytes[i] = (uint8_t)(rnd() % 4 == 0 ? rnd() : (i % 3) * 0x40);
	/* a few distinct top bytes only */
	p->u.bytes[0] = (uint8_t)(rnd() % 3 * 0x50);
	switch (rnd() % 5) {
	case 0:
		p->prefixlen = (uint8_t)(rnd() % 9);
		break;
	case 1:
		p->prefixlen = (uint8_t)max;
		break;
	default:
		p->prefixlen = (uint8_t)(rnd() % (max + 1));
	}
	apply_mask(p);
}

static int model_find(const struct model *m, const struct prefix *p)
{
	for (size_t i = 0; i < m->n; i++)
		if (prefix_same(&m->p[i], p))
			return (int)i;
	return -1;
}

static int model_match(const struct model *m, const struct prefix *p)
{
	int best = -1;

	for (size_t i = 0; i < m->n; i++)
		if (prefix_match(&m->p[i], p) &&
		    (best < 0 || m->p[i].prefixlen > m->p[best].prefixlen))
			best = (int)i;
	return best;
}

static int cmp_prefix(const void *a, const void *b)
{
	return prefix_cmp(a, b);
}

/* The table walked with route_top/route_next equals the sorted model. */
static void check_walk(struct route_table *t, const struct model *m)
{
	struct prefix sorted[MODEL_MAX], got;
	struct route_node *rn;
	size_t i = 0;
	char b1[PREFIX_STRLEN], b2[PREFIX_STRLEN];

	memcpy(sorted, m->p, m->n * sizeof(sorted[0]));
	qsort(sorted, m->n, sizeof(sorted[0]), cmp_prefix);
	for (rn = route_top(t); rn; rn = route_next(t, rn)) {
		cr_assert_lt(i, m->n, "walk returned more nodes than the model has");
		route_node_prefix(rn, &got);
		cr_assert(prefix_same(&got, &sorted[i]), "walk #%zu: got %s, want %s", i,
			  prefix2str(&got, b1, sizeof(b1)), prefix2str(&sorted[i], b2, sizeof(b2)));
		i++;
	}
	cr_assert_eq(i, m->n, "walk returned %zu of %zu", i, m->n);
	cr_assert_eq(route_table_count(t), m->n);
}

static void check_queries(struct route_table *t, const struct model *m, int family)
{
	char buf[PREFIX_STRLEN];

	for (int q = 0; q < 300; q++) {
		struct prefix p;
		struct route_node *rn;
		int want;

		random_prefix(family, &p);
		/* exact lookup */
		rn = route_node_lookup(t, &p);
		want = model_find(m, &p);
		if (want < 0) {
			cr_assert_null(rn, "lookup %s found a ghost", prefix2str(&p, buf, sizeof(buf)));
		} else {
			cr_assert_not_null(rn, "lookup %s missed", prefix2str(&p, buf, sizeof(buf)));
			cr_assert_eq((uintptr_t)rn->info, m->info[want]);
		}
		/* longest-prefix match */
		rn = route_node_match(t, &p);
		want = model_match(m, &p);
		if (want < 0)
			cr_assert_null(rn, "match %s", prefix2str(&p, buf, sizeof(buf)));
		else
			cr_assert(rn && (uintptr_t)rn->info == m->info[want], "match %s",
				  prefix2str(&p, buf, sizeof(buf)));
	}
}

static void random_ops(int family, unsigned seed, int rounds)
{
	static struct model m;
	struct route_table *t = route_table_new(family);
	uintptr_t next_info = 1;

	rng_state = 0x9e3779b97f4a7c15ULL ^ seed;
	memset(&m, 0, sizeof(m));
	m.family = family;
	for (int r = 0; r < rounds; r++) {
		struct prefix p;
		int op = (int)(rnd() % 10), idx;

		random_prefix(family, &p);
		idx = model_find(&m, &p);
		if (op < 6) {
			struct route_node *rn = route_node_get(t, &p);

			cr_assert_not_null(rn);
			if (idx < 0) {
				cr_assert_null(rn->info, "new node has info");
				cr_assert_lt(m.n, MODEL_MAX);
				idx = (int)m.n++;
				m.p[idx] = p;
			}
			m.info[idx] = next_info++;
			rn->info = (void *)m.info[idx];
		} else if (idx >= 0) {
			struct route_node *rn = route_node_lookup(t, &p);

			cr_assert_not_null(rn);
			route_node_delete(t, rn);
			m.n--;
			m.p[idx] = m.p[m.n];
			m.info[idx] = m.info[m.n];
		}
		if (r % 200 == 0) {
			check_queries(t, &m, family);
			check_walk(t, &m);
		}
	}
	check_queries(t, &m, family);
	check_walk(t, &m);
	route_table_free(t, NULL);
}

Test(table, random_ipv4_vs_model)
{
	for (unsigned seed = 1; seed <= 4; seed++)
		random_ops(AF_INET, seed, 3000);
}

Test(table, random_ipv6_vs_model)
{
	for (unsigned seed = 1; seed <= 4; seed++)
		random_ops(AF_INET6, seed, 3000);
}

/* ---- fixed cases ---------------------------------------------------- */

static struct route_node *add(struct route_table *t, const char *s, uintptr_t info)
{
	struct prefix p;
	struct route_node *rn;

	cr_assert_eq(prefix_parse(s, &p), 0, "bad test prefix %s", s);
	rn = route_node_get(t, &p);
	cr_assert_not_null(rn, "get %s", s);
	rn->info = (void *)info;
	return rn;
}

static uintptr_t match_str(struct route_table *t, const char *s)
{
	struct prefix p;
	struct route_node *rn;

	prefix_parse_host(s, &p);
	rn = route_node_match(t, &p);
	return rn ? (uintptr_t)rn->info : 0;
}

static void walk_str(struct route_table *t, char *out, size_t size)
{
	struct route_node *rn;
	struct prefix p;
	char buf[PREFIX_STRLEN];

	out[0] = '\0';
	for (rn = route_top(t); rn; rn = route_next(t, rn)) {
		if (out[0])
			strncat(out, " ", size - strlen(out) - 1);
		strncat(out, prefix2str(route_node_prefix(rn, &p), buf, sizeof(buf)),
			size - strlen(out) - 1);
	}
}

Test(table, order_is_address_then_length)
{
	struct route_table *t = route_table_new(AF_INET);
	char out[512];

	add(t, "10.1.0.0/16", 1);
	add(t, "10.0.0.0/16", 2);
	add(t, "192.168.0.0/16", 3);
	add(t, "10.0.0.0/8", 4);
	add(t, "0.0.0.0/0", 5);
	add(t, "10.0.0.0/24", 6);
	add(t, "9.255.255.255/32", 7);
	walk_str(t, out, sizeof(out));
	cr_assert_str_eq(out, "0.0.0.0/0 9.255.255.255/32 10.0.0.0/8 10.0.0.0/16 10.0.0.0/24 "
			      "10.1.0.0/16 192.168.0.0/16");
	route_table_free(t, NULL);
}

Test(table, default_route_and_host_edges)
{
	struct route_table *t = route_table_new(AF_INET);
	struct in_addr a;

	cr_assert_eq(match_str(t, "1.2.3.4"), 0);
	add(t, "0.0.0.0/0", 100);
	cr_assert_eq(match_str(t, "1.2.3.4"), 100);
	cr_assert_eq(match_str(t, "255.255.255.255"), 100);
	add(t, "1.2.3.4/32", 32);
	add(t, "255.255.255.255/32", 33);
	cr_assert_eq(match_str(t, "1.2.3.4"), 32);
	cr_assert_eq(match_str(t, "1.2.3.5"), 100);
	cr_assert_eq(match_str(t, "255.255.255.255"), 33);
	a.s_addr = htonl(0x01020304);
	cr_assert_eq((uintptr_t)route_node_match_ipv4(t, a)->info, 32);
	a.s_addr = htonl(0x01020305);
	cr_assert_eq((uintptr_t)route_node_match_ipv4(t, a)->info, 100);

	/* host bits in the key are ignored */
	struct prefix p;

	prefix_parse("10.9.9.9/8", &p);
	add(t, "10.0.0.0/8", 8);
	cr_assert_eq((uintptr_t)route_node_lookup(t, &p)->info, 8);

	/* wrong family or length is refused, not crashed on */
	prefix_parse("::/0", &p);
	cr_assert_null(route_node_get(t, &p));
	cr_assert_null(route_node_lookup(t, &p));
	cr_assert_null(route_node_match(t, &p));
	p.family = AF_INET;
	p.prefixlen = 33;
	cr_assert_null(route_node_get(t, &p));
	cr_assert_null(route_node_match_ipv6(t, &in6addr_loopback));

	/* deleting the default route leaves the others */
	prefix_parse("0.0.0.0/0", &p);
	route_node_delete(t, route_node_lookup(t, &p));
	cr_assert_eq(match_str(t, "1.2.3.5"), 0);
	cr_assert_eq(match_str(t, "1.2.3.4"), 32);
	cr_assert_eq(route_table_count(t), 3);
	route_table_free(t, NULL);
}

Test(table, ipv6_edges)
{
	struct route_table *t = route_table_new(AF_INET6);
	struct in6_addr a;
	char out[512];

	add(t, "::/0", 1);
	add(t, "2001:db8::/32", 2);
	add(t, "2001:db8::1/128", 3);
	add(t, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", 4);
	add(t, "::/128", 5);
	inet_pton(AF_INET6, "2001:db8::1", &a);
	cr_assert_eq((uintptr_t)route_node_match_ipv6(t, &a)->info, 3);
	inet_pton(AF_INET6, "2001:db8::2", &a);
	cr_assert_eq((uintptr_t)route_node_match_ipv6(t, &a)->info, 2);
	inet_pton(AF_INET6, "2001:db9::", &a);
	cr_assert_eq((uintptr_t)route_node_match_ipv6(t, &a)->info, 1);
	cr_assert_eq(match_str(t, "::"), 5);
	cr_assert_eq(match_str(t, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), 4);
	cr_assert_eq(match_str(t, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"), 1);
	walk_str(t, out, sizeof(out));
	cr_assert_str_eq(out, "::/0 ::/128 2001:db8::/32 2001:db8::1/128 "
			      "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128");
	route_table_free(t, NULL);
}

Test(table, get_returns_existing_and_glue_is_invisible)
{
	struct route_table *t = route_table_new(AF_INET);
	struct route_node *a, *b;
	struct prefix p;

	a = add(t, "10.0.0.0/24", 1);
	add(t, "10.0.1.0/24", 2);	/* creates glue 10.0.0.0/23 */
	prefix_parse("10.0.0.0/23", &p);
	cr_assert_null(route_node_lookup(t, &p), "glue visible to lookup");
	cr_assert_null(route_node_match(t, &p));
	cr_assert_eq(route_table_count(t), 2);
	b = route_node_get(t, &p);	/* turns the glue into a route node */
	cr_assert_null(b->info);
	b->info = (void *)3;
	cr_assert_eq(route_table_count(t), 3);
	cr_assert_eq((uintptr_t)route_node_lookup(t, &p)->info, 3);
	prefix_parse("10.0.0.0/24", &p);
	cr_assert_eq(route_node_get(t, &p), a, "get did not return the existing node");
	cr_assert_eq(route_table_count(t), 3);
	route_table_free(t, NULL);
}

static struct mtype *find_mtype(const char *name)
{
	for (struct mtype *mt = mtype_first(); mt; mt = mt->next)
		if (!strcmp(mt->name, name))
			return mt;
	return NULL;
}

Test(table, delete_collapses_and_frees_everything)
{
	struct mtype *mt = find_mtype("Route node");
	struct route_table *t = route_table_new(AF_INET);
	struct prefix p;
	char buf[32];

	cr_assert_not_null(mt);
	for (unsigned i = 0; i < 5000; i++) {
		snprintf(buf, sizeof(buf), "10.%u.%u.0/24", (i * 7) % 256, i / 256);
		add(t, buf, i + 1);
	}
	cr_assert_eq(route_table_count(t), 5000);
	cr_assert_gt(mt->bytes, 0);
	for (unsigned i = 0; i < 5000; i++) {
		snprintf(buf, sizeof(buf), "10.%u.%u.0/24", (i * 7) % 256, i / 256);
		prefix_parse(buf, &p);
		struct route_node *rn = route_node_lookup(t, &p);

		cr_assert_not_null(rn, "%s", buf);
		route_node_delete(t, rn);
		cr_assert_null(route_node_lookup(t, &p));
	}
	cr_assert_eq(route_table_count(t), 0);
	cr_assert_null(route_top(t));
	cr_assert_eq(mt->bytes, 0, "%zu bytes of nodes left after deleting all", mt->bytes);
	route_table_free(t, NULL);
}

static unsigned freed;
static void count_free(void *info)
{
	(void)info;
	freed++;
}

Test(table, free_calls_del_for_each_info)
{
	struct route_table *t = route_table_new(AF_INET);

	add(t, "10.0.0.0/8", 1);
	add(t, "10.0.0.0/16", 2);
	add(t, "11.0.0.0/8", 3);
	route_node_get(t, &(struct prefix){ .family = AF_INET, .prefixlen = 4 });
	freed = 0;
	route_table_free(t, count_free);
	cr_assert_eq(freed, 3);
}

/* ---- walks with deletion -------------------------------------------- */

static struct route_table *filled(int n)
{
	struct route_table *t = route_table_new(AF_INET);
	char buf[32];

	add(t, "0.0.0.0/0", 1000);
	for (int i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "10.%d.0.0/16", i);
		add(t, buf, (uintptr_t)i + 1);
		snprintf(buf, sizeof(buf), "10.%d.0.0/24", i);
		add(t, buf, (uintptr_t)i + 101);
		snprintf(buf, sizeof(buf), "10.%d.1.1/32", i);
		add(t, buf, (uintptr_t)i + 201);
	}
	return t;
}

Test(table, delete_current_node_during_walk)
{
	struct route_table *t = filled(50);
	struct route_node *rn;
	unsigned seen = 0, kept = 0;

	/* delete every other node, standing on it */
	for (rn = route_top(t); rn; rn = route_next(t, rn)) {
		if (seen++ % 2 == 0)
			route_node_delete(t, rn);
	}
	cr_assert_eq(seen, 151);
	for (rn = route_top(t); rn; rn = route_next(t, rn))
		kept++;
	cr_assert_eq(kept, 75);
	cr_assert_eq(route_table_count(t), 75);

	/* delete everything while walking */
	for (rn = route_top(t); rn; rn = route_next(t, rn))
		route_node_delete(t, rn);
	cr_assert_eq(route_table_count(t), 0);
	cr_assert_null(route_top(t));
	cr_assert_eq(find_mtype("Route node")->bytes, 0);
	route_table_free(t, NULL);
}

Test(table, delete_current_then_insert_during_walk)
{
	struct route_table *t = filled(30);
	struct route_node *rn;
	struct prefix p;
	unsigned seen = 0;
	char buf[32];

	/* the freed slot is reused at once if the deletion is not deferred */
	for (rn = route_top(t); rn; rn = route_next(t, rn)) {
		route_node_delete(t, rn);
		if (seen > 0) {
			/* sorts before the current node (a 10.x prefix) */
			snprintf(buf, sizeof(buf), "0.0.%u.%u/32", seen / 256, seen % 256);
			prefix_parse(buf, &p);
			route_node_get(t, &p)->info = (void *)1;
		}
		cr_assert_lt(++seen, 10000);
	}
	cr_assert_eq(seen, 91);
	cr_assert_eq(route_table_count(t), 90);
	route_table_free(t, NULL);
}

Test(table, deleted_cursor_revived_by_get)
{
	struct route_table *t = filled(3);
	struct route_node *rn = route_top(t), *again;
	struct prefix p;

	route_node_prefix(rn, &p);
	route_node_delete(t, rn);
	cr_assert_null(route_node_lookup(t, &p));
	again = route_node_get(t, &p);
	cr_assert_eq(again, rn);
	again->info = (void *)7;
	cr_assert_eq(route_table_count(t), 10);
	rn = route_next(t, rn);
	cr_assert_not_null(rn);
	cr_assert_eq((uintptr_t)route_node_lookup(t, &p)->info, 7);
	route_table_free(t, NULL);
}

Test(table, iterator_survives_anything)
{
	struct route_table *t = filled(20);
	struct route_iter it;
	struct route_node *rn;
	struct prefix p;
	unsigned n = 0;

	route_iter_init(&it, t, NULL);
	while ((rn = route_iter_next(&it))) {
		n++;
		route_node_delete(t, rn);	/* the node it just returned */
		/* and insert something behind and ahead of the walk */
		prefix_parse("0.0.0.0/1", &p);
		route_node_get(t, &p)->info = (void *)1;
		cr_assert_lt(n, 1000);
	}
	/* 61 originals; 0.0.0.0/1 first sorts after 0.0.0.0/0 and is visited once */
	cr_assert_eq(n, 62);
	cr_assert_eq(route_table_count(t), 1);
	route_table_free(t, NULL);
}

Test(table, subtree_walks)
{
	struct route_table *t = filled(20);
	struct route_node *rn;
	struct route_iter it;
	struct prefix lim, got;
	unsigned n = 0;
	char buf[PREFIX_STRLEN];

	prefix_parse("10.4.0.0/14", &lim);	/* 10.4 .. 10.7, no such node */
	for (rn = route_subtree_top(t, &lim); rn; rn = route_subtree_next(t, rn, &lim)) {
		route_node_prefix(rn, &got);
		cr_assert(prefix_match(&lim, &got), "%s outside", prefix2str(&got, buf, sizeof(buf)));
		n++;
	}
	cr_assert_eq(n, 12);

	prefix_parse("10.5.0.0/16", &lim);	/* includes itself */
	n = 0;
	route_iter_init(&it, t, &lim);
	while ((rn = route_iter_next(&it))) {
		n++;
		route_node_delete(t, rn);
	}
	cr_assert_eq(n, 3);
	cr_assert_null(route_subtree_top(t, &lim));

	prefix_parse("0.0.0.0/0", &lim);	/* the whole table */
	n = 0;
	for (rn = route_subtree_top(t, &lim); rn; rn = route_subtree_next(t, rn, &lim))
		n++;
	cr_assert_eq(n, 58);
	prefix_parse("11.0.0.0/8", &lim);	/* nothing */
	cr_assert_null(route_subtree_top(t, &lim));
	route_table_free(t, NULL);
}

/* Subtree walks against the model on random data. */
Test(table, random_subtree_vs_model)
{
	static struct model m;
	struct route_table *t = route_table_new(AF_INET6);

	rng_state = 77;
	memset(&m, 0, sizeof(m));
	for (int i = 0; i < 1500; i++) {
		struct prefix p;

		random_prefix(AF_INET6, &p);
		if (model_find(&m, &p) >= 0)
			continue;
		m.p[m.n] = p;
		m.info[m.n] = (uintptr_t)m.n + 1;
		route_node_get(t, &p)->info = (void *)m.info[m.n];
		m.n++;
	}
	for (int q = 0; q < 200; q++) {
		struct prefix lim;
		size_t want = 0, got = 0;

		random_prefix(AF_INET6, &lim);
		for (size_t i = 0; i < m.n; i++)
			want += prefix_match(&lim, &m.p[i]);
		for (struct route_node *rn = route_subtree_top(t, &lim); rn;
		     rn = route_subtree_next(t, rn, &lim))
			got++;
		cr_assert_eq(got, want);
	}
	route_table_free(t, NULL);
}

/*
 * A table large enough to move the stride up to 16 bits and back down:
 * checked against a sorted array after inserting, after deleting half,
 * and after emptying it during a walk.
 */
#define BIG 60000

static struct prefix big[BIG];

static size_t dedupe(struct prefix *a, size_t n)
{
	size_t k = 0;

	qsort(a, n, sizeof(*a), cmp_prefix);
	for (size_t i = 0; i < n; i++)
		if (k == 0 || !prefix_same(&a[k - 1], &a[i]))
			a[k++] = a[i];
	return k;
}

static void check_big(struct route_table *t, const struct prefix *a, size_t n)
{
	struct route_node *rn;
	struct prefix got;
	size_t i = 0;

	cr_assert_eq(route_table_count(t), n);
	for (rn = route_top(t); rn; rn = route_next(t, rn), i++) {
		cr_assert_lt(i, n);
		cr_assert(prefix_same(route_node_prefix(rn, &got), &a[i]), "walk #%zu", i);
		cr_assert_eq(rn->info, &a[i]);
	}
	cr_assert_eq(i, n);
	for (i = 0; i < n; i += 7)
		cr_assert_eq(route_node_lookup(t, &a[i])->info, &a[i]);
	for (int q = 0; q < 200; q++) {
		struct prefix p = a[rnd() % n];
		const struct prefix *want = NULL;

		p.u.v4.s_addr ^= htonl(rnd() & 0xffff);
		p.prefixlen = 32;
		for (size_t j = 0; j < n; j++)
			if (prefix_match(&a[j], &p) && (!want || a[j].prefixlen > want->prefixlen))
				want = &a[j];
		rn = route_node_match(t, &p);
		cr_assert_eq(rn ? rn->info : NULL, want);
	}
}

Test(table, large_ipv4_table_through_strides)
{
	struct route_table *t = route_table_new(AF_INET);
	size_t n, half;

	rng_state = 4242;
	for (size_t i = 0; i < BIG; i++) {
		memset(&big[i], 0, sizeof(big[i]));
		big[i].family = AF_INET;
		big[i].u.v4.s_addr = htonl(rnd());
		big[i].prefixlen = (uint8_t)(8 + rnd() % 25);	/* /8../32: nesting */
		apply_mask(&big[i]);
	}
	n = dedupe(big, BIG);
	/* insert in a scrambled order */
	for (size_t i = 0; i < n; i++) {
		size_t j = (i * 7919) % n;

		route_node_get(t, &big[j])->info = &big[j];
	}
	check_big(t, big, n);

	/* delete every other one (in order), then compact the model */
	for (size_t i = 0; i < n; i += 2)
		route_node_delete(t, route_node_lookup(t, &big[i]));
	half = 0;
	for (size_t i = 1; i < n; i += 2) {
		big[half] = big[i];
		route_node_lookup(t, &big[half])->info = &big[half];
		half++;
	}
	check_big(t, big, half);

	for (struct route_node *rn = route_top(t); rn; rn = route_next(t, rn))
		route_node_delete(t, rn);
	cr_assert_eq(route_table_count(t), 0);
	cr_assert_eq(find_mtype("Route node")->bytes, 0);
	route_table_free(t, NULL);
}
