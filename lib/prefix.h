/*
 * IPv4/IPv6 prefixes and addresses, and sockunion.
 *
 * Printing always goes into a caller's buffer (never a static one), so two
 * addresses can appear in one log line.
 */
#ifndef TARPAN_PREFIX_H
#define TARPAN_PREFIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>
#include <sys/socket.h>

struct prefix {
	uint8_t family;		/* AF_INET or AF_INET6 */
	uint8_t prefixlen;
	union {
		struct in_addr v4;
		struct in6_addr v6;
		uint8_t bytes[16];
	} u;
};

/* "255.255.255.255/32" and "ffff:...:ffff/128" with NUL. */
#define PREFIX_STRLEN 51
#define INET_ADDRSTRLEN_MAX 46

/* Number of bytes that hold a prefix of this length: (len + 7) / 8. */
static inline unsigned psize(unsigned prefixlen)
{
	return (prefixlen + 7) / 8;
}
static inline unsigned family_maxlen(int family)
{
	return family == AF_INET ? 32 : family == AF_INET6 ? 128 : 0;
}

/* "A.B.C.D/M" or "X:X::X:X/M"; 0 ok, -1 malformed. Does not mask. */
int prefix_parse(const char *str, struct prefix *p);
/* Like prefix_parse but only for one family. */
int prefix_parse_ipv4(const char *str, struct prefix *p);
int prefix_parse_ipv6(const char *str, struct prefix *p);
/* Bare address parsed as a host prefix (/32 or /128). */
int prefix_parse_host(const char *str, struct prefix *p);
const char *prefix2str(const struct prefix *p, char *buf, size_t size);

void prefix_from_ipv4(struct prefix *p, struct in_addr a, unsigned len);
void prefix_from_ipv6(struct prefix *p, const struct in6_addr *a, unsigned len);
/* Zero the host bits. */
void apply_mask(struct prefix *p);
/* Total order: family, then address bytes, then length. */
int prefix_cmp(const struct prefix *a, const struct prefix *b);
bool prefix_same(const struct prefix *a, const struct prefix *b);
/* True if `net` contains `p` (same family, net->prefixlen <= p->prefixlen). */
bool prefix_match(const struct prefix *net, const struct prefix *p);
bool prefix_is_default(const struct prefix *p);

struct in_addr masklen2ip(unsigned masklen);
/* Contiguous netmask to length; -1 if not contiguous. */
int ip_masklen(struct in_addr mask);
void masklen2ip6(unsigned masklen, struct in6_addr *mask);

union sockunion {
	struct sockaddr sa;
	struct sockaddr_in sin;
	struct sockaddr_in6 sin6;
};
#define SU_ADDRSTRLEN 46

int str2sockunion(const char *str, union sockunion *su);
const char *sockunion2str(const union sockunion *su, char *buf, size_t size);
socklen_t sockunion_len(const union sockunion *su);
bool sockunion_same(const union sockunion *a, const union sockunion *b);
int sockunion_cmp(const union sockunion *a, const union sockunion *b);

/* Additions (data engineer). */
/* Bare address, strictly ("1.2.3.4", "fe80::1"); 0 ok, -1 malformed. */
int addr_parse_ipv4(const char *str, struct in_addr *a);
int addr_parse_ipv6(const char *str, struct in6_addr *a);
/* Address of a prefix as a sockunion (port 0). */
void sockunion_from_prefix(union sockunion *su, const struct prefix *p);

#endif
