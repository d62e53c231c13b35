package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.KeySet;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.diag.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers a parser: one block per state, select as a chain of key comparisons in case order. Parsing
 * ends at {@code accept} or {@code reject}; the error register says why it rejected.
 */
final class ParserLowering {
    private final Lowering lo;
    private final Gen g;

    ParserLowering(Lowering lo) {
        this.lo = lo;
        this.g = lo.g;
    }

    /**
     * Lowers the states of {@code p} (its locals already declared); control ends in {@code accept}
     * or {@code reject}, with {@code error} set on rejection.
     */
    void lower(Decl.ParserDecl p, VReg error, int accept, int reject) throws Unsupported {
        Map<String, Integer> blocks = new HashMap<>();
        for (ParserState s : p.states()) {
            blocks.put(s.name(), g.block());
        }
        blocks.put(ParserState.ACCEPT, accept);
        int rejectNoMatch = g.block();
        lo.extraction.error = error;
        lo.extraction.reject = reject;
        g.jump(blocks.get(ParserState.START), Span.NONE);
        for (ParserState s : p.states()) {
            g.enter(blocks.get(s.name()));
            lo.stmts.all(s.body());
            if (!g.open()) {
                continue;
            }
            transition(s.transition(), blocks, reject, rejectNoMatch);
        }
        g.enter(rejectNoMatch);
        g.set(error, Operand.imm(lo.errorCode("NoMatch")), Span.NONE);
        g.jump(reject, Span.NONE);
        lo.extraction.reject = -1;
    }

    private void transition(ParserState.Transition t, Map<String, Integer> blocks, int reject, int noMatch)
            throws Unsupported {
        switch (t) {
            case ParserState.Goto go -> g.jump(target(go.state(), blocks, reject), go.span());
            case ParserState.Select sel -> select(sel, blocks, reject, noMatch);
        }
    }

    private static int target(String state, Map<String, Integer> blocks, int reject) {
        return state.equals(ParserState.REJECT) ? reject : blocks.get(state);
    }

    private void select(ParserState.Select sel, Map<String, Integer> blocks, int reject, int noMatch) throws Unsupported {
        Span at = sel.span();
        List<VReg> keys = new java.util.ArrayList<>();
        for (Expr k : sel.keys()) {
            keys.add(g.mov(lo.exprs.value(k), "key", at));
        }
        for (ParserState.SelectCase c : sel.cases()) {
            int next = g.block();
            int to = target(c.state(), blocks, reject);
            if (c.state().equals(ParserState.REJECT)) {
                // an explicit transition to reject is not an error of the parser: error stays NoError
                to = reject;
            }
            matches(c.keySet(), keys, sel.keys(), to, next, at);
            g.enter(next);
        }
        g.jump(noMatch, at);
    }

    /** Branches to {@code yes} when the keys match the keyset, else to {@code no}. */
    private void matches(KeySet ks, List<VReg> keys, List<Expr> keyExprs, int yes, int no, Span at) throws Unsupported {
        if (ks instanceof KeySet.ValueSetRef vs) {
            lo.valueSets.match(vs.name(), keys, yes, no, at);
            return;
        }
        if (ks instanceof KeySet.Tuple t) {
            for (int i = 0; i < t.elements().size(); i++) {
                int next = i + 1 < t.elements().size() ? g.block() : yes;
                one(t.elements().get(i), keys.get(i), keyExprs.get(i), next, no, at);
                if (next != yes) {
                    g.enter(next);
                }
            }
            return;
        }
        if (keys.size() != 1) {
            if (ks instanceof KeySet.Default) {
                g.jump(yes, at);
                return;
            }
            throw new Unsupported("a keyset for " + keys.size() + " keys that is not a tuple", "write the keyset as a tuple with one element per key, e.g. (1, _)", ks.span());
        }
        one(ks, keys.getFirst(), keyExprs.getFirst(), yes, no, at);
    }

    private void one(KeySet ks, VReg key, Expr keyExpr, int yes, int no, Span at) throws Unsupported {
        switch (ks) {
            case KeySet.Default d -> g.jump(yes, at);
            case KeySet.Value v -> g.branch(JmpOp.JEQ, key, lo.exprs.operand(v.value()), yes, no, at);
            case KeySet.Mask m -> {
                VReg masked = g.alu(AluOp.AND, key, lo.exprs.operand(m.mask()), at);
                VReg value = g.alu(AluOp.AND, lo.exprs.value(m.value()), lo.exprs.operand(m.mask()), at);
                g.b.branch(JmpOp.JEQ, false, masked, value, yes, no, at);
            }
            case KeySet.Range r -> {
                boolean signed = Scalars.signed(keyExpr.type());
                int w = Exprs.width(keyExpr);
                VReg k = signed ? g.signExtend(key, w, at) : key;
                VReg low = signed ? g.signExtend(lo.exprs.value(r.lo()), w, at) : lo.exprs.value(r.lo());
                VReg high = signed ? g.signExtend(lo.exprs.value(r.hi()), w, at) : lo.exprs.value(r.hi());
                int aboveLow = g.block();
                g.b.branch(signed ? JmpOp.JSGE : JmpOp.JGE, false, k, low, aboveLow, no, at);
                g.enter(aboveLow);
                g.b.branch(signed ? JmpOp.JSLE : JmpOp.JLE, false, k, high, yes, no, at);
            }
            case KeySet.ValueSetRef vs -> lo.valueSets.match(vs.name(), List.of(key), yes, no, at);
            case KeySet.Tuple t -> throw new Unsupported("a nested keyset tuple", "a select keyset holds one value, mask, range or default per key; flatten the tuple", ks.span());
        }
    }
}
