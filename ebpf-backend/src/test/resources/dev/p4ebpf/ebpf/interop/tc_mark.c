/* A tc classifier that drops packets with a given mark and counts the others in an array. */
#include "bpf_defs.h"

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 4);
    __type(key, __u32);
    __type(value, __u64);
} counters SEC(".maps");

SEC("tc")
int tc_mark(struct __sk_buff *skb)
{
    __u32 idx = skb->mark & 3;
    __u64 *c = bpf_map_lookup_elem(&counters, &idx);
    if (c)
        *c += skb->len;
    if (skb->mark == 0xdead)
        return TC_ACT_SHOT;
    return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
