/*
 * zebra's AgentX sub-agent: IP-FORWARD-MIB over the RIB (zebra_snmp.c).
 */
#ifndef ZEBRA_SNMP_H
#define ZEBRA_SNMP_H

#include "config.h"

struct zebra;

#ifdef HAVE_SNMP
/* Installs `agentx` and registers the MIB; call after cmd_init(), before
 * the config is read. */
void zebra_snmp_init(struct zebra *z);
void zebra_snmp_terminate(void);
#else
static inline void zebra_snmp_init(struct zebra *z)
{
	(void)z;
}
static inline void zebra_snmp_terminate(void)
{
}
#endif

#endif
