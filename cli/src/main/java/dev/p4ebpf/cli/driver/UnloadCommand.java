package dev.p4ebpf.cli.driver;

import dev.p4ebpf.driver.deploy.Deployment;
import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code p4ebpf unload --dev IFACE [--mode M]}: detaches a program p4ebpf loaded and removes its pins. */
public final class UnloadCommand extends DriverCommand {
    @Override
    public String name() {
        return "unload";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "detach a program loaded with 'p4ebpf load' and remove its pins";
    }

    @Override
    public Options options() {
        return DriverOptions.target(new Options());
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("unexpected arguments " + line.getArgList());
        }
        Deployment d = DriverOptions.deployment(line);
        Deployment gone = DriverOptions.registry(line).unload(d.ifname(), d.mode());
        out.println("unloaded: " + gone.programName() + " (id " + gone.programId() + ") from " + gone.ifname() + " "
                + gone.mode().word());
        return OK;
    }
}
