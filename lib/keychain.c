/*
 * Key chains: storage, time-based lookup and Quagga's time strings (see
 * keychain.h). The structures are the compiled form of the tree
 * (keychain_nb.c); the commands are in keychain_vty.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "keychain.h"
#include "keychain_nb.h"
#include "memory.h"
#include "policy_util.h"

DEFINE_MTYPE_STATIC(KEYCHAIN, "Key chain");
DEFINE_MTYPE_STATIC(KEY, "Key");
DEFINE_MTYPE_STATIC(KEY_STR, "Key string");

static struct keychain *chains;

struct keychain *keychain_lookup(const char *name)
{
	struct keychain *kc;

	for (kc = chains; name && kc; kc = kc->next)
		if (strcmp(kc->name, name) == 0)
			return kc;
	return NULL;
}

struct keychain *keychain_get(const char *name)
{
	struct keychain *kc = keychain_lookup(name), **pp;

	if (kc)
		return kc;
	kc = XCALLOC(KEYCHAIN, sizeof(*kc));
	kc->name = XSTRDUP(KEY_STR, name);
	for (pp = &chains; *pp; pp = &(*pp)->next)
		;
	*pp = kc;
	return kc;
}

static void key_free(struct key *key)
{
	if (key->string)
		XFREE(KEY_STR, key->string);
	XFREE(KEY, key);
}

void keychain_delete(struct keychain *kc)
{
	struct keychain **pp;

	for (pp = &chains; *pp; pp = &(*pp)->next) {
		if (*pp == kc) {
			*pp = kc->next;
			break;
		}
	}
	while (kc->keys) {
		struct key *k = kc->keys;

		kc->keys = k->next;
		key_free(k);
	}
	XFREE(KEY_STR, kc->name);
	XFREE(KEYCHAIN, kc);
}

struct key *key_lookup(const struct keychain *kc, uint32_t index)
{
	struct key *k;

	for (k = kc->keys; k && k->index <= index; k = k->next)
		if (k->index == index)
			return k;
	return NULL;
}

struct key *key_get(struct keychain *kc, uint32_t index)
{
	struct key **pp, *k;

	for (pp = &kc->keys; *pp && (*pp)->index < index; pp = &(*pp)->next)
		;
	if (*pp && (*pp)->index == index)
		return *pp;
	k = XCALLOC(KEY, sizeof(*k));
	k->index = index;
	k->next = *pp;
	*pp = k;
	return k;
}

void key_delete(struct keychain *kc, struct key *key)
{
	struct key **pp;

	for (pp = &kc->keys; *pp; pp = &(*pp)->next) {
		if (*pp == key) {
			*pp = key->next;
			key_free(key);
			return;
		}
	}
}

void key_string_set(struct key *key, const char *str)
{
	if (key->string)
		XFREE(KEY_STR, key->string);
	if (str)
		key->string = XSTRDUP(KEY_STR, str);
}

void keychain_reset(void)
{
	while (chains)
		keychain_delete(chains);
}

/* ---- lookups by time ------------------------------------------------------ */

static bool range_valid(const struct key_range *r, time_t now)
{
	if (r->start == 0)
		return true;
	return r->start <= now && (r->end == -1 || r->end >= now);
}

struct key *key_lookup_for_accept_at(const struct keychain *kc, uint32_t index,
				     time_t now)
{
	struct key *k;

	for (k = kc->keys; k; k = k->next)
		if (k->index >= index && range_valid(&k->accept, now))
			return k;
	return NULL;
}

struct key *key_lookup_for_send_at(const struct keychain *kc, time_t now)
{
	struct key *k;

	for (k = kc->keys; k; k = k->next)
		if (range_valid(&k->send, now))
			return k;
	return NULL;
}

struct key *key_match_for_accept_at(const struct keychain *kc, const char *auth,
				    time_t now)
{
	struct key *k;

	for (k = kc->keys; k; k = k->next)
		if (range_valid(&k->accept, now) && k->string &&
		    strncmp(k->string, auth, 16) == 0)
			return k;
	return NULL;
}

struct key *key_lookup_for_accept(const struct keychain *kc, uint32_t index)
{
	return key_lookup_for_accept_at(kc, index, time(NULL));
}

struct key *key_lookup_for_send(const struct keychain *kc)
{
	return key_lookup_for_send_at(kc, time(NULL));
}

struct key *key_match_for_accept(const struct keychain *kc, const char *auth)
{
	return key_match_for_accept_at(kc, auth, time(NULL));
}

/* ---- time strings --------------------------------------------------------- */

static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

int keychain_get_range(const char *s, long lo, long hi, long *out)
{
	char *end;

	if (!s || !*s)
		return -1;
	errno = 0;
	*out = strtol(s, &end, 10);
	if (errno || *end || *out < lo || *out > hi)
		return -1;
	return 0;
}

time_t key_str2time(const char *hms, const char *day, const char *month,
		    const char *year)
{
	long h, m, s, d, y;
	char buf[16], *c1, *c2;
	size_t mlen = month ? strlen(month) : 0;
	struct tm tm;
	int mon = -1, i;

	if (!hms || strlen(hms) >= sizeof(buf))
		return -1;
	strcpy(buf, hms);
	c1 = strchr(buf, ':');
	if (!c1)
		return -1;
	*c1++ = '\0';
	c2 = strchr(c1, ':');
	if (!c2)
		return -1;
	*c2++ = '\0';
	if (keychain_get_range(buf, 0, 23, &h) < 0 || keychain_get_range(c1, 0, 59, &m) < 0 ||
	    keychain_get_range(c2, 0, 59, &s) < 0 || keychain_get_range(day, 1, 31, &d) < 0 ||
	    keychain_get_range(year, 1993, 2035, &y) < 0)
		return -1;
	for (i = 0; mlen >= 3 && i < 12; i++) {
		if (strncasecmp(month, months[i], mlen) == 0) {
			mon = i;
			break;
		}
	}
	if (mon < 0)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_sec = (int)s;
	tm.tm_min = (int)m;
	tm.tm_hour = (int)h;
	tm.tm_mday = (int)d;
	tm.tm_mon = mon;
	tm.tm_year = (int)y - 1900;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

