package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.Types;
import java.util.Optional;

/** The scalar types the backend keeps in one register, and their widths. */
final class Scalars {
    private Scalars() {}

    /** The width in bits of a scalar type's representation, or empty for non-scalars. */
    static Optional<Integer> width(Type t) {
        return switch (Types.representation(t)) {
            case Type.Bits b -> Optional.of(b.width());
            case Type.Bool b -> Optional.of(1);
            case Type.SerEnum e -> Optional.of(e.underlying().width());
            case Type.Enum e -> Optional.of(32);
            case Type.Error e -> Optional.of(32);
            case Type.MatchKind m -> Optional.of(32);
            default -> Optional.empty();
        };
    }

    static boolean isScalar(Type t) {
        return width(t).isPresent();
    }

    /** A scalar wider than 64 bits, kept in several registers ({@link Wide}). */
    static boolean isWide(Type t) {
        return width(t).orElse(0) > 64;
    }

    static boolean signed(Type t) {
        return Types.representation(t) instanceof Type.Bits b && b.signed()
                || Types.representation(t) instanceof Type.SerEnum e && e.underlying().signed();
    }

    /** The mask of the low {@code width} bits ({@code -1} for 64). */
    static long mask(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }
}
