/*
 * Access lists on the northbound (filter_nb.c), for filter_vty.c, and the
 * entry points of filter.c the callbacks use: entries keyed by the
 * tree's sequence number, so the compiled list keeps the tree's order
 * whatever order the changes come in (a JSON file, a replaced tree).
 */
#ifndef TARPAN_FILTER_NB_H
#define TARPAN_FILTER_NB_H

#include <stddef.h>
#include <stdint.h>

#include "filter.h"
#include "northbound.h"
#include "policy_nb.h"

struct lyd_node;

extern const struct nb_module filter_nb_module;

/* "/tarpan-filter:access-lists/access-list[name='N']" (ipv6-access-list
 * for AFI_IP6) into buf; NULL if the name can't be quoted or is too long. */
const char *filter_nb_list_xpath(char *buf, size_t len, int afi, const char *name);
/* The spec an entry node stands for; -1 with a "% ..." message in err. */
int filter_nb_spec(const struct lyd_node *entry, int afi, struct filter_spec *s,
		   char *err, size_t errlen);
/* An entry's value as the duplicate index keys it. */
void filter_nb_key(const struct filter_spec *s, char *buf, size_t len);
/* The value index of a list in the edit tree. */
struct pvi *filter_nb_index(int afi, const char *name);

/* filter.c: add the entry at position seq (replacing what was there);
 * remove the entry at seq holding spec. No error: the tree was checked. */
void access_list_entry_add_seq(int afi, const char *name,
			       const struct filter_spec *spec, uint32_t seq);
void access_list_entry_del_seq(int afi, const char *name,
			       const struct filter_spec *spec, uint32_t seq);
/* " permit 10.0.0.0/8" / " deny ip any host 1.2.3.4": an entry as
 * config-write prints it after "access-list NAME". */
struct vty;
void filter_spec_write(struct vty *vty, const struct filter_spec *s);

#endif
