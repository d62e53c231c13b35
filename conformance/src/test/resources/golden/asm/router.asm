0000000000000000 <LBB0>:
; ../examples/xdp-router/router.p4:88: xdp(RouterParser(), RouterPipe(), RouterDeparser()) main;
       0:	61 13 00 00 00 00 00 00	w3 = *(u32 *)(r1 + 0x0)
       1:	61 14 04 00 00 00 00 00	w4 = *(u32 *)(r1 + 0x4)
       2:	b7 05 00 00 00 00 00 00	r5 = 0x0
       3:	b7 02 00 00 00 00 00 00	r2 = 0x0
       4:	7a 0a e8 ff 00 00 00 00	*(u64 *)(r10 - 0x18) = 0x0
       5:	7a 0a f0 ff 00 00 00 00	*(u64 *)(r10 - 0x10) = 0x0
       6:	7a 0a f8 ff 00 00 00 00	*(u64 *)(r10 - 0x8) = 0x0
       7:	bf a8 00 00 00 00 00 00	r8 = r10
       8:	07 08 00 00 e8 ff ff ff	r8 += -0x18
       9:	bf 89 00 00 00 00 00 00	r9 = r8
      10:	b7 05 00 00 00 00 00 00	r5 = 0x0

0000000000000058 <LBB3>:
; ../examples/xdp-router/router.p4:42: packet.extract(hd.ethernet);
      11:	bf 39 00 00 00 00 00 00	r9 = r3
      12:	07 03 00 00 0e 00 00 00	r3 += 0xe
      13:	2d 43 61 00 00 00 00 00	if r3 > r4 goto +0x61 <LBB6>

0000000000000070 <LBB7>:
      14:	b7 05 00 00 01 00 00 00	r5 = 0x1
      15:	b7 05 00 00 00 00 00 00	r5 = 0x0
; ../examples/xdp-router/router.p4:43: transition select(hd.ethernet.etherType) {
      16:	69 95 0c 00 00 00 00 00	w5 = *(u16 *)(r9 + 0xc)
      17:	dc 05 00 00 10 00 00 00	r5 = be16 r5
      18:	15 05 01 00 00 08 00 00	if r5 == 0x800 goto +0x1 <LBB4>

0000000000000098 <LBB8>:
      19:	05 00 05 00 00 00 00 00	goto +0x5 <LBB1>

00000000000000a0 <LBB4>:
; ../examples/xdp-router/router.p4:49: packet.extract(hd.ipv4);
      20:	bf 38 00 00 00 00 00 00	r8 = r3
      21:	07 03 00 00 14 00 00 00	r3 += 0x14
      22:	2d 43 56 00 00 00 00 00	if r3 > r4 goto +0x56 <LBB10>

00000000000000b8 <LBB11>:
      23:	b7 02 00 00 01 00 00 00	r2 = 0x1
      24:	b7 03 00 00 00 00 00 00	r3 = 0x0

00000000000000c8 <LBB1>:
; ../examples/xdp-router/router.p4:88: xdp(RouterParser(), RouterPipe(), RouterDeparser()) main;
      25:	b7 07 00 00 00 00 00 00	r7 = 0x0
      26:	b7 06 00 00 00 00 00 00	r6 = 0x0
      27:	61 11 0c 00 00 00 00 00	w1 = *(u32 *)(r1 + 0xc)
; ../examples/xdp-router/router.p4:73: xout.output_port = 0;
      28:	b7 06 00 00 00 00 00 00	r6 = 0x0
; ../examples/xdp-router/router.p4:74: xout.output_action = xdp_action.XDP_PASS;
      29:	b7 07 00 00 02 00 00 00	r7 = 0x2
; ../examples/xdp-router/router.p4:75: if (hd.ipv4.isValid() && hd.ipv4.ttl > 1) {
      30:	15 02 47 00 00 00 00 00	if r2 == 0x0 goto +0x47 <LBB12>

00000000000000f8 <LBB16>:
      31:	71 81 08 00 00 00 00 00	w1 = *(u8 *)(r8 + 0x8)
      32:	b5 01 45 00 01 00 00 00	if r1 <= 0x1 goto +0x45 <LBB12>

0000000000000108 <LBB13>:
; ../examples/xdp-router/router.p4:76: routes.apply();
      33:	7a 0a d0 ff 00 00 00 00	*(u64 *)(r10 - 0x30) = 0x0
      34:	62 0a d0 ff 20 00 00 00	*(u32 *)(r10 - 0x30) = 0x20
      35:	bf a2 00 00 00 00 00 00	r2 = r10
      36:	07 02 00 00 d0 ff ff ff	r2 += -0x30
      37:	61 81 10 00 00 00 00 00	w1 = *(u32 *)(r8 + 0x10)
      38:	63 12 04 00 00 00 00 00	*(u32 *)(r2 + 0x4) = w1
      39:	18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00	r1 = 0x0 ll
		0000000000000138:  R_BPF_64_64	routes
      41:	bf a2 00 00 00 00 00 00	r2 = r10
      42:	07 02 00 00 d0 ff ff ff	r2 += -0x30
      43:	85 00 00 00 01 00 00 00	call 0x1
      44:	15 00 02 00 00 00 00 00	if r0 == 0x0 goto +0x2 <LBB18>

0000000000000168 <LBB20>:
      45:	b7 01 00 00 01 00 00 00	r1 = 0x1
      46:	05 00 0d 00 00 00 00 00	goto +0xd <LBB19>

0000000000000178 <LBB18>:
      47:	b7 01 00 00 00 00 00 00	r1 = 0x0
      48:	62 0a c8 ff 00 00 00 00	*(u32 *)(r10 - 0x38) = 0x0
      49:	18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00	r1 = 0x0 ll
		0000000000000188:  R_BPF_64_64	routes_defa
      51:	bf a2 00 00 00 00 00 00	r2 = r10
      52:	07 02 00 00 c8 ff ff ff	r2 += -0x38
      53:	85 00 00 00 01 00 00 00	call 0x1
      54:	15 00 02 00 00 00 00 00	if r0 == 0x0 goto +0x2 <LBB21>

00000000000001b8 <LBB22>:
      55:	61 01 00 00 00 00 00 00	w1 = *(u32 *)(r0 + 0x0)
      56:	55 01 03 00 00 00 00 00	if r1 != 0x0 goto +0x3 <LBB19>

00000000000001c8 <LBB21>:
      57:	bf a0 00 00 00 00 00 00	r0 = r10
      58:	07 00 00 00 d8 ff ff ff	r0 += -0x28
      59:	62 00 00 00 02 00 00 00	*(u32 *)(r0 + 0x0) = 0x2

00000000000001e0 <LBB19>:
      60:	61 01 00 00 00 00 00 00	w1 = *(u32 *)(r0 + 0x0)
      61:	15 01 04 00 01 00 00 00	if r1 == 0x1 goto +0x4 <LBB23>

00000000000001f0 <LBB24>:
      62:	15 01 01 00 02 00 00 00	if r1 == 0x2 goto +0x1 <LBB26>

00000000000001f8 <LBB27>:
      63:	05 00 26 00 00 00 00 00	goto +0x26 <LBB12>

0000000000000200 <LBB26>:
; ../examples/xdp-router/router.p4:64: xout.output_action = xdp_action.XDP_PASS;
      64:	b7 07 00 00 02 00 00 00	r7 = 0x2

0000000000000208 <LBB28>:
; ../examples/xdp-router/router.p4:76: routes.apply();
      65:	05 00 24 00 00 00 00 00	goto +0x24 <LBB12>

0000000000000210 <LBB23>:
; ../examples/xdp-router/router.p4:58: bit<16> oldTtlProto = hd.ipv4.ttl ++ hd.ipv4.protocol;
      66:	b7 01 00 00 00 00 00 00	r1 = 0x0
; ../examples/xdp-router/router.p4:60: hd.ipv4.hdrChecksum = csum_replace2(hd.ipv4.hdrChecksum, oldTtlProto, hd.ipv4.ttl ++ hd.ipv4.protocol);
      67:	b7 02 00 00 00 00 00 00	r2 = 0x0
; ../examples/xdp-router/router.p4:56: hd.ethernet.src = srcMac;
      68:	61 01 04 00 00 00 00 00	w1 = *(u32 *)(r0 + 0x4)
      69:	63 19 06 00 00 00 00 00	*(u32 *)(r9 + 0x6) = w1
      70:	69 01 08 00 00 00 00 00	w1 = *(u16 *)(r0 + 0x8)
      71:	6b 19 0a 00 00 00 00 00	*(u16 *)(r9 + 0xa) = w1
; ../examples/xdp-router/router.p4:57: hd.ethernet.dst = dstMac;
      72:	61 01 0a 00 00 00 00 00	w1 = *(u32 *)(r0 + 0xa)
      73:	63 19 00 00 00 00 00 00	*(u32 *)(r9 + 0x0) = w1
      74:	69 01 0e 00 00 00 00 00	w1 = *(u16 *)(r0 + 0xe)
      75:	6b 19 04 00 00 00 00 00	*(u16 *)(r9 + 0x4) = w1
; ../examples/xdp-router/router.p4:58: bit<16> oldTtlProto = hd.ipv4.ttl ++ hd.ipv4.protocol;
      76:	69 81 08 00 00 00 00 00	w1 = *(u16 *)(r8 + 0x8)
      77:	dc 01 00 00 10 00 00 00	r1 = be16 r1
; ../examples/xdp-router/router.p4:59: hd.ipv4.ttl = hd.ipv4.ttl - 1;
      78:	71 82 08 00 00 00 00 00	w2 = *(u8 *)(r8 + 0x8)
      79:	17 02 00 00 01 00 00 00	r2 -= 0x1
      80:	57 02 00 00 ff 00 00 00	r2 &= 0xff
      81:	73 28 08 00 00 00 00 00	*(u8 *)(r8 + 0x8) = w2
; ../examples/xdp-router/router.p4:60: hd.ipv4.hdrChecksum = csum_replace2(hd.ipv4.hdrChecksum, oldTtlProto, hd.ipv4.ttl ++ hd.ipv4.protocol);
      82:	69 82 08 00 00 00 00 00	w2 = *(u16 *)(r8 + 0x8)
      83:	dc 02 00 00 10 00 00 00	r2 = be16 r2
      84:	69 83 0a 00 00 00 00 00	w3 = *(u16 *)(r8 + 0xa)
      85:	dc 03 00 00 10 00 00 00	r3 = be16 r3
      86:	a7 03 00 00 ff ff 00 00	r3 ^= 0xffff
      87:	a7 01 00 00 ff ff 00 00	r1 ^= 0xffff
      88:	0f 13 00 00 00 00 00 00	r3 += r1
      89:	0f 23 00 00 00 00 00 00	r3 += r2
      90:	bf 31 00 00 00 00 00 00	r1 = r3
      91:	57 01 00 00 ff ff 00 00	r1 &= 0xffff
      92:	77 03 00 00 10 00 00 00	r3 >>= 0x10
      93:	0f 31 00 00 00 00 00 00	r1 += r3
      94:	bf 12 00 00 00 00 00 00	r2 = r1
      95:	57 02 00 00 ff ff 00 00	r2 &= 0xffff
      96:	77 01 00 00 10 00 00 00	r1 >>= 0x10
      97:	0f 12 00 00 00 00 00 00	r2 += r1
      98:	a7 02 00 00 ff ff 00 00	r2 ^= 0xffff
      99:	dc 02 00 00 10 00 00 00	r2 = be16 r2
     100:	6b 28 0a 00 00 00 00 00	*(u16 *)(r8 + 0xa) = w2
; ../examples/xdp-router/router.p4:61: xout.output_action = xdp_action.XDP_TX;
     101:	b7 07 00 00 03 00 00 00	r7 = 0x3

0000000000000330 <LBB12>:
; ../examples/xdp-router/router.p4:83: packet.emit(hd.ethernet);
     102:	b7 01 00 00 00 00 00 00	r1 = 0x0
; ../examples/xdp-router/router.p4:84: packet.emit(hd.ipv4);
     103:	b7 01 00 00 00 00 00 00	r1 = 0x0

0000000000000340 <LBB29>:
; ../examples/xdp-router/router.p4:88: xdp(RouterParser(), RouterPipe(), RouterDeparser()) main;
     104:	55 07 09 00 04 00 00 00	if r7 != 0x4 goto +0x9 <LBB32>

0000000000000348 <LBB31>:
     105:	bf 61 00 00 00 00 00 00	r1 = r6
     106:	b7 02 00 00 00 00 00 00	r2 = 0x0
     107:	85 00 00 00 17 00 00 00	call 0x17
     108:	95 00 00 00 00 00 00 00	exit

0000000000000368 <LBB10>:
; ../examples/xdp-router/router.p4:49: packet.extract(hd.ipv4);
     109:	b7 05 00 00 01 00 00 00	r5 = 0x1
     110:	05 00 01 00 00 00 00 00	goto +0x1 <LBB2>

0000000000000378 <LBB6>:
; ../examples/xdp-router/router.p4:42: packet.extract(hd.ethernet);
     111:	b7 05 00 00 01 00 00 00	r5 = 0x1

0000000000000380 <LBB2>:
; ../examples/xdp-router/router.p4:88: xdp(RouterParser(), RouterPipe(), RouterDeparser()) main;
     112:	b7 00 00 00 01 00 00 00	r0 = 0x1
     113:	95 00 00 00 00 00 00 00	exit

0000000000000390 <LBB32>:
     114:	bf 70 00 00 00 00 00 00	r0 = r7
     115:	95 00 00 00 00 00 00 00	exit
