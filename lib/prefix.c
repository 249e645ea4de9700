/*
 * IPv4/IPv6 prefixes, netmasks and sockunion (see prefix.h).
 *
 * Parsing is strict and never partial: the whole string must be exactly one
 * address, optionally followed by "/" and a decimal length in range; the
 * output is written only when everything checked out. IPv4 is parsed here
 * (four decimal octets of at most three digits, no octal, no short forms
 * such as "10.1"); IPv6 goes through inet_pton(), which is already strict,
 * after a length check on a bounded copy. Printing goes into the caller's
 * buffer and truncates safely (snprintf semantics).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "prefix.h"

static unsigned family_bytes(int family)
{
	return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
}

/* ---- parsing --------------------------------------------------------- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Exactly "A.B.C.D" over s[0..n). */
static int parse_v4(const char *s, size_t n, struct in_addr *out)
{
	uint8_t b[4];
	size_t i = 0;

	for (int part = 0; part < 4; part++) {
		unsigned v = 0, digits = 0;

		if (part > 0) {
			if (i >= n || s[i] != '.')
				return -1;
			i++;
		}
		while (i < n && is_digit(s[i])) {
			if (++digits > 3)
				return -1;
			v = v * 10 + (unsigned)(s[i] - '0');
			i++;
		}
		if (digits == 0 || v > 255)
			return -1;
		b[part] = (uint8_t)v;
	}
	if (i != n)
		return -1;
	memcpy(&out->s_addr, b, 4);
	return 0;
}

static int parse_v6(const char *s, size_t n, struct in6_addr *out)
{
	char buf[INET6_ADDRSTRLEN + 1];
	struct in6_addr a;

	if (n == 0 || n >= sizeof(buf) || memchr(s, '\0', n))
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (inet_pton(AF_INET6, buf, &a) != 1)
		return -1;
	*out = a;
	return 0;
}

/* Decimal length over s[0..n), no sign, at most 3 digits, <= max. */
static int parse_len(const char *s, size_t n, unsigned max, unsigned *len)
{
	unsigned v = 0;

	if (n == 0 || n > 3)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	if (v > max)
		return -1;
	*len = v;
	return 0;
}

/*
 * Parse "addr/len" (or bare "addr" when want_len is false) of one family,
 * or of either family when family is AF_UNSPEC.
 */
static int parse_prefix(const char *str, int family, bool want_len, struct prefix *p)
{
	const char *slash;
	size_t alen;
	struct prefix tmp;
	unsigned len;

	if (!str)
		return -1;
	slash = strchr(str, '/');
	if (want_len != (slash != NULL))
		return -1;
	alen = slash ? (size_t)(slash - str) : strlen(str);

	memset(&tmp, 0, sizeof(tmp));
	if (family == AF_UNSPEC)
		family = memchr(str, ':', alen) ? AF_INET6 : AF_INET;
	if (family == AF_INET) {
		if (parse_v4(str, alen, &tmp.u.v4) < 0)
			return -1;
	} else if (family == AF_INET6) {
		if (parse_v6(str, alen, &tmp.u.v6) < 0)
			return -1;
	} else {
		return -1;
	}
	tmp.family = (uint8_t)family;
	len = family_maxlen(family);
	if (slash && parse_len(slash + 1, strlen(slash + 1), family_maxlen(family), &len) < 0)
		return -1;
	tmp.prefixlen = (uint8_t)len;
	*p = tmp;
	return 0;
}

int prefix_parse(const char *str, struct prefix *p)
{
	return parse_prefix(str, AF_UNSPEC, true, p);
}

int prefix_parse_ipv4(const char *str, struct prefix *p)
{
	return parse_prefix(str, AF_INET, true, p);
}

int prefix_parse_ipv6(const char *str, struct prefix *p)
{
	return parse_prefix(str, AF_INET6, true, p);
}

int prefix_parse_host(const char *str, struct prefix *p)
{
	return parse_prefix(str, AF_UNSPEC, false, p);
}

int addr_parse_ipv4(const char *str, struct in_addr *a)
{
	if (!str)
		return -1;
	return parse_v4(str, strlen(str), a);
}

int addr_parse_ipv6(const char *str, struct in6_addr *a)
{
	if (!str)
		return -1;
	return parse_v6(str, strlen(str), a);
}

/* ---- printing -------------------------------------------------------- */

const char *prefix2str(const struct prefix *p, char *buf, size_t size)
{
	char addr[INET6_ADDRSTRLEN];

	if (!size)
		return buf;
	if (!inet_ntop(p->family, p->u.bytes, addr, sizeof(addr))) {
		snprintf(buf, size, "(unknown family %u)", p->family);
		return buf;
	}
	snprintf(buf, size, "%s/%u", addr, p->prefixlen);
	return buf;
}

/* ---- construction and masking --------------------------------------- */

void prefix_from_ipv4(struct prefix *p, struct in_addr a, unsigned len)
{
	memset(p, 0, sizeof(*p));
	p->family = AF_INET;
	p->prefixlen = (uint8_t)(len > 32 ? 32 : len);
	p->u.v4 = a;
}

void prefix_from_ipv6(struct prefix *p, const struct in6_addr *a, unsigned len)
{
	memset(p, 0, sizeof(*p));
	p->family = AF_INET6;
	p->prefixlen = (uint8_t)(len > 128 ? 128 : len);
	p->u.v6 = *a;
}

void apply_mask(struct prefix *p)
{
	unsigned nbytes = family_bytes(p->family);
	unsigned len = p->prefixlen;
	unsigned i = len / 8;

	if (len >= nbytes * 8)
		return;
	if (len % 8)
		p->u.bytes[i++] &= (uint8_t)(0xff << (8 - len % 8));
	for (; i < nbytes; i++)
		p->u.bytes[i] = 0;
}

int prefix_cmp(const struct prefix *a, const struct prefix *b)
{
	int c;

	if (a->family != b->family)
		return a->family < b->family ? -1 : 1;
	c = memcmp(a->u.bytes, b->u.bytes, family_bytes(a->family));
	if (c)
		return c < 0 ? -1 : 1;
	if (a->prefixlen != b->prefixlen)
		return a->prefixlen < b->prefixlen ? -1 : 1;
	return 0;
}

bool prefix_same(const struct prefix *a, const struct prefix *b)
{
	return prefix_cmp(a, b) == 0;
}

/* First `len` bits of x and y are equal. */
static bool bits_equal(const uint8_t *x, const uint8_t *y, unsigned len)
{
	unsigned full = len / 8, rest = len % 8;

	if (memcmp(x, y, full))
		return false;
	if (rest) {
		uint8_t m = (uint8_t)(0xff << (8 - rest));

		if ((x[full] ^ y[full]) & m)
			return false;
	}
	return true;
}

bool prefix_match(const struct prefix *net, const struct prefix *p)
{
	if (net->family != p->family || !family_bytes(net->family))
		return false;
	if (net->prefixlen > p->prefixlen || net->prefixlen > family_maxlen(net->family))
		return false;
	return bits_equal(net->u.bytes, p->u.bytes, net->prefixlen);
}

bool prefix_is_default(const struct prefix *p)
{
	static const uint8_t zero[16];

	return family_bytes(p->family) && p->prefixlen == 0 &&
	       !memcmp(p->u.bytes, zero, family_bytes(p->family));
}

struct in_addr masklen2ip(unsigned masklen)
{
	struct in_addr a;

	if (masklen > 32)
		masklen = 32;
	a.s_addr = htonl(masklen ? 0xffffffffu << (32 - masklen) : 0);
	return a;
}

int ip_masklen(struct in_addr mask)
{
	uint32_t m = ntohl(mask.s_addr);
	uint32_t inv = ~m;

	/* contiguous iff the inverted mask is of the form 0...01...1 */
	if (inv & (inv + 1))
		return -1;
	return m ? 32 - __builtin_ctz(m) : 0;
}

void masklen2ip6(unsigned masklen, struct in6_addr *mask)
{
	struct prefix p;

	memset(&p, 0, sizeof(p));
	p.family = AF_INET6;
	p.prefixlen = (uint8_t)(masklen > 128 ? 128 : masklen);
	memset(p.u.bytes, 0xff, 16);
	apply_mask(&p);
	*mask = p.u.v6;
}

/* ---- sockunion ------------------------------------------------------- */

int str2sockunion(const char *str, union sockunion *su)
{
	union sockunion tmp;

	if (!str)
		return -1;
	memset(&tmp, 0, sizeof(tmp));
	if (addr_parse_ipv4(str, &tmp.sin.sin_addr) == 0) {
		tmp.sin.sin_family = AF_INET;
	} else if (addr_parse_ipv6(str, &tmp.sin6.sin6_addr) == 0) {
		tmp.sin6.sin6_family = AF_INET6;
	} else {
		return -1;
	}
	*su = tmp;
	return 0;
}

const char *sockunion2str(const union sockunion *su, char *buf, size_t size)
{
	const void *addr;

	if (!size)
		return buf;
	if (su->sa.sa_family == AF_INET)
		addr = &su->sin.sin_addr;
	else if (su->sa.sa_family == AF_INET6)
		addr = &su->sin6.sin6_addr;
	else
		addr = NULL;
	if (!addr || !inet_ntop(su->sa.sa_family, addr, buf, (socklen_t)size))
		snprintf(buf, size, "(unknown)");
	return buf;
}

socklen_t sockunion_len(const union sockunion *su)
{
	if (su->sa.sa_family == AF_INET)
		return sizeof(struct sockaddr_in);
	if (su->sa.sa_family == AF_INET6)
		return sizeof(struct sockaddr_in6);
	return 0;
}

int sockunion_cmp(const union sockunion *a, const union sockunion *b)
{
	int c;

	if (a->sa.sa_family != b->sa.sa_family)
		return a->sa.sa_family < b->sa.sa_family ? -1 : 1;
	if (a->sa.sa_family == AF_INET)
		c = memcmp(&a->sin.sin_addr, &b->sin.sin_addr, 4);
	else if (a->sa.sa_family == AF_INET6)
		c = memcmp(&a->sin6.sin6_addr, &b->sin6.sin6_addr, 16);
	else
		c = 0;
	return c < 0 ? -1 : c > 0 ? 1 : 0;
}

bool sockunion_same(const union sockunion *a, const union sockunion *b)
{
	return sockunion_cmp(a, b) == 0;
}

void sockunion_from_prefix(union sockunion *su, const struct prefix *p)
{
	memset(su, 0, sizeof(*su));
	if (p->family == AF_INET) {
		su->sin.sin_family = AF_INET;
		su->sin.sin_addr = p->u.v4;
	} else if (p->family == AF_INET6) {
		su->sin6.sin6_family = AF_INET6;
		su->sin6.sin6_addr = p->u.v6;
	}
}
