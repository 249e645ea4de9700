/*
 * `offset-list ACL (in|out) <0-16> [IFNAME]`: add a metric offset to the
 * routes an access-list permits, on one interface or on all.
 *
 * An interface's own offset-list is tried first, then the one for all
 * interfaces; the first whose access-list permits the prefix applies.
 * On input (as Quagga) a matching offset replaces the usual +1.
 */
#include <string.h>

#include "filter.h"
#include "memory.h"
#include "vty.h"
#include "ripd.h"

DEFINE_MTYPE_STATIC(RIP_OFFSET, "RIP offset list");

static struct rip_offset *offset_find(struct rip *rip, const char *ifname)
{
	struct rip_offset *o;

	for (o = rip->offsets; o; o = o->next)
		if ((!o->ifname && !ifname) ||
		    (o->ifname && ifname && strcmp(o->ifname, ifname) == 0))
			return o;
	return NULL;
}

static bool offset_try(const struct rip_offset *o, int dir, const struct prefix *p,
		       uint32_t *metric)
{
	struct access_list *acl;

	if (!o || !o->acl[dir])
		return false;
	acl = access_list_lookup(AFI_IP, o->acl[dir]);
	if (!acl || access_list_apply(acl, p) != FILTER_PERMIT)
		return false;
	*metric += o->metric[dir];
	return true;
}

bool rip_offset_apply(struct rip *rip, int dir, const struct prefix *p,
		      const struct interface *ifp, uint32_t *metric)
{
	if (ifp && offset_try(offset_find(rip, ifp->name), dir, p, metric))
		return true;
	return offset_try(offset_find(rip, NULL), dir, p, metric);
}

static void offset_free(struct rip_offset *o)
{
	XFREE(RIP_OFFSET, o->ifname);
	XFREE(RIP_OFFSET, o->acl[0]);
	XFREE(RIP_OFFSET, o->acl[1]);
	XFREE(RIP_OFFSET, o);
}

/* 0, or -1 when unsetting something that is not there. */
int rip_offset_set(struct rip *rip, const char *acl, int dir, uint8_t metric,
		   const char *ifname, bool set)
{
	struct rip_offset *o = offset_find(rip, ifname), **pp;

	if (set) {
		if (!o) {
			o = XCALLOC(RIP_OFFSET, sizeof(*o));
			if (ifname)
				o->ifname = XSTRDUP(RIP_OFFSET, ifname);
			for (pp = &rip->offsets; *pp; pp = &(*pp)->next)
				;
			*pp = o;
		}
		XFREE(RIP_OFFSET, o->acl[dir]);
		o->acl[dir] = XSTRDUP(RIP_OFFSET, acl);
		o->metric[dir] = metric;
		return 0;
	}
	if (!o || !o->acl[dir] || strcmp(o->acl[dir], acl) != 0)
		return -1;
	XFREE(RIP_OFFSET, o->acl[dir]);
	o->metric[dir] = 0;
	if (!o->acl[0] && !o->acl[1]) {
		for (pp = &rip->offsets; *pp; pp = &(*pp)->next)
			if (*pp == o) {
				*pp = o->next;
				break;
			}
		offset_free(o);
	}
	return 0;
}

void rip_offset_clean(struct rip *rip)
{
	while (rip->offsets) {
		struct rip_offset *o = rip->offsets;

		rip->offsets = o->next;
		offset_free(o);
	}
}

const char *rip_offset_get(struct rip *rip, const char *ifname, int dir)
{
	const struct rip_offset *o = offset_find(rip, ifname);

	return o ? o->acl[dir ? 1 : 0] : NULL;
}
