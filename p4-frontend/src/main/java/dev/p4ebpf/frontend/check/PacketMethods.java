package dev.p4ebpf.frontend.check;

import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Span;

/**
 * The rules core.p4's packet methods put on their type arguments: {@code extract} fills a header (one
 * with a varbit field when the length is given, one without otherwise), {@code lookahead} reads a
 * fixed-width type, {@code emit} writes headers and structures of them.
 */
final class PacketMethods {
    private PacketMethods() {}

    static void check(Checker ck, String extern, Method m, Arguments.Bound b, Span at) {
        if (b.typeArgs().isEmpty()) {
            return;
        }
        Type t = b.typeArgs().getFirst();
        if (t instanceof Type.DontCare) {
            return;
        }
        switch (extern + "." + m.name()) {
            case "packet_in.extract" -> extract(ck, t, m.params().size() == 2, at);
            case "packet_in.lookahead" -> {
                if (!fixedWidth(t)) {
                    ck.diags.report(Code.TYPE_NOT_ALLOWED, at, "the type argument of lookahead", ExprText.type(t),
                            "lookahead reads a fixed-width type");
                }
            }
            case "packet_out.emit" -> {
                if (!emittable(t)) {
                    ck.diags.report(Code.TYPE_NOT_ALLOWED, at, "the argument of emit", ExprText.type(t),
                            "emit writes headers, header unions, header stacks and structs of those");
                }
            }
            default -> { }
        }
    }

    private static void extract(Checker ck, Type t, boolean withLength, Span at) {
        if (!(t instanceof Type.Header || t instanceof Type.HeaderUnion && !withLength)) {
            ck.diags.report(Code.TYPE_NOT_ALLOWED, at, "the argument of extract", ExprText.type(t),
                    "extract fills a header");
            return;
        }
        if (t instanceof Type.Header h) {
            long varbits = h.fields().stream().filter(f -> f.type() instanceof Type.Varbit).count();
            boolean varbit = varbits > 0;
            if (varbits > 1) {
                ck.diags.report(Code.TYPE_NOT_ALLOWED, at, "the argument of extract", ExprText.type(t),
                        "a header with more than one varbit field cannot be extracted");
            } else if (withLength && !varbit) {
                ck.diags.report(Code.TYPE_NOT_ALLOWED, at, "the argument of extract", ExprText.type(t),
                        "extract with a length fills a header that has a varbit field");
            } else if (!withLength && varbit) {
                ck.diags.report(Code.TYPE_NOT_ALLOWED, at, "the argument of extract", ExprText.type(t),
                        "a header with a varbit field is extracted with its length: extract(h, bits)");
            }
        }
    }

    private static boolean fixedWidth(Type t) {
        return switch (t) {
            case Type.Bits b -> true;
            case Type.Bool b -> true;
            case Type.SerEnum e -> true;
            case Type.NewType n -> fixedWidth(n.underlying());
            case Type.Header h -> h.fields().stream().allMatch(f -> fixedWidth(f.type()));
            case Type.Struct s -> s.fields().stream().allMatch(f -> fixedWidth(f.type()));
            case Type.Stack s -> fixedWidth(s.element());
            case Type.Tuple tu -> tu.elements().stream().allMatch(PacketMethods::fixedWidth);
            default -> false;
        };
    }

    private static boolean emittable(Type t) {
        return switch (t) {
            case Type.Header h -> true;
            case Type.HeaderUnion u -> true;
            case Type.Stack s -> emittable(s.element());
            case Type.Struct s -> s.fields().stream().allMatch(f -> emittable(f.type()));
            case Type.Tuple tu -> tu.elements().stream().allMatch(PacketMethods::emittable);
            case Type.TypeVar v -> true;
            default -> false;
        };
    }
}
