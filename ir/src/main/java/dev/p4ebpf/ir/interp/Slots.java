package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Stmt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns frame slots: one per parameter and per local variable, in order of appearance. The
 * frontend makes names unique within a frame, so a name is a slot.
 */
final class Slots {
    private final Map<String, Integer> slots = new LinkedHashMap<>();

    void add(String name) {
        slots.putIfAbsent(name, slots.size());
    }

    /** Adds every variable declared in {@code statements}, at any depth. */
    void addDeclared(List<Stmt> statements) {
        for (Stmt s : statements) {
            addDeclared(s);
        }
    }

    void addDeclared(Stmt s) {
        switch (s) {
            case Stmt.VarDecl v -> add(v.name());
            case Stmt.Block b -> addDeclared(b.statements());
            case Stmt.If i -> {
                addDeclared(i.then());
                i.otherwise().ifPresent(this::addDeclared);
            }
            case Stmt.Switch sw -> sw.cases().forEach(c -> c.body().ifPresent(this::addDeclared));
            case Stmt.For f -> {
                addDeclared(f.init());
                addDeclared(f.body());
                addDeclared(f.update());
            }
            case Stmt.ForIn f -> {
                add(f.variable().name());
                addDeclared(f.body());
            }
            case Stmt.ForRange f -> {
                add(f.variable().name());
                addDeclared(f.body());
            }
            case Stmt.Assign a -> { }
            case Stmt.CallStmt c -> { }
            case Stmt.Exit x -> { }
            case Stmt.Return r -> { }
            case Stmt.Empty e -> { }
            case Stmt.Break b -> { }
            case Stmt.Continue c -> { }
        }
    }

    Map<String, Integer> map() {
        return slots;
    }

    int size() {
        return slots.size();
    }
}
