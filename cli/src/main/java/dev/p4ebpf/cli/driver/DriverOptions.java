package dev.p4ebpf.cli.driver;

import dev.p4ebpf.cli.Command.UsageException;
import dev.p4ebpf.driver.deploy.Deployment;
import dev.p4ebpf.driver.deploy.Registry;
import dev.p4ebpf.driver.link.AttachMode;
import dev.p4ebpf.driver.link.Mechanism;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The options the driver commands share, and how they are read. */
final class DriverOptions {
    private DriverOptions() {}

    static Option dev() {
        return Option.builder().longOpt("dev").argName("IFACE").hasArg().desc("the network interface").get();
    }

    static Option mode() {
        return Option.builder().longOpt("mode").argName(AttachMode.words()).hasArg()
                .desc("the hook (default xdp for load)").get();
    }

    static Option pin() {
        return Option.builder().longOpt("pin").argName("DIR").hasArg()
                .desc("where p4ebpf keeps its pins on the bpf file system (default " + Registry.DEFAULT_ROOT + ")")
                .get();
    }

    static Option control() {
        return Option.builder().longOpt("control").argName("FILE").hasArg()
                .desc("the program's control-plane description (prog.json; default: OBJ with .json)").get();
    }

    static Option program() {
        return Option.builder().longOpt("program").argName("NAME").hasArg()
                .desc("which program of the object (needed when it has several)").get();
    }

    static Option entries() {
        return Option.builder().longOpt("entries").argName("FILE").hasArg()
                .desc("table entries to install: a JSON entries file, or STF add/setdefault lines (.stf)").get();
    }

    static Option netns() {
        return Option.builder().longOpt("netns").argName("NAME").hasArg()
                .desc("work in the network namespace NAME (/run/netns/NAME, as 'ip netns add' makes): use this rather"
                        + " than 'ip netns exec', whose private /sys loses the pins when the command ends").get();
    }

    static Options target(Options o) {
        return o.addOption(dev()).addOption(mode()).addOption(pin()).addOption(netns());
    }

    static Registry registry(CommandLine line) {
        return new Registry(line.hasOption("pin") ? Path.of(line.getOptionValue("pin")) : Registry.DEFAULT_ROOT);
    }

    static Optional<AttachMode> mode(CommandLine line) throws UsageException {
        if (!line.hasOption("mode")) {
            return Optional.empty();
        }
        String word = line.getOptionValue("mode");
        return Optional.of(AttachMode.fromWord(word).orElseThrow(() -> new UsageException("--mode " + word
                + ": expected one of " + AttachMode.words())));
    }

    static Optional<Mechanism> via(CommandLine line) throws UsageException {
        if (!line.hasOption("via")) {
            return Optional.empty();
        }
        String word = line.getOptionValue("via");
        for (Mechanism m : Mechanism.values()) {
            if (m.word().equals(word)) {
                return Optional.of(m);
            }
        }
        throw new UsageException("--via " + word + ": expected link or netlink");
    }

    static String requireDev(CommandLine line) throws UsageException {
        if (!line.hasOption("dev")) {
            throw new UsageException("--dev IFACE is required");
        }
        return line.getOptionValue("dev");
    }

    /** The deployment on {@code --dev} (and {@code --mode}, needed only when the interface has several). */
    static Deployment deployment(CommandLine line) throws UsageException {
        String ifname = requireDev(line);
        Optional<AttachMode> mode = mode(line);
        List<Deployment> found = registry(line).list().stream().filter(d -> d.ifname().equals(ifname))
                .filter(d -> mode.isEmpty() || d.mode() == mode.get()).toList();
        if (found.isEmpty()) {
            throw new dev.p4ebpf.driver.DriverException(dev.p4ebpf.driver.DriverException.Kind.NOT_FOUND,
                    "p4ebpf has no program on " + ifname + mode.map(m -> " in mode " + m.word()).orElse("")
                            + " (nothing under " + registry(line).root() + "). 'p4ebpf list' shows what is loaded.");
        }
        if (found.size() > 1) {
            throw new UsageException(ifname + " has programs in several modes ("
                    + String.join(", ", found.stream().map(d -> d.mode().word()).toList()) + "); say which with --mode");
        }
        return found.getFirst();
    }

    /** {@code --control FILE}, or the object's name with {@code .json} for {@code .o}. */
    static Path controlFile(CommandLine line, Optional<Path> object) throws UsageException {
        if (line.hasOption("control")) {
            return Path.of(line.getOptionValue("control"));
        }
        if (object.isPresent()) {
            String name = object.get().getFileName().toString();
            String base = name.endsWith(".o") ? name.substring(0, name.length() - 2) : name;
            return object.get().resolveSibling(base + ".json");
        }
        throw new UsageException("--control FILE (the program's prog.json) is required");
    }

    static int positiveInt(CommandLine line, String option, int fallback) throws UsageException {
        if (!line.hasOption(option)) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(line.getOptionValue(option));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " " + line.getOptionValue(option) + ": expected a positive number");
        }
    }
}
