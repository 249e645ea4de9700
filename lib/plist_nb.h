/*
 * Prefix lists on the northbound (plist_nb.c), for plist_vty.c.
 */
#ifndef TARPAN_PLIST_NB_H
#define TARPAN_PLIST_NB_H

#include <stddef.h>

#include "northbound.h"
#include "plist.h"
#include "policy_nb.h"

struct lyd_node;

extern const struct nb_module plist_nb_module;

/* "/tarpan-filter:prefix-lists/ipv4[name='N']" into buf; NULL if the name
 * can't be quoted or is too long. */
const char *plist_nb_list_xpath(char *buf, size_t len, int afi, const char *name);
const char *plist_nb_seqnum_xpath(int afi);
int plist_nb_spec(const struct lyd_node *entry, int afi, struct plist_spec *s,
		  char *err, size_t errlen);
/* An entry's value as the duplicate index keys it. */
void plist_nb_key(const struct plist_spec *s, char *buf, size_t len);
/* The value index of a list in the edit tree. */
struct pvi *plist_nb_index(int afi, const char *name);

#endif
