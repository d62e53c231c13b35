package dev.p4ebpf.ebpf.lir;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/** A non-terminating LIR instruction. */
public sealed interface LInsn {
    Span span();

    /** The register this instruction writes, if any. */
    default Optional<VReg> def() {
        return Optional.empty();
    }

    /** The registers it reads. */
    List<VReg> uses();

    /** {@code dst = src}. */
    record Mov(VReg dst, Operand src, Span span) implements LInsn {
        @Override
        public Optional<VReg> def() {
            return Optional.of(dst);
        }

        @Override
        public List<VReg> uses() {
            return LInsns.regs(src);
        }
    }

    /**
     * {@code dst = a op b} (64-bit, or 32-bit with the upper half zeroed). {@code op} is one of ADD,
     * SUB, MUL, DIV, SDIV, MOD, SMOD, OR, AND, XOR, LSH, RSH, ARSH; NEG, MOV and the sign-extending
     * moves have their own instructions.
     */
    record Alu(AluOp op, boolean is32, VReg dst, VReg a, Operand b, Span span) implements LInsn {
        @Override
        public Optional<VReg> def() {
            return Optional.of(dst);
        }

        @Override
        public List<VReg> uses() {
            return LInsns.regs(a, b);
        }
    }

    /** {@code dst = -src}. */
    record Neg(boolean is32, VReg dst, VReg src, Span span) implements LInsn {
        @Override
        public Optional<VReg> def() {
            return Optional.of(dst);
        }

        @Override
        public List<VReg> uses() {
            return List.of(src);
        }
    }

    /** {@code dst = sign-extend(src's low bits bits)} for 8, 16 or 32 bits. */
    record SignExtend(int bits, VReg dst, VReg src, Span span) implements LInsn {
        @Override
        public Optional<VReg> def() {
            return Optional.of(dst);
        }

        @Override
        public List<VReg> uses() {
            return List.of(src);
        }
    }

    /**
     * {@code dst = bswap(src)} of the low {@code bits} (16, 32, 64) bits, zero-extended: converts
     * between the packet's big-endian order and the host's little-endian one.
     */
    record ByteSwap(int bits, VReg dst, VReg src, Span span) implements LInsn {
        @Override
        public Optional<VReg> def() {
            return Optional.of(dst);
        }

        @Override
        public List<VReg> uses() {
            return List.of(src);
        }
    }

    /** {@code dst = *(size *)(base + offset)}, zero-extended. */
    record Load(Size size, VReg dst, VReg base, int offset, Span span) implements LInsn {
        @Override
        public Optional<VReg> def() {
            return Optional.of(dst);
        }

        @Override
        public List<VReg> uses() {
            return List.of(base);
        }
    }

    /** {@code *(size *)(base + offset) = value} (the low bytes of value). */
    record Store(Size size, VReg base, int offset, Operand value, Span span) implements LInsn {
        @Override
        public List<VReg> uses() {
            return LInsns.regs(base, value);
        }
    }

    /** {@code lock *(size *)(base + offset) += value}, for counters in map values (W or DW). */
    record AtomicAdd(Size size, VReg base, int offset, VReg value, Span span) implements LInsn {
        @Override
        public List<VReg> uses() {
            return List.of(base, value);
        }
    }

    /** {@code dst = fp + offset of slot + offset}: a pointer into the stack frame. */
    record StackAddr(VReg dst, StackSlot slot, int offset, Span span) implements LInsn {
        @Override
        public Optional<VReg> def() {
            return Optional.of(dst);
        }

        @Override
        public List<VReg> uses() {
            return List.of();
        }
    }

    /** {@code dst = *(size *)(slot + offset)}: a load from a stack slot (the allocator folds it into fp-relative form). */
    record LoadStack(Size size, VReg dst, StackSlot slot, int offset, Span span) implements LInsn {
        @Override
        public Optional<VReg> def() {
            return Optional.of(dst);
        }

        @Override
        public List<VReg> uses() {
            return List.of();
        }
    }

    /** {@code *(size *)(slot + offset) = value}. */
    record StoreStack(Size size, StackSlot slot, int offset, Operand value, Span span) implements LInsn {
        @Override
        public List<VReg> uses() {
            return LInsns.regs(value);
        }
    }

    /** {@code dst = &map}: LD_IMM64 of a map, by its name in the object. */
    record LoadMap(VReg dst, String map, Span span) implements LInsn {
        @Override
        public Optional<VReg> def() {
            return Optional.of(dst);
        }

        @Override
        public List<VReg> uses() {
            return List.of();
        }
    }

    /** A helper call: {@code args} go to r1…r5, the result (if used) comes from r0. */
    record CallHelper(Helper helper, List<Operand> args, Optional<VReg> result, Span span) implements LInsn {
        public CallHelper {
            args = List.copyOf(args);
            if (args.size() > 5) {
                throw new IllegalArgumentException(helper + ": more than five arguments");
            }
        }

        @Override
        public Optional<VReg> def() {
            return result;
        }

        @Override
        public List<VReg> uses() {
            return LInsns.regs(args.toArray(Operand[]::new));
        }
    }

    /** A call of a subprogram of the same object ({@code BPF_PSEUDO_CALL}); same register rules as helpers. */
    record CallLocal(String function, List<Operand> args, Optional<VReg> result, Span span) implements LInsn {
        public CallLocal {
            args = List.copyOf(args);
            if (args.size() > 5) {
                throw new IllegalArgumentException(function + ": more than five arguments");
            }
        }

        @Override
        public Optional<VReg> def() {
            return result;
        }

        @Override
        public List<VReg> uses() {
            return LInsns.regs(args.toArray(Operand[]::new));
        }
    }
}
