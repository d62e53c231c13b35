package dev.p4ebpf.cli.driver;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.load.LoadOptions;
import dev.p4ebpf.driver.load.LoadedObject;
import dev.p4ebpf.driver.load.ObjectLoader;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.prog.TestRun;
import dev.p4ebpf.driver.sys.Uapi;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code p4ebpf run OBJ [--entries FILE] --packet HEX [--repeat N]}: loads the object (attached
 * nowhere), fills its tables, runs the program on the packet with BPF_PROG_TEST_RUN, and prints the
 * verdict, the output packet and the kernel's {@code ns_per_packet}.
 */
public final class RunCommand extends DriverCommand {
    @Override
    public String name() {
        return "run";
    }

    @Override
    public String arguments() {
        return "OBJ";
    }

    @Override
    public String summary() {
        return "test-run a program in the kernel on one packet (BPF_PROG_TEST_RUN), with table entries";
    }

    @Override
    public Options options() {
        return new Options().addOption(DriverOptions.program()).addOption(DriverOptions.entries())
                .addOption(DriverOptions.control())
                .addOption(Option.builder().longOpt("packet").argName("HEX").hasArg().desc("the input frame, in hex")
                        .get())
                .addOption(Option.builder().longOpt("repeat").argName("N").hasArg()
                        .desc("run it N times (the kernel's average time is printed; default 1)").get());
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        if (line.getArgList().size() != 1) {
            throw new UsageException("expected one object file");
        }
        if (!line.hasOption("packet")) {
            throw new UsageException("--packet HEX is required");
        }
        byte[] packet;
        try {
            packet = HexFormat.of().parseHex(line.getOptionValue("packet").replaceAll("[\\s:]", ""));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--packet: not hex bytes (" + e.getMessage() + ")");
        }
        int repeat = DriverOptions.positiveInt(line, "repeat", 1);
        Path object = Path.of(line.getArgList().getFirst());
        try (LoadedObject loaded = ObjectLoader.load(object, LoadOptions.DEFAULT)) {
            TableFill.fill(loaded, line, object);
            BpfProgram program = loaded.program(Optional.ofNullable(line.getOptionValue("program")));
            TestRun.Result r = TestRun.run(program, packet, repeat);
            out.println("verdict " + r.retval() + " (" + verdictName(program.info().type(), r.retval()) + ")");
            out.println("packet " + HexFormat.of().formatHex(r.packet()));
            out.println("ns_per_packet " + r.nsPerRun());
            return OK;
        } catch (DriverException e) {
            if (e.kind() == Kind.BAD_INPUT && packet.length < 14) {
                throw new UsageException("--packet must be a whole Ethernet frame (at least 14 bytes)");
            }
            throw e;
        }
    }

    static String verdictName(int programType, int verdict) {
        if (programType == Uapi.BPF_PROG_TYPE_XDP) {
            return switch (verdict) {
                case Uapi.XDP_ABORTED -> "XDP_ABORTED";
                case Uapi.XDP_DROP -> "XDP_DROP";
                case Uapi.XDP_PASS -> "XDP_PASS";
                case Uapi.XDP_TX -> "XDP_TX";
                case Uapi.XDP_REDIRECT -> "XDP_REDIRECT";
                default -> "unknown XDP action";
            };
        }
        return switch (verdict) {
            case Uapi.TC_ACT_UNSPEC -> "TC_ACT_UNSPEC";
            case Uapi.TC_ACT_OK -> "TC_ACT_OK";
            case Uapi.TC_ACT_SHOT -> "TC_ACT_SHOT";
            case Uapi.TC_ACT_REDIRECT -> "TC_ACT_REDIRECT";
            default -> "tc action " + verdict;
        };
    }
}
