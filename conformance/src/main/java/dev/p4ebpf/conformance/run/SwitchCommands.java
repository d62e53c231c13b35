package dev.p4ebpf.conformance.run;

import dev.p4ebpf.conformance.stf.MeterRate;
import dev.p4ebpf.conformance.stf.StfCommand;
import dev.p4ebpf.conformance.stf.StfNumber;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.CounterReadout;
import dev.p4ebpf.ir.interp.ExternObject;
import dev.p4ebpf.ir.interp.Interpreter;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.interp.RegisterAccess;
import dev.p4ebpf.ir.interp.arch.V1SwitchControl;
import dev.p4ebpf.ir.interp.value.Value;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The BMv2 simple_switch commands of STF on the interpreter: mirroring sessions and multicast
 * groups (v1model programs only), and register, counter and meter access.
 */
final class SwitchCommands {
    private final Interpreter interpreter;
    private final BiFunction<BigInteger, Type, Value> values;

    SwitchCommands(Interpreter interpreter, BiFunction<BigInteger, Type, Value> values) {
        this.interpreter = interpreter;
        this.values = values;
    }

    Optional<String> run(StfCommand c, Optional<ControlPlaneModel.ExternModel> named) throws TargetException {
        Optional<ExternObject> extern = named.map(n -> interpreter.machine().externs().get(n.name()));
        String name = named.map(ControlPlaneModel.ExternModel::name).orElse("");
        try {
            return switch (c) {
                case StfCommand.MirroringAdd m -> done(() -> v1(c).mirroringAdd(i(m.session()), l(m.port())));
                case StfCommand.MirroringAddMc m -> done(() -> v1(c).mirroringAddMulticast(i(m.session()),
                        i(m.group())));
                case StfCommand.MirroringDelete m -> done(() -> v1(c).mirroringDelete(i(m.session())));
                case StfCommand.MirroringGet m -> Optional.of("mirroring session " + m.session() + ": "
                        + orNone(v1(c).mirroringGet(i(m.session()))));
                case StfCommand.McMgrpCreate m -> done(() -> v1(c).multicastGroupCreate(i(m.group())));
                case StfCommand.McNodeCreate m -> Optional.of("multicast node "
                        + v1(c).multicastNodeCreate(i(m.rid()), ports(m.ports())) + " created");
                case StfCommand.McNodeUpdate m -> done(() -> v1(c).multicastNodeUpdate(i(m.node()), ports(m.ports())));
                case StfCommand.McNodeAssociate m -> done(() -> v1(c).multicastNodeAssociate(i(m.group()),
                        i(m.node())));
                case StfCommand.RegisterRead r -> {
                    RegisterAccess reg = register(extern, c);
                    yield Optional.of(r.register() + "[" + r.index() + "] = "
                            + reg.read(index(r.index(), reg.size(), "register " + name)));
                }
                case StfCommand.RegisterWrite r -> {
                    RegisterAccess reg = register(extern, c);
                    long at = index(r.index(), reg.size(), "register " + name);
                    reg.write(at, values.apply(cell(r.value(), reg.elementType(), name), reg.elementType()));
                    yield Optional.empty();
                }
                case StfCommand.RegisterReset r -> done(() -> register(extern, c).reset());
                case StfCommand.CounterRead r -> {
                    CounterReadout ctr = counter(extern, c);
                    long at = index(r.index(), ctr.size(), "counter " + name);
                    yield Optional.of(r.counter() + "[" + r.index() + "] = " + ctr.packets(at) + " packets, "
                            + ctr.bytes(at) + " bytes");
                }
                case StfCommand.MeterSetRates m -> done(() -> meterRates(name, l(m.index()), m.rates(), c));
                case StfCommand.MeterArraySetRates m -> done(() -> meterRates(name, -1, m.rates(), c));
                default -> throw new TargetException(c.span() + ": the interpreter does not support this command");
            };
        } catch (InterpreterException e) {
            throw new TargetException(c.span() + ": " + e.getMessage(), e);
        }
    }

    private interface Action {
        void run() throws TargetException;
    }

    private static Optional<String> done(Action a) throws TargetException {
        a.run();
        return Optional.empty();
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "none" : s;
    }

    private V1SwitchControl v1(StfCommand c) throws TargetException {
        if (interpreter.architecture() instanceof V1SwitchControl v) {
            return v;
        }
        throw new TargetException(c.span() + ": this command configures BMv2 simple_switch, but the program's "
                + "architecture is " + interpreter.architecture().packageName());
    }

    private static RegisterAccess register(Optional<ExternObject> e, StfCommand c) throws TargetException {
        if (e.isPresent() && e.get() instanceof RegisterAccess r) {
            return r;
        }
        throw new TargetException(c.span() + ": not a register");
    }

    private static CounterReadout counter(Optional<ExternObject> e, StfCommand c) throws TargetException {
        if (e.isPresent() && e.get() instanceof CounterReadout r) {
            return r;
        }
        throw new TargetException(c.span() + ": not a counter");
    }

    private void meterRates(String meter, long index, List<MeterRate> rates, StfCommand c) throws TargetException {
        if (rates.size() != 2) {
            throw new TargetException(c.span() + ": a meter takes two rates (committed and peak), not "
                    + rates.size());
        }
        v1(c).setMeterRates(meter, index, rates.get(0).rate().doubleValue(), l(rates.get(0).burst()),
                rates.get(1).rate().doubleValue(), l(rates.get(1).burst()));
    }

    /** A number of the STF file that does not fit: a failure that carries the positioned input error. */
    private static TargetException badInput(StfNumber n, String message) {
        return new TargetException(message, new StfInputException(n.span(), message));
    }

    /** {@code n} as an index of an extern with {@code size} cells (-1: any index). */
    private static long index(StfNumber n, long size, String what) throws TargetException {
        BigInteger v = n.value();
        if (size >= 0 && (v.signum() < 0 || v.compareTo(BigInteger.valueOf(size)) >= 0)) {
            throw badInput(n, "index " + n.text() + " is out of range: " + what + " has " + size + " cell(s)"
                    + (size > 0 ? ", indices 0 to " + (size - 1) : ""));
        }
        return v.longValue();
    }

    /** {@code n} as the value of a register cell of type {@code t}. */
    private static BigInteger cell(StfNumber n, Type t, String register) throws TargetException {
        if (t instanceof Type.Bits b && n.value().bitLength() > b.width()) {
            throw badInput(n, "value " + n.text() + " does not fit the " + b.width() + "-bit cells of register "
                    + register);
        }
        return n.value();
    }

    private static int i(StfNumber n) {
        return n.value().intValue();
    }

    private static long l(StfNumber n) {
        return n.value().longValue();
    }

    private static List<Long> ports(List<StfNumber> ns) {
        return ns.stream().map(SwitchCommands::l).toList();
    }
}
