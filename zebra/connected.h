/* Connected routes follow the interfaces' addresses and state. */
#ifndef ZEBRA_CONNECTED_H
#define ZEBRA_CONNECTED_H

struct zif_db;
struct rib;

void connected_init(struct zif_db *db, struct rib *rib);

#endif
