/*
 * vtysh's merge of the daemons' config blocks (vtysh/vtysh_config.c),
 * checked against Quagga 1.2.4's recorded `show running-config` in vtysh
 * (runs.md §6): the blocks of four daemons give exactly that text.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "vtysh.h"

static char *merged(const char *const *outputs, int n)
{
	struct vtysh_conf *cf = vtysh_conf_new();
	struct vbuf out = { 0 };
	char *s;

	for (int i = 0; i < n; i++)
		vtysh_conf_parse(cf, outputs[i]);
	vtysh_conf_dump(cf, &out);
	vtysh_conf_free(cf);
	s = strdup(out.p);
	vbuf_free(&out);
	return s;
}

Test(vtysh_config, quagga_reference_merge)
{
	static const char *const daemons[] = {
		/* zebra */
		"hostname qzebra\nlog file /v/zebra.log\n!\npassword zebra\n"
		"enable password zebra\n!\ninterface lo\n!\ninterface veth0\n!\n"
		"interface veth1\n description test link B\n ip address 10.0.1.1/24\n!\n"
		"ip route 192.168.100.0/24 10.0.0.2\nip route 192.168.200.0/24 Null0\n!\n"
		"route-map RM1 permit 10\n!\nline vty\n!\n",
		/* ripd */
		"hostname qripd\nlog file /v/ripd.log\n!\npassword zebra\n"
		"enable password zebra\n!\nkey chain KC1\n key 1\n!\ninterface lo\n!\n"
		"interface veth0\n!\ninterface veth1\n!\nrouter rip\n redistribute connected\n"
		" redistribute static\n network 10.0.0.0/24\n!\nline vty\n!\n",
		/* ospfd */
		"hostname qospfd\nlog file /v/ospfd.log\n!\ninterface veth0\n!\n"
		"router ospf\n ospf router-id 10.0.0.1\n network 10.0.0.0/24 area 0.0.0.0\n!\n"
		"line vty\n!\n",
		/* bgpd */
		"hostname qbgpd\nlog file /v/bgpd.log\n!\npassword zebra\n"
		"enable password zebra\n!\nrouter bgp 65001\n bgp router-id 10.0.0.1\n"
		" network 10.0.1.0/24\n neighbor 10.0.0.2 remote-as 65002\n!\n"
		" address-family ipv6\n exit-address-family\n exit\n!\nline vty\n!\n",
	};
	static const char expect[] =
		"hostname qzebra\nlog file /v/zebra.log\nhostname qripd\nlog file /v/ripd.log\n"
		"hostname qospfd\nlog file /v/ospfd.log\nhostname qbgpd\nlog file /v/bgpd.log\n"
		"!\npassword zebra\nenable password zebra\n!\nkey chain KC1\n key 1\n!\n"
		"interface lo\n!\ninterface veth0\n!\n"
		"interface veth1\n description test link B\n ip address 10.0.1.1/24\n!\n"
		"router rip\n redistribute connected\n redistribute static\n"
		" network 10.0.0.0/24\n!\n"
		"router bgp 65001\n bgp router-id 10.0.0.1\n network 10.0.1.0/24\n"
		" neighbor 10.0.0.2 remote-as 65002\n!\n"
		" address-family ipv6\n exit-address-family\n exit\n!\n"
		"router ospf\n ospf router-id 10.0.0.1\n network 10.0.0.0/24 area 0.0.0.0\n!\n"
		"ip route 192.168.100.0/24 10.0.0.2\nip route 192.168.200.0/24 Null0\n!\n"
		"route-map RM1 permit 10\n!\nline vty\n!\n";
	char *got = merged(daemons, 4);

	cr_assert_str_eq(got, expect);
	free(got);
}

Test(vtysh_config, interface_lines_merge_without_duplicates)
{
	static const char *const daemons[] = {
		"interface eth0\n description up\n ip address 10.0.0.1/24\n!\n",
		"interface eth0\n ip rip send version 2\n description up\n!\n"
		"interface eth1\n ip rip receive version 1\n!\n",
	};
	char *got = merged(daemons, 2);

	cr_assert_str_eq(got, "!\ninterface eth0\n description up\n ip address 10.0.0.1/24\n"
			      " ip rip send version 2\n!\ninterface eth1\n"
			      " ip rip receive version 1\n!\n");
	free(got);
}

Test(vtysh_config, empty_and_odd_input)
{
	static const char *const daemons[] = {
		"", "\n\n!\n", " stray indented line\n", "#comment\r\nhostname a\r\n",
		"hostname a\nlog stdout\nlog stdout\nagentx\n",
	};
	char *got = merged(daemons, 5);

	cr_assert_str_eq(got, " stray indented line\nhostname a\nlog stdout\nagentx\n!\n");
	free(got);
}
