/*
 * Quagga 1.2.4's route types: numbers (the zserv wire values), names,
 * `show ip route` characters, redistribute keywords and default distances.
 *
 * The numbering is the order of Quagga's route_types.txt and is part of the
 * zserv protocol; never renumber. The data lives in one table in
 * route_types.c; these functions only look it up.
 */
#ifndef TARPAN_ROUTE_TYPES_H
#define TARPAN_ROUTE_TYPES_H

#include <stdbool.h>
#include <stdint.h>

enum zebra_route_type {
	ZEBRA_ROUTE_SYSTEM = 0,
	ZEBRA_ROUTE_KERNEL = 1,
	ZEBRA_ROUTE_CONNECT = 2,
	ZEBRA_ROUTE_STATIC = 3,
	ZEBRA_ROUTE_RIP = 4,
	ZEBRA_ROUTE_RIPNG = 5,
	ZEBRA_ROUTE_OSPF = 6,
	ZEBRA_ROUTE_OSPF6 = 7,
	ZEBRA_ROUTE_ISIS = 8,
	ZEBRA_ROUTE_BGP = 9,
	ZEBRA_ROUTE_PIM = 10,
	ZEBRA_ROUTE_HSLS = 11,
	ZEBRA_ROUTE_OLSR = 12,
	ZEBRA_ROUTE_BABEL = 13,
	ZEBRA_ROUTE_NHRP = 14,
	ZEBRA_ROUTE_MAX = 15,
};

/* Default administrative distances. */
#define ZEBRA_KERNEL_DISTANCE_DEFAULT 0
#define ZEBRA_CONNECT_DISTANCE_DEFAULT 0
#define ZEBRA_STATIC_DISTANCE_DEFAULT 1
#define ZEBRA_RIP_DISTANCE_DEFAULT 120
#define ZEBRA_RIPNG_DISTANCE_DEFAULT 120
#define ZEBRA_OSPF_DISTANCE_DEFAULT 110
#define ZEBRA_OSPF6_DISTANCE_DEFAULT 110
#define ZEBRA_ISIS_DISTANCE_DEFAULT 115
#define ZEBRA_IBGP_DISTANCE_DEFAULT 200
#define ZEBRA_EBGP_DISTANCE_DEFAULT 20
#define DISTANCE_INFINITY 255

/* "kernel", "connected", "static", "rip", ...; "unknown" out of range. */
const char *zebra_route_string(int type);
/* 'K', 'C', 'S', 'R', ...; '?' out of range. */
char zebra_route_char(int type);
/* Long name for the `Codes:` legend: "kernel route", "connected", "RIP", ... */
const char *zebra_route_desc(int type);
/* Default distance (BGP: the eBGP one, 20; types without an entry 150;
 * 255 out of range). */
unsigned zebra_route_default_distance(int type);

/*
 * Redistribute keyword -> type, for the given address family (AF_INET or
 * AF_INET6; 0 accepts a keyword valid in either). Accepts unique prefixes
 * of a keyword as the CLI does ("conn" -> connected). -1 if unknown or not
 * redistributable in that family.
 */
int proto_redistnum(int family, const char *keyword);
/* True if the type can be redistributed in that family (table of facts). */
bool zebra_route_in_family(int type, int family);

#endif
