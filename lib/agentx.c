/*
 * AgentX sub-agent: the session with snmpd and its place in the event loop.
 *
 * net-snmp keeps its sessions and alarms in process-wide state, so this
 * glue has one state record too (there is one net-snmp per process). After
 * every event that may have changed net-snmp's state we ask it what it waits
 * for (snmp_select_info2: the descriptors to read and the delay of the next
 * retransmission or alarm) and arm the loop to match: one read event per
 * descriptor, one timer. Pending read events are kept from one update to
 * the next, except after net-snmp opened or closed its session with the
 * master (it tells us through its INDEX_START/STOP callbacks): then the
 * old socket's number may already belong to the new one, so every read
 * event is armed afresh.
 *
 * Alarms run from the loop, not from SIGALRM (NETSNMP_DS_LIB_ALARM_DONT_USE_
 * SIG). The master's socket comes from net-snmp's configuration, as in
 * Quagga: `agentXSocket` in <name>.conf found on SNMPCONFPATH. The ping
 * interval (how soon a lost master is noticed and how often reconnection is
 * tried) defaults to 1 s; `agentxPingInterval` in the same file overrides
 * it. The session's synchronous requests (open, ping) wait at most one
 * timeout of 1 s without retries, which bounds the loop stall a frozen
 * (not dead) snmpd can cause.
 */
#include "config.h"

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/agent/net-snmp-agent-includes.h>
#include <net-snmp/library/large_fd_set.h>
#include <net-snmp/agent/agent_callbacks.h>

#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

#include "agentx.h"
#include "command.h"
#include "event.h"
#include "log.h"
#include "memory.h"
#include "vty.h"

DEFINE_MTYPE_STATIC(AGENTX, "AgentX state");

/* Descriptors net-snmp may wait on at once (session + callback pipe). */
#define AGENTX_MAX_FDS 16
/* Default seconds between pings / reconnection attempts. */
#define AGENTX_PING_DEFAULT 1

struct agentx_fd {
	int fd;
	struct event *t_read;
};

struct agentx_state {
	struct event_loop *loop;
	char *name;
	bool enabled;
	struct event *t_timer;
	struct agentx_fd fds[AGENTX_MAX_FDS];
	size_t nfds;
	/* bumped when net-snmp opens or closes the master session */
	unsigned generation, armed_generation;
};

static struct agentx_state *ax;

static void agentx_events_update(void);

/* ---- net-snmp logging into zlog ------------------------------------------ */

static struct log_ratelimit agentx_log_rl = LOG_RATELIMIT_INIT(60, 5);

static int agentx_log_cb(int major, int minor, void *serverarg,
			 void *clientarg)
{
	const struct snmp_log_message *m = serverarg;
	size_t len;

	if (!m || !m->msg)
		return 0;
	len = strlen(m->msg);
	while (len > 0 && (m->msg[len - 1] == '\n' || m->msg[len - 1] == '\r'))
		len--;
	/* net-snmp complains on every reconnect attempt (once a second while
	 * snmpd is away): warnings and worse are rate-limited */
	if (m->priority <= LOG_WARNING)
		zlog_rl(&agentx_log_rl, m->priority, "AgentX: %.*s", (int)len, m->msg);
	else
		zlog(m->priority, "AgentX: %.*s", (int)len, m->msg);
	return 0;
}

/* ---- the loop drives net-snmp --------------------------------------------- */

static void agentx_after_io(void)
{
	run_alarms();
	netsnmp_check_outstanding_agent_requests();
	agentx_events_update();
}

static void agentx_read(struct event *ev)
{
	int fd = event_fd(ev);
	netsnmp_large_fd_set set;

	netsnmp_large_fd_set_init(&set, fd + 1 > FD_SETSIZE ? fd + 1 : FD_SETSIZE);
	NETSNMP_LARGE_FD_SET(fd, &set);
	snmp_read2(&set);
	netsnmp_large_fd_set_cleanup(&set);
	agentx_after_io();
}

static void agentx_timer(struct event *ev)
{
	snmp_timeout();
	agentx_after_io();
}

static void agentx_fds_cancel(void)
{
	size_t i;

	for (i = 0; i < ax->nfds; i++)
		event_cancel(&ax->fds[i].t_read);
	ax->nfds = 0;
}

/* net-snmp opened or closed its session with the master. */
static int agentx_session_cb(int major, int minor, void *serverarg,
			     void *clientarg)
{
	if (ax)
		ax->generation++;
	return 0;
}

/* Make the read events match the descriptors in `set`. */
static void agentx_fds_arm(netsnmp_large_fd_set *set, int numfds)
{
	bool want[AGENTX_MAX_FDS] = { false };
	size_t i, n = 0;
	int fd;

	if (ax->armed_generation != ax->generation) {
		/* sockets may have been closed and their numbers reused */
		agentx_fds_cancel();
		ax->armed_generation = ax->generation;
	}
	for (fd = 0; fd < numfds; fd++) {
		if (!NETSNMP_LARGE_FD_ISSET(fd, set))
			continue;
		for (i = 0; i < ax->nfds && ax->fds[i].fd != fd; i++)
			;
		if (i == ax->nfds) {
			if (ax->nfds == AGENTX_MAX_FDS) {
				zlog_err("AgentX: more than %d descriptors to watch",
					 AGENTX_MAX_FDS);
				break;
			}
			ax->fds[ax->nfds].fd = fd;
			ax->fds[ax->nfds++].t_read = NULL;
		}
		want[i] = true;
		event_add_read(ax->loop, agentx_read, ax, fd, &ax->fds[i].t_read);
	}
	for (i = 0; i < ax->nfds; i++) {
		if (!want[i]) {
			event_cancel(&ax->fds[i].t_read);
			continue;
		}
		ax->fds[n++] = ax->fds[i];
		/* the event keeps the address of its handle: re-add on move */
		if (n - 1 != i) {
			event_cancel(&ax->fds[i].t_read);
			ax->fds[n - 1].t_read = NULL;
			event_add_read(ax->loop, agentx_read, ax,
				       ax->fds[n - 1].fd, &ax->fds[n - 1].t_read);
		}
	}
	ax->nfds = n;
}

static void agentx_events_update(void)
{
	netsnmp_large_fd_set set;
	struct timeval tv = { 0, 0 };
	int numfds = 0, block = 1;
	long ms;

	if (!ax || !ax->enabled)
		return;
	netsnmp_large_fd_set_init(&set, FD_SETSIZE);
	NETSNMP_LARGE_FD_ZERO(&set);
	snmp_select_info2(&numfds, &set, &tv, &block);
	agentx_fds_arm(&set, numfds);
	netsnmp_large_fd_set_cleanup(&set);

	event_cancel(&ax->t_timer);
	if (!block) {
		ms = tv.tv_sec * 1000L + (tv.tv_usec + 999) / 1000;
		event_add_timer_msec(ax->loop, agentx_timer, ax, ms, &ax->t_timer);
	}
}

/* ---- enabling -------------------------------------------------------------- */

bool agentx_enabled(void)
{
	return ax && ax->enabled;
}

bool agentx_connected(void)
{
	/* main_session: net-snmp's handle of the session with the master */
	extern netsnmp_session *main_session;

	return agentx_enabled() && main_session != NULL;
}

void agentx_enable(void)
{
	if (!ax || ax->enabled)
		return;
	ax->enabled = true;
	/* Reads <name>.conf (agentXSocket, agentxPingInterval) and connects;
	 * when the master is not there yet, net-snmp retries from an alarm. */
	init_snmp(ax->name);
	agentx_events_update();
}

void agentx_terminate(void)
{
	if (!ax)
		return;
	agentx_fds_cancel();
	event_cancel(&ax->t_timer);
	if (ax->enabled)
		snmp_shutdown(ax->name);
	else
		shutdown_agent();
	XFREE(AGENTX, ax->name);
	XFREE(AGENTX, ax);
}

/* ---- commands -------------------------------------------------------------- */

#define AGENTX_STR "SNMP AgentX protocol settings\n" "SNMP AgentX settings\n"

DEFUN(agentx_enable_fn, agentx_enable_cmd, "agentx", AGENTX_STR)
{
	agentx_enable();
	return CMD_SUCCESS;
}

DEFUN(no_agentx_fn, no_agentx_cmd, "no agentx", NO_STR AGENTX_STR)
{
	if (!agentx_enabled())
		return CMD_SUCCESS;
	vty_out(vty, "SNMP AgentX support cannot be disabled once enabled\n");
	return CMD_WARNING;
}

static int agentx_config_write(struct vty *vty)
{
	if (!agentx_enabled())
		return 0;
	vty_out(vty, "agentx\n");
	return 1;
}

static struct cmd_node agentx_node = {
	.node = SMUX_NODE,
	.prompt = "",
	.config_write = agentx_config_write,
};

/* ---- start-up -------------------------------------------------------------- */

static void agentx_netsnmp_setup(const char *name)
{
	netsnmp_ds_set_boolean(NETSNMP_DS_APPLICATION_ID, NETSNMP_DS_AGENT_ROLE, 1);
	netsnmp_ds_set_boolean(NETSNMP_DS_APPLICATION_ID,
			       NETSNMP_DS_AGENT_NO_ROOT_ACCESS, 1);
	netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID,
			       NETSNMP_DS_LIB_ALARM_DONT_USE_SIG, 1);
	/* a stateless sub-agent: nothing to load from or save to /var/lib/snmp */
	netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID,
			       NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, 1);
	netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID,
			       NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE, 1);
	/* synchronous open/ping wait one second, no retries */
	netsnmp_ds_set_int(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_TIMEOUT, 1);
	netsnmp_ds_set_int(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_RETRIES, 0);

	/* A sub-agent names OIDs numerically and needs no MIB files; without
	 * this, net-snmp parses its default MIB list at start-up and logs
	 * every module Debian does not ship. MIBS in the environment wins. */
	setenv("MIBS", "", 0);
	snmp_enable_calllog();
	snmp_register_callback(SNMP_CALLBACK_LIBRARY, SNMP_CALLBACK_LOGGING,
			       agentx_log_cb, NULL);
	snmp_register_callback(SNMP_CALLBACK_APPLICATION,
			       SNMPD_CALLBACK_INDEX_START, agentx_session_cb, NULL);
	snmp_register_callback(SNMP_CALLBACK_APPLICATION,
			       SNMPD_CALLBACK_INDEX_STOP, agentx_session_cb, NULL);
	init_agent(name);
	/* after init_agent(), which sets net-snmp's default of 15 s; the
	 * conf file read by init_snmp() may still override it */
	netsnmp_ds_set_int(NETSNMP_DS_APPLICATION_ID,
			   NETSNMP_DS_AGENT_AGENTX_PING_INTERVAL, AGENTX_PING_DEFAULT);
}

void agentx_init(struct event_loop *loop, const char *name)
{
	if (ax)
		return;
	ax = XCALLOC(AGENTX, sizeof(*ax));
	ax->loop = loop;
	ax->name = XSTRDUP(AGENTX, name);

	agentx_netsnmp_setup(name);

	install_node(&agentx_node);
	install_element(CONFIG_NODE, &agentx_enable_cmd);
	install_element(CONFIG_NODE, &no_agentx_cmd);
}
