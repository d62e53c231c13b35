package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.TypeSubst;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.interp.value.ObjectValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a program's instance tree, once: the top-level instances, then {@code main} and
 * everything its arguments instantiate, each parser and control with its tables, extern
 * instances, value sets and sub-instances. Constructor arguments are evaluated here, in the
 * scope of the block that instantiates.
 *
 * <p>Names: a block given to {@code main} by instantiation ({@code ebpfFilter(prs(), pipe())})
 * is named after its type, as p4c does; one declared as an instance by its instance name; an
 * instance inside a block by {@code block.instance}.
 */
final class Instantiator {
    private final Machine machine;

    Instantiator(Machine machine) {
        this.machine = machine;
    }

    /** Instantiates everything; returns the arguments of {@code main} by parameter name. */
    Map<String, Value> instantiateAll() {
        Decl.InstanceDecl main = machine.program.main().orElseThrow(
                () -> new InterpreterException("the program has no 'main' instance: nothing to run"));
        for (Decl d : machine.program.decls()) {
            if (d instanceof Decl.InstanceDecl i && !i.name().equals("main")) {
                machine.globalInstances.put(i.name(), instance(i.type(), i.args(), null,
                        Names.global(i.name(), i.annotations()), i.annotations(), i.span()));
            }
        }
        Map<String, Value> args = new LinkedHashMap<>();
        for (Arg a : main.args()) {
            if (a.value().isEmpty()) {
                continue;
            }
            Expr e = a.value().get();
            args.put(a.param().name(), switch (e) {
                case Call.ConstructorCall cc -> instance(cc.type(), cc.args(), null, blockName(cc.type()), List.of(),
                        cc.span());
                default -> machine.evaluateStatic(e, null);
            });
        }
        return args;
    }

    private static String blockName(Type t) {
        return switch (t) {
            case Type.Block b -> b.name();
            case Type.Extern e -> e.name();
            default -> t.toString();
        };
    }

    /** Creates an instance of a parser, control or extern type with these constructor arguments. */
    private Value instance(Type type, List<Arg> args, BlockInstance outer, String path,
                           List<dev.p4ebpf.ir.Annotation> annotations, Span span) {
        Type resolved = outer == null || outer.subst().isEmpty() ? type : outer.subst().apply(type);
        List<Value> values = new ArrayList<>();
        for (Arg a : args) {
            values.add(a.value().isEmpty() ? null : argument(a.value().get(), outer,
                    Names.join(path, a.param().name())));
        }
        return switch (resolved) {
            case Type.Block b -> new ObjectValue(block(b, args, values, path, span));
            case Type.Extern e -> {
                ExternObject obj = machine.architecture.instantiate(
                        new ExternInstanceSpec(e.name(), e.typeArgs(), values, args, path, annotations, span));
                machine.externs.put(path, obj);
                yield new ObjectValue(obj);
            }
            default -> throw new InterpreterException(span, "cannot instantiate " + resolved);
        };
    }

    private Value argument(Expr e, BlockInstance outer, String path) {
        if (e instanceof Call.ConstructorCall cc) {
            return instance(cc.type(), cc.args(), outer, path, List.of(), cc.span());
        }
        return machine.evaluateStatic(e, outer);
    }

    private BlockInstance block(Type.Block type, List<Arg> args, List<Value> values, String path, Span span) {
        Decl decl = machine.program.decls().stream()
                .filter(d -> (d instanceof Decl.ParserDecl || d instanceof Decl.ControlDecl)
                        && d.name().equals(type.name()))
                .findFirst()
                .orElseThrow(() -> new InterpreterException(span, "no parser or control " + type.name()
                        + " with a body to instantiate"));
        List<String> typeParams = decl instanceof Decl.ParserDecl p ? p.typeParams()
                : ((Decl.ControlDecl) decl).typeParams();
        TypeSubst subst = typeParams.size() == type.typeArgs().size() && !typeParams.isEmpty()
                ? TypeSubst.of(typeParams, type.typeArgs()) : TypeSubst.of(List.of(), List.of());
        BlockInstance b = new BlockInstance(decl, path, subst);
        for (int i = 0; i < args.size(); i++) {
            b.ctorValues.put(args.get(i).param().name(), values.get(i));
        }
        machine.blocks.add(b);
        locals(b);
        if (decl instanceof Decl.ParserDecl p) {
            for (ParserState s : p.states()) {
                b.states.put(s.name(), s);
                s.body().forEach(st -> directApplications(b, st));
            }
        } else {
            directApplications(b, ((Decl.ControlDecl) decl).body());
        }
        return b;
    }

    /**
     * Instantiates the types a block applies directly ({@code E.apply(x)} stands for an
     * instance of E made once, named after the type, and applied).
     */
    private void directApplications(BlockInstance b, Stmt s) {
        switch (s) {
            case Stmt.CallStmt c when c.call() instanceof Call.ApplyCall a
                    && a.instance() instanceof Call.ConstructorCall cc -> b.direct.put(cc, instance(cc.type(),
                    cc.args(), b, Names.join(b.path(), blockName(cc.type())), List.of(), cc.span()));
            case Stmt.Block blk -> blk.statements().forEach(x -> directApplications(b, x));
            case Stmt.If i -> {
                directApplications(b, i.then());
                i.otherwise().ifPresent(x -> directApplications(b, x));
            }
            case Stmt.Switch sw -> sw.cases().forEach(c -> c.body().ifPresent(x -> directApplications(b, x)));
            case Stmt.For f -> directApplications(b, f.body());
            case Stmt.ForIn f -> directApplications(b, f.body());
            case Stmt.ForRange f -> directApplications(b, f.body());
            default -> { }
        }
    }

    private void locals(BlockInstance b) {
        for (Decl d : b.locals()) {
            switch (d) {
                case Decl.InstanceDecl i -> b.instances.put(i.name(), instance(i.type(), i.args(), b,
                        Names.qualified(b.path(), i.name(), i.annotations()), i.annotations(), i.span()));
                case Decl.ActionDecl a -> b.actions.put(a.name(), a);
                case Decl.TableDecl t -> b.tables.put(t.name(), table(b, t));
                case Decl.ValueSetDecl v -> b.valueSets.put(v.name(), new ValueSetRuntime(
                        Names.qualified(b.path(), v.name(), v.annotations()), b.resolve(v.element()),
                        (int) Conversions.count(machine.evaluateStatic(v.size(), b))));
                default -> { }
            }
        }
    }

    private TableRuntime table(BlockInstance b, Decl.TableDecl t) {
        List<TableKeyInfo> keys = new ArrayList<>();
        for (Table.Key k : t.keys()) {
            Type kt = b.resolve(k.expr().type());
            keys.add(new TableKeyInfo(k.controlPlaneName(KeyNames.of(k.expr())), k.matchKind(), kt,
                    keyWidth(kt)));
        }
        List<TableActionInfo> actions = new ArrayList<>();
        for (Table.ActionRef r : t.actions()) {
            Decl.ActionDecl a = machine.action(r.action(), r.global(), b, "table " + t.name());
            List<Param> cp = a.params().stream().filter(p -> p.direction() == Direction.NONE)
                    .map(p -> p.withType(b.resolve(p.type()))).toList();
            actions.add(new TableActionInfo(r.action(), TableRuntime.actionControlPlaneName(b.path(), a,
                    r.global() || !b.actions.containsKey(r.action())), cp, r.global()));
        }
        TableRuntime rt = new TableRuntime(machine, b, t, keys, actions);
        t.entries().ifPresent(es -> es.entries().forEach(e -> rt.addProgramEntry(
                new EntryPatterns(keys, x -> machine.evaluateStatic(x, b)).of(e.keys()), e.action(),
                e.priority().map(p -> java.util.OptionalLong.of(Conversions.count(machine.evaluateStatic(p, b))))
                        .orElse(java.util.OptionalLong.empty()), legacyPriority(e))));
        for (String property : List.of("counters", "meters")) {
            Optional<Table.Property> p = t.property(property);
            if (p.isPresent()) {
                Value v = argument(p.get().value(), b, Names.qualified(b.path(), t.name(), t.annotations())
                        + "." + property);
                if (v instanceof ObjectValue o && o.object() instanceof TableRuntime.DirectResource r) {
                    rt.addDirectResource(r);
                }
            }
        }
        return rt;
    }

    /** The value of an entry's {@code @priority(N)} annotation (p4c's older way to rank entries). */
    private static java.util.OptionalLong legacyPriority(Table.Entry e) {
        return dev.p4ebpf.ir.Annotation.find(e.annotations(), "priority")
                .map(a -> a.text().strip())
                .filter(t -> t.matches("\\d+"))
                .map(t -> java.util.OptionalLong.of(Long.parseLong(t)))
                .orElse(java.util.OptionalLong.empty());
    }

    static int keyWidth(Type t) {
        return switch (t) {
            case Type.Bits b -> b.width();
            case Type.Bool b -> 1;
            case Type.SerEnum e -> e.underlying().width();
            case Type.NewType n -> keyWidth(n.underlying());
            case Type.Error e -> 32;
            default -> 0;
        };
    }
}
