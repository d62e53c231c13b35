0000000000000000 <LBB0>:
; ../examples/xdp-router/router.p4:88: xdp(RouterParser(), RouterPipe(), RouterDeparser()) main;
       0:	61 17 00 00 00 00 00 00	w7 = *(u32 *)(r1 + 0x0)
       1:	61 12 04 00 00 00 00 00	w2 = *(u32 *)(r1 + 0x4)
; ../examples/xdp-router/router.p4:42: packet.extract(hd.ethernet);
       2:	bf 76 00 00 00 00 00 00	r6 = r7
       3:	07 06 00 00 0e 00 00 00	r6 += 0xe
       4:	2d 26 44 00 00 00 00 00	if r6 > r2 goto +0x44 <LBB6>

0000000000000028 <LBB7>:
; ../examples/xdp-router/router.p4:43: transition select(hd.ethernet.etherType) {
       5:	69 71 0c 00 00 00 00 00	w1 = *(u16 *)(r7 + 0xc)
       6:	55 01 40 00 08 00 00 00	if r1 != 0x8 goto +0x40 <LBB26>

0000000000000038 <LBB4>:
; ../examples/xdp-router/router.p4:49: packet.extract(hd.ipv4);
       7:	bf 61 00 00 00 00 00 00	r1 = r6
       8:	07 01 00 00 14 00 00 00	r1 += 0x14
       9:	2d 21 3f 00 00 00 00 00	if r1 > r2 goto +0x3f <LBB6>

0000000000000050 <LBB11>:
; ../examples/xdp-router/router.p4:75: if (hd.ipv4.isValid() && hd.ipv4.ttl > 1) {
      10:	71 61 08 00 00 00 00 00	w1 = *(u8 *)(r6 + 0x8)
      11:	b5 01 3b 00 01 00 00 00	if r1 <= 0x1 goto +0x3b <LBB26>

0000000000000060 <LBB13>:
; ../examples/xdp-router/router.p4:76: routes.apply();
      12:	62 0a e0 ff 20 00 00 00	*(u32 *)(r10 - 0x20) = 0x20
      13:	61 61 10 00 00 00 00 00	w1 = *(u32 *)(r6 + 0x10)
      14:	63 1a e4 ff 00 00 00 00	*(u32 *)(r10 - 0x1c) = w1
      15:	18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00	r1 = 0x0 ll
		0000000000000078:  R_BPF_64_64	routes
      17:	bf a2 00 00 00 00 00 00	r2 = r10
      18:	07 02 00 00 e0 ff ff ff	r2 += -0x20
      19:	85 00 00 00 01 00 00 00	call 0x1
      20:	55 00 0c 00 00 00 00 00	if r0 != 0x0 goto +0xc <LBB19>

00000000000000a8 <LBB18>:
      21:	62 0a d8 ff 00 00 00 00	*(u32 *)(r10 - 0x28) = 0x0
      22:	18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00	r1 = 0x0 ll
		00000000000000b0:  R_BPF_64_64	routes_defa
      24:	bf a2 00 00 00 00 00 00	r2 = r10
      25:	07 02 00 00 d8 ff ff ff	r2 += -0x28
      26:	85 00 00 00 01 00 00 00	call 0x1
      27:	15 00 02 00 00 00 00 00	if r0 == 0x0 goto +0x2 <LBB21>

00000000000000e0 <LBB22>:
      28:	61 01 00 00 00 00 00 00	w1 = *(u32 *)(r0 + 0x0)
      29:	55 01 03 00 00 00 00 00	if r1 != 0x0 goto +0x3 <LBB19>

00000000000000f0 <LBB21>:
      30:	bf a0 00 00 00 00 00 00	r0 = r10
      31:	07 00 00 00 e8 ff ff ff	r0 += -0x18
      32:	62 0a e8 ff 02 00 00 00	*(u32 *)(r10 - 0x18) = 0x2

0000000000000108 <LBB19>:
      33:	61 01 00 00 00 00 00 00	w1 = *(u32 *)(r0 + 0x0)
      34:	55 01 24 00 01 00 00 00	if r1 != 0x1 goto +0x24 <LBB26>

0000000000000118 <LBB23>:
; ../examples/xdp-router/router.p4:56: hd.ethernet.src = srcMac;
      35:	69 01 04 00 00 00 00 00	w1 = *(u16 *)(r0 + 0x4)
      36:	6b 17 06 00 00 00 00 00	*(u16 *)(r7 + 0x6) = w1
      37:	69 01 06 00 00 00 00 00	w1 = *(u16 *)(r0 + 0x6)
      38:	6b 17 08 00 00 00 00 00	*(u16 *)(r7 + 0x8) = w1
      39:	69 01 08 00 00 00 00 00	w1 = *(u16 *)(r0 + 0x8)
      40:	6b 17 0a 00 00 00 00 00	*(u16 *)(r7 + 0xa) = w1
; ../examples/xdp-router/router.p4:57: hd.ethernet.dst = dstMac;
      41:	61 01 0c 00 00 00 00 00	w1 = *(u32 *)(r0 + 0xc)
      42:	63 17 00 00 00 00 00 00	*(u32 *)(r7 + 0x0) = w1
      43:	69 01 10 00 00 00 00 00	w1 = *(u16 *)(r0 + 0x10)
      44:	6b 17 04 00 00 00 00 00	*(u16 *)(r7 + 0x4) = w1
; ../examples/xdp-router/router.p4:58: bit<16> oldTtlProto = hd.ipv4.ttl ++ hd.ipv4.protocol;
      45:	69 61 08 00 00 00 00 00	w1 = *(u16 *)(r6 + 0x8)
      46:	dc 01 00 00 10 00 00 00	r1 = be16 r1
; ../examples/xdp-router/router.p4:59: hd.ipv4.ttl = hd.ipv4.ttl - 1;
      47:	71 62 08 00 00 00 00 00	w2 = *(u8 *)(r6 + 0x8)
      48:	17 02 00 00 01 00 00 00	r2 -= 0x1
      49:	73 26 08 00 00 00 00 00	*(u8 *)(r6 + 0x8) = w2
; ../examples/xdp-router/router.p4:60: hd.ipv4.hdrChecksum = csum_replace2(hd.ipv4.hdrChecksum, oldTtlProto, hd.ipv4.ttl ++ hd.ipv4.protocol);
      50:	69 62 08 00 00 00 00 00	w2 = *(u16 *)(r6 + 0x8)
      51:	dc 02 00 00 10 00 00 00	r2 = be16 r2
      52:	69 63 0a 00 00 00 00 00	w3 = *(u16 *)(r6 + 0xa)
      53:	dc 03 00 00 10 00 00 00	r3 = be16 r3
      54:	a7 03 00 00 ff ff 00 00	r3 ^= 0xffff
      55:	a7 01 00 00 ff ff 00 00	r1 ^= 0xffff
      56:	0f 13 00 00 00 00 00 00	r3 += r1
      57:	0f 23 00 00 00 00 00 00	r3 += r2
      58:	bf 31 00 00 00 00 00 00	r1 = r3
      59:	57 01 00 00 ff ff 00 00	r1 &= 0xffff
      60:	77 03 00 00 10 00 00 00	r3 >>= 0x10
      61:	0f 31 00 00 00 00 00 00	r1 += r3
      62:	bf 12 00 00 00 00 00 00	r2 = r1
      63:	57 02 00 00 ff ff 00 00	r2 &= 0xffff
      64:	77 01 00 00 10 00 00 00	r1 >>= 0x10
      65:	0f 12 00 00 00 00 00 00	r2 += r1
      66:	a7 02 00 00 ff ff 00 00	r2 ^= 0xffff
      67:	dc 02 00 00 10 00 00 00	r2 = be16 r2
      68:	6b 26 0a 00 00 00 00 00	*(u16 *)(r6 + 0xa) = w2
; ../examples/xdp-router/router.p4:88: xdp(RouterParser(), RouterPipe(), RouterDeparser()) main;
      69:	b7 00 00 00 03 00 00 00	r0 = 0x3
      70:	95 00 00 00 00 00 00 00	exit

0000000000000238 <LBB26>:
      71:	b7 00 00 00 02 00 00 00	r0 = 0x2
      72:	95 00 00 00 00 00 00 00	exit

0000000000000248 <LBB6>:
      73:	b7 00 00 00 01 00 00 00	r0 = 0x1
      74:	95 00 00 00 00 00 00 00	exit
