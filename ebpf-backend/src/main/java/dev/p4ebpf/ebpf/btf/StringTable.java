package dev.p4ebpf.ebpf.btf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The string section shared by {@code .BTF} and {@code .BTF.ext}: NUL-terminated strings, the
 * empty string at offset 0. Built by adding strings (each distinct string is stored once), or read
 * from bytes.
 */
public final class StringTable {
    private final Map<String, Integer> offsets = new LinkedHashMap<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final byte[] decoded;

    /** An empty table to add strings to. */
    public StringTable() {
        this.decoded = null;
        add("");
    }

    private StringTable(byte[] decoded) {
        this.decoded = decoded;
        int start = 0;
        for (int i = 0; i < decoded.length; i++) {
            if (decoded[i] == 0) {
                offsets.putIfAbsent(new String(decoded, start, i - start, StandardCharsets.UTF_8), start);
                start = i + 1;
            }
        }
    }

    /** A read-only copy of this table. */
    public StringTable frozen() {
        return new StringTable(toBytes());
    }

    /** A read-only view of an encoded string section; it must start with a NUL byte. */
    public static StringTable of(byte[] section) throws BtfException {
        if (section.length == 0 || section[0] != 0) {
            throw new BtfException("BTF string section must start with the empty string (a NUL byte)");
        }
        if (section[section.length - 1] != 0) {
            throw new BtfException("BTF string section does not end with a NUL byte");
        }
        return new StringTable(section.clone());
    }

    /** The offset of {@code s}, adding it if it is new. */
    public int add(String s) {
        if (decoded != null) {
            throw new IllegalStateException("a decoded string table is read-only");
        }
        Integer at = offsets.get(s);
        if (at != null) {
            return at;
        }
        int off = bytes.size();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (byte c : b) {
            if (c == 0) {
                throw new IllegalArgumentException("BTF strings cannot contain NUL: " + s);
            }
        }
        bytes.writeBytes(b);
        bytes.write(0);
        offsets.put(s, off);
        return off;
    }

    /** The offset of a string in the table (the first one, in a decoded table). */
    public int offsetOf(String s) {
        Integer at = offsets.get(s);
        if (at == null) {
            throw new IllegalArgumentException("string not in table: " + s);
        }
        return at;
    }

    /** The string at {@code offset} of a decoded table. */
    public String at(int offset) throws BtfException {
        byte[] b = decoded != null ? decoded : bytes.toByteArray();
        if (offset < 0 || offset >= b.length) {
            throw new BtfException("string offset " + Integer.toUnsignedString(offset) + " is outside the "
                    + b.length + "-byte BTF string section");
        }
        int end = offset;
        while (b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    public byte[] toBytes() {
        return decoded != null ? decoded.clone() : bytes.toByteArray();
    }

    public int size() {
        return decoded != null ? decoded.length : bytes.size();
    }
}
