/*
 * Prefix lists (Quagga's lib/plist): `ip prefix-list` and
 * `ipv6 prefix-list` with sequence numbers, ge/le ranges, descriptions and
 * hit counts.
 *
 * Semantics as Quagga 1.2.4: entries are tried in sequence-number order and
 * the first whose prefix contains the route and whose length range accepts
 * it decides; without ge/le the length must be equal; a route no entry
 * matches is denied; an empty list permits; a missing list denies.
 *
 * Evaluation does not walk the list: entries hang in a trie at their
 * prefix, so a lookup visits only the O(prefix length) nodes on the
 * route's path and keeps the lowest sequence number that matches. Entries
 * are kept in a skiplist by sequence number, so adding or deleting one is
 * O(log n) wherever it goes.
 *
 * Commands, show and config write are in plist_vty.c; prefix_list_init()
 * installs them.
 */
#ifndef TARPAN_PLIST_H
#define TARPAN_PLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "prefix.h"

#ifndef AFI_IP
#define AFI_IP 1
#define AFI_IP6 2
#endif

enum prefix_list_type {
	PREFIX_DENY,
	PREFIX_PERMIT,
};

struct prefix_list;
struct prefix_list_entry;
struct vty;

void prefix_list_init(void);
/* Delete every list of both families and restore the defaults. */
void prefix_list_reset(void);

/* Called with the list's name when an entry is added, or when an entry or
 * the whole list is deleted. Several callbacks may be registered. */
void prefix_list_add_hook(void (*func)(const char *name));
void prefix_list_delete_hook(void (*func)(const char *name));

struct prefix_list *prefix_list_lookup(int afi, const char *name);
const char *prefix_list_name(const struct prefix_list *plist);
size_t prefix_list_count(const struct prefix_list *plist);
/* Counts the hit on the matching entry. */
enum prefix_list_type prefix_list_apply(struct prefix_list *plist,
					const struct prefix *p);

/* ---- typed setters used by the commands (and by tests) ------------------
 * They return 0, or -1 after writing Quagga's message (lines separated by
 * "\n", no trailing newline) into err.
 */
struct plist_spec {
	uint32_t seq;		/* 0: automatic (last + 5, rounded) */
	enum prefix_list_type type;
	struct prefix prefix;	/* as typed: not masked */
	uint8_t ge, le;		/* 0: not given */
	bool any;
};

/* Parse arguments as the commands give them: seq may be NULL, type
 * "permit"/"deny" (or an abbreviation), prefix "any" or A.B.C.D/M. Checks
 * the ge/le rules. */
int plist_spec_parse(struct plist_spec *spec, int afi, const char *seq,
		     const char *type, const char *prefix, const char *ge,
		     const char *le, char *err, size_t errlen);
int prefix_list_entry_set(int afi, const char *name, const struct plist_spec *s,
			  char *err, size_t errlen);
/* `no ip prefix-list NAME [seq N] TYPE PREFIX ...`; seq 0 = any seq. */
int prefix_list_entry_unset(int afi, const char *name,
			    const struct plist_spec *s, char *err, size_t errlen);
int prefix_list_delete_name(int afi, const char *name, char *err, size_t errlen);
int prefix_list_description_set(int afi, const char *name, const char *desc);
int prefix_list_description_unset(int afi, const char *name, char *err,
				  size_t errlen);
void prefix_list_seqnum_set(int afi, bool on);

/* Show and config write (plist.c). */
enum plist_display {
	PLIST_NORMAL,
	PLIST_SUMMARY,
	PLIST_DETAIL,
	PLIST_SEQUENTIAL,
	PLIST_LONGER,
	PLIST_FIRST_MATCH,
};
int prefix_list_config_write(struct vty *vty, int afi);
int prefix_list_show(struct vty *vty, int afi, const char *name,
		     const char *seq, enum plist_display d);
int prefix_list_show_prefix(struct vty *vty, int afi, const char *name,
			    const char *prefix, enum plist_display d);
int prefix_list_clear(struct vty *vty, int afi, const char *name,
		      const char *prefix);

/* Counters of one entry (tests): hits since the last clear, and lookups
 * that examined the entry (Quagga's refcount). */
struct prefix_list_entry *prefix_list_entry_by_seq(const struct prefix_list *pl,
						   uint32_t seq);
uint64_t prefix_list_entry_hits(const struct prefix_list_entry *e);
uint64_t prefix_list_entry_refcnt(const struct prefix_list_entry *e);

#endif
