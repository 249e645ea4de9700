/*
 * Dropping root: switch to an unprivileged user and group but keep a
 * listed set of capabilities (CAP_NET_ADMIN, CAP_NET_RAW, ...), as a
 * routing daemon needs raw sockets and netlink after giving up root.
 * Uses prctl(PR_SET_KEEPCAPS) and the capset system call directly, so no
 * libcap is needed.
 */
#ifndef TARPAN_PRIVS_H
#define TARPAN_PRIVS_H

#include <stdbool.h>

/*
 * Does nothing (returns 0) unless the process runs as root and `user` is
 * set and not "root". A user that does not exist is a warning: the daemon
 * stays root (returns 1). A group that does not exist is a warning too:
 * the user's primary group is used. Returns -1 if a set*id or capset call
 * failed (logged), 0 once the process runs as `user` with exactly `caps`
 * (permitted and effective).
 */
int privs_drop(const char *user, const char *group, const int *caps, int ncaps);

/* Whether capability `cap` is in the effective set of this process. */
bool privs_have_cap(int cap);

#endif
