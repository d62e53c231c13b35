package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.object.ProgramType;

/**
 * The kernel helpers the VM implements, dispatched by {@link Helper}, with the kernel's semantics:
 * arguments in r1–r5, the result in r0, r1–r5 clobbered. Map, time and output helpers live here;
 * packet helpers in {@link PacketHelpers}. A helper the VM lacks, or one the program's type may not
 * call, is an {@link VmFault#UNSUPPORTED_HELPER} fault naming it.
 */
final class Helpers {
    private Helpers() {
    }

    private static final int XDP_ABORTED = 0;
    private static final int XDP_REDIRECT = 4;
    private static final int TC_ACT_SHOT = 2;
    private static final int TC_ACT_REDIRECT = 7;
    private static final long BPF_F_INGRESS = 1;
    private static final long BPF_F_BROADCAST = 8;
    private static final long BPF_F_EXCLUDE_INGRESS = 16;
    private static final long BPF_F_INDEX_MASK = 0xffff_ffffL;
    private static final long BPF_F_CTXLEN_MASK = 0xfffffL << 32;

    static void call(Machine m, int id) {
        Helper h = Helper.byId(id).orElseThrow(() -> new Trap(VmFault.UNSUPPORTED_HELPER,
                "helper id " + id + " is not a kernel helper"));
        boolean isVoid = h == Helper.TAIL_CALL || h == Helper.RINGBUF_SUBMIT || h == Helper.RINGBUF_DISCARD;
        if (h == Helper.MAP_LOOKUP_ELEM || h == Helper.RINGBUF_RESERVE) {
            Region r = h == Helper.MAP_LOOKUP_ELEM ? lookup(m) : reserve(m);
            clobber(m);
            m.set(0, 0, r);
            return;
        }
        long r0 = isVoid ? 0 : scalarHelper(m, h);
        if (isVoid) {
            voidHelper(m, h);
        }
        if (h != Helper.TAIL_CALL || m.pc != 0) {
            clobber(m);
        }
        if (isVoid) {
            m.type[0] = Region.UNINIT;
        } else {
            m.set(0, r0, null);
        }
    }

    private static void clobber(Machine m) {
        for (int r = 1; r <= 5; r++) {
            m.type[r] = Region.UNINIT;
        }
    }

    private static long scalarHelper(Machine m, Helper h) {
        return switch (h) {
            case MAP_UPDATE_ELEM -> update(m);
            case MAP_DELETE_ELEM -> delete(m);
            case KTIME_GET_NS, KTIME_GET_BOOT_NS, KTIME_GET_COARSE_NS, KTIME_GET_TAI_NS -> m.vm.clock.read();
            case GET_PRANDOM_U32 -> m.vm.nextRandom() & 0xffff_ffffL;
            case GET_SMP_PROCESSOR_ID, GET_NUMA_NODE_ID -> 0;
            case TRACE_PRINTK -> Printk.call(m);
            case REDIRECT -> redirect(m);
            case REDIRECT_MAP -> redirectMap(m);
            case PERF_EVENT_OUTPUT -> perfOutput(m);
            case RINGBUF_OUTPUT -> ringbufOutput(m);
            case CSUM_DIFF -> PacketHelpers.csumDiff(m);
            case SKB_LOAD_BYTES, SKB_STORE_BYTES, L3_CSUM_REPLACE, L4_CSUM_REPLACE, SKB_CHANGE_TAIL, SKB_CHANGE_HEAD,
                 SKB_ADJUST_ROOM, SKB_PULL_DATA -> PacketHelpers.skb(m, h);
            case XDP_ADJUST_HEAD, XDP_ADJUST_META, XDP_ADJUST_TAIL, XDP_LOAD_BYTES, XDP_STORE_BYTES, XDP_GET_BUFF_LEN ->
                    PacketHelpers.xdp(m, h);
            case FIB_LOOKUP -> throw new Trap(VmFault.UNSUPPORTED_HELPER, "bpf_fib_lookup needs the kernel's routing"
                    + " and neighbour tables, which the VM does not have; run this program on the kernel target");
            default -> throw new Trap(VmFault.UNSUPPORTED_HELPER, h.kernelName() + " (helper " + h.id()
                    + ") is not implemented by the VM");
        };
    }

    private static void voidHelper(Machine m, Helper h) {
        switch (h) {
            case TAIL_CALL -> tailCall(m);
            case RINGBUF_SUBMIT, RINGBUF_DISCARD -> release(m, h == Helper.RINGBUF_SUBMIT);
            default -> throw new IllegalStateException(h + " is not a void helper");
        }
    }

    // ---- arguments

    static VmMap map(Machine m, int r) {
        Region t = m.type[r];
        if (t == Region.UNINIT) {
            throw m.uninit(r);
        }
        if (t == null || t.kind != Region.Kind.MAP || m.reg[r] != 0) {
            throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, "r" + r + " must hold a map (LD_IMM64 of a map), not "
                    + (t == null ? "a scalar" : "a pointer to " + t.kind.text));
        }
        return t.map;
    }

    /** {@code len} bytes of memory at the pointer in register {@code r}. */
    static byte[] read(Machine m, int r, long len, String what) {
        Region t = m.pointer(r, what);
        if (len < 0 || len > Integer.MAX_VALUE) {
            throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, what + ": size " + len + " is not a valid size");
        }
        if (t.kind == Region.Kind.CTX) {
            throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, what + ": the context cannot be passed as memory");
        }
        return t.read(m.reg[r], (int) len);
    }

    static void write(Machine m, int r, byte[] bytes, String what) {
        Region t = m.pointer(r, what);
        if (t.kind == Region.Kind.CTX) {
            throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, what + ": the context cannot be passed as memory");
        }
        t.write(m.reg[r], bytes);
    }

    static void requireContext(Machine m, String helper) {
        if (m.type[1] != m.ctxRegion || m.reg[1] != 0) {
            throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, helper + " takes the context (the program's r1) in r1");
        }
    }

    static void requireType(Machine m, ProgramType type, String helper) {
        if (m.code.type != type && !(type == ProgramType.SCHED_CLS && m.code.type == ProgramType.SCHED_ACT)) {
            throw new Trap(VmFault.UNSUPPORTED_HELPER, helper + " is not available to " + m.code.type + " programs");
        }
    }

    // ---- maps

    private static VmMap dataMap(Machine m, String helper) {
        VmMap map = map(m, 1);
        if (map instanceof ProgArray || map instanceof EventArray || map instanceof RingBuffer) {
            throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, helper + " cannot be used on " + map.type() + " map "
                    + map.name());
        }
        return map;
    }

    private static Region lookup(Machine m) {
        VmMap map = dataMap(m, "bpf_map_lookup_elem");
        return map.lookupRegion(read(m, 2, map.spec.keySize(), "the key of bpf_map_lookup_elem"));
    }

    private static long update(Machine m) {
        VmMap map = dataMap(m, "bpf_map_update_elem");
        if (map instanceof DevMap) {
            throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, "programs cannot update device map " + map.name());
        }
        byte[] key = read(m, 2, map.spec.keySize(), "the key of bpf_map_update_elem");
        byte[] value = read(m, 3, map.spec.valueSize(), "the value of bpf_map_update_elem");
        return map.updateElem(key, value, m.scalar(4, "the flags of bpf_map_update_elem"));
    }

    private static long delete(Machine m) {
        VmMap map = dataMap(m, "bpf_map_delete_elem");
        if (map instanceof DevMap) {
            throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, "programs cannot delete from device map " + map.name());
        }
        return map.deleteElem(read(m, 2, map.spec.keySize(), "the key of bpf_map_delete_elem"));
    }

    private static void tailCall(Machine m) {
        requireContext(m, "bpf_tail_call");
        if (!(map(m, 2) instanceof ProgArray progs)) {
            throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, "bpf_tail_call needs a PROG_ARRAY map in r2");
        }
        long index = m.scalar(3, "the index of bpf_tail_call") & 0xffff_ffffL;
        var name = progs.program(index);
        if (name.isEmpty() || m.tailCalls >= Machine.MAX_TAIL_CALLS) {
            return;
        }
        LoadedCode target = m.vm.code(name.get());
        if (target.type != m.code.type) {
            throw new Trap(VmFault.INVALID_SETUP, "program array " + progs.name() + " slot " + index + " holds "
                    + target.type + " program " + target.name + ", but a " + m.code.type + " program tail-calls it");
        }
        m.tailCalls++;
        m.tailCall(target);
    }

    // ---- redirects

    private static long redirect(Machine m) {
        long ifindex = m.scalar(1, "the ifindex of bpf_redirect") & 0xffff_ffffL;
        long flags = m.scalar(2, "the flags of bpf_redirect");
        if (m.code.type == ProgramType.XDP) {
            if (flags != 0) {
                return XDP_ABORTED;
            }
            m.redirect = Redirect.toDevice((int) ifindex, 0);
            return XDP_REDIRECT;
        }
        if ((flags & ~BPF_F_INGRESS) != 0) {
            return TC_ACT_SHOT;
        }
        m.redirect = Redirect.toDevice((int) ifindex, flags);
        return TC_ACT_REDIRECT;
    }

    private static long redirectMap(Machine m) {
        requireType(m, ProgramType.XDP, "bpf_redirect_map");
        VmMap map = map(m, 1);
        if (!(map instanceof DevMap dev)) {
            throw new Trap(VmFault.UNSUPPORTED_HELPER, "bpf_redirect_map on " + map.type() + " map " + map.name()
                    + ": the VM redirects through DEVMAPs only");
        }
        long key = m.scalar(2, "the key of bpf_redirect_map") & 0xffff_ffffL;
        long flags = m.scalar(3, "the flags of bpf_redirect_map");
        if ((flags & ~(3 | BPF_F_BROADCAST | BPF_F_EXCLUDE_INGRESS)) != 0) {
            return XDP_ABORTED;
        }
        boolean broadcast = (flags & BPF_F_BROADCAST) != 0;
        int ifindex = dev.ifindex(key);
        if (ifindex == 0 && !broadcast) {
            m.redirect = null;
            return flags & 3;
        }
        m.redirect = Redirect.viaMap(map.name(), key, broadcast ? 0 : ifindex, flags);
        return XDP_REDIRECT;
    }

    // ---- output

    private static long perfOutput(Machine m) {
        requireContext(m, "bpf_perf_event_output");
        VmMap map = map(m, 2);
        if (!(map instanceof EventArray events)) {
            throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, "bpf_perf_event_output needs a PERF_EVENT_ARRAY in r2");
        }
        long flags = m.scalar(3, "the flags of bpf_perf_event_output");
        byte[] data = read(m, 4, m.scalar(5, "the size of bpf_perf_event_output"), "the data of bpf_perf_event_output");
        if ((flags & ~(BPF_F_CTXLEN_MASK | BPF_F_INDEX_MASK)) != 0) {
            return -Errno.EINVAL;
        }
        long index = flags & BPF_F_INDEX_MASK;
        int ctxLen = (int) ((flags & BPF_F_CTXLEN_MASK) >>> 32);
        if (index == BPF_F_INDEX_MASK) {
            index = 0;
        }
        if (index >= events.slots()) {
            return -Errno.E2BIG;
        }
        PacketBuffer p = m.ctx.packet();
        if (ctxLen > p.length()) {
            return -Errno.EFAULT;
        }
        byte[] record = java.util.Arrays.copyOf(data, data.length + ctxLen);
        System.arraycopy(p.buf, p.data, record, data.length, ctxLen);
        events.add((int) index, record);
        return 0;
    }

    private static RingBuffer ring(Machine m, String helper) {
        if (!(map(m, 1) instanceof RingBuffer ring)) {
            throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, helper + " needs a RINGBUF map in r1");
        }
        return ring;
    }

    private static long ringbufOutput(Machine m) {
        RingBuffer ring = ring(m, "bpf_ringbuf_output");
        byte[] data = read(m, 2, m.scalar(3, "the size of bpf_ringbuf_output"), "the data of bpf_ringbuf_output");
        long flags = m.scalar(4, "the flags of bpf_ringbuf_output");
        if ((flags & ~3L) != 0) {
            return -Errno.EINVAL;
        }
        if (!ring.reserve(data.length)) {
            return -RingBuffer.EAGAIN;
        }
        ring.commit(data);
        return 0;
    }

    private static Region reserve(Machine m) {
        RingBuffer ring = ring(m, "bpf_ringbuf_reserve");
        long size = m.scalar(2, "the size of bpf_ringbuf_reserve");
        long flags = m.scalar(3, "the flags of bpf_ringbuf_reserve");
        if (flags != 0 || size < 0 || !ring.reserve(size)) {
            return null;
        }
        Region r = Region.memory(Region.Kind.RINGBUF_RECORD, "a record of ring buffer " + ring.name(),
                new byte[(int) size], 0, (int) size, true, m.vm.addresses.next());
        r.map = ring;
        m.reservations.add(r);
        return r;
    }

    private static void release(Machine m, boolean submit) {
        String helper = submit ? "bpf_ringbuf_submit" : "bpf_ringbuf_discard";
        Region r = m.pointer(1, helper);
        if (r.kind != Region.Kind.RINGBUF_RECORD || m.reg[1] != 0 || !r.valid) {
            throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, helper + " takes a record bpf_ringbuf_reserve returned,"
                    + " unchanged and not yet submitted or discarded");
        }
        RingBuffer ring = (RingBuffer) r.map;
        if (submit) {
            ring.commit(r.mem);
        } else {
            ring.release(r.mem.length);
        }
        r.valid = false;
        m.reservations.remove(r);
    }
}
