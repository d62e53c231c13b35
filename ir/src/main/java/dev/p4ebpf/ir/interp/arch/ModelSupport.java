package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.BlockInstance;
import dev.p4ebpf.ir.interp.ExternFunction;
import dev.p4ebpf.ir.interp.ExternModule;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.interp.ParserError;
import dev.p4ebpf.ir.interp.value.BoolValue;
import dev.p4ebpf.ir.interp.value.ErrorValue;
import dev.p4ebpf.ir.interp.value.FieldedValue;
import dev.p4ebpf.ir.interp.value.ObjectValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Helpers the architecture models share: finding the package's blocks, building their arguments. */
final class ModelSupport {
    private ModelSupport() {}

    /** The block instance given for package parameter {@code name}. */
    static BlockInstance block(Map<String, Value> packageArgs, String name, String packageName) {
        Value v = packageArgs.get(name);
        if (v instanceof ObjectValue o && o.object() instanceof BlockInstance b) {
            return b;
        }
        throw new InterpreterException("package " + packageName + " needs a parser or control for '" + name
                + "', got " + v);
    }

    /**
     * The arguments for applying {@code b}: {@code supply} gives a value for a parameter or
     * {@code null}, and then the parameter starts with its type's initial value.
     */
    static Value[] args(BlockInstance b, Function<Param, Value> supply) {
        List<Param> params = b.applyParams();
        Value[] out = new Value[params.size()];
        for (int i = 0; i < out.length; i++) {
            Value v = supply.apply(params.get(i));
            out[i] = v != null ? v : Values.initial(params.get(i).type());
        }
        return out;
    }

    static boolean isExtern(Param p, String name) {
        return p.type() instanceof Type.Extern e && e.name().equals(name);
    }

    /** Sets field {@code field} of a struct value, if it has one. */
    static void setField(Value struct, String field, Value v) {
        FieldedValue f = (FieldedValue) struct;
        int i = f.type().fieldIndex(field);
        if (i >= 0) {
            f.set(i, v);
        }
    }

    static Value field(Value struct, String field) {
        return ((FieldedValue) struct).get(field);
    }

    /** The extern functions every architecture has: core.p4's {@code verify}, then the modules'. */
    static ExternFunction coreFunction(Method m, List<ExternModule> modules) {
        if (m.name().equals("verify") && m.params().size() == 2) {
            return call -> {
                if (!((BoolValue) call.arg(0)).value()) {
                    throw new ParserError((ErrorValue) call.arg(1));
                }
                return null;
            };
        }
        if (m.name().equals("static_assert")) {
            return call -> BoolValue.TRUE;
        }
        for (ExternModule module : modules) {
            ExternFunction f = module.function(m);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
