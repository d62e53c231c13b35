package dev.p4ebpf.ebpf.lir;

/** The source of an operation: a virtual register or an immediate. */
public sealed interface Operand permits VReg, Operand.Imm {

    /**
     * A constant. 32-bit immediates are sign-extended by the hardware's 64-bit operations, so the
     * emitter materializes values outside {@code int} with LD_IMM64.
     */
    record Imm(long value) implements Operand {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    static Imm imm(long v) {
        return new Imm(v);
    }
}
