package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Unrolls parser loops over header stacks into an acyclic parser. The parser is explored from
 * {@code start} keeping track of the {@code nextIndex} of every stack it walks with
 * {@code next}/{@code last}; a state reached with different indices is copied once per combination,
 * and in each copy {@code next}, {@code last} and {@code lastIndex} become constant indices. Where
 * the spec makes them fail ({@code next} of a full stack, {@code last} of an empty one) the copy
 * signals {@code error.StackOutOfBounds} with {@code verify} and rejects. A loop that does not
 * advance a stack on every round cannot be bounded this way: it is reported, with its state.
 */
public final class UnrollParserLoops implements Pass {
    /** More states than this in one unrolled parser means the program asks for too much. */
    static final int MAX_STATES = 4096;

    @Override
    public String name() {
        return "unroll-parser-loops";
    }

    @Override
    public String summary() {
        return "unroll parser loops over header stacks (next/last become constant indices); reject unbounded loops";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var names = FreshNames.of(program);
        var out = new ArrayList<Decl>();
        for (Decl d : program.decls()) {
            if (d instanceof Decl.ParserDecl p && !Decls.isBundled(d) && p.typeParams().isEmpty()) {
                out.add(unroll(p, program, names, context.diagnostics()));
            } else {
                out.add(d);
            }
        }
        return new Program(out);
    }

    private static Decl.ParserDecl unroll(Decl.ParserDecl p, Program program, FreshNames names, Diagnostics diags) {
        var walker = new StackWalker(p, program);
        if (walker.failure().isPresent()) {
            diags.report(Code.UNSUPPORTED, walker.failure().get().span(), walker.failure().get().what(),
                    walker.failure().get().why());
            return p;
        }
        if (walker.stacks().isEmpty()) {
            Optional<ParserState> loop = firstCycle(p.states(), p);
            loop.ifPresent(s -> diags.report(Code.UNSUPPORTED, s.span(), "the loop through state " + s.name()
                    + " of parser " + p.name(), "it does not walk a header stack with .next or .last, so it cannot be "
                    + "bounded and unrolled; parse a bounded number of repetitions with a header stack instead"));
            return p;
        }
        Map<String, ParserState> byName = new HashMap<>();
        p.states().forEach(s -> byName.put(s.name(), s));
        var clones = new LinkedHashMap<String, ParserState>();
        var cloneNames = new HashMap<String, String>();
        var work = new ArrayDeque<Map.Entry<String, StackVector>>();
        StackVector zero = StackVector.zeros(walker.stacks());
        String start = ParserState.START;
        cloneNames.put(key(start, zero), start);
        work.add(Map.entry(start, zero));
        var usedOriginal = new HashSet<String>(List.of(start));
        while (!work.isEmpty()) {
            var item = work.poll();
            ParserState original = byName.get(item.getKey());
            String cloneName = cloneNames.get(key(item.getKey(), item.getValue()));
            StackWalker.Walked walked = walker.walk(original, item.getValue());
            var targets = new HashMap<String, String>();
            for (Map.Entry<String, StackVector> t : walked.targets().entrySet()) {
                String target = t.getKey();
                if (!byName.containsKey(target)) {
                    continue;
                }
                String k = key(target, t.getValue());
                String n = cloneNames.get(k);
                if (n == null) {
                    n = usedOriginal.add(target) ? target : names.fresh(target);
                    cloneNames.put(k, n);
                    work.add(Map.entry(target, t.getValue()));
                }
                targets.put(target, n);
            }
            clones.put(cloneName, walked.state(cloneName, targets));
            if (clones.size() > MAX_STATES) {
                diags.report(Code.UNSUPPORTED, p.span(), "unrolling parser " + p.name(),
                        "it needs more than " + MAX_STATES + " states; use smaller header stacks");
                return p;
            }
        }
        var states = new ArrayList<>(clones.values());
        Optional<ParserState> loop = firstCycle(states, p);
        if (loop.isPresent()) {
            diags.report(Code.UNSUPPORTED, loop.get().span(), "the loop through state " + loop.get().name()
                    + " of parser " + p.name(), "some round of it does not advance a header stack with .next, so it "
                    + "cannot be bounded and unrolled");
            return p;
        }
        return new Decl.ParserDecl(p.name(), p.typeParams(), p.applyParams(), p.ctorParams(), p.locals(), states,
                p.annotations(), p.span());
    }

    private static String key(String state, StackVector v) {
        return state + v;
    }

    /** A state on a cycle of the transition graph, if the graph has one (found from {@code start}). */
    static Optional<ParserState> firstCycle(List<ParserState> states, Decl.ParserDecl p) {
        Map<String, ParserState> byName = new HashMap<>();
        states.forEach(s -> byName.put(s.name(), s));
        var color = new HashMap<String, Integer>();
        var stack = new ArrayDeque<Map.Entry<String, java.util.Iterator<String>>>();
        if (!byName.containsKey(ParserState.START)) {
            return Optional.empty();
        }
        color.put(ParserState.START, 1);
        stack.push(Map.entry(ParserState.START, successors(byName.get(ParserState.START)).iterator()));
        while (!stack.isEmpty()) {
            var top = stack.peek();
            if (!top.getValue().hasNext()) {
                color.put(top.getKey(), 2);
                stack.pop();
                continue;
            }
            String next = top.getValue().next();
            if (!byName.containsKey(next)) {
                continue;
            }
            int c = color.getOrDefault(next, 0);
            if (c == 1) {
                return Optional.of(byName.get(next));
            }
            if (c == 0) {
                color.put(next, 1);
                stack.push(Map.entry(next, successors(byName.get(next)).iterator()));
            }
        }
        return Optional.empty();
    }

    private static List<String> successors(ParserState s) {
        return switch (s.transition()) {
            case ParserState.Goto g -> List.of(g.state());
            case ParserState.Select sel -> sel.cases().stream().map(ParserState.SelectCase::state).distinct().toList();
        };
    }
}
