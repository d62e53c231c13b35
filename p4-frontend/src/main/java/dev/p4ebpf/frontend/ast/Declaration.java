package dev.p4ebpf.frontend.ast;

import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * A declaration as written. {@code nameSpan} is where the declared name stands, for messages such as
 * "previously declared here".
 */
public sealed interface Declaration {
    String name();

    Span nameSpan();

    Span span();

    List<Annotation> annotations();

    /** A parameter of an action, function, method, parser, control, package or constructor. */
    record Parameter(List<Annotation> annotations, Direction direction, TypeRef type, String name,
                     Optional<Expression> defaultValue, Span nameSpan, Span span) {
        public Parameter {
            annotations = List.copyOf(annotations);
        }
    }

    enum FieldedKind { HEADER, HEADER_UNION, STRUCT }

    record Field(List<Annotation> annotations, TypeRef type, String name, Span nameSpan, Span span) {
        public Field {
            annotations = List.copyOf(annotations);
        }
    }

    /** {@code header}, {@code header_union} or {@code struct}. */
    record Fielded(FieldedKind kind, List<Annotation> annotations, String name, List<String> typeParams,
                   List<Field> fields, Span nameSpan, Span span) implements Declaration {
        public Fielded {
            annotations = List.copyOf(annotations);
            typeParams = List.copyOf(typeParams);
            fields = List.copyOf(fields);
        }
    }

    /** A member of an enum; serializable enums give each member a value. */
    record EnumMember(String name, Optional<Expression> value, Span span) {}

    record Enum(List<Annotation> annotations, String name, Optional<TypeRef> underlying, List<EnumMember> members,
                Span nameSpan, Span span) implements Declaration {
        public Enum {
            annotations = List.copyOf(annotations);
            members = List.copyOf(members);
        }
    }

    /** {@code error { … }}: adds members to the error type. */
    record Errors(List<EnumMember> members, Span span) implements Declaration {
        public Errors {
            members = List.copyOf(members);
        }

        @Override
        public String name() {
            return "";
        }

        @Override
        public Span nameSpan() {
            return span;
        }

        @Override
        public List<Annotation> annotations() {
            return List.of();
        }
    }

    /** {@code match_kind { … }}. */
    record MatchKinds(List<EnumMember> members, Span span) implements Declaration {
        public MatchKinds {
            members = List.copyOf(members);
        }

        @Override
        public String name() {
            return "";
        }

        @Override
        public Span nameSpan() {
            return span;
        }

        @Override
        public List<Annotation> annotations() {
            return List.of();
        }
    }

    /**
     * {@code typedef T N;} ({@code newType == false}) or {@code type T N;}. A typedef may declare its
     * type in place ({@code typedef struct S {…} N;}): then {@code inline} holds it.
     */
    record Typedef(List<Annotation> annotations, boolean newType, Optional<TypeRef> type, Optional<Fielded> inlineType,
                   Optional<Enum> inlineEnum, String name, Span nameSpan, Span span) implements Declaration {
        public Typedef {
            annotations = List.copyOf(annotations);
        }
    }

    enum BlockKind { PARSER, CONTROL, PACKAGE }

    /** {@code parser P<…>(…);}, {@code control C<…>(…);}, {@code package Pkg<…>(…);}. */
    record BlockType(BlockKind kind, List<Annotation> annotations, String name, List<String> typeParams,
                     List<Parameter> params, Span nameSpan, Span span) implements Declaration {
        public BlockType {
            annotations = List.copyOf(annotations);
            typeParams = List.copyOf(typeParams);
            params = List.copyOf(params);
        }
    }

    /** A method, constructor or function signature. A constructor has no return type. */
    record Prototype(List<Annotation> annotations, boolean isAbstract, Optional<TypeRef> returnType, String name,
                     List<String> typeParams, List<Parameter> params, Span nameSpan, Span span) {
        public Prototype {
            annotations = List.copyOf(annotations);
            typeParams = List.copyOf(typeParams);
            params = List.copyOf(params);
        }

        public boolean isConstructor() {
            return returnType.isEmpty();
        }
    }

    record Extern(List<Annotation> annotations, String name, List<String> typeParams, List<Prototype> methods,
                  Span nameSpan, Span span) implements Declaration {
        public Extern {
            annotations = List.copyOf(annotations);
            typeParams = List.copyOf(typeParams);
            methods = List.copyOf(methods);
        }
    }

    /** {@code extern R f<…>(…);}. */
    record ExternFunction(Prototype prototype, Span span) implements Declaration {
        @Override
        public String name() {
            return prototype.name();
        }

        @Override
        public Span nameSpan() {
            return prototype.nameSpan();
        }

        @Override
        public List<Annotation> annotations() {
            return prototype.annotations();
        }
    }

    /** {@code extern Name;}: declares that an extern type exists, without its methods. */
    record ExternForward(List<Annotation> annotations, String name, Span nameSpan, Span span) implements Declaration {
        public ExternForward {
            annotations = List.copyOf(annotations);
        }
    }

    record Function(Prototype prototype, Statement.Block body, Span span) implements Declaration {
        @Override
        public String name() {
            return prototype.name();
        }

        @Override
        public Span nameSpan() {
            return prototype.nameSpan();
        }

        @Override
        public List<Annotation> annotations() {
            return prototype.annotations();
        }
    }

    record Action(List<Annotation> annotations, String name, List<Parameter> params, Statement.Block body,
                  Span nameSpan, Span span) implements Declaration {
        public Action {
            annotations = List.copyOf(annotations);
            params = List.copyOf(params);
        }
    }

    record Constant(List<Annotation> annotations, TypeRef type, String name, Expression value, Span nameSpan,
                    Span span) implements Declaration {
        public Constant {
            annotations = List.copyOf(annotations);
        }
    }

    record Variable(List<Annotation> annotations, TypeRef type, String name, Optional<Expression> init, Span nameSpan,
                    Span span) implements Declaration {
        public Variable {
            annotations = List.copyOf(annotations);
        }
    }

    /**
     * {@code T(args) name;}, possibly with an initializer block that implements abstract methods
     * ({@code = { … }}, holding functions and nested instances).
     */
    record Instance(List<Annotation> annotations, TypeRef type, List<Expression.Argument> args, String name,
                    Optional<List<Declaration>> initializer, Span nameSpan, Span span) implements Declaration {
        public Instance {
            annotations = List.copyOf(annotations);
            args = List.copyOf(args);
            initializer = initializer.map(List::copyOf);
        }
    }

    record ValueSet(List<Annotation> annotations, TypeRef element, Expression size, String name, Span nameSpan,
                    Span span) implements Declaration {
        public ValueSet {
            annotations = List.copyOf(annotations);
        }
    }

    /** What a select case or a table entry matches. */
    sealed interface Keyset {
        Span span();
    }

    record KeyValue(Expression value, Span span) implements Keyset {}

    record KeyMask(Expression value, Expression mask, Span span) implements Keyset {}

    record KeyRange(Expression lo, Expression hi, Span span) implements Keyset {}

    /** {@code default} ({@code dontCare == false}) or {@code _}. */
    record KeyDefault(boolean dontCare, Span span) implements Keyset {}

    record KeyTuple(List<Keyset> elements, Span span) implements Keyset {
        public KeyTuple {
            elements = List.copyOf(elements);
        }
    }

    sealed interface Transition {
        Span span();
    }

    record Goto(String state, Span span) implements Transition {}

    record SelectCase(Keyset keyset, String state, Span stateSpan, Span span) {}

    record Select(List<Expression> keys, List<SelectCase> cases, Span span) implements Transition {
        public Select {
            keys = List.copyOf(keys);
            cases = List.copyOf(cases);
        }
    }

    record State(List<Annotation> annotations, String name, List<Statement> body, Optional<Transition> transition,
                 Span nameSpan, Span span) {
        public State {
            annotations = List.copyOf(annotations);
            body = List.copyOf(body);
        }
    }

    record Parser(BlockType type, List<Parameter> ctorParams, List<Declaration> locals, List<State> states, Span span)
            implements Declaration {
        public Parser {
            ctorParams = List.copyOf(ctorParams);
            locals = List.copyOf(locals);
            states = List.copyOf(states);
        }

        @Override
        public String name() {
            return type.name();
        }

        @Override
        public Span nameSpan() {
            return type.nameSpan();
        }

        @Override
        public List<Annotation> annotations() {
            return type.annotations();
        }
    }

    record Control(BlockType type, List<Parameter> ctorParams, List<Declaration> locals, Statement.Block apply,
                   Span span) implements Declaration {
        public Control {
            ctorParams = List.copyOf(ctorParams);
            locals = List.copyOf(locals);
        }

        @Override
        public String name() {
            return type.name();
        }

        @Override
        public Span nameSpan() {
            return type.nameSpan();
        }

        @Override
        public List<Annotation> annotations() {
            return type.annotations();
        }
    }

    record KeyElement(Expression expression, String matchKind, List<Annotation> annotations, Span matchKindSpan,
                      Span span) {
        public KeyElement {
            annotations = List.copyOf(annotations);
        }
    }

    /** An action named in a table: in {@code actions}, {@code default_action} or an entry. */
    record ActionRef(List<Annotation> annotations, String name, boolean dotPrefix,
                     Optional<List<Expression.Argument>> args, Span span) {
        public ActionRef {
            annotations = List.copyOf(annotations);
            args = args.map(List::copyOf);
        }
    }

    record Entry(boolean isConst, Optional<Expression> priority, Keyset keys, ActionRef action,
                 List<Annotation> annotations, Span span) {
        public Entry {
            annotations = List.copyOf(annotations);
        }
    }

    sealed interface TableProperty {
        Span span();

        List<Annotation> annotations();
    }

    record KeyProperty(List<Annotation> annotations, List<KeyElement> elements, Span span) implements TableProperty {
        public KeyProperty {
            annotations = List.copyOf(annotations);
            elements = List.copyOf(elements);
        }
    }

    record ActionsProperty(List<Annotation> annotations, List<ActionRef> actions, Span span) implements TableProperty {
        public ActionsProperty {
            annotations = List.copyOf(annotations);
            actions = List.copyOf(actions);
        }
    }

    record EntriesProperty(List<Annotation> annotations, boolean isConst, List<Entry> entries, Span span)
            implements TableProperty {
        public EntriesProperty {
            annotations = List.copyOf(annotations);
            entries = List.copyOf(entries);
        }
    }

    /** {@code [const] name = value;}, e.g. {@code size}, {@code default_action}, {@code implementation}. */
    record ValueProperty(List<Annotation> annotations, boolean isConst, String name, Expression value, Span nameSpan,
                         Span span) implements TableProperty {
        public ValueProperty {
            annotations = List.copyOf(annotations);
        }
    }

    record Table(List<Annotation> annotations, String name, List<TableProperty> properties, Span nameSpan, Span span)
            implements Declaration {
        public Table {
            annotations = List.copyOf(annotations);
            properties = List.copyOf(properties);
        }
    }
}
