package dev.p4ebpf.ebpf.btf;

import dev.p4ebpf.ebpf.btf.BtfType.*;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .BTF} wire format (little-endian): a 24-byte header (magic {@code 0xeB9F}, version 1,
 * flags 0, hdr_len, type_off, type_len, str_off, str_len), the type section, the string section.
 * Encoding is deterministic: strings are laid out in first-use order, each once.
 */
public final class BtfCodec {
    static final int MAGIC = 0xeb9f;
    static final int HEADER = 24;

    private BtfCodec() {
    }

    /** Decoded {@code .BTF}: the types and the string table (which {@code .BTF.ext} refers into). */
    public record Decoded(Btf btf, StringTable strings) {
    }

    /** Encodes {@code btf} alone. */
    public static byte[] encode(Btf btf) {
        StringTable st = new StringTable();
        addNames(btf, st);
        return encode(btf, st);
    }

    /** Adds every name of {@code btf} to {@code st}, in type order. */
    public static void addNames(Btf btf, StringTable st) {
        for (BtfType t : btf.types()) {
            st.add(t.name());
            switch (t) {
                case Struct s -> s.members().forEach(m -> st.add(m.name()));
                case Union u -> u.members().forEach(m -> st.add(m.name()));
                case BtfType.Enum e -> e.values().forEach(v -> st.add(v.name()));
                case Enum64 e -> e.values().forEach(v -> st.add(v.name()));
                case FuncProto p -> p.params().forEach(v -> st.add(v.name()));
                default -> {
                }
            }
        }
    }

    /** Encodes {@code btf} with a string table that already holds all its names (and maybe more). */
    public static byte[] encode(Btf btf, StringTable st) {
        addNames(btf, st);
        int typeLen = 0;
        for (BtfType t : btf.types()) {
            typeLen += 12 + extra(t);
        }
        byte[] strings = st.toBytes();
        ByteBuffer b = ByteBuffer.allocate(HEADER + typeLen + strings.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) MAGIC).put((byte) 1).put((byte) 0).putInt(HEADER);
        b.putInt(0).putInt(typeLen).putInt(typeLen).putInt(strings.length);
        for (BtfType t : btf.types()) {
            writeType(b, t, st);
        }
        b.put(strings);
        return b.array();
    }

    private static int extra(BtfType t) {
        return switch (t) {
            case Int i -> 4;
            case Array a -> 12;
            case Struct s -> 12 * s.members().size();
            case Union u -> 12 * u.members().size();
            case BtfType.Enum e -> 8 * e.values().size();
            case Enum64 e -> 12 * e.values().size();
            case FuncProto p -> 8 * p.params().size();
            case Var v -> 4;
            case Datasec d -> 12 * d.vars().size();
            case DeclTag d -> 4;
            case Ptr p -> 0;
            case Fwd f -> 0;
            case Typedef td -> 0;
            case Volatile v -> 0;
            case BtfType.Const c -> 0;
            case Restrict r -> 0;
            case Func f -> 0;
            case BtfType.Float f -> 0;
            case TypeTag tt -> 0;
        };
    }

    private static void head(ByteBuffer b, StringTable st, BtfType t, int vlen, boolean flag, int sizeOrType) {
        b.putInt(st.offsetOf(t.name()));
        b.putInt(vlen | t.kind() << 24 | (flag ? 1 << 31 : 0));
        b.putInt(sizeOrType);
    }

    private static void writeType(ByteBuffer b, BtfType t, StringTable st) {
        switch (t) {
            case Int i -> {
                head(b, st, t, 0, false, i.size());
                b.putInt(i.encoding() << 24 | i.bitOffset() << 16 | i.bits());
            }
            case Ptr p -> head(b, st, t, 0, false, p.type());
            case Array a -> {
                head(b, st, t, 0, false, 0);
                b.putInt(a.elemType()).putInt(a.indexType()).putInt(a.elems());
            }
            case Struct s -> members(b, st, t, s.size(), s.bitfieldLayout(), s.members());
            case Union u -> members(b, st, t, u.size(), u.bitfieldLayout(), u.members());
            case BtfType.Enum e -> {
                head(b, st, t, e.values().size(), e.signed(), e.size());
                e.values().forEach(v -> b.putInt(st.offsetOf(v.name())).putInt((int) v.value()));
            }
            case Enum64 e -> {
                head(b, st, t, e.values().size(), e.signed(), e.size());
                e.values().forEach(v -> b.putInt(st.offsetOf(v.name())).putInt((int) v.value())
                        .putInt((int) (v.value() >>> 32)));
            }
            case Fwd f -> head(b, st, t, 0, f.union(), 0);
            case Typedef td -> head(b, st, t, 0, false, td.type());
            case Volatile v -> head(b, st, t, 0, false, v.type());
            case BtfType.Const c -> head(b, st, t, 0, false, c.type());
            case Restrict r -> head(b, st, t, 0, false, r.type());
            case Func f -> head(b, st, t, f.linkage().ordinal(), false, f.proto());
            case FuncProto p -> {
                head(b, st, t, p.params().size(), false, p.returnType());
                p.params().forEach(v -> b.putInt(st.offsetOf(v.name())).putInt(v.type()));
            }
            case Var v -> {
                head(b, st, t, 0, false, v.type());
                b.putInt(v.linkage().ordinal());
            }
            case Datasec d -> {
                head(b, st, t, d.vars().size(), false, d.size());
                d.vars().forEach(v -> b.putInt(v.type()).putInt(v.offset()).putInt(v.size()));
            }
            case BtfType.Float f -> head(b, st, t, 0, false, f.size());
            case DeclTag d -> {
                head(b, st, t, 0, d.attribute(), d.type());
                b.putInt(d.componentIdx());
            }
            case TypeTag tt -> head(b, st, t, 0, tt.attribute(), tt.type());
        }
    }

    private static void members(ByteBuffer b, StringTable st, BtfType t, int size, boolean flag, List<Member> ms) {
        head(b, st, t, ms.size(), flag, size);
        for (Member m : ms) {
            b.putInt(st.offsetOf(m.name())).putInt(m.type());
            b.putInt(flag ? m.bitfieldSize() << 24 | m.bitOffset() : m.bitOffset());
        }
    }

    /** Decodes a {@code .BTF} section, checking every offset, length and type reference. */
    public static Decoded decode(byte[] bytes) throws BtfException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < HEADER) {
            throw new BtfException(".BTF is " + bytes.length + " bytes, shorter than its 24-byte header");
        }
        int magic = b.getShort(0) & 0xffff;
        if (magic != MAGIC) {
            throw new BtfException(String.format(".BTF magic is 0x%04x, not 0xeb9f%s", magic,
                    magic == 0x9feb ? " (big-endian BTF is not supported)" : ""));
        }
        if (b.get(2) != 1) {
            throw new BtfException(".BTF version " + b.get(2) + " is not supported (only 1)");
        }
        long hdrLen = Integer.toUnsignedLong(b.getInt(4));
        if (hdrLen < HEADER || hdrLen > bytes.length) {
            throw new BtfException(".BTF hdr_len " + hdrLen + " is outside 24.." + bytes.length);
        }
        byte[] typeSec = slice(bytes, hdrLen, b.getInt(8), b.getInt(12), "type");
        byte[] strSec = slice(bytes, hdrLen, b.getInt(16), b.getInt(20), "string");
        StringTable st = StringTable.of(strSec);
        List<BtfType> types = new ArrayList<>();
        ByteBuffer tb = ByteBuffer.wrap(typeSec).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (tb.hasRemaining()) {
                types.add(readType(tb, st, types.size() + 1));
            }
        } catch (BufferUnderflowException e) {
            throw new BtfException(".BTF type " + (types.size() + 1) + " is truncated at the end of the type section");
        }
        Btf btf = new Btf(types);
        BtfRefs.check(btf);
        return new Decoded(btf, st);
    }

    private static byte[] slice(byte[] bytes, long hdrLen, int off, int len, String what) throws BtfException {
        long start = hdrLen + Integer.toUnsignedLong(off);
        long end = start + Integer.toUnsignedLong(len);
        if (end > bytes.length) {
            throw new BtfException(".BTF " + what + " section [" + start + ", " + end + ") is outside the "
                    + bytes.length + "-byte section");
        }
        return java.util.Arrays.copyOfRange(bytes, (int) start, (int) end);
    }

    private static BtfType readType(ByteBuffer b, StringTable st, int id) throws BtfException {
        String name = st.at(b.getInt());
        int info = b.getInt();
        int sizeOrType = b.getInt();
        int vlen = info & 0xffff;
        int kind = info >>> 24 & 0x1f;
        boolean flag = info < 0;
        if ((info & 0x60ff0000) != 0) {
            throw new BtfException("BTF type " + id + ": reserved bits of info 0x" + Integer.toHexString(info) + " are set");
        }
        return switch (kind) {
            case 1 -> readInt(b, name, sizeOrType, id);
            case 2 -> new Ptr(sizeOrType);
            case 3 -> new Array(b.getInt(), b.getInt(), b.getInt());
            case 4 -> new Struct(name, sizeOrType, flag, readMembers(b, st, vlen, flag));
            case 5 -> new Union(name, sizeOrType, flag, readMembers(b, st, vlen, flag));
            case 6 -> new BtfType.Enum(name, sizeOrType, flag, readEnum(b, st, vlen, false));
            case 7 -> new Fwd(name, flag);
            case 8 -> new Typedef(name, sizeOrType);
            case 9 -> new Volatile(sizeOrType);
            case 10 -> new BtfType.Const(sizeOrType);
            case 11 -> new Restrict(sizeOrType);
            case 12 -> new Func(name, sizeOrType, linkage(FuncLinkage.values(), vlen, id));
            case 13 -> new FuncProto(sizeOrType, readParams(b, st, vlen));
            case 14 -> new Var(name, sizeOrType, linkage(VarLinkage.values(), b.getInt(), id));
            case 15 -> new Datasec(name, sizeOrType, readSecinfo(b, vlen));
            case 16 -> new BtfType.Float(name, sizeOrType);
            case 17 -> new DeclTag(name, sizeOrType, b.getInt(), flag);
            case 18 -> new TypeTag(name, sizeOrType, flag);
            case 19 -> new Enum64(name, sizeOrType, flag, readEnum(b, st, vlen, true));
            default -> throw new BtfException("BTF type " + id + " has unknown kind " + kind);
        };
    }

    private static Int readInt(ByteBuffer b, String name, int size, int id) throws BtfException {
        int data = b.getInt();
        if ((data & 0xf000ff00) != 0) {
            throw new BtfException("BTF type " + id + ": reserved bits of INT data 0x" + Integer.toHexString(data) + " are set");
        }
        try {
            return new Int(name, size, data >>> 24 & 0x0f, data >>> 16 & 0xff, data & 0xff);
        } catch (IllegalArgumentException e) {
            throw new BtfException("BTF type " + id + ": " + e.getMessage());
        }
    }

    private static <E> E linkage(E[] values, int v, int id) throws BtfException {
        if (v < 0 || v >= values.length) {
            throw new BtfException("BTF type " + id + " has unknown linkage " + v);
        }
        return values[v];
    }

    private static List<Member> readMembers(ByteBuffer b, StringTable st, int n, boolean flag) throws BtfException {
        List<Member> out = new ArrayList<>(Math.min(n, b.remaining() / 12 + 1));
        for (int i = 0; i < n; i++) {
            String name = st.at(b.getInt());
            int type = b.getInt();
            int off = b.getInt();
            out.add(flag ? new Member(name, type, off & 0xffffff, off >>> 24) : new Member(name, type, off, 0));
        }
        return out;
    }

    private static List<EnumValue> readEnum(ByteBuffer b, StringTable st, int n, boolean wide) throws BtfException {
        List<EnumValue> out = new ArrayList<>(Math.min(n, b.remaining() / 8 + 1));
        for (int i = 0; i < n; i++) {
            String name = st.at(b.getInt());
            long v = wide ? Integer.toUnsignedLong(b.getInt()) | (long) b.getInt() << 32 : b.getInt();
            out.add(new EnumValue(name, v));
        }
        return out;
    }

    private static List<Param> readParams(ByteBuffer b, StringTable st, int n) throws BtfException {
        List<Param> out = new ArrayList<>(Math.min(n, b.remaining() / 8 + 1));
        for (int i = 0; i < n; i++) {
            out.add(new Param(st.at(b.getInt()), b.getInt()));
        }
        return out;
    }

    private static List<VarSecinfo> readSecinfo(ByteBuffer b, int n) {
        List<VarSecinfo> out = new ArrayList<>(Math.min(n, b.remaining() / 12 + 1));
        for (int i = 0; i < n; i++) {
            out.add(new VarSecinfo(b.getInt(), b.getInt(), b.getInt()));
        }
        return out;
    }
}
