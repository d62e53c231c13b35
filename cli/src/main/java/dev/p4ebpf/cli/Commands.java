package dev.p4ebpf.cli;

import dev.p4ebpf.cli.compile.CompileCommand;
import dev.p4ebpf.cli.driver.CountersCommand;
import dev.p4ebpf.cli.driver.ListCommand;
import dev.p4ebpf.cli.driver.LoadCommand;
import dev.p4ebpf.cli.driver.RunCommand;
import dev.p4ebpf.cli.driver.TableCommand;
import dev.p4ebpf.cli.driver.UnloadCommand;
import dev.p4ebpf.cli.frontend.CheckCommand;
import dev.p4ebpf.cli.stf.StfRunCommand;
import java.util.List;

/** Every command of {@code p4ebpf}, in the order {@code --help} lists them. */
final class Commands {
    private Commands() {}

    static List<Command> all() {
        return List.of(new CheckCommand(),
                new CompileCommand(),
                new LoadCommand(),
                new UnloadCommand(),
                new ListCommand(),
                new TableCommand(),
                new CountersCommand(),
                new RunCommand(),
                new StfRunCommand());
    }
}
