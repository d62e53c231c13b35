/* Packet reshaping at the edges of what the kernel allows: a command in the first payload byte
 * after an experimental EtherType (0x88b5) picks bpf_xdp_adjust_head, _tail or _meta with the signed
 * amount in the second byte (times 4); the helper's result is recorded and the new packet written. */
#include "vm_defs.h"

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 4);
    __type(key, __u32);
    __type(value, __s64);
} results SEC(".maps");

static __always_inline void record(__u32 cmd, __s64 rc)
{
    __s64 *slot = bpf_map_lookup_elem(&results, &cmd);
    if (slot)
        *slot = rc;
}

SEC("xdp")
int xdp_adjust(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data;
    void *data_end = (void *)(long)ctx->data_end;
    struct ethhdr *eth = data;
    __u8 *arg = data + sizeof(*eth);

    if ((void *)(arg + 2) > data_end || eth->h_proto != bswap16(0x88b5))
        return XDP_PASS;
    __u32 cmd = arg[0] & 3;
    int amount = (__s8)arg[1] * 4;
    struct ethhdr copy = *eth;
    long rc;

    if (cmd == 0) {
        rc = bpf_xdp_adjust_head(ctx, amount);
        record(cmd, rc);
        data = (void *)(long)ctx->data;
        data_end = (void *)(long)ctx->data_end;
        eth = data;
        if ((void *)(eth + 1) > data_end)
            return XDP_ABORTED;
        *eth = copy;
        return XDP_TX;
    }
    if (cmd == 1) {
        rc = bpf_xdp_adjust_tail(ctx, amount);
        record(cmd, rc);
        data = (void *)(long)ctx->data;
        data_end = (void *)(long)ctx->data_end;
        __u32 len = (__u32)(data_end - data);
        if (len < 1 || len > 4000)
            return XDP_ABORTED;
        __u8 *last = (__u8 *)data + (len - 1);
        if ((void *)(last + 1) > data_end)
            return XDP_ABORTED;
        *last = 0xee;
        return XDP_TX;
    }
    rc = bpf_xdp_adjust_meta(ctx, amount);
    record(cmd, rc);
    data = (void *)(long)ctx->data;
    void *meta = (void *)(long)ctx->data_meta;
    __u32 *word = meta;
    if ((void *)(word + 1) > data)
        return XDP_PASS;
    *word = 0xabcd0000 | (__u32)(data - meta);
    data_end = (void *)(long)ctx->data_end;
    if (data + 15 > data_end)
        return XDP_ABORTED;
    ((__u8 *)data)[14] = (__u8)(data - meta);
    return XDP_TX;
}

char _license[] SEC("license") = "GPL";
