package dev.p4ebpf.ebpf.controlplane;

import dev.p4ebpf.ebpf.controlplane.ControlPlaneException.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@link ControlPlane} against the contract of this package: required fields present,
 * widths and byte ranges that fit their maps and do not overlap, match kinds that fit the table's
 * map kind, unique names and action ids, defaults that name a table's action. Every problem is
 * reported with its JSON path; an empty list means the description is consistent.
 */
public final class ControlPlaneValidator {
    /** BPF object names hold 15 characters and a NUL. */
    public static final int MAX_MAP_NAME = 15;
    public static final int MAX_BIT_WIDTH = 2048;

    private final List<Problem> problems = new ArrayList<>();

    private ControlPlaneValidator() {}

    public static List<Problem> validate(ControlPlane cp) {
        ControlPlaneValidator v = new ControlPlaneValidator();
        v.check(cp);
        return List.copyOf(v.problems);
    }

    private void problem(String path, String message) {
        problems.add(new Problem(path, message));
    }

    private boolean present(String path, Object value) {
        if (value == null) {
            problem(path, "is missing");
            return false;
        }
        return true;
    }

    private void name(String path, String value) {
        if (present(path, value) && value.isBlank()) {
            problem(path, "must not be empty");
        }
    }

    private void mapName(String path, String value) {
        name(path, value);
        if (value != null && value.getBytes(StandardCharsets.UTF_8).length > MAX_MAP_NAME) {
            problem(path, "map name '" + value + "' is longer than " + MAX_MAP_NAME + " bytes, the kernel's limit");
        }
    }

    private void check(ControlPlane cp) {
        if (cp.format() != ControlPlane.FORMAT) {
            problem("$.format", "is " + cp.format() + ", but this p4ebpf reads format " + ControlPlane.FORMAT
                    + "; compile the program again with this p4ebpf");
        }
        name("$.program", cp.program());
        name("$.architecture", cp.architecture());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < cp.tables().size(); i++) {
            Table t = cp.tables().get(i);
            String path = "$.tables[" + i + "]";
            if (t == null) {
                problem(path, "is null");
                continue;
            }
            table(path, t);
            unique(names, path + ".name", t.name());
        }
        for (int i = 0; i < cp.counters().size(); i++) {
            counter("$.counters[" + i + "]", cp.counters().get(i), cp);
        }
        for (int i = 0; i < cp.registers().size(); i++) {
            register("$.registers[" + i + "]", cp.registers().get(i));
        }
        for (int i = 0; i < cp.valueSets().size(); i++) {
            valueSet("$.valueSets[" + i + "]", cp.valueSets().get(i));
        }
        if (cp.portMap() != null) {
            name("$.portMap.name", cp.portMap().name());
            mapName("$.portMap.map", cp.portMap().map());
            if (cp.portMap().maxEntries() < 1) {
                problem("$.portMap.maxEntries", "must be at least 1, not " + cp.portMap().maxEntries());
            }
        }
    }

    private void unique(Set<String> seen, String path, String value) {
        if (value != null && !seen.add(value)) {
            problem(path, "'" + value + "' is declared twice");
        }
    }

    private void table(String path, Table t) {
        name(path + ".name", t.name());
        name(path + ".controlPlaneName", t.controlPlaneName());
        if (t.size() < 1) {
            problem(path + ".size", "must be at least 1, not " + t.size());
        }
        if (!present(path + ".maps", t.maps()) | !present(path + ".value", t.value())) {
            return;
        }
        BitSet keyBytes = new BitSet();
        for (int k = 0; k < t.keys().size(); k++) {
            keyField(path + ".keys[" + k + "]", t.keys().get(k), t.maps().keySize(), keyBytes);
        }
        maps(path + ".maps", t);
        valueLayout(path + ".value", t);
        actions(path, t);
        defaultAction(path + ".defaultAction", t);
    }

    private void keyField(String path, KeyField f, int keySize, BitSet used) {
        if (f == null) {
            problem(path, "is null");
            return;
        }
        name(path + ".name", f.name());
        name(path + ".controlPlaneName", f.controlPlaneName());
        present(path + ".match", f.match());
        present(path + ".byteOrder", f.byteOrder());
        bytes(path, f.bitWidth(), f.byteOffset(), f.byteSize(), keySize, used, "key");
    }

    /** Width within limits, bytes enough for it, inside {@code limit}, and not overlapping {@code used}. */
    private void bytes(String path, int bitWidth, int offset, int size, int limit, BitSet used, String what) {
        if (bitWidth < 1 || bitWidth > MAX_BIT_WIDTH) {
            problem(path + ".bitWidth", "must be between 1 and " + MAX_BIT_WIDTH + ", not " + bitWidth);
        }
        if (size * 8 < bitWidth) {
            problem(path + ".byteSize", size + " bytes cannot hold " + bitWidth + " bits");
        }
        if (offset < 0 || size < 1 || offset + size > limit) {
            problem(path + ".byteOffset", "bytes [" + offset + ", " + (offset + size) + ") lie outside the "
                    + limit + "-byte " + what);
            return;
        }
        if (used.get(offset, offset + size).cardinality() > 0) {
            problem(path + ".byteOffset", "bytes [" + offset + ", " + (offset + size) + ") overlap another field");
        }
        used.set(offset, offset + size);
    }

    private void maps(String path, Table t) {
        mapName(path + ".defaultMap", t.maps().defaultMap());
        if (t.maps().keySize() < 1 && !t.keys().isEmpty()) {
            problem(path + ".keySize", "must be at least 1");
        }
        switch (t.maps()) {
            case TableMaps.Exact e -> {
                mapName(path + ".map", e.map());
                if (!"hash".equals(e.mapType()) && !"array".equals(e.mapType())) {
                    problem(path + ".mapType", "must be \"hash\" or \"array\", not " + e.mapType());
                }
                if ("array".equals(e.mapType()) && (t.keys().size() != 1 || t.keys().getFirst().bitWidth() > 32
                        || e.keySize() != 4)) {
                    problem(path + ".mapType", "an array map needs a single key field of at most 32 bits in a 4-byte key");
                }
                matchKinds(t, path, Set.of(MatchKind.EXACT));
            }
            case TableMaps.Lpm l -> {
                mapName(path + ".map", l.map());
                lpm(path, t);
            }
            case TableMaps.Ternary x -> {
                mapName(path + ".tuplesMap", x.tuplesMap());
                mapName(path + ".masksMap", x.masksMap());
                if (x.maxMasks() < 1) {
                    problem(path + ".maxMasks", "must be at least 1");
                }
                if (x.maxEntriesPerMask() < 1) {
                    problem(path + ".maxEntriesPerMask", "must be at least 1");
                }
            }
        }
    }

    private void matchKinds(Table t, String path, Set<MatchKind> allowed) {
        for (int k = 0; k < t.keys().size(); k++) {
            MatchKind m = t.keys().get(k) == null ? null : t.keys().get(k).match();
            if (m != null && !allowed.contains(m)) {
                problem(path.replace(".maps", ".keys[" + k + "].match"), "a " + m.p4Name() + " field cannot be in a"
                        + " table whose maps are of kind " + kindOf(t.maps()));
            }
        }
    }

    private static String kindOf(TableMaps maps) {
        return switch (maps) {
            case TableMaps.Exact e -> "exact";
            case TableMaps.Lpm l -> "lpm";
            case TableMaps.Ternary x -> "ternary";
        };
    }

    private void lpm(String path, Table t) {
        long lpmFields = t.keys().stream().filter(k -> k != null && k.match() == MatchKind.LPM).count();
        if (lpmFields != 1) {
            problem(path, "an lpm table needs exactly one lpm key field, this one has " + lpmFields);
        } else if (t.keys().getLast().match() != MatchKind.LPM) {
            problem(path, "the lpm field must be the last key field (the trie matches a prefix of the key data)");
        }
        matchKinds(t, path, Set.of(MatchKind.EXACT, MatchKind.LPM));
        for (int k = 0; k < t.keys().size(); k++) {
            KeyField f = t.keys().get(k);
            if (f != null && f.byteOrder() == Endian.LITTLE) {
                problem(path.replace(".maps", ".keys[" + k + "].byteOrder"), "LPM trie data is in network order: must be big");
            }
            if (f != null && f.byteOffset() < 4) {
                problem(path.replace(".maps", ".keys[" + k + "].byteOffset"), "the first 4 bytes of an LPM key are"
                        + " the prefix length");
            }
        }
    }

    private void valueLayout(String path, Table t) {
        ValueLayout v = t.value();
        if (v.actionIdOffset() < 0 || v.actionIdOffset() + 4 > v.size()) {
            problem(path + ".actionIdOffset", "the 4-byte action id does not fit in the " + v.size() + "-byte value");
        }
        if (t.needsPriority() && (v.priorityOffset() < 0 || v.priorityOffset() + 4 > v.size())) {
            problem(path + ".priorityOffset", "a ternary table needs a 4-byte priority inside the value");
        }
        if (!t.needsPriority() && v.priorityOffset() != -1) {
            problem(path + ".priorityOffset", "must be -1: only ternary tables store priorities");
        }
    }

    private void actions(String path, Table t) {
        Set<Integer> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        ValueLayout v = t.value();
        for (int a = 0; a < t.actions().size(); a++) {
            Action action = t.actions().get(a);
            String ap = path + ".actions[" + a + "]";
            if (action == null) {
                problem(ap, "is null");
                continue;
            }
            name(ap + ".name", action.name());
            name(ap + ".controlPlaneName", action.controlPlaneName());
            unique(names, ap + ".name", action.name());
            if (!ids.add(action.id())) {
                problem(ap + ".id", "action id " + action.id() + " is used twice in the table");
            }
            BitSet used = new BitSet();
            used.set(v.actionIdOffset(), Math.max(v.actionIdOffset(), v.actionIdOffset() + 4));
            if (v.priorityOffset() >= 0) {
                used.set(v.priorityOffset(), v.priorityOffset() + 4);
            }
            for (int p = 0; p < action.params().size(); p++) {
                ActionParam param = action.params().get(p);
                String pp = ap + ".params[" + p + "]";
                if (param == null) {
                    problem(pp, "is null");
                    continue;
                }
                name(pp + ".name", param.name());
                present(pp + ".byteOrder", param.byteOrder());
                bytes(pp, param.bitWidth(), param.byteOffset(), param.byteSize(), v.size(), used, "value");
            }
        }
    }

    private void defaultAction(String path, Table t) {
        ActionCall d = t.defaultAction();
        if (!present(path, d) || !present(path + ".action", d.action())) {
            return;
        }
        var action = t.action(d.action());
        if (action.isEmpty()) {
            problem(path + ".action", "'" + d.action() + "' is not one of the table's actions");
            return;
        }
        if (action.get().scope() == Action.Scope.TABLE_ONLY) {
            problem(path + ".action", "'" + d.action() + "' is @tableonly and cannot be the default");
        }
        if (d.args().size() != action.get().params().size()) {
            problem(path + ".args", action.get().name() + " takes " + action.get().params().size() + " arguments, not "
                    + d.args().size());
        }
    }

    private void counter(String path, Counter c, ControlPlane cp) {
        if (c == null) {
            problem(path, "is null");
            return;
        }
        name(path + ".name", c.name());
        name(path + ".controlPlaneName", c.controlPlaneName());
        present(path + ".kind", c.kind());
        mapName(path + ".map", c.map());
        if (c.size() < 1) {
            problem(path + ".size", "must be at least 1, not " + c.size());
        }
        if (c.directTable() != null && cp.table(c.directTable()).isEmpty()) {
            problem(path + ".directTable", "'" + c.directTable() + "' is not a table of this program");
        }
    }

    private void register(String path, Register r) {
        if (r == null) {
            problem(path, "is null");
            return;
        }
        name(path + ".name", r.name());
        name(path + ".controlPlaneName", r.controlPlaneName());
        mapName(path + ".map", r.map());
        present(path + ".byteOrder", r.byteOrder());
        if (r.size() < 1) {
            problem(path + ".size", "must be at least 1, not " + r.size());
        }
        bytes(path, r.bitWidth(), 0, r.valueSize(), Math.max(r.valueSize(), 0), new BitSet(), "value");
    }

    private void valueSet(String path, ValueSet s) {
        if (s == null) {
            problem(path, "is null");
            return;
        }
        name(path + ".name", s.name());
        name(path + ".controlPlaneName", s.controlPlaneName());
        mapName(path + ".map", s.map());
        if (s.size() < 1) {
            problem(path + ".size", "must be at least 1, not " + s.size());
        }
        BitSet used = new BitSet();
        for (int k = 0; k < s.keys().size(); k++) {
            KeyField f = s.keys().get(k);
            keyField(path + ".keys[" + k + "]", f, s.keySize(), used);
            if (f != null && f.match() != null && f.match() != MatchKind.EXACT) {
                problem(path + ".keys[" + k + "].match", "value sets match exactly");
            }
        }
    }
}
