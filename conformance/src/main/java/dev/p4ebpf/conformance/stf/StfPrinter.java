package dev.p4ebpf.conformance.stf;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prints the model back as STF text that {@link StfParser} reads into an equal model: one command
 * a line, keywords in lower case, packet data in groups of four bytes, names quoted only where
 * they are not plain dotted names. Comments and the original layout are not kept.
 */
public final class StfPrinter {
    private static final Pattern PLAIN_NAME =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\[[0-9]+])?(\\.[A-Za-z_$][A-Za-z0-9_$]*(\\[[0-9]+])?)*");

    /** How many hex digits the printer puts in one group of packet data. */
    private static final int GROUP = 8;

    private StfPrinter() {
    }

    /** The whole file, each command on its own line, ending with a newline. */
    public static String print(StfFile file) {
        StringBuilder out = new StringBuilder();
        for (StfCommand c : file.commands()) {
            out.append(print(c)).append('\n');
        }
        return out.toString();
    }

    /** One command as one line, without the newline. */
    public static String print(StfCommand command) {
        return switch (command) {
            case StfCommand.Packet p -> line(StfKeyword.PACKET, p.port(), grouped(p.hex()));
            case StfCommand.Expect e -> e.pattern()
                    .map(pat -> line(StfKeyword.EXPECT, e.port(), pattern(pat)))
                    .orElseGet(() -> line(StfKeyword.EXPECT, e.port()));
            case StfCommand.NoPacket n -> StfKeyword.NO_PACKET.word();
            case StfCommand.Wait w -> StfKeyword.WAIT.word();
            case StfCommand.Add a -> add(a);
            case StfCommand.SetDefault s -> line(StfKeyword.SETDEFAULT, name(s.table()), action(s.action()));
            case StfCommand.RemoveAll r -> line(StfKeyword.REMOVE, "all");
            case StfCommand.CheckCounter c -> checkCounter(c);
            case StfCommand.MirroringAdd m -> line(StfKeyword.MIRRORING_ADD, m.session(), m.port());
            case StfCommand.MirroringAddMc m -> line(StfKeyword.MIRRORING_ADD_MC, m.session(), m.group());
            case StfCommand.MirroringDelete m -> line(StfKeyword.MIRRORING_DELETE, m.session());
            case StfCommand.MirroringGet m -> line(StfKeyword.MIRRORING_GET, m.session());
            case StfCommand.McMgrpCreate m -> line(StfKeyword.MC_MGRP_CREATE, m.group());
            case StfCommand.McNodeCreate m -> line(StfKeyword.MC_NODE_CREATE, m.rid(), numbers(m.ports()));
            case StfCommand.McNodeUpdate m -> line(StfKeyword.MC_NODE_UPDATE, m.node(), numbers(m.ports()));
            case StfCommand.McNodeAssociate m -> line(StfKeyword.MC_NODE_ASSOCIATE, m.group(), m.node());
            case StfCommand.CounterRead r -> line(StfKeyword.COUNTER_READ, name(r.counter()), r.index());
            case StfCommand.CounterWrite w ->
                    line(StfKeyword.COUNTER_WRITE, name(w.counter()), w.index(), w.packets(), w.bytes());
            case StfCommand.RegisterRead r -> line(StfKeyword.REGISTER_READ, name(r.register()), r.index());
            case StfCommand.RegisterWrite w ->
                    line(StfKeyword.REGISTER_WRITE, name(w.register()), w.index(), w.value());
            case StfCommand.RegisterReset r -> line(StfKeyword.REGISTER_RESET, name(r.register()));
            case StfCommand.MeterGetRates m -> line(StfKeyword.METER_GET_RATES, name(m.meter()), m.index());
            case StfCommand.MeterSetRates m ->
                    line(StfKeyword.METER_SET_RATES, name(m.meter()), m.index(), rates(m.rates()));
            case StfCommand.MeterArraySetRates m ->
                    line(StfKeyword.METER_ARRAY_SET_RATES, name(m.meter()), rates(m.rates()));
        };
    }

    /** A name as STF writes it: plain when it is a dotted name, otherwise in quotes. */
    public static String name(StfName name) {
        return PLAIN_NAME.matcher(name.text()).matches() ? name.text() : '"' + name.text() + '"';
    }

    /** A key value: {@code v}, {@code v/len}, {@code v&&&m} or {@code lo..hi}. */
    public static String keyValue(KeyValue value) {
        return switch (value) {
            case KeyValue.Value v -> v.number().text();
            case KeyValue.Prefix p -> p.value().text() + "/" + p.length().text();
            case KeyValue.Masked m -> m.value().text() + "&&&" + m.mask().text();
            case KeyValue.Range r -> r.low().text() + ".." + r.high().text();
        };
    }

    /** An action call: {@code name(param:value, ...)}. */
    public static String action(ActionCall call) {
        return name(call.action()) + call.args().stream()
                .map(a -> name(a.parameter()) + ":" + a.value().text())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** Expected packet data: nibbles in groups, then {@code $} if the length is exact. */
    public static String pattern(ExpectPattern pattern) {
        String body = grouped(pattern.nibbles());
        if (!pattern.exactLength()) {
            return body;
        }
        return body.isEmpty() ? "$" : body + " $";
    }

    private static String add(StfCommand.Add a) {
        StringBuilder out = new StringBuilder(StfKeyword.ADD.word()).append(' ').append(name(a.table()));
        a.priority().ifPresent(p -> out.append(' ').append(p));
        for (KeyMatch k : a.keys()) {
            out.append(' ').append(name(k.field())).append(':').append(keyValue(k.value()));
        }
        out.append(' ').append(action(a.action()));
        a.entryId().ifPresent(id -> out.append(" = ").append(name(id)));
        return out.toString();
    }

    private static String checkCounter(StfCommand.CheckCounter c) {
        String index = switch (c.index()) {
            case CounterIndex.AtIndex i -> i.index().text();
            case CounterIndex.OfEntry e -> name(e.reference());
        };
        String line = line(StfKeyword.CHECK_COUNTER, name(c.counter()) + "(" + index + ")");
        return c.check()
                .map(k -> line + " " + k.kind().word() + " " + k.comparison().symbol() + " " + k.value().text())
                .orElse(line);
    }

    private static String grouped(String hex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += GROUP) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(hex, i, Math.min(hex.length(), i + GROUP));
        }
        return out.toString();
    }

    private static String numbers(List<StfNumber> numbers) {
        return numbers.stream().map(StfNumber::text).collect(Collectors.joining(" "));
    }

    private static String rates(List<MeterRate> rates) {
        return rates.stream().map(r -> r.rate().toPlainString() + ":" + r.burst().text())
                .collect(Collectors.joining(" "));
    }

    private static String line(StfKeyword keyword, Object... parts) {
        StringBuilder out = new StringBuilder(keyword.word());
        for (Object p : parts) {
            out.append(' ').append(p);
        }
        return out.toString();
    }
}
