/*
 * The IPv4 LPM router of the backend benchmark, written by hand the way an XDP engineer would:
 * parse Ethernet and IPv4 (drop what is too short, pass what is not IPv4), look the destination up
 * in an LPM trie, drop on a miss, rewrite both MACs from the next hop, decrement the TTL with the
 * incremental checksum update of RFC 1624 (as the kernel's samples do) and transmit.
 * Compiled with clang -O2 -target bpf -mcpu=v3; RouterLir builds the same program in LIR.
 */
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name

enum { XDP_DROP = 1, XDP_PASS = 2, XDP_TX = 3 };

struct xdp_md {
    __u32 data;
    __u32 data_end;
    __u32 data_meta;
    __u32 ingress_ifindex;
    __u32 rx_queue_index;
    __u32 egress_ifindex;
};

struct ethhdr {
    __u16 dst[3];
    __u16 src[3];
    __u16 proto;
};

struct iphdr {
    __u8 ver_ihl;
    __u8 tos;
    __u16 len;
    __u16 id;
    __u16 frag;
    __u8 ttl;
    __u8 proto;
    __u16 check;
    __u32 saddr;
    __u32 daddr;
};

struct lpm_key {
    __u32 prefixlen;
    __u32 addr;
};

struct nexthop {
    __u16 dmac[3];
    __u16 smac[3];
};

struct {
    __uint(type, 11);
    __uint(max_entries, 1024);
    __uint(map_flags, 1);
    __type(key, struct lpm_key);
    __type(value, struct nexthop);
} routes SEC(".maps");

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;

SEC("xdp")
int router(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data;
    void *data_end = (void *)(long)ctx->data_end;
    struct ethhdr *eth = data;
    struct iphdr *ip = (void *)(eth + 1);

    if ((void *)(eth + 1) > data_end)
        return XDP_DROP;
    if (eth->proto != __builtin_bswap16(0x0800))
        return XDP_PASS;
    if ((void *)(ip + 1) > data_end)
        return XDP_DROP;

    struct lpm_key key = { .prefixlen = 32, .addr = ip->daddr };
    struct nexthop *nh = bpf_map_lookup_elem(&routes, &key);
    if (!nh)
        return XDP_DROP;

    /* MACs copied as three 16-bit words each, like the kernel's XDP samples (and RouterLir) */
    eth->dst[0] = nh->dmac[0];
    eth->dst[1] = nh->dmac[1];
    eth->dst[2] = nh->dmac[2];
    eth->src[0] = nh->smac[0];
    eth->src[1] = nh->smac[1];
    eth->src[2] = nh->smac[2];
    __u32 check = ip->check;
    check += __builtin_bswap16(0x0100);
    ip->check = (__u16)(check + (check >= 0xFFFF));
    ip->ttl--;
    return XDP_TX;
}

char _license[] SEC("license") = "GPL";
