package dev.p4ebpf.ir.pass;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes names that no declaration, parameter, variable, state or type of a program uses yet, so a
 * pass can add temporaries, copies and specializations without thinking about scopes: a fresh name
 * is unique in the whole program. Names are {@code base_N} with the smallest free N (or
 * {@code base} itself when free), so output is deterministic.
 */
public final class FreshNames {
    private final Set<String> used;

    private FreshNames(Set<String> used) {
        this.used = used;
    }

    /** The names the program uses, every one of them. */
    public static FreshNames of(Program program) {
        var collector = new Collector();
        collector.names.addAll(List.of(ParserState.ACCEPT, ParserState.REJECT, ParserState.START));
        collector.program(program);
        return new FreshNames(collector.names);
    }

    /**
     * A name not used yet, now reserved: {@code base} itself when free, else {@code base_N}. A numeric
     * suffix already on {@code base} (a name made fresh before) is dropped first, so copies of copies
     * read {@code x_1}, not {@code x_0_0}.
     */
    public String fresh(String base) {
        String b = base.replaceAll("(_[0-9]+)+$", "");
        if (b.isEmpty()) {
            b = "tmp";
        }
        if (used.add(b)) {
            return b;
        }
        for (int i = 0; ; i++) {
            String candidate = b + "_" + i;
            if (used.add(candidate)) {
                return candidate;
            }
        }
    }

    /** Always a suffixed name ({@code base_N}), never {@code base} itself. */
    public String freshSuffixed(String base) {
        for (int i = 0; ; i++) {
            String candidate = base + "_" + i;
            if (used.add(candidate)) {
                return candidate;
            }
        }
    }

    public boolean isUsed(String name) {
        return used.contains(name);
    }

    /** Marks a name as taken. */
    public void reserve(String name) {
        used.add(name);
    }

    private static final class Collector extends IrRewriter {
        final Set<String> names = new HashSet<>();

        @Override
        public List<Decl> decl(Decl d) {
            names.add(d.name());
            names.addAll(Decls.typeParams(d));
            return super.decl(d);
        }

        @Override
        public Param param(Param p) {
            names.add(p.name());
            return super.param(p);
        }

        @Override
        public Expr expr(Expr e) {
            if (e instanceof Expr.Var v) {
                names.add(v.name());
            } else if (e instanceof Expr.InstanceRef r) {
                names.add(r.name());
            }
            return super.expr(e);
        }

        @Override
        public List<Stmt> stmt(Stmt s) {
            if (s instanceof Stmt.VarDecl v) {
                names.add(v.name());
            }
            if (s instanceof Stmt.ForIn f) {
                names.add(f.variable().name());
            }
            if (s instanceof Stmt.ForRange f) {
                names.add(f.variable().name());
            }
            return super.stmt(s);
        }

        @Override
        public List<ParserState> parserState(ParserState s) {
            names.add(s.name());
            return super.parserState(s);
        }

        @Override
        public Decl.FunctionDecl function(Decl.FunctionDecl f) {
            names.add(f.name());
            return super.function(f);
        }
    }
}
