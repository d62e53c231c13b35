package dev.p4ebpf.conformance.stf;

import java.util.List;

/**
 * A parsed STF file: its name as the user gave it and its commands in order. Comments and blank
 * lines are not kept.
 */
public record StfFile(String name, List<StfCommand> commands) {

    public StfFile {
        commands = List.copyOf(commands);
    }
}
