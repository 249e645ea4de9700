/*
 * Interface and connected-address database of a client daemon.
 *
 * A client daemon (ripd, ospfd, bgpd, vrrpd) learns interfaces and their
 * addresses from zebra. One struct if_db per daemon instance holds them:
 * interfaces are kept in a list sorted by name (the order `show` commands
 * print) and in a hash by ifindex; each interface owns a list of connected
 * addresses. zclient keeps the database current from zebra's messages and
 * calls the daemon's callbacks after the state has changed, so callbacks
 * always see the new state.
 *
 * Interfaces can also be created by name before zebra knows them (the
 * `interface IFNAME` config command): their ifindex is IFINDEX_INTERNAL
 * until zebra announces them. When zebra deletes an interface, the struct
 * is retained (ifindex reset, addresses removed) so configuration attached
 * to it survives; if_delete() removes it for good.
 *
 * Daemons hang their per-interface state on ifp->info, allocated in the
 * new-hook and freed in the delete-hook (if_db_set_hooks).
 */
#ifndef TARPAN_IF_H
#define TARPAN_IF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "prefix.h"
#include "zapi.h"

#define IFINDEX_INTERNAL 0

struct interface;
struct if_db;

/* One address on an interface (Quagga's struct connected). */
struct connected {
	struct interface *ifp;
	uint8_t flags;			/* ZEBRA_IFA_SECONDARY/PEER/UNNUMBERED */
	struct prefix address;		/* address with its prefixlen, unmasked */
	struct prefix destination;	/* peer/broadcast, family 0 if none */
	void *info;			/* for the daemon */
	bool stale;			/* zclient: not re-announced since a reconnect */
	struct connected *next;		/* in ifp's list, in arrival order */
};

struct interface {
	char name[INTERFACE_NAMSIZ + 1];
	uint32_t ifindex;		/* IFINDEX_INTERNAL if unknown to zebra */
	uint8_t status;			/* ZEBRA_INTERFACE_* */
	uint64_t flags;			/* Linux IFF_* */
	uint32_t metric;
	uint32_t mtu;
	uint32_t mtu6;
	uint32_t bandwidth;		/* kbit/s, 0 unless configured */
	uint32_t ll_type;
	uint32_t hw_addr_len;
	uint8_t hw_addr[INTERFACE_HWADDR_MAX];
	bool has_link_params;
	struct zapi_link_params lp;

	struct connected *connected;	/* list head */
	unsigned n_connected;

	void *info;			/* the daemon's per-interface state */
	bool stale;			/* zclient: not re-announced since a reconnect */

	/* private to if.c */
	struct if_db *db;
	struct interface *next;		/* sorted by name */
	struct interface *hnext;	/* ifindex hash chain */
	struct interface *nnext;	/* name hash chain */
};

typedef void (*if_hook_fn)(struct interface *ifp, void *arg);

struct if_db *if_db_new(void);
/* Frees every interface (calling the delete hook) and the db; clears *db. */
void if_db_free(struct if_db **db);
/* new_fn runs after an interface is created, del_fn before it is freed. */
void if_db_set_hooks(struct if_db *db, if_hook_fn new_fn, if_hook_fn del_fn,
		     void *arg);
size_t if_db_count(const struct if_db *db);

struct interface *if_lookup_by_name(const struct if_db *db, const char *name);
struct interface *if_lookup_by_index(const struct if_db *db, uint32_t ifindex);
/* Finds or creates (ifindex IFINDEX_INTERNAL) an interface by name. NULL if
 * the name is empty or longer than INTERFACE_NAMSIZ. */
struct interface *if_get_by_name(struct if_db *db, const char *name);
void if_delete(struct interface *ifp);

/* Iterate in name order: for (ifp = if_first(db); ifp; ifp = if_next(ifp)) */
struct interface *if_first(const struct if_db *db);
struct interface *if_next(const struct interface *ifp);

/* State predicates (from the IFF_* flags and status). */
bool if_is_up(const struct interface *ifp);		/* IFF_UP */
bool if_is_running(const struct interface *ifp);	/* IFF_RUNNING */
bool if_is_operative(const struct interface *ifp);	/* up, and running unless no link detection */
bool if_is_loopback(const struct interface *ifp);
bool if_is_broadcast(const struct interface *ifp);
bool if_is_pointopoint(const struct interface *ifp);
bool if_is_multicast(const struct interface *ifp);
/* Known to zebra: has an ifindex and the ACTIVE status bit. */
bool if_is_active(const struct interface *ifp);

/*
 * Updates from zebra's messages (used by zclient). if_update_from_zapi
 * finds the interface by name (else by ifindex, a rename), creates it if
 * needed, and copies every field. if_retain_deleted keeps the struct but
 * removes its addresses and resets ifindex (INTERFACE_DELETE).
 */
struct interface *if_update_from_zapi(struct if_db *db, const struct zapi_interface *zi);
void if_retain_deleted(struct interface *ifp);
/* Applies INTERFACE_LINK_PARAMS; NULL if the ifindex is unknown. */
struct interface *if_set_link_params(struct if_db *db, uint32_t ifindex,
				     const struct zapi_link_params *lp);

/* Connected addresses. */
struct connected *connected_add(struct interface *ifp, uint8_t flags,
				const struct prefix *address,
				const struct prefix *destination);
/* Same address (family, bytes and prefixlen) on ifp, or NULL. */
struct connected *connected_lookup(const struct interface *ifp,
				   const struct prefix *address);
/* Unlinks and frees ifc. */
void connected_delete(struct connected *ifc);
/* ADDRESS_ADD: adds (or updates an existing equal address); NULL if the
 * ifindex is unknown. */
struct connected *connected_add_from_zapi(struct if_db *db, const struct zapi_address *za);
/* ADDRESS_DELETE: the matching address, still linked, or NULL. */
struct connected *connected_find_from_zapi(const struct if_db *db,
					   const struct zapi_address *za);

/* Interface whose connected subnet contains the address (longest match);
 * NULL if none. */
struct interface *if_lookup_address(const struct if_db *db, const struct prefix *addr);
/* The connected address on ifp whose subnet contains addr, or NULL. */
struct connected *connected_lookup_subnet(const struct interface *ifp,
					  const struct prefix *addr);
/* Interface having exactly this address, or NULL. */
struct interface *if_lookup_exact_address(const struct if_db *db,
					  const struct prefix *addr);

#endif
