package dev.p4ebpf.conformance.vm;

import static dev.p4ebpf.conformance.vm.Vms.eval;
import static dev.p4ebpf.ebpf.insn.Reg.FP;
import static dev.p4ebpf.ebpf.insn.Reg.R0;
import static dev.p4ebpf.ebpf.insn.Reg.R1;
import static dev.p4ebpf.ebpf.insn.Reg.R2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.insn.Alu;
import dev.p4ebpf.ebpf.insn.Alu64;
import dev.p4ebpf.ebpf.insn.AtomicOp;
import dev.p4ebpf.ebpf.insn.Call;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Jmp;
import dev.p4ebpf.ebpf.insn.Jmp32;
import dev.p4ebpf.ebpf.insn.Label;
import dev.p4ebpf.ebpf.insn.LdImm64;
import dev.p4ebpf.ebpf.insn.Mem;
import dev.p4ebpf.ebpf.insn.Size;
import org.junit.jupiter.api.Test;

/** Every instruction class against hand-computed results, with the edge cases RFC 9669 defines. */
class InstructionSemanticsTest {

    @Test
    void alu64WrapsAndAlu32ZeroExtends() throws Exception {
        assertEquals(Long.MIN_VALUE, eval(LdImm64.imm(R0, Long.MAX_VALUE), Alu64.ADD.imm(R0, 1)));
        assertEquals(0, eval(LdImm64.imm(R0, 0xffff_ffffL), Alu.ADD.imm(R0, 1)));
        assertEquals(5, eval(LdImm64.imm(R0, 0x1_0000_0005L), Alu.ADD.imm(R0, 0)));
        assertEquals(0xffff_ffffL, eval(Alu.MOV.imm(R0, -1)));
        assertEquals(-1, eval(Alu64.MOV.imm(R0, -1)));
        assertEquals(0xffff_fffeL, eval(Alu.MOV.imm(R0, 1), Alu.MUL.imm(R0, -2)));
        assertEquals(0xffff_ffffL, eval(Alu.MOV.imm(R0, 1), Alu.neg(R0)));
        assertEquals(-1, eval(Alu64.MOV.imm(R0, 1), Alu64.neg(R0)));
        assertEquals(0x0f0f_0f0fL ^ 0xffff_ffffL, eval(LdImm64.imm(R0, 0x0f0f_0f0fL), Alu.XOR.imm(R0, -1)));
    }

    @Test
    void divisionByZeroGivesZeroAndModuloByZeroKeepsTheDividend() throws Exception {
        assertEquals(0, eval(Alu64.MOV.imm(R0, 77), Alu64.MOV.imm(R1, 0), Alu64.DIV.reg(R0, R1)));
        assertEquals(77, eval(Alu64.MOV.imm(R0, 77), Alu64.MOV.imm(R1, 0), Alu64.MOD.reg(R0, R1)));
        assertEquals(0x5, eval(LdImm64.imm(R0, 0x7_0000_0005L), Alu64.MOV.imm(R1, 0), Alu.MOD.reg(R0, R1)));
        assertEquals(0, eval(Alu64.MOV.imm(R0, -9), Alu64.MOV.imm(R1, 0), Alu64.SDIV.reg(R0, R1)));
        assertEquals(-9, eval(Alu64.MOV.imm(R0, -9), Alu64.MOV.imm(R1, 0), Alu64.SMOD.reg(R0, R1)));
        assertEquals(Long.divideUnsigned(-7L, 2), eval(Alu64.MOV.imm(R0, -7), Alu64.DIV.imm(R0, 2)));
    }

    @Test
    void signedDivisionTruncatesAndOverflowWraps() throws Exception {
        assertEquals(-3, eval(Alu64.MOV.imm(R0, -7), Alu64.SDIV.imm(R0, 2)));
        assertEquals(-1, eval(Alu64.MOV.imm(R0, -7), Alu64.SMOD.imm(R0, 2)));
        assertEquals(1, eval(Alu64.MOV.imm(R0, 7), Alu64.SMOD.imm(R0, -2)));
        assertEquals(Long.MIN_VALUE, eval(LdImm64.imm(R0, Long.MIN_VALUE), Alu64.SDIV.imm(R0, -1)));
        assertEquals(0, eval(LdImm64.imm(R0, Long.MIN_VALUE), Alu64.SMOD.imm(R0, -1)));
        assertEquals(0x8000_0000L, eval(Alu.MOV.imm(R0, Integer.MIN_VALUE), Alu.SDIV.imm(R0, -1)));
        assertEquals(0xffff_fffdL, eval(Alu.MOV.imm(R0, -7), Alu.SDIV.imm(R0, 2)));
    }

    @Test
    void shiftsAreMaskedToTheWidth() throws Exception {
        assertEquals(2, eval(Alu64.MOV.imm(R0, 1), Alu64.MOV.imm(R1, 65), Alu64.LSH.reg(R0, R1)));
        assertEquals(2, eval(Alu.MOV.imm(R0, 1), Alu.MOV.imm(R1, 33), Alu.LSH.reg(R0, R1)));
        assertEquals(0xf800_0000L, eval(Alu.MOV.imm(R0, Integer.MIN_VALUE), Alu.ARSH.imm(R0, 4)));
        assertEquals(0x0800_0000L, eval(Alu.MOV.imm(R0, Integer.MIN_VALUE), Alu.RSH.imm(R0, 4)));
        assertEquals(-1, eval(LdImm64.imm(R0, Long.MIN_VALUE), Alu64.ARSH.imm(R0, 63)));
        assertEquals(1, eval(LdImm64.imm(R0, Long.MIN_VALUE), Alu64.MOV.imm(R1, -1), Alu64.RSH.reg(R0, R1)));
    }

    @Test
    void signExtendingMovesAndLoads() throws Exception {
        assertEquals(-128, eval(Alu64.MOV.imm(R1, 0x180), Alu64.movsx8(R0, R1)));
        assertEquals(0xffff_ff80L, eval(Alu64.MOV.imm(R1, 0x180), Alu.movsx8(R0, R1)));
        assertEquals(-32768, eval(Alu64.MOV.imm(R1, 0x18000), Alu64.movsx16(R0, R1)));
        assertEquals(0xffff_ffff_8000_0000L, eval(LdImm64.imm(R1, 0x1_8000_0000L), Alu64.movsx32(R0, R1)));
        assertEquals(-2, eval(Mem.st(Size.H, FP, -8, 0xfffe), Mem.ldxs(Size.H, R0, FP, -8)));
        assertEquals(0xfffe, eval(Mem.st(Size.H, FP, -8, 0xfffe), Mem.ldx(Size.H, R0, FP, -8)));
        assertEquals(-1, eval(Mem.st(Size.W, FP, -8, -1), Mem.ldxs(Size.W, R0, FP, -8)));
        assertEquals(0x80, eval(Mem.st(Size.B, FP, -8, 0x80), Mem.ldx(Size.B, R0, FP, -8)));
    }

    @Test
    void byteOrderConversionsAndSwapsZeroExtend() throws Exception {
        long v = 0x1122_3344_5566_7788L;
        assertEquals(0x7788, eval(LdImm64.imm(R0, v), Alu.le(R0, 16)));
        assertEquals(0x5566_7788L, eval(LdImm64.imm(R0, v), Alu.le(R0, 32)));
        assertEquals(v, eval(LdImm64.imm(R0, v), Alu.le(R0, 64)));
        assertEquals(0x8877, eval(LdImm64.imm(R0, v), Alu.be(R0, 16)));
        assertEquals(0x8877_6655L, eval(LdImm64.imm(R0, v), Alu.be(R0, 32)));
        assertEquals(0x8877_6655_4433_2211L, eval(LdImm64.imm(R0, v), Alu64.bswap(R0, 64)));
        assertEquals(0x8877, eval(LdImm64.imm(R0, v), Alu64.bswap(R0, 16)));
    }

    private static long branch(dev.p4ebpf.ebpf.insn.Insn cond) throws Exception {
        Label yes = Label.of("yes");
        Code c = Code.builder().emit(LdImm64.imm(R1, -1), Alu64.MOV.imm(R2, 1), LdImm64.imm(dev.p4ebpf.ebpf.insn.Reg.R3,
                0x1_0000_0000L), cond.withComment(""), Alu64.MOV.imm(R0, 0), Jmp.exit()).bind(yes)
                .emit(Alu64.MOV.imm(R0, 1), Jmp.exit()).build();
        return Vms.load("xdp", c).run("p", Vms.PACKET).returnValue();
    }

    @Test
    void conditionalJumpsSignedUnsignedAnd32Bit() throws Exception {
        Label yes = Label.of("yes");
        assertEquals(1, branch(Jmp.JGT.reg(R1, R2, yes)));
        assertEquals(0, branch(Jmp.JSGT.reg(R1, R2, yes)));
        assertEquals(1, branch(Jmp.JSLT.imm(R1, 0, yes)));
        assertEquals(1, branch(Jmp.JEQ.imm(R1, -1, yes)));
        assertEquals(0, branch(Jmp32.JNE.imm(dev.p4ebpf.ebpf.insn.Reg.R3, 0, yes)));
        assertEquals(1, branch(Jmp.JNE.imm(dev.p4ebpf.ebpf.insn.Reg.R3, 0, yes)));
        assertEquals(1, branch(Jmp32.JEQ.imm(R1, -1, yes)));
        assertEquals(1, branch(Jmp.JSET.imm(dev.p4ebpf.ebpf.insn.Reg.R3, 0, yes)) ^ 1);
        assertEquals(1, branch(Jmp.JLE.reg(R2, R1, yes)));
        assertEquals(0, branch(Jmp32.JSGE.reg(R1, R2, yes)));
    }

    @Test
    void atomicsFetchExchangeAndCompare() throws Exception {
        assertEquals(10, eval(Mem.st(Size.DW, FP, -8, 10), Alu64.MOV.imm(R1, 5),
                Mem.atomic(Size.DW, AtomicOp.FETCH_ADD, FP, -8, R1), Alu64.MOV.reg(R0, R1)));
        assertEquals(15, eval(Mem.st(Size.DW, FP, -8, 10), Alu64.MOV.imm(R1, 5),
                Mem.atomic(Size.DW, AtomicOp.ADD, FP, -8, R1), Mem.ldx(Size.DW, R0, FP, -8)));
        assertEquals(99, eval(Mem.st(Size.DW, FP, -8, 10), Alu64.MOV.imm(R0, 10), Alu64.MOV.imm(R1, 99),
                Mem.atomic(Size.DW, AtomicOp.CMPXCHG, FP, -8, R1), Mem.ldx(Size.DW, R0, FP, -8)));
        assertEquals(10, eval(Mem.st(Size.DW, FP, -8, 10), Alu64.MOV.imm(R0, 11), Alu64.MOV.imm(R1, 99),
                Mem.atomic(Size.DW, AtomicOp.CMPXCHG, FP, -8, R1), Mem.ldx(Size.DW, R0, FP, -8)));
        assertEquals(0xffff_ffffL, eval(Mem.st(Size.DW, FP, -8, -1), LdImm64.imm(R0, 0x5_ffff_ffffL),
                Alu64.MOV.imm(R1, 3), Mem.atomic(Size.W, AtomicOp.CMPXCHG, FP, -8, R1)));
        assertEquals(0xffff_ffff_0000_0003L, eval(Mem.st(Size.DW, FP, -8, -1), LdImm64.imm(R0, 0x5_ffff_ffffL),
                Alu64.MOV.imm(R1, 3), Mem.atomic(Size.W, AtomicOp.CMPXCHG, FP, -8, R1), Mem.ldx(Size.DW, R0, FP, -8)));
        assertEquals(7, eval(Mem.st(Size.W, FP, -8, 7), Alu64.MOV.imm(R1, 1),
                Mem.atomic(Size.W, AtomicOp.XCHG, FP, -8, R1), Alu64.MOV.reg(R0, R1)));
        assertEquals(0x0e, eval(Mem.st(Size.W, FP, -8, 0x0f), Alu64.MOV.imm(R1, 0x1e),
                Mem.atomic(Size.W, AtomicOp.AND, FP, -8, R1), Mem.ldx(Size.W, R0, FP, -8)));
    }

    @Test
    void bpfToBpfCallsGetFreshFramesAndKeepCalleeSavedRegisters() throws Exception {
        Code main = Code.of(Alu64.MOV.imm(dev.p4ebpf.ebpf.insn.Reg.R6, 100), Mem.st(Size.DW, FP, -8, 5),
                Alu64.MOV.reg(R1, FP), Alu64.ADD.imm(R1, -8), Call.local("f0"),
                Alu64.ADD.reg(R0, dev.p4ebpf.ebpf.insn.Reg.R6), Mem.ldx(Size.DW, R1, FP, -8), Alu64.ADD.reg(R0, R1),
                Jmp.exit());
        Code f0 = Code.of(Mem.ldx(Size.DW, R0, R1, 0), Mem.st(Size.DW, R1, 0, 40), Mem.st(Size.DW, FP, -8, 1000),
                Alu64.MOV.imm(dev.p4ebpf.ebpf.insn.Reg.R6, 7), Jmp.exit());
        VmResult r = Vms.load("xdp", main, f0).run("p", Vms.PACKET);
        assertEquals(5 + 100 + 40, r.returnValue());
    }

    @Test
    void legacyPacketLoadsAreBigEndianAndEndTheProgramOutOfBounds() throws Exception {
        Code ok = Code.of(Alu64.MOV.reg(dev.p4ebpf.ebpf.insn.Reg.R6, R1), Mem.ldAbs(Size.H, 12), Jmp.exit());
        assertEquals(0x0800, Vms.load("tc", ok).run("p", Vms.PACKET).returnValue());
        Code oob = Code.of(Alu64.MOV.reg(dev.p4ebpf.ebpf.insn.Reg.R6, R1), Mem.ldAbs(Size.W, 1000),
                Alu64.MOV.imm(R0, 9), Jmp.exit());
        assertEquals(0, Vms.load("tc", oob).run("p", Vms.PACKET).returnValue());
    }
}
