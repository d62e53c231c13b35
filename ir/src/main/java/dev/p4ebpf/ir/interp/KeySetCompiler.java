package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.KeySet;
import dev.p4ebpf.ir.interp.Nodes.ExprNode;
import dev.p4ebpf.ir.interp.value.BitsArith;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.TupleValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;

/**
 * Compiles the keysets of select cases: a value, {@code value &&& mask}, {@code lo .. hi},
 * {@code default}/{@code _}, a value set, or a tuple of these against a tuple of keys.
 */
final class KeySetCompiler {
    private final Machine machine;

    KeySetCompiler(Machine machine) {
        this.machine = machine;
    }

    /** Whether a select key matches. */
    @FunctionalInterface
    interface Matcher {
        boolean matches(Value key, Frame f);
    }

    private ExprNode expr(dev.p4ebpf.ir.Expr e, Scope s) {
        return machine.compiler.exprs.compile(e, s);
    }

    Matcher compile(KeySet ks, Scope s) {
        return switch (ks) {
            case KeySet.Default d -> (k, f) -> true;
            case KeySet.Value v -> {
                ExprNode value = expr(v.value(), s);
                yield (k, f) -> Values.equal(k, value.eval(f));
            }
            case KeySet.Mask m -> {
                ExprNode value = expr(m.value(), s);
                ExprNode mask = expr(m.mask(), s);
                yield (k, f) -> {
                    BitsValue key = (BitsValue) k;
                    BitsValue mk = Conversions.toBits(mask.eval(f), key.width(), key.signed());
                    BitsValue v = Conversions.toBits(value.eval(f), key.width(), key.signed());
                    return BitsArith.equal(BitsArith.and(key, mk), BitsArith.and(v, mk));
                };
            }
            case KeySet.Range r -> {
                ExprNode lo = expr(r.lo(), s);
                ExprNode hi = expr(r.hi(), s);
                yield (k, f) -> {
                    BitsValue key = (BitsValue) k;
                    return BitsArith.compare(Conversions.toBits(lo.eval(f), key.width(), key.signed()), key) <= 0
                            && BitsArith.compare(key, Conversions.toBits(hi.eval(f), key.width(), key.signed())) <= 0;
                };
            }
            case KeySet.ValueSetRef r -> {
                ValueSetRuntime vs = s.block == null ? null : s.block.valueSets.get(r.name());
                if (vs == null) {
                    throw new InterpreterException(r.span(), "no value set " + r.name() + " here");
                }
                yield (k, f) -> vs.matches(k);
            }
            case KeySet.Tuple t -> {
                Matcher[] parts = t.elements().stream().map(x -> compile(x, s)).toArray(Matcher[]::new);
                yield (k, f) -> {
                    if (parts.length == 1 && !(k instanceof TupleValue)) {
                        return parts[0].matches(k, f);
                    }
                    TupleValue keys = (TupleValue) k;
                    for (int i = 0; i < parts.length; i++) {
                        if (!parts[i].matches(keys.get(i), f)) {
                            return false;
                        }
                    }
                    return true;
                };
            }
        };
    }
}
