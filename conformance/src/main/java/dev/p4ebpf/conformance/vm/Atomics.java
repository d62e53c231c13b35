package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.insn.AtomicOp;
import dev.p4ebpf.ebpf.insn.Insn;

/**
 * {@code BPF_STX | BPF_ATOMIC}: add, or, and, xor (with or without fetch), xchg and cmpxchg on 32 or
 * 64 bits of the stack or a map value, aligned to their size as the verifier requires. The fetching
 * forms and xchg put the old value (zero-extended) into the source register; cmpxchg compares with r0
 * (its low 32 bits for W), stores the source if equal, and puts the old value into r0.
 */
final class Atomics {
    private Atomics() {
    }

    static void execute(Machine m, Insn.Atomic a) {
        int d = a.dst().number();
        Region r = m.pointer(d, "atomic " + a.op().mnemonic());
        if (r.kind != Region.Kind.STACK && r.kind != Region.Kind.MAP_VALUE) {
            throw new Trap(VmFault.INVALID_POINTER, "atomic operations work on the stack and on map values, not on "
                    + r.kind.text);
        }
        int size = a.size().bytes();
        long addr = m.reg[d] + a.off();
        if ((addr & (size - 1)) != 0) {
            throw new Trap(VmFault.INVALID_POINTER, "misaligned atomic access of " + size + " bytes at offset "
                    + (addr - r.lo) + " of " + r.name);
        }
        if (r.spillAt(addr) != null) {
            throw new Trap(VmFault.INVALID_POINTER, "atomic operation on a pointer spilled to the stack");
        }
        int s = a.src().number();
        long src = m.scalar(s, "an atomic operation");
        long old = r.load(addr, size);
        AtomicOp op = a.op();
        long mask = size == 4 ? 0xffff_ffffL : -1L;
        long updated = switch (op) {
            case ADD, FETCH_ADD -> old + src;
            case OR, FETCH_OR -> old | src;
            case AND, FETCH_AND -> old & src;
            case XOR, FETCH_XOR -> old ^ src;
            case XCHG -> src;
            case CMPXCHG -> (m.scalar(0, "cmpxchg's expected value in r0") & mask) == old ? src : old;
        };
        r.store(addr, size, updated);
        if (op == AtomicOp.CMPXCHG) {
            m.set(0, old, null);
        } else if (op.fetches()) {
            m.set(s, old, null);
        }
    }
}
