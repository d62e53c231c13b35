package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Declaration;
import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.KeySet;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The states of a parser: their bodies, transitions and select cases. States may be named before
 * they are declared; {@code accept} and {@code reject} are implicit; a state without a transition
 * goes to {@code reject}; states not reachable from {@code start} are reported.
 */
final class ParserChecker {
    private final Checker ck;

    ParserChecker(Checker ck) {
        this.ck = ck;
    }

    List<ParserState> states(Declaration.Parser p, Ctx ctx) {
        Map<String, Declaration.State> byName = new LinkedHashMap<>();
        for (Declaration.State s : p.states()) {
            if (s.name().equals(ParserState.ACCEPT) || s.name().equals(ParserState.REJECT)) {
                ck.diags.report(Code.RESERVED_STATE, s.nameSpan(), s.name());
            } else if (byName.containsKey(s.name())) {
                ck.diags.report(Code.DUPLICATE, s.nameSpan(), "state " + s.name());
            } else {
                byName.put(s.name(), s);
            }
        }
        if (!byName.containsKey(ParserState.START)) {
            ck.diags.report(Code.NO_START_STATE, p.nameSpan(), p.name());
        }
        var out = new ArrayList<ParserState>();
        for (Declaration.State s : byName.values()) {
            Ctx state = new Ctx(ctx.scope().child(), ctx.frame(), Ctx.Body.PARSER_STATE, Optional.empty(), 0, Optional.empty());
            List<Stmt> body = ck.stmts.statements(s.body(), state);
            ParserState.Transition t = s.transition().map(tr -> transition(tr, byName.keySet(), p.name(), state))
                    .orElse(new ParserState.Goto(ParserState.REJECT, s.span()));
            out.add(new ParserState(s.name(), body, t, s.annotations(), s.span()));
        }
        reportUnreachable(out, byName);
        return out;
    }

    private ParserState.Transition transition(Declaration.Transition t, Set<String> states, String parser, Ctx ctx) {
        return switch (t) {
            case Declaration.Goto g -> {
                checkState(g.state(), g.span(), states, parser);
                yield new ParserState.Goto(g.state(), g.span());
            }
            case Declaration.Select s -> select(s, states, parser, ctx);
        };
    }

    private void checkState(String name, Span at, Set<String> states, String parser) {
        if (!states.contains(name) && !name.equals(ParserState.ACCEPT) && !name.equals(ParserState.REJECT)) {
            ck.diags.report(Code.UNKNOWN_STATE, at, name, parser);
        }
    }

    private ParserState.Transition select(Declaration.Select s, Set<String> states, String parser, Ctx ctx) {
        var keys = new ArrayList<Expr>();
        for (Expression k : s.keys()) {
            Expr key = ck.exprs.check(k, ctx);
            if (key.type() instanceof Type.InfInt) {
                ck.diags.report(Code.NEEDS_WIDTH, k.span(), ExprText.of(key));
                key = Conversions.poisoned(key);
            }
            keys.add(key);
        }
        List<Type> keyTypes = keys.stream().map(Expr::type).toList();
        var cases = new ArrayList<ParserState.SelectCase>();
        for (Declaration.SelectCase c : s.cases()) {
            checkState(c.state(), c.stateSpan(), states, parser);
            KeySet ks = new Keysets(ck).keyset(c.keyset(), keyTypes, ctx, true);
            cases.add(new ParserState.SelectCase(ks, c.state(), c.span()));
        }
        return new ParserState.Select(keys, cases, s.span());
    }

    private void reportUnreachable(List<ParserState> states, Map<String, Declaration.State> declared) {
        if (!declared.containsKey(ParserState.START)) {
            return;
        }
        Map<String, ParserState> byName = new LinkedHashMap<>();
        states.forEach(s -> byName.put(s.name(), s));
        Set<String> reached = new HashSet<>();
        var work = new ArrayDeque<String>();
        work.add(ParserState.START);
        while (!work.isEmpty()) {
            String n = work.poll();
            ParserState s = byName.get(n);
            if (s == null || !reached.add(n)) {
                continue;
            }
            switch (s.transition()) {
                case ParserState.Goto g -> work.add(g.state());
                case ParserState.Select sel -> sel.cases().forEach(c -> work.add(c.state()));
            }
        }
        for (ParserState s : states) {
            if (!reached.contains(s.name())) {
                ck.diags.report(Code.UNREACHABLE_STATE, declared.get(s.name()).nameSpan(), s.name());
            }
        }
    }
}
