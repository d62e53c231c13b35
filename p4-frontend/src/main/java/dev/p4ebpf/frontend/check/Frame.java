package dev.p4ebpf.frontend.check;

import dev.p4ebpf.ir.Expr;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables of one IR frame: an action or function body ({@link Expr.Frame#CALLABLE}), or a
 * parser or control with its states and apply block ({@link Expr.Frame#CONTAINER}). A declaration
 * whose name is already used in the frame — a shadowing local — gets a fresh one, so that IR variable
 * names are unique per frame. An action's frame sits inside its control's.
 */
final class Frame {
    private final Expr.Frame kind;
    private final Frame outer;
    private final Map<String, Symbol.VarSym> vars = new HashMap<>();

    Frame(Expr.Frame kind, Frame outer) {
        this.kind = kind;
        this.outer = outer;
    }

    Expr.Frame kind() {
        return kind;
    }

    /** The IR name for a new variable called {@code name}. */
    String fresh(String name) {
        if (!vars.containsKey(name)) {
            return name;
        }
        for (int i = 0; ; i++) {
            String candidate = name + "_" + i;
            if (!vars.containsKey(candidate)) {
                return candidate;
            }
        }
    }

    /** Records a variable declared in this frame under its IR name. */
    void bind(Symbol.VarSym v) {
        vars.put(v.irName(), v);
    }

    /** The declaration of a variable reference, looked for in the frame the reference names. */
    Optional<Symbol.VarSym> find(Expr.Var v) {
        for (Frame f = this; f != null; f = f.outer) {
            if (f.kind == v.frame()) {
                return Optional.ofNullable(f.vars.get(v.name()));
            }
        }
        return Optional.empty();
    }
}
