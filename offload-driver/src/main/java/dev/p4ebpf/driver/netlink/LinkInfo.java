package dev.p4ebpf.driver.netlink;

/** A network interface as RTM_GETLINK reports it: index, name and its XDP programs. */
public record LinkInfo(int ifindex, String name, XdpState xdp) {}
