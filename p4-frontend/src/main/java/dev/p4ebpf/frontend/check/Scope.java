package dev.p4ebpf.frontend.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lexical scope: the top level, a parser or control, an action or function, a block. Names are
 * looked up outward. Functions, extern functions and packages may be overloaded by the number or
 * the names of their parameters; any other name is declared once per scope.
 */
final class Scope {
    private final Scope parent;
    private final Map<String, List<Symbol>> symbols = new LinkedHashMap<>();

    private Scope(Scope parent) {
        this.parent = parent;
    }

    static Scope top() {
        return new Scope(null);
    }

    Scope child() {
        return new Scope(this);
    }

    /** The symbols {@code name} denotes in the innermost scope that declares it (several only for overloads). */
    List<Symbol> lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            List<Symbol> found = s.symbols.get(name);
            if (found != null) {
                return found;
            }
        }
        return List.of();
    }

    /** The one symbol for {@code name}, if it denotes exactly one. */
    Optional<Symbol> lookupOne(String name) {
        List<Symbol> found = lookup(name);
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    /** Looks {@code name} up at the top level only (for {@code .name}). */
    List<Symbol> lookupGlobal(String name) {
        Scope s = this;
        while (s.parent != null) {
            s = s.parent;
        }
        return s.symbols.getOrDefault(name, List.of());
    }

    /** Declares {@code symbol}; returns the symbol it clashes with in this same scope, if any. */
    Optional<Symbol> declare(String name, Symbol symbol) {
        List<Symbol> here = symbols.computeIfAbsent(name, n -> new ArrayList<>());
        for (Symbol other : here) {
            boolean overload = Symbol.overloadable(symbol) && Symbol.overloadable(other)
                    && symbol.getClass() == other.getClass() && Symbol.distinct(symbol, other);
            if (!overload) {
                return Optional.of(other);
            }
        }
        here.add(symbol);
        return Optional.empty();
    }

    /** Replaces a symbol declared in this scope (an extern completed after its methods were checked). */
    void replace(String name, Symbol old, Symbol replacement) {
        List<Symbol> here = symbols.get(name);
        if (here != null) {
            here.replaceAll(s -> s == old ? replacement : s);
        }
    }

    /** Whether {@code name} is declared in this scope itself (not an enclosing one). */
    boolean declaresHere(String name) {
        return symbols.containsKey(name) && !symbols.get(name).isEmpty();
    }
}
