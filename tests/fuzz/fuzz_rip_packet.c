/*
 * libFuzzer target: the RIP packet parser, entry checks, and MD5 checking.
 *
 * Any input must either parse or be rejected with an error code; a parsed
 * packet must survive rip_rte_check() on every entry (with and without an
 * interface address for the RIPv1 mask guess) and, if it claims keyed MD5,
 * the digest check. ASan/UBSan catch anything out of bounds.
 */
#include <stddef.h>
#include <stdint.h>

#include "ripd/rip_packet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rip_packet pkt;
	struct prefix ifaddr, p;
	struct in_addr a = { .s_addr = htonl(0x0a000001) };
	const char *why;

	if (rip_packet_parse(data, size, &pkt, &why) != RIP_PARSE_OK)
		return 0;
	prefix_from_ipv4(&ifaddr, a, 24);
	for (unsigned i = 0; i < pkt.nrte; i++) {
		(void)rip_rte_check(&pkt.rte[i], pkt.version, NULL, &p);
		(void)rip_rte_check(&pkt.rte[i], pkt.version, &ifaddr, &p);
	}
	(void)rip_request_is_whole_table(&pkt);
	if (pkt.auth.type == RIP_AUTH_MD5)
		(void)rip_md5_verify(data, size, &pkt, "key");
	return 0;
}
