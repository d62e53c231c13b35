/* XDP: counts IPv4 and other frames in an array map, remembers source MACs in a hash map (through a
 * .text subprogram), bounces IPv4 frames back with the MAC addresses swapped, drops the rest. */
#include "defs.h"

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 2);
    __type(key, __u32);
    __type(value, __u64);
} counts SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 64);
    __type(key, __u64);
    __type(value, __u32);
} seen SEC(".maps");

static __attribute__((noinline)) int remember(__u64 mac)
{
    __u32 one = 1;
    __u32 *n = bpf_map_lookup_elem(&seen, &mac);
    if (n) {
        __sync_fetch_and_add(n, 1);
        return 0;
    }
    bpf_map_update_elem(&seen, &mac, &one, 0);
    return 1;
}

SEC("xdp")
int xdp_count(struct xdp_md *ctx)
{
    __u8 *data = (__u8 *)(long) ctx->data;
    __u8 *end = (__u8 *)(long) ctx->data_end;
    if (data + 14 > end)
        return XDP_DROP;
    __u32 key = (data[12] == 0x08 && data[13] == 0x00) ? 0 : 1;
    __u64 *c = bpf_map_lookup_elem(&counts, &key);
    if (c)
        __sync_fetch_and_add(c, 1);
    __u64 mac = 0;
    for (int i = 0; i < 6; i++)
        mac = (mac << 8) | data[6 + i];
    remember(mac);
    if (key != 0)
        return XDP_DROP;
    for (int i = 0; i < 6; i++) {
        __u8 t = data[i];
        data[i] = data[6 + i];
        data[6 + i] = t;
    }
    return XDP_TX;
}

char _license[] SEC("license") = "GPL";
