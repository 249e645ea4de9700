/*
 * AgentX sub-agent glue: every daemon serves its MIBs through net-snmp's
 * snmpd as master agent (facts.md §e).
 *
 * Start-up: agentx_init() at daemon init (installs the `agentx` command and
 * prepares net-snmp in the sub-agent role); MIB modules then register their
 * tables and scalars at any time; the `agentx` command (or agentx_enable())
 * reads net-snmp's own configuration (`agentXSocket`, `agentxPingInterval`
 * in <name>.conf on SNMPCONFPATH) and connects. The event loop drives
 * net-snmp's sockets and alarms; nothing blocks. When snmpd goes away the
 * sub-agent retries every ping interval (1 s unless the conf says
 * otherwise) and registers everything again.
 *
 * Tables: the module describes a conceptual table by its Entry OID and
 * three callbacks over its own ordered data (e.g. a route table), so a
 * GETNEXT costs one seek plus a few steps, never a copy of the table:
 *
 *	seek(arg, idx, len, row)  position `row` on a row that is not after
 *	                          the first row whose index is greater than
 *	                          idx (len 0: the first row). It may land
 *	                          early (a lower bound); the glue steps on.
 *	next(arg, row)            advance `row` to the following row.
 *	column(arg, row, col, v)  the value of one column of the row; false
 *	                          if the row has no value in that column.
 *
 * Rows must be visited in ascending order of their index OIDs (the glue
 * compares the index each callback writes with agentx_index_*()).
 *
 * The API uses its own OID and value types so that MIB modules do not
 * include net-snmp headers.
 */
#ifndef TARPAN_AGENTX_H
#define TARPAN_AGENTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

struct event_loop;

typedef uint32_t agentx_oid;

#define AGENTX_INDEX_MAX 64	/* sub-identifiers in one row index */
#define AGENTX_VALUE_MAX 128	/* bytes of an OCTET STRING value */
#define AGENTX_OID_MAX 32	/* sub-identifiers of an OID value */

/* Number of sub-identifiers of a static OID array. */
#define AGENTX_OID_LEN(a) (sizeof(a) / sizeof((a)[0]))

/*
 * The name every daemon gives net-snmp, as Quagga did: its settings are
 * read from quagga.conf on SNMPCONFPATH (e.g. /etc/snmp/quagga.conf).
 */
#define AGENTX_APP_NAME "quagga"

/* ---- sub-agent ----------------------------------------------------------- */

/*
 * Installs `agentx` / `no agentx` (CONFIG_NODE) and the config writer
 * (SMUX_NODE), and initialises net-snmp as a sub-agent named `name` (which
 * also names its config file <name>.conf). Call once, after cmd_init().
 */
void agentx_init(struct event_loop *loop, const char *name);
/* What the `agentx` command does: read the conf and connect. Idempotent. */
void agentx_enable(void);
bool agentx_enabled(void);
/* True while a session to the master agent is open. */
bool agentx_connected(void);
/* At daemon exit: close the session and release net-snmp. */
void agentx_terminate(void);

/* ---- values ---------------------------------------------------------------- */

enum agentx_type {
	AGENTX_INTEGER = 1,	/* INTEGER, Integer32, enumerations */
	AGENTX_OCTETS,		/* OCTET STRING */
	AGENTX_OID,		/* OBJECT IDENTIFIER */
	AGENTX_IPADDRESS,
	AGENTX_COUNTER32,
	AGENTX_GAUGE32,		/* also Unsigned32 */
	AGENTX_TIMETICKS,
	AGENTX_COUNTER64,
};

struct agentx_value {
	enum agentx_type type;
	union {
		int32_t i;
		uint32_t u;
		uint64_t u64;
		struct in_addr ip;
		uint8_t bytes[AGENTX_VALUE_MAX];
		agentx_oid oid[AGENTX_OID_MAX];
	} v;
	size_t len;		/* bytes of OCTETS, sub-ids of OID */
};

void agentx_val_int(struct agentx_value *v, int32_t i);
void agentx_val_gauge(struct agentx_value *v, uint32_t u);
void agentx_val_counter(struct agentx_value *v, uint32_t u);
void agentx_val_counter64(struct agentx_value *v, uint64_t u);
void agentx_val_ticks(struct agentx_value *v, uint32_t centisec);
void agentx_val_ipaddr(struct agentx_value *v, struct in_addr a);
/* Longer strings are cut at AGENTX_VALUE_MAX bytes. */
void agentx_val_octets(struct agentx_value *v, const void *buf, size_t len);
/* Longer OIDs are cut at AGENTX_OID_MAX sub-ids. */
void agentx_val_oid(struct agentx_value *v, const agentx_oid *oid, size_t len);
/* zeroDotZero (0.0), the "no policy / no type" OID. */
void agentx_val_zerodotzero(struct agentx_value *v);

/* ---- rows and indexes ------------------------------------------------------ */

struct agentx_row {
	agentx_oid index[AGENTX_INDEX_MAX];
	size_t index_len;
	/* the module's cursor: whatever it needs to find the next row */
	const void *ptr;
	const void *ptr2;
	uintptr_t pos;
	uintptr_t sub;		/* e.g. which nexthop of a route */
	int aux;		/* e.g. the address family */
};

/* Index encoders: clear with agentx_index_reset(), then append in order. */
void agentx_index_reset(struct agentx_row *row);
void agentx_index_u32(struct agentx_row *row, uint32_t x);
void agentx_index_ipv4(struct agentx_row *row, struct in_addr a);
/* A length-prefixed OCTET STRING (an InetAddress: 4.a.b.c.d). */
void agentx_index_octets(struct agentx_row *row, const void *buf, size_t len);
/* A length-prefixed OBJECT IDENTIFIER. */
void agentx_index_oid(struct agentx_row *row, const agentx_oid *oid, size_t len);

/*
 * Index decoders for seek(): read from idx[*pos...] and advance *pos. They
 * give a lower bound: missing sub-ids read as 0, sub-ids too large for the
 * type read as its maximum. Return true when the read was exact.
 */
bool agentx_index_get_u32(const agentx_oid *idx, size_t len, size_t *pos,
			  uint32_t *x);
bool agentx_index_get_ipv4(const agentx_oid *idx, size_t len, size_t *pos,
			   struct in_addr *a);
/* Length-prefixed string of at most `max` bytes; *out_len gets its length. */
bool agentx_index_get_octets(const agentx_oid *idx, size_t len, size_t *pos,
			     uint8_t *buf, size_t max, size_t *out_len);

/* <0, 0, >0 like memcmp, in SNMP's lexicographic OID order. */
int agentx_oid_cmp(const agentx_oid *a, size_t alen, const agentx_oid *b,
		   size_t blen);

/* ---- tables and scalars ---------------------------------------------------- */

struct agentx_table {
	const char *name;		/* label for logs: "ipCidrRouteTable" */
	const agentx_oid *oid;		/* the Entry OID (…Table.1) */
	size_t oid_len;
	unsigned min_col, max_col;	/* accessible columns */
	uint64_t skip_cols;		/* bit c: column c does not exist */
	bool (*seek)(void *arg, const agentx_oid *idx, size_t len,
		     struct agentx_row *row);
	bool (*next)(void *arg, struct agentx_row *row);
	bool (*column)(void *arg, const struct agentx_row *row, unsigned col,
		       struct agentx_value *v);
	void *arg;
};

/*
 * Register with the local registry (and with the master when connected or
 * when it next connects). The table must stay valid until unregistered.
 * 0 on success, -1 (logged) on failure.
 */
int agentx_table_register(struct agentx_table *t);
void agentx_table_unregister(struct agentx_table *t);

/* One scalar object: OID without the trailing .0. */
struct agentx_scalar {
	const char *name;
	const agentx_oid *oid;
	size_t oid_len;
	bool (*get)(void *arg, struct agentx_value *v);
	void *arg;
};
int agentx_scalar_register(struct agentx_scalar *s);
void agentx_scalar_unregister(struct agentx_scalar *s);

/*
 * TimeStamp of an event `ago_ms` milliseconds in the past: the agent's
 * uptime then, in centiseconds (0 if before the agent started).
 */
uint32_t agentx_timestamp(int64_t ago_ms);

/* ---- notifications --------------------------------------------------------- */

struct agentx_varbind {
	agentx_oid oid[AGENTX_INDEX_MAX + 16];	/* object OID + instance */
	size_t oid_len;
	struct agentx_value val;
};

/* Builds vb->oid = object . instance (e.g. a table column and a row index). */
void agentx_varbind_set_oid(struct agentx_varbind *vb, const agentx_oid *obj,
			    size_t obj_len, const agentx_oid *inst,
			    size_t inst_len);

/*
 * Send an SNMPv2 notification (snmpTrapOID.0 = trap_oid, then the
 * varbinds) to the master agent, which forwards it to its trap sinks.
 * 0 if handed to the master, -1 if not enabled or not connected.
 */
int agentx_trap_send(const agentx_oid *trap_oid, size_t trap_len,
		     const struct agentx_varbind *vbs, size_t n);

#endif
