package dev.p4ebpf.driver.netlink;

/**
 * A cls_bpf filter under a clsact hook as RTM_GETTFILTER reports it.
 *
 * @param parentMinor {@code TC_H_MIN_INGRESS} or {@code TC_H_MIN_EGRESS}
 * @param progId the id of the program the filter runs
 * @param name the filter's name ({@code TCA_BPF_NAME})
 */
public record TcFilter(int ifindex, int parentMinor, int priority, int handle, int progId, String name) {}
