package dev.p4ebpf.conformance.run;

import dev.p4ebpf.conformance.run.ControlPlaneModel.ExternKind;
import dev.p4ebpf.conformance.stf.ActionCall;
import dev.p4ebpf.conformance.stf.CounterIndex;
import dev.p4ebpf.conformance.stf.CounterCheck;
import dev.p4ebpf.conformance.stf.ExpectPattern;
import dev.p4ebpf.conformance.stf.StfCommand;
import dev.p4ebpf.conformance.stf.StfFile;
import dev.p4ebpf.conformance.stf.StfName;
import dev.p4ebpf.conformance.stf.StfNumber;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Runs an STF file on a {@link TargetSession}, command by command, as p4c's runners do: table
 * commands take effect for the packets after them; every packet a packet produces is collected
 * per output port; at the end each port's packets are compared, in order, with that port's
 * {@code expect} lines (an {@code expect} without data accepts any one packet). A packet no
 * expectation asks for, an expectation no packet meets, a counter check that does not hold, and
 * a command the target cannot run are failures.
 *
 * <p>Names and values are resolved against the program first ({@link NameResolver},
 * {@link EntryKeys}); an STF file that does not fit its program throws
 * {@link StfInputException} (positioned) before or while running.
 */
public final class StfRunner {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final TargetSession session;
    private final StfReport report;
    private final Map<Long, List<Sent>> sent = new TreeMap<>();
    private final Map<Long, List<StfCommand.Expect>> expected = new TreeMap<>();
    /** The ids entries were added with ({@code = ID}), and the line of each. */
    private final Map<String, Integer> entryIds = new java.util.HashMap<>();
    private int packetNumber;

    private StfRunner(TargetSession session, String target) {
        this.session = session;
        this.report = new StfReport(target);
    }

    /** A packet that came out, and which input line produced it. */
    private record Sent(TargetSession.Output output, int packetLine) {}

    /** Runs {@code file} on {@code session} (named {@code target} in the report). */
    public static StfReport run(StfFile file, TargetSession session, String target) throws StfInputException {
        StfRunner r = new StfRunner(session, target);
        for (StfCommand c : file.commands()) {
            r.command(c);
        }
        r.compare();
        return r.report;
    }

    private void command(StfCommand c) throws StfInputException {
        try {
            switch (c) {
                case StfCommand.Packet p -> packet(p);
                case StfCommand.Expect e -> expected.computeIfAbsent(e.port(), k -> new ArrayList<>()).add(e);
                case StfCommand.NoPacket n -> { }
                case StfCommand.Wait w -> { }
                case StfCommand.Add a -> add(a);
                case StfCommand.SetDefault s -> setDefault(s);
                case StfCommand.RemoveAll r -> {
                    session.clearEntries();
                    entryIds.clear();
                }
                case StfCommand.CheckCounter cc -> checkCounter(cc);
                case StfCommand.CounterRead x -> passThrough(c, Optional.of(x.counter()), ExternKind.COUNTER);
                case StfCommand.CounterWrite x -> passThrough(c, Optional.of(x.counter()), ExternKind.COUNTER);
                case StfCommand.RegisterRead x -> passThrough(c, Optional.of(x.register()), ExternKind.REGISTER);
                case StfCommand.RegisterWrite x -> passThrough(c, Optional.of(x.register()), ExternKind.REGISTER);
                case StfCommand.RegisterReset x -> passThrough(c, Optional.of(x.register()), ExternKind.REGISTER);
                case StfCommand.MeterGetRates x -> passThrough(c, Optional.of(x.meter()), ExternKind.METER);
                case StfCommand.MeterSetRates x -> passThrough(c, Optional.of(x.meter()), ExternKind.METER);
                case StfCommand.MeterArraySetRates x -> passThrough(c, Optional.of(x.meter()), ExternKind.METER);
                case StfCommand.MirroringAdd x -> passThrough(c, Optional.empty(), ExternKind.OTHER);
                case StfCommand.MirroringAddMc x -> passThrough(c, Optional.empty(), ExternKind.OTHER);
                case StfCommand.MirroringDelete x -> passThrough(c, Optional.empty(), ExternKind.OTHER);
                case StfCommand.MirroringGet x -> passThrough(c, Optional.empty(), ExternKind.OTHER);
                case StfCommand.McMgrpCreate x -> passThrough(c, Optional.empty(), ExternKind.OTHER);
                case StfCommand.McNodeCreate x -> passThrough(c, Optional.empty(), ExternKind.OTHER);
                case StfCommand.McNodeUpdate x -> passThrough(c, Optional.empty(), ExternKind.OTHER);
                case StfCommand.McNodeAssociate x -> passThrough(c, Optional.empty(), ExternKind.OTHER);
            }
        } catch (TargetException e) {
            if (e.getCause() instanceof StfInputException input) {
                throw input;
            }
            report.failure("line " + c.span().line() + ": " + e.getMessage());
        }
    }

    private void packet(StfCommand.Packet p) throws TargetException {
        packetNumber++;
        report.packetSent();
        TargetSession.SendResult r = session.send(p.port(), p.bytes());
        report.line("packet " + packetNumber + " (line " + p.span().line() + ") in on port " + p.port() + ", "
                + p.bytes().length + " bytes");
        for (String t : r.trace()) {
            report.line("    " + t);
        }
        if (r.outputs().isEmpty()) {
            report.line("    no packet out");
        }
        for (TargetSession.Output o : r.outputs()) {
            report.line("    out on port " + o.port() + ": " + HEX.formatHex(o.data()));
            sent.computeIfAbsent(o.port(), k -> new ArrayList<>()).add(new Sent(o, p.span().line()));
        }
    }

    private void add(StfCommand.Add a) throws StfInputException, TargetException {
        ControlPlaneModel.TableModel t = NameResolver.table(session.model(), a.table());
        if (t.constEntries()) {
            throw new StfInputException(a.table().span(), "table " + t.name() + " has const entries: "
                    + "its entries cannot be changed");
        }
        List<EntryKey> keys = EntryKeys.of(t, a.keys());
        ControlPlaneModel.ActionModel action = NameResolver.action(t, a.action().action());
        List<BigInteger> args = args(action, a.action(), NameResolver.ebpfStyle(t, a.table()));
        if (a.entryId().isPresent()) {
            StfName id = a.entryId().get();
            Integer before = entryIds.putIfAbsent(id.text(), a.span().line());
            if (before != null) {
                throw new StfInputException(id.span(), "entry id " + id.text() + " is already taken by the entry "
                        + "added at line " + before + "; give each entry its own id");
            }
        }
        session.addEntry(t, keys, action, args, a.priority(), a.entryId().map(StfName::text));
        report.line("add to " + t.name() + ": " + action.fullName() + " (line " + a.span().line() + ")");
    }

    private void setDefault(StfCommand.SetDefault s) throws StfInputException, TargetException {
        ControlPlaneModel.TableModel t = NameResolver.table(session.model(), s.table());
        ControlPlaneModel.ActionModel action = NameResolver.action(t, s.action().action());
        session.setDefault(t, action, args(action, s.action(), NameResolver.ebpfStyle(t, s.table())));
        report.line("default of " + t.name() + ": " + action.fullName() + " (line " + s.span().line() + ")");
    }

    /**
     * The action's arguments in parameter order, checked against the parameters. Every one must
     * be given, except in files written for p4c's eBPF runner ({@code zeroFill}), which sets
     * those left out to zero.
     */
    private static List<BigInteger> args(ControlPlaneModel.ActionModel action, ActionCall call, boolean zeroFill)
            throws StfInputException {
        BigInteger[] values = new BigInteger[action.params().size()];
        for (ActionCall.Arg a : call.args()) {
            int i = paramIndex(action, a.parameter());
            if (values[i] != null) {
                throw new StfInputException(a.parameter().span(), "argument " + a.parameter() + " is given twice");
            }
            StfNumber n = a.value();
            if (n.hasWildcards()) {
                throw new StfInputException(n.span(), "an action argument cannot have '*' digits");
            }
            int width = action.params().get(i).width();
            if (n.value().bitLength() > width) {
                throw new StfInputException(n.span(), "value " + n.text() + " does not fit the " + width
                        + "-bit parameter " + a.parameter() + " of " + action.fullName());
            }
            values[i] = n.value();
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null && zeroFill) {
                values[i] = BigInteger.ZERO;
            } else if (values[i] == null) {
                throw new StfInputException(call.action().span(), "action " + action.fullName() + " needs argument "
                        + action.params().get(i).name());
            }
        }
        return List.of(values);
    }

    private static int paramIndex(ControlPlaneModel.ActionModel action, StfName name) throws StfInputException {
        for (int i = 0; i < action.params().size(); i++) {
            if (action.params().get(i).name().equals(name.text())) {
                return i;
            }
        }
        throw new StfInputException(name.span(), "action " + action.fullName() + " has no parameter " + name
                + "; its parameters are " + (action.params().isEmpty() ? "none"
                : String.join(", ", action.params().stream().map(ControlPlaneModel.ParamModel::name).toList())));
    }

    private void checkCounter(StfCommand.CheckCounter cc) throws StfInputException, TargetException {
        ControlPlaneModel.ExternModel counter = NameResolver.extern(externsOf(ExternKind.COUNTER), cc.counter(),
                "counter");
        long[] v = switch (cc.index()) {
            case CounterIndex.AtIndex i -> session.readCounter(counter, OptionalLong.of(i.index().value().longValue()),
                    Optional.empty());
            case CounterIndex.OfEntry e -> session.readCounter(counter, OptionalLong.empty(),
                    Optional.of(e.entryId()));
        };
        CounterCheck check = cc.check().orElse(null);
        boolean ok;
        String what;
        if (check == null) {
            ok = v[0] == 0 && v[1] == 0;
            what = "packets == 0 and bytes == 0";
        } else {
            long actual = check.kind() == CounterCheck.Kind.PACKETS ? v[0] : v[1];
            ok = check.comparison().holds(BigInteger.valueOf(actual), check.value().value());
            what = check.kind().word() + " " + check.comparison().symbol() + " " + check.value().text();
        }
        String line = "check_counter " + counter.name() + " (line " + cc.span().line() + "): " + v[0] + " packets, "
                + v[1] + " bytes; " + what;
        if (ok) {
            report.line(line + ": holds");
        } else {
            report.failure(line + ": does not hold");
        }
    }

    /** The program's externs of one kind, as a model to resolve names against. */
    private ControlPlaneModel externsOf(ExternKind kind) {
        return new ControlPlaneModel(List.of(), session.model().externs().stream()
                .filter(e -> e.kind() == kind).toList());
    }

    private void passThrough(StfCommand c, Optional<StfName> name, ExternKind kind)
            throws StfInputException, TargetException {
        Optional<ControlPlaneModel.ExternModel> extern = Optional.empty();
        if (name.isPresent()) {
            extern = Optional.of(NameResolver.extern(externsOf(kind), name.get(),
                    kind.name().toLowerCase(java.util.Locale.ROOT)));
        }
        session.switchCommand(c, extern).ifPresent(out -> report.line(out + " (line " + c.span().line() + ")"));
    }

    // ---- comparison ---------------------------------------------------------------------------

    private void compare() {
        java.util.Set<Long> ports = new java.util.TreeSet<>(sent.keySet());
        ports.addAll(expected.keySet());
        for (long port : ports) {
            List<Sent> got = sent.getOrDefault(port, List.of());
            List<StfCommand.Expect> want = expected.getOrDefault(port, List.of());
            for (int i = 0; i < Math.max(got.size(), want.size()); i++) {
                if (i >= want.size()) {
                    Sent s = got.get(i);
                    report.failure("port " + port + ": unexpected packet from the packet at line " + s.packetLine()
                            + ", no expect line asks for it: " + HEX.formatHex(s.output().data()));
                } else if (i >= got.size()) {
                    report.failure("line " + want.get(i).span().line() + ": expected a packet on port " + port
                            + ", but " + (got.isEmpty() ? "none" : "only " + got.size()) + " came out there");
                } else {
                    compare(want.get(i), got.get(i));
                }
            }
        }
    }

    private void compare(StfCommand.Expect e, Sent s) {
        if (e.pattern().isEmpty()) {
            report.expectationMet();
            return;
        }
        ExpectPattern p = e.pattern().get();
        var m = p.match(s.output().data());
        if (m.matches()) {
            report.expectationMet();
            return;
        }
        StringBuilder sb = new StringBuilder("line " + e.span().line() + ": the packet on port " + e.port()
                + " (from the packet at line " + s.packetLine() + ") differs: " + m.describe());
        sb.append("\n    expected: ").append(p.nibbles()).append(p.exactLength() ? "$" : "");
        sb.append("\n    actual:   ").append(HEX.formatHex(s.output().data()));
        if (m instanceof dev.p4ebpf.conformance.stf.PacketMatch.Differs d) {
            sb.append("\n    differing: ").append(FieldAttribution.describe(d.nibbleOffsets(), s.output().fields()));
        }
        report.failure(sb.toString());
    }
}
