/*
 * Route type table (see route_types.h): one row per type, in wire order.
 * Distances are zebra's defaults; types zebra has no entry for get 150.
 */
#include <string.h>
#include <sys/socket.h>

#include "route_types.h"

struct route_type_info {
	const char *name;	/* redistribute keyword / string */
	char show_char;
	const char *desc;	/* `Codes:` legend */
	bool v4, v6;		/* redistributable in the family */
	uint8_t distance;
};

static const struct route_type_info types[ZEBRA_ROUTE_MAX] = {
	[ZEBRA_ROUTE_SYSTEM] = { "system", 'X', "Reserved", false, false, 0 },
	[ZEBRA_ROUTE_KERNEL] = { "kernel", 'K', "kernel route", true, true, 0 },
	[ZEBRA_ROUTE_CONNECT] = { "connected", 'C', "connected", true, true, 0 },
	[ZEBRA_ROUTE_STATIC] = { "static", 'S', "static", true, true, 1 },
	[ZEBRA_ROUTE_RIP] = { "rip", 'R', "RIP", true, false, 120 },
	[ZEBRA_ROUTE_RIPNG] = { "ripng", 'R', "RIPng", false, true, 120 },
	[ZEBRA_ROUTE_OSPF] = { "ospf", 'O', "OSPF", true, false, 110 },
	[ZEBRA_ROUTE_OSPF6] = { "ospf6", 'O', "OSPFv6", false, true, 110 },
	[ZEBRA_ROUTE_ISIS] = { "isis", 'I', "IS-IS", true, true, 115 },
	[ZEBRA_ROUTE_BGP] = { "bgp", 'B', "BGP", true, true, 20 },
	[ZEBRA_ROUTE_PIM] = { "pim", 'P', "PIM", true, false, 150 },
	[ZEBRA_ROUTE_HSLS] = { "hsls", 'H', "HSLS", false, false, 150 },
	[ZEBRA_ROUTE_OLSR] = { "olsr", 'o', "OLSR", false, false, 150 },
	[ZEBRA_ROUTE_BABEL] = { "babel", 'A', "Babel", true, true, 95 },
	[ZEBRA_ROUTE_NHRP] = { "nhrp", 'N', "NHRP", true, true, 150 },
};

static const struct route_type_info *info(int type)
{
	if (type < 0 || type >= ZEBRA_ROUTE_MAX)
		return NULL;
	return &types[type];
}

const char *zebra_route_string(int type)
{
	const struct route_type_info *i = info(type);

	return i ? i->name : "unknown";
}

char zebra_route_char(int type)
{
	const struct route_type_info *i = info(type);

	return i ? i->show_char : '?';
}

const char *zebra_route_desc(int type)
{
	const struct route_type_info *i = info(type);

	return i ? i->desc : "unknown";
}

unsigned zebra_route_default_distance(int type)
{
	const struct route_type_info *i = info(type);

	return i ? i->distance : DISTANCE_INFINITY;
}

bool zebra_route_in_family(int type, int family)
{
	const struct route_type_info *i = info(type);

	if (!i)
		return false;
	if (family == AF_INET)
		return i->v4;
	if (family == AF_INET6)
		return i->v6;
	return i->v4 || i->v6;
}

int proto_redistnum(int family, const char *keyword)
{
	size_t len;
	int found = -1;

	if (!keyword || !*keyword)
		return -1;
	len = strlen(keyword);
	for (int t = 0; t < ZEBRA_ROUTE_MAX; t++) {
		if (!zebra_route_in_family(t, family))
			continue;
		if (strcmp(types[t].name, keyword) == 0)
			return t;	/* exact wins over prefixes ("ospf"/"ospf6") */
		if (strncmp(types[t].name, keyword, len) == 0) {
			if (found >= 0)
				return -1;	/* ambiguous prefix */
			found = t;
		}
	}
	return found;
}
