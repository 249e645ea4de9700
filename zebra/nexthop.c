/*
 * Interned nexthop groups: a chained hash table keyed by the nexthop bytes.
 * The table doubles when the load passes 1 and never shrinks below its
 * initial size. Groups are freed when their last reference goes.
 */
#include <string.h>

#include "memory.h"
#include "nexthop.h"

DEFINE_MTYPE_STATIC(NHG, "Nexthop group");
DEFINE_MTYPE_STATIC(NHG_HASH, "Nexthop group hash");

static struct nhg **nhg_buckets;
static size_t nhg_nbuckets;
static size_t nhg_count;

bool nexthop_same(const struct nexthop *a, const struct nexthop *b)
{
	return a->type == b->type && a->flags == b->flags &&
	       a->ifindex == b->ifindex &&
	       memcmp(&a->gate, &b->gate, sizeof(a->gate)) == 0;
}

static uint32_t nhg_hash_bytes(const struct nexthop *nh, unsigned count)
{
	const uint8_t *p = (const uint8_t *)nh;
	size_t n = count * sizeof(*nh);
	uint32_t h = 2166136261u ^ count;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

static void nhg_table_grow(void)
{
	size_t nsz = nhg_nbuckets ? nhg_nbuckets * 2 : 64;
	struct nhg **nb = XCALLOC(NHG_HASH, nsz * sizeof(*nb));

	for (size_t i = 0; i < nhg_nbuckets; i++) {
		struct nhg *g = nhg_buckets[i], *next;

		for (; g; g = next) {
			next = g->hnext;
			g->hnext = nb[g->hash & (nsz - 1)];
			nb[g->hash & (nsz - 1)] = g;
		}
	}
	if (nhg_buckets)
		XFREE(NHG_HASH, nhg_buckets);
	nhg_buckets = nb;
	nhg_nbuckets = nsz;
}

struct nhg *nhg_intern(const struct nexthop *nh, unsigned count)
{
	struct nexthop tmp[MULTIPATH_MAX_INTERN];
	uint32_t h;
	struct nhg *g;

	if (count > MULTIPATH_MAX_INTERN)
		count = MULTIPATH_MAX_INTERN;
	/* normalise padding so that equal groups hash equally */
	memset(tmp, 0, count * sizeof(*tmp));
	for (unsigned i = 0; i < count; i++) {
		tmp[i].type = nh[i].type;
		tmp[i].flags = nh[i].flags;
		tmp[i].ifindex = nh[i].ifindex;
		tmp[i].gate = nh[i].gate;
	}
	h = nhg_hash_bytes(tmp, count);
	if (!nhg_buckets)
		nhg_table_grow();
	for (g = nhg_buckets[h & (nhg_nbuckets - 1)]; g; g = g->hnext) {
		if (g->hash == h && g->count == count &&
		    memcmp(g->nh, tmp, count * sizeof(*tmp)) == 0) {
			g->refcnt++;
			return g;
		}
	}
	g = XMALLOC(NHG, sizeof(*g) + count * sizeof(*tmp));
	g->refcnt = 1;
	g->hash = h;
	g->count = count;
	g->nactive = 0;
	g->res = NULL;
	g->res_gen = 0;
	g->res_dep = false;
	memcpy(g->nh, tmp, count * sizeof(*tmp));
	for (unsigned i = 0; i < count; i++)
		if ((tmp[i].flags & NHF_ACTIVE) && !(tmp[i].flags & NHF_RECURSIVE))
			g->nactive++;
	if (nhg_count + 1 > nhg_nbuckets)
		nhg_table_grow();
	g->hnext = nhg_buckets[h & (nhg_nbuckets - 1)];
	nhg_buckets[h & (nhg_nbuckets - 1)] = g;
	nhg_count++;
	return g;
}

struct nhg *nhg_ref(struct nhg *g)
{
	if (g)
		g->refcnt++;
	return g;
}

void nhg_unref(struct nhg **gp)
{
	struct nhg *g = *gp, **pp;

	*gp = NULL;
	if (!g || --g->refcnt > 0)
		return;
	for (pp = &nhg_buckets[g->hash & (nhg_nbuckets - 1)]; *pp;
	     pp = &(*pp)->hnext) {
		if (*pp == g) {
			*pp = g->hnext;
			break;
		}
	}
	nhg_count--;
	if (g->res && g->res != g)
		nhg_unref(&g->res);
	XFREE(NHG, g);
}

size_t nhg_table_count(void)
{
	return nhg_count;
}

void nhg_table_fini(void)
{
	for (size_t i = 0; i < nhg_nbuckets; i++) {
		struct nhg *g = nhg_buckets[i], *next;

		for (; g; g = next) {
			next = g->hnext;
			XFREE(NHG, g);
		}
	}
	if (nhg_buckets)
		XFREE(NHG_HASH, nhg_buckets);
	nhg_nbuckets = 0;
	nhg_count = 0;
}
