package dev.p4ebpf.ir.interp.value;

import dev.p4ebpf.ir.Type;
import java.util.Arrays;

/**
 * A header union: one header per member, at most one of them valid. Making one member valid
 * (by {@code setValid()}, extraction or assignment of a valid header) makes the others invalid;
 * {@link #setMember} and {@link #validated} keep that rule.
 */
public final class UnionValue implements Value {
    private final Type.HeaderUnion type;
    private final HeaderValue[] members;

    public UnionValue(Type.HeaderUnion type, HeaderValue[] members) {
        this.type = type;
        this.members = members;
    }

    public Type.HeaderUnion type() {
        return type;
    }

    public int size() {
        return members.length;
    }

    public HeaderValue member(int index) {
        return members[index];
    }

    /** Whether some member is valid. */
    public boolean isValid() {
        for (HeaderValue m : members) {
            if (m.isValid()) {
                return true;
            }
        }
        return false;
    }

    /** Replaces member {@code index} by a copy of {@code h}; if it is valid, the others become invalid. */
    public void setMember(int index, HeaderValue h) {
        members[index].assign(h);
        if (h.isValid()) {
            validated(index);
        }
    }

    /** Member {@code index} became valid: invalidates every other member. */
    public void validated(int index) {
        for (int i = 0; i < members.length; i++) {
            if (i != index) {
                members[i].setValid(false);
            }
        }
    }

    /** Makes every member invalid. */
    public void invalidate() {
        for (HeaderValue m : members) {
            m.setValid(false);
        }
    }

    /** Makes this union a copy of {@code other} (same type). */
    public void assign(UnionValue other) {
        for (int i = 0; i < members.length; i++) {
            members[i].assign(other.members[i]);
        }
    }

    @Override
    public UnionValue copy() {
        HeaderValue[] m = new HeaderValue[members.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = members[i].copy();
        }
        return new UnionValue(type, m);
    }

    @Override
    public String toString() {
        return type.name() + Arrays.toString(members);
    }
}
