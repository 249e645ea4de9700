/*
 * Key chains on the northbound (keychain_nb.c, yang/tarpan-keychain.yang),
 * for keychain_vty.c.
 */
#ifndef TARPAN_KEYCHAIN_NB_H
#define TARPAN_KEYCHAIN_NB_H

#include <stddef.h>
#include <stdint.h>

#include "northbound.h"

struct vty;

extern const struct nb_module keychain_nb_module;

#define KEYCHAIN_NB_XP "/tarpan-keychain:key-chains/key-chain"

/* Data paths of a chain / a key into buf; NULL if they do not fit. */
const char *keychain_nb_chain_xpath(char *buf, size_t len, const char *name);
const char *keychain_nb_key_xpath(char *buf, size_t len, const char *chain_xpath,
				  uint32_t id);
/* KEYCHAIN_NODE's config-write block, from the tree. */
int keychain_config_write(struct vty *vty);

/* keychain.c: a decimal in [lo, hi] (the whole string), 0 or -1. */
int keychain_get_range(const char *s, long lo, long hi, long *out);

#endif
