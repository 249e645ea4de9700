/*
 * ripd: RIP version 1 and 2 (RFC 1058, RFC 2453) as Quagga 1.2.4's ripd.
 *
 * One struct rip per daemon instance holds everything: configuration, the
 * RIP routing table (lib/table.h, one struct rip_route per prefix), the
 * UDP socket, the timers, the peers and the zclient. Nothing is global
 * except the pointer main() and the CLI handlers use to find the instance
 * (rip_get()), because Quagga's command handlers receive no context.
 *
 * Flow of a route:
 *   rip_input.c   socket -> rip_packet_parse -> checks per source and
 *                 interface -> authentication -> rip_rte_process (rip_rib.c)
 *   rip_rib.c     RFC 2453 3.9.2 decision, timeout and garbage timers,
 *                 every change stamped with rip->change_seq and announced
 *                 to zebra (rip_zebra.c) and to the output side
 *   rip_output.c  periodic and triggered updates: one job per (interface,
 *                 source address, version, destination), each walking the
 *                 table with a route_iter and sending a bounded number of
 *                 packets per loop turn; split horizon and poisoned reverse
 *                 per interface; triggered updates damped 1-5 s (RFC 2453
 *                 3.10.1) and carrying only routes changed since the last one
 *   rip_routemap.c  route-map clauses; maps bound per interface
 *                 (rip_if_rmap.c) act in rip_rib.c (in) and rip_output.c
 *                 (out, and `redistribute ... route-map`)
 *
 * With `allow-ecmp` a learned route may hold several equal-cost paths
 * (struct rip_route.next), installed in zebra as one multipath route.
 *
 * Configuration: the libyang tree of yang/tarpan-ripd.yang is the source
 * of truth. The command handlers (rip_vty.c, rip_if_vty.c,
 * rip_zebra_vty.c, rip_if_rmap.c) only parse and enqueue edits of it; the
 * northbound callbacks (rip_nb.c, and the interface / zebra parts next to
 * their commands) call the typed setters below, which keep the structures
 * of struct rip as the compiled form of the tree; the config blocks are
 * rendered from the tree (rip_nb_show.c and the interface / zebra
 * writers).
 *
 * Prototypes are grouped by the file that defines them.
 */
#ifndef TARPAN_RIPD_H
#define TARPAN_RIPD_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include <netinet/in.h>

#include "if.h"
#include "prefix.h"
#include "route_types.h"
#include "table.h"
#include "rip_packet.h"

struct event_loop;
struct event;
struct lyd_node;
struct zclient;
struct vty;

#define RIP_VTY_PORT 2602
#define RIP_UPDATE_TIMER_DEFAULT 30
#define RIP_TIMEOUT_TIMER_DEFAULT 180
#define RIP_GARBAGE_TIMER_DEFAULT 120
#define RIP_PEER_TIMER_DEFAULT 180
#define RIP_DEFAULT_METRIC_DEFAULT 1

/* Version control values (bit set: 1 = v1, 2 = v2, 3 = both). */
#define RI_RIP_UNSPEC 0
#define RI_RIP_VERSION_1 1
#define RI_RIP_VERSION_2 2
#define RI_RIP_VERSION_1_AND_2 3

/* Route sub-types, printed as (n) (s) (d) (r) (i). */
enum rip_sub_type {
	RIP_ROUTE_RTE = 0,
	RIP_ROUTE_STATIC,
	RIP_ROUTE_DEFAULT,
	RIP_ROUTE_REDISTRIBUTE,
	RIP_ROUTE_INTERFACE,
};

enum rip_split_horizon {
	RIP_NO_SPLIT_HORIZON = 0,
	RIP_SPLIT_HORIZON,
	RIP_SPLIT_HORIZON_POISONED_REVERSE,
};

/* One route of the RIP table (node info). */
struct rip_route {
	struct rip *rip;
	struct in_addr addr;		/* the node's prefix, for timers */
	uint8_t plen;
	uint8_t type;			/* ZEBRA_ROUTE_RIP, _CONNECT, ... */
	uint8_t sub_type;		/* enum rip_sub_type */
	uint8_t metric;			/* 1..16 */
	uint8_t distance;		/* 0 = default */
	bool in_zebra;			/* announced with zclient_route_add */
	uint16_t tag;
	uint32_t external_metric;	/* metric of a redistributed route */
	uint32_t ifindex;
	struct in_addr nexthop;
	struct in_addr from;
	uint64_t change_seq;		/* rip->change_seq when last changed */
	struct event *t_timeout;
	struct event *t_garbage;
	/* `allow-ecmp`: further learned paths of the same metric; only the
	 * node's first route (rn->info) has them, all are RIP/RTE, each has
	 * its own timeout timer, none is ever poisoned (a dying path leaves
	 * the list; only the last one goes through metric 16). */
	struct rip_route *next;
};

struct rip_peer {
	struct in_addr addr;
	time_t last_update;		/* monotonic seconds */
	unsigned bad_packets;
	unsigned bad_routes;
	uint8_t version;
	bool auth_seq_valid;		/* a keyed-MD5 packet was accepted */
	uint32_t auth_seq;		/* its sequence number (RFC 2082) */
	struct rip_peer *next;		/* sorted by address */
	struct event *t_timeout;
	struct rip *rip;
};

/* Per-interface state, hung on ifp->info. */
struct rip_if {
	struct rip *rip;
	struct interface *ifp;
	bool running;			/* enabled and operative: RIP runs here */
	bool enable_network;		/* covered by a `network` prefix */
	bool enable_interface;		/* named by `network IFNAME` */
	bool passive;
	bool joined;			/* member of 224.0.0.9 */
	uint8_t ri_send;		/* RI_RIP_*, UNSPEC = the router's */
	uint8_t ri_receive;
	uint8_t split_horizon;		/* enum rip_split_horizon */
	uint8_t auth_type;		/* RIP_NO_AUTH, _SIMPLE_PASSWORD, _MD5 */
	uint8_t md5_auth_len;		/* 16 (rfc) or 20 (old-ripd, default) */
	char *auth_str;
	char *key_chain;
	char *description;		/* `description .LINE` */
	/* statistics (RIPv2-MIB rip2IfStatTable) */
	unsigned recv_badpackets;
	unsigned recv_badroutes;
	unsigned sent_updates;
};

struct rip_redist {
	bool enabled;
	bool metric_config;
	uint8_t metric;
	char *route_map;
};

/* `distance N A.B.C.D/M [ACL]`, kept in a table by source prefix. */
struct rip_distance {
	uint8_t distance;
	char *access_list;
};

/* `offset-list ACL (in|out) N [IFNAME]` */
struct rip_offset {
	char *ifname;			/* NULL = all interfaces */
	char *acl[2];			/* [0] in, [1] out */
	uint8_t metric[2];
	struct rip_offset *next;
};

/* `distribute-list [prefix] NAME (in|out) [IFNAME]` */
struct rip_distribute {
	char *ifname;			/* NULL = all interfaces */
	char *list[2];			/* access-list names, [0] in, [1] out */
	char *prefix[2];		/* prefix-list names */
	struct rip_distribute *next;
};

/* `route-map NAME (in|out) IFNAME` (rip_if_rmap.c) */
struct rip_if_rmap {
	char *ifname;
	char *name[2];			/* [0] in, [1] out; NULL = none */
	struct rip_if_rmap *next;	/* in order of configuration */
};

/*
 * What a route-map sees (rip_routemap.c): a route about to be sent or an
 * entry just received. Match clauses read the first block; set clauses
 * write the second, which starts as a copy of the first.
 */
struct rip_rmap_obj {
	struct rip *rip;
	uint32_t metric;
	uint16_t tag;
	struct in_addr nexthop;		/* 0.0.0.0 = the sender */
	struct in_addr from;
	uint32_t ifindex;		/* received on / to be sent on */
	bool metric_set;
	bool nexthop_set;
	uint32_t metric_out;		/* clamped to 1..16 by `set metric` */
	uint16_t tag_out;
	struct in_addr nexthop_out;
};

/* A name list for `network IFNAME` and `passive-interface IFNAME`. */
struct rip_name {
	char *name;
	struct rip_name *next;
};

struct rip_out_job;

struct rip {
	struct event_loop *loop;
	struct zclient *zc;
	struct if_db *ifdb;
	int sock;
	struct event *t_read;
	struct event *t_ifupdate;
	bool enabled;			/* `router rip` is configured */
	bool dryrun;			/* -C: parse the config, touch nothing */

	/* configuration */
	uint8_t version_send;
	uint8_t version_recv;
	unsigned long update_time;
	unsigned long timeout_time;
	unsigned long garbage_time;
	uint8_t default_metric;
	uint8_t distance;
	bool default_information;
	bool ecmp;
	bool passive_default;
	struct rip_redist redist[ZEBRA_ROUTE_MAX];
	struct route_table *networks;	/* `network A.B.C.D/M`, info = (void*)1 */
	struct rip_name *network_ifnames;
	struct route_table *neighbors;	/* `neighbor A.B.C.D` as /32 */
	struct rip_name *passive_names;	/* exceptions to passive_default */
	struct route_table *static_routes; /* `route A.B.C.D/M` */
	struct route_table *distances;	/* struct rip_distance */
	struct rip_offset *offsets;
	struct rip_distribute *distributes;
	struct rip_if_rmap *if_rmaps;
	uint8_t nb_dirty;		/* RIP_DIRTY_*: re-evaluate (rip_nb_flush) */
	bool zebra_disabled;		/* `no router zebra` */
	bool zebra_no_install;		/* `router zebra` / `no redistribute rip` */

	/* state */
	struct route_table *table;	/* struct rip_route */
	uint64_t change_seq;		/* bumped on every route change */
	uint64_t triggered_sent_seq;	/* changes up to here were announced */
	struct event *t_update;
	struct event *t_triggered;	/* pending triggered update */
	struct event *t_triggered_interval; /* damping after one was sent */
	bool trigger;			/* a change came during damping */
	struct event *t_rmap_changed;	/* deferred route-map re-evaluation */
	struct rip_out_job *jobs, *jobs_tail;
	struct event *t_jobs;
	struct rip_peer *peers;
	/* statistics (RIPv2-MIB rip2GlobalRouteChanges, rip2GlobalQueries) */
	unsigned long route_changes;
	unsigned long queries;
	uint64_t packets_sent;
	uint64_t packets_received;
	/* test seam: when set, packets go here instead of the socket */
	int (*send_hook)(struct rip *rip, const uint8_t *buf, size_t len,
			 const struct sockaddr_in *to, struct interface *ifp,
			 struct in_addr src);
};

/* ripd.c */
struct rip *rip_get(void);
/* The instance with its interface database; zclient is attached later. */
struct rip *rip_create(struct event_loop *loop);
void rip_destroy(struct rip *rip);
void rip_set_instance(struct rip *rip);
/* `router rip`: open the socket, start the timers. 0 or -1. */
int rip_enable(struct rip *rip);
/* `no router rip`: stop, drop every route, reset the configuration. */
void rip_disable(struct rip *rip);
/* Re-read static routes, default-information and redistribution. */
void rip_apply_config(struct rip *rip);
/* Add/remove a name; false if nothing changed. */
bool rip_name_list_set(struct rip_name **l, const char *name, bool set);
void rip_name_list_free(struct rip_name **l);

/* rip_rib.c */
void rip_rte_process(struct rip *rip, const struct prefix *p,
		     const struct rip_rte *rte, struct in_addr from,
		     struct interface *ifp);
void rip_redistribute_add(struct rip *rip, uint8_t type, uint8_t sub_type,
			  const struct prefix *p, uint32_t ifindex,
			  struct in_addr nexthop, uint32_t metric,
			  uint8_t distance, uint16_t tag);
void rip_redistribute_delete(struct rip *rip, uint8_t type, uint8_t sub_type,
			     const struct prefix *p, uint32_t ifindex);
/* Poison and collect every route of this type (redistribution turned off). */
void rip_redistribute_withdraw(struct rip *rip, uint8_t type);
/* Poison all routes learned through / attached to ifindex. */
void rip_routes_if_down(struct rip *rip, uint32_t ifindex);
/* Re-apply distribute-lists after a filter change (poison what is denied). */
void rip_filter_changed(struct rip *rip);
/* Remove every route (no router rip, clear ip rip). */
void rip_rib_clean(struct rip *rip);
void rip_route_changed(struct rip *rip, struct rip_route *r);
unsigned rip_rib_count(const struct rip *rip);
/* Frees a node's route with all its ECMP paths (table free callback). */
void rip_route_free(void *info);
/* `no allow-ecmp`: keep the first path of every route, drop the others. */
void rip_ecmp_disable(struct rip *rip);

/* rip_output.c */
void rip_output_init(struct rip *rip);
void rip_output_stop(struct rip *rip);
void rip_output_poison_filtered(struct rip *rip);
void rip_schedule_update(struct rip *rip);
void rip_trigger_update(struct rip *rip);
/* Answer a request / queue a full update to one destination. */
void rip_output_full(struct rip *rip, struct interface *ifp,
		     struct in_addr src, struct sockaddr_in *to, uint8_t version);
/* One request for the whole table on every running interface. */
void rip_send_request_all(struct rip *rip);
void rip_send_request_if(struct rip *rip, struct interface *ifp);
long rip_update_remain_sec(const struct rip *rip);
int rip_send_packet(struct rip *rip, const uint8_t *buf, size_t len,
		    const struct sockaddr_in *to, struct interface *ifp,
		    struct in_addr src);

/* rip_input.c */
void rip_read(struct event *ev);
/* Process one datagram as if received (tests and the socket reader). */
void rip_input(struct rip *rip, const uint8_t *buf, size_t len,
	       struct sockaddr_in *from, uint32_t ifindex);

/* rip_auth.c */
/* Check auth of a parsed packet from `from` on ri; true = accept, else
 * *why (if why != NULL) says why not. */
bool rip_auth_check(struct rip_if *ri, const uint8_t *buf, size_t len,
		    const struct rip_packet *pkt, struct in_addr from,
		    const char **why);
/* Route entries per packet with this interface's authentication. */
unsigned rip_auth_rte_room(const struct rip_if *ri);
/* Write the auth entry after the header; returns the MD5 key to finish
 * with (NULL = no MD5 trailer). */
const char *rip_auth_put(const struct rip_if *ri, struct writer *w,
			 char keybuf[RIP_AUTH_SIMPLE_SIZE + 1]);

/* rip_peer.c */
struct rip_peer *rip_peer_lookup(struct rip *rip, struct in_addr addr);
struct rip_peer *rip_peer_update(struct rip *rip, struct in_addr addr,
				 uint8_t version);
void rip_peer_bad_packet(struct rip *rip, struct in_addr addr);
void rip_peer_bad_route(struct rip *rip, struct in_addr addr);
void rip_peer_clean(struct rip *rip);
const char *rip_peer_uptime(const struct rip_peer *peer, char *buf, size_t len);

/* rip_interface.c */
void rip_if_init(struct rip *rip);
struct rip_if *rip_if_info(struct interface *ifp);
/* Re-evaluate which interfaces run RIP (after network/passive/if change). */
void rip_if_update_all(struct rip *rip);
void rip_if_update(struct rip *rip, struct interface *ifp);
bool rip_if_is_passive(const struct rip *rip, const struct interface *ifp);
int rip_socket_open(struct rip *rip);
void rip_socket_close(struct rip *rip);
uint8_t rip_if_send_version(const struct rip_if *ri);
uint8_t rip_if_recv_version(const struct rip_if *ri);
/* The connected address on ifp whose subnet holds addr (NULL if none). */
struct connected *rip_if_connected_for(struct interface *ifp, struct in_addr addr);
/* True if addr is one of our own addresses. */
bool rip_is_own_address(const struct rip *rip, struct in_addr addr);
void rip_if_vty_init(void);
const char *rip_version_str(uint8_t v);
/* Typed setters of the interface commands; -1 if refused. */
int rip_if_auth_mode_set(struct rip_if *ri, uint8_t type, uint8_t md5_len);
int rip_if_auth_string_set(struct rip_if *ri, const char *s);
int rip_if_auth_keychain_set(struct rip_if *ri, const char *name);
/* Frees the strings the interface commands set. */
void rip_if_conf_free(struct rip_if *ri);
/* Back to the defaults of an interface without `ip rip` settings. */
void rip_if_conf_reset(struct rip_if *ri);
int rip_if_description_set(struct rip_if *ri, const char *s);

/* rip_offset.c */
/* Add the in/out offset to *metric; true if an offset-list matched. */
bool rip_offset_apply(struct rip *rip, int dir, const struct prefix *p,
		      const struct interface *ifp, uint32_t *metric);
int rip_offset_set(struct rip *rip, const char *acl, int dir, uint8_t metric,
		   const char *ifname, bool set);
void rip_offset_clean(struct rip *rip);
/* The access-list of the offset for ifname (NULL = all) and dir, or NULL. */
const char *rip_offset_get(struct rip *rip, const char *ifname, int dir);

/* rip_filter.c: distribute-list, distance */
/* true = permitted by the distribute-lists of this direction */
bool rip_distribute_permit(struct rip *rip, int dir, const struct prefix *p,
			   const struct interface *ifp);
int rip_distribute_set(struct rip *rip, const char *ifname, int dir,
		       bool prefix_list, const char *name, bool set);
void rip_distribute_clean(struct rip *rip);
/* The list named for ifname (NULL = all), dir, kind; NULL if none. */
const char *rip_distribute_get(struct rip *rip, const char *ifname, int dir,
			       bool prefix_list);
void rip_distribute_show(struct vty *vty, struct rip *rip);
uint8_t rip_distance_apply(struct rip *rip, struct in_addr from,
			   const struct prefix *p);
void rip_distance_clean(struct rip *rip);
int rip_distance_set(struct rip *rip, uint8_t distance, const struct prefix *p,
		     const char *acl, bool set);
void rip_distance_show(struct vty *vty, struct rip *rip);

/* rip_routemap.c */
/* RMAP_NODE, the match/set commands and clauses, the change hooks. */
void rip_routemap_init(void);
/* Only the clauses (tests that drive lib/routemap.h directly). */
void rip_routemap_rules_init(void);
void rip_rmap_obj_init(struct rip_rmap_obj *o, struct rip *rip, uint32_t metric,
		       uint16_t tag, struct in_addr nexthop, struct in_addr from,
		       uint32_t ifindex);
/* Apply map `name` (NULL = no map: permit); a name with no map denies. */
bool rip_routemap_permit(const char *name, const struct prefix *p,
			 struct rip_rmap_obj *o);
/* A map or a binding changed: poison what is now denied (next loop turn). */
void rip_routemap_changed(struct rip *rip);

/* rip_if_rmap.c */
void rip_if_rmap_init(void);
/* The map bound to ifname in direction dir (0 in, 1 out), or NULL. */
const char *rip_if_rmap_name(const struct rip *rip, const char *ifname, int dir);
/* -1: unset of a binding that does not exist. */
int rip_if_rmap_set(struct rip *rip, const char *ifname, int dir, const char *name,
		    bool set);
void rip_if_rmap_clean(struct rip *rip);

/* rip_zebra.c */
struct zclient *rip_zclient_new(struct event_loop *loop, struct rip *rip);
void rip_zebra_route_add(struct rip *rip, const struct prefix *p,
			 struct rip_route *r);
void rip_zebra_route_delete(struct rip *rip, const struct prefix *p,
			    struct rip_route *r);
void rip_zebra_redistribute(struct rip *rip, uint8_t type, bool on);
/* `router zebra` / `no router zebra` (ZEBRA_NODE; rip_zebra_vty.c) */
void rip_zebra_vty_init(void);

/* rip_vty.c, rip_show.c */
void rip_vty_init(void);
/* `redistribute TYPE [metric N] [route-map NAME]` */
void rip_redistribute_set(struct rip *rip, uint8_t type, bool metric_config,
			  uint8_t metric, const char *rmap);
/* `no redistribute TYPE`: unsubscribe and withdraw its routes. */
void rip_redistribute_unset(struct rip *rip, uint8_t type);
/* Unsubscribe and forget every `redistribute` (no router rip). */
void rip_redistribute_clean(struct rip *rip);
void rip_show_init(void);

/* rip_nb.c: the /tarpan-ripd:rip callbacks and the handlers' helpers */
#define RIP_NB_XP "/tarpan-ripd:rip"
#define RIP_NB_IF_XP "/tarpan-ripd:interfaces/interface"
#define RIP_NB_ZEBRA_XP "/tarpan-ripd:zebra"
#define RIP_NB_ALL_IFS "*"		/* key of the "all interfaces" entries */
#define RIP_DIRTY_IFS 0x1		/* which interfaces run RIP */
#define RIP_DIRTY_ORIGIN 0x2		/* static and default routes */
#define RIP_DIRTY_FILTER 0x4		/* distribute-lists */
#define RIP_DIRTY_RMAP 0x8		/* route-map bindings */
/* Load the module and bind every ripd callback (before the config file). */
void rip_nb_init(void);
/* base "/" list "[" key "=" 'value' "]" into buf; NULL if it can't be. */
const char *rip_nb_entry(char *buf, size_t len, const char *base, const char *list,
			 const char *key, const char *value);
const char *rip_nb_ifkey(const char *ifname);	/* NULL -> RIP_NB_ALL_IFS */
/* Enqueue the removal of node, or of entry when nothing else would be
 * left in it (so that write + read gives the same tree). */
void rip_nb_unset(struct vty *vty, const char *entry, const char *node);
/* A child that is not a default libyang instantiated; NULL if none. */
const struct lyd_node *rip_nb_xchild(const struct lyd_node *n, const char *name);
/* Re-evaluate what rip->nb_dirty names. */
void rip_nb_flush(struct rip *rip);
/* rip_nb_show.c: the `router rip` block from the tree */
int rip_nb_show(struct vty *vty, const struct lyd_node *rip);
/* rip_if_vty.c / rip_zebra_vty.c: their parts of the module */
void rip_if_nb_init(void);
void rip_zebra_nb_init(void);

/* rip_debug.c */
extern unsigned long rip_debug_events, rip_debug_packet, rip_debug_zebra;
#define RIP_DEBUG_SEND 0x1
#define RIP_DEBUG_RECV 0x2
#define IS_RIP_DEBUG_EVENT (rip_debug_events)
#define IS_RIP_DEBUG_SEND (rip_debug_packet & RIP_DEBUG_SEND)
#define IS_RIP_DEBUG_RECV (rip_debug_packet & RIP_DEBUG_RECV)
#define IS_RIP_DEBUG_PACKET (rip_debug_packet)
#define IS_RIP_DEBUG_ZEBRA (rip_debug_zebra)
void rip_debug_init(void);

static inline struct prefix *rip_route_prefix(const struct rip_route *r,
					      struct prefix *p)
{
	prefix_from_ipv4(p, r->addr, r->plen);
	return p;
}

#endif
