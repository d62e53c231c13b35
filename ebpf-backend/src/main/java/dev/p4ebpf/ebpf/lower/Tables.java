package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.controlplane.Action;
import dev.p4ebpf.ebpf.controlplane.ActionCall;
import dev.p4ebpf.ebpf.controlplane.ActionParam;
import dev.p4ebpf.ebpf.controlplane.Counter;
import dev.p4ebpf.ebpf.controlplane.KeyField;
import dev.p4ebpf.ebpf.controlplane.TableMaps;
import dev.p4ebpf.ebpf.controlplane.ValueLayout;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ebpf.object.MapType;
import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.print.ExprPrinter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Table applies: the key built on the stack, the lookup in the table's map, the default action (the
 * one the control plane set in the table's default map, or else the program's), and the action run
 * with its parameters read from the map value. Also the CounterArray externs, whose maps sit with the
 * tables.
 */
final class Tables {
    /** What an apply yields: whether it hit and the id of the action that ran. */
    record Result(VReg hit, VReg actionId) {}

    private final Lowering lo;
    private final Gen g;
    private final Maps maps;
    private final Map<String, TableLayout> layouts = new HashMap<>();
    private final Map<String, String> mapOf = new HashMap<>();
    private final Map<String, String> defaultMapOf = new HashMap<>();
    private final Map<String, String> masksOf = new HashMap<>();
    private final int maxMasks;
    final List<dev.p4ebpf.ebpf.controlplane.Table> controlPlane = new ArrayList<>();
    final List<Counter> counters = new ArrayList<>();
    private final Map<String, String> counterMaps = new HashMap<>();
    private Decl.ControlDecl control;

    Tables(Lowering lo, Maps maps, int maxMasks) {
        this.maxMasks = maxMasks;
        this.lo = lo;
        this.g = lo.g;
        this.maps = maps;
    }

    /** The control whose tables and instances are being lowered. */
    void enter(Decl.ControlDecl c) throws Unsupported {
        control = c;
        for (Decl d : c.locals()) {
            switch (d) {
                case Decl.TableDecl t -> declare(t);
                case Decl.InstanceDecl i when i.type() instanceof Type.Extern e && e.name().equals("CounterArray") -> counter(i);
                default -> { }
            }
        }
    }

    private Decl.ActionDecl action(Table.ActionRef ref) throws Unsupported {
        if (!ref.global()) {
            for (Decl d : control.locals()) {
                if (d instanceof Decl.ActionDecl a && a.name().equals(ref.action())) {
                    return a;
                }
            }
        }
        return lo.program.find(ref.action(), Decl.ActionDecl.class).orElseThrow(() -> new Unsupported(
                "action " + ref.action(), "no declaration found; declare the action in the control or at the top level", ref.span()));
    }

    private String qualified(String name) {
        return control.name() + "." + name;
    }

    private void declare(Decl.TableDecl t) throws Unsupported {
        var decls = new ArrayList<Decl.ActionDecl>();
        for (Table.ActionRef r : t.actions()) {
            decls.add(action(r));
        }
        TableLayout layout = TableLayout.of(t, decls, control.name()).orElseThrow();
        layouts.put(t.name(), layout);
        String name = qualified(t.name());
        String cpName = Annotation.nameOf(t.annotations()).orElse(name);
        String map = layout.kind() == TableLayout.Kind.KEYLESS ? null : maps.name(t.name());
        String defaultMap = maps.name(t.name() + "_defa");
        var valueMembers = valueMembers(layout);
        if (map != null) {
            var keyMembers = new ArrayList<Maps.Member>();
            if (layout.kind() == TableLayout.Kind.LPM) {
                keyMembers.add(new Maps.Member("prefixlen", 0, 4));
            }
            layout.keys().forEach(k -> keyMembers.add(new Maps.Member(memberName(k.name()), k.byteOffset(), k.byteSize())));
            if (layout.kind() == TableLayout.Kind.TERNARY) {
                declareTupleSpace(t, layout, map, keyMembers, valueMembers);
            } else {
                MapType type = switch (layout.kind()) {
                    case HASH -> MapType.HASH;
                    case ARRAY -> MapType.ARRAY;
                    case LPM -> MapType.LPM_TRIE;
                    case TERNARY, KEYLESS -> throw new IllegalStateException();
                };
                int flags = layout.kind() == TableLayout.Kind.LPM ? 1 : 0; // BPF_F_NO_PREALLOC, required by LPM tries
                maps.add(new Maps.Def(map, type, layout.keySize(), layout.valueSize(), layout.maxEntries(), flags,
                        map + "_key", keyMembers, map + "_value", valueMembers));
            }
            mapOf.put(t.name(), map);
        }
        maps.add(new Maps.Def(defaultMap, MapType.ARRAY, 4, layout.valueSize(), 1, 0, "", List.of(), map == null
                ? defaultMap + "_value" : map + "_value", valueMembers));
        defaultMapOf.put(t.name(), defaultMap);
        controlPlane.add(controlPlaneTable(t, layout, name, cpName, map, defaultMap));
    }

    /**
     * A ternary table's maps: the array of per-mask hash maps (named like the table, so its key and
     * value types are the inner map's) and the mask list.
     */
    private void declareTupleSpace(Decl.TableDecl t, TableLayout layout, String map, List<Maps.Member> keyMembers,
                                   List<Maps.Member> valueMembers) {
        var inner = new Maps.Def(map, MapType.HASH, layout.keySize(), layout.valueSize(), layout.maxEntries(), 0,
                map + "_key", keyMembers, map + "_value", valueMembers);
        maps.add(new Maps.Def(map, MapType.ARRAY_OF_MAPS, 4, 4, maxMasks, 0, "", List.of(), "", List.of(),
                java.util.Optional.of(inner)));
        String masks = maps.name(t.name() + "_masks");
        var slotMembers = new ArrayList<Maps.Member>();
        slotMembers.add(new Maps.Member("tuple_id", 0, 4));
        slotMembers.add(new Maps.Member("used", 4, 4));
        slotMembers.add(new Maps.Member("max_priority", 8, 4));
        slotMembers.add(new Maps.Member("pad", 12, 4));
        layout.keys().forEach(k -> slotMembers.add(new Maps.Member(memberName(k.name()),
                TupleSpace.SLOT_HEADER + k.byteOffset(), k.byteSize())));
        maps.add(new Maps.Def(masks, MapType.ARRAY, 4, TupleSpace.SLOT_HEADER + layout.keySize(), maxMasks, 0, "",
                List.of(), masks + "_slot", slotMembers));
        masksOf.put(t.name(), masks);
    }

    private static List<Maps.Member> valueMembers(TableLayout layout) {
        var out = new ArrayList<Maps.Member>();
        out.add(new Maps.Member("action", 0, 4));
        if (layout.kind() == TableLayout.Kind.TERNARY) {
            out.add(new Maps.Member("priority", TableLayout.PRIORITY_OFFSET, 4));
        }
        for (TableLayout.ActionSlot s : layout.actions()) {
            for (ActionParam p : s.params()) {
                out.add(new Maps.Member(memberName(p.name()), p.byteOffset(), p.byteSize(), memberName(s.ref().action())));
            }
        }
        return out;
    }

    static String memberName(String s) {
        return s.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private dev.p4ebpf.ebpf.controlplane.Table controlPlaneTable(Decl.TableDecl t, TableLayout layout, String name,
                                                                 String cpName, String map, String defaultMap)
            throws Unsupported {
        var actions = new ArrayList<Action>();
        for (TableLayout.ActionSlot s : layout.actions()) {
            Action.Scope scope = Annotation.find(s.ref().annotations(), "defaultonly").isPresent()
                    ? Action.Scope.DEFAULT_ONLY
                    : Annotation.find(s.ref().annotations(), "tableonly").isPresent() ? Action.Scope.TABLE_ONLY
                    : Action.Scope.TABLE_AND_DEFAULT;
            String an = s.decl().name();
            actions.add(new Action(an, Annotation.nameOf(s.decl().annotations()).orElse(an), s.id(), s.params(), scope));
        }
        ActionCall def = t.defaultAction().map(d -> new ActionCall(d.call().action(), d.call().args().stream()
                .filter(a -> a.param().direction() == Direction.NONE)
                .map(a -> a.value().map(ExprPrinter::expr).orElse("")).toList())).orElse(new ActionCall("NoAction", List.of()));
        boolean defConst = t.defaultAction().map(Table.DefaultAction::isConst).orElse(false);
        TableMaps tm = switch (layout.kind()) {
            case HASH -> new TableMaps.Exact(map, "hash", layout.keySize(), defaultMap);
            case ARRAY -> new TableMaps.Exact(map, "array", layout.keySize(), defaultMap);
            case LPM -> new TableMaps.Lpm(map, layout.keySize(), defaultMap);
            case TERNARY -> new TableMaps.Ternary(map, masksOf.get(t.name()), maxMasks, layout.keySize(),
                    layout.maxEntries(), defaultMap);
            case KEYLESS -> new TableMaps.Exact(defaultMap, "array", 4, defaultMap);
        };
        List<KeyField> keys = layout.keys();
        return new dev.p4ebpf.ebpf.controlplane.Table(name, cpName, keys, actions, layout.maxEntries(), def, defConst, tm,
                new ValueLayout(layout.valueSize(), TableLayout.ACTION_ID_OFFSET,
                        layout.kind() == TableLayout.Kind.TERNARY ? TableLayout.PRIORITY_OFFSET : -1),
                new ConstEntries(lo).of(layout), t.entries().map(Table.Entries::isConst).orElse(false));
    }

    long actionId(String table, String action) {
        return layouts.get(table).slot(action).id();
    }

    /**
     * Applies a table: looks the key up; on a miss takes the value the control plane set in the
     * default map, or else the program's default action (whose arguments are written into a stack
     * copy of a value); then runs the action the value names. Each action body appears once.
     */
    Result apply(String tableName, Span at) throws Unsupported {
        TableLayout layout = layouts.get(tableName);
        if (layout == null) {
            throw new Unsupported("table " + tableName, "it was not declared in the control being compiled; declare it there", at);
        }
        VReg hit = g.reg(tableName + ".hit");
        VReg id = g.reg(tableName + ".action");
        VReg value = g.reg(tableName + ".value");
        int done = g.block();
        int miss = g.block();
        int run = g.block();
        if (layout.kind() != TableLayout.Kind.KEYLESS) {
            StackSlot key = lo.g.b.slot((layout.keySize() + 7) & ~7, 8, tableName + "_key");
            buildKey(layout, key, at);
            if (layout.kind() == TableLayout.Kind.TERNARY) {
                g.set(value, new TupleSpace(g).lookup(layout, tableName, key, mapOf.get(tableName),
                        masksOf.get(tableName), maxMasks, at), at);
            } else {
                g.set(value, g.call(Helper.MAP_LOOKUP_ELEM, List.of(g.map(mapOf.get(tableName), at),
                        g.stackAddr(key, 0, at)), at), at);
            }
            int found = g.block();
            g.branch(JmpOp.JEQ, value, Operand.imm(0), miss, found, at);
            g.enter(found);
            g.set(hit, Operand.imm(1), at);
            g.jump(run, at);
        } else {
            g.jump(miss, at);
        }
        g.enter(miss);
        g.set(hit, Operand.imm(0), at);
        defaultValue(layout, tableName, value, run, done, id, at);
        g.enter(run);
        g.set(id, g.load(Size.W, value, TableLayout.ACTION_ID_OFFSET, at), at);
        dispatch(layout, id, value, done, done, at);
        g.enter(done);
        return new Result(hit, id);
    }

    /** The key: zeroed, then each field big-endian at its offset (an LPM trie's prefix length first). */
    private void buildKey(TableLayout layout, StackSlot key, Span at) throws Unsupported {
        for (int i = 0; i < key.size(); i += 8) {
            g.b.emit(new LInsn.StoreStack(Size.DW, key, i, Operand.imm(0), at));
        }
        if (layout.kind() == TableLayout.Kind.LPM) {
            int bits = layout.keys().stream().mapToInt(k -> k.byteSize() * 8).sum();
            g.b.emit(new LInsn.StoreStack(Size.W, key, 0, Operand.imm(bits), at));
        }
        VReg base = g.stackAddr(key, 0, at);
        for (int i = 0; i < layout.keys().size(); i++) {
            KeyField k = layout.keys().get(i);
            Expr e = layout.table().keys().get(i).expr();
            if (layout.kind() == TableLayout.Kind.ARRAY) {
                g.store(Size.W, base, 0, lo.exprs.value(e), at);
            } else if (packetBytes(e, k)) {
                Loc.PacketField f = (Loc.PacketField) lo.loc(e);
                lo.access.copyToStack(base, k.byteOffset(), f.header().ptr(), f.field().bitOffset() / 8, k.byteSize(), at);
            } else {
                lo.access.storeWideToStack(base, k.byteOffset(), k.byteSize(), lo.wide.of(e), at);
            }
        }
    }

    /** Whether a key field can be copied straight from the packet: a whole-byte field of a header kept there. */
    private boolean packetBytes(Expr e, KeyField k) throws Unsupported {
        if (!(e instanceof Expr.Member || e instanceof Expr.Var)) {
            return false;
        }
        Loc l = lo.loc(e);
        return l instanceof Loc.PacketField f && f.field().byteAligned() && f.field().width() == k.byteSize() * 8;
    }

    /** Runs the action whose id is in {@code id}, with parameters from the map value at {@code value}. */
    private void dispatch(TableLayout layout, VReg id, VReg value, int done, int unknown, Span at) throws Unsupported {
        for (TableLayout.ActionSlot s : layout.actions()) {
            int run = g.block();
            int next = g.block();
            g.branch(JmpOp.JEQ, id, Operand.imm(s.id()), run, next, at);
            g.enter(run);
            runAction(s, value, null, at);
            if (g.open()) {
                g.jump(done, at);
            }
            g.enter(next);
        }
        g.jump(unknown, at);
    }

    /**
     * On a miss, {@code value} becomes the default map's value when the control plane set one (its
     * action id is not 0), else a stack value holding the program's default action and its
     * arguments; continues at {@code run}. Without a default action the apply ends with id 0.
     */
    private void defaultValue(TableLayout layout, String tableName, VReg value, int run, int done, VReg id, Span at)
            throws Unsupported {
        StackSlot zero = lo.g.b.slot(8, 8, tableName + "_dkey");
        g.b.emit(new LInsn.StoreStack(Size.W, zero, 0, Operand.imm(0), at));
        g.set(value, g.call(Helper.MAP_LOOKUP_ELEM, List.of(g.map(defaultMapOf.get(tableName), at),
                g.stackAddr(zero, 0, at)), at), at);
        int compiled = g.block();
        int set = g.block();
        g.branch(JmpOp.JEQ, value, Operand.imm(0), compiled, set, at);
        g.enter(set);
        VReg setId = g.load(Size.W, value, TableLayout.ACTION_ID_OFFSET, at);
        g.branch(JmpOp.JEQ, setId, Operand.imm(0), compiled, run, at);
        g.enter(compiled);
        var call = layout.table().defaultAction().map(Table.DefaultAction::call);
        Optional<TableLayout.ActionSlot> noAction = layout.actions().stream()
                .filter(s -> s.ref().action().equals("NoAction")).findFirst();
        if (call.isEmpty() || call.get().action().equals("NoAction") && call.get().args().isEmpty()) {
            // without default_action the default is NoAction: a switch on action_run sees it when listed
            g.set(id, Operand.imm(noAction.map(TableLayout.ActionSlot::id).orElse(0)), at);
            g.jump(done, at);
            return;
        }
        TableLayout.ActionSlot s = layout.slot(call.get().action());
        StackSlot local = lo.g.b.slot((layout.valueSize() + 7) & ~7, 8, tableName + "_default");
        VReg base = g.stackAddr(local, 0, at);
        g.store(Size.W, base, TableLayout.ACTION_ID_OFFSET, Operand.imm(s.id()), at);
        int data = 0;
        for (Param p : s.decl().params()) {
            if (p.direction() != Direction.NONE) {
                continue;
            }
            ActionParam ap = s.params().get(data++);
            Arg a = call.get().args().stream().filter(x -> x.param().name().equals(p.name())).findFirst().orElseThrow();
            lo.access.storeWideToStack(base, ap.byteOffset(), ap.byteSize(), lo.wide.of(a.expr()), at);
        }
        g.set(value, base, at);
        g.jump(run, at);
    }

    /**
     * Inlines an action: directional parameters bound as the actions list says (copy-in, copy-out),
     * data parameters from the map value ({@code value}) or from the default action's arguments.
     */
    private void runAction(TableLayout.ActionSlot s, VReg value, Call.ActionCall args, Span at) throws Unsupported {
        Env outer = lo.env;
        Env inner = outer.forAction();
        var copyOut = new ArrayList<Runnable>();
        int bound = 0;
        int data = 0;
        List<Loc> outLocs = new ArrayList<>();
        for (Param p : s.decl().params()) {
            if (p.direction() == Direction.NONE && args == null) {
                // action data stay in the map value: read where used, copied as bytes into packet fields
                ActionParam ap = s.params().get(data++);
                inner.bind(Expr.Frame.CALLABLE, p.name(), new Loc.MemField(p.type(), value, ap.byteOffset(), ap.byteSize()));
                continue;
            }
            Loc l = lo.storage.allocate(p.type(), p.name(), p.span());
            inner.bind(Expr.Frame.CALLABLE, p.name(), l);
            if (p.direction() != Direction.NONE) {
                Expr arg = args != null ? args.args().get(bound).expr() : s.ref().boundArgs().get(bound).expr();
                bound++;
                if (p.direction().copiesIn()) {
                    lo.assign(l, arg);
                } else {
                    lo.stmts.zero(l, at);
                }
                if (p.direction().copiesOut()) {
                    outLocs.add(lo.loc(arg));
                    Loc target = outLocs.getLast();
                    copyOut.add(() -> Exprs.rethrow(() -> lo.copy(target, l, at)));
                }
            } else {
                Arg a = args.args().stream().filter(x -> x.param().name().equals(p.name())).findFirst().orElseThrow();
                lo.assign(l, a.expr());
                data++;
            }
        }
        int end = g.block();
        int savedReturn = lo.stmts.returnTarget;
        Expr.Frame savedFrame = lo.stmts.frame;
        lo.env = inner;
        lo.stmts.returnTarget = end;
        lo.stmts.frame = Expr.Frame.CALLABLE;
        try {
            lo.stmts.all(s.decl().body().statements());
        } finally {
            lo.env = outer;
            lo.stmts.returnTarget = savedReturn;
            lo.stmts.frame = savedFrame;
        }
        g.continueAt(end, at);
        lo.env = inner;
        try {
            copyOut.forEach(Runnable::run);
        } catch (Exprs.Deferred d) {
            throw d.unsupported();
        } finally {
            lo.env = outer;
        }
    }

    private void counter(Decl.InstanceDecl i) {
        boolean sparse = i.args().size() > 1 && i.args().get(1).value().orElse(null) instanceof Expr.BoolLit b && b.value();
        int size = i.args().getFirst().value().orElse(null) instanceof Expr.IntLit n ? n.value().intValueExact() : 1;
        String map = maps.name(i.name());
        // per-CPU: each CPU counts in its own slot without atomics or shared cache lines; readers sum the slots
        maps.add(new Maps.Def(map, sparse ? MapType.PERCPU_HASH : MapType.PERCPU_ARRAY, 4, 8, Math.max(size, 1), 0, "",
                List.of(), "", List.of()));
        counterMaps.put(i.name(), map);
        String name = qualified(i.name());
        counters.add(new Counter(name, Annotation.nameOf(i.annotations()).orElse(name), Counter.Kind.PACKETS, true, map,
                size, null));
    }

    /** {@code c.increment(index)} and {@code c.add(index, value)} of a CounterArray. */
    void counter(Call.MethodCall m) throws Unsupported {
        Span at = m.span();
        if (!(m.target() instanceof Expr.InstanceRef r) || !counterMaps.containsKey(r.name())) {
            throw new Unsupported("this CounterArray", "counters are instances declared in the control; declare the CounterArray in the control that"
                    + " uses it", at);
        }
        String map = counterMaps.get(r.name());
        StackSlot key = lo.g.b.slot(8, 8, r.name() + "_idx");
        g.b.emit(new LInsn.StoreStack(Size.W, key, 0, lo.exprs.value(m.args().get(0).expr()), at));
        VReg amount = m.method().name().equals("add") ? lo.exprs.value(m.args().get(1).expr()) : g.imm(1, at);
        VReg value = g.call(Helper.MAP_LOOKUP_ELEM, List.of(g.map(map, at), g.stackAddr(key, 0, at)), at);
        int found = g.block();
        int absent = g.block();
        int join = g.block();
        g.branch(JmpOp.JEQ, value, Operand.imm(0), absent, found, at);
        g.enter(found);
        // this CPU's slot: no other CPU writes it, so a plain read-modify-write is enough
        g.store(Size.DW, value, 0, g.alu(AluOp.ADD, g.load(Size.DW, value, 0, at), amount, at), at);
        g.jump(join, at);
        g.enter(absent);
        // a sparse counter (hash map) starts at the first increment; an array index out of range is ignored
        StackSlot init = lo.g.b.slot(8, 8, r.name() + "_init");
        g.b.emit(new LInsn.StoreStack(Size.DW, init, 0, amount, at));
        g.callVoid(Helper.MAP_UPDATE_ELEM, List.of(g.map(map, at), g.stackAddr(key, 0, at), g.stackAddr(init, 0, at),
                Operand.imm(1)), at);
        g.jump(join, at);
        g.enter(join);
    }

}
