package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.KeySet;
import dev.p4ebpf.ir.interp.value.BitsArith;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.TupleValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;

/**
 * Whether a select key matches a keyset: a value, {@code value &&& mask}, {@code lo .. hi},
 * {@code default}/{@code _}, a value set, or a tuple of these against a tuple of keys.
 */
final class Selects {
    private final Machine machine;

    Selects(Machine machine) {
        this.machine = machine;
    }

    boolean matches(KeySet ks, Value key, Env env) {
        return switch (ks) {
            case KeySet.Default d -> true;
            case KeySet.Value v -> Values.equal(key, machine.eval.eval(v.value(), env));
            case KeySet.Mask m -> {
                BitsValue k = (BitsValue) key;
                BitsValue value = Conversions.toBits(machine.eval.eval(m.value(), env), k.width(), k.signed());
                BitsValue mask = Conversions.toBits(machine.eval.eval(m.mask(), env), k.width(), k.signed());
                yield BitsArith.equal(BitsArith.and(k, mask), BitsArith.and(value, mask));
            }
            case KeySet.Range r -> {
                BitsValue k = (BitsValue) key;
                BitsValue lo = Conversions.toBits(machine.eval.eval(r.lo(), env), k.width(), k.signed());
                BitsValue hi = Conversions.toBits(machine.eval.eval(r.hi(), env), k.width(), k.signed());
                yield BitsArith.compare(lo, k) <= 0 && BitsArith.compare(k, hi) <= 0;
            }
            case KeySet.ValueSetRef r -> {
                ValueSetRuntime vs = env.block.valueSets.get(r.name());
                if (vs == null) {
                    throw new InterpreterException(r.span(), "no value set " + r.name() + " in " + env.block.path());
                }
                yield vs.matches(key);
            }
            case KeySet.Tuple t -> {
                if (t.elements().size() == 1 && !(key instanceof TupleValue)) {
                    yield matches(t.elements().getFirst(), key, env);
                }
                TupleValue keys = (TupleValue) key;
                for (int i = 0; i < t.elements().size(); i++) {
                    if (!matches(t.elements().get(i), keys.get(i), env)) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }
}
