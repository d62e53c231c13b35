package dev.p4ebpf.frontend.parse;

import dev.p4ebpf.frontend.ast.CompilationUnit;
import dev.p4ebpf.frontend.ast.Declaration;
import dev.p4ebpf.frontend.ast.Declaration.*;
import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.frontend.ast.Statement;
import dev.p4ebpf.frontend.ast.TypeRef;
import dev.p4ebpf.frontend.parse.P4Parser.*;
import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the parse tree into the AST: one node per rule visit, each with its source span. The parse
 * tree never leaves this package.
 */
final class AstBuilder {
    private final ExpressionBuilder ex;
    private final Spans spans;
    private final StatementBuilder statements;

    AstBuilder(Spans spans, Diagnostics diags) {
        this.spans = spans;
        this.ex = new ExpressionBuilder(spans, diags);
        this.statements = new StatementBuilder(ex, this);
    }

    CompilationUnit program(ProgramContext ctx) {
        var decls = new ArrayList<Declaration>();
        for (DeclarationContext d : ctx.declaration()) {
            declaration(d).ifPresent(decls::add);
        }
        return new CompilationUnit(decls);
    }

    private Optional<Declaration> declaration(DeclarationContext ctx) {
        if (ctx.constantDeclaration() != null) {
            return Optional.of(constant(ctx.constantDeclaration()));
        } else if (ctx.externDeclaration() != null) {
            return Optional.of(extern(ctx.externDeclaration()));
        } else if (ctx.actionDeclaration() != null) {
            return Optional.of(action(ctx.actionDeclaration()));
        } else if (ctx.parserDeclaration() != null) {
            return Optional.of(parser(ctx.parserDeclaration()));
        } else if (ctx.controlDeclaration() != null) {
            return Optional.of(control(ctx.controlDeclaration()));
        } else if (ctx.typeDeclaration() != null) {
            return Optional.of(typeDeclaration(ctx.typeDeclaration()));
        } else if (ctx.functionDeclaration() != null) {
            return Optional.of(function(ctx.functionDeclaration()));
        } else if (ctx.instantiation() != null) {
            return Optional.of(instance(ctx.instantiation()));
        } else if (ctx.errorDeclaration() != null) {
            var e = ctx.errorDeclaration();
            return Optional.of(new Errors(members(e.name()), spans.of(e)));
        } else if (ctx.matchKindDeclaration() != null) {
            var m = ctx.matchKindDeclaration();
            return Optional.of(new MatchKinds(members(m.name()), spans.of(m)));
        }
        return Optional.empty();
    }

    private List<EnumMember> members(List<NameContext> names) {
        return names.stream().map(n -> new EnumMember(ExpressionBuilder.name(n), Optional.empty(), spans.of(n))).toList();
    }

    private List<Annotation> annotations(AnnotationsContext ctx) {
        return ex.annotations(ctx);
    }

    // ---------------------------------------------------------------- types

    private Declaration typeDeclaration(TypeDeclarationContext ctx) {
        if (ctx.derivedTypeDeclaration() != null) {
            return derived(ctx.derivedTypeDeclaration());
        } else if (ctx.typedefDeclaration() != null) {
            return typedef(ctx.typedefDeclaration());
        } else if (ctx.parserTypeDeclaration() != null) {
            return parserType(ctx.parserTypeDeclaration());
        } else if (ctx.controlTypeDeclaration() != null) {
            return controlType(ctx.controlTypeDeclaration());
        }
        var p = ctx.packageTypeDeclaration();
        return new BlockType(Declaration.BlockKind.PACKAGE, annotations(p.annotations()), ExpressionBuilder.name(p.name()),
                typeParams(p.typeParameters()), parameters(p.parameterList()), spans.of(p.name()), spans.of(p));
    }

    private Declaration derived(DerivedTypeDeclarationContext ctx) {
        if (ctx.headerTypeDeclaration() != null) {
            var h = ctx.headerTypeDeclaration();
            return fielded(FieldedKind.HEADER, h.annotations(), h.name(), h.typeParameters(), h.structField(), h);
        } else if (ctx.headerUnionDeclaration() != null) {
            var u = ctx.headerUnionDeclaration();
            return fielded(FieldedKind.HEADER_UNION, u.annotations(), u.name(), u.typeParameters(), u.structField(), u);
        } else if (ctx.structTypeDeclaration() != null) {
            var s = ctx.structTypeDeclaration();
            return fielded(FieldedKind.STRUCT, s.annotations(), s.name(), s.typeParameters(), s.structField(), s);
        }
        return enumDeclaration(ctx.enumDeclaration());
    }

    private Fielded fielded(FieldedKind kind, AnnotationsContext annos, NameContext name, TypeParametersContext tps,
                            List<StructFieldContext> fields, org.antlr.v4.runtime.ParserRuleContext whole) {
        var fs = fields.stream().map(f -> new Field(annotations(f.annotations()),
                ex.declared(ex.typeRef(f.typeRef()), f.declarator()), ExpressionBuilder.name(f.declarator()),
                spans.of(f.declarator().name()), spans.of(f))).toList();
        return new Fielded(kind, annotations(annos), ExpressionBuilder.name(name), typeParams(tps), fs, spans.of(name),
                spans.of(whole));
    }

    private Declaration.Enum enumDeclaration(EnumDeclarationContext ctx) {
        return switch (ctx) {
            case PlainEnumContext p -> new Declaration.Enum(annotations(p.annotations()),
                    ExpressionBuilder.name(p.name(0)), Optional.empty(), members(p.name().subList(1, p.name().size())),
                    spans.of(p.name(0)), spans.of(p));
            case SerializableEnumContext s -> new Declaration.Enum(annotations(s.annotations()),
                    ExpressionBuilder.name(s.name()), Optional.of(ex.typeRef(s.typeRef())),
                    s.specifiedIdentifier().stream().map(si -> new EnumMember(ExpressionBuilder.name(si.name()),
                            Optional.of(ex.expression(si.expression())), spans.of(si))).toList(),
                    spans.of(s.name()), spans.of(s));
            default -> throw new IllegalStateException("enum " + ctx.getClass());
        };
    }

    private Declaration typedef(TypedefDeclarationContext ctx) {
        return switch (ctx) {
            case TypedefContext t -> {
                Optional<TypeRef> type = Optional.ofNullable(t.typeRef()).map(r -> ex.declared(ex.typeRef(r), t.declarator()));
                Optional<Fielded> inlineFielded = Optional.empty();
                Optional<Declaration.Enum> inlineEnum = Optional.empty();
                if (t.derivedTypeDeclaration() != null) {
                    Declaration d = derived(t.derivedTypeDeclaration());
                    if (d instanceof Fielded f) {
                        inlineFielded = Optional.of(f);
                    } else if (d instanceof Declaration.Enum e) {
                        inlineEnum = Optional.of(e);
                    }
                }
                if (type.isEmpty() && !t.declarator().expression().isEmpty()) {
                    String inlineName = inlineFielded.isPresent() ? inlineFielded.get().name() : inlineEnum.orElseThrow().name();
                    var inline = new TypeRef.Named(inlineName, false, spans.of(t.derivedTypeDeclaration()));
                    type = Optional.of(ex.declared(inline, t.declarator()));
                }
                yield new Typedef(annotations(t.annotations()), false, type, inlineFielded, inlineEnum,
                        ExpressionBuilder.name(t.declarator()), spans.of(t.declarator().name()), spans.of(t));
            }
            case NewTypeContext n -> new Typedef(annotations(n.annotations()), true,
                    Optional.of(ex.declared(ex.typeRef(n.typeRef()), n.declarator())), Optional.empty(), Optional.empty(),
                    ExpressionBuilder.name(n.declarator()), spans.of(n.declarator().name()), spans.of(n));
            default -> throw new IllegalStateException("typedef " + ctx.getClass());
        };
    }

    private BlockType parserType(ParserTypeDeclarationContext p) {
        return new BlockType(Declaration.BlockKind.PARSER, annotations(p.annotations()), ExpressionBuilder.name(p.name()),
                typeParams(p.typeParameters()), parameters(p.parameterList()), spans.of(p.name()), spans.of(p));
    }

    private BlockType controlType(ControlTypeDeclarationContext c) {
        return new BlockType(Declaration.BlockKind.CONTROL, annotations(c.annotations()), ExpressionBuilder.name(c.name()),
                typeParams(c.typeParameters()), parameters(c.parameterList()), spans.of(c.name()), spans.of(c));
    }

    List<String> typeParams(TypeParametersContext ctx) {
        return ctx == null ? List.of() : ctx.name().stream().map(ExpressionBuilder::name).toList();
    }

    List<Parameter> parameters(ParameterListContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        return ctx.parameter().stream().map(p -> new Parameter(annotations(p.annotations()), direction(p.direction()),
                ex.declared(ex.typeRef(p.typeRef()), p.declarator()), ExpressionBuilder.name(p.declarator()),
                Optional.ofNullable(p.expression()).map(ex::expression), spans.of(p.declarator().name()),
                spans.of(p))).toList();
    }

    private static Direction direction(DirectionContext d) {
        if (d == null) {
            return Direction.NONE;
        }
        return d.IN() != null ? Direction.IN : d.OUT() != null ? Direction.OUT : Direction.INOUT;
    }

    // ---------------------------------------------------------------- externs, functions, instances

    private Declaration extern(ExternDeclarationContext ctx) {
        return switch (ctx) {
            case ExternObjectContext o -> new Extern(annotations(o.annotations()), o.nonTypeName().getText(),
                    typeParams(o.typeParameters()), o.methodPrototype().stream().map(this::method).toList(),
                    spans.of(o.nonTypeName()), spans.of(o));
            case ExternFunctionContext f -> new ExternFunction(prototype(annotations(f.annotations()), false,
                    f.functionPrototype()), spans.of(f));
            case ExternForwardContext f -> new ExternForward(annotations(f.annotations()), ExpressionBuilder.name(f.name()),
                    spans.of(f.name()), spans.of(f));
            default -> throw new IllegalStateException("extern " + ctx.getClass());
        };
    }

    private Prototype method(MethodPrototypeContext ctx) {
        return switch (ctx) {
            case MethodContext m -> prototype(annotations(m.annotations()), m.ABSTRACT() != null, m.functionPrototype());
            case ConstructorContext c -> new Prototype(annotations(c.annotations()), false, Optional.empty(),
                    ExpressionBuilder.name(c.name()), List.of(), parameters(c.parameterList()), spans.of(c.name()),
                    spans.of(c));
            default -> throw new IllegalStateException("method " + ctx.getClass());
        };
    }

    private Prototype prototype(List<Annotation> annos, boolean isAbstract, FunctionPrototypeContext p) {
        return new Prototype(annos, isAbstract, Optional.of(ex.typeOrVoid(p.typeOrVoid())), ExpressionBuilder.name(p.name()),
                typeParams(p.typeParameters()), parameters(p.parameterList()), spans.of(p.name()), spans.of(p));
    }

    Declaration.Function function(FunctionDeclarationContext ctx) {
        return new Declaration.Function(prototype(annotations(ctx.annotations()), false, ctx.functionPrototype()),
                statements.block(ctx.blockStatement()), spans.of(ctx));
    }

    Instance instance(InstantiationContext ctx) {
        Optional<List<Declaration>> init = Optional.empty();
        if (ctx.ASSIGN() != null) {
            var decls = new ArrayList<Declaration>();
            for (ObjDeclarationContext o : ctx.objDeclaration()) {
                decls.add(o.functionDeclaration() != null ? function(o.functionDeclaration()) : instance(o.instantiation()));
            }
            init = Optional.of(decls);
        }
        return new Instance(annotations(ctx.annotations()), ex.declared(ex.typeRef(ctx.typeRef()), ctx.declarator()),
                ex.arguments(ctx.argumentList()), ExpressionBuilder.name(ctx.declarator()), init,
                spans.of(ctx.declarator().name()), spans.of(ctx));
    }

    Constant constant(ConstantDeclarationContext c) {
        return new Constant(annotations(c.annotations()), ex.declared(ex.typeRef(c.typeRef()), c.declarator()),
                ExpressionBuilder.name(c.declarator()), ex.expression(c.expression()), spans.of(c.declarator().name()),
                spans.of(c));
    }

    Variable variable(VariableDeclarationContext v) {
        return new Variable(annotations(v.annotations()), ex.declared(ex.typeRef(v.typeRef()), v.declarator()),
                ExpressionBuilder.name(v.declarator()), Optional.ofNullable(v.expression()).map(ex::expression),
                spans.of(v.declarator().name()), spans.of(v));
    }

    private Action action(ActionDeclarationContext a) {
        return new Action(annotations(a.annotations()), ExpressionBuilder.name(a.name()), parameters(a.parameterList()),
                statements.block(a.blockStatement()), spans.of(a.name()), spans.of(a));
    }

    // ---------------------------------------------------------------- parsers

    private Declaration.Parser parser(ParserDeclarationContext ctx) {
        var locals = new ArrayList<Declaration>();
        for (ParserLocalElementContext l : ctx.parserLocalElement()) {
            if (l.constantDeclaration() != null) {
                locals.add(constant(l.constantDeclaration()));
            } else if (l.instantiation() != null) {
                locals.add(instance(l.instantiation()));
            } else if (l.variableDeclaration() != null) {
                locals.add(variable(l.variableDeclaration()));
            } else {
                var vs = l.valueSetDeclaration();
                locals.add(new ValueSet(annotations(vs.annotations()), ex.typeRef(vs.typeRef()), ex.expression(vs.expression()),
                        ExpressionBuilder.name(vs.name()), spans.of(vs.name()), spans.of(vs)));
            }
        }
        var states = ctx.parserState().stream().map(this::state).toList();
        return new Declaration.Parser(parserType(ctx.parserTypeDeclaration()), parameters(ctx.parameterList()), locals,
                states, spans.of(ctx));
    }

    private State state(ParserStateContext s) {
        var body = s.statementOrDeclaration().stream().map(statements::statementOrDeclaration).toList();
        Optional<Transition> transition = Optional.ofNullable(s.transitionStatement()).map(this::transition);
        return new State(annotations(s.annotations()), ExpressionBuilder.name(s.name()), body, transition,
                spans.of(s.name()), spans.of(s));
    }

    private Transition transition(TransitionStatementContext ctx) {
        return switch (ctx) {
            case GotoTransitionContext g -> new Goto(ExpressionBuilder.name(g.name()), spans.of(g.name()));
            case SelectTransitionContext s -> new Select(ex.expressions(s.expressionList()),
                    s.selectCase().stream().map(c -> new SelectCase(keyset(c.keysetExpression()),
                            ExpressionBuilder.name(c.name()), spans.of(c.name()), spans.of(c))).toList(), spans.of(s));
            default -> throw new IllegalStateException("transition " + ctx.getClass());
        };
    }

    private Keyset keyset(KeysetExpressionContext ctx) {
        return switch (ctx) {
            case TupleKeysetContext t -> t.simpleKeysetExpression().size() == 1
                    ? simpleKeyset(t.simpleKeysetExpression(0))
                    : new KeyTuple(t.simpleKeysetExpression().stream().map(this::simpleKeyset).toList(), spans.of(t));
            case SingleKeysetContext s -> simpleKeyset(s.simpleKeysetExpression());
            default -> throw new IllegalStateException("keyset " + ctx.getClass());
        };
    }

    private Keyset simpleKeyset(SimpleKeysetExpressionContext ctx) {
        Span span = spans.of(ctx);
        return switch (ctx) {
            case MaskKeysetContext m -> new KeyMask(ex.expression(m.expression(0)), ex.expression(m.expression(1)), span);
            case RangeKeysetContext r -> new KeyRange(ex.expression(r.expression(0)), ex.expression(r.expression(1)), span);
            case DefaultKeysetContext d -> new KeyDefault(false, span);
            case DontCareKeysetContext d -> new KeyDefault(true, span);
            case ValueKeysetContext v -> new KeyValue(ex.expression(v.expression()), span);
            default -> throw new IllegalStateException("keyset " + ctx.getClass());
        };
    }

    // ---------------------------------------------------------------- controls and tables

    private Declaration.Control control(ControlDeclarationContext ctx) {
        var locals = new ArrayList<Declaration>();
        for (ControlLocalDeclarationContext l : ctx.controlLocalDeclaration()) {
            if (l.constantDeclaration() != null) {
                locals.add(constant(l.constantDeclaration()));
            } else if (l.actionDeclaration() != null) {
                locals.add(action(l.actionDeclaration()));
            } else if (l.tableDeclaration() != null) {
                locals.add(table(l.tableDeclaration()));
            } else if (l.instantiation() != null) {
                locals.add(instance(l.instantiation()));
            } else {
                locals.add(variable(l.variableDeclaration()));
            }
        }
        return new Declaration.Control(controlType(ctx.controlTypeDeclaration()), parameters(ctx.parameterList()), locals,
                statements.block(ctx.blockStatement()), spans.of(ctx));
    }

    private Table table(TableDeclarationContext ctx) {
        return new Table(annotations(ctx.annotations()), ExpressionBuilder.name(ctx.name()),
                ctx.tableProperty().stream().map(this::property).toList(), spans.of(ctx.name()), spans.of(ctx));
    }

    private TableProperty property(TablePropertyContext ctx) {
        Span span = spans.of(ctx);
        return switch (ctx) {
            case KeyPropertyContext k -> new KeyProperty(annotations(k.annotations()), k.keyElement().stream()
                    .map(e -> new KeyElement(ex.expression(e.expression()), ExpressionBuilder.name(e.name()),
                            annotations(e.annotations()), spans.of(e.name()), spans.of(e))).toList(), span);
            case ActionsPropertyContext a -> actionsProperty(a, span);
            case EntriesPropertyContext e -> new EntriesProperty(annotations(e.annotations()), e.CONST() != null,
                    e.entry().stream().map(this::entry).toList(), span);
            case OtherPropertyContext o -> new ValueProperty(annotations(o.annotations()), o.CONST() != null,
                    o.nonTableKwName().getText(), ex.expression(o.expression()), spans.of(o.nonTableKwName()), span);
            default -> throw new IllegalStateException("table property " + ctx.getClass());
        };
    }

    private TableProperty actionsProperty(ActionsPropertyContext a, Span span) {
        var refs = new ArrayList<ActionRef>();
        // children: [annotations] 'actions' '=' '{' ( [annotations] actionRef ';' )* '}'
        List<Annotation> pending = List.of();
        boolean seenBrace = false;
        for (int i = 0; i < a.getChildCount(); i++) {
            var child = a.getChild(i);
            if (!seenBrace) {
                seenBrace = child.getText().equals("{");
                continue;
            }
            if (child instanceof AnnotationsContext an) {
                pending = annotations(an);
            } else if (child instanceof ActionRefContext r) {
                refs.add(actionRef(pending, r));
                pending = List.of();
            }
        }
        return new ActionsProperty(annotations(a.annotations().isEmpty() || a.getChild(0) != a.annotations(0)
                ? null : a.annotations(0)), refs, span);
    }

    ActionRef actionRef(List<Annotation> annos, ActionRefContext r) {
        return new ActionRef(annos, ExpressionBuilder.name(r.prefixedName().name()), r.prefixedName().DOT() != null,
                Optional.ofNullable(r.argumentList()).map(ex::arguments), spans.of(r));
    }

    private Entry entry(EntryContext e) {
        Optional<Expression> priority = Optional.empty();
        if (e.entryPriority() != null) {
            var p = e.entryPriority();
            priority = Optional.of(p.INTEGER() != null ? ex.integerLiteral(p.INTEGER()) : ex.expression(p.expression()));
        }
        return new Entry(e.CONST() != null, priority, keyset(e.keysetExpression()), actionRef(List.of(), e.actionRef()),
                annotations(e.annotations()), spans.of(e));
    }

    Statement.Block block(BlockStatementContext ctx) {
        return statements.block(ctx);
    }
}
