/*
 * Private to zclient: a small hash table keyed by (prefix, safi) whose
 * entries carry an opaque byte string (the encoded ADD message of a route)
 * or nothing but a flag (a nexthop registration). Grows by doubling.
 */
#ifndef TARPAN_ZCLIENT_TABLE_H
#define TARPAN_ZCLIENT_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "prefix.h"

struct zc_entry {
	struct zc_entry *next;
	struct prefix key;		/* masked to its length */
	uint16_t safi;
	uint8_t flag;			/* nexthop: the connected flag */
	uint16_t len;			/* bytes in data */
	uint8_t data[];
};

struct zc_table {
	struct zc_entry **buckets;
	size_t nbuckets;		/* power of two */
	size_t count;
};

void zc_table_init(struct zc_table *t);
void zc_table_fini(struct zc_table *t);
struct zc_entry *zc_table_get(const struct zc_table *t, const struct prefix *p,
			      uint16_t safi);
/* Inserts or replaces the entry for (p, safi) with a copy of data. */
struct zc_entry *zc_table_set(struct zc_table *t, const struct prefix *p,
			      uint16_t safi, uint8_t flag, const void *data,
			      uint16_t len);
/* 0 if removed, -1 if absent. */
int zc_table_del(struct zc_table *t, const struct prefix *p, uint16_t safi);
void zc_table_walk(const struct zc_table *t,
		   void (*fn)(const struct zc_entry *e, void *arg), void *arg);

#endif
