package dev.p4ebpf.conformance.run;

import dev.p4ebpf.ir.Program;
import java.nio.file.Path;

/** The program a test runs: its source file and the checked IR the frontend made of it. */
public record TestProgram(Path source, Program program) {}
