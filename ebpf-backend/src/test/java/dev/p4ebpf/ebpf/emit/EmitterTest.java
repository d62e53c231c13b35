package dev.p4ebpf.ebpf.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Insn;
import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LBuilder;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ebpf.lirtest.LirParser;
import dev.p4ebpf.ebpf.lirtest.Programs;
import dev.p4ebpf.ebpf.opt.Pipeline;
import dev.p4ebpf.ebpf.regalloc.RegisterAllocator;
import dev.p4ebpf.ebpf.testutil.Golden;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Instruction selection, block layout and metadata of the emitter, as golden disassembly plus targeted checks. */
class EmitterTest {

    private static Code emit(String golden, String lir) {
        Code c = Codegen.compile(LirParser.parse(lir), Pipeline.none()).code();
        Golden.check("dev/p4ebpf/ebpf/emit/" + golden + ".golden", Programs.listing(c));
        return c;
    }

    @Test
    void constantsTakeTheShortestForm() {
        Code c = emit("constants", """
                function f[%0.ctx]
                  b0:
                    %1 = -5
                    %2 = 4294967295
                    %3 = 2147483648
                    %4 = 81985529216486895
                    %5 = %1 add 4294967296
                    %5 = %5 add32 4294967295
                    %5 = %5 add %2
                    %5 = %5 add %3
                    %5 = %5 add %4
                    *(DW)(%0.ctx + 0) = 9223372036854775807
                    return %5
                """);
        long imm64 = c.insns().stream().filter(i -> i instanceof Insn.LoadImm64).count();
        assertEquals(3, imm64, "only values outside 32 bits (2^32 as an operand, 0x123…, INT64_MAX) need LD_IMM64");
    }

    @Test
    void branchesFallThroughToTheLikelySuccessorAndExitsGoLast() {
        Code c = emit("layout", """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    %2 = *(W)(%0.ctx + 4)
                    %3 = %1 add 14
                    if %3 jle %2 goto b1 else b3
                  b3:
                    return 1
                  b1:
                    %4 = *(H)(%1 + 12)
                    if %4 jset 255 goto b2 else b3
                  b2:
                    %5 = %4 rsh32 4
                    %6 = bswap16 %5
                    %7 = sext8 %6
                    return %7
                """);
        String text = Programs.listing(c);
        assertTrue(text.matches("(?s).*if r\\d > r\\d goto.*"), "the check is inverted so the parse path falls through:\n" + text);
        assertEquals(1, c.insns().stream().filter(i -> i instanceof Insn.Goto).count(), "one goto, after the JSET:\n"
                + text);
        assertTrue(text.indexOf("r0 = 0x1") > text.indexOf("exit"), "the drop exit is placed last:\n" + text);
    }

    @Test
    void stackMapsAndCallsAreFpRelativeAndSymbolic() {
        emit("stack-and-calls", """
                function f[%0.ctx]
                  b0:
                    *(W)($0.key[8] + 0) = 32
                    *(W)($0.key[8] + 4) = 16777343
                    %1 = map routes
                    %2 = &$0.key[8] + 0
                    %3 = call map_lookup_elem(%1, %2)
                    if %3 jeq 0 goto b1 else b2
                  b1:
                    return 1
                  b2:
                    %4 = *(W)($0.key[8] + 4)
                    lock *(DW)(%3 + 0) += %4
                    %5 = -32 %4
                    %6 = call counter(%5, %0.ctx)
                    return %6
                """);
    }

    @Test
    void everyInstructionCarriesItsSpan() {
        LBuilder b = new LBuilder("f");
        VReg ctx = b.param("ctx");
        int entry = b.newBlock();
        b.switchTo(entry);
        VReg x = b.reg("x");
        VReg y = b.reg("y");
        Span load = Span.at("p.p4", 3, 5);
        Span add = Span.at("p.p4", 4, 7);
        Span call = Span.at("p.p4", 5, 1);
        Span ret = Span.at("p.p4", 6, 9);
        b.emit(new LInsn.Load(Size.W, x, ctx, 0, load));
        b.emit(new LInsn.Alu(AluOp.ADD, false, x, x, Operand.imm(81985529216486895L), add));
        b.emit(new LInsn.CallHelper(Helper.CSUM_DIFF, List.of(Operand.imm(0), Operand.imm(0), Operand.imm(0),
                Operand.imm(0), x), Optional.of(y), call));
        b.branch(JmpOp.JEQ, false, y, Operand.imm(0), entry, entry, ret);
        LFunction f = b.build();
        Code c = Emitter.emit(RegisterAllocator.allocate(f));
        for (Insn i : c.insns()) {
            Span s = i.meta().span();
            assertTrue(s.sameLocation(load) || s.sameLocation(add) || s.sameLocation(call) || s.sameLocation(ret)
                    || s.isNone(), i + " has span " + s);
        }
        assertTrue(c.insns().stream().filter(i -> i.meta().span().sameLocation(add)).count() >= 2,
                "both the LD_IMM64 and the add come from line 4");
        assertTrue(c.insns().stream().anyMatch(i -> i instanceof Insn.CallHelper && i.meta().span().sameLocation(call)));
    }
}
