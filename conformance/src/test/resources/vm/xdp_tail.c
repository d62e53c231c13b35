/* Tail calls through a program array (slot from the payload, a missing slot falls through),
 * bpf_redirect, and a per-CPU counter. */
#include "vm_defs.h"

struct {
    __uint(type, BPF_MAP_TYPE_PROG_ARRAY);
    __uint(max_entries, 4);
    __type(key, __u32);
    __type(value, __u32);
} jumps SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 4);
    __type(key, __u32);
    __type(value, __u64);
} hits SEC(".maps");

static __always_inline void hit(__u32 i)
{
    __u64 *c = bpf_map_lookup_elem(&hits, &i);
    if (c)
        *c += 1;
}

SEC("xdp")
int xdp_second(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data;
    void *data_end = (void *)(long)ctx->data_end;
    __u8 *p = data;
    hit(1);
    if ((void *)(p + 15) > data_end)
        return XDP_ABORTED;
    p[14] ^= 0xff;
    return bpf_redirect(p[14] & 0xf, 0);
}

SEC("xdp")
int xdp_third(struct xdp_md *ctx)
{
    hit(2);
    bpf_tail_call(ctx, &jumps, 1);
    return XDP_DROP;
}

SEC("xdp")
int xdp_entry(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data;
    void *data_end = (void *)(long)ctx->data_end;
    __u8 *p = data;
    hit(0);
    if ((void *)(p + 15) > data_end)
        return XDP_ABORTED;
    bpf_tail_call(ctx, &jumps, p[14] & 3);
    hit(3);
    return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
