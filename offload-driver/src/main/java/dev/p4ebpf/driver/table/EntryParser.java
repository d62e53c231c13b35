package dev.p4ebpf.driver.table;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.ebpf.controlplane.Action;
import dev.p4ebpf.ebpf.controlplane.ActionParam;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.KeyField;
import dev.p4ebpf.ebpf.controlplane.MatchKind;
import dev.p4ebpf.ebpf.controlplane.Table;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an {@link EntrySpec} against a program's control-plane description and turns it into an
 * {@link Entry}: every value against its field's width, every key against its match kind, the
 * action against the table's actions and their scope, the priority against the table kind. Any
 * problem is a {@link Kind#BAD_INPUT} failure that names the table, field and value.
 */
public final class EntryParser {
    private final ControlPlane cp;
    /**
     * Resolved names, because bulk loads look the same table and action up a million times (from
     * several threads: a parser may be shared).
     */
    private final Map<String, Table> tableCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, Action>> actionCache = new java.util.concurrent.ConcurrentHashMap<>();

    public EntryParser(ControlPlane cp) {
        this.cp = cp;
    }

    /** The table named {@code name}: its P4 name, control-plane name, or an unambiguous last part of either. */
    public Table table(String name) {
        Table cached = tableCache.get(name);
        if (cached == null) {
            cached = resolveTable(name);
            tableCache.put(name, cached);
        }
        return cached;
    }

    private Table resolveTable(String name) {
        java.util.Optional<Table> exact = cp.table(name);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<Table> bySuffix = cp.tables().stream().filter(t -> t.name().endsWith("." + name)
                || t.controlPlaneName().endsWith("." + name)).toList();
        if (bySuffix.size() == 1) {
            return bySuffix.getFirst();
        }
        return exact.orElseThrow(() -> bad("There is no table '" + name + "' in " + cp.program()
                + "; its tables are: " + String.join(", ", cp.tables().stream().map(Table::controlPlaneName).toList())
                + "."));
    }

    /** A checked entry that the control plane adds or modifies. */
    public Entry entry(EntrySpec spec) {
        return entry(spec, false);
    }

    /**
     * A checked entry; {@code declared} when it is one the program declares itself (which may go
     * into a table whose entries are const).
     */
    Entry entry(EntrySpec spec, boolean declared) {
        Table t = table(spec.table());
        if (!declared) {
            requireWritable(t);
        }
        List<KeyMatch> key = key(t, spec.key());
        Action action = action(t, spec.action(), false);
        List<BigInteger> args = args(t, action, spec.args());
        return new Entry(t, key, action, args, priority(t, spec.priority()));
    }

    /** Only the key of an entry (for delete). */
    public Entry key(String table, Map<String, String> keyText, Integer priority) {
        Table t = table(table);
        requireWritable(t);
        List<KeyMatch> key = key(t, keyText);
        Action any = t.actions().isEmpty() ? null : t.actions().getFirst();
        return new Entry(t, key, any, List.of(), t.needsPriority() && priority == null ? 0 : priority(t, priority));
    }

    /**
     * Refuses control-plane writes to a table whose entries the program fixes ({@code const entries}).
     */
    void requireWritable(Table t) {
        if (t.entriesConst()) {
            throw bad("Table " + t.controlPlaneName() + " has const entries (" + t.entries().size()
                    + " declared by the program), which the control plane cannot add to, change or delete."
                    + " Remove 'const' from 'entries' in the P4 program to make them writable.");
        }
    }

    /** A checked default action of {@code table}. */
    public Entry defaultAction(String table, String actionName, Map<String, String> argText) {
        Table t = table(table);
        if (t.defaultActionConst()) {
            throw bad("Table " + t.controlPlaneName() + " has a const default action (" + t.defaultAction().action()
                    + "), which the control plane cannot change. Remove 'const' from default_action in the P4"
                    + " program to make it settable.");
        }
        Action action = action(t, actionName, true);
        return new Entry(t, List.of(), action, args(t, action, argText), 0);
    }

    private List<KeyMatch> key(Table t, Map<String, String> given) {
        List<KeyMatch> key = new ArrayList<>(t.keys().size());
        int matched = 0;
        for (KeyField f : t.keys()) {
            String text = given.get(f.controlPlaneName());
            if (text == null) {
                text = given.get(f.name());
            }
            if (text == null) {
                for (Map.Entry<String, String> e : given.entrySet()) {
                    if (names(f, e.getKey())) {
                        text = e.getValue();
                        break;
                    }
                }
            }
            if (text == null) {
                key.add(absent(t, f));
            } else {
                matched++;
                key.add(match(t, f, text));
            }
        }
        if (matched != given.size()) {
            unknownKeyField(t, given);
        }
        return key;
    }

    private void unknownKeyField(Table t, Map<String, String> given) {
        for (String name : given.keySet()) {
            if (t.keys().stream().noneMatch(f -> names(f, name))) {
                throw bad("Table " + t.controlPlaneName() + " has no key field '" + name + "'; its key fields are: "
                        + String.join(", ", t.keys().stream().map(k -> k.controlPlaneName() + " (" + k.match().p4Name()
                                + ", bit<" + k.bitWidth() + ">)").toList()) + ".");
            }
        }
        throw bad("The entry for table " + t.controlPlaneName() + " gives a key field twice (under two of its"
                + " names): " + String.join(", ", given.keySet()) + ".");
    }

    private static boolean names(KeyField f, String text) {
        return f.name().equals(text) || f.controlPlaneName().equals(text) || endsWithPart(f.name(), text)
                || endsWithPart(f.controlPlaneName(), text);
    }

    /** {@code name} ends with {@code "." + part}. */
    private static boolean endsWithPart(String name, String part) {
        int dot = name.length() - part.length() - 1;
        return dot >= 0 && name.charAt(dot) == '.' && name.endsWith(part);
    }

    private KeyMatch absent(Table t, KeyField f) {
        return switch (f.match()) {
            case TERNARY, OPTIONAL -> new KeyMatch.Masked(BigInteger.ZERO, BigInteger.ZERO);
            case RANGE -> new KeyMatch.Range(BigInteger.ZERO, P4Value.ones(f.bitWidth()));
            case EXACT, LPM -> throw bad("The entry for table " + t.controlPlaneName() + " gives no value for key field "
                    + f.controlPlaneName() + " (" + f.match().p4Name() + "); every exact and lpm field needs one.");
        };
    }

    private KeyMatch match(Table t, KeyField f, String text) {
        try {
            return KeyText.parse(text.strip(), f.match(), f.bitWidth());
        } catch (P4Value.BadValue e) {
            String where = "key field " + f.controlPlaneName() + " (" + f.match().p4Name() + ", bit<" + f.bitWidth()
                    + ">) of table " + t.controlPlaneName();
            throw bad("Bad value for " + where + ": " + e.getMessage() + ". " + KeyText.forms(f.match()));
        }
    }

    private Action action(Table t, String name, boolean asDefault) {
        Map<String, Action> cache = actionCache.computeIfAbsent(t.name(),
                k -> new java.util.concurrent.ConcurrentHashMap<>());
        Action a = cache.get(name);
        if (a == null) {
            a = resolveAction(t, name);
            cache.put(name, a);
        }
        if (asDefault && a.scope() == Action.Scope.TABLE_ONLY) {
            throw bad("Action " + a.controlPlaneName() + " is @tableonly in table " + t.controlPlaneName()
                    + " and cannot be its default action.");
        }
        if (!asDefault && a.scope() == Action.Scope.DEFAULT_ONLY) {
            throw bad("Action " + a.controlPlaneName() + " is @defaultonly in table " + t.controlPlaneName()
                    + " and cannot be used in an entry; use it with set-default.");
        }
        return a;
    }

    /**
     * The action {@code name} of {@code t} when an entry may run it, or null when there is no such
     * action or it is default-only ({@link #entry} then says why). For {@link RowEncoder}.
     */
    Action entryActionOrNull(Table t, String name) {
        Map<String, Action> cache = actionCache.computeIfAbsent(t.name(),
                k -> new java.util.concurrent.ConcurrentHashMap<>());
        Action a = cache.get(name);
        if (a == null) {
            a = t.action(name).orElse(null);
            if (a == null) {
                return null;
            }
            cache.put(name, a);
        }
        return a.scope() == Action.Scope.DEFAULT_ONLY ? null : a;
    }

    private Action resolveAction(Table t, String name) {
        return t.action(name).orElseThrow(() -> bad("Table " + t.controlPlaneName() + " has no action '" + name
                + "'; its actions are: " + String.join(", ", t.actions().stream().map(Action::controlPlaneName).toList())
                + "."));
    }

    private List<BigInteger> args(Table t, Action a, Map<String, String> given) {
        List<BigInteger> args = new ArrayList<>(a.params().size());
        Set<String> used = new HashSet<>();
        for (int i = 0; i < a.params().size(); i++) {
            ActionParam p = a.params().get(i);
            String key = given.containsKey(p.name()) ? p.name() : "#" + i;
            String text = given.get(key);
            if (text == null) {
                throw bad("Action " + a.controlPlaneName() + " of table " + t.controlPlaneName() + " needs a value for"
                        + " parameter " + p.name() + " (bit<" + p.bitWidth() + ">).");
            }
            used.add(key);
            try {
                args.add(P4Value.parse(text, p.bitWidth()));
            } catch (P4Value.BadValue e) {
                throw bad("Bad value for parameter " + p.name() + " (bit<" + p.bitWidth() + ">) of action "
                        + a.controlPlaneName() + " in table " + t.controlPlaneName() + ": " + e.getMessage() + ".");
            }
        }
        for (String name : given.keySet()) {
            if (!used.contains(name)) {
                throw bad("Action " + a.controlPlaneName() + " has no parameter '" + name + "'; it takes: "
                        + (a.params().isEmpty() ? "none" : String.join(", ", a.params().stream().map(ActionParam::name)
                                .toList())) + ".");
            }
        }
        return args;
    }

    private int priority(Table t, Integer priority) {
        if (t.needsPriority()) {
            if (priority == null) {
                throw bad("Table " + t.controlPlaneName() + " has ternary/range/optional fields, so each entry needs a"
                        + " priority (a number; larger wins).");
            }
            if (priority < 0) {
                throw bad("Priority " + priority + " for table " + t.controlPlaneName() + " must not be negative.");
            }
            return priority;
        }
        if (priority != null) {
            throw bad("Table " + t.controlPlaneName() + " matches only exact/lpm fields and takes no priority.");
        }
        return 0;
    }

    static DriverException bad(String message) {
        return new DriverException(Kind.BAD_INPUT, message + " Nothing was written.");
    }

    static boolean isMaskKind(MatchKind kind) {
        return kind == MatchKind.TERNARY || kind == MatchKind.OPTIONAL || kind == MatchKind.RANGE;
    }
}
