package dev.p4ebpf.ir.interp;

/** The compilers of one machine, one per kind of IR node. */
final class Compiler {
    final ExprCompiler exprs;
    final LocCompiler locs;
    final StmtCompiler stmts;
    final CallCompiler calls;
    final KeySetCompiler keysets;
    final FieldListCompiler fieldLists;

    Compiler(Machine machine) {
        exprs = new ExprCompiler(machine);
        locs = new LocCompiler(machine);
        stmts = new StmtCompiler(machine);
        calls = new CallCompiler(machine);
        keysets = new KeySetCompiler(machine);
        fieldLists = new FieldListCompiler(machine);
    }
}
