/*
 * Key chains on the northbound (yang/tarpan-keychain.yang): the callbacks
 * that compile tree changes into keychain.c's structures, and the
 * KEYCHAIN_NODE config-write block rendered from the tree.
 *
 * Tree layout: key-chains/key-chain[name]/key[id]/{key-string,
 * accept-lifetime, send-lifetime}, a lifetime being {start, infinite |
 * end-time | duration} in seconds since the epoch. Any change inside a key
 * rebuilds that key (apply_finish); chains are written in the order they
 * were created, keys by identifier.
 */
#include "config.h"

#include <libyang/libyang.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "keychain.h"
#include "keychain_nb.h"
#include "log.h"
#include "vty.h"

const char *keychain_nb_chain_xpath(char *buf, size_t len, const char *name)
{
	char q[NB_XPATH_MAX];
	int n;

	if (!nb_quote(q, sizeof(q), name))
		return NULL;
	n = snprintf(buf, len, KEYCHAIN_NB_XP "[name=%s]", q);
	return n < 0 || (size_t)n >= len ? NULL : buf;
}

const char *keychain_nb_key_xpath(char *buf, size_t len, const char *chain_xpath,
				  uint32_t id)
{
	int n = snprintf(buf, len, "%s/key[id='%u']", chain_xpath, id);

	return n < 0 || (size_t)n >= len ? NULL : buf;
}

static const char *chain_name(const struct lyd_node *chain)
{
	return nb_child_value(chain, "name");
}

static time_t leaf_time(const struct lyd_node *n, const char *name)
{
	const char *v = nb_child_value(n, name);

	return v ? (time_t)strtoll(v, NULL, 10) : 0;
}

/* A lifetime container (or NULL: always valid) into a range. */
static void range_of(const struct lyd_node *lt, struct key_range *r)
{
	uint32_t dur;

	memset(r, 0, sizeof(*r));
	if (!lt)
		return;
	r->start = leaf_time(lt, "start");
	r->end = -1;
	if (nb_child_u32(lt, "duration", &dur)) {
		r->end = r->start + dur;
		r->duration = true;
	} else if (nb_child(lt, "end-time")) {
		r->end = leaf_time(lt, "end-time");
	}
}

/* ---- callbacks ------------------------------------------------------------ */

static int chain_create(const struct lyd_node *dnode)
{
	keychain_get(chain_name(dnode));
	return 0;
}

static int chain_destroy(const struct lyd_node *dnode)
{
	struct keychain *kc = keychain_lookup(chain_name(dnode));

	if (kc)
		keychain_delete(kc);
	return 0;
}

static int key_destroy(const struct lyd_node *dnode)
{
	struct keychain *kc = keychain_lookup(chain_name(lyd_parent(dnode)));
	struct key *k;
	uint32_t id;

	if (kc && nb_child_u32(dnode, "id", &id) && (k = key_lookup(kc, id)))
		key_delete(kc, k);
	return 0;
}

static void key_finish(const struct lyd_node *dnode)
{
	struct keychain *kc = keychain_get(chain_name(lyd_parent(dnode)));
	struct key *k;
	uint32_t id;

	if (!nb_child_u32(dnode, "id", &id))
		return;
	k = key_get(kc, id);
	key_string_set(k, nb_child_value(dnode, "key-string"));
	range_of(nb_child(dnode, "accept-lifetime"), &k->accept);
	range_of(nb_child(dnode, "send-lifetime"), &k->send);
}

static int lifetime_validate(const struct lyd_node *dnode, char *err,
			     size_t errlen)
{
	const struct lyd_node *c;

	for (c = lyd_child(dnode); c; c = c->next) {
		const struct lyd_node *lt = c;

		if (strcmp(nb_name(lt), "accept-lifetime") != 0 &&
		    strcmp(nb_name(lt), "send-lifetime") != 0)
			continue;
		if (nb_child(lt, "end-time") &&
		    leaf_time(lt, "end-time") <= leaf_time(lt, "start")) {
			snprintf(err, errlen, "Expire time is not later than start time");
			return -1;
		}
	}
	return 0;
}

/* ---- rendering ------------------------------------------------------------ */

static void write_time(struct vty *vty, time_t t)
{
	char buf[64];
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%T %b %d %Y", &tm);
	vty_out(vty, "%s", buf);
}

static void write_range(struct vty *vty, const char *word,
			const struct lyd_node *lt)
{
	const char *dur = nb_child_value(lt, "duration");

	vty_out(vty, "  %s ", word);
	write_time(vty, leaf_time(lt, "start"));
	if (dur) {
		vty_out(vty, " duration %s", dur);
	} else if (nb_child(lt, "end-time")) {
		vty_out(vty, " ");
		write_time(vty, leaf_time(lt, "end-time"));
	} else {
		vty_out(vty, " infinite");
	}
	vty_out(vty, "\n");
}

/* Each chain ends with its own "!"; returns 0 so that none is added. */
int keychain_config_write(struct vty *vty)
{
	const struct lyd_node *top = nb_find_running("/tarpan-keychain:key-chains");
	const struct lyd_node *kc, **v, *lt;
	const char *str;
	size_t n, i;

	for (kc = top ? lyd_child(top) : NULL; kc; kc = kc->next) {
		vty_out(vty, "key chain %s\n", chain_name(kc));
		n = nb_children_sorted(kc, "key", nb_cmp_u32_key, &v);
		for (i = 0; i < n; i++) {
			vty_out(vty, " key %s\n", nb_child_value(v[i], "id"));
			str = nb_child_value(v[i], "key-string");
			if (str)
				vty_out(vty, "  key-string %s\n", str);
			if ((lt = nb_child(v[i], "accept-lifetime")))
				write_range(vty, "accept-lifetime", lt);
			if ((lt = nb_child(v[i], "send-lifetime")))
				write_range(vty, "send-lifetime", lt);
		}
		nb_nodes_free(v);
		vty_out(vty, "!\n");
	}
	return 0;
}

static const struct nb_node_cbs keychain_cbs[] = {
	{ .xpath = KEYCHAIN_NB_XP, .create = chain_create, .destroy = chain_destroy },
	{ .xpath = KEYCHAIN_NB_XP "/key", .destroy = key_destroy,
	  .apply_finish = key_finish, .validate = lifetime_validate },
	{ .xpath = NULL },
};

const struct nb_module keychain_nb_module = {
	.name = "tarpan-keychain",
	.nodes = keychain_cbs,
};
