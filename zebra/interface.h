/*
 * zebra's interface database: every link the kernel reported (and every
 * interface named in the config before it exists, a "pseudo interface"),
 * its addresses, and its configuration (description, shutdown, bandwidth,
 * link-detect, multicast, configured addresses).
 *
 * The kernel side (if_netlink.c) feeds it with zif_link_update() /
 * zif_link_delete() / zif_addr_update(); everything that must react (the
 * connected routes, router-id, zserv clients, the RIB) hears about changes
 * through the listener hooks. Interfaces are found by ifindex through a
 * hash and by name through a second one; 4,000 links are nothing.
 */
#ifndef ZEBRA_INTERFACE_H
#define ZEBRA_INTERFACE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "prefix.h"

#define ZIF_NAMSIZ 20
#define ZIF_HWADDR_MAX 20

/* status bits as sent to clients */
#define ZIF_STATUS_ACTIVE 0x01
#define ZIF_STATUS_SUB 0x02
#define ZIF_STATUS_LINKDETECTION 0x04

/* address flags as sent to clients */
#define ZIFA_SECONDARY 0x01
#define ZIFA_PEER 0x02
#define ZIFA_UNNUMBERED 0x04

struct zif_addr {
	struct zif_addr *next;
	struct prefix p;	/* address/len (not masked) */
	struct prefix dest;	/* peer or broadcast; family 0 if none */
	uint8_t flags;		/* ZIFA_* */
	bool configured;	/* from `ip address` */
	bool in_kernel;		/* the kernel reported it */
	bool stale;		/* resync bookkeeping */
};

struct zif {
	struct zif *hnext_idx;
	struct zif *hnext_name;
	char name[ZIF_NAMSIZ + 1];
	uint32_t ifindex;	/* 0 for a pseudo interface */
	uint64_t flags;		/* IFF_* */
	uint32_t mtu;
	uint32_t mtu6;
	uint32_t metric;
	uint32_t bandwidth;	/* kbit/s configured, 0 = none */
	uint16_t arptype;	/* ARPHRD_* */
	uint8_t hw_len;
	uint8_t hw_addr[ZIF_HWADDR_MAX];
	bool link_detect;
	bool shutdown;		/* configured `shutdown` */
	int multicast;		/* -1 unset, 0 `no multicast`, 1 `multicast` */
	bool configured;	/* has a config block */
	bool stale;
	char *desc;
	struct zif_addr *addrs;
	unsigned link_ups, link_downs;
	time_t last_up, last_down;
	bool was_operative;
};

struct zif_listener {
	void (*added)(void *arg, struct zif *ifp);
	void (*deleted)(void *arg, struct zif *ifp);
	void (*up)(void *arg, struct zif *ifp);
	void (*down)(void *arg, struct zif *ifp);
	void (*addr_added)(void *arg, struct zif *ifp, struct zif_addr *a);
	void (*addr_deleted)(void *arg, struct zif *ifp, struct zif_addr *a);
	void (*changed)(void *arg, struct zif *ifp); /* bandwidth, mtu, ... */
	void *arg;
};

struct zif_db;

struct zif_db *zif_db_new(void);
void zif_db_free(struct zif_db *db);
void zif_add_listener(struct zif_db *db, const struct zif_listener *l);
void zif_set_default_link_detect(struct zif_db *db, bool on);
bool zif_default_link_detect(const struct zif_db *db);

struct zif *zif_by_index(const struct zif_db *db, uint32_t ifindex);
struct zif *zif_by_name(const struct zif_db *db, const char *name);
/* Get or make a (pseudo) interface by name, for `interface IFNAME`. */
struct zif *zif_get_by_name(struct zif_db *db, const char *name);
/* Remove a pseudo interface (`no interface IFNAME`); -1 if it is real. */
int zif_delete_pseudo(struct zif_db *db, struct zif *ifp);
/* All interfaces sorted by name (the caller frees the array with free()). */
struct zif **zif_sorted(const struct zif_db *db, size_t *count);
size_t zif_count(const struct zif_db *db);
/* "veth0", or "unknown" when the index is not known */
const char *zif_name(const struct zif_db *db, uint32_t ifindex);

bool zif_is_up(const struct zif *ifp);
bool zif_is_operative(const struct zif *ifp);
bool zif_is_loopback(const struct zif *ifp);
uint8_t zif_status(const struct zif *ifp);
uint32_t zif_ll_type(const struct zif *ifp);	/* ZEBRA_LLT_* */

/* Kernel side. */
struct zif_link_info {
	uint32_t ifindex;
	const char *name;
	uint64_t flags;
	uint32_t mtu;
	uint16_t arptype;
	uint8_t hw_len;
	const uint8_t *hw_addr;
};
void zif_link_update(struct zif_db *db, const struct zif_link_info *li);
void zif_link_delete(struct zif_db *db, uint32_t ifindex);
/* add: true for RTM_NEWADDR. dest may be NULL. */
void zif_addr_update(struct zif_db *db, uint32_t ifindex, bool add,
		     const struct prefix *p, const struct prefix *dest,
		     uint8_t flags);

/* Config side. */
void zif_set_desc(struct zif *ifp, const char *desc);
void zif_set_bandwidth(struct zif_db *db, struct zif *ifp, uint32_t kbps);
void zif_set_link_detect(struct zif_db *db, struct zif *ifp, bool on);
/* Adds/removes a configured address record (the kernel is told by the caller). */
struct zif_addr *zif_addr_config(struct zif *ifp, const struct prefix *p, bool add);
struct zif_addr *zif_addr_find(const struct zif *ifp, const struct prefix *p);

/* Resync: mark everything stale, then sweep what the dump did not show. */
void zif_mark_stale(struct zif_db *db);
void zif_sweep_stale(struct zif_db *db);

/* Apply the listeners for an operative-state change (internal). */
void zif_recheck_state(struct zif_db *db, struct zif *ifp);

#endif
