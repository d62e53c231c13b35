package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * The architecture the program's {@code main} instantiates, with the parser and controls it runs:
 * {@code ebpfFilter(parse, filter)} from ebpf_model.p4 or {@code xdp(parse, switch, deparse)} from
 * xdp_model.p4.
 */
public sealed interface Architecture {
    String name();

    Span span();

    /** ebpfFilter: the parser and the filter; {@code accept} decides pass or drop, the packet leaves unchanged. */
    record EbpfFilter(Decl.ParserDecl parser, Decl.ControlDecl filter, Span span) implements Architecture {
        @Override
        public String name() {
            return "ebpfFilter";
        }
    }

    /** xdp: parser, switch control with xdp_input/xdp_output, deparser. */
    record Xdp(Decl.ParserDecl parser, Decl.ControlDecl pipe, Decl.ControlDecl deparser, Span span)
            implements Architecture {
        @Override
        public String name() {
            return "xdp";
        }
    }

    /** The architecture of {@code program}, or empty after reporting why it is not one the backend compiles. */
    static Optional<Architecture> of(Program program, Diagnostics diags) {
        Optional<Decl.InstanceDecl> main = program.main();
        if (main.isEmpty()) {
            Span end = program.decls().isEmpty() ? Span.NONE : program.decls().getLast().span();
            diags.report(Code.UNSUPPORTED, end, "a program without 'main'",
                    "the eBPF backend compiles a program that instantiates ebpfFilter or xdp as main; declare"
                            + " 'ebpfFilter(...) main;' or 'xdp(...) main;'");
            return Optional.empty();
        }
        Decl.InstanceDecl m = main.get();
        String pkg = m.type() instanceof Type.Block b ? b.name() : "?";
        List<Arg> args = m.args();
        return switch (pkg) {
            case "ebpfFilter" -> parser(program, args, 0, m, diags).flatMap(p -> control(program, args, 1, m, diags)
                    .map(f -> new EbpfFilter(p, f, m.span())));
            case "xdp" -> parser(program, args, 0, m, diags).flatMap(p -> control(program, args, 1, m, diags)
                    .flatMap(s -> control(program, args, 2, m, diags).map(d -> new Xdp(p, s, d, m.span()))));
            default -> {
                diags.report(Code.UNSUPPORTED, m.span(), "package " + pkg,
                        "the eBPF backend compiles ebpfFilter (ebpf_model.p4) and xdp (xdp_model.p4) programs");
                yield Optional.empty();
            }
        };
    }

    private static Optional<Decl.ParserDecl> parser(Program program, List<Arg> args, int i, Decl.InstanceDecl main,
                                                    Diagnostics diags) {
        return blockName(args, i).flatMap(n -> program.find(n, Decl.ParserDecl.class)).or(() -> {
            diags.report(Code.UNSUPPORTED, main.span(), "argument " + (i + 1) + " of main",
                    "it must be a parser declared in the program, instantiated without constructor arguments");
            return Optional.empty();
        });
    }

    private static Optional<Decl.ControlDecl> control(Program program, List<Arg> args, int i, Decl.InstanceDecl main,
                                                      Diagnostics diags) {
        return blockName(args, i).flatMap(n -> program.find(n, Decl.ControlDecl.class)).or(() -> {
            diags.report(Code.UNSUPPORTED, main.span(), "argument " + (i + 1) + " of main",
                    "it must be a control declared in the program, instantiated without constructor arguments");
            return Optional.empty();
        });
    }

    private static Optional<String> blockName(List<Arg> args, int i) {
        if (i >= args.size()) {
            return Optional.empty();
        }
        Optional<Expr> v = args.get(i).value();
        return v.filter(Call.ConstructorCall.class::isInstance).map(Call.ConstructorCall.class::cast)
                .filter(c -> c.args().isEmpty()).map(c -> c.type())
                .filter(Type.Block.class::isInstance).map(t -> ((Type.Block) t).name());
    }
}
