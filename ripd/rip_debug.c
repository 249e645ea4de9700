/*
 * `debug rip events|packet [send|recv]|zebra`, `show debugging rip`, and
 * the debug lines of the config (DEBUG_NODE), with Quagga's wording.
 */
#include <string.h>

#include "command.h"
#include "vty.h"
#include "ripd.h"

unsigned long rip_debug_events, rip_debug_packet, rip_debug_zebra;

static int config_write_debug(struct vty *vty);

static struct cmd_node debug_node = {
	.node = DEBUG_NODE,
	.prompt = "",
	.config_write = config_write_debug,
};

#define RIP_DBG_STR DEBUG_STR RIP_STR
#define NO_RIP_DBG_STR NO_STR DEBUG_STR RIP_STR

DEFUN(show_debugging_rip, show_debugging_rip_cmd, "show debugging rip",
      SHOW_STR DEBUG_STR RIP_STR)
{
	vty_out(vty, "RIP debugging status:\n");
	if (IS_RIP_DEBUG_EVENT)
		vty_out(vty, "  RIP event debugging is on\n");
	if (IS_RIP_DEBUG_PACKET) {
		if (IS_RIP_DEBUG_SEND && IS_RIP_DEBUG_RECV)
			vty_out(vty, "  RIP packet debugging is on\n");
		else if (IS_RIP_DEBUG_SEND)
			vty_out(vty, "  RIP packet send debugging is on\n");
		else
			vty_out(vty, "  RIP packet receive debugging is on\n");
	}
	if (IS_RIP_DEBUG_ZEBRA)
		vty_out(vty, "  RIP zebra debugging is on\n");
	return CMD_SUCCESS;
}

DEFUN(debug_rip_events, debug_rip_events_cmd, "debug rip events",
      RIP_DBG_STR "RIP events\n")
{
	rip_debug_events = 1;
	return CMD_SUCCESS;
}

DEFUN(debug_rip_packet, debug_rip_packet_cmd, "debug rip packet",
      RIP_DBG_STR "RIP packet\n")
{
	rip_debug_packet = RIP_DEBUG_SEND | RIP_DEBUG_RECV;
	return CMD_SUCCESS;
}

DEFUN(debug_rip_packet_direct, debug_rip_packet_direct_cmd,
      "debug rip packet (recv|send)",
      RIP_DBG_STR "RIP packet\n" "RIP receive packet\n" "RIP send packet\n")
{
	if (strncmp(argv[0], "send", strlen(argv[0])) == 0)
		rip_debug_packet |= RIP_DEBUG_SEND;
	else
		rip_debug_packet |= RIP_DEBUG_RECV;
	return CMD_SUCCESS;
}

DEFUN(debug_rip_zebra, debug_rip_zebra_cmd, "debug rip zebra",
      RIP_DBG_STR "RIP and ZEBRA communication\n")
{
	rip_debug_zebra = 1;
	return CMD_SUCCESS;
}

DEFUN(no_debug_rip_events, no_debug_rip_events_cmd, "no debug rip events",
      NO_RIP_DBG_STR "RIP events\n")
{
	rip_debug_events = 0;
	return CMD_SUCCESS;
}

DEFUN(no_debug_rip_packet, no_debug_rip_packet_cmd, "no debug rip packet",
      NO_RIP_DBG_STR "RIP packet\n")
{
	rip_debug_packet = 0;
	return CMD_SUCCESS;
}

DEFUN(no_debug_rip_packet_direct, no_debug_rip_packet_direct_cmd,
      "no debug rip packet (recv|send)",
      NO_RIP_DBG_STR "RIP packet\n" "RIP option set for receive packet\n"
      "RIP option set for send packet\n")
{
	if (strncmp(argv[0], "send", strlen(argv[0])) == 0)
		rip_debug_packet &= ~(unsigned long)RIP_DEBUG_SEND;
	else
		rip_debug_packet &= ~(unsigned long)RIP_DEBUG_RECV;
	return CMD_SUCCESS;
}

DEFUN(no_debug_rip_zebra, no_debug_rip_zebra_cmd, "no debug rip zebra",
      NO_RIP_DBG_STR "RIP and ZEBRA communication\n")
{
	rip_debug_zebra = 0;
	return CMD_SUCCESS;
}

static int config_write_debug(struct vty *vty)
{
	int n = 0;

	if (IS_RIP_DEBUG_EVENT) {
		vty_out(vty, "debug rip events\n");
		n++;
	}
	if (IS_RIP_DEBUG_PACKET) {
		if (IS_RIP_DEBUG_SEND && IS_RIP_DEBUG_RECV)
			vty_out(vty, "debug rip packet\n");
		else if (IS_RIP_DEBUG_SEND)
			vty_out(vty, "debug rip packet send\n");
		else
			vty_out(vty, "debug rip packet recv\n");
		n++;
	}
	if (IS_RIP_DEBUG_ZEBRA) {
		vty_out(vty, "debug rip zebra\n");
		n++;
	}
	return n;
}

static struct cmd_element *const debug_cmds[] = {
	&debug_rip_events_cmd, &debug_rip_packet_cmd, &debug_rip_packet_direct_cmd,
	&debug_rip_zebra_cmd, &no_debug_rip_events_cmd, &no_debug_rip_packet_cmd,
	&no_debug_rip_packet_direct_cmd, &no_debug_rip_zebra_cmd,
};

void rip_debug_init(void)
{
	install_node(&debug_node);
	install_element(ENABLE_NODE, &show_debugging_rip_cmd);
	for (size_t i = 0; i < sizeof(debug_cmds) / sizeof(debug_cmds[0]); i++) {
		install_element(ENABLE_NODE, debug_cmds[i]);
		install_element(CONFIG_NODE, debug_cmds[i]);
	}
}
