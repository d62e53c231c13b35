package dev.p4ebpf.ir.pass;

import dev.p4ebpf.ir.diag.Diagnostics;

/** What a pass may use besides the program: where to report diagnostics. */
public record PassContext(Diagnostics diagnostics) {}
