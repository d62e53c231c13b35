package dev.p4ebpf.ir.interp.value;

/**
 * A member of a plain (not serializable) enum. Serializable enums are represented by their
 * underlying {@link BitsValue}, since a value of such a type need not be one of its members.
 */
public record EnumValue(String type, String member) implements Value {
    @Override
    public Value copy() {
        return this;
    }

    @Override
    public String toString() {
        return type + "." + member;
    }
}
