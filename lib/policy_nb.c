/*
 * Value indexes of policy lists in the edit tree (see policy_nb.h): an
 * open-addressing table from an entry's value key to its seq, per list,
 * all dropped when the northbound generation changes.
 */
#include "config.h"

#include <libyang/libyang.h>
#include <stdio.h>
#include <string.h>

#include "memory.h"
#include "northbound.h"
#include "policy_nb.h"

DEFINE_MTYPE_STATIC(POLICY_NB, "Policy northbound index");

#define KEY_MAX 160

struct pvi_slot {
	char *key;		/* NULL: empty; TOMB: deleted */
	uint32_t seq;
};

static char tomb;
#define TOMB (&tomb)

static struct pvi **cache;
static struct pvi *last;	/* lines of one list come together */
static size_t ncache, acache;
static uint64_t cache_gen;

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (uint8_t)*s++) * 16777619u;
	return h;
}

static void pvi_free(struct pvi *vi)
{
	size_t i;

	for (i = 0; i < vi->size; i++)
		if (vi->slots[i].key && vi->slots[i].key != TOMB)
			XFREE(POLICY_NB, vi->slots[i].key);
	if (vi->slots)
		XFREE(POLICY_NB, vi->slots);
	XFREE(POLICY_NB, vi->xpath);
	XFREE(POLICY_NB, vi);
}

static void cache_check(void)
{
	size_t i;

	if (cache_gen == nb_generation())
		return;
	for (i = 0; i < ncache; i++)
		pvi_free(cache[i]);
	ncache = 0;
	last = NULL;
	cache_gen = nb_generation();
}

static void grow(struct pvi *vi)
{
	struct pvi_slot *old = vi->slots;
	size_t osize = vi->size, i;

	vi->size = vi->size ? vi->size * 2 : 64;
	while (vi->live * 2 >= vi->size)
		vi->size *= 2;
	vi->slots = XCALLOC(POLICY_NB, vi->size * sizeof(*vi->slots));
	vi->used = 0;
	for (i = 0; i < osize; i++) {
		size_t j;

		if (!old[i].key || old[i].key == TOMB)
			continue;
		j = hash(old[i].key) & (vi->size - 1);
		while (vi->slots[j].key)
			j = (j + 1) & (vi->size - 1);
		vi->slots[j] = old[i];
		vi->used++;
	}
	if (old)
		XFREE(POLICY_NB, old);
}

static struct pvi_slot *lookup(const struct pvi *vi, const char *key)
{
	size_t i;

	if (!vi->size)
		return NULL;
	for (i = hash(key) & (vi->size - 1); vi->slots[i].key;
	     i = (i + 1) & (vi->size - 1))
		if (vi->slots[i].key != TOMB && strcmp(vi->slots[i].key, key) == 0)
			return &vi->slots[i];
	return NULL;
}

uint32_t pvi_find(const struct pvi *vi, const char *key)
{
	const struct pvi_slot *s = lookup(vi, key);

	return s ? s->seq : 0;
}

void pvi_add(struct pvi *vi, const char *key, uint32_t seq)
{
	struct pvi_slot *s = lookup(vi, key);
	size_t i;

	if (seq > vi->max_seq)
		vi->max_seq = seq;
	vi->exists = true;
	if (s) {
		s->seq = seq;
		return;
	}
	if ((vi->used + 1) * 2 > vi->size)
		grow(vi);
	for (i = hash(key) & (vi->size - 1);
	     vi->slots[i].key && vi->slots[i].key != TOMB;
	     i = (i + 1) & (vi->size - 1))
		;
	if (!vi->slots[i].key)
		vi->used++;
	vi->slots[i].key = XSTRDUP(POLICY_NB, key);
	vi->slots[i].seq = seq;
	vi->live++;
	vi->count++;
}

void pvi_del(struct pvi *vi, const char *key)
{
	struct pvi_slot *s = lookup(vi, key);

	if (!s)
		return;
	XFREE(POLICY_NB, s->key);
	s->key = TOMB;
	vi->live--;
	vi->count--;
}

void pvi_rescan_max(struct pvi *vi)
{
	const struct lyd_node *list = nb_find(vi->xpath), *c;
	uint32_t seq;

	vi->max_seq = 0;
	for (c = list ? nb_child(list, "entry") : NULL; c; c = c->next)
		if (strcmp(nb_name(c), "entry") == 0 && nb_child_u32(c, "seq", &seq) &&
		    seq > vi->max_seq)
			vi->max_seq = seq;
}

struct pvi *pvi_get(const char *xpath,
		    bool (*key_of)(const struct lyd_node *entry, char *buf,
				   size_t len))
{
	const struct lyd_node *list, *c;
	struct pvi *vi;
	char key[KEY_MAX];
	uint32_t seq;
	size_t i;

	cache_check();
	if (last && strcmp(last->xpath, xpath) == 0)
		return last;
	for (i = 0; i < ncache; i++)
		if (strcmp(cache[i]->xpath, xpath) == 0)
			return last = cache[i];
	vi = XCALLOC(POLICY_NB, sizeof(*vi));
	vi->xpath = XSTRDUP(POLICY_NB, xpath);
	list = nb_find(xpath);
	if (list) {
		vi->exists = true;
		vi->has_desc = nb_child(list, "description") || nb_child(list, "remark");
		for (c = nb_child(list, "entry"); c; c = c->next) {
			if (strcmp(nb_name(c), "entry") != 0 ||
			    !nb_child_u32(c, "seq", &seq) ||
			    !key_of(c, key, sizeof(key)))
				continue;
			pvi_add(vi, key, seq);
		}
	}
	if (ncache == acache) {
		acache = acache ? acache * 2 : 16;
		cache = XREALLOC(POLICY_NB, cache, acache * sizeof(*cache));
	}
	cache[ncache++] = vi;
	return last = vi;
}

void pvi_drop(const char *xpath)
{
	size_t i;

	cache_check();
	for (i = 0; i < ncache; i++) {
		if (strcmp(cache[i]->xpath, xpath) == 0) {
			if (last == cache[i])
				last = NULL;
			pvi_free(cache[i]);
			cache[i] = cache[--ncache];
			return;
		}
	}
}
