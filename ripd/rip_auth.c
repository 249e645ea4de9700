/*
 * RIPv2 authentication as configured per interface: simple password
 * (RFC 2453 5.2) and keyed MD5 (RFC 2082, Quagga's default trailer length
 * field "old-ripd" 20 or "rfc" 16).
 *
 * The secret is the interface's `ip rip authentication string` or, for a
 * `key-chain`, a key of the chain from lib/keychain.h: for sending, the
 * first key in its send lifetime (its id, modulo 256, goes into the auth
 * entry); for receiving keyed MD5, the key the packet's key id names, in
 * its accept lifetime (RFC 2082 3.2.2; ids are indexes modulo 256, so
 * every key sharing the id is tried); for a simple
 * password, any key in its accept lifetime. Without a key the packet is
 * refused.
 *
 * Receive rules (RFC 2453 5.2 and Quagga): with authentication off, an
 * authenticated packet is refused; with it on, a packet without or with
 * another kind of authentication and a wrong secret are refused, and so is
 * RIPv1, except a RIPv1 Request, which Quagga answers (unauthenticated,
 * like any RIPv1 Response it sends). The caller counts the bad packet.
 *
 * Keyed-MD5 sequence numbers (RFC 2082 3.2.1/3.2.2): we send the time of
 * day, never less than the last number sent, so they never decrease, not
 * even across a restart, as Quagga and FRR do; a packet whose number is
 * below the last one accepted from the same peer is a replay and refused.
 * The peer entry, and with it the last number, is forgotten when the peer
 * has been silent for RIP_PEER_TIMER_DEFAULT seconds, so a neighbour
 * whose numbering restarted lower is heard again after that.
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

#ifdef RIP_HAVE_KEYCHAIN
static bool accept_valid(const struct key *k, time_t now)
{
	if (k->accept.start == 0)
		return true;
	return k->accept.start <= now && (k->accept.end == -1 || k->accept.end >= now);
}

/*
 * Keyed MD5 with a key chain: the keys whose id on the wire (the index
 * modulo 256) is key_id and that are in their accept lifetime; true if
 * the digest verifies with one of them (indexes 1 and 257 share id 1).
 */
static bool chain_md5_verify(const struct keychain *kc, const uint8_t *buf, size_t len,
			     const struct rip_packet *pkt, bool *any_key)
{
	char secret[RIP_AUTH_SIMPLE_SIZE + 1];
	time_t now = time(NULL);
	const struct key *k;

	*any_key = false;
	for (k = kc->keys; k; k = k->next) {
		if (k->index % 256 != pkt->auth.key_id || !k->string || !accept_valid(k, now))
			continue;
		*any_key = true;
		copy_secret(secret, k->string);
		if (rip_md5_verify(buf, len, pkt, secret))
			return true;
	}
	return false;
}
#endif

static bool accept_secret(const struct rip_if *ri, char out[RIP_AUTH_SIMPLE_SIZE + 1])
{
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

static bool fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return false;
}

bool rip_auth_check(struct rip_if *ri, const uint8_t *buf, size_t len,
		    const struct rip_packet *pkt, struct in_addr from,
		    const char **why)
{
	char secret[RIP_AUTH_SIMPLE_SIZE + 1];
	const struct rip_peer *peer;

	if (ri->auth_type == RIP_NO_AUTH) {
		if (pkt->auth.type != RIP_NO_AUTH)
			return fail(why, "authenticated packet, authentication is off");
		return true;
	}
	if (pkt->version == RIPv1) {
		if (pkt->command == RIP_REQUEST || pkt->command == RIP_POLL)
			return true;
		return fail(why, "RIPv1 packet, authentication is on");
	}
	if (pkt->auth.type != ri->auth_type)
		return fail(why, pkt->auth.type == RIP_NO_AUTH ?
				 "no authentication in packet" :
				 "wrong authentication type");

	if (ri->auth_type == RIP_AUTH_SIMPLE_PASSWORD) {
#ifdef RIP_HAVE_KEYCHAIN
		if (ri->key_chain) {
			if (!chain_has_password(ri, pkt->auth.password))
				return fail(why, "wrong password");
			return true;
		}
#endif
		if (!accept_secret(ri, secret) ||
		    memcmp(secret, pkt->auth.password, RIP_AUTH_SIMPLE_SIZE) != 0)
			return fail(why, "wrong password");
		return true;
	}
	if (ri->key_chain) {
#ifdef RIP_HAVE_KEYCHAIN
		struct keychain *kc = keychain_lookup(ri->key_chain);
		bool any_key = false;

		if (!kc || !chain_md5_verify(kc, buf, len, pkt, &any_key))
			return fail(why, any_key ? "wrong MD5 digest" :
					 "no valid key for the key id");
#else
		return fail(why, "no key chains in this build");
#endif
	} else if (!accept_secret(ri, secret)) {
		return fail(why, "no authentication string");
	} else if (!rip_md5_verify(buf, len, pkt, secret)) {
		return fail(why, "wrong MD5 digest");
	}
	peer = ri->rip ? rip_peer_lookup(ri->rip, from) : NULL;
	if (peer && peer->auth_seq_valid && pkt->auth.seq < peer->auth_seq)
		return fail(why, "MD5 sequence number went backwards");
	return true;
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

/* Non-decreasing: the time of day, held when the clock steps back. */
static uint32_t send_seq(void)
{
	static uint32_t last;
	uint32_t now = (uint32_t)time(NULL);

	if (now > last)
		last = now;
	return last;
}

const char *rip_auth_put(const struct rip_if *ri, struct writer *w,
			 char keybuf[RIP_AUTH_SIMPLE_SIZE + 1])
{
	uint8_t key_id;

	if (!ri || ri->auth_type == RIP_NO_AUTH)
		return NULL;
	if (!send_secret(ri, keybuf, &key_id))
		copy_secret(keybuf, "");
	if (ri->auth_type == RIP_AUTH_SIMPLE_PASSWORD) {
		rip_put_auth_simple(w, keybuf);
		return NULL;
	}
	rip_put_auth_md5(w, key_id, ri->md5_auth_len, send_seq());
	return keybuf;
}
