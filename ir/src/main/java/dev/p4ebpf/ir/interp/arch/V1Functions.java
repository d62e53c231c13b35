package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.BitWriter;
import dev.p4ebpf.ir.interp.ExternCall;
import dev.p4ebpf.ir.interp.ExternFunction;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.BoolValue;
import dev.p4ebpf.ir.interp.value.EnumValue;
import dev.p4ebpf.ir.interp.value.StringValue;
import dev.p4ebpf.ir.interp.value.TupleValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import dev.p4ebpf.ir.interp.value.VarbitValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * v1model.p4's extern functions, with BMv2 simple_switch's semantics. Requests that act after
 * the pipeline pass (clone, resubmit, recirculate, truncate) are recorded in the packet's
 * {@link V1Packet}; the last request of each kind wins, as in BMv2.
 */
final class V1Functions {
    private final V1SwitchModel model;
    private final Random random;

    V1Functions(V1SwitchModel model, long seed) {
        this.model = model;
        this.random = new Random(seed);
    }

    ExternFunction function(Method m) {
        return switch (m.name()) {
            case "mark_to_drop" -> this::markToDrop;
            case "hash" -> this::hash;
            case "verify_checksum" -> call -> verify(call, false);
            case "verify_checksum_with_payload" -> call -> verify(call, true);
            case "update_checksum" -> call -> update(call, false);
            case "update_checksum_with_payload" -> call -> update(call, true);
            case "random" -> this::random;
            case "clone" -> call -> clone(call, new Preservation.Nothing());
            case "clone3" -> call -> clone(call, fields(call, 2));
            case "clone_preserving_field_list" -> call -> clone(call, new Preservation.FieldList(index(call, 2)));
            case "resubmit" -> call -> resubmit(call, fields(call, 0));
            case "resubmit_preserving_field_list" -> call -> resubmit(call, new Preservation.FieldList(index(call, 0)));
            case "recirculate" -> call -> recirculate(call, fields(call, 0));
            case "recirculate_preserving_field_list" ->
                    call -> recirculate(call, new Preservation.FieldList(index(call, 0)));
            case "truncate" -> call -> {
                model.current().truncate = Values.count(call.arg(0));
                return null;
            };
            case "digest" -> call -> {
                model.note("digest to receiver " + Values.number(call.arg(0)) + " (not modelled: ignored)");
                return null;
            };
            case "assert", "assume" -> call -> {
                if (!((BoolValue) call.arg(0)).value()) {
                    model.note(m.name() + " failed at " + call.span() + ": BMv2 stops here; the packet is dropped");
                    model.current().drop = true;
                }
                return null;
            };
            case "log_msg" -> this::log;
            default -> null;
        };
    }

    private Value markToDrop(ExternCall call) {
        if (call.argCount() == 0) {
            model.current().drop = true;
            return null;
        }
        Value sm = call.arg(0);
        ModelSupport.setField(sm, "egress_spec", BitsValue.of(9, false, V1SwitchModel.DROP_PORT));
        ModelSupport.setField(sm, "mcast_grp", BitsValue.of(16, false, 0));
        call.set(0, sm);
        return null;
    }

    /** hash(out result, algo, base, data, max): base + (hash(data) mod max), max 0 read as 1 (BMv2). */
    private Value hash(ExternCall call) {
        String algo = ((EnumValue) call.arg(1)).member();
        long h = HashAlgorithms.compute(algo, bytes(call.fieldList(3)), call.span());
        BigInteger base = Values.number(call.arg(2));
        BigInteger max = Values.number(call.arg(4));
        if (max.signum() == 0) {
            max = BigInteger.ONE;
        }
        BigInteger v = base.add(new BigInteger(Long.toUnsignedString(h)).mod(max));
        call.set(0, toType(v, call.paramType(0)));
        return null;
    }

    private Value verify(ExternCall call, boolean withPayload) {
        if (((BoolValue) call.arg(0)).value()) {
            BitsValue expected = (BitsValue) call.arg(2);
            long computed = checksum(call, withPayload, expected.width());
            if (computed != expected.low64()) {
                model.current().checksumError = true;
            }
        }
        return null;
    }

    private Value update(ExternCall call, boolean withPayload) {
        if (((BoolValue) call.arg(0)).value()) {
            BitsValue old = (BitsValue) call.arg(2);
            call.set(2, BitsValue.of(old.width(), old.signed(), checksum(call, withPayload, old.width())));
        }
        return null;
    }

    private long checksum(ExternCall call, boolean withPayload, int width) {
        byte[] data = bytes(call.fieldList(1));
        if (withPayload) {
            byte[] payload = model.current().payload.get();
            byte[] all = new byte[data.length + payload.length];
            System.arraycopy(data, 0, all, 0, data.length);
            System.arraycopy(payload, 0, all, data.length, payload.length);
            data = all;
        }
        String algo = ((EnumValue) call.arg(3)).member();
        long h = HashAlgorithms.compute(algo, data, call.span());
        return width >= 64 ? h : h & ((1L << width) - 1);
    }

    /**
     * random(out result, lo, hi): uniform in lo..hi from a generator seeded by the interpreter
     * options, so runs repeat. With lo > hi (BMv2 then leaves the result alone) the result is lo.
     */
    private Value random(ExternCall call) {
        BigInteger lo = Values.number(call.arg(1));
        BigInteger hi = Values.number(call.arg(2));
        BigInteger v = lo;
        if (hi.compareTo(lo) > 0) {
            BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
            BigInteger r;
            do {
                r = new BigInteger(span.bitLength(), random);
            } while (r.compareTo(span) >= 0);
            v = lo.add(r);
        }
        call.set(0, toType(v, call.paramType(0)));
        return null;
    }

    private Value clone(ExternCall call, Preservation p) {
        model.current().clone = new V1Packet.Clone((int) Values.count(call.arg(1)), p);
        return null;
    }

    private Value resubmit(ExternCall call, Preservation p) {
        model.current().resubmit = p;
        return null;
    }

    private Value recirculate(ExternCall call, Preservation p) {
        model.current().recirculate = p;
        return null;
    }

    private Value log(ExternCall call) {
        String msg = ((StringValue) call.arg(0)).value();
        if (call.argCount() > 1) {
            List<Value> data = call.arg(1) instanceof TupleValue t ? t.elements() : List.of(call.arg(1));
            StringBuilder sb = new StringBuilder();
            int from = 0;
            for (Value d : data) {
                int at = msg.indexOf("{}", from);
                if (at < 0) {
                    break;
                }
                sb.append(msg, from, at).append(d);
                from = at + 2;
            }
            msg = sb.append(msg.substring(from)).toString();
        }
        model.note("log_msg: " + msg);
        return null;
    }

    private static int index(ExternCall call, int arg) {
        return (int) Values.count(call.arg(arg));
    }

    /**
     * The fields named by the data argument of a deprecated resubmit/recirculate/clone3 call:
     * each member expression rooted at the user metadata or standard_metadata parameter.
     */
    private Preservation fields(ExternCall call, int arg) {
        List<Preservation.FieldPath> paths = new ArrayList<>();
        collect(call.argExpr(arg), paths);
        return new Preservation.Fields(paths);
    }

    private void collect(Expr e, List<Preservation.FieldPath> out) {
        switch (e) {
            case Expr.TupleValue t -> t.elements().forEach(x -> collect(x, out));
            case Expr.StructValue s -> s.fields().forEach(x -> collect(x, out));
            case Expr.Cast c -> collect(c.operand(), out);
            default -> {
                List<String> names = new ArrayList<>();
                Expr at = e;
                while (at instanceof Expr.Member m) {
                    names.addFirst(m.field());
                    at = m.base();
                }
                if (at instanceof Expr.Var v) {
                    Boolean standard = model.metadataRoot(v.name());
                    if (standard != null) {
                        out.add(new Preservation.FieldPath(standard, names));
                    }
                }
            }
        }
    }

    /** The bytes BMv2 hashes for a field list: the fields' bits back to back, zero-padded to a byte. */
    static byte[] bytes(List<Value> fields) {
        BitWriter w = new BitWriter();
        for (Value v : fields) {
            switch (v) {
                case BitsValue b -> w.write(b);
                case BoolValue b -> w.write(b.value() ? 1 : 0, 1);
                case VarbitValue vb -> w.write(vb.bits(), vb.width());
                default -> throw new InterpreterException("a field list holds " + v + ", which has no bits");
            }
        }
        return w.toByteArray();
    }

    private static Value toType(BigInteger v, Type t) {
        return switch (t) {
            case Type.Bits b -> BitsValue.of(b.width(), b.signed(), v);
            default -> BitsValue.of(64, false, v);
        };
    }
}
