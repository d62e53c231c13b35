package dev.p4ebpf.ir.interp.value;

import dev.p4ebpf.ir.Type;
import java.util.Arrays;

/**
 * A header: its fields and its validity bit.
 *
 * <p>The fields are storage that validity does not touch, as on BMv2 and on the eBPF targets:
 * {@code setValid()} and {@code setInvalid()} only change the bit, reads of an invalid header's
 * fields return what is stored, writes store. A header nobody wrote holds zeros. This is the
 * interpreter's definition of what the P4 specification leaves unspecified.
 */
public final class HeaderValue implements FieldedValue {
    private final Type.Header type;
    private final Value[] fields;
    private boolean valid;

    public HeaderValue(Type.Header type, Value[] fields, boolean valid) {
        this.type = type;
        this.fields = fields;
        this.valid = valid;
    }

    @Override
    public Type.Header type() {
        return type;
    }

    public boolean isValid() {
        return valid;
    }

    public void setValid(boolean v) {
        valid = v;
    }

    @Override
    public Value get(int index) {
        return fields[index];
    }

    @Override
    public void set(int index, Value value) {
        fields[index] = value;
    }

    @Override
    public int size() {
        return fields.length;
    }

    /** Makes this header a copy of {@code other} (same type): fields and validity. */
    public void assign(HeaderValue other) {
        for (int i = 0; i < fields.length; i++) {
            fields[i] = other.fields[i].copy();
        }
        valid = other.valid;
    }

    @Override
    public HeaderValue copy() {
        Value[] f = new Value[fields.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = fields[i].copy();
        }
        return new HeaderValue(type, f, valid);
    }

    @Override
    public String toString() {
        return type.name() + (valid ? "" : "(invalid)") + Arrays.toString(fields);
    }
}
