package dev.p4ebpf.ir.print;

import static dev.p4ebpf.ir.print.ExprPrinter.annotations;
import static dev.p4ebpf.ir.print.ExprPrinter.args;
import static dev.p4ebpf.ir.print.ExprPrinter.expr;
import static dev.p4ebpf.ir.print.ExprPrinter.keySet;
import static dev.p4ebpf.ir.print.ExprPrinter.param;
import static dev.p4ebpf.ir.print.ExprPrinter.type;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints a program as P4 source that parses and checks back to an equal program.
 *
 * <p>Declarations that came from an include file the reader can name (the bundled
 * {@code core.p4}, {@code v1model.p4}, …) may be printed as one {@code #include} line each
 * instead, through {@link #withIncludes}.
 */
public final class P4Printer {
    private static final String INDENT = "    ";

    private final StringBuilder out = new StringBuilder();
    private final Function<Decl, String> includeOf;
    private int depth;

    private P4Printer(Function<Decl, String> includeOf) {
        this.includeOf = includeOf;
    }

    /** The whole program, every declaration spelled out. */
    public static String print(Program program) {
        return withIncludes(program, d -> null);
    }

    /**
     * The program with the declarations for which {@code includeOf} names an include file (such as
     * {@code core.p4}) replaced by {@code #include <that file>}, once per file.
     */
    public static String withIncludes(Program program, Function<Decl, String> includeOf) {
        var p = new P4Printer(includeOf);
        p.program(program);
        return p.out.toString();
    }

    /** One declaration on its own, e.g. for {@code --dump-after}. */
    public static String print(Decl decl) {
        var p = new P4Printer(d -> null);
        p.decl(decl);
        return p.out.toString();
    }

    public static String print(Stmt stmt) {
        var p = new P4Printer(d -> null);
        p.stmt(stmt);
        return p.out.toString();
    }

    private void program(Program program) {
        Set<String> included = new LinkedHashSet<>();
        for (Decl d : program.decls()) {
            String include = includeOf.apply(d);
            if (include == null) {
                decl(d);
            } else if (included.add(include)) {
                line("#include <" + include + ">");
            }
        }
    }

    private void line(String text) {
        out.append(INDENT.repeat(depth)).append(text).append('\n');
    }

    private void open(String header) {
        line(header + " {");
        depth++;
    }

    private void close() {
        depth--;
        line("}");
    }

    private static String typeParams(List<String> tps) {
        return tps.isEmpty() ? "" : "<" + String.join(", ", tps) + ">";
    }

    private static String params(List<Param> ps) {
        return "(" + ps.stream().map(ExprPrinter::param).collect(Collectors.joining(", ")) + ")";
    }

    private static String ctorParams(List<Param> ps) {
        return ps.isEmpty() ? "" : params(ps);
    }

    private void decl(Decl d) {
        switch (d) {
            case Decl.TypeDecl t -> typeDecl(t);
            case Decl.Typedef t -> line(annotations(t.annotations()) + "typedef " + type(t.type()) + " " + t.name() + ";");
            case Decl.ErrorDecl e -> line("error { " + String.join(", ", e.members()) + " }");
            case Decl.MatchKindDecl m -> line("match_kind { " + String.join(", ", m.members()) + " }");
            case Decl.ConstDecl c -> line(annotations(c.annotations()) + "const " + type(c.type()) + " " + c.name()
                    + " = " + expr(c.value()) + ";");
            case Decl.ExternDecl e -> externDecl(e);
            case Decl.ExternFunctionDecl f -> line(annotations(f.method().annotations()) + "extern "
                    + method(f.method()).substring(annotations(f.method().annotations()).length()) + ";");
            case Decl.FunctionDecl f -> function(f);
            case Decl.ActionDecl a -> {
                open(annotations(a.annotations()) + "action " + a.name() + params(a.params()));
                statements(a.body().statements());
                close();
            }
            case Decl.ParserDecl p -> parser(p);
            case Decl.ControlDecl c -> control(c);
            case Decl.BlockTypeDecl b -> line(annotations(b.annotations()) + b.kind().keyword() + " " + b.name()
                    + typeParams(b.typeParams()) + params(b.params()) + ";");
            case Decl.InstanceDecl i -> instance(i);
            case Decl.VarDecl v -> line(annotations(v.annotations()) + type(v.type()) + " " + v.name()
                    + v.init().map(e -> " = " + expr(e)).orElse("") + ";");
            case Decl.TableDecl t -> table(t);
            case Decl.ValueSetDecl v -> line(annotations(v.annotations()) + "value_set<" + type(v.element()) + ">("
                    + expr(v.size()) + ") " + v.name() + ";");
        }
    }

    private void typeDecl(Decl.TypeDecl t) {
        String tps = typeParams(t.typeParams());
        switch (t.type()) {
            case Type.Struct s -> fielded(annotations(s.annotations()) + "struct " + s.name() + tps, s.fields());
            case Type.Header h -> fielded(annotations(h.annotations()) + "header " + h.name() + tps, h.fields());
            case Type.HeaderUnion u -> fielded(annotations(u.annotations()) + "header_union " + u.name() + tps, u.fields());
            case Type.Enum e -> line(annotations(e.annotations()) + "enum " + e.name() + " { "
                    + String.join(", ", e.members()) + " }");
            case Type.SerEnum e -> {
                open(annotations(e.annotations()) + "enum " + type(e.underlying()) + " " + e.name());
                var ms = e.members();
                for (int i = 0; i < ms.size(); i++) {
                    line(ms.get(i).name() + " = " + ExprPrinter.intLit(ms.get(i).value(), e.underlying())
                            + (i + 1 < ms.size() ? "," : ""));
                }
                close();
            }
            case Type.NewType n -> line(annotations(n.annotations()) + "type " + type(n.underlying()) + " " + n.name() + ";");
            default -> throw new IllegalStateException("not a declarable type: " + t.type());
        }
    }

    private void fielded(String header, List<Type.Field> fields) {
        open(header);
        fields.forEach(f -> line(annotations(f.annotations()) + type(f.type()) + " " + f.name() + ";"));
        close();
    }

    private static String method(Method m) {
        return annotations(m.annotations()) + (m.isAbstract() ? "abstract " : "") + type(m.returnType()) + " "
                + m.name() + typeParams(m.typeParams()) + params(m.params());
    }

    private void externDecl(Decl.ExternDecl e) {
        open(annotations(e.annotations()) + "extern " + e.name() + typeParams(e.typeParams()));
        e.constructors().forEach(c -> line(annotations(c.annotations()) + c.name() + params(c.params()) + ";"));
        e.methods().forEach(m -> line(method(m) + ";"));
        close();
    }

    private void function(Decl.FunctionDecl f) {
        open(annotations(f.annotations()) + type(f.returnType()) + " " + f.name() + typeParams(f.typeParams())
                + params(f.params()));
        statements(f.body().statements());
        close();
    }

    private void locals(List<Decl> locals) {
        locals.forEach(this::decl);
    }

    private void parser(Decl.ParserDecl p) {
        open(annotations(p.annotations()) + "parser " + p.name() + typeParams(p.typeParams()) + params(p.applyParams())
                + ctorParams(p.ctorParams()));
        locals(p.locals());
        p.states().forEach(this::state);
        close();
    }

    private void state(ParserState s) {
        open(annotations(s.annotations()) + "state " + s.name());
        statements(s.body());
        switch (s.transition()) {
            case ParserState.Goto g -> line("transition " + g.state() + ";");
            case ParserState.Select sel -> {
                open("transition select(" + ExprPrinter.exprs(sel.keys()) + ")");
                sel.cases().forEach(c -> line(keySet(c.keySet()) + ": " + c.state() + ";"));
                close();
            }
        }
        close();
    }

    private void control(Decl.ControlDecl c) {
        open(annotations(c.annotations()) + "control " + c.name() + typeParams(c.typeParams()) + params(c.applyParams())
                + ctorParams(c.ctorParams()));
        locals(c.locals());
        open("apply" + blockAnnotations(c.body()));
        statements(c.body().statements());
        close();
        close();
    }

    private void instance(Decl.InstanceDecl i) {
        String head = annotations(i.annotations()) + type(i.type()) + "(" + args(i.args()) + ") " + i.name();
        if (i.implementations().isEmpty()) {
            line(head + ";");
            return;
        }
        open(head + " =");
        i.implementations().forEach(this::function);
        depth--;
        line("};");
    }

    private void table(Decl.TableDecl t) {
        open(annotations(t.annotations()) + "table " + t.name());
        if (!t.keys().isEmpty()) {
            open("key =");
            for (Table.Key k : t.keys()) {
                line(expr(k.expr()) + ": " + k.matchKind() + (k.annotations().isEmpty() ? "" : " "
                        + annotations(k.annotations()).strip()) + ";");
            }
            close();
        }
        open("actions =");
        for (Table.ActionRef a : t.actions()) {
            String bound = a.boundArgs().isEmpty() ? "" : "(" + args(a.boundArgs()) + ")";
            line(annotations(a.annotations()) + (a.global() ? "." : "") + a.action() + bound + ";");
        }
        close();
        t.properties().forEach(p -> line(annotations(p.annotations()) + (p.isConst() ? "const " : "") + p.name()
                + " = " + expr(p.value()) + ";"));
        t.defaultAction().ifPresent(d -> line((d.isConst() ? "const " : "") + "default_action = "
                + ExprPrinter.call(d.call()) + ";"));
        t.entries().ifPresent(this::entries);
        close();
    }

    private void entries(Table.Entries es) {
        open((es.isConst() ? "const " : "") + "entries =");
        for (Table.Entry e : es.entries()) {
            line((e.isConst() && !es.isConst() ? "const " : "")
                    + e.priority().map(p -> "priority=" + expr(p) + ": ").orElse("")
                    + keySet(e.keys()) + ": " + ExprPrinter.call(e.action())
                    + (e.annotations().isEmpty() ? "" : " " + annotations(e.annotations()).strip()) + ";");
        }
        close();
    }

    private void statements(List<Stmt> stmts) {
        stmts.forEach(this::stmt);
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.Assign a -> line(expr(a.target()) + " = " + expr(a.value()) + ";");
            case Stmt.VarDecl v -> line(annotations(v.annotations()) + type(v.type()) + " " + v.name()
                    + v.init().map(e -> " = " + expr(e)).orElse("") + ";");
            case Stmt.CallStmt c -> line(ExprPrinter.call(c.call()) + ";");
            case Stmt.If i -> ifStmt(i, "if");
            case Stmt.Block b -> {
                open(annotations(b.annotations()).strip());
                statements(b.statements());
                close();
            }
            case Stmt.Switch sw -> switchStmt(sw);
            case Stmt.Exit e -> line("exit;");
            case Stmt.Return r -> line("return" + r.value().map(v -> " " + expr(v)).orElse("") + ";");
            case Stmt.Empty e -> line(";");
            case Stmt.For f -> forStmt(f);
            case Stmt.ForIn f -> {
                open("for (" + type(f.variable().type()) + " " + f.variable().name() + " in "
                        + expr(f.collection()) + ")" + blockAnnotations(f.body()));
                body(f.body());
                close();
            }
            case Stmt.ForRange f -> {
                open("for (" + type(f.variable().type()) + " " + f.variable().name() + " in "
                        + expr(f.lo()) + " .. " + expr(f.hi()) + ")" + blockAnnotations(f.body()));
                body(f.body());
                close();
            }
            case Stmt.Break b -> line("break;");
            case Stmt.Continue c -> line("continue;");
        }
    }

    /** A block's annotations as they stand before its opening brace: {@code " @likely"}, or nothing. */
    private static String blockAnnotations(Stmt s) {
        return s instanceof Stmt.Block b && !b.annotations().isEmpty() ? " " + annotations(b.annotations()).strip() : "";
    }

    /** The statements of a block, or a single statement, inside braces already opened. */
    private void body(Stmt s) {
        if (s instanceof Stmt.Block b) {
            statements(b.statements());
        } else {
            stmt(s);
        }
    }

    private void ifStmt(Stmt.If i, String keyword) {
        open(keyword + " (" + expr(i.condition()) + ")" + blockAnnotations(i.then()));
        body(i.then());
        depth--;
        if (i.otherwise().isEmpty()) {
            line("}");
        } else if (i.otherwise().get() instanceof Stmt.If elseIf) {
            out.append(INDENT.repeat(depth)).append("} ");
            int mark = out.length();
            ifStmt(elseIf, "else if");
            // the nested call indented its first line; join it to "} "
            String tail = out.substring(mark).stripLeading();
            out.setLength(mark);
            out.append(tail);
        } else {
            line("} else" + blockAnnotations(i.otherwise().get()) + " {");
            depth++;
            body(i.otherwise().get());
            close();
        }
    }

    private void switchStmt(Stmt.Switch sw) {
        open("switch (" + expr(sw.subject()) + ")");
        for (Stmt.Case c : sw.cases()) {
            String label = switch (c.label()) {
                case Stmt.ActionLabel a -> a.action();
                case Stmt.ValueLabel v -> expr(v.value());
                case Stmt.DefaultLabel d -> "default";
            };
            if (c.body().isEmpty()) {
                line(label + ":");
            } else {
                open(label + ":");
                statements(c.body().get().statements());
                close();
            }
        }
        close();
    }

    private void forStmt(Stmt.For f) {
        String init = f.init().stream().map(P4Printer::inline).collect(Collectors.joining(", "));
        String update = f.update().stream().map(P4Printer::inline).collect(Collectors.joining(", "));
        open("for (" + init + "; " + f.condition().map(ExprPrinter::expr).orElse("") + "; " + update + ")"
                + blockAnnotations(f.body()));
        body(f.body());
        close();
    }

    /** A simple statement without its semicolon, for the header of a {@code for}. */
    private static String inline(Stmt s) {
        String printed = print(s).strip();
        return printed.endsWith(";") ? printed.substring(0, printed.length() - 1) : printed;
    }
}
