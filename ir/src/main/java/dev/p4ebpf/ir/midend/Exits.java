package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Table;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Which actions and tables of a control may {@code exit}. */
final class Exits {
    private Exits() {}

    /** The tables of {@code control} with an action whose body contains {@code exit}. */
    static Set<String> exitingTables(Decl.ControlDecl control) {
        return exitingTables(control, Map.of());
    }

    /**
     * The same, where {@code globals} are the top-level actions (a table may list those too).
     */
    static Set<String> exitingTables(Decl.ControlDecl control, Map<String, Decl.ActionDecl> globals) {
        var exiting = new HashSet<String>();
        for (Decl d : control.locals()) {
            if (d instanceof Decl.ActionDecl a && exits(a.body())) {
                exiting.add(a.name());
            }
        }
        var tables = new HashSet<String>();
        for (Decl d : control.locals()) {
            if (d instanceof Decl.TableDecl t) {
                for (Table.ActionRef r : t.actions()) {
                    boolean e = r.global() ? globals.containsKey(r.action()) && exits(globals.get(r.action()).body())
                            : exiting.contains(r.action());
                    if (e) {
                        tables.add(t.name());
                    }
                }
            }
        }
        return tables;
    }

    static boolean exits(Stmt.Block body) {
        return Terminations.needed(body.statements(), ExitSpec.DIRECT);
    }
}
