/*
 * Key chains: storage, time-based lookup, commands and config write (see
 * keychain.h). Small enough for one file: a handful of chains of a handful
 * of keys.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "command.h"
#include "keychain.h"
#include "memory.h"
#include "policy_util.h"
#include "vty.h"

DEFINE_MTYPE_STATIC(KEYCHAIN, "Key chain");
DEFINE_MTYPE_STATIC(KEY, "Key");
DEFINE_MTYPE_STATIC(KEY_STR, "Key string");

static struct keychain *chains;
/* chains and keys a vty may hold in vty->index / vty->index_sub */
static struct ptrset live;

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
	ptrset_add(&live, kc);
	return kc;
}

static void key_free(struct key *key)
{
	ptrset_del(&live, key);
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
	ptrset_del(&live, kc);
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
	ptrset_add(&live, k);
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
	ptrset_free(&live);
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

static int get_range(const char *s, long lo, long hi, long *out)
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
	if (get_range(buf, 0, 23, &h) < 0 || get_range(c1, 0, 59, &m) < 0 ||
	    get_range(c2, 0, 59, &s) < 0 || get_range(day, 1, 31, &d) < 0 ||
	    get_range(year, 1993, 2035, &y) < 0)
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

/* ---- commands ------------------------------------------------------------- */

#define KEY_STR_H "Authentication key management\n"

static struct keychain *cur_chain(struct vty *vty)
{
	if (!ptrset_has(&live, vty->index)) {
		vty_out(vty, "%% The key chain was deleted\n");
		return NULL;
	}
	return vty->index;
}

static struct key *cur_key(struct vty *vty)
{
	if (!cur_chain(vty))
		return NULL;
	if (!ptrset_has(&live, vty->index_sub)) {
		vty_out(vty, "%% The key was deleted\n");
		return NULL;
	}
	return vty->index_sub;
}

DEFUN(key_chain, key_chain_cmd, "key chain WORD",
      KEY_STR_H "Key-chain management\nKey-chain name\n")
{
	vty_enter_node(vty, KEYCHAIN_NODE, keychain_get(argv[0]));
	return CMD_SUCCESS;
}

DEFUN(no_key_chain, no_key_chain_cmd, "no key chain WORD",
      NO_STR KEY_STR_H "Key-chain management\nKey-chain name\n")
{
	struct keychain *kc = keychain_lookup(argv[0]);

	if (!kc) {
		vty_out(vty, "Can't find keychain %s\n", argv[0]);
		return CMD_WARNING;
	}
	keychain_delete(kc);
	return CMD_SUCCESS;
}

static int key_id(struct vty *vty, const char *s, uint32_t *id)
{
	long v;

	if (get_range(s, 0, 2147483647, &v) < 0) {
		vty_out(vty, "%% Invalid key identifier value\n");
		return -1;
	}
	*id = (uint32_t)v;
	return 0;
}

DEFUN(key_key, key_key_cmd, "key <0-2147483647>",
      "Configure a key\nKey identifier number\n")
{
	struct keychain *kc = cur_chain(vty);
	struct key *k;
	uint32_t id;

	if (!kc || key_id(vty, argv[0], &id) < 0)
		return CMD_WARNING;
	k = key_get(kc, id);
	vty_enter_node(vty, KEYCHAIN_KEY_NODE, kc);
	vty->index_sub = k;
	return CMD_SUCCESS;
}

DEFUN(no_key_key, no_key_key_cmd, "no key <0-2147483647>",
      NO_STR "Delete a key\nKey identifier number\n")
{
	struct keychain *kc = cur_chain(vty);
	struct key *k;
	uint32_t id;

	if (!kc || key_id(vty, argv[0], &id) < 0)
		return CMD_WARNING;
	k = key_lookup(kc, id);
	if (!k) {
		vty_out(vty, "Can't find key %u\n", id);
		return CMD_WARNING;
	}
	key_delete(kc, k);
	vty_enter_node(vty, KEYCHAIN_NODE, kc);
	return CMD_SUCCESS;
}

DEFUN(key_string, key_string_cmd, "key-string LINE",
      "Set key string\nThe key\n")
{
	struct key *k = cur_key(vty);

	if (!k)
		return CMD_WARNING;
	key_string_set(k, argv[0]);
	return CMD_SUCCESS;
}

DEFUN(no_key_string, no_key_string_cmd, "no key-string [LINE]",
      NO_STR "Unset key string\nThe key\n")
{
	struct key *k = cur_key(vty);

	if (!k)
		return CMD_WARNING;
	key_string_set(k, NULL);
	return CMD_SUCCESS;
}

/* One lifetime command. end_* NULL with duration NULL: infinite. */
static int lifetime_set(struct vty *vty, bool send, const char *const a[4],
			const char *const e[4], const char *duration)
{
	struct key *k = cur_key(vty);
	struct key_range *r;
	time_t start, end = -1;
	long dur = 0;

	if (!k)
		return CMD_WARNING;
	r = send ? &k->send : &k->accept;
	start = key_str2time(a[0], a[1], a[2], a[3]);
	if (start < 0) {
		vty_out(vty, "Malformed time value\n");
		return CMD_WARNING;
	}
	if (duration) {
		if (get_range(duration, 1, 2147483646, &dur) < 0) {
			vty_out(vty, "%% Invalid duration value\n");
			return CMD_WARNING;
		}
		end = start + dur;
	} else if (e) {
		end = key_str2time(e[0], e[1], e[2], e[3]);
		if (end < 0) {
			vty_out(vty, "Malformed time value\n");
			return CMD_WARNING;
		}
		if (end <= start) {
			vty_out(vty, "Expire time is not later than start time\n");
			return CMD_WARNING;
		}
	}
	r->start = start;
	r->end = end;
	r->duration = duration != NULL;
	return CMD_SUCCESS;
}

#define LT_TIME_H "Time to start\n"
#define LT_DAY_H "Day of th month to start\n"
#define LT_MON_H "Month of the year to start\n"
#define LT_YEAR_H "Year to start\n"
#define LT_DM_H LT_TIME_H LT_DAY_H LT_MON_H LT_YEAR_H
#define LT_MD_H LT_TIME_H LT_MON_H LT_DAY_H LT_YEAR_H
#define LT_EDM_H "Time to expire\nDay of th month to expire\nMonth of the year to expire\nYear to expire\n"
#define LT_EMD_H "Time to expire\nMonth of the year to expire\nDay of th month to expire\nYear to expire\n"
#define DM "HH:MM:SS <1-31> MONTH <1993-2035>"
#define MD "HH:MM:SS MONTH <1-31> <1993-2035>"

/* argv orders: DM = time day month year, MD = time month day year */
#define ARGS_DM(o) { argv[(o)], argv[(o) + 1], argv[(o) + 2], argv[(o) + 3] }
#define ARGS_MD(o) { argv[(o)], argv[(o) + 2], argv[(o) + 1], argv[(o) + 3] }

/* The eight forms of one lifetime command. */
#define LIFETIME_COMMANDS(tag, word, wordh, SEND)                              \
	DEFUN(tag##_dm_dm, tag##_dm_dm_cmd, word " " DM " " DM,                \
	      wordh LT_DM_H LT_EDM_H)                                          \
	{                                                                      \
		const char *a[4] = ARGS_DM(0), *e[4] = ARGS_DM(4);             \
		return lifetime_set(vty, SEND, a, e, NULL);                    \
	}                                                                      \
	DEFUN(tag##_dm_md, tag##_dm_md_cmd, word " " DM " " MD,                \
	      wordh LT_DM_H LT_EMD_H)                                          \
	{                                                                      \
		const char *a[4] = ARGS_DM(0), *e[4] = ARGS_MD(4);             \
		return lifetime_set(vty, SEND, a, e, NULL);                    \
	}                                                                      \
	DEFUN(tag##_md_dm, tag##_md_dm_cmd, word " " MD " " DM,                \
	      wordh LT_MD_H LT_EDM_H)                                          \
	{                                                                      \
		const char *a[4] = ARGS_MD(0), *e[4] = ARGS_DM(4);             \
		return lifetime_set(vty, SEND, a, e, NULL);                    \
	}                                                                      \
	DEFUN(tag##_md_md, tag##_md_md_cmd, word " " MD " " MD,                \
	      wordh LT_MD_H LT_EMD_H)                                          \
	{                                                                      \
		const char *a[4] = ARGS_MD(0), *e[4] = ARGS_MD(4);             \
		return lifetime_set(vty, SEND, a, e, NULL);                    \
	}                                                                      \
	DEFUN(tag##_dm_inf, tag##_dm_inf_cmd, word " " DM " infinite",         \
	      wordh LT_DM_H "Never expires\n")                                 \
	{                                                                      \
		const char *a[4] = ARGS_DM(0);                                 \
		return lifetime_set(vty, SEND, a, NULL, NULL);                 \
	}                                                                      \
	DEFUN(tag##_md_inf, tag##_md_inf_cmd, word " " MD " infinite",         \
	      wordh LT_MD_H "Never expires\n")                                 \
	{                                                                      \
		const char *a[4] = ARGS_MD(0);                                 \
		return lifetime_set(vty, SEND, a, NULL, NULL);                 \
	}                                                                      \
	DEFUN(tag##_dm_dur, tag##_dm_dur_cmd,                                  \
	      word " " DM " duration <1-2147483646>",                          \
	      wordh LT_DM_H "Duration of the key\nDuration seconds\n")         \
	{                                                                      \
		const char *a[4] = ARGS_DM(0);                                 \
		return lifetime_set(vty, SEND, a, NULL, argv[4]);              \
	}                                                                      \
	DEFUN(tag##_md_dur, tag##_md_dur_cmd,                                  \
	      word " " MD " duration <1-2147483646>",                          \
	      wordh LT_MD_H "Duration of the key\nDuration seconds\n")         \
	{                                                                      \
		const char *a[4] = ARGS_MD(0);                                 \
		return lifetime_set(vty, SEND, a, NULL, argv[4]);              \
	}                                                                      \
	static void tag##_install(void)                                        \
	{                                                                      \
		install_element(KEYCHAIN_KEY_NODE, &tag##_dm_dm_cmd);          \
		install_element(KEYCHAIN_KEY_NODE, &tag##_dm_md_cmd);          \
		install_element(KEYCHAIN_KEY_NODE, &tag##_md_dm_cmd);          \
		install_element(KEYCHAIN_KEY_NODE, &tag##_md_md_cmd);          \
		install_element(KEYCHAIN_KEY_NODE, &tag##_dm_inf_cmd);         \
		install_element(KEYCHAIN_KEY_NODE, &tag##_md_inf_cmd);         \
		install_element(KEYCHAIN_KEY_NODE, &tag##_dm_dur_cmd);         \
		install_element(KEYCHAIN_KEY_NODE, &tag##_md_dur_cmd);         \
	}

LIFETIME_COMMANDS(accept_lt, "accept-lifetime",
		  "Set accept lifetime of the key\n", false)
LIFETIME_COMMANDS(send_lt, "send-lifetime", "Set send lifetime of the key\n", true)

/* ---- config write --------------------------------------------------------- */

static void write_time(struct vty *vty, time_t t)
{
	char buf[64];
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%T %b %d %Y", &tm);
	vty_out(vty, "%s", buf);
}

static void write_range(struct vty *vty, const char *word,
			const struct key_range *r)
{
	if (!r->start)
		return;
	vty_out(vty, "  %s ", word);
	write_time(vty, r->start);
	if (r->end == -1) {
		vty_out(vty, " infinite");
	} else if (r->duration) {
		vty_out(vty, " duration %ld", (long)(r->end - r->start));
	} else {
		vty_out(vty, " ");
		write_time(vty, r->end);
	}
	vty_out(vty, "\n");
}

/* Each chain ends with its own "!"; returns 0 so that none is added. */
static int keychain_config_write(struct vty *vty)
{
	const struct keychain *kc;
	const struct key *k;

	for (kc = chains; kc; kc = kc->next) {
		vty_out(vty, "key chain %s\n", kc->name);
		for (k = kc->keys; k; k = k->next) {
			vty_out(vty, " key %u\n", k->index);
			if (k->string)
				vty_out(vty, "  key-string %s\n", k->string);
			write_range(vty, "accept-lifetime", &k->accept);
			write_range(vty, "send-lifetime", &k->send);
		}
		vty_out(vty, "!\n");
	}
	return 0;
}

static struct cmd_node keychain_node = { KEYCHAIN_NODE, "%s(config-keychain)# ",
					 keychain_config_write };
static struct cmd_node keychain_key_node = { KEYCHAIN_KEY_NODE,
					     "%s(config-keychain-key)# ", NULL };

void keychain_init(void)
{
	install_node(&keychain_node);
	install_node(&keychain_key_node);
	install_default(KEYCHAIN_NODE);
	install_default(KEYCHAIN_KEY_NODE);
	install_element(CONFIG_NODE, &key_chain_cmd);
	install_element(CONFIG_NODE, &no_key_chain_cmd);
	install_element(KEYCHAIN_NODE, &key_chain_cmd);
	install_element(KEYCHAIN_NODE, &no_key_chain_cmd);
	install_element(KEYCHAIN_NODE, &key_key_cmd);
	install_element(KEYCHAIN_NODE, &no_key_key_cmd);
	install_element(KEYCHAIN_KEY_NODE, &key_chain_cmd);
	install_element(KEYCHAIN_KEY_NODE, &no_key_chain_cmd);
	install_element(KEYCHAIN_KEY_NODE, &key_key_cmd);
	install_element(KEYCHAIN_KEY_NODE, &no_key_key_cmd);
	install_element(KEYCHAIN_KEY_NODE, &key_string_cmd);
	install_element(KEYCHAIN_KEY_NODE, &no_key_string_cmd);
	accept_lt_install();
	send_lt_install();
}
