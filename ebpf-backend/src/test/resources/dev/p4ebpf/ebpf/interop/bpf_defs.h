/* Minimal, self-contained definitions for the interop test programs (no kernel or libbpf headers). */
#ifndef P4EBPF_TEST_BPF_DEFS_H
#define P4EBPF_TEST_BPF_DEFS_H

typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name

enum { BPF_MAP_TYPE_HASH = 1, BPF_MAP_TYPE_ARRAY = 2, BPF_MAP_TYPE_LPM_TRIE = 11 };
enum { BPF_F_NO_PREALLOC = 1 };
enum { XDP_ABORTED = 0, XDP_DROP = 1, XDP_PASS = 2 };
enum { TC_ACT_OK = 0, TC_ACT_SHOT = 2 };

struct xdp_md {
    __u32 data;
    __u32 data_end;
    __u32 data_meta;
    __u32 ingress_ifindex;
    __u32 rx_queue_index;
    __u32 egress_ifindex;
};

struct __sk_buff {
    __u32 len;
    __u32 pkt_type;
    __u32 mark;
};

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *) 2;

#endif
