package dev.p4ebpf.ir.pass;

import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Facts about declarations that several passes ask for. */
public final class Decls {
    private Decls() {}

    /** The type parameters a declaration introduces (empty for non-generic kinds). */
    public static List<String> typeParams(Decl d) {
        return switch (d) {
            case Decl.TypeDecl t -> t.typeParams();
            case Decl.FunctionDecl f -> f.typeParams();
            case Decl.ParserDecl p -> p.typeParams();
            case Decl.ControlDecl c -> c.typeParams();
            case Decl.ExternDecl e -> e.typeParams();
            case Decl.BlockTypeDecl b -> b.typeParams();
            case Decl.Typedef t -> List.of();
            case Decl.ErrorDecl e -> List.of();
            case Decl.MatchKindDecl m -> List.of();
            case Decl.ConstDecl c -> List.of();
            case Decl.ExternFunctionDecl f -> f.method().typeParams();
            case Decl.ActionDecl a -> List.of();
            case Decl.InstanceDecl i -> List.of();
            case Decl.VarDecl v -> List.of();
            case Decl.TableDecl t -> List.of();
            case Decl.ValueSetDecl v -> List.of();
        };
    }

    /** The annotations written on a declaration ({@code error} and {@code match_kind} have none). */
    public static List<Annotation> annotations(Decl d) {
        return switch (d) {
            case Decl.TypeDecl t -> List.of();
            case Decl.Typedef t -> t.annotations();
            case Decl.ErrorDecl e -> List.of();
            case Decl.MatchKindDecl m -> List.of();
            case Decl.ConstDecl c -> c.annotations();
            case Decl.ExternDecl e -> e.annotations();
            case Decl.ExternFunctionDecl f -> f.method().annotations();
            case Decl.FunctionDecl f -> f.annotations();
            case Decl.ActionDecl a -> a.annotations();
            case Decl.ParserDecl p -> p.annotations();
            case Decl.ControlDecl c -> c.annotations();
            case Decl.BlockTypeDecl b -> b.annotations();
            case Decl.InstanceDecl i -> i.annotations();
            case Decl.VarDecl v -> v.annotations();
            case Decl.TableDecl t -> t.annotations();
            case Decl.ValueSetDecl v -> v.annotations();
        };
    }

    /** Whether a declaration came from one of the frontend's bundled include files ({@code core.p4}, …). */
    public static boolean isBundled(Decl d) {
        return d.span().file().startsWith(BUNDLED_PREFIX);
    }

    /** The file name of a bundled declaration's include ({@code core.p4}), or null. */
    public static String bundledInclude(Decl d) {
        String f = d.span().file();
        return f.startsWith(BUNDLED_PREFIX) ? f.substring(BUNDLED_PREFIX.length()) : null;
    }

    /** How the frontend names its bundled include files in spans. */
    public static final String BUNDLED_PREFIX = "<built-in>/";

    /**
     * The program with each parser and control of its own (not those of the bundled includes)
     * rewritten by {@code parser} and {@code control}; every other declaration stays.
     */
    public static Program mapBlocks(Program program, UnaryOperator<Decl.ParserDecl> parser,
                                    UnaryOperator<Decl.ControlDecl> control) {
        var out = new ArrayList<Decl>();
        for (Decl d : program.decls()) {
            if (isBundled(d)) {
                out.add(d);
            } else if (d instanceof Decl.ControlDecl c) {
                out.add(control.apply(c));
            } else if (d instanceof Decl.ParserDecl p) {
                out.add(parser.apply(p));
            } else {
                out.add(d);
            }
        }
        return new Program(out);
    }
}
