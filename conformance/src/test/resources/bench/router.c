// The IPv4 LPM router of examples/xdp-router/router.p4, written by hand in C the way an XDP
// programmer would: parse Ethernet and IPv4, look the destination up in an LPM trie, rewrite both
// MAC addresses, decrement the TTL with an incremental checksum update, XDP_TX; else XDP_PASS.
// Compiled by the benchmark with clang -O2 -g -target bpf, to compare with p4ebpf's output.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;

struct route_key {
    __u32 prefixlen;
    __u32 dst;
};

struct route {
    unsigned char src[6];
    unsigned char dst[6];
};

struct {
    __uint(type, BPF_MAP_TYPE_LPM_TRIE);
    __uint(max_entries, 1024);
    __uint(map_flags, BPF_F_NO_PREALLOC);
    __type(key, struct route_key);
    __type(value, struct route);
} routes SEC(".maps");

SEC("xdp")
int router(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data;
    void *end = (void *)(long)ctx->data_end;
    struct ethhdr *eth = data;
    if ((void *)(eth + 1) > end || eth->h_proto != __builtin_bswap16(ETH_P_IP))
        return XDP_PASS;
    struct iphdr *ip = (void *)(eth + 1);
    if ((void *)(ip + 1) > end || ip->ttl <= 1)
        return XDP_PASS;
    struct route_key key = { .prefixlen = 32, .dst = ip->daddr };
    struct route *r = bpf_map_lookup_elem(&routes, &key);
    if (!r)
        return XDP_PASS;
    __builtin_memcpy(eth->h_source, r->src, 6);
    __builtin_memcpy(eth->h_dest, r->dst, 6);
    // RFC 1624: HC' = ~(~HC + ~m + m'), the 16-bit word holding the TTL changing from m to m'
    __u16 old = *(__u16 *)&ip->ttl;
    ip->ttl--;
    __u32 sum = (__u16)~ip->check + (__u16)~old + *(__u16 *)&ip->ttl;
    sum = (sum & 0xffff) + (sum >> 16);
    sum = (sum & 0xffff) + (sum >> 16);
    ip->check = ~sum;
    return XDP_TX;
}

char _license[] SEC("license") = "GPL";
