/*
 * Access lists (Quagga's lib/filter): numbered standard (1-99, 1300-1999)
 * and extended (100-199, 2000-2699) lists with Cisco wildcard masks, named
 * ("zebra") lists of prefixes with optional exact-match, remarks, and
 * `ipv6 access-list`.
 *
 * An access list is an ordered list of entries; the first entry that
 * matches decides, and a prefix no entry matches is denied. Evaluation does
 * not walk the list: entries are indexed in a trie by their prefix (or by
 * the address part of a contiguous wildcard), so a lookup only looks at the
 * entries whose prefix contains the address, and takes the earliest.
 *
 * Commands and config write are in filter_vty.c; access_list_init()
 * installs them.
 */
#ifndef TARPAN_FILTER_H
#define TARPAN_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <netinet/in.h>

#include "prefix.h"

/* Quagga's address-family numbers (identical to lib/zapi.h's). */
#define AFI_IP 1
#define AFI_IP6 2

enum filter_type {
	FILTER_DENY,
	FILTER_PERMIT,
	FILTER_DYNAMIC,
};

/* Quagga's limit on a list name's length. */
#define ACL_NAMSIZ 128

struct access_list;
struct vty;

/* Install the commands and config-write nodes (ACCESS_NODE, ACCESS_IPV6_NODE). */
void access_list_init(void);
/* Delete every list of both families (tests, daemon shutdown). */
void access_list_reset(void);

/* Called with the list's name after an entry is added / a list or entry
 * deleted. Several callbacks may be registered. */
void access_list_add_hook(void (*func)(const char *name));
void access_list_delete_hook(void (*func)(const char *name));

struct access_list *access_list_lookup(int afi, const char *name);
const char *access_list_name(const struct access_list *acl);
/* NULL list: FILTER_DENY, as Quagga. */
enum filter_type access_list_apply(const struct access_list *acl,
				   const struct prefix *p);
size_t access_list_count(const struct access_list *acl);

/* ---- typed setters used by the commands (and by tests) ------------------
 * Each returns 0 or -1 after writing Quagga's error message (without the
 * trailing newline) into err. `set` false removes the entry.
 */
struct filter_spec {
	enum filter_type type;
	bool cisco;
	/* cisco: wildcard masks (bits set = don't care) */
	bool extended;
	struct in_addr addr, addr_wild;
	struct in_addr mask, mask_wild;	/* extended: netmask part */
	/* zebra */
	struct prefix prefix;
	bool exact;
};

int access_list_entry_set(int afi, const char *name,
			  const struct filter_spec *spec, bool set,
			  char *err, size_t errlen);
/* Parse the command's arguments into a spec. `type_str` is "permit"/"deny"
 * or an abbreviation; address strings as typed. */
int filter_spec_cisco(struct filter_spec *spec, const char *type_str,
		      const char *addr, const char *wild, const char *mask,
		      const char *mask_wild, bool extended,
		      char *err, size_t errlen);
int filter_spec_zebra(struct filter_spec *spec, int afi, const char *type_str,
		      const char *prefix_str, bool exact,
		      char *err, size_t errlen);
int access_list_remark_set(int afi, const char *name, const char *remark);
int access_list_remark_unset(int afi, const char *name, char *err, size_t errlen);
/* `no access-list NAME` */
int access_list_delete_name(int afi, const char *name, char *err, size_t errlen);

/* The vty's access-class check (registered by access_list_init): true when
 * the list permits the peer's address; a list that does not exist permits,
 * as Quagga. */
struct sockaddr;
bool access_list_vty_check(const char *list_name, const struct sockaddr *peer);

/* Config-write and show (filter.c), used by filter_vty.c. */
int access_list_config_write(struct vty *vty, int afi);
void access_list_show(struct vty *vty, int afi, const char *name);

#endif
