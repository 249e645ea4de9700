/*
 * Interface and connected-address database (see if.h).
 *
 * Interfaces live in three structures at once: a singly linked list sorted
 * by name (natural order, so "eth2" comes before "eth10", as `show` output
 * expects), a hash on the name and a hash on the ifindex. Both hashes grow
 * by doubling so that thousands of VLAN interfaces stay O(1) to look up;
 * the sorted list costs O(n) per insert, which only happens when an
 * interface appears. Interfaces with ifindex IFINDEX_INTERNAL are not in
 * the ifindex hash.
 *
 * Connected addresses are a short list per interface in arrival order.
 */
#include <ctype.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "if.h"
#include "memory.h"

DEFINE_MTYPE_STATIC(IF_DB, "Interface database");
DEFINE_MTYPE_STATIC(IF, "Interface");
DEFINE_MTYPE_STATIC(CONNECTED, "Connected");
DEFINE_MTYPE_STATIC(IF_HASH, "Interface hash");

struct if_db {
	struct interface *head;		/* sorted by name */
	size_t count;
	size_t nbuckets;		/* power of two, both hashes */
	struct interface **by_name;	/* chained through nnext */
	struct interface **by_index;	/* chained through hnext */
	if_hook_fn new_fn, del_fn;
	void *hook_arg;
};

/* ---- hashing -------------------------------------------------------------- */

static size_t name_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static size_t index_hash(uint32_t ifindex)
{
	return (size_t)ifindex * 2654435761u;
}

static void hash_insert_name(struct if_db *db, struct interface *ifp)
{
	size_t b = name_hash(ifp->name) & (db->nbuckets - 1);

	ifp->nnext = db->by_name[b];
	db->by_name[b] = ifp;
}

static void hash_remove_name(struct if_db *db, struct interface *ifp)
{
	struct interface **pp = &db->by_name[name_hash(ifp->name) & (db->nbuckets - 1)];

	for (; *pp; pp = &(*pp)->nnext)
		if (*pp == ifp) {
			*pp = ifp->nnext;
			return;
		}
}

static void hash_insert_index(struct if_db *db, struct interface *ifp)
{
	size_t b;

	if (ifp->ifindex == IFINDEX_INTERNAL)
		return;
	b = index_hash(ifp->ifindex) & (db->nbuckets - 1);
	ifp->hnext = db->by_index[b];
	db->by_index[b] = ifp;
}

static void hash_remove_index(struct if_db *db, struct interface *ifp)
{
	struct interface **pp;

	if (ifp->ifindex == IFINDEX_INTERNAL)
		return;
	pp = &db->by_index[index_hash(ifp->ifindex) & (db->nbuckets - 1)];
	for (; *pp; pp = &(*pp)->hnext)
		if (*pp == ifp) {
			*pp = ifp->hnext;
			return;
		}
}

static void hash_alloc(struct if_db *db, size_t nbuckets)
{
	db->nbuckets = nbuckets;
	db->by_name = XCALLOC(IF_HASH, nbuckets * sizeof(*db->by_name));
	db->by_index = XCALLOC(IF_HASH, nbuckets * sizeof(*db->by_index));
}

static void hash_grow(struct if_db *db)
{
	XFREE(IF_HASH, db->by_name);
	XFREE(IF_HASH, db->by_index);
	hash_alloc(db, db->nbuckets * 2);
	for (struct interface *ifp = db->head; ifp; ifp = ifp->next) {
		hash_insert_name(db, ifp);
		hash_insert_index(db, ifp);
	}
}

/* ---- natural name order --------------------------------------------------- */

/* Compares names piecewise: runs of digits numerically, the rest bytewise. */
static int if_name_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			char *ea, *eb;
			unsigned long na = strtoul(a, &ea, 10);
			unsigned long nb = strtoul(b, &eb, 10);

			if (na != nb)
				return na < nb ? -1 : 1;
			if (ea - a != eb - b)	/* "01" vs "1": shorter first */
				return (ea - a) < (eb - b) ? -1 : 1;
			a = ea;
			b = eb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

static void list_insert_sorted(struct if_db *db, struct interface *ifp)
{
	struct interface **pp = &db->head;

	while (*pp && if_name_cmp((*pp)->name, ifp->name) < 0)
		pp = &(*pp)->next;
	ifp->next = *pp;
	*pp = ifp;
}

static void list_remove(struct if_db *db, struct interface *ifp)
{
	for (struct interface **pp = &db->head; *pp; pp = &(*pp)->next)
		if (*pp == ifp) {
			*pp = ifp->next;
			return;
		}
}

/* ---- database --------------------------------------------------------------- */

struct if_db *if_db_new(void)
{
	struct if_db *db = XCALLOC(IF_DB, sizeof(*db));

	hash_alloc(db, 64);
	return db;
}

static void connected_free_all(struct interface *ifp)
{
	while (ifp->connected)
		connected_delete(ifp->connected);
}

static void if_free(struct if_db *db, struct interface *ifp)
{
	if (db->del_fn)
		db->del_fn(ifp, db->hook_arg);
	connected_free_all(ifp);
	XFREE(IF, ifp);
}

void if_db_free(struct if_db **dbp)
{
	struct if_db *db = *dbp;

	if (!db)
		return;
	while (db->head) {
		struct interface *ifp = db->head;

		db->head = ifp->next;
		if_free(db, ifp);
	}
	XFREE(IF_HASH, db->by_name);
	XFREE(IF_HASH, db->by_index);
	XFREE(IF_DB, db);
	*dbp = NULL;
}

void if_db_set_hooks(struct if_db *db, if_hook_fn new_fn, if_hook_fn del_fn,
		     void *arg)
{
	db->new_fn = new_fn;
	db->del_fn = del_fn;
	db->hook_arg = arg;
}

size_t if_db_count(const struct if_db *db)
{
	return db->count;
}

struct interface *if_lookup_by_name(const struct if_db *db, const char *name)
{
	struct interface *ifp;

	if (!name)
		return NULL;
	ifp = db->by_name[name_hash(name) & (db->nbuckets - 1)];
	for (; ifp; ifp = ifp->nnext)
		if (strcmp(ifp->name, name) == 0)
			return ifp;
	return NULL;
}

struct interface *if_lookup_by_index(const struct if_db *db, uint32_t ifindex)
{
	struct interface *ifp;

	if (ifindex == IFINDEX_INTERNAL)
		return NULL;
	ifp = db->by_index[index_hash(ifindex) & (db->nbuckets - 1)];
	for (; ifp; ifp = ifp->hnext)
		if (ifp->ifindex == ifindex)
			return ifp;
	return NULL;
}

static struct interface *if_create(struct if_db *db, const char *name)
{
	struct interface *ifp = XCALLOC(IF, sizeof(*ifp));

	memcpy(ifp->name, name, strlen(name) + 1);
	ifp->db = db;
	if (db->count + 1 > db->nbuckets * 2)
		hash_grow(db);
	list_insert_sorted(db, ifp);
	hash_insert_name(db, ifp);
	db->count++;
	if (db->new_fn)
		db->new_fn(ifp, db->hook_arg);
	return ifp;
}

struct interface *if_get_by_name(struct if_db *db, const char *name)
{
	struct interface *ifp;
	size_t len;

	if (!name)
		return NULL;
	len = strlen(name);
	if (len == 0 || len > INTERFACE_NAMSIZ)
		return NULL;
	ifp = if_lookup_by_name(db, name);
	return ifp ? ifp : if_create(db, name);
}

void if_delete(struct interface *ifp)
{
	struct if_db *db = ifp->db;

	list_remove(db, ifp);
	hash_remove_name(db, ifp);
	hash_remove_index(db, ifp);
	db->count--;
	if_free(db, ifp);
}

struct interface *if_first(const struct if_db *db)
{
	return db->head;
}

struct interface *if_next(const struct interface *ifp)
{
	return ifp->next;
}

static void if_set_index(struct interface *ifp, uint32_t ifindex)
{
	if (ifp->ifindex == ifindex)
		return;
	hash_remove_index(ifp->db, ifp);
	ifp->ifindex = ifindex;
	hash_insert_index(ifp->db, ifp);
}

static void if_rename(struct interface *ifp, const char *name)
{
	struct if_db *db = ifp->db;

	list_remove(db, ifp);
	hash_remove_name(db, ifp);
	memcpy(ifp->name, name, strlen(name) + 1);
	list_insert_sorted(db, ifp);
	hash_insert_name(db, ifp);
}

/* ---- predicates -------------------------------------------------------------- */

bool if_is_up(const struct interface *ifp)
{
	return ifp->flags & IFF_UP;
}

bool if_is_running(const struct interface *ifp)
{
	return ifp->flags & IFF_RUNNING;
}

bool if_is_operative(const struct interface *ifp)
{
	if (!if_is_up(ifp))
		return false;
	if (!(ifp->status & ZEBRA_INTERFACE_LINKDETECTION))
		return true;
	return if_is_running(ifp);
}

bool if_is_loopback(const struct interface *ifp)
{
	return ifp->flags & IFF_LOOPBACK;
}

bool if_is_broadcast(const struct interface *ifp)
{
	return ifp->flags & IFF_BROADCAST;
}

bool if_is_pointopoint(const struct interface *ifp)
{
	return ifp->flags & IFF_POINTOPOINT;
}

bool if_is_multicast(const struct interface *ifp)
{
	return ifp->flags & IFF_MULTICAST;
}

bool if_is_active(const struct interface *ifp)
{
	return ifp->ifindex != IFINDEX_INTERNAL && (ifp->status & ZEBRA_INTERFACE_ACTIVE);
}

/* ---- updates from zebra ------------------------------------------------------ */

struct interface *if_update_from_zapi(struct if_db *db, const struct zapi_interface *zi)
{
	struct interface *ifp, *other;

	if (zi->name[0] == '\0')
		return NULL;
	ifp = if_lookup_by_name(db, zi->name);
	if (!ifp) {
		ifp = if_lookup_by_index(db, zi->ifindex);
		if (ifp)
			if_rename(ifp, zi->name);
		else
			ifp = if_create(db, zi->name);
	}
	/* another (stale) interface holding the index gives it up */
	other = if_lookup_by_index(db, zi->ifindex);
	if (other && other != ifp)
		if_set_index(other, IFINDEX_INTERNAL);
	if_set_index(ifp, zi->ifindex);
	ifp->status = zi->status;
	ifp->flags = zi->flags;
	ifp->metric = zi->metric;
	ifp->mtu = zi->mtu;
	ifp->mtu6 = zi->mtu6;
	ifp->bandwidth = zi->bandwidth;
	ifp->ll_type = zi->ll_type;
	ifp->hw_addr_len = zi->hw_addr_len <= INTERFACE_HWADDR_MAX ? zi->hw_addr_len
								    : INTERFACE_HWADDR_MAX;
	memcpy(ifp->hw_addr, zi->hw_addr, ifp->hw_addr_len);
	ifp->has_link_params = zi->has_link_params;
	if (zi->has_link_params)
		ifp->lp = zi->lp;
	return ifp;
}

void if_retain_deleted(struct interface *ifp)
{
	connected_free_all(ifp);
	if_set_index(ifp, IFINDEX_INTERNAL);
	ifp->status &= (uint8_t)~ZEBRA_INTERFACE_ACTIVE;
}

struct interface *if_set_link_params(struct if_db *db, uint32_t ifindex,
				     const struct zapi_link_params *lp)
{
	struct interface *ifp = if_lookup_by_index(db, ifindex);

	if (!ifp)
		return NULL;
	ifp->has_link_params = true;
	ifp->lp = *lp;
	return ifp;
}

/* ---- connected addresses ------------------------------------------------------ */

struct connected *connected_add(struct interface *ifp, uint8_t flags,
				const struct prefix *address,
				const struct prefix *destination)
{
	struct connected *ifc = XCALLOC(CONNECTED, sizeof(*ifc));
	struct connected **pp = &ifp->connected;

	ifc->ifp = ifp;
	ifc->flags = flags;
	ifc->address = *address;
	if (destination)
		ifc->destination = *destination;
	while (*pp)
		pp = &(*pp)->next;
	*pp = ifc;
	ifp->n_connected++;
	return ifc;
}

struct connected *connected_lookup(const struct interface *ifp,
				   const struct prefix *address)
{
	for (struct connected *ifc = ifp->connected; ifc; ifc = ifc->next)
		if (ifc->address.family == address->family &&
		    ifc->address.prefixlen == address->prefixlen &&
		    memcmp(ifc->address.u.bytes, address->u.bytes,
			   zapi_family_addrlen(address->family)) == 0)
			return ifc;
	return NULL;
}

void connected_delete(struct connected *ifc)
{
	struct interface *ifp = ifc->ifp;

	for (struct connected **pp = &ifp->connected; *pp; pp = &(*pp)->next)
		if (*pp == ifc) {
			*pp = ifc->next;
			ifp->n_connected--;
			break;
		}
	XFREE(CONNECTED, ifc);
}

static void zapi_dest_prefix(const struct zapi_address *za, struct prefix *dest)
{
	static const uint8_t zero[16];
	unsigned alen = zapi_family_addrlen(za->prefix.family);

	memset(dest, 0, sizeof(*dest));
	if (memcmp(za->dest.bytes, zero, alen) == 0)
		return;	/* no destination */
	dest->family = za->prefix.family;
	dest->prefixlen = za->prefix.prefixlen;
	memcpy(dest->u.bytes, za->dest.bytes, alen);
}

struct connected *connected_add_from_zapi(struct if_db *db, const struct zapi_address *za)
{
	struct interface *ifp = if_lookup_by_index(db, za->ifindex);
	struct connected *ifc;
	struct prefix dest;

	if (!ifp)
		return NULL;
	zapi_dest_prefix(za, &dest);
	ifc = connected_lookup(ifp, &za->prefix);
	if (ifc) {
		ifc->flags = za->flags;
		ifc->destination = dest;
		return ifc;
	}
	return connected_add(ifp, za->flags, &za->prefix, &dest);
}

struct connected *connected_find_from_zapi(const struct if_db *db,
					   const struct zapi_address *za)
{
	struct interface *ifp = if_lookup_by_index(db, za->ifindex);

	return ifp ? connected_lookup(ifp, &za->prefix) : NULL;
}

/* ---- address lookups ---------------------------------------------------------- */

static bool subnet_contains(const struct connected *ifc, const struct prefix *addr)
{
	struct prefix net = ifc->address;

	if (ifc->flags & ZEBRA_IFA_PEER && ifc->destination.family) {
		/* point-to-point: the peer address is the subnet */
		net = ifc->destination;
	}
	return prefix_match(&net, addr);
}

struct connected *connected_lookup_subnet(const struct interface *ifp,
					  const struct prefix *addr)
{
	struct connected *best = NULL;

	for (struct connected *ifc = ifp->connected; ifc; ifc = ifc->next)
		if (subnet_contains(ifc, addr) &&
		    (!best || ifc->address.prefixlen > best->address.prefixlen))
			best = ifc;
	return best;
}

struct interface *if_lookup_address(const struct if_db *db, const struct prefix *addr)
{
	struct interface *best = NULL;
	unsigned best_len = 0;

	for (struct interface *ifp = db->head; ifp; ifp = ifp->next) {
		struct connected *ifc = connected_lookup_subnet(ifp, addr);

		if (ifc && (!best || ifc->address.prefixlen > best_len)) {
			best = ifp;
			best_len = ifc->address.prefixlen;
		}
	}
	return best;
}

struct interface *if_lookup_exact_address(const struct if_db *db,
					  const struct prefix *addr)
{
	unsigned alen = zapi_family_addrlen(addr->family);

	for (struct interface *ifp = db->head; ifp; ifp = ifp->next)
		for (struct connected *ifc = ifp->connected; ifc; ifc = ifc->next)
			if (ifc->address.family == addr->family &&
			    memcmp(ifc->address.u.bytes, addr->u.bytes, alen) == 0)
				return ifp;
	return NULL;
}
