/* A small IPv4 router: LPM route lookup, TTL decrement with an incremental checksum update, MAC
 * rewrite, per-verdict counters, and redirect through a device map. */
#include "vm_defs.h"

struct route_key {
    __u32 prefixlen;
    __u32 addr;
};

struct next_hop {
    __u32 port;
    __u8 dmac[6];
    __u8 smac[6];
};

struct {
    __uint(type, BPF_MAP_TYPE_LPM_TRIE);
    __uint(max_entries, 64);
    __uint(map_flags, BPF_F_NO_PREALLOC);
    __type(key, struct route_key);
    __type(value, struct next_hop);
} routes SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 8);
    __type(key, __u32);
    __type(value, __u64);
} counters SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_DEVMAP);
    __uint(max_entries, 8);
    __type(key, __u32);
    __type(value, __u32);
} ports SEC(".maps");

static __always_inline void count(__u32 what, __u64 bytes)
{
    __u64 *c = bpf_map_lookup_elem(&counters, &what);
    if (c)
        __sync_fetch_and_add(c, bytes);
}

SEC("xdp")
int xdp_router(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data;
    void *data_end = (void *)(long)ctx->data_end;
    struct ethhdr *eth = data;
    struct iphdr *ip = data + sizeof(*eth);

    if ((void *)(ip + 1) > data_end) {
        count(0, 1);
        return XDP_DROP;
    }
    if (eth->h_proto != bswap16(0x0800) || ip->ihl_version != 0x45) {
        count(1, 1);
        return XDP_PASS;
    }
    if (ip->ttl <= 1) {
        count(2, 1);
        return XDP_PASS;
    }
    struct route_key key = { .prefixlen = 32, .addr = ip->daddr };
    struct next_hop *hop = bpf_map_lookup_elem(&routes, &key);
    if (!hop) {
        count(3, 1);
        return XDP_DROP;
    }
    /* ttl is the high byte of the 16-bit word at offset 8 of the header */
    __u32 sum = (__u32)(__u16)~ip->check + (__u32)(__u16)~bswap16(0x0100);
    ip->ttl--;
    sum = (sum & 0xffff) + (sum >> 16);
    sum = (sum & 0xffff) + (sum >> 16);
    ip->check = ~sum;
    __builtin_memcpy(eth->h_dest, hop->dmac, 6);
    __builtin_memcpy(eth->h_source, hop->smac, 6);
    count(4, (__u64)(data_end - data));
    return bpf_redirect_map(&ports, hop->port, XDP_DROP);
}

char _license[] SEC("license") = "GPL";
