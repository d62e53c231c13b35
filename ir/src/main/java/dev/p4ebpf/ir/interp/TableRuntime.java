package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.interp.value.TableResultValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A table instance: its keys and actions, its entries (those of the program and those the
 * control plane adds), its default action, and the lookup that {@code t.apply()} performs.
 *
 * <p>Which matching entry wins: in a table with a {@code ternary}, {@code range} or
 * {@code optional} key, the one of highest priority (see {@link #addProgramEntry} for the
 * program's entries; a control-plane entry ranks by its priority, the largest first, and
 * without one below every prioritized entry, earlier first); in a table whose other keys are
 * exact and some are {@code lpm}, the longest prefix; in an exact table at most one entry
 * matches.
 */
public final class TableRuntime {
    private static final long UNPRIORITIZED_BASE = -(1L << 40);

    private final Machine machine;
    private final BlockInstance block;
    private final Decl.TableDecl decl;
    private final String controlPlaneName;
    private final List<TableKeyInfo> keys;
    private final List<TableActionInfo> actions;
    private final boolean usesPriority;
    private final boolean usesPrefix;
    private final boolean largestPriorityWins;
    private final List<TableEntry> programEntries = new ArrayList<>();
    private final List<TableEntry> entries = new ArrayList<>();
    private final Map<ExactKey, TableEntry> exactIndex = new HashMap<>();
    private boolean indexable;
    private TableEntry defaultEntry;
    private final List<DirectResource> directResources = new ArrayList<>();
    private final Map<String, Table.ActionRef> actionRefs = new HashMap<>();
    private final Map<String, ActionSite> sites = new HashMap<>();
    private Scope scope;
    private Nodes.ExprNode[] keyNodes;
    /** The results apply() returns, one per action and outcome: they are immutable. */
    private final Map<String, TableResultValue> hits = new HashMap<>();
    private final Map<String, TableResultValue> misses = new HashMap<>();
    private long addedCount;

    TableRuntime(Machine machine, BlockInstance block, Decl.TableDecl decl, List<TableKeyInfo> keys,
                 List<TableActionInfo> actions) {
        this.machine = machine;
        this.block = block;
        this.decl = decl;
        this.controlPlaneName = Names.qualified(block.path(), decl.name(), decl.annotations());
        this.keys = List.copyOf(keys);
        this.actions = List.copyOf(actions);
        this.usesPriority = keys.stream().anyMatch(k -> !k.matchKind().equals("exact") && !k.matchKind().equals("lpm"));
        this.usesPrefix = keys.stream().anyMatch(k -> k.matchKind().equals("lpm"));
        this.largestPriorityWins = decl.property("largest_priority_wins")
                .map(p -> !(p.value() instanceof dev.p4ebpf.ir.Expr.BoolLit b) || b.value()).orElse(true);
        this.indexable = !usesPriority && !usesPrefix;
        this.defaultEntry = programDefault();
        for (Table.ActionRef r : decl.actions()) {
            actionRefs.putIfAbsent(r.action(), r);
        }
    }

    /** The table's name in the program. */
    public String name() {
        return decl.name();
    }

    /** The fully qualified control-plane name, e.g. {@code pipe.Check_src_ip}. */
    public String controlPlaneName() {
        return controlPlaneName;
    }

    public Decl.TableDecl decl() {
        return decl;
    }

    /** The instance the table belongs to. */
    public BlockInstance block() {
        return block;
    }

    public List<TableKeyInfo> keys() {
        return keys;
    }

    public List<TableActionInfo> actions() {
        return actions;
    }

    /** Whether the program fixed the entries ({@code const entries}). */
    public boolean hasConstEntries() {
        return decl.entries().map(Table.Entries::isConst).orElse(false);
    }

    /** Whether the program fixed the default action ({@code const default_action}). */
    public boolean hasConstDefault() {
        return decl.defaultAction().map(Table.DefaultAction::isConst).orElse(false);
    }

    /** Whether entries of this table are ranked by priority (it has a ternary, range or optional key). */
    public boolean usesPriority() {
        return usesPriority;
    }

    /** The entries the control plane added, in the order they were added. */
    public List<TableEntry> entries() {
        return List.copyOf(entries);
    }

    /** The entries the program declares. */
    public List<TableEntry> programEntries() {
        return List.copyOf(programEntries);
    }

    void addDirectResource(DirectResource r) {
        directResources.add(r);
    }

    /**
     * Adds an entry of the program. Ranking, as p4c's BMv2 back end ranks const entries: an
     * entry with {@code priority = N} ranks by N (the largest first, unless
     * {@code largest_priority_wins = false}); one with p4c's older {@code @priority(N)}
     * annotation by N, the smallest first; any other by its place, earlier first (as if it had
     * {@code @priority} equal to its 1-based position).
     */
    void addProgramEntry(List<KeyPattern> patterns, Call.ActionCall call, OptionalLong priority,
                         OptionalLong legacyPriority) {
        long precedence;
        if (priority.isPresent()) {
            precedence = largestPriorityWins ? priority.getAsLong() : -priority.getAsLong();
        } else if (legacyPriority.isPresent()) {
            precedence = -legacyPriority.getAsLong();
        } else {
            precedence = -(programEntries.size() + 1L);
        }
        TableEntry e = new TableEntry(patterns, call.action(), call.global(), List.of(), call,
                priority.isPresent() ? priority : legacyPriority, precedence);
        programEntries.add(e);
        index(e);
    }

    /**
     * Adds an entry for the control plane. {@code args} are the values of the action's
     * directionless parameters, in order, of their types.
     */
    public TableEntry add(List<KeyPattern> patterns, String action, List<Value> args, OptionalLong priority) {
        if (hasConstEntries()) {
            throw new InterpreterException("table " + controlPlaneName + " has const entries: none can be added");
        }
        if (patterns.size() != keys.size()) {
            throw new InterpreterException("table " + controlPlaneName + " has " + keys.size() + " keys, the entry "
                    + patterns.size());
        }
        TableActionInfo info = action(action);
        if (args.size() != info.params().size()) {
            throw new InterpreterException("action " + info.controlPlaneName() + " takes " + info.params().size()
                    + " arguments, the entry gives " + args.size());
        }
        long precedence = priority.isPresent()
                ? (largestPriorityWins ? priority.getAsLong() : -priority.getAsLong())
                : UNPRIORITIZED_BASE - addedCount;
        addedCount++;
        TableEntry e = new TableEntry(patterns, info.name(), info.global(), List.copyOf(args), null, priority,
                precedence);
        entries.add(e);
        index(e);
        return e;
    }

    /** Sets the default action (the one run on a miss) with its directionless arguments. */
    public void setDefault(String action, List<Value> args) {
        if (hasConstDefault()) {
            throw new InterpreterException("table " + controlPlaneName + " has a const default action");
        }
        TableActionInfo info = action(action);
        if (args.size() != info.params().size()) {
            throw new InterpreterException("action " + info.controlPlaneName() + " takes " + info.params().size()
                    + " arguments, " + args.size() + " given");
        }
        defaultEntry = new TableEntry(List.of(), info.name(), info.global(), List.copyOf(args), null,
                OptionalLong.empty(), 0);
    }

    /** Removes every entry the control plane added; the program's entries stay. */
    public void clear() {
        entries.clear();
        exactIndex.clear();
        indexable = !usesPriority && !usesPrefix;
        programEntries.forEach(this::index);
    }

    private TableActionInfo action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new InterpreterException("table " + controlPlaneName + " has no action " + name));
    }

    private void index(TableEntry e) {
        if (!indexable) {
            return;
        }
        Value[] k = new Value[e.keys.size()];
        for (int i = 0; i < k.length; i++) {
            if (!(e.keys.get(i) instanceof KeyPattern.Exact x)) {
                indexable = false;
                exactIndex.clear();
                return;
            }
            k[i] = x.value();
        }
        exactIndex.putIfAbsent(new ExactKey(k), e);
    }

    private TableEntry programDefault() {
        Optional<Table.DefaultAction> d = decl.defaultAction();
        Call.ActionCall call = d.map(Table.DefaultAction::call)
                .orElseGet(() -> new Call.ActionCall("NoAction", true, List.of(), decl.span()));
        return new TableEntry(List.of(), call.action(), call.global(), List.of(), call, OptionalLong.empty(), 0);
    }

    /** Compiles the key expressions, in the scope of the table's block. */
    void compile(Scope s) {
        this.scope = s;
        this.keyNodes = decl.keys().stream().map(k -> machine.compiler.exprs.compile(k.expr(), s))
                .toArray(Nodes.ExprNode[]::new);
    }

    /** {@code t.apply()}: looks the key up, runs the action, reports hit and action. */
    TableResultValue apply(Frame f) {
        Value[] key = new Value[keyNodes.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = keyNodes[i].eval(f);
        }
        TableEntry hit = key.length == 0 ? null : lookup(key);
        TableEntry chosen = hit != null ? hit : defaultEntry;
        if (hit != null) {
            for (DirectResource r : directResources) {
                r.hit(hit);
            }
        }
        TableEntry outer = machine.currentEntry;
        machine.currentEntry = hit;
        try {
            run(chosen, f);
        } finally {
            machine.currentEntry = outer;
        }
        return hit != null ? result(hit, true) : result(chosen, false);
    }

    /** What apply() returns when {@code entry} runs, as a hit or not (kept in the entry). */
    private TableResultValue result(TableEntry entry, boolean hit) {
        TableResultValue r = hit ? entry.hitResult : entry.missResult;
        if (r == null) {
            r = (hit ? hits : misses).computeIfAbsent(entry.action, a -> new TableResultValue(hit, a));
            if (hit) {
                entry.hitResult = r;
            } else {
                entry.missResult = r;
            }
        }
        return r;
    }

    private TableEntry lookup(Value[] key) {
        if (indexable) {
            return exactIndex.get(new ExactKey(key));
        }
        TableEntry best = null;
        for (TableEntry e : programEntries) {
            best = better(best, e, key);
        }
        for (TableEntry e : entries) {
            best = better(best, e, key);
        }
        return best;
    }

    private TableEntry better(TableEntry best, TableEntry e, Value[] key) {
        if (!e.matches(key)) {
            return best;
        }
        if (best == null) {
            return e;
        }
        if (!usesPriority && usesPrefix && e.prefixLength() != best.prefixLength()) {
            return e.prefixLength() > best.prefixLength() ? e : best;
        }
        return e.precedence > best.precedence ? e : best;
    }

    /** The values of all keys of an exact table, as the index's key. */
    private static final class ExactKey {
        private final Value[] values;
        private final int hash;

        ExactKey(Value[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ExactKey k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** How one action runs from this table: compiled, with its directional arguments bound. */
    record ActionSite(CompiledCallable callable, Binder bound, int params, int[] controlPlane) {}

    private ActionSite site(TableEntry entry) {
        if (entry.site != null) {
            return entry.site;
        }
        ActionSite a = sites.get(entry.action);
        if (a != null) {
            entry.site = a;
            return a;
        }
        Decl.ActionDecl decl = machine.action(entry.action, entry.global, block, this.decl.name());
        Table.ActionRef ref = actionRefs.get(entry.action);
        List<Arg> bound = ref == null ? List.of() : ref.boundArgs();
        List<Param> params = decl.params();
        int[] cp = java.util.stream.IntStream.range(bound.size(), params.size())
                .filter(i -> params.get(i).direction() == Direction.NONE).toArray();
        a = new ActionSite(machine.compiledAction(entry.action, entry.global, block, this.decl.name()),
                new Binder(machine, bound, scope), params.size(), cp);
        sites.put(entry.action, a);
        entry.site = a;
        return a;
    }

    private void run(TableEntry entry, Frame f) {
        ActionSite a = site(entry);
        if (entry.programCall != null) {
            if (entry.binder == null) {
                entry.binder = new Binder(machine, entry.programCall.args(), scope);
            }
            a.callable().run(f, entry.binder.bind(f));
            return;
        }
        Value[] values;
        Location[] outs;
        if (a.bound().isEmpty()) {
            values = new Value[a.params()];
            outs = new Location[a.params()];
        } else {
            Binder.Bound b = a.bound().bind(f);
            values = Arrays.copyOf(b.values(), a.params());
            outs = Arrays.copyOf(b.outs(), a.params());
        }
        for (int i = 0; i < a.controlPlane().length; i++) {
            values[a.controlPlane()[i]] = entry.controlPlaneArgs.get(i).copy();
        }
        a.callable().run(f, new Binder.Bound(values, outs));
    }

    /** The control-plane name of an action, from its declaration. */
    static String actionControlPlaneName(String blockPath, Decl.ActionDecl a, boolean global) {
        List<Annotation> as = a.annotations();
        return global ? Names.global(a.name(), as) : Names.qualified(blockPath, a.name(), as);
    }

    /** Something attached to a table that sees every hit: a direct counter. */
    public interface DirectResource {
        /** The packet being processed hit {@code entry}. */
        void hit(TableEntry entry);
    }
}
