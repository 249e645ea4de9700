/*
 * Key chains (Quagga's lib/keychain), used by ripd's authentication:
 * `key chain WORD`, `key <0-2147483647>`, `key-string LINE`,
 * `accept-lifetime` and `send-lifetime` with Quagga's time formats
 * ("HH:MM:SS <1-31> MONTH <1993-2035>" in local time, then an end time,
 * `infinite` or `duration <1-2147483646>`).
 *
 * A key with no lifetime set is always valid. Keys are kept sorted by
 * their identifier; chains in creation order.
 */
#ifndef TARPAN_KEYCHAIN_H
#define TARPAN_KEYCHAIN_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct key_range {
	time_t start;		/* 0: not set (always valid) */
	time_t end;		/* -1: infinite */
	bool duration;		/* written as "duration N" */
};

struct key {
	uint32_t index;
	char *string;
	struct key_range send;
	struct key_range accept;
	struct key *next;
};

struct keychain {
	char *name;
	struct key *keys;	/* sorted by index */
	struct keychain *next;
};

/* Installs KEYCHAIN_NODE / KEYCHAIN_KEY_NODE and their commands. */
void keychain_init(void);
void keychain_reset(void);

struct keychain *keychain_lookup(const char *name);
struct keychain *keychain_get(const char *name);
void keychain_delete(struct keychain *kc);
struct key *key_lookup(const struct keychain *kc, uint32_t index);
struct key *key_get(struct keychain *kc, uint32_t index);
void key_delete(struct keychain *kc, struct key *key);
void key_string_set(struct key *key, const char *str);

/* Lookups by time as Quagga: the first valid key (for accept: the first
 * with identifier >= index); the *_at forms take the time explicitly. */
struct key *key_lookup_for_accept(const struct keychain *kc, uint32_t index);
struct key *key_lookup_for_send(const struct keychain *kc);
struct key *key_match_for_accept(const struct keychain *kc, const char *auth);
struct key *key_lookup_for_accept_at(const struct keychain *kc, uint32_t index,
				     time_t now);
struct key *key_lookup_for_send_at(const struct keychain *kc, time_t now);
struct key *key_match_for_accept_at(const struct keychain *kc, const char *auth,
				    time_t now);

/* "HH:MM:SS", day, month name (3+ letters), year -> local time, or -1. */
time_t key_str2time(const char *hms, const char *day, const char *month,
		    const char *year);

#endif
