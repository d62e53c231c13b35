package dev.p4ebpf.cli.driver;

import dev.p4ebpf.driver.deploy.Deployment;
import dev.p4ebpf.driver.table.BulkLoader;
import dev.p4ebpf.driver.table.DumpedEntry;
import dev.p4ebpf.driver.table.EntriesFile;
import dev.p4ebpf.driver.table.EntrySpec;
import dev.p4ebpf.driver.table.PinnedMaps;
import dev.p4ebpf.driver.table.Tables;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.Table;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code p4ebpf table add|modify|del|set-default|dump|load}: the tables of a loaded program by
 * their P4 names, with values in P4 terms, through the program's control-plane description.
 */
public final class TableCommand extends DriverCommand {
    @Override
    public String name() {
        return "table";
    }

    @Override
    public String arguments() {
        return "add TABLE FIELD=VALUE... ACTION [PARAM=VALUE...] | modify ... | del TABLE FIELD=VALUE... |"
                + " set-default TABLE ACTION [PARAM=VALUE...] | dump [TABLE] | load FILE";
    }

    @Override
    public String summary() {
        return "add, change, delete, dump and bulk-load table entries of a loaded program";
    }

    @Override
    public Options options() {
        return DriverOptions.target(new Options()).addOption(DriverOptions.control())
                .addOption(Option.builder().longOpt("priority").argName("N").hasArg()
                        .desc("the entry's priority (ternary/range/optional tables; larger wins)").get());
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            throw new UsageException("expected add, modify, del, set-default, dump or load");
        }
        ControlPlane cp = ControlPlanes.read(DriverOptions.controlFile(line, Optional.empty()));
        Deployment d = DriverOptions.deployment(line);
        Integer priority = line.hasOption("priority") ? DriverOptions.positiveInt(line, "priority", 0) : null;
        try (PinnedMaps maps = new PinnedMaps(d.mapsDir()); Tables tables = new Tables(cp, maps)) {
            List<String> rest = args.subList(1, args.size());
            return switch (args.getFirst()) {
                case "add", "modify" -> write(tables, args.getFirst(), rest, priority, out);
                case "del" -> delete(tables, rest, priority, out);
                case "set-default" -> setDefault(tables, rest, out);
                case "dump" -> dump(tables, cp, rest, out);
                case "load" -> load(tables, cp, rest, out);
                default -> throw new UsageException("unknown table command '" + args.getFirst()
                        + "'; expected add, modify, del, set-default, dump or load");
            };
        }
    }

    private static String table(List<String> rest) throws UsageException {
        if (rest.isEmpty()) {
            throw new UsageException("missing the table name");
        }
        return rest.getFirst();
    }

    private static int write(Tables tables, String verb, List<String> rest, Integer priority, PrintStream out)
            throws UsageException {
        String table = table(rest);
        EntryWords w = EntryWords.parse(rest.subList(1, rest.size()), true);
        EntrySpec spec = new EntrySpec(table, w.key(), w.action(), w.args(), priority);
        if (verb.equals("add")) {
            tables.add(spec);
        } else {
            tables.modify(spec);
        }
        out.println((verb.equals("add") ? "added to " : "modified in ") + table);
        return OK;
    }

    private static int delete(Tables tables, List<String> rest, Integer priority, PrintStream out)
            throws UsageException {
        String table = table(rest);
        EntryWords w = EntryWords.parse(rest.subList(1, rest.size()), false);
        if (w.action() != null) {
            throw new UsageException("del takes only key fields, not an action ('" + w.action() + "')");
        }
        if (!tables.delete(table, w.key(), priority)) {
            out.println("no such entry in " + table);
            return FAILED;
        }
        out.println("deleted from " + table);
        return OK;
    }

    private static int setDefault(Tables tables, List<String> rest, PrintStream out) throws UsageException {
        String table = table(rest);
        EntryWords w = EntryWords.parse(rest.subList(1, rest.size()), true);
        if (!w.key().isEmpty()) {
            throw new UsageException("set-default takes the action and its arguments, not key fields");
        }
        tables.setDefault(table, w.action(), w.args());
        out.println("default of " + table + " is " + w.action());
        return OK;
    }

    private static int dump(Tables tables, ControlPlane cp, List<String> rest, PrintStream out) {
        List<String> names = rest.isEmpty() ? cp.tables().stream().map(Table::controlPlaneName).toList() : rest;
        for (String name : names) {
            List<DumpedEntry> entries = tables.dump(name);
            out.println(name + ": " + entries.size() + " entries, default " + tables.defaultAction(name).line()
                    .substring(3));
            entries.forEach(e -> out.println("  " + e.line()));
        }
        return OK;
    }

    private static int load(Tables tables, ControlPlane cp, List<String> rest, PrintStream out) throws UsageException {
        if (rest.size() != 1) {
            throw new UsageException("load takes one file (JSON entries or .stf)");
        }
        EntriesFile file = EntrySources.read(Path.of(rest.getFirst()), cp);
        BulkLoader.Result r = new BulkLoader(tables).load(file.entries(), file.defaults());
        out.println("loaded " + r.entries() + " entries and " + r.defaults() + " defaults (" + r.batchCalls()
                + " batch calls)");
        return OK;
    }
}
