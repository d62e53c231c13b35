package dev.p4ebpf.ebpf.insn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** decode(encode(x)) == x over generated blocks of every instruction shape (fixed, printed seeds). */
class RoundTripTest {
    private static final long SEED = 0x5eed_b9f0L;
    private static final int ROUNDS = 200;

    @Test
    void everyShapeWithRawOffsetsRoundTripsExactly() throws Exception {
        System.out.println("RoundTripTest seed " + SEED);
        for (int round = 0; round < ROUNDS; round++) {
            Code labelled = new InsnCorpus(SEED + round).labelledBlock();
            Code resolved = resolve(labelled);
            Encoded enc = Encoder.encode(resolved);
            assertEquals(resolved, Decoder.decode(enc.bytes()), "seed " + (SEED + round));
            assertArrayEquals(enc.bytes(), Encoder.encode(Decoder.decode(enc.bytes())).bytes());
        }
    }

    @Test
    void labelsEncodeToTheOffsetsTheyName() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Code labelled = new InsnCorpus(SEED + round).labelledBlock();
            assertArrayEquals(Encoder.encode(resolve(labelled)).bytes(), Encoder.encode(labelled).bytes(),
                    "seed " + (SEED + round));
        }
    }

    @Test
    void externalReferencesComeBackFromTheirRelocations() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            InsnCorpus corpus = new InsnCorpus(SEED + round);
            List<Insn> insns = new ArrayList<>(corpus.externalShapes());
            insns.add(Jmp.exit());
            Code code = Code.of(insns);
            Encoded enc = Encoder.encode(code);
            assertEquals(4, enc.relocs().size());
            assertEquals(code, Decoder.decode(enc.bytes(), enc.relocs()), "seed " + (SEED + round));
        }
    }

    @Test
    void metadataNeverTakesPartInEquality() {
        Insn a = Alu64.MOV.reg(Reg.R6, Reg.R1);
        Insn b = a.withSpan(dev.p4ebpf.ir.diag.Span.at("x.p4", 3, 1)).withComment("save ctx");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("save ctx", b.meta().comment());
    }

    /** The block with every label replaced by the raw offset it names. */
    static Code resolve(Code code) {
        int[] slotAt = code.slotOffsets();
        List<Insn> out = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            Insn insn = code.insns().get(i);
            Target t = targetOf(insn);
            if (t instanceof Label l && code.labels().containsKey(l.name())) {
                insn = InsnCorpus.retarget(insn, new Offset(slotAt[code.labels().get(l.name())] - slotAt[i] - 1));
            }
            out.add(insn);
        }
        return Code.of(out);
    }

    private static Target targetOf(Insn insn) {
        return switch (insn) {
            case Insn.Branch b -> b.target();
            case Insn.Goto g -> g.target();
            case Insn.CallLocal c -> c.target();
            case Insn.LoadImm64 l when l.value() instanceof Imm64.Func f -> f.target();
            default -> null;
        };
    }
}
