/* tc: writes the packet length into the byte after the Ethernet header and passes frames of at
 * least 60 bytes; shorter ones are dropped. */
#include "defs.h"

SEC("tc")
int tc_len(struct __sk_buff *skb)
{
    __u8 *data = (__u8 *)(long) skb->data;
    __u8 *end = (__u8 *)(long) skb->data_end;
    if (data + 15 > end)
        return TC_ACT_SHOT;
    data[14] = (__u8) skb->len;
    return skb->len >= 60 ? TC_ACT_OK : TC_ACT_SHOT;
}

char _license[] SEC("license") = "GPL";
