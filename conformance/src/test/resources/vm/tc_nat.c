/* tc destination NAT of IPv4/UDP with the checksum helpers: the new address and port come from a hash
 * map keyed by the old address; the IP checksum is fixed with bpf_l3_csum_replace, the UDP one with
 * bpf_l4_csum_replace (pseudo header, mangled zero); bpf_csum_diff of the old and new address, the
 * skb fields the program sees and the helpers' results are recorded in maps. */
#include "vm_defs.h"

struct nat_entry {
    __u32 addr;
    __u16 port;
    __u16 pad;
};

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 16);
    __type(key, __u32);
    __type(value, struct nat_entry);
} nat SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 32);
    __type(key, __u32);
    __type(value, __u64);
} seen SEC(".maps");

static __always_inline void put(__u32 i, __u64 v)
{
    __u64 *slot = bpf_map_lookup_elem(&seen, &i);
    if (slot)
        *slot = v;
}

#define IP_OFF 14
#define IP_CSUM (IP_OFF + 10)
#define IP_DST (IP_OFF + 16)
#define UDP_CSUM (IP_OFF + 20 + 6)
#define UDP_DPORT (IP_OFF + 20 + 2)

SEC("tc")
int tc_nat(struct __sk_buff *skb)
{
    put(0, skb->len);
    put(1, skb->pkt_type);
    put(2, skb->protocol);
    put(3, skb->ifindex);
    put(4, skb->ingress_ifindex);
    put(5, skb->queue_mapping);
    put(6, skb->vlan_present);
    put(7, skb->mark);
    put(8, skb->priority);
    put(9, skb->tc_index);
    put(10, skb->gso_segs);
    put(11, skb->wire_len);
    put(12, skb->tc_classid);
    put(13, skb->data_end - skb->data);
    put(14, skb->data - skb->data_meta);

    __u8 head[4];
    put(15, (__u64)bpf_skb_load_bytes(skb, skb->len - 2, head, 4));

    void *data = (void *)(long)skb->data;
    void *data_end = (void *)(long)skb->data_end;
    struct ethhdr *eth = data;
    struct iphdr *ip = data + sizeof(*eth);
    struct udphdr *udp = (void *)(ip + 1);
    if ((void *)(udp + 1) > data_end)
        return TC_ACT_OK;
    if (eth->h_proto != bswap16(0x0800) || ip->ihl_version != 0x45 || ip->protocol != 17)
        return TC_ACT_OK;
    __u32 old = ip->daddr;
    __u16 oldport = udp->dest;
    struct nat_entry *to = bpf_map_lookup_elem(&nat, &old);
    if (!to)
        return TC_ACT_SHOT;
    struct nat_entry n = *to;

    __u32 from_buf[1] = { old };
    __u32 to_buf[1] = { n.addr };
    put(16, (__u64)bpf_csum_diff(from_buf, 4, to_buf, 4, 0));
    put(17, (__u64)bpf_l4_csum_replace(skb, UDP_CSUM, old, n.addr, BPF_F_PSEUDO_HDR | BPF_F_MARK_MANGLED_0 | 4));
    put(18, (__u64)bpf_l3_csum_replace(skb, IP_CSUM, old, n.addr, 4));
    put(19, (__u64)bpf_skb_store_bytes(skb, IP_DST, &n.addr, 4, 0));
    put(20, (__u64)bpf_l4_csum_replace(skb, UDP_CSUM, oldport, n.port, BPF_F_MARK_MANGLED_0 | 2));
    put(21, (__u64)bpf_skb_store_bytes(skb, UDP_DPORT, &n.port, 2, 0));
    put(22, (__u64)bpf_l3_csum_replace(skb, 13, 0, 0, 4));
    put(23, (__u64)bpf_skb_store_bytes(skb, skb->len - 1, &n.addr, 4, 0));
    skb->mark = n.addr ^ 0x5a5a;
    skb->priority = n.port;
    skb->cb[2] = old;
    return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
