/*
 * Best-route selection for one prefix (Quagga 1.2.4's rules):
 *   - removed entries, distance 255 and entries without a usable nexthop
 *     never win;
 *   - a connected route beats every other type (among connected routes the
 *     lower metric, ties to the older one);
 *   - otherwise lower distance, then lower metric; on a full tie the older
 *     entry wins (entries are kept oldest first).
 */
#include "rib.h"

bool rentry_usable(const struct rentry *re)
{
	if (re->status & RES_REMOVED)
		return false;
	if (re->distance == DISTANCE_INFINITY)
		return false;
	if (re->flags & (ZRF_BLACKHOLE | ZRF_REJECT))
		return true;
	return re->rnhg && re->rnhg->nactive > 0;
}

static bool better(const struct rentry *re, const struct rentry *cur)
{
	if (re->type == ZRT_CONNECT)
		return cur->type != ZRT_CONNECT || re->metric < cur->metric;
	if (cur->type == ZRT_CONNECT)
		return false;
	if (re->distance != cur->distance)
		return re->distance < cur->distance;
	return re->metric < cur->metric;
}

struct rentry *rib_select_best(struct rnode *rn)
{
	struct rentry *best = NULL;

	for (struct rentry *re = rn->entries; re; re = re->next) {
		if (!rentry_usable(re))
			continue;
		if (!best || better(re, best))
			best = re;
	}
	return best;
}
