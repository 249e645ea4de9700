/*
 * zebra's vty commands. zebra_vty_init() installs every node and command;
 * the handlers reach the daemon through zebra_ctx (DEFUN handlers get no
 * context pointer); configuration handlers parse and edit the northbound
 * tree (zebra_nb.h), show handlers read the modules' structures.
 */
#ifndef ZEBRA_ZEBRA_VTY_H
#define ZEBRA_ZEBRA_VTY_H

#include <stdbool.h>

struct zebra;
struct static_table;
struct router_id;
struct vty;
struct rnode;

void zebra_vty_init(struct zebra *z, struct static_table *st,
		    struct router_id *rid);
struct static_table *zebra_vty_statics(void);
void static_vty_init(void);
void show_route_vty_init(void);
void interface_vty_init(void);
void debug_vty_init(void);

/* show_route.c */
void show_route_entry_lines(struct vty *vty, struct rnode *rn, int type_filter);

#endif
