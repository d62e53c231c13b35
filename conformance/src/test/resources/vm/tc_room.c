/* Growing and shrinking an skb: the IPv4 TOS byte picks bpf_skb_adjust_room (at the network or MAC
 * layer), bpf_skb_change_tail or bpf_skb_change_head, the low byte of the IP id the amount; the
 * result is recorded and the new first bytes written. */
#include "vm_defs.h"

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 8);
    __type(key, __u32);
    __type(value, __s64);
} results SEC(".maps");

SEC("tc")
int tc_room(struct __sk_buff *skb)
{
    void *data = (void *)(long)skb->data;
    void *data_end = (void *)(long)skb->data_end;
    struct ethhdr *eth = data;
    struct iphdr *ip = data + sizeof(*eth);
    if ((void *)(ip + 1) > data_end || eth->h_proto != bswap16(0x0800))
        return TC_ACT_OK;
    __u32 cmd = ip->tos & 7;
    int amount = (__s8)(bswap16(ip->id) & 0xff);
    struct ethhdr copy = *eth;
    long rc;
    switch (cmd) {
    case 0: rc = bpf_skb_adjust_room(skb, amount, BPF_ADJ_ROOM_NET, 0); break;
    case 1: rc = bpf_skb_adjust_room(skb, amount, BPF_ADJ_ROOM_MAC, 0); break;
    case 2: rc = bpf_skb_change_tail(skb, skb->len + amount, 0); break;
    case 3: rc = bpf_skb_change_head(skb, amount & 0x7f, 0); break;
    case 4: rc = bpf_skb_adjust_room(skb, amount, 7, 0); break;
    default: rc = bpf_skb_change_tail(skb, skb->len + amount, 1); break;
    }
    __s64 *slot = bpf_map_lookup_elem(&results, &cmd);
    if (slot)
        *slot = rc;
    data = (void *)(long)skb->data;
    data_end = (void *)(long)skb->data_end;
    eth = data;
    if ((void *)(eth + 1) > data_end)
        return TC_ACT_SHOT;
    if (cmd == 3)
        *eth = copy;
    eth->h_dest[0] = (__u8)skb->len;
    return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
