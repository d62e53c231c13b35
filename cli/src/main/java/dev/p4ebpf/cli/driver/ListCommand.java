package dev.p4ebpf.cli.driver;

import dev.p4ebpf.driver.deploy.Deployment;
import java.io.PrintStream;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code p4ebpf list}: what p4ebpf attached where, from its pins, checked against the kernel. */
public final class ListCommand extends DriverCommand {
    @Override
    public String name() {
        return "list";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "list the programs p4ebpf has attached, with their interfaces, modes and maps";
    }

    @Override
    public Options options() {
        return new Options().addOption(DriverOptions.pin());
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) {
        List<Deployment> all = DriverOptions.registry(line).list();
        if (all.isEmpty()) {
            out.println("nothing loaded (no pins under " + DriverOptions.registry(line).root() + ")");
        }
        all.forEach(d -> out.println(d.line()));
        return OK;
    }
}
