/* BPF-to-BPF calls (with a pointer into the caller's stack), bounded loops over the payload, hash
 * map updates with every flag and deletes, atomics of both widths, and signed arithmetic. */
#include "vm_defs.h"

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 4);
    __type(key, __u32);
    __type(value, __u64);
} flows SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 16);
    __type(key, __u32);
    __type(value, __s64);
} out SEC(".maps");

static __always_inline void put(__u32 i, __s64 v)
{
    __s64 *slot = bpf_map_lookup_elem(&out, &i);
    if (slot)
        *slot = v;
}

NOINLINE static __u32 checksum(__u8 *p, void *end, __u32 *count)
{
    __u32 sum = 0;
#pragma clang loop unroll(disable)
    for (int i = 0; i < 128; i++) {
        if ((void *)(p + i + 1) > end)
            break;
        sum = (sum << 3 | sum >> 29) ^ p[i];
        *count += 1;
    }
    return sum;
}

#if __BPF_CPU_VERSION__ >= 4
#define SIGNED(t) t
#else
#define SIGNED(t) __u64 /* signed division needs ISA v4 */
#endif

NOINLINE static __s64 mix(__s64 a, __s64 b, __s32 c)
{
    __s64 q = b != 0 ? (SIGNED(__s64))a / (SIGNED(__s64))b : -1;
    __s64 r = b != 0 ? (SIGNED(__s64))a % (SIGNED(__s64))b : -1;
    __s32 q32 = c != 0 ? (SIGNED(__s32))(__s32)a / (SIGNED(__s32))c : -1;
    __s32 r32 = c != 0 ? (SIGNED(__s32))(__s32)a % (SIGNED(__s32))c : -1;
    return q * 1000003 + r * 1009 + q32 * 31 + r32 + ((__s64)(__s8)a >> 2) + (__s64)(__s16)b;
}

NOINLINE static long flows_update(__u32 key, __u64 value, __u64 flags)
{
    return bpf_map_update_elem(&flows, &key, &value, flags);
}

SEC("xdp")
int xdp_calls(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data;
    void *data_end = (void *)(long)ctx->data_end;
    __u8 *p = data;
    if ((void *)(p + 16) > data_end)
        return XDP_DROP;

    __u32 count = 0;
    __u32 sum = checksum(p + 14, data_end, &count);
    put(0, sum);
    put(1, count);
    put(2, mix(*(__s32 *)(p + 6) ^ (__s64)sum << 20, (__s16)(p[12] << 8 | p[13]) - 0x800, (__s8)p[15]));

    __u32 key = p[14] & 3;
    put(3, flows_update(key, sum, BPF_NOEXIST));
    put(4, flows_update(key ^ 1, sum, BPF_EXIST));
    put(5, flows_update(key + 4, count, BPF_ANY));
    put(6, flows_update(key, count, 9));
    if (p[15] & 1) {
        __u32 k = key;
        put(7, bpf_map_delete_elem(&flows, &k));
    }

    __u64 *v = bpf_map_lookup_elem(&flows, &key);
    if (v) {
        __u64 old = __sync_fetch_and_add(v, 5);
        __u64 swapped = __sync_val_compare_and_swap(v, old + 5, old * 3);
        __u64 missed = __sync_val_compare_and_swap(v, 12345, 1);
        __u64 before = __sync_lock_test_and_set(v, swapped ^ 0xffff);
        __sync_fetch_and_or(v, 0x100);
        __sync_fetch_and_xor(v, 0x3);
        __sync_fetch_and_and(v, ~0x10ULL);
        put(8, old + swapped * 3 + missed * 5 + before * 7);
        __u32 *half = (__u32 *)v;
        __u32 h = __sync_fetch_and_add(half, 0x80000001u);
        __u32 c32 = __sync_val_compare_and_swap(half + 1, 0, 7);
        put(9, (__s64)h * 11 + c32);
    }
    return (count & 1) ? XDP_PASS : XDP_TX;
}

char _license[] SEC("license") = "GPL";
