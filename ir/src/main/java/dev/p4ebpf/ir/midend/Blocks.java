package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.diag.CompilerBug;
import java.util.List;

/** What parsers and controls have in common, for passes that treat them alike. */
final class Blocks {
    private Blocks() {}

    static boolean isBlock(Decl d) {
        return d instanceof Decl.ParserDecl || d instanceof Decl.ControlDecl;
    }

    static Decl.ControlDecl control(Decl d) {
        if (d instanceof Decl.ControlDecl c) {
            return c;
        }
        throw new CompilerBug(d.span(), d.name() + " is not a control");
    }

    static Decl.ParserDecl parser(Decl d) {
        if (d instanceof Decl.ParserDecl p) {
            return p;
        }
        throw new CompilerBug(d.span(), d.name() + " is not a parser");
    }

    static List<Param> ctorParams(Decl block) {
        return block instanceof Decl.ParserDecl p ? p.ctorParams() : control(block).ctorParams();
    }

    static List<Param> applyParams(Decl block) {
        return block instanceof Decl.ParserDecl p ? p.applyParams() : control(block).applyParams();
    }

    static List<Decl> locals(Decl block) {
        return block instanceof Decl.ParserDecl p ? p.locals() : control(block).locals();
    }
}
