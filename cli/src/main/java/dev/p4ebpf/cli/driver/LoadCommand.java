package dev.p4ebpf.cli.driver;

import dev.p4ebpf.driver.deploy.Deployment;
import dev.p4ebpf.driver.deploy.Registry;
import dev.p4ebpf.driver.link.AttachMode;
import dev.p4ebpf.driver.link.Attacher;
import dev.p4ebpf.driver.link.Mechanism;
import dev.p4ebpf.driver.link.Target;
import dev.p4ebpf.driver.load.LoadOptions;
import dev.p4ebpf.driver.load.LoadedObject;
import dev.p4ebpf.driver.load.ObjectLoader;
import dev.p4ebpf.driver.prog.BpfProgram;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code p4ebpf load OBJ --dev IFACE [--mode M] [--pin DIR]}: loads an object, attaches one of its
 * programs and pins program, link and maps so that they outlive the command; with
 * {@code --replace}, swaps the program of an existing attachment atomically.
 */
public final class LoadCommand extends DriverCommand {
    @Override
    public String name() {
        return "load";
    }

    @Override
    public String arguments() {
        return "OBJ";
    }

    @Override
    public String summary() {
        return "load a BPF object and attach it to an interface (XDP, tc/tcx, offload)";
    }

    @Override
    public Options options() {
        return DriverOptions.target(new Options()).addOption(DriverOptions.program())
                .addOption(DriverOptions.entries()).addOption(DriverOptions.control())
                .addOption(Option.builder().longOpt("port").argName("PORT=IFACE").hasArg()
                        .desc("send P4 port PORT to interface IFACE when the program redirects (XDP_REDIRECT; fills"
                                + " its tx_ports map; repeat for more ports)").get())
                .addOption(Option.builder().longOpt("via").argName("link|netlink").hasArg()
                        .desc("attach with a BPF link (default) or with rtnetlink (IFLA_XDP, clsact + cls_bpf)").get())
                .addOption(Option.builder().longOpt("offload")
                        .desc("with tc-ingress/tc-egress: offload to the NIC (cls_bpf with skip_sw)").get())
                .addOption(Option.builder().longOpt("replace")
                        .desc("replace the program already loaded there, atomically").get());
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        if (line.getArgList().size() != 1) {
            throw new UsageException("expected one object file");
        }
        Path object = Path.of(line.getArgList().getFirst());
        String dev = DriverOptions.requireDev(line);
        AttachMode mode = DriverOptions.mode(line).orElse(AttachMode.XDP);
        boolean offload = mode.isOffload() || line.hasOption("offload");
        if (line.hasOption("offload") && mode.isXdp()) {
            throw new UsageException("--offload is for tc modes; for XDP use --mode xdp-offload");
        }
        Mechanism via = DriverOptions.via(line).orElse(offload ? Mechanism.NETLINK : Mechanism.defaultFor(mode));
        Target target = Attacher.target(dev);
        Registry registry = DriverOptions.registry(line);
        LoadOptions options = offload ? LoadOptions.DEFAULT.withOffload(target.ifindex()) : LoadOptions.DEFAULT;
        try (LoadedObject loaded = ObjectLoader.load(object, options)) {
            BpfProgram program = loaded.program(Optional.ofNullable(line.getOptionValue("program")));
            TableFill.fill(loaded, line, object);
            Deployment d = line.hasOption("replace") ? registry.replace(loaded, program, dev, mode)
                    : registry.deploy(loaded, program, target, mode, via);
            out.println((line.hasOption("replace") ? "replaced: " : "loaded: ") + d.line());
            return OK;
        }
    }
}
