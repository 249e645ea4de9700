/*
 * ripd's AgentX sub-agent: RIPv2-MIB (rip_snmp.c).
 */
#ifndef RIP_SNMP_H
#define RIP_SNMP_H

#include "config.h"

struct event_loop;

#ifdef HAVE_SNMP
/* Installs `agentx` and registers the MIB; call after cmd_init(), before
 * the config is read. The objects read the instance from rip_get(). */
void rip_snmp_init(struct event_loop *loop);
void rip_snmp_terminate(void);
#else
static inline void rip_snmp_init(struct event_loop *loop)
{
	(void)loop;
}
static inline void rip_snmp_terminate(void)
{
}
#endif

#endif
