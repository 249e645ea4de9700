/*
 * The interface database (see interface.h): two chained hashes (ifindex,
 * name) over one set of struct zif, listeners told of every change.
 */
#include <net/if.h>
#include <net/if_arp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "memory.h"
#include "interface.h"

DEFINE_MTYPE_STATIC(ZIF, "Interface");
DEFINE_MTYPE_STATIC(ZIF_ADDR, "Interface address");
DEFINE_MTYPE_STATIC(ZIF_DESC, "Interface description");
DEFINE_MTYPE_STATIC(ZIF_DB, "Interface database");

#define ZIF_MAX_LISTENERS 8

struct zif_db {
	struct zif **by_idx;
	struct zif **by_name;
	size_t nb;
	size_t count;
	struct zif_listener l[ZIF_MAX_LISTENERS];
	unsigned nl;
	bool default_link_detect;
};

#define FOR_LISTENERS(db, fn, ...)                                             \
	for (unsigned _i = 0; _i < (db)->nl; _i++)                             \
		if ((db)->l[_i].fn)                                            \
	(db)->l[_i].fn((db)->l[_i].arg, __VA_ARGS__)

static uint32_t name_hash(const char *s)
{
	uint32_t h = 5381;

	while (*s)
		h = h * 33 + (uint8_t)*s++;
	return h;
}

struct zif_db *zif_db_new(void)
{
	struct zif_db *db = XCALLOC(ZIF_DB, sizeof(*db));

	db->nb = 256;
	db->by_idx = XCALLOC(ZIF_DB, db->nb * sizeof(void *));
	db->by_name = XCALLOC(ZIF_DB, db->nb * sizeof(void *));
	db->default_link_detect = true;
	return db;
}

static void zif_free(struct zif *ifp)
{
	struct zif_addr *a, *next;

	for (a = ifp->addrs; a; a = next) {
		next = a->next;
		XFREE(ZIF_ADDR, a);
	}
	if (ifp->desc)
		XFREE(ZIF_DESC, ifp->desc);
	XFREE(ZIF, ifp);
}

void zif_db_free(struct zif_db *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < db->nb; i++) {
		struct zif *ifp = db->by_name[i], *next;

		for (; ifp; ifp = next) {
			next = ifp->hnext_name;
			zif_free(ifp);
		}
	}
	XFREE(ZIF_DB, db->by_idx);
	XFREE(ZIF_DB, db->by_name);
	XFREE(ZIF_DB, db);
}

void zif_add_listener(struct zif_db *db, const struct zif_listener *l)
{
	if (db->nl < ZIF_MAX_LISTENERS)
		db->l[db->nl++] = *l;
}

void zif_set_default_link_detect(struct zif_db *db, bool on)
{
	db->default_link_detect = on;
}

bool zif_default_link_detect(const struct zif_db *db)
{
	return db->default_link_detect;
}

static void idx_link(struct zif_db *db, struct zif *ifp)
{
	size_t h;

	if (!ifp->ifindex)
		return;
	h = ifp->ifindex & (db->nb - 1);
	ifp->hnext_idx = db->by_idx[h];
	db->by_idx[h] = ifp;
}

static void idx_unlink(struct zif_db *db, struct zif *ifp)
{
	struct zif **pp;

	if (!ifp->ifindex)
		return;
	for (pp = &db->by_idx[ifp->ifindex & (db->nb - 1)]; *pp;
	     pp = &(*pp)->hnext_idx)
		if (*pp == ifp) {
			*pp = ifp->hnext_idx;
			return;
		}
}

static void name_link(struct zif_db *db, struct zif *ifp)
{
	size_t h = name_hash(ifp->name) & (db->nb - 1);

	ifp->hnext_name = db->by_name[h];
	db->by_name[h] = ifp;
}

static void name_unlink(struct zif_db *db, struct zif *ifp)
{
	struct zif **pp;

	for (pp = &db->by_name[name_hash(ifp->name) & (db->nb - 1)]; *pp;
	     pp = &(*pp)->hnext_name)
		if (*pp == ifp) {
			*pp = ifp->hnext_name;
			return;
		}
}

static void db_grow(struct zif_db *db)
{
	struct zif **all = malloc(db->count * sizeof(*all));
	size_t n = 0;

	if (!all)
		return;
	for (size_t i = 0; i < db->nb; i++)
		for (struct zif *ifp = db->by_name[i]; ifp; ifp = ifp->hnext_name)
			all[n++] = ifp;
	XFREE(ZIF_DB, db->by_idx);
	XFREE(ZIF_DB, db->by_name);
	db->nb *= 2;
	db->by_idx = XCALLOC(ZIF_DB, db->nb * sizeof(void *));
	db->by_name = XCALLOC(ZIF_DB, db->nb * sizeof(void *));
	for (size_t i = 0; i < n; i++) {
		idx_link(db, all[i]);
		name_link(db, all[i]);
	}
	free(all);
}

struct zif *zif_by_index(const struct zif_db *db, uint32_t ifindex)
{
	struct zif *ifp;

	if (!ifindex)
		return NULL;
	for (ifp = db->by_idx[ifindex & (db->nb - 1)]; ifp; ifp = ifp->hnext_idx)
		if (ifp->ifindex == ifindex)
			return ifp;
	return NULL;
}

struct zif *zif_by_name(const struct zif_db *db, const char *name)
{
	struct zif *ifp;

	for (ifp = db->by_name[name_hash(name) & (db->nb - 1)]; ifp;
	     ifp = ifp->hnext_name)
		if (strcmp(ifp->name, name) == 0)
			return ifp;
	return NULL;
}

static struct zif *zif_new(struct zif_db *db, const char *name)
{
	struct zif *ifp = XCALLOC(ZIF, sizeof(*ifp));

	snprintf(ifp->name, sizeof(ifp->name), "%s", name);
	ifp->link_detect = db->default_link_detect;
	ifp->multicast = -1;
	if (db->count + 1 > db->nb)
		db_grow(db);
	name_link(db, ifp);
	db->count++;
	return ifp;
}

struct zif *zif_get_by_name(struct zif_db *db, const char *name)
{
	struct zif *ifp = zif_by_name(db, name);

	return ifp ? ifp : zif_new(db, name);
}

int zif_delete_pseudo(struct zif_db *db, struct zif *ifp)
{
	if (ifp->ifindex)
		return -1;
	name_unlink(db, ifp);
	db->count--;
	zif_free(ifp);
	return 0;
}

static int zif_name_cmp(const void *a, const void *b)
{
	const struct zif *x = *(struct zif *const *)a;
	const struct zif *y = *(struct zif *const *)b;

	return strcmp(x->name, y->name);
}

struct zif **zif_sorted(const struct zif_db *db, size_t *count)
{
	struct zif **v = malloc((db->count + 1) * sizeof(*v));
	size_t n = 0;

	if (!v)
		zlog_fatal("out of memory sorting interfaces");
	for (size_t i = 0; i < db->nb; i++)
		for (struct zif *ifp = db->by_name[i]; ifp; ifp = ifp->hnext_name)
			v[n++] = ifp;
	qsort(v, n, sizeof(*v), zif_name_cmp);
	*count = n;
	return v;
}

size_t zif_count(const struct zif_db *db)
{
	return db->count;
}

const char *zif_name(const struct zif_db *db, uint32_t ifindex)
{
	struct zif *ifp = zif_by_index(db, ifindex);

	return ifp ? ifp->name : "unknown";
}

bool zif_is_up(const struct zif *ifp)
{
	return ifp->ifindex && (ifp->flags & IFF_UP);
}

bool zif_is_operative(const struct zif *ifp)
{
	if (!zif_is_up(ifp))
		return false;
	return !ifp->link_detect || (ifp->flags & IFF_RUNNING);
}

bool zif_is_loopback(const struct zif *ifp)
{
	return (ifp->flags & IFF_LOOPBACK) != 0;
}

uint8_t zif_status(const struct zif *ifp)
{
	uint8_t s = 0;

	if (ifp->ifindex)
		s |= ZIF_STATUS_ACTIVE;
	if (ifp->link_detect)
		s |= ZIF_STATUS_LINKDETECTION;
	return s;
}

uint32_t zif_ll_type(const struct zif *ifp)
{
	switch (ifp->arptype) {
	case ARPHRD_ETHER:
		return 1;
	case ARPHRD_EETHER:
		return 2;
	case ARPHRD_LOOPBACK:
		return 30;
	case ARPHRD_FDDI:
		return 32;
	case ARPHRD_PPP:
		return 19;
	case ARPHRD_TUNNEL:
		return 21;
	case ARPHRD_SIT:
		return 23;
	case ARPHRD_IPGRE:
		return 26;
	case ARPHRD_NONE:
		return 35;
	default:
		return 0;
	}
}

void zif_recheck_state(struct zif_db *db, struct zif *ifp)
{
	bool op = zif_is_operative(ifp);

	if (op == ifp->was_operative)
		return;
	ifp->was_operative = op;
	if (op) {
		ifp->link_ups++;
		ifp->last_up = time(NULL);
		FOR_LISTENERS(db, up, ifp);
	} else {
		ifp->link_downs++;
		ifp->last_down = time(NULL);
		FOR_LISTENERS(db, down, ifp);
	}
}

void zif_link_update(struct zif_db *db, const struct zif_link_info *li)
{
	struct zif *ifp = zif_by_index(db, li->ifindex);
	bool is_new = false;

	if (ifp && li->name && strcmp(ifp->name, li->name) != 0) {
		struct zif *other = zif_by_name(db, li->name);

		/* renamed: a pseudo interface of the new name merges in */
		if (other && !other->ifindex) {
			ifp->configured |= other->configured;
			zif_delete_pseudo(db, other);
		}
		name_unlink(db, ifp);
		snprintf(ifp->name, sizeof(ifp->name), "%s", li->name);
		name_link(db, ifp);
	}
	if (!ifp) {
		if (!li->name)
			return;
		ifp = zif_by_name(db, li->name);
		if (ifp && ifp->ifindex) {
			/* a stale entry of the same name: the kernel reused it */
			idx_unlink(db, ifp);
			ifp->ifindex = 0;
		}
		if (!ifp)
			ifp = zif_new(db, li->name);
		ifp->ifindex = li->ifindex;
		idx_link(db, ifp);
		is_new = true;
	}
	ifp->stale = false;
	ifp->flags = li->flags;
	if (ifp->mtu != li->mtu && !is_new) {
		ifp->mtu = ifp->mtu6 = li->mtu;
		FOR_LISTENERS(db, changed, ifp);
	}
	ifp->mtu = ifp->mtu6 = li->mtu;
	ifp->arptype = li->arptype;
	ifp->hw_len = li->hw_len > ZIF_HWADDR_MAX ? ZIF_HWADDR_MAX : li->hw_len;
	if (li->hw_addr)
		memcpy(ifp->hw_addr, li->hw_addr, ifp->hw_len);
	if (is_new) {
		FOR_LISTENERS(db, added, ifp);
		/* the first state is not a transition, but count an "up" as Quagga */
		if (zif_is_operative(ifp)) {
			ifp->was_operative = true;
			ifp->link_ups++;
			ifp->last_up = time(NULL);
		}
		return;
	}
	zif_recheck_state(db, ifp);
}

void zif_link_delete(struct zif_db *db, uint32_t ifindex)
{
	struct zif *ifp = zif_by_index(db, ifindex);
	struct zif_addr *a, *next;

	if (!ifp)
		return;
	if (ifp->was_operative) {
		ifp->flags &= ~(uint64_t)(IFF_UP | IFF_RUNNING);
		zif_recheck_state(db, ifp);
	}
	for (a = ifp->addrs; a; a = next) {
		next = a->next;
		if (a->in_kernel) {
			a->in_kernel = false;
			FOR_LISTENERS(db, addr_deleted, ifp, a);
		}
	}
	FOR_LISTENERS(db, deleted, ifp);
	/* keep configured addresses; drop kernel-only ones */
	for (struct zif_addr **pp = &ifp->addrs; *pp;) {
		a = *pp;
		if (!a->configured) {
			*pp = a->next;
			XFREE(ZIF_ADDR, a);
		} else {
			pp = &a->next;
		}
	}
	idx_unlink(db, ifp);
	ifp->ifindex = 0;
	ifp->flags = 0;
	if (!ifp->configured) {
		name_unlink(db, ifp);
		db->count--;
		zif_free(ifp);
	}
}

struct zif_addr *zif_addr_find(const struct zif *ifp, const struct prefix *p)
{
	for (struct zif_addr *a = ifp->addrs; a; a = a->next)
		if (prefix_same(&a->p, p))
			return a;
	return NULL;
}

static struct zif_addr *addr_new(struct zif *ifp, const struct prefix *p)
{
	struct zif_addr *a = XCALLOC(ZIF_ADDR, sizeof(*a)), **pp;

	a->p = *p;
	/* arrival order, as clients see them */
	for (pp = &ifp->addrs; *pp; pp = &(*pp)->next)
		;
	a->next = NULL;
	*pp = a;
	return a;
}

static void addr_unlink_free(struct zif *ifp, struct zif_addr *a)
{
	for (struct zif_addr **pp = &ifp->addrs; *pp; pp = &(*pp)->next)
		if (*pp == a) {
			*pp = a->next;
			XFREE(ZIF_ADDR, a);
			return;
		}
}

void zif_addr_update(struct zif_db *db, uint32_t ifindex, bool add,
		     const struct prefix *p, const struct prefix *dest,
		     uint8_t flags)
{
	struct zif *ifp = zif_by_index(db, ifindex);
	struct zif_addr *a;

	if (!ifp)
		return;
	a = zif_addr_find(ifp, p);
	if (add) {
		bool was = a && a->in_kernel;

		if (!a)
			a = addr_new(ifp, p);
		a->stale = false;
		if (dest)
			a->dest = *dest;
		else
			memset(&a->dest, 0, sizeof(a->dest));
		a->flags = flags;
		if (!was) {
			a->in_kernel = true;
			FOR_LISTENERS(db, addr_added, ifp, a);
		}
		return;
	}
	if (!a || !a->in_kernel)
		return;
	a->in_kernel = false;
	FOR_LISTENERS(db, addr_deleted, ifp, a);
	if (!a->configured)
		addr_unlink_free(ifp, a);
}

void zif_set_desc(struct zif *ifp, const char *desc)
{
	if (ifp->desc)
		XFREE(ZIF_DESC, ifp->desc);
	if (desc)
		ifp->desc = XSTRDUP(ZIF_DESC, desc);
}

void zif_set_bandwidth(struct zif_db *db, struct zif *ifp, uint32_t kbps)
{
	ifp->bandwidth = kbps;
	if (ifp->ifindex && zif_is_operative(ifp))
		FOR_LISTENERS(db, changed, ifp);
}

void zif_set_link_detect(struct zif_db *db, struct zif *ifp, bool on)
{
	ifp->link_detect = on;
	if (ifp->ifindex)
		zif_recheck_state(db, ifp);
}

struct zif_addr *zif_addr_config(struct zif *ifp, const struct prefix *p,
				 bool add)
{
	struct zif_addr *a = zif_addr_find(ifp, p);

	if (add) {
		if (!a)
			a = addr_new(ifp, p);
		a->configured = true;
		return a;
	}
	if (!a)
		return NULL;
	a->configured = false;
	if (!a->in_kernel) {
		addr_unlink_free(ifp, a);
		return NULL;
	}
	return a;
}

void zif_mark_stale(struct zif_db *db)
{
	for (size_t i = 0; i < db->nb; i++)
		for (struct zif *ifp = db->by_name[i]; ifp; ifp = ifp->hnext_name) {
			ifp->stale = ifp->ifindex != 0;
			for (struct zif_addr *a = ifp->addrs; a; a = a->next)
				a->stale = a->in_kernel;
		}
}

void zif_sweep_stale(struct zif_db *db)
{
	size_t n;
	struct zif **v = zif_sorted(db, &n);

	for (size_t i = 0; i < n; i++) {
		struct zif *ifp = v[i];

		if (ifp->stale) {
			zif_link_delete(db, ifp->ifindex);
			continue;
		}
		for (struct zif_addr *a = ifp->addrs, *next; a; a = next) {
			next = a->next;
			if (a->stale) {
				struct prefix p = a->p;

				zif_addr_update(db, ifp->ifindex, false, &p, NULL, 0);
			}
		}
	}
	free(v);
}
