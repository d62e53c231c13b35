/* An XDP program calling a non-inlined .text subprogram twice. */
#include "bpf_defs.h"

__attribute__((noinline))
static int clamp(int v, int hi)
{
    if (v > hi)
        return hi;
    return v;
}

SEC("xdp")
int xdp_clamp(struct xdp_md *ctx)
{
    int a = clamp((int)ctx->rx_queue_index, 2);
    int b = clamp((int)ctx->ingress_ifindex, 1);
    return a + b > 2 ? XDP_PASS : XDP_DROP;
}

char _license[] SEC("license") = "GPL";
