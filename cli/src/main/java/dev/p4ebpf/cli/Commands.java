package dev.p4ebpf.cli;

import dev.p4ebpf.cli.frontend.CheckCommand;
import dev.p4ebpf.cli.stf.StfRunCommand;
import java.util.List;

/** Every command of {@code p4ebpf}, in the order {@code --help} lists them. */
final class Commands {
    private Commands() {}

    static List<Command> all() {
        return List.of(new CheckCommand(), new StfRunCommand());
    }
}
