package dev.p4ebpf.cli.driver;

import dev.p4ebpf.conformance.stf.KeyMatch;
import dev.p4ebpf.conformance.stf.KeyValue;
import dev.p4ebpf.conformance.stf.StfCommand;
import dev.p4ebpf.conformance.stf.StfException;
import dev.p4ebpf.conformance.stf.StfFile;
import dev.p4ebpf.conformance.stf.StfNumber;
import dev.p4ebpf.conformance.stf.StfParser;
import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.table.DefaultSpec;
import dev.p4ebpf.driver.table.EntriesFile;
import dev.p4ebpf.driver.table.EntryParser;
import dev.p4ebpf.driver.table.EntrySpec;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.KeyField;
import dev.p4ebpf.ebpf.controlplane.MatchKind;
import dev.p4ebpf.ebpf.controlplane.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads table entries for a bulk load: a JSON entries file, or the {@code add} and
 * {@code setdefault} lines of an STF file (other STF commands are ignored). STF keys are written
 * without the match kind, so they are read against the program's control-plane description.
 */
final class EntrySources {
    private EntrySources() {}

    static EntriesFile read(Path file, ControlPlane cp) {
        if (!file.getFileName().toString().endsWith(".stf")) {
            return EntriesFile.read(file);
        }
        StfFile stf;
        try {
            stf = StfParser.parse(file);
        } catch (StfException e) {
            throw new DriverException(Kind.BAD_INPUT, file + ": " + e.getMessage() + " Nothing was loaded.", null, e);
        }
        EntryParser parser = new EntryParser(cp);
        List<EntrySpec> entries = new ArrayList<>();
        List<DefaultSpec> defaults = new ArrayList<>();
        for (StfCommand c : stf.commands()) {
            // Only table commands matter here; packets, expectations and switch commands are the STF runner's.
            if (c instanceof StfCommand.Add add) {
                entries.add(entry(parser.table(add.table().text()), add));
            } else if (c instanceof StfCommand.SetDefault d) {
                defaults.add(new DefaultSpec(d.table().text(), d.action().action().text(), args(d.action())));
            }
        }
        return new EntriesFile(entries, defaults);
    }

    private static EntrySpec entry(Table t, StfCommand.Add add) {
        Map<String, String> key = new LinkedHashMap<>();
        for (KeyMatch k : add.keys()) {
            KeyField f = t.key(k.field().text()).or(() -> t.keys().stream()
                    .filter(x -> x.name().endsWith("." + k.field().text())).findFirst()).orElse(null);
            key.put(k.field().text(), text(k.value(), f));
        }
        Integer priority = add.priority().isPresent() ? (int) add.priority().getAsLong() : null;
        if (priority == null && t.needsPriority()) {
            priority = 0;
        }
        return new EntrySpec(t.name(), key, add.action().action().text(), args(add.action()), priority);
    }

    private static Map<String, String> args(dev.p4ebpf.conformance.stf.ActionCall call) {
        Map<String, String> args = new LinkedHashMap<>();
        call.args().forEach(a -> args.put(a.parameter().text(), a.value().text()));
        return args;
    }

    /** One STF key value in the entry syntax of the driver, by the field's match kind. */
    private static String text(KeyValue v, KeyField f) {
        return switch (v) {
            case KeyValue.Value x -> wildcard(x.number(), f);
            case KeyValue.Prefix p -> p.value().value() + "/" + p.length().value();
            case KeyValue.Masked m -> m.value().value() + "&&&" + m.mask().value();
            case KeyValue.Range r -> r.low().value() + ".." + r.high().value();
        };
    }

    private static String wildcard(StfNumber n, KeyField f) {
        if (!n.hasWildcards() || f == null) {
            return n.value().toString();
        }
        if (f.match() == MatchKind.LPM) {
            return n.value() + "/" + n.writtenPrefixLength(f.bitWidth());
        }
        return n.value() + "&&&" + n.careMask(f.bitWidth());
    }
}
