/*
 * libFuzzer target for the zserv codec: the input is a byte stream as a
 * zserv socket would deliver it. The first byte picks the direction
 * (client->zebra or zebra->client); the rest is cut into messages with
 * zapi_frame() exactly as zebra and zclient do. Every message that decodes
 * must encode again, and the encoding must decode to the same bytes: the
 * codec may reject input, but never crash, over-read or disagree with
 * itself.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/zapi_test_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_roundtrip(bool c2z, const uint8_t *msg, size_t len)
{
	struct writer w1, w2;

	wr_init(&w1, 64);
	wr_init(&w2, 64);
	if (decode_reencode(c2z, msg, len, &w1) >= 0 && !wr_failed(&w1)) {
		if (decode_reencode(c2z, w1.data, w1.len, &w2) < 0)
			abort();	/* our own encoding does not decode */
		if (w1.len != w2.len || memcmp(w1.data, w2.data, w1.len))
			abort();	/* encode(decode(x)) is not a fixed point */
	}
	wr_free(&w1);
	wr_free(&w2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bool c2z;
	size_t off = 1;

	if (size < 1)
		return 0;
	c2z = data[0] & 1;
	while (off < size) {
		size_t msglen = 0;
		enum zapi_frame_result r = zapi_frame(data + off, size - off, &msglen);

		if (r != ZAPI_FRAME_OK)
			break;
		if (msglen == 0 || msglen > size - off)
			abort();	/* framing promised bytes that are not there */
		check_roundtrip(c2z, data + off, msglen);
		off += msglen;
	}
	return 0;
}
