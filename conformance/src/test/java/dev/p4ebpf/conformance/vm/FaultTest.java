package dev.p4ebpf.conformance.vm;

import static dev.p4ebpf.ebpf.insn.Reg.FP;
import static dev.p4ebpf.ebpf.insn.Reg.R0;
import static dev.p4ebpf.ebpf.insn.Reg.R1;
import static dev.p4ebpf.ebpf.insn.Reg.R2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.insn.Alu;
import dev.p4ebpf.ebpf.insn.Alu64;
import dev.p4ebpf.ebpf.insn.Call;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.Jmp;
import dev.p4ebpf.ebpf.insn.Label;
import dev.p4ebpf.ebpf.insn.Mem;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ir.diag.Span;
import org.junit.jupiter.api.Test;

/** Invalid accesses are typed faults that name the instruction (slot index and text) and its span. */
class FaultTest {

    @Test
    void stackAccessBelowTheFrameIsOutOfBoundsAtItsInstruction() {
        VmException e = Vms.fault(Code.of(Alu64.MOV.imm(R0, 0), Mem.st(Size.DW, FP, -520, 1), Jmp.exit()));
        assertEquals(VmFault.OUT_OF_BOUNDS, e.fault());
        assertEquals(1, e.insnIndex().orElseThrow());
        assertTrue(e.getMessage().contains("*(u64 *)(r10 - 0x208) = 0x1"), e.getMessage());
    }

    @Test
    void packetReadPastDataEndIsOutOfBoundsAndCarriesTheSpan() {
        Span where = Span.at("router.p4", 12, 5);
        VmException e = Vms.fault(Code.of(Mem.ldx(Size.W, R2, R1, 0), Mem.ldx(Size.W, R0, R2, 60).withSpan(where),
                Jmp.exit()));
        assertEquals(VmFault.OUT_OF_BOUNDS, e.fault());
        assertEquals(1, e.insnIndex().orElseThrow());
        assertEquals("router.p4:12:5", e.span().toString());
        assertTrue(e.getMessage().contains("at router.p4:12:5"), e.getMessage());
    }

    @Test
    void readingAClobberedRegisterIsAFault() {
        VmException e = Vms.fault(Code.of(Call.helper(Helper.KTIME_GET_NS), Alu64.MOV.reg(R0, R1), Jmp.exit()));
        assertEquals(VmFault.UNINITIALIZED_REGISTER, e.fault());
    }

    @Test
    void pointerArithmeticTheVerifierForbidsIsAFault() {
        assertEquals(VmFault.POINTER_ARITHMETIC, Vms.fault(Code.of(Alu64.MOV.reg(R0, FP), Alu64.AND.imm(R0, 7),
                Alu64.MOV.imm(R0, 0), Jmp.exit())).fault());
        assertEquals(VmFault.POINTER_ARITHMETIC, Vms.fault(Code.of(Alu64.MOV.reg(R0, FP), Alu.ADD.imm(R0, 7),
                Alu64.MOV.imm(R0, 0), Jmp.exit())).fault());
    }

    @Test
    void loadsThroughScalarsAndWritesToTheContextAreFaults() {
        assertEquals(VmFault.INVALID_POINTER, Vms.fault(Code.of(Alu64.MOV.imm(R1, 4096), Mem.ldx(Size.W, R0, R1, 0),
                Jmp.exit())).fault());
        assertEquals(VmFault.INVALID_CONTEXT_ACCESS, Vms.fault(Code.of(Mem.st(Size.W, R1, 12, 1), Alu64.MOV.imm(R0, 0),
                Jmp.exit())).fault());
        assertEquals(VmFault.INVALID_CONTEXT_ACCESS, Vms.fault(Code.of(Mem.ldx(Size.H, R0, R1, 0), Jmp.exit())).fault());
    }

    @Test
    void aStalePacketPointerAfterAdjustHeadIsAFault() {
        VmException e = Vms.fault(Code.of(Alu64.MOV.reg(dev.p4ebpf.ebpf.insn.Reg.R6, R1),
                Mem.ldx(Size.W, dev.p4ebpf.ebpf.insn.Reg.R7, R1, 0), Alu64.MOV.imm(R2, -4),
                Call.helper(Helper.XDP_ADJUST_HEAD), Mem.ldx(Size.B, R0, dev.p4ebpf.ebpf.insn.Reg.R7, 0), Jmp.exit()));
        assertEquals(VmFault.INVALID_POINTER, e.fault());
        assertEquals(4, e.insnIndex().orElseThrow());
    }

    @Test
    void anEndlessLoopExhaustsTheBudget() throws Exception {
        Label top = Label.of("top");
        Code loop = Code.builder().emit(Alu64.MOV.imm(R0, 0)).bind(top).emit(Alu64.ADD.imm(R0, 1), Jmp.JNE.imm(R0, 0, top),
                Jmp.exit()).build();
        VmProgram vm = Vms.load("xdp", loop);
        VmException e = org.junit.jupiter.api.Assertions.assertThrows(VmException.class,
                () -> vm.run("p", Vms.PACKET, RunOptions.defaults().withInstructionBudget(5000)));
        assertEquals(VmFault.INSTRUCTION_BUDGET_EXHAUSTED, e.fault());
    }

    @Test
    void callsNestNoDeeperThanEightFrames() throws Exception {
        Code main = Code.of(Call.local("f0"), Jmp.exit());
        Code f0 = Code.builder().emit(Call.local(Label.of("f0")), Jmp.exit()).build();
        VmException e = org.junit.jupiter.api.Assertions.assertThrows(VmException.class,
                () -> Vms.load("xdp", main, f0).run("p", Vms.PACKET));
        assertEquals(VmFault.CALL_STACK_OVERFLOW, e.fault());
    }

    @Test
    void unsupportedHelpersAreNamed() {
        VmException e = Vms.fault(Code.of(Call.helper(Helper.FIB_LOOKUP), Jmp.exit()));
        assertEquals(VmFault.UNSUPPORTED_HELPER, e.fault());
        assertTrue(e.getMessage().contains("bpf_fib_lookup"), e.getMessage());
        assertEquals(VmFault.INVALID_PROGRAM, Vms.fault(Code.of(Alu64.MOV.imm(dev.p4ebpf.ebpf.insn.Reg.R10, 0),
                Jmp.exit())).fault());
    }
}
