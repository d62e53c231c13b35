package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;

import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which headers of the architecture's headers structure can stay in the packet: those that only ever
 * become valid by extraction — never set valid, assigned as a whole, or passed to something that
 * writes them — and, where the architecture sends the packet out unchanged (ebpfFilter), whose
 * fields are never written either. Paths are written from the root {@value #ROOT}.
 */
final class InPlace {
    static final String ROOT = "hdr";

    private final Set<String> blocked = new HashSet<>();
    private final boolean fieldWritesBlock;
    private Map<String, String> roots = Map.of();

    private InPlace(boolean fieldWritesBlock) {
        this.fieldWritesBlock = fieldWritesBlock;
    }

    /**
     * The in-place header paths.
     * @param blocks each body with the name of its parameter that is the headers structure
     */
    static Set<String> compute(Type headers, Map<Decl, String> blocks, boolean fieldWritesBlock, List<Decl> globals) {
        var a = new InPlace(fieldWritesBlock);
        for (var e : blocks.entrySet()) {
            a.roots = Map.of(e.getValue(), ROOT);
            a.decl(e.getKey());
        }
        var candidates = new ArrayList<String>();
        collect(headers, ROOT, candidates);
        var out = new HashSet<String>();
        for (String c : candidates) {
            boolean ok = a.blocked.stream().noneMatch(b -> c.equals(b) || c.startsWith(b + ".") || b.startsWith(c + "."));
            if (ok) {
                out.add(c);
            }
        }
        return out;
    }

    /** Header positions reachable through struct fields (not through stacks or unions, which stay in registers). */
    private static void collect(Type t, String path, List<String> out) {
        switch (t) {
            case Type.Header h -> out.add(path);
            case Type.Struct s -> s.fields().forEach(f -> collect(f.type(), path + "." + f.name(), out));
            default -> { }
        }
    }

    private void decl(Decl d) {
        switch (d) {
            case Decl.ParserDecl p -> {
                p.locals().forEach(this::decl);
                for (ParserState s : p.states()) {
                    s.body().forEach(this::stmt);
                    if (s.transition() instanceof ParserState.Select sel) {
                        sel.keys().forEach(this::expr);
                    }
                }
            }
            case Decl.ControlDecl c -> {
                c.locals().forEach(this::decl);
                stmt(c.body());
            }
            case Decl.ActionDecl a -> stmt(a.body());
            case Decl.TableDecl t -> {
                t.keys().forEach(k -> expr(k.expr()));
                for (Table.ActionRef r : t.actions()) {
                    r.boundArgs().forEach(this::arg);
                }
                t.defaultAction().ifPresent(da -> da.call().args().forEach(this::arg));
            }
            case Decl.VarDecl v -> v.init().ifPresent(this::expr);
            default -> { }
        }
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.Assign a -> {
                String p = path(a.target());
                if (p != null) {
                    boolean wholeHeader = a.target().type() instanceof Type.Header || !(Scalars.isScalar(a.target().type()));
                    if (wholeHeader || fieldWritesBlock) {
                        blocked.add(p);
                    }
                }
                expr(a.target());
                expr(a.value());
            }
            case Stmt.VarDecl v -> v.init().ifPresent(this::expr);
            case Stmt.CallStmt c -> expr(c.call());
            case Stmt.If i -> {
                expr(i.condition());
                stmt(i.then());
                i.otherwise().ifPresent(this::stmt);
            }
            case Stmt.Block b -> b.statements().forEach(this::stmt);
            case Stmt.Switch sw -> {
                expr(sw.subject());
                sw.cases().forEach(c -> c.body().ifPresent(this::stmt));
            }
            case Stmt.For f -> {
                f.init().forEach(this::stmt);
                f.condition().ifPresent(this::expr);
                f.update().forEach(this::stmt);
                stmt(f.body());
            }
            case Stmt.ForIn f -> stmt(f.body());
            case Stmt.ForRange f -> stmt(f.body());
            case Stmt.Exit e -> { }
            case Stmt.Return r -> r.value().ifPresent(this::expr);
            case Stmt.Empty e -> { }
            case Stmt.Break b -> { }
            case Stmt.Continue c -> { }
        }
    }

    private void expr(Expr e) {
        if (e instanceof Call.BuiltinCall b) {
            String p = path(b.target());
            if (p != null && (b.builtin() == Call.Builtin.SET_VALID || fieldWritesBlock && b.builtin() == Call.Builtin.SET_INVALID)) {
                blocked.add(p);
            }
        }
        if (e instanceof Call c) {
            boolean extract = c instanceof Call.MethodCall m && m.externName().equals("packet_in")
                    && m.method().name().equals("extract");
            // extraction is what keeps a header in the packet; its length argument (varbit) is only read
            c.args().stream().skip(extract ? 1 : 0).forEach(this::arg);
        }
    }

    private void arg(Arg a) {
        if (a.param().direction().copiesOut()) {
            a.value().map(InPlace.this::path).ifPresent(p -> {
                if (!Scalars.isScalar(a.param().type()) || fieldWritesBlock) {
                    blocked.add(p);
                }
            });
        }
    }

    /** The path of a headers-structure access, or null. */
    private String path(Expr e) {
        return switch (e) {
            case Expr.Var v -> roots.get(v.name()) != null && v.frame() == Expr.Frame.CONTAINER ? roots.get(v.name()) : null;
            case Expr.Member m -> {
                String base = path(m.base());
                yield base == null ? null : base + "." + m.field();
            }
            case Expr.StackElement s -> path(s.stack());
            case Expr.Slice s -> path(s.operand());
            default -> null;
        };
    }

}
