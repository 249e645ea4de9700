/*
 * Dropping root while keeping some capabilities (see privs.h).
 *
 * Order matters: KEEPCAPS must be on before setuid() so that the
 * permitted set survives; supplementary groups and the gid go before the
 * uid (afterwards we could not change them); then capset() trims the
 * permitted set to the wanted capabilities and raises them as effective,
 * which setuid() had cleared.
 */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <pwd.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "log.h"
#include "privs.h"

static int cap_get(struct __user_cap_data_struct data[2])
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
		.pid = 0,
	};

	return (int)syscall(SYS_capget, &hdr, data);
}

static int cap_set(const struct __user_cap_data_struct data[2])
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
		.pid = 0,
	};

	return (int)syscall(SYS_capset, &hdr, data);
}

bool privs_have_cap(int cap)
{
	struct __user_cap_data_struct data[2];

	if (cap < 0 || cap >= 64 || cap_get(data) < 0)
		return false;
	return data[cap / 32].effective & (1u << (cap % 32));
}

static int keep_only(const int *caps, int ncaps)
{
	struct __user_cap_data_struct data[2];
	int i;

	memset(data, 0, sizeof(data));
	for (i = 0; i < ncaps; i++) {
		if (caps[i] < 0 || caps[i] >= 64)
			continue;
		data[caps[i] / 32].permitted |= 1u << (caps[i] % 32);
		data[caps[i] / 32].effective |= 1u << (caps[i] % 32);
	}
	return cap_set(data);
}

int privs_drop(const char *user, const char *group, const int *caps, int ncaps)
{
	struct passwd *pw;
	struct group *gr;
	gid_t gid;

	if (geteuid() != 0 || !user || !*user || !strcmp(user, "root"))
		return 0;
	pw = getpwnam(user);
	if (!pw) {
		zlog_warn("user %s does not exist; staying root", user);
		return 1;
	}
	gid = pw->pw_gid;
	if (group && *group && strcmp(group, "root")) {
		gr = getgrnam(group);
		if (gr)
			gid = gr->gr_gid;
		else
			zlog_warn("group %s does not exist; using the primary group of %s",
				  group, user);
	}
	if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0)
		goto fail;
	if (initgroups(user, gid) < 0 && setgroups(1, &gid) < 0)
		goto fail;
	if (setgid(gid) < 0 || setuid(pw->pw_uid) < 0)
		goto fail;
	if (keep_only(caps, ncaps) < 0)
		goto fail;
	prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0);
	/* setuid cleared the dumpable flag; keep core dumps possible */
	prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
	zlog_info("running as user %s, uid %ld gid %ld, keeping %d capabilit%s",
		  user, (long)pw->pw_uid, (long)gid, ncaps, ncaps == 1 ? "y" : "ies");
	return 0;
fail:
	zlog_err("cannot drop privileges to %s: %s", user, strerror(errno));
	return -1;
}
