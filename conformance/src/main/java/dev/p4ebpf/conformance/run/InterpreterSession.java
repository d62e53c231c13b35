package dev.p4ebpf.conformance.run;

import dev.p4ebpf.conformance.stf.StfCommand;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.CounterReadout;
import dev.p4ebpf.ir.interp.ExternObject;
import dev.p4ebpf.ir.interp.FieldSpan;
import dev.p4ebpf.ir.interp.Interpreter;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.interp.KeyPattern;
import dev.p4ebpf.ir.interp.OutputPacket;
import dev.p4ebpf.ir.interp.PacketResult;
import dev.p4ebpf.ir.interp.RegisterAccess;
import dev.p4ebpf.ir.interp.TableActionInfo;
import dev.p4ebpf.ir.interp.TableEntry;
import dev.p4ebpf.ir.interp.TableKeyInfo;
import dev.p4ebpf.ir.interp.TableRuntime;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.BoolValue;
import dev.p4ebpf.ir.interp.value.EnumValue;
import dev.p4ebpf.ir.interp.value.ErrorValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A program loaded in the reference interpreter, as a {@link TargetSession}. */
final class InterpreterSession implements TargetSession {
    private final Interpreter interpreter;
    private final Program program;
    private final Map<String, TableRuntime> tables = new LinkedHashMap<>();
    private final Map<String, TableEntry> entriesById = new HashMap<>();
    private final ControlPlaneModel model;
    private final SwitchCommands switchCommands;

    InterpreterSession(Interpreter interpreter, Program program) {
        this.interpreter = interpreter;
        this.program = program;
        List<ControlPlaneModel.TableModel> tms = new ArrayList<>();
        for (TableRuntime t : interpreter.machine().tables()) {
            tables.put(t.controlPlaneName(), t);
            tms.add(tableModel(t));
        }
        List<ControlPlaneModel.ExternModel> ems = new ArrayList<>();
        interpreter.machine().externs().forEach((name, obj) -> ems.add(new ControlPlaneModel.ExternModel(name,
                kind(obj))));
        ems.sort(java.util.Comparator.comparing(ControlPlaneModel.ExternModel::name));
        this.model = new ControlPlaneModel(tms, ems);
        this.switchCommands = new SwitchCommands(interpreter, this::valueOf);
    }

    private static ControlPlaneModel.ExternKind kind(ExternObject o) {
        return switch (o) {
            case CounterReadout c -> ControlPlaneModel.ExternKind.COUNTER;
            case RegisterAccess r -> ControlPlaneModel.ExternKind.REGISTER;
            default -> o.externName().endsWith("meter") ? ControlPlaneModel.ExternKind.METER
                    : ControlPlaneModel.ExternKind.OTHER;
        };
    }

    private static ControlPlaneModel.TableModel tableModel(TableRuntime t) {
        List<ControlPlaneModel.KeyModel> keys = t.keys().stream()
                .map(k -> new ControlPlaneModel.KeyModel(k.name(), k.matchKind(), k.width())).toList();
        List<ControlPlaneModel.ActionModel> actions = new ArrayList<>();
        for (TableActionInfo a : t.actions()) {
            actions.add(new ControlPlaneModel.ActionModel(a.name(), a.controlPlaneName(), a.params().stream()
                    .map(p -> new ControlPlaneModel.ParamModel(p.name(), width(p.type()))).toList()));
        }
        return new ControlPlaneModel.TableModel(t.controlPlaneName(), keys, actions, t.hasConstEntries(),
                t.usesPriority());
    }

    static int width(Type t) {
        return switch (t) {
            case Type.Bits b -> b.width();
            case Type.Bool b -> 1;
            case Type.SerEnum e -> e.underlying().width();
            case Type.NewType n -> width(n.underlying());
            default -> 32;
        };
    }

    @Override
    public ControlPlaneModel model() {
        return model;
    }

    /** A control-plane number as a value of {@code type}. */
    Value valueOf(BigInteger v, Type type) {
        return switch (type) {
            case Type.Bits b -> BitsValue.of(b.width(), b.signed(), v);
            case Type.Bool b -> BoolValue.of(v.signum() != 0);
            case Type.SerEnum e -> BitsValue.of(e.underlying().width(), e.underlying().signed(), v);
            case Type.NewType n -> valueOf(v, n.underlying());
            case Type.Error e -> new ErrorValue(member(program.errors(), v, "error"));
            case Type.Enum e -> new EnumValue(e.name(), member(e.members(), v, e.name()));
            default -> BitsValue.of(32, false, v);
        };
    }

    private static String member(List<String> members, BigInteger v, String what) {
        if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(members.size())) >= 0) {
            return members.isEmpty() ? "" : members.getFirst();
        }
        return members.get(v.intValue());
    }

    private TableRuntime runtime(ControlPlaneModel.TableModel t) {
        return tables.get(t.name());
    }

    @Override
    public void addEntry(ControlPlaneModel.TableModel table, List<EntryKey> keys, ControlPlaneModel.ActionModel action,
                         List<BigInteger> args, OptionalLong priority, Optional<String> entryId)
            throws TargetException {
        TableRuntime t = runtime(table);
        List<KeyPattern> patterns = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            patterns.add(pattern(keys.get(i), t.keys().get(i)));
        }
        try {
            TableEntry e = t.add(patterns, action.name(), actionArgs(t, action, args), priority);
            entryId.ifPresent(id -> entriesById.put(id, e));
        } catch (InterpreterException e) {
            throw new TargetException(e.getMessage(), e);
        }
    }

    private KeyPattern pattern(EntryKey k, TableKeyInfo key) {
        Type t = key.type();
        return switch (k) {
            case EntryKey.Exact x -> new KeyPattern.Exact(valueOf(x.value(), t));
            case EntryKey.Ternary x -> new KeyPattern.Masked(bits(x.value(), t), bits(x.mask(), t));
            case EntryKey.Prefix x -> new KeyPattern.Prefix(bits(x.value(), t), x.length());
            case EntryKey.Range x -> new KeyPattern.Range(bits(x.low(), t), bits(x.high(), t));
            case EntryKey.Any x -> new KeyPattern.Any();
        };
    }

    private BitsValue bits(BigInteger v, Type t) {
        return valueOf(v, t) instanceof BitsValue b ? b : BitsValue.of(width(t), false, v);
    }

    private List<Value> actionArgs(TableRuntime t, ControlPlaneModel.ActionModel action, List<BigInteger> args) {
        TableActionInfo info = t.actions().stream().filter(a -> a.name().equals(action.name())).findFirst()
                .orElseThrow();
        List<Value> out = new ArrayList<>();
        List<Param> ps = info.params();
        for (int i = 0; i < ps.size(); i++) {
            out.add(valueOf(args.get(i), ps.get(i).type()));
        }
        return out;
    }

    @Override
    public void setDefault(ControlPlaneModel.TableModel table, ControlPlaneModel.ActionModel action,
                           List<BigInteger> args) throws TargetException {
        TableRuntime t = runtime(table);
        try {
            t.setDefault(action.name(), actionArgs(t, action, args));
        } catch (InterpreterException e) {
            throw new TargetException(e.getMessage(), e);
        }
    }

    @Override
    public void clearEntries() {
        tables.values().forEach(TableRuntime::clear);
        entriesById.clear();
    }

    @Override
    public SendResult send(long port, byte[] packet) throws TargetException {
        PacketResult r;
        try {
            r = interpreter.process(port, packet);
        } catch (InterpreterException e) {
            throw new TargetException(e.headline(), e);
        }
        List<Output> outs = new ArrayList<>();
        for (OutputPacket o : r.outputs()) {
            outs.add(new Output(o.port(), o.data(), () -> locations(o.layout())));
        }
        return new SendResult(outs, r.trace());
    }

    private static List<FieldLocation> locations(List<FieldSpan> spans) {
        List<FieldLocation> fields = new ArrayList<>();
        for (FieldSpan s : spans) {
            fields.add(new FieldLocation(s.name(), s.bitOffset(), s.width()));
        }
        return fields;
    }

    @Override
    public long[] readCounter(ControlPlaneModel.ExternModel counter, OptionalLong index, Optional<String> entryId)
            throws TargetException {
        if (entryId.isPresent()) {
            TableEntry e = entriesById.get(entryId.get());
            if (e == null) {
                throw new TargetException("no entry was added with id " + entryId.get());
            }
            return new long[] {e.packets(), e.bytes()};
        }
        ExternObject o = interpreter.machine().externs().get(counter.name());
        if (!(o instanceof CounterReadout c)) {
            throw new TargetException(counter.name() + " is not a counter");
        }
        long i = index.orElse(0);
        if (c.size() >= 0 && (i < 0 || i >= c.size())) {
            throw new TargetException("index " + i + " is out of range: counter " + counter.name() + " has "
                    + c.size() + " cell(s)");
        }
        return new long[] {c.packets(i), c.bytes(i)};
    }

    @Override
    public Optional<String> switchCommand(StfCommand command, Optional<ControlPlaneModel.ExternModel> extern)
            throws TargetException {
        return switchCommands.run(command, extern);
    }

    @Override
    public void close() {
        tables.clear();
    }
}
