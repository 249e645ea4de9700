/*
 * Access lists: storage, indexing and evaluation (see filter.h).
 *
 * Each list keeps its entries three ways:
 *  - a doubly linked list in configuration order, which is what `show` and
 *    config-write print; every entry gets an increasing position number
 *    when it is appended, so "earlier in the list" is "smaller position";
 *  - an index for evaluation: prefix entries in a trie by their (masked)
 *    prefix; Cisco entries whose address wildcard is contiguous in a second
 *    trie by the address bits that must match; the rare Cisco entries with
 *    non-contiguous wildcards on a short side list. Entries that share a
 *    trie node are chained in position order;
 *  - a hash of the entry's value to find duplicates (Quagga ignores a
 *    repeated entry and deletes by value) without a walk.
 * Evaluation walks the trie nodes along the address (at most 33 or 129),
 * keeps the matching entry with the smallest position, and stops scanning
 * a chain as soon as positions pass the best one found.
 *
 * These structures are the compiled form of the northbound tree
 * (filter_nb.c): an entry's position is its seq in the tree, so entries
 * stay in the tree's order whatever order the changes arrive in. The typed
 * setters (access_list_entry_set, ...) still work on the structures
 * directly for tests and daemons' unit harnesses.
 */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "filter.h"
#include "filter_nb.h"
#include "memory.h"
#include "policy_util.h"
#include "ptrie.h"

DEFINE_MTYPE_STATIC(ACCESS_LIST, "Access List");
DEFINE_MTYPE_STATIC(ACCESS_LIST_STR, "Access List Str");
DEFINE_MTYPE_STATIC(ACCESS_FILTER, "Access Filter");
DEFINE_MTYPE_STATIC(ACCESS_HASH, "Access List hash");

struct filter {
	struct access_list *acl;
	struct filter *prev, *next;	/* configuration order */
	struct filter *chain;		/* same trie node / side list, by pos */
	struct filter *hnext;		/* value hash chain */
	struct ptrie_node *node;	/* NULL: on the side list */
	struct ptrie *trie;
	uint64_t pos;
	uint32_t hash;
	struct filter_spec s;
};

struct access_list {
	char *name;
	int afi;
	char *remark;
	struct filter *head, *tail;
	size_t count;
	uint64_t next_pos;
	struct ptrie zebra, cisco;
	struct filter *side, *side_tail;
	struct filter **htab;
	size_t hsize;
};

#define MAX_HOOKS 8
struct acl_master {
	struct namevec lists;
	void (*add_hook[MAX_HOOKS])(const char *name);
	void (*del_hook[MAX_HOOKS])(const char *name);
};

static const char *acl_name_of(const void *item)
{
	return ((const struct access_list *)item)->name;
}

static struct acl_master masters[2] = {
	{ .lists = { .name_of = acl_name_of, .numbers_first = true } },
	{ .lists = { .name_of = acl_name_of, .numbers_first = true } },
};

static struct acl_master *master_get(int afi)
{
	if (afi == AFI_IP)
		return &masters[0];
	if (afi == AFI_IP6)
		return &masters[1];
	return NULL;
}

static void add_hook(void (**hooks)(const char *), void (*func)(const char *))
{
	int i;

	for (i = 0; i < MAX_HOOKS; i++) {
		if (hooks[i] == func)
			return;
		if (!hooks[i]) {
			hooks[i] = func;
			return;
		}
	}
}

void access_list_add_hook(void (*func)(const char *name))
{
	add_hook(masters[0].add_hook, func);
	add_hook(masters[1].add_hook, func);
}

void access_list_delete_hook(void (*func)(const char *name))
{
	add_hook(masters[0].del_hook, func);
	add_hook(masters[1].del_hook, func);
}

static void run_hooks(void (**hooks)(const char *), const char *name)
{
	int i;

	for (i = 0; i < MAX_HOOKS && hooks[i]; i++)
		hooks[i](name);
}

/* ---- value hash ---------------------------------------------------------- */

static uint32_t fnv(uint32_t h, const void *data, size_t len)
{
	const uint8_t *b = data;

	while (len--)
		h = (h ^ *b++) * 16777619u;
	return h;
}

static uint32_t spec_hash(const struct filter_spec *s)
{
	uint8_t flags[4] = { (uint8_t)s->type, s->cisco, s->extended, s->exact };
	uint32_t h = fnv(2166136261u, flags, sizeof(flags));

	if (s->cisco) {
		h = fnv(h, &s->addr, 4);
		h = fnv(h, &s->addr_wild, 4);
		if (s->extended) {
			h = fnv(h, &s->mask, 4);
			h = fnv(h, &s->mask_wild, 4);
		}
	} else {
		h = fnv(h, &s->prefix.family, 1);
		h = fnv(h, &s->prefix.prefixlen, 1);
		h = fnv(h, s->prefix.u.bytes, 16);
	}
	return h;
}

static bool spec_equal(const struct filter_spec *a, const struct filter_spec *b)
{
	if (a->type != b->type || a->cisco != b->cisco)
		return false;
	if (!a->cisco)
		return a->exact == b->exact && prefix_same(&a->prefix, &b->prefix);
	if (a->extended != b->extended || a->addr.s_addr != b->addr.s_addr ||
	    a->addr_wild.s_addr != b->addr_wild.s_addr)
		return false;
	return !a->extended || (a->mask.s_addr == b->mask.s_addr &&
				a->mask_wild.s_addr == b->mask_wild.s_addr);
}

static struct filter *hash_find(const struct access_list *acl,
				const struct filter_spec *s, uint32_t h)
{
	struct filter *f;

	if (!acl->hsize)
		return NULL;
	for (f = acl->htab[h & (acl->hsize - 1)]; f; f = f->hnext)
		if (f->hash == h && spec_equal(&f->s, s))
			return f;
	return NULL;
}

static void hash_insert(struct access_list *acl, struct filter *f)
{
	size_t b;

	if (acl->count + 1 > acl->hsize) {
		size_t nsize = acl->hsize ? acl->hsize * 2 : 16, i;
		struct filter **ntab = XCALLOC(ACCESS_HASH, nsize * sizeof(*ntab));

		for (i = 0; i < acl->hsize; i++) {
			struct filter *e = acl->htab[i], *nx;

			for (; e; e = nx) {
				nx = e->hnext;
				e->hnext = ntab[e->hash & (nsize - 1)];
				ntab[e->hash & (nsize - 1)] = e;
			}
		}
		if (acl->htab)
			XFREE(ACCESS_HASH, acl->htab);
		acl->htab = ntab;
		acl->hsize = nsize;
	}
	b = f->hash & (acl->hsize - 1);
	f->hnext = acl->htab[b];
	acl->htab[b] = f;
}

static void hash_remove(struct access_list *acl, struct filter *f)
{
	struct filter **pp = &acl->htab[f->hash & (acl->hsize - 1)];

	for (; *pp; pp = &(*pp)->hnext) {
		if (*pp == f) {
			*pp = f->hnext;
			return;
		}
	}
}

/* ---- evaluation index ---------------------------------------------------- */

/* Length of a contiguous wildcard's fixed part, or -1. */
static int wild_len(struct in_addr wild)
{
	uint32_t w = ntohl(wild.s_addr);

	if ((w & (w + 1)) != 0)
		return -1;
	return 32 - __builtin_popcount(w);
}

/* Insert f into a chain kept in position order (usually at its end). */
static void chain_insert(struct filter **pp, struct filter *f)
{
	while (*pp && (*pp)->pos < f->pos)
		pp = &(*pp)->chain;
	f->chain = *pp;
	*pp = f;
}

static void index_add(struct access_list *acl, struct filter *f)
{
	struct ptrie *t = NULL;
	const uint8_t *key = NULL;
	uint8_t buf[16] = { 0 };
	int len = -1;

	if (!f->s.cisco) {
		t = &acl->zebra;
		key = f->s.prefix.u.bytes;
		len = f->s.prefix.prefixlen;
	} else if ((len = wild_len(f->s.addr_wild)) >= 0) {
		t = &acl->cisco;
		memcpy(buf, &f->s.addr, 4);
		key = buf;
	}
	if (!t) {
		chain_insert(&acl->side, f);
		if (!f->chain)
			acl->side_tail = f;
		return;
	}
	f->trie = t;
	f->node = ptrie_get(t, key, (unsigned)len);
	chain_insert((struct filter **)&f->node->data, f);
}

static void index_remove(struct access_list *acl, struct filter *f)
{
	struct filter **pp, *prev = NULL;

	pp = f->node ? (struct filter **)&f->node->data : &acl->side;
	for (; *pp; prev = *pp, pp = &(*pp)->chain) {
		if (*pp == f) {
			*pp = f->chain;
			break;
		}
	}
	if (!f->node && acl->side_tail == f)
		acl->side_tail = prev;
	if (f->node)
		ptrie_release(f->trie, f->node);
	f->node = NULL;
}

static bool cisco_match(const struct filter_spec *s, const struct prefix *p)
{
	if (p->family != AF_INET)
		return false;
	if ((p->u.v4.s_addr & ~s->addr_wild.s_addr) != s->addr.s_addr)
		return false;
	if (s->extended) {
		struct in_addr m = masklen2ip(p->prefixlen);

		if ((m.s_addr & ~s->mask_wild.s_addr) != s->mask.s_addr)
			return false;
	}
	return true;
}

static bool entry_match(const struct filter *f, const struct prefix *p)
{
	if (f->s.cisco)
		return cisco_match(&f->s, p);
	if (f->s.prefix.family != p->family)
		return false;
	if (f->s.exact && f->s.prefix.prefixlen != p->prefixlen)
		return false;
	return prefix_match(&f->s.prefix, p);
}

/* Earliest matching entry on one chain that beats `best`. */
static const struct filter *chain_best(const struct filter *f,
				       const struct prefix *p,
				       const struct filter *best)
{
	for (; f; f = f->chain) {
		if (best && f->pos >= best->pos)
			break;
		if (entry_match(f, p))
			return f;
	}
	return best;
}

static const struct filter *acl_first_match(const struct access_list *acl,
					    const struct prefix *p)
{
	const struct filter *best = NULL;
	const struct ptrie_node *n;

	for (n = ptrie_first(&acl->zebra, p->u.bytes, p->prefixlen); n;
	     n = ptrie_next(n, p->u.bytes, p->prefixlen))
		best = chain_best(n->data, p, best);
	if (p->family == AF_INET) {
		for (n = ptrie_first(&acl->cisco, p->u.bytes, 32); n;
		     n = ptrie_next(n, p->u.bytes, 32))
			best = chain_best(n->data, p, best);
	}
	return chain_best(acl->side, p, best);
}

enum filter_type access_list_apply(const struct access_list *acl,
				   const struct prefix *p)
{
	const struct filter *f;

	if (!acl || !p)
		return FILTER_DENY;
	f = acl_first_match(acl, p);
	return f ? f->s.type : FILTER_DENY;
}

/* ---- lists --------------------------------------------------------------- */

struct access_list *access_list_lookup(int afi, const char *name)
{
	struct acl_master *m = master_get(afi);

	if (!m || !name)
		return NULL;
	return namevec_find(&m->lists, name);
}

const char *access_list_name(const struct access_list *acl)
{
	return acl->name;
}

size_t access_list_count(const struct access_list *acl)
{
	return acl ? acl->count : 0;
}

static struct access_list *acl_get(int afi, const char *name)
{
	struct acl_master *m = master_get(afi);
	struct access_list *acl = namevec_find(&m->lists, name);

	if (acl)
		return acl;
	acl = XCALLOC(ACCESS_LIST, sizeof(*acl));
	acl->name = XSTRDUP(ACCESS_LIST_STR, name);
	acl->afi = afi;
	namevec_insert(&m->lists, acl);
	return acl;
}

static void filter_free(struct filter *f)
{
	XFREE(ACCESS_FILTER, f);
}

static void acl_free(struct access_list *acl)
{
	struct filter *f, *nx;

	for (f = acl->head; f; f = nx) {
		nx = f->next;
		filter_free(f);
	}
	ptrie_clear(&acl->zebra);
	ptrie_clear(&acl->cisco);
	if (acl->htab)
		XFREE(ACCESS_HASH, acl->htab);
	if (acl->remark)
		XFREE(ACCESS_LIST_STR, acl->remark);
	XFREE(ACCESS_LIST_STR, acl->name);
	XFREE(ACCESS_LIST, acl);
}

/* Remove the list from its master, tell the daemons, free it. */
static void acl_delete(struct access_list *acl)
{
	struct acl_master *m = master_get(acl->afi);
	char name[ACL_NAMSIZ + 1];

	snprintf(name, sizeof(name), "%s", acl->name);
	namevec_remove(&m->lists, acl);
	acl_free(acl);
	run_hooks(m->del_hook, name);
}

/* Add an entry at position pos (0: after the last one). Entries are kept in
 * position order; the usual case, a new last entry, costs O(1). */
static void filter_add(struct access_list *acl, const struct filter_spec *s,
		       uint32_t h, uint64_t pos)
{
	struct filter *f = XCALLOC(ACCESS_FILTER, sizeof(*f)), *after;

	f->acl = acl;
	f->s = *s;
	f->hash = h;
	f->pos = pos ? pos : acl->next_pos + 1;
	if (f->pos > acl->next_pos)
		acl->next_pos = f->pos;
	for (after = acl->tail; after && after->pos > f->pos; after = after->prev)
		;
	f->prev = after;
	f->next = after ? after->next : acl->head;
	if (f->next)
		f->next->prev = f;
	else
		acl->tail = f;
	if (after)
		after->next = f;
	else
		acl->head = f;
	hash_insert(acl, f);
	acl->count++;
	index_add(acl, f);
	run_hooks(master_get(acl->afi)->add_hook, acl->name);
}

static void filter_delete(struct access_list *acl, struct filter *f)
{
	struct acl_master *m = master_get(acl->afi);

	index_remove(acl, f);
	hash_remove(acl, f);
	if (f->prev)
		f->prev->next = f->next;
	else
		acl->head = f->next;
	if (f->next)
		f->next->prev = f->prev;
	else
		acl->tail = f->prev;
	acl->count--;
	filter_free(f);
	if (!acl->head && !acl->remark)
		acl_delete(acl);
	else
		run_hooks(m->del_hook, acl->name);
}

static int name_check(const char *name, char *err, size_t errlen)
{
	if (strlen(name) > ACL_NAMSIZ) {
		snprintf(err, errlen,
			 "%% ACL name %s is invalid: length exceeds %d characters",
			 name, ACL_NAMSIZ);
		return -1;
	}
	return 0;
}

int access_list_entry_set(int afi, const char *name,
			  const struct filter_spec *spec, bool set,
			  char *err, size_t errlen)
{
	struct access_list *acl;
	struct filter *f;
	uint32_t h;

	if (!master_get(afi) || name_check(name, err, errlen) < 0)
		return -1;
	h = spec_hash(spec);
	if (set) {
		acl = acl_get(afi, name);
		if (!hash_find(acl, spec, h))	/* a repeated entry is ignored */
			filter_add(acl, spec, h, 0);
		return 0;
	}
	acl = access_list_lookup(afi, name);
	if (acl && (f = hash_find(acl, spec, h)))
		filter_delete(acl, f);
	return 0;
}

/* ---- the northbound's entry points (filter_nb.h) ------------------------- */

static struct filter *find_pos(const struct access_list *acl, uint64_t pos)
{
	struct filter *f;

	for (f = acl->tail; f && f->pos > pos; f = f->prev)
		;
	return f && f->pos == pos ? f : NULL;
}

void access_list_entry_add_seq(int afi, const char *name,
			       const struct filter_spec *spec, uint32_t seq)
{
	struct access_list *acl;
	struct filter *old;
	uint32_t h;

	if (!master_get(afi) || strlen(name) > ACL_NAMSIZ)
		return;
	h = spec_hash(spec);
	acl = acl_get(afi, name);
	old = find_pos(acl, seq);
	if (old && spec_equal(&old->s, spec))
		return;
	if (old) {
		index_remove(acl, old);
		hash_remove(acl, old);
		if (old->prev)
			old->prev->next = old->next;
		else
			acl->head = old->next;
		if (old->next)
			old->next->prev = old->prev;
		else
			acl->tail = old->prev;
		acl->count--;
		filter_free(old);
	}
	if (!hash_find(acl, spec, h))	/* a repeated entry is ignored */
		filter_add(acl, spec, h, seq);
}

void access_list_entry_del_seq(int afi, const char *name,
			       const struct filter_spec *spec, uint32_t seq)
{
	struct access_list *acl = access_list_lookup(afi, name);
	struct filter *f;

	if (!acl)
		return;
	f = hash_find(acl, spec, spec_hash(spec));
	if (!f || f->pos != seq)
		f = find_pos(acl, seq);
	if (f && spec_equal(&f->s, spec))
		filter_delete(acl, f);
}

static int type_parse(const char *str, enum filter_type *type,
		      char *err, size_t errlen)
{
	if (str && str[0] == 'p') {
		*type = FILTER_PERMIT;
	} else if (str && str[0] == 'd') {
		*type = FILTER_DENY;
	} else {
		snprintf(err, errlen, "%% filter type must be permit or deny");
		return -1;
	}
	return 0;
}

int filter_spec_cisco(struct filter_spec *spec, const char *type_str,
		      const char *addr, const char *wild, const char *mask,
		      const char *mask_wild, bool extended,
		      char *err, size_t errlen)
{
	memset(spec, 0, sizeof(*spec));
	if (type_parse(type_str, &spec->type, err, errlen) < 0)
		return -1;
	spec->cisco = true;
	spec->extended = extended;
	if (addr_parse_ipv4(addr, &spec->addr) < 0 ||
	    addr_parse_ipv4(wild, &spec->addr_wild) < 0 ||
	    (extended && (addr_parse_ipv4(mask, &spec->mask) < 0 ||
			  addr_parse_ipv4(mask_wild, &spec->mask_wild) < 0))) {
		snprintf(err, errlen, "%%Inconsistent address and mask");
		return -1;
	}
	spec->addr.s_addr &= ~spec->addr_wild.s_addr;
	if (extended)
		spec->mask.s_addr &= ~spec->mask_wild.s_addr;
	return 0;
}

int filter_spec_zebra(struct filter_spec *spec, int afi, const char *type_str,
		      const char *prefix_str, bool exact,
		      char *err, size_t errlen)
{
	int ret;

	memset(spec, 0, sizeof(*spec));
	if (type_parse(type_str, &spec->type, err, errlen) < 0)
		return -1;
	if (afi == AFI_IP)
		ret = prefix_parse_ipv4(prefix_str, &spec->prefix);
	else
		ret = prefix_parse_ipv6(prefix_str, &spec->prefix);
	if (ret < 0) {
		snprintf(err, errlen, "%s address prefix/prefixlen is malformed",
			 afi == AFI_IP ? "IP" : "IPv6");
		return -1;
	}
	spec->exact = exact;
	return 0;
}

int access_list_remark_set(int afi, const char *name, const char *remark)
{
	struct access_list *acl;

	if (!master_get(afi))
		return -1;
	acl = acl_get(afi, name);
	if (acl->remark)
		XFREE(ACCESS_LIST_STR, acl->remark);
	acl->remark = XSTRDUP(ACCESS_LIST_STR, remark);
	return 0;
}

int access_list_remark_unset(int afi, const char *name, char *err, size_t errlen)
{
	struct access_list *acl = access_list_lookup(afi, name);

	if (!acl) {
		snprintf(err, errlen, "%% access-list %s doesn't exist", name);
		return -1;
	}
	if (acl->remark)
		XFREE(ACCESS_LIST_STR, acl->remark);
	if (!acl->head)
		acl_delete(acl);
	return 0;
}

int access_list_delete_name(int afi, const char *name, char *err, size_t errlen)
{
	struct access_list *acl = access_list_lookup(afi, name);

	if (!acl) {
		snprintf(err, errlen, "%% access-list %s doesn't exist", name);
		return -1;
	}
	acl_delete(acl);
	return 0;
}

void access_list_reset(void)
{
	int i;

	for (i = 0; i < 2; i++) {
		struct namevec *v = &masters[i].lists;
		size_t j;

		for (j = 0; j < v->count; j++)
			acl_free(v->items[j]);
		namevec_free(v);
	}
}

/* ---- vty access-class ----------------------------------------------------- */

#include "vty.h"
#include "log.h"

bool access_list_vty_check(const char *list_name, const struct sockaddr *peer)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)peer;
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)peer;
	const struct access_list *acl;
	struct prefix p;

	if (!list_name || !peer)
		return true;
	if (peer->sa_family == AF_INET) {
		prefix_from_ipv4(&p, sin->sin_addr, 32);
		acl = access_list_lookup(AFI_IP, list_name);
	} else if (peer->sa_family == AF_INET6) {
		prefix_from_ipv6(&p, &sin6->sin6_addr, 128);
		acl = access_list_lookup(AFI_IP6, list_name);
	} else {
		return true;
	}
	/* as Quagga: a list that does not exist lets everyone in */
	return !acl || access_list_apply(acl, &p) != FILTER_DENY;
}

/* ---- text ---------------------------------------------------------------- */

static const char *type_str(enum filter_type t)
{
	return t == FILTER_PERMIT ? "permit" : t == FILTER_DENY ? "deny" : "";
}

static const char *ntoa(struct in_addr a, char *buf)
{
	return inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN);
}

static void write_zebra(struct vty *vty, const struct filter_spec *s)
{
	const struct prefix *p = &s->prefix;
	char buf[INET6_ADDRSTRLEN];

	if (p->prefixlen == 0 && !s->exact)
		vty_out(vty, " any\n");
	else
		vty_out(vty, " %s/%u%s\n",
			inet_ntop(p->family, p->u.bytes, buf, sizeof(buf)),
			p->prefixlen, s->exact ? " exact-match" : "");
}

/* One address/wildcard pair of an extended entry. */
static void write_pair(struct vty *vty, struct in_addr a, struct in_addr w)
{
	char b1[INET_ADDRSTRLEN], b2[INET_ADDRSTRLEN];

	if (w.s_addr == 0xffffffff)
		vty_out(vty, " any");
	else if (w.s_addr == 0)
		vty_out(vty, " host %s", ntoa(a, b1));
	else
		vty_out(vty, " %s %s", ntoa(a, b1), ntoa(w, b2));
}

static void write_cisco(struct vty *vty, const struct filter_spec *s, bool show)
{
	char b1[INET_ADDRSTRLEN], b2[INET_ADDRSTRLEN];

	if (s->extended) {
		vty_out(vty, " ip");
		write_pair(vty, s->addr, s->addr_wild);
		write_pair(vty, s->mask, s->mask_wild);
		vty_out(vty, "\n");
	} else if (s->addr_wild.s_addr == 0xffffffff) {
		vty_out(vty, " any\n");
	} else if (s->addr_wild.s_addr == 0) {
		vty_out(vty, " %s\n", ntoa(s->addr, b1));
	} else {
		vty_out(vty, show ? " %s, wildcard bits %s\n" : " %s %s\n",
			ntoa(s->addr, b1), ntoa(s->addr_wild, b2));
	}
}

void filter_spec_write(struct vty *vty, const struct filter_spec *s)
{
	vty_out(vty, " %s", type_str(s->type));
	if (s->cisco)
		write_cisco(vty, s, false);
	else
		write_zebra(vty, s);
}

void access_list_show(struct vty *vty, int afi, const char *name)
{
	struct acl_master *m = master_get(afi);
	size_t i;

	if (!m)
		return;
	vty_out(vty, "%s:\n", zlog_protoname());
	for (i = 0; i < m->lists.count; i++) {
		const struct access_list *acl = m->lists.items[i];
		const struct filter *f;

		if (name && strcmp(acl->name, name) != 0)
			continue;
		for (f = acl->head; f; f = f->next) {
			if (f == acl->head)
				vty_out(vty, "%s IP%s access list %s\n",
					!f->s.cisco ? "Zebra"
					: f->s.extended ? "Extended" : "Standard",
					afi == AFI_IP6 ? "v6" : "", acl->name);
			vty_out(vty, "    %s%s", type_str(f->s.type),
				f->s.type == FILTER_DENY ? "  " : "");
			if (f->s.cisco)
				write_cisco(vty, &f->s, true);
			else
				write_zebra(vty, &f->s);
		}
	}
}
