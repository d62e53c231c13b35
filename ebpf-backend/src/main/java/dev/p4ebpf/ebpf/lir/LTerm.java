package dev.p4ebpf.ebpf.lir;

import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;

/** The end of a basic block. Blocks are referred to by their {@link LBlock#id()}. */
public sealed interface LTerm {
    Span span();

    List<VReg> uses();

    /** The blocks control may go to next. */
    List<Integer> successors();

    record Jump(int target, Span span) implements LTerm {
        @Override
        public List<VReg> uses() {
            return List.of();
        }

        @Override
        public List<Integer> successors() {
            return List.of(target);
        }
    }

    /** {@code if (a cond b) goto ifTrue else goto ifFalse}; {@code is32} compares the low 32 bits. */
    record Branch(JmpOp cond, boolean is32, VReg a, Operand b, int ifTrue, int ifFalse, Span span) implements LTerm {
        @Override
        public List<VReg> uses() {
            return LInsns.regs(a, b);
        }

        @Override
        public List<Integer> successors() {
            return List.of(ifTrue, ifFalse);
        }
    }

    /** Returns {@code value} (in r0) from the function. */
    record Return(Operand value, Span span) implements LTerm {
        @Override
        public List<VReg> uses() {
            return LInsns.regs(value);
        }

        @Override
        public List<Integer> successors() {
            return List.of();
        }
    }
}
