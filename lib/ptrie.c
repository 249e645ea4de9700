/*
 * Path-compressed binary trie (see ptrie.h).
 *
 * Insertion descends while the current node's key is a prefix of the new
 * key; where it stops it either hangs the new node below, puts the new node
 * above the node it met, or adds a glue node at their longest common
 * prefix. Removal undoes this: a node without data and with fewer than two
 * children is spliced out.
 */
#include <string.h>

#include "memory.h"
#include "ptrie.h"

DEFINE_MTYPE_STATIC(PTRIE_NODE, "Policy trie node");

/* True if the first `len` bits of a and b are equal. */
static int bits_equal(const uint8_t *a, const uint8_t *b, unsigned len)
{
	unsigned bytes = len >> 3, rem = len & 7;

	if (bytes && memcmp(a, b, bytes) != 0)
		return 0;
	if (rem) {
		uint8_t mask = (uint8_t)(0xff << (8 - rem));

		if ((a[bytes] ^ b[bytes]) & mask)
			return 0;
	}
	return 1;
}

static unsigned common_len(const uint8_t *a, const uint8_t *b, unsigned max)
{
	unsigned i = 0;

	while (i < max && (i & 7) == 0 && i + 8 <= max && a[i >> 3] == b[i >> 3])
		i += 8;
	while (i < max && ptrie_bit(a, i) == ptrie_bit(b, i))
		i++;
	return i;
}

static struct ptrie_node *node_new(struct ptrie *t, const uint8_t *key,
				   unsigned len)
{
	struct ptrie_node *n = XCALLOC(PTRIE_NODE, sizeof(*n));
	unsigned bytes = len >> 3, rem = len & 7;

	memcpy(n->key, key, bytes);
	if (rem)
		n->key[bytes] = key[bytes] & (uint8_t)(0xff << (8 - rem));
	n->len = (uint8_t)len;
	t->nodes++;
	return n;
}

/* Put `n` where `old` hung below `parent` (or at the root). */
static void replace_link(struct ptrie *t, struct ptrie_node *parent,
			 struct ptrie_node *old, struct ptrie_node *n)
{
	n->parent = parent;
	if (!parent)
		t->root = n;
	else if (parent->child[0] == old)
		parent->child[0] = n;
	else
		parent->child[1] = n;
}

static void attach(struct ptrie_node *parent, struct ptrie_node *child)
{
	parent->child[ptrie_bit(child->key, parent->len)] = child;
	child->parent = parent;
}

struct ptrie_node *ptrie_get(struct ptrie *t, const uint8_t *key, unsigned len)
{
	struct ptrie_node *parent = NULL, *n = t->root, *nn, *glue;
	unsigned common;

	while (n && n->len <= len && bits_equal(n->key, key, n->len)) {
		if (n->len == len)
			return n;
		parent = n;
		n = n->child[ptrie_bit(key, n->len)];
	}
	nn = node_new(t, key, len);
	if (!n) {
		if (parent)
			attach(parent, nn);
		else
			t->root = nn;
		return nn;
	}
	common = common_len(n->key, key, n->len < len ? n->len : len);
	if (common == len) {
		/* the new node is an ancestor of n */
		replace_link(t, parent, n, nn);
		attach(nn, n);
		return nn;
	}
	glue = node_new(t, key, common);
	replace_link(t, parent, n, glue);
	attach(glue, n);
	attach(glue, nn);
	return nn;
}

struct ptrie_node *ptrie_lookup(const struct ptrie *t, const uint8_t *key,
				unsigned len)
{
	struct ptrie_node *n = t->root;

	while (n && n->len <= len && bits_equal(n->key, key, n->len)) {
		if (n->len == len)
			return n;
		n = n->child[ptrie_bit(key, n->len)];
	}
	return NULL;
}

void ptrie_release(struct ptrie *t, struct ptrie_node *n)
{
	while (n && !n->data && !(n->child[0] && n->child[1])) {
		struct ptrie_node *parent = n->parent;
		struct ptrie_node *child = n->child[0] ? n->child[0] : n->child[1];

		if (child)
			replace_link(t, parent, n, child);
		else if (!parent)
			t->root = NULL;
		else if (parent->child[0] == n)
			parent->child[0] = NULL;
		else
			parent->child[1] = NULL;
		XFREE(PTRIE_NODE, n);
		t->nodes--;
		n = parent;
	}
}

void ptrie_clear(struct ptrie *t)
{
	struct ptrie_node *n = t->root;

	/* iterative post-order: descend, free leaves, climb */
	while (n) {
		if (n->child[0]) {
			n = n->child[0];
		} else if (n->child[1]) {
			n = n->child[1];
		} else {
			struct ptrie_node *parent = n->parent;

			if (parent) {
				if (parent->child[0] == n)
					parent->child[0] = NULL;
				else
					parent->child[1] = NULL;
			}
			XFREE(PTRIE_NODE, n);
			n = parent;
		}
	}
	t->root = NULL;
	t->nodes = 0;
}

struct ptrie_node *ptrie_first(const struct ptrie *t, const uint8_t *key,
			       unsigned maxlen)
{
	struct ptrie_node *n = t->root;

	if (n && n->len <= maxlen && bits_equal(n->key, key, n->len))
		return n;
	return NULL;
}

struct ptrie_node *ptrie_next(const struct ptrie_node *n, const uint8_t *key,
			      unsigned maxlen)
{
	struct ptrie_node *c;

	if (n->len >= maxlen)
		return NULL;
	c = n->child[ptrie_bit(key, n->len)];
	if (c && c->len <= maxlen && bits_equal(c->key, key, c->len))
		return c;
	return NULL;
}
