package dev.p4ebpf.conformance.gen;

/** A P4 scalar type as the generator uses it: {@code bit<W>}, {@code int<W>} or {@code bool}. */
record ScalarType(Kind kind, int width) {
    enum Kind { BIT, INT, BOOL }

    static final ScalarType BOOL = new ScalarType(Kind.BOOL, 1);
    /** The widest value the generator computes with (the eBPF backend keeps scalars in 64-bit registers). */
    static final int MAX_VALUE_WIDTH = 64;

    ScalarType {
        if (width < 1 || kind == Kind.INT && width < 2) {
            throw new IllegalArgumentException(kind + " of width " + width);
        }
    }

    static ScalarType bit(int width) {
        return new ScalarType(Kind.BIT, width);
    }

    static ScalarType sint(int width) {
        return new ScalarType(Kind.INT, width);
    }

    boolean isBool() {
        return kind == Kind.BOOL;
    }

    boolean isBit() {
        return kind == Kind.BIT;
    }

    boolean isInt() {
        return kind == Kind.INT;
    }

    boolean isNumeric() {
        return kind != Kind.BOOL;
    }

    /** Whether expressions may compute with values of this type. */
    boolean computable() {
        return width <= MAX_VALUE_WIDTH;
    }

    String p4() {
        return switch (kind) {
            case BIT -> "bit<" + width + ">";
            case INT -> "int<" + width + ">";
            case BOOL -> "bool";
        };
    }

    @Override
    public String toString() {
        return p4();
    }
}
