/*
 * zserv codec, part 2: interface messages (INTERFACE_ADD/DELETE/UP/DOWN
 * from zebra, INTERFACE_LINK_PARAMS) and address messages
 * (INTERFACE_ADDRESS_ADD/DELETE).
 *
 * All four interface commands share one layout: a 20-byte NUL-padded name,
 * ifindex, status, the 8-byte IFF_* word, metric, mtu, mtu6, bandwidth,
 * ll_type, a hardware address with its 4-byte length, then a byte saying
 * whether the traffic-engineering link-params block follows. A hardware
 * address longer than INTERFACE_HWADDR_MAX or more than 8 bandwidth classes
 * are rejected: Quagga's readers would lose their place in the stream.
 */
#include <string.h>
#include <sys/socket.h>

#include "zapi.h"
#include "zapi_priv.h"

static bool is_interface_cmd(uint16_t cmd)
{
	return cmd == ZEBRA_INTERFACE_ADD || cmd == ZEBRA_INTERFACE_DELETE ||
	       cmd == ZEBRA_INTERFACE_UP || cmd == ZEBRA_INTERFACE_DOWN;
}

/* ---- link params -------------------------------------------------------- */

static int put_link_params(struct writer *w, const struct zapi_link_params *lp)
{
	if (lp->n_unrsv > ZAPI_MAX_CLASS_TYPE)
		return ZAPI_ERR_VALUE;
	wr_put_u32(w, lp->lp_status);
	wr_put_u32(w, lp->te_metric);
	wr_put_float(w, lp->max_bw);
	wr_put_float(w, lp->max_rsv_bw);
	wr_put_u32(w, lp->n_unrsv);
	for (uint32_t i = 0; i < lp->n_unrsv; i++)
		wr_put_float(w, lp->unrsv_bw[i]);
	wr_put_u32(w, lp->admin_grp);
	wr_put_u32(w, lp->rmt_as);
	wr_put_in_addr(w, lp->rmt_ip);
	wr_put_u32(w, lp->av_delay);
	wr_put_u32(w, lp->min_delay);
	wr_put_u32(w, lp->max_delay);
	wr_put_u32(w, lp->delay_var);
	wr_put_float(w, lp->pkt_loss);
	wr_put_float(w, lp->res_bw);
	wr_put_float(w, lp->ava_bw);
	wr_put_float(w, lp->use_bw);
	return ZAPI_OK;
}

static int get_link_params(struct reader *r, struct zapi_link_params *lp)
{
	memset(lp, 0, sizeof(*lp));
	if (rd_get_u32(r, &lp->lp_status) < 0 || rd_get_u32(r, &lp->te_metric) < 0 ||
	    rd_get_float(r, &lp->max_bw) < 0 || rd_get_float(r, &lp->max_rsv_bw) < 0 ||
	    rd_get_u32(r, &lp->n_unrsv) < 0)
		return ZAPI_ERR_TRUNCATED;
	if (lp->n_unrsv > ZAPI_MAX_CLASS_TYPE)
		return ZAPI_ERR_VALUE;
	for (uint32_t i = 0; i < lp->n_unrsv; i++)
		if (rd_get_float(r, &lp->unrsv_bw[i]) < 0)
			return ZAPI_ERR_TRUNCATED;
	if (rd_get_u32(r, &lp->admin_grp) < 0 || rd_get_u32(r, &lp->rmt_as) < 0 ||
	    rd_get_in_addr(r, &lp->rmt_ip) < 0 || rd_get_u32(r, &lp->av_delay) < 0 ||
	    rd_get_u32(r, &lp->min_delay) < 0 || rd_get_u32(r, &lp->max_delay) < 0 ||
	    rd_get_u32(r, &lp->delay_var) < 0 || rd_get_float(r, &lp->pkt_loss) < 0 ||
	    rd_get_float(r, &lp->res_bw) < 0 || rd_get_float(r, &lp->ava_bw) < 0 ||
	    rd_get_float(r, &lp->use_bw) < 0)
		return ZAPI_ERR_TRUNCATED;
	return ZAPI_OK;
}

int zapi_link_params_encode(struct writer *w, uint16_t vrf_id, uint32_t ifindex,
			    const struct zapi_link_params *lp)
{
	size_t start;
	int rc;

	if (zapi_writer_ok(w) < 0)
		return ZAPI_ERR_NOSPACE;
	if (lp->n_unrsv > ZAPI_MAX_CLASS_TYPE)
		return ZAPI_ERR_VALUE;
	start = zapi_header_begin(w, ZEBRA_INTERFACE_LINK_PARAMS, vrf_id);
	wr_put_u32(w, ifindex);
	rc = put_link_params(w, lp);
	if (rc < 0) {
		w->len = start;
		return rc;
	}
	return zapi_header_finish(w, start);
}

int zapi_link_params_decode(struct reader *body, uint32_t *ifindex,
			    struct zapi_link_params *lp)
{
	uint32_t idx;
	int rc;

	if (rd_get_u32(body, &idx) < 0)
		return ZAPI_ERR_TRUNCATED;
	rc = get_link_params(body, lp);
	if (rc < 0)
		return rc;
	rc = zapi_end(body);
	if (rc < 0)
		return rc;
	*ifindex = idx;
	return ZAPI_OK;
}

/* ---- interfaces --------------------------------------------------------- */

int zapi_interface_encode(struct writer *w, uint16_t cmd, uint16_t vrf_id,
			  const struct zapi_interface *ifp)
{
	char name[INTERFACE_NAMSIZ];
	size_t start, nlen;

	if (zapi_writer_ok(w) < 0)
		return ZAPI_ERR_NOSPACE;
	if (!is_interface_cmd(cmd))
		return ZAPI_ERR_COMMAND;
	if (ifp->hw_addr_len > INTERFACE_HWADDR_MAX)
		return ZAPI_ERR_VALUE;
	if (ifp->has_link_params && ifp->lp.n_unrsv > ZAPI_MAX_CLASS_TYPE)
		return ZAPI_ERR_VALUE;

	memset(name, 0, sizeof(name));
	nlen = strnlen(ifp->name, INTERFACE_NAMSIZ);
	memcpy(name, ifp->name, nlen);

	start = zapi_header_begin(w, cmd, vrf_id);
	wr_put_bytes(w, name, sizeof(name));
	wr_put_u32(w, ifp->ifindex);
	wr_put_u8(w, ifp->status);
	wr_put_u64(w, ifp->flags);
	wr_put_u32(w, ifp->metric);
	wr_put_u32(w, ifp->mtu);
	wr_put_u32(w, ifp->mtu6);
	wr_put_u32(w, ifp->bandwidth);
	wr_put_u32(w, ifp->ll_type);
	wr_put_u32(w, ifp->hw_addr_len);
	wr_put_bytes(w, ifp->hw_addr, ifp->hw_addr_len);
	wr_put_u8(w, ifp->has_link_params ? 1 : 0);
	if (ifp->has_link_params)
		put_link_params(w, &ifp->lp);
	return zapi_header_finish(w, start);
}

int zapi_interface_decode(struct reader *body, struct zapi_interface *out)
{
	struct zapi_interface t;
	uint8_t has_lp;
	int rc;

	memset(&t, 0, sizeof(t));
	if (rd_get_bytes(body, t.name, INTERFACE_NAMSIZ) < 0)
		return ZAPI_ERR_TRUNCATED;
	t.name[INTERFACE_NAMSIZ] = '\0';
	if (rd_get_u32(body, &t.ifindex) < 0 || rd_get_u8(body, &t.status) < 0 ||
	    rd_get_u64(body, &t.flags) < 0 || rd_get_u32(body, &t.metric) < 0 ||
	    rd_get_u32(body, &t.mtu) < 0 || rd_get_u32(body, &t.mtu6) < 0 ||
	    rd_get_u32(body, &t.bandwidth) < 0 || rd_get_u32(body, &t.ll_type) < 0 ||
	    rd_get_u32(body, &t.hw_addr_len) < 0)
		return ZAPI_ERR_TRUNCATED;
	if (t.hw_addr_len > INTERFACE_HWADDR_MAX)
		return ZAPI_ERR_VALUE;
	if (rd_get_bytes(body, t.hw_addr, t.hw_addr_len) < 0 ||
	    rd_get_u8(body, &has_lp) < 0)
		return ZAPI_ERR_TRUNCATED;
	if (has_lp) {
		t.has_link_params = true;
		rc = get_link_params(body, &t.lp);
		if (rc < 0)
			return rc;
	}
	rc = zapi_end(body);
	if (rc < 0)
		return rc;
	*out = t;
	return ZAPI_OK;
}

/* ---- addresses ---------------------------------------------------------- */

int zapi_address_encode(struct writer *w, uint16_t cmd, uint16_t vrf_id,
			const struct zapi_address *a)
{
	size_t start;

	if (zapi_writer_ok(w) < 0)
		return ZAPI_ERR_NOSPACE;
	if (cmd != ZEBRA_INTERFACE_ADDRESS_ADD && cmd != ZEBRA_INTERFACE_ADDRESS_DELETE)
		return ZAPI_ERR_COMMAND;
	if (!zapi_prefix_ok(&a->prefix))
		return ZAPI_ERR_FAMILY;
	start = zapi_header_begin(w, cmd, vrf_id);
	wr_put_u32(w, a->ifindex);
	wr_put_u8(w, a->flags);
	wr_put_u8(w, a->prefix.family);
	wr_put_bytes(w, a->prefix.u.bytes, zapi_family_addrlen(a->prefix.family));
	wr_put_u8(w, a->prefix.prefixlen);
	zapi_put_addr(w, a->prefix.family, &a->dest);
	return zapi_header_finish(w, start);
}

int zapi_address_decode(struct reader *body, struct zapi_address *out)
{
	struct zapi_address t;
	uint8_t family, plen;
	int rc;

	memset(&t, 0, sizeof(t));
	if (rd_get_u32(body, &t.ifindex) < 0 || rd_get_u8(body, &t.flags) < 0)
		return ZAPI_ERR_TRUNCATED;
	rc = zapi_get_family8(body, &family);
	if (rc < 0)
		return rc;
	t.prefix.family = family;
	if (rd_get_bytes(body, t.prefix.u.bytes, zapi_family_addrlen(family)) < 0)
		return ZAPI_ERR_TRUNCATED;
	rc = zapi_get_prefixlen(body, family, &plen);
	if (rc < 0)
		return rc;
	t.prefix.prefixlen = plen;
	rc = zapi_get_addr(body, family, &t.dest);
	if (rc < 0)
		return rc;
	rc = zapi_end(body);
	if (rc < 0)
		return rc;
	*out = t;
	return ZAPI_OK;
}
