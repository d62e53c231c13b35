package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Declaration;
import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.KeySet;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Table declarations: keys and their match kinds, the action list (with the arguments bound there),
 * the default action, entries, and the other properties.
 */
final class TableChecker {
    private final Checker ck;
    /** The tables of the control being checked, for the types of {@code t.apply().action_run}. */
    private Map<String, Decl.TableDecl> tables = new HashMap<>();

    TableChecker(Checker ck) {
        this.ck = ck;
    }

    void enterControl() {
        tables = new HashMap<>();
    }

    Type actionEnum(String table) {
        Decl.TableDecl t = tables.get(table);
        return t == null ? Type.DONT_CARE
                : new Type.ActionEnum(table, t.actions().stream().map(Table.ActionRef::action).toList());
    }

    Decl.TableDecl table(Declaration.Table t, Ctx ctx) {
        Ctx keys = new Ctx(ctx.scope(), ctx.frame(), Ctx.Body.CONTROL_APPLY, Optional.empty(), 0, Optional.empty());
        var keyList = new ArrayList<Table.Key>();
        var actions = new ArrayList<Table.ActionRef>();
        Optional<Table.DefaultAction> defaultAction = Optional.empty();
        Optional<Table.Entries> entries = Optional.empty();
        Optional<Declaration.EntriesProperty> entriesAst = Optional.empty();
        var properties = new ArrayList<Table.Property>();
        var seen = new HashMap<String, Span>();
        for (Declaration.TableProperty p : t.properties()) {
            String name = switch (p) {
                case Declaration.KeyProperty k -> "key";
                case Declaration.ActionsProperty a -> "actions";
                case Declaration.EntriesProperty e -> "entries";
                case Declaration.ValueProperty v -> v.name();
            };
            if (seen.put(name, p.span()) != null) {
                ck.diags.report(Code.TABLE_PROPERTY, p.span(), t.name(), "property " + name + " is given twice");
                continue;
            }
            switch (p) {
                case Declaration.KeyProperty k -> k.elements().forEach(e -> keyList.add(key(t.name(), e, keys)));
                case Declaration.ActionsProperty a -> {
                    for (Declaration.ActionRef r : a.actions()) {
                        if (actions.stream().anyMatch(x -> x.action().equals(r.name()))) {
                            ck.diags.report(Code.TABLE_ACTION, r.span(), t.name(), "action " + r.name() + " is listed twice");
                        } else {
                            actionRef(t.name(), r, ctx).ifPresent(actions::add);
                        }
                    }
                }
                case Declaration.EntriesProperty e -> {
                    if (seen.get("key") == null && t.properties().stream().anyMatch(Declaration.KeyProperty.class::isInstance)) {
                        ck.diags.report(Code.TABLE_PROPERTY, e.span(), t.name(), "entries must come after the key");
                    }
                    entriesAst = Optional.of(e);
                }
                case Declaration.ValueProperty v when v.name().equals("default_action") ->
                        defaultAction = defaultAction(t.name(), v, actions, ctx);
                case Declaration.ValueProperty v -> properties.add(new Table.Property(v.name(), v.isConst(),
                        property(v, ctx), v.annotations(), v.span()));
            }
        }
        if (seen.get("actions") == null) {
            ck.diags.report(Code.TABLE_PROPERTY, t.nameSpan(), t.name(), "it has no actions property");
        }
        if (entriesAst.isPresent()) {
            entries = Optional.of(entries(t.name(), entriesAst.get(), keyList, actions, ctx));
        }
        var decl = new Decl.TableDecl(t.name(), keyList, actions, defaultAction, entries, properties, t.annotations(),
                t.span());
        ck.declare(ctx.scope(), t.name(), new Symbol.TableSym(decl, t.nameSpan()), t.nameSpan());
        tables.put(t.name(), decl);
        return decl;
    }

    private Table.Key key(String table, Declaration.KeyElement e, Ctx ctx) {
        Expr k = ck.exprs.check(e.expression(), ctx);
        Type t = k.type();
        boolean ok = t instanceof Type.Bits || t instanceof Type.Bool || t instanceof Type.SerEnum || t instanceof Type.Enum
                || t instanceof Type.Error || t instanceof Type.NewType || t instanceof Type.DontCare
                || t instanceof Type.Varbit;
        if (t instanceof Type.InfInt) {
            ck.diags.report(Code.NEEDS_WIDTH, e.expression().span(), ExprText.of(k));
        } else if (!ok) {
            ck.diags.report(Code.TYPE_NOT_ALLOWED, e.expression().span(), "a key of table " + table, ExprText.type(t),
                    "keys are integers, booleans, enums or errors");
        }
        if (!ck.matchKinds.contains(e.matchKind())) {
            ck.diags.report(Code.UNDECLARED, e.matchKindSpan(), "match kind " + e.matchKind());
        }
        return new Table.Key(k, e.matchKind(), e.annotations(), e.span());
    }

    private Optional<Symbol.ActionSym> lookupAction(String table, Declaration.ActionRef r, Ctx ctx) {
        List<Symbol> found = r.dotPrefix() ? ctx.scope().lookupGlobal(r.name()) : ctx.scope().lookup(r.name());
        if (found.isEmpty()) {
            ck.diags.report(Code.UNDECLARED, r.span(), "action " + r.name());
            return Optional.empty();
        }
        if (!(found.getFirst() instanceof Symbol.ActionSym a)) {
            ck.diags.report(Code.TABLE_ACTION, r.span(), table, r.name() + " is " + found.getFirst().describe()
                    + ", not an action");
            return Optional.empty();
        }
        return Optional.of(a);
    }

    private Optional<Table.ActionRef> actionRef(String table, Declaration.ActionRef r, Ctx ctx) {
        Optional<Symbol.ActionSym> sym = lookupAction(table, r, ctx);
        if (sym.isEmpty()) {
            return Optional.empty();
        }
        Decl.ActionDecl a = sym.get().decl();
        List<Param> directional = a.params().stream().filter(p -> p.direction() != Direction.NONE).toList();
        List<Param> data = a.params().stream().filter(p -> p.direction() == Direction.NONE).toList();
        List<Arg> bound = List.of();
        List<Expression.Argument> given = r.args().orElse(List.of());
        if (!given.isEmpty() || !directional.isEmpty()) {
            Ctx apply = new Ctx(ctx.scope(), ctx.frame(), Ctx.Body.CONTROL_APPLY, Optional.empty(), 0, Optional.empty());
            bound = ck.calls.arguments().bind(a.name(), directional, List.of(), List.of(), given, r.span(), apply).args();
        }
        return Optional.of(new Table.ActionRef(a.name(), sym.get().global(), bound, data, r.annotations(), r.span()));
    }

    /** A call of one of the table's actions with all its arguments: the default action or an entry's action. */
    private Optional<Call.ActionCall> actionCall(String table, Expression e, List<Table.ActionRef> actions, Ctx ctx,
                                                 String what) {
        String name;
        List<Expression.Argument> args;
        if (e instanceof Expression.Call c && c.callee() instanceof Expression.Name n) {
            name = n.name();
            args = c.args();
        } else if (e instanceof Expression.Name n) {
            name = n.name();
            args = List.of();
        } else {
            ck.diags.report(Code.TABLE_ACTION, e.span(), table, what + " must be a call of one of its actions");
            return Optional.empty();
        }
        Optional<Table.ActionRef> ref = actions.stream().filter(a -> a.action().equals(name)).findFirst();
        if (ref.isEmpty()) {
            ck.diags.report(Code.TABLE_ACTION, e.span(), table, "action " + name + " (" + what
                    + ") is not in the table's actions");
            return Optional.empty();
        }
        Optional<Symbol.ActionSym> sym = lookupAction(table, new Declaration.ActionRef(List.of(), name, ref.get().global(),
                Optional.of(args), e.span()), ctx);
        if (sym.isEmpty()) {
            return Optional.empty();
        }
        Ctx apply = new Ctx(ctx.scope(), ctx.frame(), Ctx.Body.CONTROL_APPLY, Optional.empty(), 0, Optional.empty());
        List<Arg> bound = ck.calls.arguments().bind(name, sym.get().decl().params(), List.of(), List.of(), args, e.span(),
                apply).args();
        for (int i = 0; i < bound.size(); i++) {
            Arg b = bound.get(i);
            if (b.param().direction() == Direction.NONE && b.value().isPresent()
                    && !Constants.isCompileTime(b.value().get(), ctx)) {
                ck.diags.report(Code.NOT_CONSTANT, b.value().get().span(), "action data in " + what);
            }
        }
        return Optional.of(new Call.ActionCall(name, ref.get().global(), bound, e.span()));
    }

    private Optional<Table.DefaultAction> defaultAction(String table, Declaration.ValueProperty v,
                                                        List<Table.ActionRef> actions, Ctx ctx) {
        Optional<Call.ActionCall> call = actionCall(table, v.value(), actions, ctx, "the default action");
        call.flatMap(c -> actions.stream().filter(a -> a.action().equals(c.action())).findFirst()).ifPresent(ref -> {
            if (hasAnnotation(ref.annotations(), "tableonly")) {
                ck.diags.report(Code.TABLE_ACTION, v.value().span(), table, "action " + ref.action()
                        + " is @tableonly and cannot be the default action");
            }
            matchesBinding(table, call.get(), ref, v.value().span());
        });
        return call.map(c -> new Table.DefaultAction(c, v.isConst(), v.span()));
    }

    /** The arguments a call gives for directional parameters must be those the actions list bound. */
    private void matchesBinding(String table, Call.ActionCall call, Table.ActionRef ref, Span at) {
        var printer = (java.util.function.Function<Expr, String>) dev.p4ebpf.ir.print.ExprPrinter::expr;
        for (Arg bound : ref.boundArgs()) {
            call.args().stream().filter(a -> a.param().name().equals(bound.param().name())).findFirst().ifPresent(given -> {
                String g = given.value().map(printer).orElse("");
                String b = bound.value().map(printer).orElse("");
                if (!g.equals(b)) {
                    ck.diags.report(Code.TABLE_ACTION, at, table, "argument " + given.param().name() + " of "
                            + call.action() + " is " + g + " but the actions list binds it to " + b);
                }
            });
        }
    }

    private Expr property(Declaration.ValueProperty v, Ctx ctx) {
        Expr value = ck.exprs.check(v.value(), ctx);
        if (v.name().equals("size") && !(value.type() instanceof Type.DontCare)) {
            if (!(value.type() instanceof Type.InfInt || value.type() instanceof Type.Bits)) {
                ck.diags.report(Code.TYPE_MISMATCH, v.value().span(), "the size of a table", "an integer",
                        ExprText.type(value.type()));
            } else if (!Constants.isCompileTime(value, ctx)) {
                ck.diags.report(Code.NOT_CONSTANT, v.value().span(), "the size of a table");
            }
        }
        if (v.name().equals("largest_priority_wins")) {
            value = ck.conv.coerce(value, Type.BOOL, v.value().span(), "largest_priority_wins");
        }
        return value;
    }

    private Table.Entries entries(String table, Declaration.EntriesProperty e, List<Table.Key> keys,
                                  List<Table.ActionRef> actions, Ctx ctx) {
        if (keys.isEmpty() && !e.entries().isEmpty()) {
            ck.diags.report(Code.TABLE_PROPERTY, e.span(), table, "a table without keys cannot have entries");
        }
        List<Type> keyTypes = keys.stream().map(k -> k.expr().type()).toList();
        var out = new ArrayList<Table.Entry>();
        for (Declaration.Entry en : e.entries()) {
            KeySet ks = keys.isEmpty() ? new KeySet.Default(en.span()) : new Keysets(ck).keyset(en.keys(), keyTypes, ctx, false);
            Expression call = new Expression.Call(new Expression.Name(en.action().name(), en.action().dotPrefix(),
                    en.action().span()), List.of(), en.action().args().orElse(List.of()), en.action().span());
            Optional<Call.ActionCall> action = actionCall(table, call, actions, ctx, "an entry");
            Optional<Expr> priority = en.priority().map(p -> {
                Expr v = ck.exprs.check(p, ctx);
                if (!(v instanceof Expr.IntLit)) {
                    ck.diags.report(Code.NOT_CONSTANT, p.span(), "an entry priority");
                }
                return v;
            });
            action.flatMap(a -> actions.stream().filter(r -> r.action().equals(a.action())).findFirst()).ifPresent(ref -> {
                if (hasAnnotation(ref.annotations(), "defaultonly")) {
                    ck.diags.report(Code.TABLE_ACTION, en.action().span(), table, "action " + ref.action()
                            + " is @defaultonly and cannot be used in entries");
                }
                matchesBinding(table, action.get(), ref, en.action().span());
            });
            new EntryRules(ck, table, keys).check(ks);
            action.ifPresent(a -> out.add(new Table.Entry(ks, a, priority, en.isConst() || e.isConst(),
                    en.annotations(), en.span())));
        }
        EntryRules.priorities(ck, table, keys, e.entries());
        return new Table.Entries(e.isConst(), out, e.span());
    }

    static boolean hasAnnotation(List<Annotation> as, String name) {
        return Annotation.find(as, name).isPresent();
    }
}
