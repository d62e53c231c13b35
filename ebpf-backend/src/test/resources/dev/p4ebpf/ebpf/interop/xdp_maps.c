/* XDP program with a BTF-defined hash map keyed by a named struct and an LPM trie. */
#include "bpf_defs.h"

struct flow_key {
    __u32 src;
    __u32 dst;
    __u16 port;
    __u16 proto;
};

struct flow_stats {
    __u64 packets;
    __u64 bytes;
};

struct lpm_key {
    __u32 prefixlen;
    __u32 addr;
};

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 1024);
    __type(key, struct flow_key);
    __type(value, struct flow_stats);
} flows SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_LPM_TRIE);
    __uint(max_entries, 256);
    __uint(map_flags, BPF_F_NO_PREALLOC);
    __type(key, struct lpm_key);
    __type(value, __u32);
} routes SEC(".maps");

SEC("xdp")
int xdp_filter(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data;
    void *data_end = (void *)(long)ctx->data_end;
    struct flow_key key = {};
    struct lpm_key lk = { .prefixlen = 32 };

    if (data + 34 > data_end)
        return XDP_PASS;
    key.src = *(__u32 *)(data + 26);
    key.dst = *(__u32 *)(data + 30);
    lk.addr = key.dst;
    struct flow_stats *st = bpf_map_lookup_elem(&flows, &key);
    if (st) {
        __sync_fetch_and_add(&st->packets, 1);
        __sync_fetch_and_add(&st->bytes, (long)(data_end - data));
    }
    __u32 *verdict = bpf_map_lookup_elem(&routes, &lk);
    if (verdict && *verdict == 1)
        return XDP_DROP;
    return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
