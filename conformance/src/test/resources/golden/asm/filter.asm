0000000000000000 <LBB0>:
; ../examples/ebpf-filter/filter.p4:103: ebpfFilter(FilterParser(), Filter()) main;
       0:	61 12 4c 00 00 00 00 00	w2 = *(u32 *)(r1 + 0x4c)
       1:	61 14 50 00 00 00 00 00	w4 = *(u32 *)(r1 + 0x50)
       2:	b7 07 00 00 00 00 00 00	r7 = 0x0
       3:	7a 0a e8 ff 00 00 00 00	*(u64 *)(r10 - 0x18) = 0x0
       4:	7a 0a f0 ff 00 00 00 00	*(u64 *)(r10 - 0x10) = 0x0
       5:	7a 0a f8 ff 00 00 00 00	*(u64 *)(r10 - 0x8) = 0x0
       6:	bf a6 00 00 00 00 00 00	r6 = r10
       7:	07 06 00 00 e8 ff ff ff	r6 += -0x18
; ../examples/ebpf-filter/filter.p4:43: packet.extract(hd.ethernet);
       8:	bf 23 00 00 00 00 00 00	r3 = r2
       9:	07 03 00 00 0e 00 00 00	r3 += 0xe
      10:	2d 43 68 00 00 00 00 00	if r3 > r4 goto +0x68 <LBB2>

0000000000000058 <LBB8>:
; ../examples/ebpf-filter/filter.p4:44: transition select(hd.ethernet.etherType) {
      11:	69 21 0c 00 00 00 00 00	w1 = *(u16 *)(r2 + 0xc)
      12:	55 01 68 00 08 00 00 00	if r1 != 0x8 goto +0x68 <LBB61>

0000000000000068 <LBB4>:
; ../examples/ebpf-filter/filter.p4:50: packet.extract(hd.ipv4);
      13:	bf 31 00 00 00 00 00 00	r1 = r3
      14:	07 01 00 00 14 00 00 00	r1 += 0x14
      15:	2d 41 63 00 00 00 00 00	if r1 > r4 goto +0x63 <LBB2>

0000000000000080 <LBB12>:
; ../examples/ebpf-filter/filter.p4:51: verify(hd.ipv4.ihl == 5, error.HeaderTooShort);
      16:	71 32 00 00 00 00 00 00	w2 = *(u8 *)(r3 + 0x0)
      17:	57 02 00 00 0f 00 00 00	r2 &= 0xf
      18:	55 02 60 00 05 00 00 00	if r2 != 0x5 goto +0x60 <LBB2>

0000000000000098 <LBB13>:
; ../examples/ebpf-filter/filter.p4:52: transition select(hd.ipv4.protocol) {
      19:	71 32 09 00 00 00 00 00	w2 = *(u8 *)(r3 + 0x9)
      20:	15 02 01 00 06 00 00 00	if r2 == 0x6 goto +0x1 <LBB5>

00000000000000a8 <LBB18>:
      21:	55 02 05 00 11 00 00 00	if r2 != 0x11 goto +0x5 <LBB24>

00000000000000b0 <LBB5>:
; ../examples/ebpf-filter/filter.p4:59: packet.extract(hd.ports);
      22:	bf 12 00 00 00 00 00 00	r2 = r1
      23:	07 02 00 00 04 00 00 00	r2 += 0x4
      24:	2d 42 5a 00 00 00 00 00	if r2 > r4 goto +0x5a <LBB2>

00000000000000c8 <LBB22>:
      25:	bf 16 00 00 00 00 00 00	r6 = r1
      26:	b7 07 00 00 01 00 00 00	r7 = 0x1

00000000000000d8 <LBB24>:
; ../examples/ebpf-filter/filter.p4:95: sources.apply();
      27:	7a 0a e0 ff 00 00 00 00	*(u64 *)(r10 - 0x20) = 0x0
      28:	61 31 0c 00 00 00 00 00	w1 = *(u32 *)(r3 + 0xc)
      29:	63 1a e0 ff 00 00 00 00	*(u32 *)(r10 - 0x20) = w1
      30:	18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00	r1 = 0x0 ll
		00000000000000f0:  R_BPF_64_64	sources
      32:	bf a2 00 00 00 00 00 00	r2 = r10
      33:	07 02 00 00 e0 ff ff ff	r2 += -0x20
      34:	85 00 00 00 01 00 00 00	call 0x1
      35:	55 00 0c 00 00 00 00 00	if r0 != 0x0 goto +0xc <LBB29>

0000000000000120 <LBB28>:
      36:	62 0a d8 ff 00 00 00 00	*(u32 *)(r10 - 0x28) = 0x0
      37:	18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00	r1 = 0x0 ll
		0000000000000128:  R_BPF_64_64	sources_defa
      39:	bf a2 00 00 00 00 00 00	r2 = r10
      40:	07 02 00 00 d8 ff ff ff	r2 += -0x28
      41:	85 00 00 00 01 00 00 00	call 0x1
      42:	15 00 02 00 00 00 00 00	if r0 == 0x0 goto +0x2 <LBB31>

0000000000000158 <LBB32>:
      43:	61 01 00 00 00 00 00 00	w1 = *(u32 *)(r0 + 0x0)
      44:	55 01 03 00 00 00 00 00	if r1 != 0x0 goto +0x3 <LBB29>

0000000000000168 <LBB31>:
      45:	bf a0 00 00 00 00 00 00	r0 = r10
      46:	07 00 00 00 d0 ff ff ff	r0 += -0x30
      47:	62 0a d0 ff 02 00 00 00	*(u32 *)(r10 - 0x30) = 0x2

0000000000000180 <LBB29>:
      48:	61 01 00 00 00 00 00 00	w1 = *(u32 *)(r0 + 0x0)
      49:	15 01 2d 00 01 00 00 00	if r1 == 0x1 goto +0x2d <LBB33>

0000000000000190 <LBB45>:
; ../examples/ebpf-filter/filter.p4:96: if (pass && hd.ports.isValid()) {
      50:	15 07 42 00 00 00 00 00	if r7 == 0x0 goto +0x42 <LBB61>

0000000000000198 <LBB42>:
; ../examples/ebpf-filter/filter.p4:97: ports.apply();
      51:	7a 0a b8 ff 00 00 00 00	*(u64 *)(r10 - 0x48) = 0x0
      52:	69 61 02 00 00 00 00 00	w1 = *(u16 *)(r6 + 0x2)
      53:	6b 1a b8 ff 00 00 00 00	*(u16 *)(r10 - 0x48) = w1
      54:	18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00	r1 = 0x0 ll
		00000000000001b0:  R_BPF_64_64	ports
      56:	bf a2 00 00 00 00 00 00	r2 = r10
      57:	07 02 00 00 b8 ff ff ff	r2 += -0x48
      58:	85 00 00 00 01 00 00 00	call 0x1
      59:	55 00 0c 00 00 00 00 00	if r0 != 0x0 goto +0xc <LBB48>

00000000000001e0 <LBB47>:
      60:	62 0a b0 ff 00 00 00 00	*(u32 *)(r10 - 0x50) = 0x0
      61:	18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00	r1 = 0x0 ll
		00000000000001e8:  R_BPF_64_64	ports_defa
      63:	bf a2 00 00 00 00 00 00	r2 = r10
      64:	07 02 00 00 b0 ff ff ff	r2 += -0x50
      65:	85 00 00 00 01 00 00 00	call 0x1
      66:	15 00 02 00 00 00 00 00	if r0 == 0x0 goto +0x2 <LBB50>

0000000000000218 <LBB51>:
      67:	61 01 00 00 00 00 00 00	w1 = *(u32 *)(r0 + 0x0)
      68:	55 01 03 00 00 00 00 00	if r1 != 0x0 goto +0x3 <LBB48>

0000000000000228 <LBB50>:
      69:	bf a0 00 00 00 00 00 00	r0 = r10
      70:	07 00 00 00 a8 ff ff ff	r0 += -0x58
      71:	62 0a a8 ff 02 00 00 00	*(u32 *)(r10 - 0x58) = 0x2

0000000000000240 <LBB48>:
      72:	61 01 00 00 00 00 00 00	w1 = *(u32 *)(r0 + 0x0)
      73:	55 01 2b 00 01 00 00 00	if r1 != 0x1 goto +0x2b <LBB61>

0000000000000250 <LBB52>:
; ../examples/ebpf-filter/filter.p4:73: drops.increment(1);
      74:	62 0a a0 ff 01 00 00 00	*(u32 *)(r10 - 0x60) = 0x1
      75:	18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00	r1 = 0x0 ll
		0000000000000258:  R_BPF_64_64	drops
      77:	bf a2 00 00 00 00 00 00	r2 = r10
      78:	07 02 00 00 a0 ff ff ff	r2 += -0x60
      79:	85 00 00 00 01 00 00 00	call 0x1
      80:	15 00 04 00 00 00 00 00	if r0 == 0x0 goto +0x4 <LBB56>

0000000000000288 <LBB55>:
      81:	79 01 00 00 00 00 00 00	r1 = *(u64 *)(r0 + 0x0)
      82:	07 01 00 00 01 00 00 00	r1 += 0x1
      83:	7b 10 00 00 00 00 00 00	*(u64 *)(r0 + 0x0) = r1
; ../examples/ebpf-filter/filter.p4:103: ebpfFilter(FilterParser(), Filter()) main;
      84:	05 00 1e 00 00 00 00 00	goto +0x1e <LBB2>

00000000000002a8 <LBB56>:
; ../examples/ebpf-filter/filter.p4:73: drops.increment(1);
      85:	7a 0a 98 ff 01 00 00 00	*(u64 *)(r10 - 0x68) = 0x1
      86:	18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00	r1 = 0x0 ll
		00000000000002b0:  R_BPF_64_64	drops
      88:	bf a2 00 00 00 00 00 00	r2 = r10
      89:	07 02 00 00 a0 ff ff ff	r2 += -0x60
      90:	bf a3 00 00 00 00 00 00	r3 = r10
      91:	07 03 00 00 98 ff ff ff	r3 += -0x68
      92:	b7 04 00 00 01 00 00 00	r4 = 0x1
      93:	85 00 00 00 02 00 00 00	call 0x2
; ../examples/ebpf-filter/filter.p4:103: ebpfFilter(FilterParser(), Filter()) main;
      94:	05 00 14 00 00 00 00 00	goto +0x14 <LBB2>

00000000000002f8 <LBB33>:
; ../examples/ebpf-filter/filter.p4:69: drops.increment(0);
      95:	62 0a c8 ff 00 00 00 00	*(u32 *)(r10 - 0x38) = 0x0
      96:	18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00	r1 = 0x0 ll
		0000000000000300:  R_BPF_64_64	drops
      98:	bf a2 00 00 00 00 00 00	r2 = r10
      99:	07 02 00 00 c8 ff ff ff	r2 += -0x38
     100:	85 00 00 00 01 00 00 00	call 0x1
     101:	15 00 04 00 00 00 00 00	if r0 == 0x0 goto +0x4 <LBB37>

0000000000000330 <LBB36>:
     102:	79 01 00 00 00 00 00 00	r1 = *(u64 *)(r0 + 0x0)
     103:	07 01 00 00 01 00 00 00	r1 += 0x1
     104:	7b 10 00 00 00 00 00 00	*(u64 *)(r0 + 0x0) = r1
; ../examples/ebpf-filter/filter.p4:103: ebpfFilter(FilterParser(), Filter()) main;
     105:	05 00 09 00 00 00 00 00	goto +0x9 <LBB2>

0000000000000350 <LBB37>:
; ../examples/ebpf-filter/filter.p4:69: drops.increment(0);
     106:	7a 0a c0 ff 01 00 00 00	*(u64 *)(r10 - 0x40) = 0x1
     107:	18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00	r1 = 0x0 ll
		0000000000000358:  R_BPF_64_64	drops
     109:	bf a2 00 00 00 00 00 00	r2 = r10
     110:	07 02 00 00 c8 ff ff ff	r2 += -0x38
     111:	bf a3 00 00 00 00 00 00	r3 = r10
     112:	07 03 00 00 c0 ff ff ff	r3 += -0x40
     113:	b7 04 00 00 01 00 00 00	r4 = 0x1
     114:	85 00 00 00 02 00 00 00	call 0x2

0000000000000398 <LBB2>:
; ../examples/ebpf-filter/filter.p4:103: ebpfFilter(FilterParser(), Filter()) main;
     115:	b7 00 00 00 02 00 00 00	r0 = 0x2
     116:	95 00 00 00 00 00 00 00	exit

00000000000003a8 <LBB61>:
     117:	b7 00 00 00 00 00 00 00	r0 = 0x0
     118:	95 00 00 00 00 00 00 00	exit
