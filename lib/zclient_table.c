/*
 * zclient's (prefix, safi)-keyed table (see zclient_table.h). Keys are
 * masked on the way in so that 10.1.2.3/16 and 10.1.0.0/16 are one route,
 * as they are one route in zebra's RIB.
 */
#include <string.h>

#include "memory.h"
#include "zclient_table.h"

DEFINE_MTYPE_STATIC(ZC_TABLE, "Zclient table");
DEFINE_MTYPE_STATIC(ZC_ENTRY, "Zclient table entry");

static void make_key(const struct prefix *p, struct prefix *key)
{
	memset(key, 0, sizeof(*key));
	key->family = p->family;
	key->prefixlen = p->prefixlen;
	memcpy(key->u.bytes, p->u.bytes, psize(p->prefixlen) <= 16 ? psize(p->prefixlen) : 16);
	apply_mask(key);
}

static size_t key_hash(const struct prefix *key, uint16_t safi)
{
	size_t h = 2166136261u;

	h = (h ^ key->family) * 16777619u;
	h = (h ^ key->prefixlen) * 16777619u;
	h = (h ^ safi) * 16777619u;
	for (unsigned i = 0; i < 16; i++)
		h = (h ^ key->u.bytes[i]) * 16777619u;
	return h;
}

static bool key_eq(const struct zc_entry *e, const struct prefix *key, uint16_t safi)
{
	return e->safi == safi && e->key.family == key->family &&
	       e->key.prefixlen == key->prefixlen &&
	       memcmp(e->key.u.bytes, key->u.bytes, 16) == 0;
}

void zc_table_init(struct zc_table *t)
{
	t->nbuckets = 256;
	t->count = 0;
	t->buckets = XCALLOC(ZC_TABLE, t->nbuckets * sizeof(*t->buckets));
}

void zc_table_fini(struct zc_table *t)
{
	for (size_t i = 0; i < t->nbuckets; i++)
		while (t->buckets[i]) {
			struct zc_entry *e = t->buckets[i];

			t->buckets[i] = e->next;
			XFREE(ZC_ENTRY, e);
		}
	XFREE(ZC_TABLE, t->buckets);
	t->count = 0;
	t->nbuckets = 0;
}

static void grow(struct zc_table *t)
{
	size_t nb = t->nbuckets * 2;
	struct zc_entry **b = XCALLOC(ZC_TABLE, nb * sizeof(*b));

	for (size_t i = 0; i < t->nbuckets; i++)
		while (t->buckets[i]) {
			struct zc_entry *e = t->buckets[i];
			size_t j = key_hash(&e->key, e->safi) & (nb - 1);

			t->buckets[i] = e->next;
			e->next = b[j];
			b[j] = e;
		}
	XFREE(ZC_TABLE, t->buckets);
	t->buckets = b;
	t->nbuckets = nb;
}

struct zc_entry *zc_table_get(const struct zc_table *t, const struct prefix *p,
			      uint16_t safi)
{
	struct prefix key;
	struct zc_entry *e;

	make_key(p, &key);
	e = t->buckets[key_hash(&key, safi) & (t->nbuckets - 1)];
	for (; e; e = e->next)
		if (key_eq(e, &key, safi))
			return e;
	return NULL;
}

struct zc_entry *zc_table_set(struct zc_table *t, const struct prefix *p,
			      uint16_t safi, uint8_t flag, const void *data,
			      uint16_t len)
{
	struct zc_entry **pp, *e;
	struct prefix key;

	make_key(p, &key);
	pp = &t->buckets[key_hash(&key, safi) & (t->nbuckets - 1)];
	for (; *pp; pp = &(*pp)->next)
		if (key_eq(*pp, &key, safi))
			break;
	if (*pp) {
		e = *pp;
		if (e->len != len) {
			struct zc_entry *next = e->next;

			e = XREALLOC(ZC_ENTRY, e, sizeof(*e) + len);
			e->next = next;
			*pp = e;
		}
	} else {
		e = XCALLOC(ZC_ENTRY, sizeof(*e) + len);
		e->key = key;
		e->safi = safi;
		e->next = NULL;
		*pp = e;
		t->count++;
	}
	e->flag = flag;
	e->len = len;
	if (len)
		memcpy(e->data, data, len);
	if (t->count > t->nbuckets * 2)
		grow(t);
	return e;
}

int zc_table_del(struct zc_table *t, const struct prefix *p, uint16_t safi)
{
	struct zc_entry **pp, *e;
	struct prefix key;

	make_key(p, &key);
	pp = &t->buckets[key_hash(&key, safi) & (t->nbuckets - 1)];
	for (; *pp; pp = &(*pp)->next)
		if (key_eq(*pp, &key, safi)) {
			e = *pp;
			*pp = e->next;
			XFREE(ZC_ENTRY, e);
			t->count--;
			return 0;
		}
	return -1;
}

void zc_table_walk(const struct zc_table *t,
		   void (*fn)(const struct zc_entry *e, void *arg), void *arg)
{
	for (size_t i = 0; i < t->nbuckets; i++)
		for (const struct zc_entry *e = t->buckets[i]; e; e = e->next)
			fn(e, arg);
}
