/* zebra's debug switches (`debug zebra ...`). */
#ifndef ZEBRA_DEBUG_H
#define ZEBRA_DEBUG_H

#define ZDEBUG_EVENTS 0x01
#define ZDEBUG_PACKET 0x02
#define ZDEBUG_KERNEL 0x04
#define ZDEBUG_RIB 0x08
#define ZDEBUG_NHT 0x10

extern unsigned zebra_debug;

#endif
