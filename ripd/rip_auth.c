/*
 * RIPv2 authentication as configured per interface: simple password
 * (RFC 2453 5.2) and keyed MD5 (RFC 2082, Quagga's default trailer length
 * field "old-ripd" 20 or "rfc" 16).
 *
 * The secret is the interface's `ip rip authentication string` or, for a
 * `key-chain`, a key of the chain from lib/keychain.h: for sending, the
 * active send key (its id goes into the auth entry); for receiving, the
 * key whose id the packet names, if it is in its accept lifetime. Without
 * a key the packet is refused.
 *
 * Receive rules (RFC 2453 5.2 and Quagga): with authentication off, an
 * authenticated packet is refused; with it on, a RIPv1 packet, a packet
 * without or with another kind of authentication, and a wrong secret are
 * refused. The caller counts the bad packet.
 */
#include <string.h>

#include "log.h"
#include "ripd.h"

#if __has_include("keychain.h")
#include "keychain.h"
#define RIP_HAVE_KEYCHAIN 1
#endif

static void copy_secret(char out[RIP_AUTH_SIMPLE_SIZE + 1], const char *s)
{
	memset(out, 0, RIP_AUTH_SIMPLE_SIZE + 1);
	if (s)
		strncpy(out, s, RIP_AUTH_SIMPLE_SIZE);
}

/* The secret for sending and its key id; false if none is configured. */
static bool send_secret(const struct rip_if *ri, char out[RIP_AUTH_SIMPLE_SIZE + 1],
			uint8_t *key_id)
{
	*key_id = 1;
	if (ri->key_chain) {
#ifdef RIP_HAVE_KEYCHAIN
		struct keychain *kc = keychain_lookup(ri->key_chain);
		const struct key *k = kc ? key_lookup_for_send(kc) : NULL;

		if (!k || !k->string)
			return false;
		copy_secret(out, k->string);
		*key_id = (uint8_t)(k->index % 256);
		return true;
#else
		return false;
#endif
	}
	if (ri->auth_str) {
		copy_secret(out, ri->auth_str);
		return true;
	}
	return false;
}

static bool accept_secret(const struct rip_if *ri, uint8_t key_id,
			  char out[RIP_AUTH_SIMPLE_SIZE + 1], bool by_id)
{
	if (ri->key_chain) {
#ifdef RIP_HAVE_KEYCHAIN
		struct keychain *kc = keychain_lookup(ri->key_chain);
		const struct key *k;

		if (!kc)
			return false;
		k = by_id ? key_lookup_for_accept(kc, key_id) : key_lookup_for_send(kc);
		if (!k || !k->string)
			return false;
		copy_secret(out, k->string);
		return true;
#else
		(void)key_id;
		(void)by_id;
		return false;
#endif
	}
	if (ri->auth_str) {
		copy_secret(out, ri->auth_str);
		return true;
	}
	return false;
}

#ifdef RIP_HAVE_KEYCHAIN
/* Simple password with a key chain: any accept-valid key of the chain. */
static bool chain_has_password(const struct rip_if *ri, const char *pw)
{
	struct keychain *kc = keychain_lookup(ri->key_chain);

	return kc && key_match_for_accept(kc, pw) != NULL;
}
#endif

bool rip_auth_check(struct rip_if *ri, const uint8_t *buf, size_t len,
		    const struct rip_packet *pkt, struct in_addr from)
{
	char secret[RIP_AUTH_SIMPLE_SIZE + 1];

	(void)from;
	if (ri->auth_type == RIP_NO_AUTH)
		return pkt->auth.type == RIP_NO_AUTH;
	if (pkt->version == RIPv1 || pkt->auth.type != ri->auth_type)
		return false;

	if (ri->auth_type == RIP_AUTH_SIMPLE_PASSWORD) {
#ifdef RIP_HAVE_KEYCHAIN
		if (ri->key_chain)
			return chain_has_password(ri, pkt->auth.password);
#endif
		if (!accept_secret(ri, 0, secret, false))
			return false;
		return memcmp(secret, pkt->auth.password, RIP_AUTH_SIMPLE_SIZE) == 0;
	}
	if (!accept_secret(ri, pkt->auth.key_id, secret, true))
		return false;
	return rip_md5_verify(buf, len, pkt, secret);
}

unsigned rip_auth_rte_room(const struct rip_if *ri)
{
	switch (ri->auth_type) {
	case RIP_AUTH_SIMPLE_PASSWORD:
		return RIP_MAX_RTE - 1;
	case RIP_AUTH_MD5:
		return RIP_MAX_RTE - 2;
	default:
		return RIP_MAX_RTE;
	}
}

const char *rip_auth_put(const struct rip_if *ri, struct writer *w,
			 char keybuf[RIP_AUTH_SIMPLE_SIZE + 1])
{
	static uint32_t seq;
	uint8_t key_id;

	if (!ri || ri->auth_type == RIP_NO_AUTH)
		return NULL;
	if (!send_secret(ri, keybuf, &key_id))
		copy_secret(keybuf, "");
	if (ri->auth_type == RIP_AUTH_SIMPLE_PASSWORD) {
		rip_put_auth_simple(w, keybuf);
		return NULL;
	}
	if (seq < (uint32_t)time(NULL))
		seq = (uint32_t)time(NULL);
	else
		seq++;
	rip_put_auth_md5(w, key_id, ri->md5_auth_len, seq);
	return keybuf;
}
