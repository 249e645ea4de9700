/*
 * Quagga's route types: names, show characters and default distances
 * (facts.md §a, "Route types" and "Default administrative distances").
 */
#include <string.h>

#include "zebra.h"

static const struct {
	const char *name;
	char ch;
	uint8_t distance;
} zrt_info[ZRT_MAX] = {
	[ZRT_SYSTEM] = { "system", 'X', 0 },
	[ZRT_KERNEL] = { "kernel", 'K', 0 },
	[ZRT_CONNECT] = { "connected", 'C', 0 },
	[ZRT_STATIC] = { "static", 'S', 1 },
	[ZRT_RIP] = { "rip", 'R', 120 },
	[ZRT_RIPNG] = { "ripng", 'R', 120 },
	[ZRT_OSPF] = { "ospf", 'O', 110 },
	[ZRT_OSPF6] = { "ospf6", 'O', 110 },
	[ZRT_ISIS] = { "isis", 'I', 115 },
	[ZRT_BGP] = { "bgp", 'B', 20 },
	[ZRT_PIM] = { "pim", 'P', 255 },
	[ZRT_HSLS] = { "hsls", 'H', 255 },
	[ZRT_OLSR] = { "olsr", 'o', 255 },
	[ZRT_BABEL] = { "babel", 'A', 95 },
	[ZRT_NHRP] = { "nhrp", 'N', 10 },
};

const char *zrt_name(int type)
{
	return type >= 0 && type < ZRT_MAX ? zrt_info[type].name : "unknown";
}

char zrt_char(int type)
{
	return type >= 0 && type < ZRT_MAX ? zrt_info[type].ch : '?';
}

int zrt_from_name(const char *name)
{
	for (int i = 0; i < ZRT_MAX; i++)
		if (strcmp(zrt_info[i].name, name) == 0)
			return i;
	return -1;
}

uint8_t zrt_default_distance(int type, bool ibgp)
{
	if (type == ZRT_BGP)
		return ibgp ? 200 : 20;
	return type >= 0 && type < ZRT_MAX ? zrt_info[type].distance : 255;
}
