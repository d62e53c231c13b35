package dev.p4ebpf.frontend.check;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;

/** What a name in scope denotes, as the checker resolved its declaration. */
sealed interface Symbol {
    /** Where it was declared, for "previously declared here" notes. */
    Span declared();

    /** A description for messages: "header type H", "action a", … */
    String describe();

    /**
     * A named type: header, union, struct, enum, serializable enum, new type or typedef (transparent).
     * A generic one lists its parameters; {@code type} then mentions them as type variables.
     */
    record TypeSym(String name, List<String> typeParams, Type type, Span declared) implements Symbol {
        @Override
        public String describe() {
            return "type " + name;
        }
    }

    record TypeVarSym(String name, Span declared) implements Symbol {
        @Override
        public String describe() {
            return "type parameter " + name;
        }
    }

    /** A constant; uses are replaced by its folded value. */
    record ConstSym(String name, Expr value, Span declared) implements Symbol {
        @Override
        public String describe() {
            return "constant " + name;
        }
    }

    /**
     * A parameter or variable. {@code irName} is its name in the IR (unique in its frame);
     * {@code compileTime} marks constructor parameters, which hold values known at instantiation.
     */
    record VarSym(String name, String irName, Type type, Expr.Frame frame, Direction direction, boolean isParam,
                  boolean compileTime, Span declared) implements Symbol {
        @Override
        public String describe() {
            return (isParam ? "parameter " : "variable ") + name;
        }

        Expr.Var ref(Span at) {
            return new Expr.Var(irName, type, frame, at);
        }
    }

    record ActionSym(Decl.ActionDecl decl, boolean global, Span declared) implements Symbol {
        @Override
        public String describe() {
            return "action " + decl.name();
        }
    }

    record FunctionSym(Decl.FunctionDecl decl, Span declared) implements Symbol {
        @Override
        public String describe() {
            return "function " + decl.name();
        }
    }

    record ExternFunctionSym(Method method, Span declared) implements Symbol {
        @Override
        public String describe() {
            return "extern function " + method.name();
        }
    }

    record ExternSym(Decl.ExternDecl decl, Span declared) implements Symbol {
        @Override
        public String describe() {
            return "extern " + decl.name();
        }
    }

    /** A parser or control declaration: a type whose instances can be created, and its constructor. */
    record BlockSym(String name, List<String> typeParams, Type.Block type, List<Param> ctorParams, Span declared)
            implements Symbol {
        @Override
        public String describe() {
            return type.kind().keyword() + " " + name;
        }
    }

    /** A parser, control or package type declared without a body. */
    record BlockTypeSym(Decl.BlockTypeDecl decl, Span declared) implements Symbol {
        @Override
        public String describe() {
            return decl.kind().keyword() + " type " + decl.name();
        }
    }

    record InstanceSym(String name, Type type, boolean global, Span declared) implements Symbol {
        @Override
        public String describe() {
            return "instance " + name;
        }

        Expr.InstanceRef ref(Span at) {
            return new Expr.InstanceRef(name, type, global, at);
        }
    }

    record TableSym(Decl.TableDecl decl, Span declared) implements Symbol {
        @Override
        public String describe() {
            return "table " + decl.name();
        }
    }

    record ValueSetSym(String name, Type element, Span declared) implements Symbol {
        @Override
        public String describe() {
            return "value set " + name;
        }
    }

    /** A parser state (states have their own namespace, within one parser). */
    record StateSym(String name, Span declared) implements Symbol {
        @Override
        public String describe() {
            return "state " + name;
        }
    }

    /**
     * True for the symbols that may share a name when their parameter lists differ in length or in
     * names: functions, extern functions and packages.
     */
    static boolean overloadable(Symbol s) {
        return params(s) != null;
    }

    /** The parameters that tell overloads apart, or null for a symbol that cannot be overloaded. */
    static List<Param> params(Symbol s) {
        return switch (s) {
            case FunctionSym f -> f.decl().params();
            case ExternFunctionSym e -> e.method().params();
            case BlockTypeSym b when b.decl().kind() == Type.BlockKind.PACKAGE -> b.decl().params();
            default -> null;
        };
    }

    /** Whether two overloadable symbols can be told apart by a call. */
    static boolean distinct(Symbol a, Symbol b) {
        List<Param> pa = params(a);
        List<Param> pb = params(b);
        return pa.size() != pb.size() || !pa.stream().map(Param::name).toList().equals(pb.stream().map(Param::name).toList());
    }
}
