/*
 * zebra: constants shared by the daemon's modules and the daemon instance.
 *
 * Route types, distances and flags are Quagga 1.2.4's numbers (facts.md
 * §a): they travel on the zserv wire and appear in `show ip route`, so the
 * RIB uses them as they are. The instance struct ties the modules together;
 * each module keeps its own state behind a pointer in it.
 */
#ifndef ZEBRA_ZEBRA_H
#define ZEBRA_ZEBRA_H

#include <stdbool.h>
#include <stdint.h>

/* Route types (lib/route_types.txt order). */
enum zrt_type {
	ZRT_SYSTEM = 0,
	ZRT_KERNEL,
	ZRT_CONNECT,
	ZRT_STATIC,
	ZRT_RIP,
	ZRT_RIPNG,
	ZRT_OSPF,
	ZRT_OSPF6,
	ZRT_ISIS,
	ZRT_BGP,
	ZRT_PIM,
	ZRT_HSLS,
	ZRT_OLSR,
	ZRT_BABEL,
	ZRT_NHRP,
	ZRT_MAX,
};

/* ZEBRA_FLAG_* of a route. */
#define ZRF_INTERNAL 0x01
#define ZRF_SELFROUTE 0x02
#define ZRF_BLACKHOLE 0x04
#define ZRF_IBGP 0x08
#define ZRF_SELECTED 0x10
#define ZRF_FIB_OVERRIDE 0x20
#define ZRF_STATIC 0x40
#define ZRF_REJECT 0x80

#define DISTANCE_INFINITY 255
#define MULTIPATH_NUM 64

/* Kernel route attributes for what zebra installs (facts.md §b). */
#define ZEBRA_RTPROT 11
#define ZEBRA_KERNEL_METRIC 20

/* Quagga's names and show characters per route type. */
const char *zrt_name(int type);	/* "kernel", "connected", ... */
char zrt_char(int type);	/* 'K', 'C', ... */
int zrt_from_name(const char *name);	/* -1 if unknown */
uint8_t zrt_default_distance(int type, bool ibgp);

struct event_loop;
struct rib;
struct zif_db;
struct kernel;
struct zserv;

/* Command-line options of zebra (Quagga's -b -k -r -s). */
struct zebra_opts {
	bool batch;		/* -b */
	bool keep_kernel;	/* -k */
	bool retain;		/* -r */
	unsigned nl_bufsize;	/* -s, 0 = default */
	bool no_kernel;		/* tests: never touch the kernel */
};

struct zebra {
	struct event_loop *loop;
	struct zebra_opts opts;
	struct rib *rib;
	struct zif_db *ifdb;
	struct kernel *kernel;
	struct zserv *zserv;
	bool ip_forwarding_cached;
};

/* The one instance, for the vty handlers (which get no context pointer). */
extern struct zebra *zebra_ctx;

#endif
