package dev.p4ebpf.ir.print;

import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.KeySet;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Type;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/** Prints types, expressions and keysets as P4 source. Stateless. */
public final class ExprPrinter {
    private ExprPrinter() {}

    /** Precedence of primary expressions (literals, names, members, calls, slices). */
    private static final int PRIMARY = 100;
    /** Precedence of prefix operators and casts. */
    private static final int PREFIX = 50;
    /** Precedence of {@code ?:}. */
    private static final int MUX = 0;

    public static String type(Type t) {
        return switch (t) {
            case Type.Bits b -> (b.signed() ? "int<" : "bit<") + b.width() + ">";
            case Type.Varbit v -> "varbit<" + v.maxWidth() + ">";
            case Type.InfInt i -> "int";
            case Type.Bool b -> "bool";
            case Type.Str s -> "string";
            case Type.Void v -> "void";
            case Type.Error e -> "error";
            case Type.MatchKind m -> "match_kind";
            case Type.DontCare d -> "_";
            case Type.Struct s -> named(s.name(), s.typeArgs());
            case Type.Header h -> named(h.name(), h.typeArgs());
            case Type.HeaderUnion u -> named(u.name(), u.typeArgs());
            case Type.Stack s -> type(s.element()) + "[" + s.size() + "]";
            case Type.Enum e -> e.name();
            case Type.SerEnum e -> e.name();
            case Type.NewType n -> n.name();
            case Type.Tuple tu -> "tuple<" + types(tu.elements()) + ">";
            case Type.P4List l -> "list<" + type(l.element()) + ">";
            case Type.ListLiteral l -> "tuple<" + types(l.elements()) + ">";
            case Type.StructLiteral s -> "struct { " + s.fields().stream()
                    .map(f -> type(f.type()) + " " + f.name() + "; ").collect(Collectors.joining()) + "}";
            case Type.KeySet k -> "set<" + type(k.element()) + ">";
            case Type.TypeVar v -> v.name();
            case Type.Extern e -> named(e.name(), e.typeArgs());
            case Type.Block b -> named(b.name(), b.typeArgs());
            case Type.Table tb -> tb.name();
            case Type.TableResult r -> r.table() + ".apply_result";
            case Type.ActionEnum a -> "action_list(" + a.table() + ")";
            case Type.Function f -> type(f.returnType()) + "(" + f.params().stream()
                    .map(ExprPrinter::param).collect(Collectors.joining(", ")) + ")";
            case Type.ValueSet v -> "value_set<" + type(v.element()) + ">";
        };
    }

    static String named(String name, List<Type> typeArgs) {
        return typeArgs.isEmpty() ? name : name + "<" + types(typeArgs) + ">";
    }

    static String types(List<Type> ts) {
        return ts.stream().map(ExprPrinter::type).collect(Collectors.joining(", "));
    }

    /** A parameter as declared: annotations, direction, type, name, default. */
    public static String param(Param p) {
        var sb = new StringBuilder(annotations(p.annotations()));
        if (!p.direction().keyword().isEmpty()) {
            sb.append(p.direction().keyword()).append(' ');
        }
        sb.append(type(p.type())).append(' ').append(p.name());
        p.defaultValue().ifPresent(v -> sb.append(" = ").append(expr(v)));
        return sb.toString();
    }

    /** Annotations followed by a space each, or the empty string. */
    public static String annotations(List<Annotation> as) {
        return as.stream().map(a -> annotation(a) + " ").collect(Collectors.joining());
    }

    public static String annotation(Annotation a) {
        return switch (a.body()) {
            case NONE -> "@" + a.name();
            case UNSTRUCTURED -> "@" + a.name() + "(" + a.text() + ")";
            case STRUCTURED -> "@" + a.name() + "[" + a.text() + "]";
        };
    }

    public static String expr(Expr e) {
        return expr(e, MUX);
    }

    /** Prints {@code e}, parenthesized if it binds less tightly than {@code context}. */
    static String expr(Expr e, int context) {
        int p = precedence(e);
        String s = bare(e);
        return p < context ? "(" + s + ")" : s;
    }

    private static int precedence(Expr e) {
        return switch (e) {
            case Expr.Binary b -> b.op().precedence();
            case Expr.Mux m -> MUX;
            case Expr.Unary u -> PREFIX;
            case Expr.Cast c -> PREFIX;
            case Expr.StructValue s -> PREFIX;
            case Expr.InvalidHeader h -> PREFIX;
            case Expr.IntLit i -> i.value().signum() < 0 ? PREFIX : PRIMARY;
            default -> PRIMARY;
        };
    }

    private static String bare(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> intLit(i.value(), i.type());
            case Expr.BoolLit b -> Boolean.toString(b.value());
            case Expr.StrLit s -> quote(s.value());
            case Expr.ErrorLit er -> "error." + er.member();
            case Expr.EnumLit en -> type(en.type()) + "." + en.member();
            case Expr.MatchKindLit m -> m.member();
            case Expr.InvalidHeader h -> "(" + type(h.type()) + "){#}";
            case Expr.DontCareArg d -> "_";
            case Expr.Var v -> v.name();
            case Expr.InstanceRef r -> r.global() ? "." + r.name() : r.name();
            case Expr.This t -> "this";
            case Expr.Unary u -> u.op().symbol() + expr(u.operand(), PREFIX);
            case Expr.Binary b -> expr(b.left(), b.op().precedence()) + " " + b.op().symbol() + " "
                    + expr(b.right(), b.op().precedence() + 1);
            case Expr.Mux m -> expr(m.condition(), MUX + 1) + " ? " + expr(m.ifTrue(), MUX + 1) + " : "
                    + expr(m.ifFalse(), MUX);
            case Expr.Cast c -> "(" + type(c.type()) + ")" + expr(c.operand(), PREFIX);
            case Expr.Slice s -> expr(s.operand(), PRIMARY) + "[" + s.hi() + ":" + s.lo() + "]";
            case Expr.DynSlice s -> expr(s.operand(), PRIMARY) + "[" + expr(s.lo()) + " +: " + s.width() + "]";
            case Expr.Member m -> expr(m.base(), PRIMARY) + "." + m.field();
            case Expr.StackElement s -> expr(s.stack(), PRIMARY) + "[" + expr(s.index()) + "]";
            case Expr.StackProperty s -> expr(s.stack(), PRIMARY) + "." + s.property().member();
            case Expr.TupleElement t -> expr(t.tuple(), PRIMARY) + "[" + t.index() + "]";
            case Expr.StructValue s -> structValue(s);
            case Expr.TupleValue t -> "{" + exprs(t.elements()) + "}";
            case Call c -> call(c);
        };
    }

    private static String structValue(Expr.StructValue s) {
        var fields = ((Type.Fielded) s.type()).fields();
        var sb = new StringBuilder("(").append(type(s.type())).append("){");
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(fields.get(i).name()).append(" = ").append(expr(s.fields().get(i)));
        }
        return sb.append("}").toString();
    }

    static String exprs(List<Expr> es) {
        return es.stream().map(ExprPrinter::expr).collect(Collectors.joining(", "));
    }

    public static String call(Call c) {
        return switch (c) {
            case Call.ActionCall a -> (a.global() ? "." : "") + a.action() + "(" + args(a.args()) + ")";
            case Call.FunctionCall f -> named(f.function(), f.typeArgs()) + "(" + args(f.args()) + ")";
            case Call.ExternFunctionCall f -> named(f.method().name(), f.typeArgs()) + "(" + args(f.args()) + ")";
            case Call.MethodCall m -> expr(m.target(), PRIMARY) + "." + named(m.method().name(), m.typeArgs())
                    + "(" + args(m.args()) + ")";
            case Call.BuiltinCall b -> expr(b.target(), PRIMARY) + "." + b.builtin().method() + "(" + args(b.args()) + ")";
            case Call.TableApply t -> t.table() + ".apply()";
            case Call.ApplyCall a -> (a.instance() instanceof Call.ConstructorCall k && k.args().isEmpty()
                    ? type(k.type()) : expr(a.instance(), PRIMARY)) + ".apply(" + args(a.args()) + ")";
            case Call.ConstructorCall k -> type(k.type()) + "(" + args(k.args()) + ")";
        };
    }

    /**
     * Arguments by name when an optional one is omitted (positions would shift), else by position.
     */
    static String args(List<Arg> args) {
        boolean named = args.stream().anyMatch(a -> a.value().isEmpty());
        return args.stream().filter(a -> a.value().isPresent())
                .map(a -> (named ? a.param().name() + " = " : "") + expr(a.expr()))
                .collect(Collectors.joining(", "));
    }

    public static String keySet(KeySet k) {
        return switch (k) {
            case KeySet.Value v -> expr(v.value());
            case KeySet.Mask m -> expr(m.value(), PREFIX) + " &&& " + expr(m.mask(), PREFIX);
            case KeySet.Range r -> expr(r.lo(), PREFIX) + " .. " + expr(r.hi(), PREFIX);
            case KeySet.Default d -> "default";
            case KeySet.ValueSetRef v -> v.name();
            case KeySet.Tuple t -> "(" + t.elements().stream().map(ExprPrinter::nestedKeySet)
                    .collect(Collectors.joining(", ")) + ")";
        };
    }

    /** A keyset inside a tuple keyset: a nested tuple is written as a list expression. */
    private static String nestedKeySet(KeySet k) {
        return k instanceof KeySet.Tuple t ? "{" + t.elements().stream().map(ExprPrinter::nestedKeySet)
                .collect(Collectors.joining(", ")) + "}" : keySet(k);
    }

    static String intLit(BigInteger v, Type t) {
        String magnitude = v.abs().compareTo(BigInteger.valueOf(255)) > 0 ? "0x" + v.abs().toString(16) : v.abs().toString();
        String sign = v.signum() < 0 ? "-" : "";
        return switch (t) {
            case Type.Bits b -> sign + b.width() + (b.signed() ? "s" : "w") + magnitude;
            default -> sign + magnitude;
        };
    }

    static String quote(String s) {
        var sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
