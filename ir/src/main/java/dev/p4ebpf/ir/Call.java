package dev.p4ebpf.ir;

import dev.p4ebpf.ir.diag.Span;
import java.util.List;

/**
 * Calls, one record per kind of callee. Arguments are bound to parameters ({@link Arg}); every call
 * carries the parameters it binds, so directions and types are known at the call.
 */
public sealed interface Call extends Expr permits Call.ActionCall, Call.FunctionCall, Call.ExternFunctionCall,
        Call.MethodCall, Call.BuiltinCall, Call.TableApply, Call.ApplyCall, Call.ConstructorCall {

    List<Arg> args();

    /** A direct call of an action declared at the top level ({@code global}) or in the enclosing control. */
    record ActionCall(String action, boolean global, List<Arg> args, Span span) implements Call {
        public ActionCall {
            args = List.copyOf(args);
        }

        @Override
        public Type type() {
            return Type.VOID;
        }
    }

    /** A call of a function declared in the program (generic ones with their type arguments). */
    record FunctionCall(String function, List<Type> typeArgs, List<Arg> args, Type type, Span span) implements Call {
        public FunctionCall {
            typeArgs = List.copyOf(typeArgs);
            args = List.copyOf(args);
        }
    }

    /** A call of an extern function such as {@code verify} or {@code mark_to_drop}. */
    record ExternFunctionCall(Method method, List<Type> typeArgs, List<Arg> args, Type type, Span span)
            implements Call {
        public ExternFunctionCall {
            typeArgs = List.copyOf(typeArgs);
            args = List.copyOf(args);
        }
    }

    /**
     * A method call on an extern instance ({@code pkt.extract(h)}, {@code c.count(i)}). {@code target}
     * has an {@link Type.Extern} type naming the extern.
     */
    record MethodCall(Expr target, Method method, List<Type> typeArgs, List<Arg> args, Type type, Span span)
            implements Call {
        public MethodCall {
            typeArgs = List.copyOf(typeArgs);
            args = List.copyOf(args);
        }

        public String externName() {
            return switch (target.type()) {
                case Type.Extern e -> e.name();
                default -> throw new IllegalStateException("method call on " + target.type());
            };
        }
    }

    /** The methods the language itself defines on headers, unions and stacks. */
    enum Builtin {
        IS_VALID("isValid"),
        SET_VALID("setValid"),
        SET_INVALID("setInvalid"),
        PUSH_FRONT("push_front"),
        POP_FRONT("pop_front");

        private final String method;

        Builtin(String method) {
            this.method = method;
        }

        public String method() {
            return method;
        }
    }

    record BuiltinCall(Expr target, Builtin builtin, List<Arg> args, Type type, Span span) implements Call {
        public BuiltinCall {
            args = List.copyOf(args);
        }
    }

    /** {@code t.apply()} of a table declared in the enclosing control. */
    record TableApply(String table, Type type, Span span) implements Call {
        @Override
        public List<Arg> args() {
            return List.of();
        }
    }

    /** {@code p.apply(args)} of a parser or control instance. */
    record ApplyCall(Expr instance, List<Arg> args, Span span) implements Call {
        public ApplyCall {
            args = List.copyOf(args);
        }

        @Override
        public Type type() {
            return Type.VOID;
        }
    }

    /**
     * An instantiation used as a value: a constructor argument such as {@code MyParser()} in
     * {@code V1Switch(MyParser(), …) main;}. {@code type} is the instantiated extern or block type.
     */
    record ConstructorCall(Type type, List<Arg> args, Span span) implements Call {
        public ConstructorCall {
            args = List.copyOf(args);
        }
    }
}
