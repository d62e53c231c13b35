package dev.p4ebpf.cli.frontend;

import dev.p4ebpf.cli.Command;
import dev.p4ebpf.frontend.FrontendOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The {@code -I DIR} and {@code -D NAME[=VALUE]} options every command that reads P4 source takes. */
public final class FrontendOptionsParser {
    private FrontendOptionsParser() {}

    public static Options add(Options options) {
        options.addOption(Option.builder("I").argName("DIR").hasArg()
                .desc("search DIR for #include files (before the bundled standard includes); repeatable").get());
        options.addOption(Option.builder("D").argName("NAME[=VALUE]").hasArg()
                .desc("define a preprocessor macro (VALUE defaults to 1); repeatable").get());
        return options;
    }

    public static FrontendOptions parse(CommandLine line) throws Command.UsageException {
        List<Path> dirs = new ArrayList<>();
        for (String d : values(line, "I")) {
            Path p = Path.of(d);
            if (!Files.isDirectory(p)) {
                throw new Command.UsageException("-I " + d + ": no such directory");
            }
            dirs.add(p);
        }
        Map<String, String> defines = new LinkedHashMap<>();
        for (String d : values(line, "D")) {
            int eq = d.indexOf('=');
            String name = eq < 0 ? d : d.substring(0, eq);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new Command.UsageException("-D " + d + ": '" + name + "' is not a macro name");
            }
            defines.put(name, eq < 0 ? "1" : d.substring(eq + 1));
        }
        return new FrontendOptions(dirs, defines);
    }

    private static String[] values(CommandLine line, String opt) {
        String[] v = line.getOptionValues(opt);
        return v == null ? new String[0] : v;
    }
}
