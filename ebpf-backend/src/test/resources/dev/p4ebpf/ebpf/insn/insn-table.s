# Every instruction shape of ISA v1-v4, assembled by llvm-mc -triple bpfel -mcpu=v4 for the
# encoding table test (InsnTableTest). Raw .byte lines cover forms the assembler does not accept.
	.text
	.globl table
table:
.Lback:
	r1 += r2
	r3 += 22
	w4 += w5
	w6 += -7
	r1 -= r2
	r3 -= 22
	w4 -= w5
	w6 -= -7
	r1 *= r2
	r3 *= 22
	w4 *= w5
	w6 *= -7
	r1 /= r2
	r3 /= 22
	w4 /= w5
	w6 /= -7
	r1 s/= r2
	r3 s/= 22
	w4 s/= w5
	w6 s/= -7
	r1 |= r2
	r3 |= 22
	w4 |= w5
	w6 |= -7
	r1 &= r2
	r3 &= 22
	w4 &= w5
	w6 &= -7
	r1 <<= r2
	r3 <<= 22
	w4 <<= w5
	w6 <<= -7
	r1 >>= r2
	r3 >>= 22
	w4 >>= w5
	w6 >>= -7
	r1 %= r2
	r3 %= 22
	w4 %= w5
	w6 %= -7
	r1 s%= r2
	r3 s%= 22
	w4 s%= w5
	w6 s%= -7
	r1 ^= r2
	r3 ^= 22
	w4 ^= w5
	w6 ^= -7
	r1 = r2
	r3 = 22
	w4 = w5
	w6 = -7
	r1 s>>= r2
	r3 s>>= 22
	w4 s>>= w5
	w6 s>>= -7
	r1 = -r1
	w2 = -w2
	r0 = 0x7fffffff
	r9 = -0x80000000
	r1 = (s8)r2
	r1 = (s16)r2
	r1 = (s32)r2
	w3 = (s8)w4
	w3 = (s16)w4
	r1 = be16 r1
	r2 = le16 r2
	r3 = bswap16 r3
	r1 = be32 r1
	r2 = le32 r2
	r3 = bswap32 r3
	r1 = be64 r1
	r2 = le64 r2
	r3 = bswap64 r3
	if r1 == r2 goto .Lend
	if r3 == -3 goto .Lend
	if w4 == w5 goto .Lback
	if w6 == 0x7fffffff goto .Lend
	if r1 > r2 goto .Lend
	if r3 > -3 goto .Lend
	if w4 > w5 goto .Lback
	if w6 > 0x7fffffff goto .Lend
	if r1 >= r2 goto .Lend
	if r3 >= -3 goto .Lend
	if w4 >= w5 goto .Lback
	if w6 >= 0x7fffffff goto .Lend
	if r1 & r2 goto .Lend
	if r3 & -3 goto .Lend
	if w4 & w5 goto .Lback
	if w6 & 0x7fffffff goto .Lend
	if r1 != r2 goto .Lend
	if r3 != -3 goto .Lend
	if w4 != w5 goto .Lback
	if w6 != 0x7fffffff goto .Lend
	if r1 s> r2 goto .Lend
	if r3 s> -3 goto .Lend
	if w4 s> w5 goto .Lback
	if w6 s> 0x7fffffff goto .Lend
	if r1 s>= r2 goto .Lend
	if r3 s>= -3 goto .Lend
	if w4 s>= w5 goto .Lback
	if w6 s>= 0x7fffffff goto .Lend
	if r1 < r2 goto .Lend
	if r3 < -3 goto .Lend
	if w4 < w5 goto .Lback
	if w6 < 0x7fffffff goto .Lend
	if r1 <= r2 goto .Lend
	if r3 <= -3 goto .Lend
	if w4 <= w5 goto .Lback
	if w6 <= 0x7fffffff goto .Lend
	if r1 s< r2 goto .Lend
	if r3 s< -3 goto .Lend
	if w4 s< w5 goto .Lback
	if w6 s< 0x7fffffff goto .Lend
	if r1 s<= r2 goto .Lend
	if r3 s<= -3 goto .Lend
	if w4 s<= w5 goto .Lback
	if w6 s<= 0x7fffffff goto .Lend
	goto .Lend
	goto .Lback
	gotol .Lend
	gotol .Lback
	call 1
	call 209
	r1 = 0 ll
	r2 = 0x123456789abcdef0 ll
	r3 = -1 ll
	r10 = 0x80000000 ll
	w1 = *(u8 *)(r2 + 4)
	*(u8 *)(r10 - 8) = w3
	*(u8 *)(r10 - 16) = 5
	w1 = *(u16 *)(r2 + 4)
	*(u16 *)(r10 - 8) = w3
	*(u16 *)(r10 - 16) = 5
	w1 = *(u32 *)(r2 + 4)
	*(u32 *)(r10 - 8) = w3
	*(u32 *)(r10 - 16) = 5
	r1 = *(u64 *)(r2 + 32767)
	*(u64 *)(r10 - 32768) = r3
	*(u64 *)(r10 - 8) = -1
	r4 = *(s8 *)(r5 - 2)
	r4 = *(s16 *)(r5 - 2)
	r4 = *(s32 *)(r5 - 2)
	lock *(u64 *)(r1 + 8) += r2
	lock *(u32 *)(r3 - 4) += w4
	lock *(u64 *)(r1 + 8) |= r2
	lock *(u32 *)(r3 - 4) |= w4
	lock *(u64 *)(r1 + 8) &= r2
	lock *(u32 *)(r3 - 4) &= w4
	lock *(u64 *)(r1 + 8) ^= r2
	lock *(u32 *)(r3 - 4) ^= w4
	r2 = atomic_fetch_add((u64 *)(r1 + 0), r2)
	w4 = atomic_fetch_add((u32 *)(r3 + 4), w4)
	r2 = atomic_fetch_or((u64 *)(r1 + 0), r2)
	w4 = atomic_fetch_or((u32 *)(r3 + 4), w4)
	r2 = atomic_fetch_and((u64 *)(r1 + 0), r2)
	w4 = atomic_fetch_and((u32 *)(r3 + 4), w4)
	r2 = atomic_fetch_xor((u64 *)(r1 + 0), r2)
	w4 = atomic_fetch_xor((u32 *)(r3 + 4), w4)
	r2 = xchg_64(r1 + 0, r2)
	w4 = xchg32_32(r3 + 8, w4)
	r0 = cmpxchg_64(r1 + 0, r0, r2)
	w0 = cmpxchg32_32(r3 - 8, w0, w4)
	r0 = *(u8 *)skb[12]
	r0 = *(u8 *)skb[r6]
	r0 = *(u16 *)skb[12]
	r0 = *(u16 *)skb[r6]
	r0 = *(u32 *)skb[12]
	r0 = *(u32 *)skb[r6]
# pseudo LD_IMM64: map fd 5, map value (fd 5, offset 7), btf id, func +1, map idx 2, map idx value
	.byte 0x18, 0x11, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
	.byte 0x18, 0x21, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0
	.byte 0x18, 0x31, 0, 0, 0x34, 0x12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
	.byte 0x18, 0x41, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
	.byte 0x18, 0x51, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
	.byte 0x18, 0x61, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 16, 0, 0, 0
# BPF-to-BPF call -3 (to the LD_IMM64 before), kfunc call of BTF id 0x10 in module fd index 3
	.byte 0x85, 0x10, 0, 0, 0xfd, 0xff, 0xff, 0xff
	.byte 0x85, 0x20, 3, 0, 0x10, 0, 0, 0
.Lend:
	exit
