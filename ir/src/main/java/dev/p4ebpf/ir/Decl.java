package dev.p4ebpf.ir;

import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * Declarations, at the top level of a {@link Program} or local to a parser or control. Names are
 * unique in their scope (the checker renames shadowing locals); top-level functions and extern
 * functions may be overloaded by their number of parameters.
 */
public sealed interface Decl permits Decl.TypeDecl, Decl.Typedef, Decl.ErrorDecl, Decl.MatchKindDecl,
        Decl.ConstDecl, Decl.ExternDecl, Decl.ExternFunctionDecl, Decl.FunctionDecl, Decl.ActionDecl,
        Decl.ParserDecl, Decl.ControlDecl, Decl.BlockTypeDecl, Decl.InstanceDecl, Decl.VarDecl, Decl.TableDecl,
        Decl.ValueSetDecl {

    /** The declared name; empty for {@code error} and {@code match_kind} declarations. */
    String name();

    Span span();

    /**
     * A header, header union, struct, enum, serializable enum or new type. Generic ones list their
     * type parameters; their type then mentions them as {@link Type.TypeVar}s.
     */
    record TypeDecl(Type type, List<String> typeParams, Span span) implements Decl {
        public TypeDecl {
            typeParams = List.copyOf(typeParams);
        }

        @Override
        public String name() {
            return switch (type) {
                case Type.Fielded f -> f.name();
                case Type.Enum e -> e.name();
                case Type.SerEnum e -> e.name();
                case Type.NewType n -> n.name();
                default -> throw new IllegalStateException("not a declarable type: " + type);
            };
        }
    }

    /** {@code typedef T N;}: transparent, kept so that printed programs read as written. */
    record Typedef(String name, Type type, List<Annotation> annotations, Span span) implements Decl {
        public Typedef {
            annotations = List.copyOf(annotations);
        }
    }

    record ErrorDecl(List<String> members, Span span) implements Decl {
        public ErrorDecl {
            members = List.copyOf(members);
        }

        @Override
        public String name() {
            return "";
        }
    }

    record MatchKindDecl(List<String> members, Span span) implements Decl {
        public MatchKindDecl {
            members = List.copyOf(members);
        }

        @Override
        public String name() {
            return "";
        }
    }

    /** A constant; uses of it are folded to its value, the declaration stays for the reader. */
    record ConstDecl(String name, Type type, Expr value, List<Annotation> annotations, Span span) implements Decl {
        public ConstDecl {
            annotations = List.copyOf(annotations);
        }
    }

    record ExternDecl(String name, List<String> typeParams, List<Method> constructors, List<Method> methods,
                      List<Annotation> annotations, Span span) implements Decl {
        public ExternDecl {
            typeParams = List.copyOf(typeParams);
            constructors = List.copyOf(constructors);
            methods = List.copyOf(methods);
            annotations = List.copyOf(annotations);
        }
    }

    record ExternFunctionDecl(Method method, Span span) implements Decl {
        @Override
        public String name() {
            return method.name();
        }
    }

    record FunctionDecl(String name, List<String> typeParams, Type returnType, List<Param> params, Stmt.Block body,
                        List<Annotation> annotations, Span span) implements Decl {
        public FunctionDecl {
            typeParams = List.copyOf(typeParams);
            params = List.copyOf(params);
            annotations = List.copyOf(annotations);
        }
    }

    record ActionDecl(String name, List<Param> params, Stmt.Block body, List<Annotation> annotations, Span span)
            implements Decl {
        public ActionDecl {
            params = List.copyOf(params);
            annotations = List.copyOf(annotations);
        }
    }

    /**
     * A parser: apply parameters, constructor parameters, local declarations (variables, instances,
     * value sets, constants) and states in the order written.
     */
    record ParserDecl(String name, List<String> typeParams, List<Param> applyParams, List<Param> ctorParams,
                      List<Decl> locals, List<ParserState> states, List<Annotation> annotations, Span span)
            implements Decl {
        public ParserDecl {
            typeParams = List.copyOf(typeParams);
            applyParams = List.copyOf(applyParams);
            ctorParams = List.copyOf(ctorParams);
            locals = List.copyOf(locals);
            states = List.copyOf(states);
            annotations = List.copyOf(annotations);
        }

        public Optional<ParserState> state(String stateName) {
            return states.stream().filter(s -> s.name().equals(stateName)).findFirst();
        }
    }

    /**
     * A control: apply parameters, constructor parameters, local declarations (variables, actions,
     * tables, instances, constants) and the apply block.
     */
    record ControlDecl(String name, List<String> typeParams, List<Param> applyParams, List<Param> ctorParams,
                       List<Decl> locals, Stmt.Block body, List<Annotation> annotations, Span span) implements Decl {
        public ControlDecl {
            typeParams = List.copyOf(typeParams);
            applyParams = List.copyOf(applyParams);
            ctorParams = List.copyOf(ctorParams);
            locals = List.copyOf(locals);
            annotations = List.copyOf(annotations);
        }
    }

    /**
     * A parser or control type ({@code parser P<H>(packet_in b, out H h);}) or a package type
     * ({@code package V1Switch<H, M>(Parser<H, M> p, …);}, whose {@code params} are constructor
     * parameters).
     */
    record BlockTypeDecl(Type.BlockKind kind, String name, List<String> typeParams, List<Param> params,
                         List<Annotation> annotations, Span span) implements Decl {
        public BlockTypeDecl {
            typeParams = List.copyOf(typeParams);
            params = List.copyOf(params);
            annotations = List.copyOf(annotations);
        }
    }

    /**
     * An instantiation: {@code Counter<bit<32>>(1024) c;}, {@code MyParser() p;}, {@code V1Switch(…) main;}.
     * {@code implementations} are the bodies given for the extern's abstract methods.
     */
    record InstanceDecl(String name, Type type, List<Arg> args, List<FunctionDecl> implementations,
                        List<Annotation> annotations, Span span) implements Decl {
        public InstanceDecl {
            args = List.copyOf(args);
            implementations = List.copyOf(implementations);
            annotations = List.copyOf(annotations);
        }
    }

    /** A variable local to a parser or control (declared before its states or apply block). */
    record VarDecl(String name, Type type, Optional<Expr> init, List<Annotation> annotations, Span span)
            implements Decl {
        public VarDecl {
            annotations = List.copyOf(annotations);
        }
    }

    record TableDecl(String name, List<Table.Key> keys, List<Table.ActionRef> actions,
                     Optional<Table.DefaultAction> defaultAction, Optional<Table.Entries> entries,
                     List<Table.Property> properties, List<Annotation> annotations, Span span) implements Decl {
        public TableDecl {
            keys = List.copyOf(keys);
            actions = List.copyOf(actions);
            properties = List.copyOf(properties);
            annotations = List.copyOf(annotations);
        }

        public Optional<Table.Property> property(String propertyName) {
            return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
        }
    }

    /** {@code value_set<T>(size) name;} in a parser. */
    record ValueSetDecl(String name, Type element, Expr size, List<Annotation> annotations, Span span)
            implements Decl {
        public ValueSetDecl {
            annotations = List.copyOf(annotations);
        }
    }
}
