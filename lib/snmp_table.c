/*
 * MIB objects served through net-snmp: values, row indexes, tables,
 * scalars and notifications (the API is in agentx.h).
 *
 * A table is one net-snmp handler registered at its Entry OID. Requests
 * are answered straight from the module's own ordered data:
 *
 *   GET      seek(index), step while the row's index is smaller, answer if
 *            equal and the column has a value.
 *   GETNEXT  for the requested column and then each following one: seek,
 *            step to the first row whose index is greater (or equal, when
 *            net-snmp says the search is inclusive) and that has a value in
 *            the column. Nothing found: the varbind is left alone and
 *            net-snmp moves on to the next registered subtree.
 *
 * So a GETNEXT costs one seek and a few steps whatever the table's size,
 * and no state is kept between requests (rows may come and go between
 * two GETNEXTs of a walk). GETBULK reaches us as repeated GETNEXTs
 * through net-snmp's bulk_to_next helper. Every scan is bounded.
 */
#include "config.h"

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/agent/net-snmp-agent-includes.h>

#include <string.h>

#include "agentx.h"
#include "log.h"
#include "memory.h"

DEFINE_MTYPE_STATIC(AGENTX_REG, "AgentX registration");

/* Rows stepped over in one request before giving up (a module bug). */
#define SCAN_MAX (1UL << 22)

/* ---- values ---------------------------------------------------------------- */

void agentx_val_int(struct agentx_value *v, int32_t i)
{
	v->type = AGENTX_INTEGER;
	v->v.i = i;
}

void agentx_val_gauge(struct agentx_value *v, uint32_t u)
{
	v->type = AGENTX_GAUGE32;
	v->v.u = u;
}

void agentx_val_counter(struct agentx_value *v, uint32_t u)
{
	v->type = AGENTX_COUNTER32;
	v->v.u = u;
}

void agentx_val_counter64(struct agentx_value *v, uint64_t u)
{
	v->type = AGENTX_COUNTER64;
	v->v.u64 = u;
}

void agentx_val_ticks(struct agentx_value *v, uint32_t centisec)
{
	v->type = AGENTX_TIMETICKS;
	v->v.u = centisec;
}

void agentx_val_ipaddr(struct agentx_value *v, struct in_addr a)
{
	v->type = AGENTX_IPADDRESS;
	v->v.ip = a;
}

void agentx_val_octets(struct agentx_value *v, const void *buf, size_t len)
{
	if (len > AGENTX_VALUE_MAX)
		len = AGENTX_VALUE_MAX;
	v->type = AGENTX_OCTETS;
	if (len)
		memcpy(v->v.bytes, buf, len);
	v->len = len;
}

void agentx_val_oid(struct agentx_value *v, const agentx_oid *oid, size_t len)
{
	if (len > AGENTX_OID_MAX)
		len = AGENTX_OID_MAX;
	v->type = AGENTX_OID;
	if (len)
		memcpy(v->v.oid, oid, len * sizeof(*oid));
	v->len = len;
}

void agentx_val_zerodotzero(struct agentx_value *v)
{
	static const agentx_oid zdz[] = { 0, 0 };

	agentx_val_oid(v, zdz, 2);
}

/* A value in the form net-snmp's varbind setters take. */
struct ns_value {
	u_char type;
	union {
		long l;
		u_long ul;
		struct counter64 c64;
		in_addr_t ip;
		oid o[AGENTX_OID_MAX];
	} u;
	const void *ptr;
	size_t len;
};

static void ns_value_from(struct ns_value *n, const struct agentx_value *v)
{
	size_t i;

	n->ptr = &n->u;
	switch (v->type) {
	case AGENTX_INTEGER:
		n->type = ASN_INTEGER;
		n->u.l = v->v.i;
		n->len = sizeof(n->u.l);
		return;
	case AGENTX_OCTETS:
		n->type = ASN_OCTET_STR;
		n->ptr = v->v.bytes;
		n->len = v->len;
		return;
	case AGENTX_OID:
		n->type = ASN_OBJECT_ID;
		for (i = 0; i < v->len && i < AGENTX_OID_MAX; i++)
			n->u.o[i] = v->v.oid[i];
		n->len = i * sizeof(oid);
		return;
	case AGENTX_IPADDRESS:
		n->type = ASN_IPADDRESS;
		n->u.ip = v->v.ip.s_addr;
		n->len = sizeof(n->u.ip);
		return;
	case AGENTX_COUNTER64:
		n->type = ASN_COUNTER64;
		n->u.c64.high = (u_long)(v->v.u64 >> 32);
		n->u.c64.low = (u_long)(v->v.u64 & 0xffffffffUL);
		n->len = sizeof(n->u.c64);
		return;
	case AGENTX_COUNTER32:
		n->type = ASN_COUNTER;
		break;
	case AGENTX_GAUGE32:
		n->type = ASN_GAUGE;
		break;
	case AGENTX_TIMETICKS:
		n->type = ASN_TIMETICKS;
		break;
	default:
		n->type = ASN_NULL;
		n->ptr = NULL;
		n->len = 0;
		return;
	}
	n->u.ul = v->v.u;
	n->len = sizeof(n->u.ul);
}

/* ---- OIDs and indexes ------------------------------------------------------ */

int agentx_oid_cmp(const agentx_oid *a, size_t alen, const agentx_oid *b,
		   size_t blen)
{
	size_t i, n = alen < blen ? alen : blen;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	if (alen == blen)
		return 0;
	return alen < blen ? -1 : 1;
}

void agentx_index_reset(struct agentx_row *row)
{
	row->index_len = 0;
}

void agentx_index_u32(struct agentx_row *row, uint32_t x)
{
	if (row->index_len >= AGENTX_INDEX_MAX) {
		zlog_err("AgentX: row index longer than %d sub-ids", AGENTX_INDEX_MAX);
		return;
	}
	row->index[row->index_len++] = x;
}

void agentx_index_ipv4(struct agentx_row *row, struct in_addr a)
{
	const uint8_t *b = (const uint8_t *)&a.s_addr;
	int i;

	for (i = 0; i < 4; i++)
		agentx_index_u32(row, b[i]);
}

void agentx_index_octets(struct agentx_row *row, const void *buf, size_t len)
{
	const uint8_t *b = buf;
	size_t i;

	agentx_index_u32(row, (uint32_t)len);
	for (i = 0; i < len; i++)
		agentx_index_u32(row, b[i]);
}

void agentx_index_oid(struct agentx_row *row, const agentx_oid *o, size_t len)
{
	size_t i;

	agentx_index_u32(row, (uint32_t)len);
	for (i = 0; i < len; i++)
		agentx_index_u32(row, o[i]);
}

bool agentx_index_get_u32(const agentx_oid *idx, size_t len, size_t *pos,
			  uint32_t *x)
{
	if (*pos >= len) {
		*x = 0;
		return false;
	}
	*x = idx[(*pos)++];
	return true;
}

/*
 * Bytes: a sub-id above 255 makes this and every following byte 255, the
 * largest value not above the request.
 */
static bool index_get_bytes(const agentx_oid *idx, size_t len, size_t *pos,
			    uint8_t *buf, size_t n)
{
	bool exact = true, sat = false;
	size_t i;

	for (i = 0; i < n; i++) {
		uint32_t x;

		if (!agentx_index_get_u32(idx, len, pos, &x))
			exact = false;
		if (x > 255) {
			sat = true;
			exact = false;
		}
		buf[i] = sat ? 255 : (uint8_t)x;
	}
	return exact;
}

bool agentx_index_get_ipv4(const agentx_oid *idx, size_t len, size_t *pos,
			   struct in_addr *a)
{
	return index_get_bytes(idx, len, pos, (uint8_t *)&a->s_addr, 4);
}

bool agentx_index_get_octets(const agentx_oid *idx, size_t len, size_t *pos,
			     uint8_t *buf, size_t max, size_t *out_len)
{
	uint32_t n;
	bool exact = agentx_index_get_u32(idx, len, pos, &n);

	if (n > max) {
		n = (uint32_t)max;
		exact = false;
	}
	*out_len = n;
	return index_get_bytes(idx, len, pos, buf, n) && exact;
}

/* ---- net-snmp varbinds ----------------------------------------------------- */

/* A request's name as our OID type; false if longer than `max`. */
static bool var_name(const netsnmp_variable_list *vb, agentx_oid *out,
		     size_t max, size_t *len)
{
	size_t i;

	if (vb->name_length > max)
		return false;
	for (i = 0; i < vb->name_length; i++)
		out[i] = vb->name[i] > UINT32_MAX ? UINT32_MAX : (agentx_oid)vb->name[i];
	*len = vb->name_length;
	return true;
}

static void var_answer(netsnmp_variable_list *vb, const agentx_oid *name,
		       size_t len, const struct agentx_value *v)
{
	oid o[MAX_OID_LEN];
	struct ns_value n;
	size_t i;

	for (i = 0; i < len && i < MAX_OID_LEN; i++)
		o[i] = name[i];
	snmp_set_var_objid(vb, o, i);
	ns_value_from(&n, v);
	snmp_set_var_typed_value(vb, n.type, n.ptr, n.len);
}

static netsnmp_handler_registration *
reg_create(const char *name, Netsnmp_Node_Handler *fn, const agentx_oid *base,
	   size_t len, void *obj)
{
	oid o[MAX_OID_LEN];
	netsnmp_handler_registration *reg;
	size_t i;

	if (len == 0 || len > MAX_OID_LEN)
		return NULL;
	for (i = 0; i < len; i++)
		o[i] = base[i];
	reg = netsnmp_create_handler_registration(name, fn, o, len,
						  HANDLER_CAN_RONLY);
	if (reg)
		reg->my_reg_void = obj;
	return reg;
}

/* Registered objects, to find the net-snmp registration to remove. */
struct agentx_reg {
	const void *obj;
	netsnmp_handler_registration *reg;
	struct agentx_reg *next;
};
static struct agentx_reg *regs;

static int reg_add(const char *name, Netsnmp_Node_Handler *fn,
		   const agentx_oid *base, size_t len, void *obj)
{
	netsnmp_handler_registration *reg;
	struct agentx_reg *r;

	reg = reg_create(name, fn, base, len, obj);
	if (!reg || netsnmp_register_handler(reg) != MIB_REGISTERED_OK) {
		/* netsnmp_register_handler frees reg on failure */
		zlog_err("AgentX: cannot register %s", name);
		return -1;
	}
	r = XCALLOC(AGENTX_REG, sizeof(*r));
	r->obj = obj;
	r->reg = reg;
	r->next = regs;
	regs = r;
	return 0;
}

static void reg_del(const void *obj)
{
	struct agentx_reg **pp, *r;

	for (pp = &regs; *pp; pp = &(*pp)->next) {
		if ((*pp)->obj != obj)
			continue;
		r = *pp;
		*pp = r->next;
		netsnmp_unregister_handler(r->reg);
		XFREE(AGENTX_REG, r);
		return;
	}
}

/* ---- tables ---------------------------------------------------------------- */

static bool col_exists(const struct agentx_table *t, unsigned col)
{
	if (col < t->min_col || col > t->max_col)
		return false;
	return col >= 64 || !(t->skip_cols & (1ULL << col));
}

/*
 * First row whose index is greater than idx (or equal, if `inclusive`)
 * and that has a value in `col`. With `exact`, only a row equal to idx.
 */
static bool table_find(const struct agentx_table *t, const agentx_oid *idx,
		       size_t len, bool inclusive, bool exact, unsigned col,
		       struct agentx_row *row, struct agentx_value *v)
{
	unsigned long steps;
	int c;

	memset(row, 0, sizeof(*row));
	if (!t->seek(t->arg, idx, len, row))
		return false;
	for (steps = 0; steps < SCAN_MAX; steps++) {
		c = agentx_oid_cmp(row->index, row->index_len, idx, len);
		if (exact) {
			if (c > 0)
				return false;
			if (c == 0)
				return t->column(t->arg, row, col, v);
		} else if ((c > 0 || (c == 0 && inclusive)) &&
			   t->column(t->arg, row, col, v)) {
			return true;
		}
		if (!t->next(t->arg, row))
			return false;
	}
	zlog_err("AgentX: %s: gave up after %lu rows", t->name, steps);
	return false;
}

static void table_get(const struct agentx_table *t,
		      netsnmp_agent_request_info *reqinfo,
		      netsnmp_request_info *req)
{
	agentx_oid name[MAX_OID_LEN];
	struct agentx_row row;
	struct agentx_value v;
	size_t len, base = t->oid_len;
	unsigned col;

	if (!var_name(req->requestvb, name, MAX_OID_LEN, &len) || len <= base ||
	    agentx_oid_cmp(name, base, t->oid, base) != 0 ||
	    !col_exists(t, name[base])) {
		netsnmp_set_request_error(reqinfo, req, SNMP_NOSUCHOBJECT);
		return;
	}
	col = name[base];
	memset(&v, 0, sizeof(v));
	if (!table_find(t, name + base + 1, len - base - 1, true, true, col,
			&row, &v)) {
		netsnmp_set_request_error(reqinfo, req, SNMP_NOSUCHINSTANCE);
		return;
	}
	var_answer(req->requestvb, name, len, &v);
}

static void table_getnext(const struct agentx_table *t,
			  netsnmp_request_info *req)
{
	agentx_oid name[MAX_OID_LEN];
	const agentx_oid *idx;
	struct agentx_row row;
	struct agentx_value v;
	size_t len, idx_len = 0, base = t->oid_len;
	bool inclusive = req->inclusive;
	unsigned col = t->min_col;
	int c;

	if (!var_name(req->requestvb, name, MAX_OID_LEN, &len))
		return;
	idx = name;	/* empty: from the first row */
	c = agentx_oid_cmp(name, len < base ? len : base, t->oid, base);
	if (c > 0)
		return;
	if (c == 0 && len > base) {
		if (name[base] > t->max_col)
			return;
		if (name[base] >= t->min_col) {
			col = name[base];
			idx = name + base + 1;
			idx_len = len - base - 1;
		}
	}
	for (; col <= t->max_col; col++, idx_len = 0, inclusive = false) {
		if (!col_exists(t, col))
			continue;
		memset(&v, 0, sizeof(v));
		if (!table_find(t, idx, idx_len, inclusive, false, col, &row, &v))
			continue;
		memcpy(name, t->oid, base * sizeof(*name));
		name[base] = col;
		memcpy(name + base + 1, row.index,
		       row.index_len * sizeof(*name));
		var_answer(req->requestvb, name, base + 1 + row.index_len, &v);
		return;
	}
}

static int table_handler(netsnmp_mib_handler *handler,
			 netsnmp_handler_registration *reginfo,
			 netsnmp_agent_request_info *reqinfo,
			 netsnmp_request_info *requests)
{
	const struct agentx_table *t = reginfo->my_reg_void;
	netsnmp_request_info *req;

	for (req = requests; req; req = req->next) {
		if (req->processed)
			continue;
		if (reqinfo->mode == MODE_GET)
			table_get(t, reqinfo, req);
		else if (reqinfo->mode == MODE_GETNEXT)
			table_getnext(t, req);
	}
	return SNMP_ERR_NOERROR;
}

int agentx_table_register(struct agentx_table *t)
{
	if (!t->seek || !t->next || !t->column || t->min_col > t->max_col ||
	    t->oid_len + 1 + AGENTX_INDEX_MAX > MAX_OID_LEN) {
		zlog_err("AgentX: bad table definition %s", t->name);
		return -1;
	}
	return reg_add(t->name, table_handler, t->oid, t->oid_len, t);
}

void agentx_table_unregister(struct agentx_table *t)
{
	reg_del(t);
}

/* ---- scalars --------------------------------------------------------------- */

static void scalar_one(const struct agentx_scalar *s,
		       netsnmp_agent_request_info *reqinfo,
		       netsnmp_request_info *req)
{
	agentx_oid name[MAX_OID_LEN], inst[MAX_OID_LEN];
	struct agentx_value v;
	size_t len, n = s->oid_len;
	int c;

	memcpy(inst, s->oid, n * sizeof(*inst));
	inst[n] = 0;
	if (!var_name(req->requestvb, name, MAX_OID_LEN, &len))
		len = MAX_OID_LEN + 1;	/* longer than anything of ours */
	c = len <= MAX_OID_LEN ? agentx_oid_cmp(name, len, inst, n + 1) : 1;

	memset(&v, 0, sizeof(v));
	if (reqinfo->mode == MODE_GET) {
		if (c != 0)
			netsnmp_set_request_error(reqinfo, req,
						  len > n && agentx_oid_cmp(name, n, s->oid, n) == 0
							  ? SNMP_NOSUCHINSTANCE
							  : SNMP_NOSUCHOBJECT);
		else if (!s->get(s->arg, &v))
			netsnmp_set_request_error(reqinfo, req, SNMP_NOSUCHINSTANCE);
		else
			var_answer(req->requestvb, inst, n + 1, &v);
		return;
	}
	if (reqinfo->mode != MODE_GETNEXT)
		return;
	if ((c < 0 || (c == 0 && req->inclusive)) && s->get(s->arg, &v))
		var_answer(req->requestvb, inst, n + 1, &v);
}

static int scalar_handler(netsnmp_mib_handler *handler,
			  netsnmp_handler_registration *reginfo,
			  netsnmp_agent_request_info *reqinfo,
			  netsnmp_request_info *requests)
{
	const struct agentx_scalar *s = reginfo->my_reg_void;
	netsnmp_request_info *req;

	for (req = requests; req; req = req->next)
		if (!req->processed)
			scalar_one(s, reqinfo, req);
	return SNMP_ERR_NOERROR;
}

int agentx_scalar_register(struct agentx_scalar *s)
{
	if (!s->get || s->oid_len + 1 >= MAX_OID_LEN) {
		zlog_err("AgentX: bad scalar definition %s", s->name);
		return -1;
	}
	return reg_add(s->name, scalar_handler, s->oid, s->oid_len, s);
}

void agentx_scalar_unregister(struct agentx_scalar *s)
{
	reg_del(s);
}

uint32_t agentx_timestamp(int64_t ago_ms)
{
	int64_t now = (int64_t)netsnmp_get_agent_uptime();	/* centiseconds */
	int64_t then = now - (ago_ms > 0 ? ago_ms / 10 : 0);

	return then > 0 ? (uint32_t)then : 0;
}

/* ---- notifications --------------------------------------------------------- */

void agentx_varbind_set_oid(struct agentx_varbind *vb, const agentx_oid *obj,
			    size_t obj_len, const agentx_oid *inst,
			    size_t inst_len)
{
	size_t max = AGENTX_OID_LEN(vb->oid);

	if (obj_len > max)
		obj_len = max;
	if (inst_len > max - obj_len)
		inst_len = max - obj_len;
	memcpy(vb->oid, obj, obj_len * sizeof(*obj));
	if (inst_len)
		memcpy(vb->oid + obj_len, inst, inst_len * sizeof(*inst));
	vb->oid_len = obj_len + inst_len;
}

static bool varlist_add(netsnmp_variable_list **vars, const agentx_oid *name,
			size_t len, const struct agentx_value *v)
{
	oid o[MAX_OID_LEN];
	struct ns_value n;
	size_t i;

	if (len > MAX_OID_LEN)
		return false;
	for (i = 0; i < len; i++)
		o[i] = name[i];
	ns_value_from(&n, v);
	return snmp_varlist_add_variable(vars, o, len, n.type, n.ptr, n.len) != NULL;
}

int agentx_trap_send(const agentx_oid *trap_oid, size_t trap_len,
		     const struct agentx_varbind *vbs, size_t n)
{
	/* SNMPv2-MIB snmpTrapOID.0 */
	static const agentx_oid snmp_trap_oid[] = { 1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0 };
	netsnmp_variable_list *vars = NULL;
	struct agentx_value v;
	size_t i;
	bool ok;

	if (!agentx_connected())
		return -1;
	agentx_val_oid(&v, trap_oid, trap_len);
	ok = varlist_add(&vars, snmp_trap_oid, AGENTX_OID_LEN(snmp_trap_oid), &v);
	for (i = 0; ok && i < n; i++)
		ok = varlist_add(&vars, vbs[i].oid, vbs[i].oid_len, &vbs[i].val);
	if (ok)
		send_v2trap(vars);
	snmp_free_varbind(vars);
	return ok ? 0 : -1;
}
