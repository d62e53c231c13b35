package dev.p4ebpf.ebpf.btf;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .BTF.ext} wire format: a 32-byte header (magic, version 1, flags, hdr_len,
 * func_info_off/len, line_info_off/len, core_relo_off/len, offsets counted from the end of the
 * header), then for each kind of record its {@code rec_size} and per-section blocks
 * {@code {sec_name_off, num_info, records…}}. Record sizes: func_info 8, line_info 16, core_relo 16.
 * Instruction offsets on the wire are bytes; the model holds slot indices.
 */
public final class BtfExtCodec {
    private static final int HEADER = 32;
    public static final int FUNC_INFO_SIZE = 8;
    public static final int LINE_INFO_SIZE = 16;
    private static final int CORE_RELO_SIZE = 16;

    private BtfExtCodec() {
    }

    /** {@code .BTF} and {@code .BTF.ext} encoded together (they share one string table). */
    public record Encoded(byte[] btf, byte[] ext, StringTable strings) {
        public Encoded {
            btf = btf.clone();
            ext = ext.clone();
        }

        /** A copy of the {@code .BTF} bytes. */
        @Override
        public byte[] btf() {
            return btf.clone();
        }

        /** A copy of the {@code .BTF.ext} bytes (empty if there is no function or line info). */
        @Override
        public byte[] ext() {
            return ext.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Encoded e && java.util.Arrays.equals(btf, e.btf) && java.util.Arrays.equals(ext, e.ext);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(btf) * 31 + java.util.Arrays.hashCode(ext);
        }

        @Override
        public String toString() {
            return "Encoded[.BTF " + btf.length + " bytes, .BTF.ext " + ext.length + " bytes]";
        }
    }

    /** Encodes both sections; {@code ext} may be empty, then {@code ext()} is an empty array. */
    public static Encoded encode(Btf btf, BtfExt ext) {
        StringTable st = new StringTable();
        BtfCodec.addNames(btf, st);
        addStrings(ext, st);
        byte[] btfBytes = BtfCodec.encode(btf, st);
        return new Encoded(btfBytes, ext.isEmpty() ? new byte[0] : encodeExt(ext, st), st.frozen());
    }

    private static void addStrings(BtfExt ext, StringTable st) {
        ext.funcInfo().forEach(s -> st.add(s.name()));
        for (var s : ext.lineInfo()) {
            st.add(s.name());
            s.records().forEach(l -> {
                st.add(l.file());
                st.add(l.text());
            });
        }
        for (var s : ext.coreRelo()) {
            st.add(s.name());
            s.records().forEach(c -> st.add(c.accessString()));
        }
    }

    private static byte[] encodeExt(BtfExt ext, StringTable st) {
        int funcLen = blockLen(ext.funcInfo(), FUNC_INFO_SIZE);
        int lineLen = blockLen(ext.lineInfo(), LINE_INFO_SIZE);
        int coreLen = blockLen(ext.coreRelo(), CORE_RELO_SIZE);
        ByteBuffer b = ByteBuffer.allocate(HEADER + funcLen + lineLen + coreLen).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) BtfCodec.MAGIC).put((byte) 1).put((byte) 0).putInt(HEADER);
        b.putInt(0).putInt(funcLen).putInt(funcLen).putInt(lineLen).putInt(funcLen + lineLen).putInt(coreLen);
        if (funcLen > 0) {
            b.putInt(FUNC_INFO_SIZE);
            for (var s : ext.funcInfo()) {
                b.putInt(st.offsetOf(s.name())).putInt(s.records().size());
                s.records().forEach(f -> b.putInt(f.insn() * 8).putInt(f.typeId()));
            }
        }
        if (lineLen > 0) {
            b.putInt(LINE_INFO_SIZE);
            for (var s : ext.lineInfo()) {
                b.putInt(st.offsetOf(s.name())).putInt(s.records().size());
                s.records().forEach(l -> putLine(b, l, st, l.insn() * 8));
            }
        }
        if (coreLen > 0) {
            b.putInt(CORE_RELO_SIZE);
            for (var s : ext.coreRelo()) {
                b.putInt(st.offsetOf(s.name())).putInt(s.records().size());
                s.records().forEach(c -> b.putInt(c.insn() * 8).putInt(c.typeId())
                        .putInt(st.offsetOf(c.accessString())).putInt(c.kind()));
            }
        }
        return b.array();
    }

    private static void putLine(ByteBuffer b, BtfExt.LineInfo l, StringTable st, int insnOff) {
        b.putInt(insnOff).putInt(st.offsetOf(l.file())).putInt(st.offsetOf(l.text())).putInt(l.line() << 10 | l.column());
    }

    private static int blockLen(List<? extends BtfExt.Section<?>> secs, int recSize) {
        if (secs.isEmpty()) {
            return 0;
        }
        int n = 4;
        for (var s : secs) {
            n += 8 + recSize * s.records().size();
        }
        return n;
    }

    /** func_info as {@code BPF_PROG_LOAD} takes it: 8-byte records, instruction index + {@code base}. */
    public static byte[] kernelFuncInfo(List<BtfExt.FuncInfo> infos, int base) {
        ByteBuffer b = ByteBuffer.allocate(FUNC_INFO_SIZE * infos.size()).order(ByteOrder.LITTLE_ENDIAN);
        infos.forEach(f -> b.putInt(f.insn() + base).putInt(f.typeId()));
        return b.array();
    }

    /** line_info as {@code BPF_PROG_LOAD} takes it, string offsets into {@code strings} (the loaded BTF's). */
    public static byte[] kernelLineInfo(List<BtfExt.LineInfo> infos, StringTable strings, int base) {
        ByteBuffer b = ByteBuffer.allocate(LINE_INFO_SIZE * infos.size()).order(ByteOrder.LITTLE_ENDIAN);
        infos.forEach(l -> putLine(b, l, strings, l.insn() + base));
        return b.array();
    }

    /** Decodes {@code .BTF.ext}, resolving strings in the {@code .BTF} string table. */
    public static BtfExt decode(byte[] bytes, StringTable strings) throws BtfException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 24) {
            throw new BtfException(".BTF.ext is " + bytes.length + " bytes, shorter than its header");
        }
        if ((b.getShort(0) & 0xffff) != BtfCodec.MAGIC || b.get(2) != 1) {
            throw new BtfException(String.format(".BTF.ext magic/version 0x%04x/%d is not 0xeb9f/1",
                    b.getShort(0) & 0xffff, b.get(2)));
        }
        long hdrLen = Integer.toUnsignedLong(b.getInt(4));
        if (hdrLen < 24 || hdrLen > bytes.length) {
            throw new BtfException(".BTF.ext hdr_len " + hdrLen + " is outside 24.." + bytes.length);
        }
        var func = decodeBlock(block(bytes, hdrLen, b.getInt(8), b.getInt(12), "func_info"), FUNC_INFO_SIZE, strings,
                (r, st) -> new BtfExt.FuncInfo(insn(r.getInt()), r.getInt()));
        var line = decodeBlock(block(bytes, hdrLen, b.getInt(16), b.getInt(20), "line_info"), LINE_INFO_SIZE, strings,
                (r, st) -> lineInfo(r, st));
        List<BtfExt.Section<BtfExt.CoreRelo>> core = List.of();
        if (hdrLen >= HEADER) {
            core = decodeBlock(block(bytes, hdrLen, b.getInt(24), b.getInt(28), "core_relo"), CORE_RELO_SIZE, strings,
                    (r, st) -> new BtfExt.CoreRelo(insn(r.getInt()), r.getInt(), st.at(r.getInt()), r.getInt()));
        }
        return new BtfExt(func, line, core);
    }

    private static BtfExt.LineInfo lineInfo(ByteBuffer r, StringTable st) throws BtfException {
        int insn = insn(r.getInt());
        String file = st.at(r.getInt());
        String text = st.at(r.getInt());
        int lineCol = r.getInt();
        return new BtfExt.LineInfo(insn, file, text, lineCol >>> 10, lineCol & 0x3ff);
    }

    private static int insn(int byteOff) throws BtfException {
        if (byteOff < 0 || byteOff % 8 != 0) {
            throw new BtfException(".BTF.ext instruction offset " + Integer.toUnsignedString(byteOff)
                    + " is not a multiple of 8");
        }
        return byteOff / 8;
    }

    private static ByteBuffer block(byte[] bytes, long hdrLen, int off, int len, String what) throws BtfException {
        long start = hdrLen + Integer.toUnsignedLong(off);
        long end = start + Integer.toUnsignedLong(len);
        if (end > bytes.length) {
            throw new BtfException(".BTF.ext " + what + " [" + start + ", " + end + ") is outside the "
                    + bytes.length + "-byte section");
        }
        return ByteBuffer.wrap(bytes, (int) start, (int) (end - start)).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private interface RecordReader<T> {
        T read(ByteBuffer r, StringTable st) throws BtfException;
    }

    private static <T> List<BtfExt.Section<T>> decodeBlock(ByteBuffer b, int minSize, StringTable st,
                                                          RecordReader<T> reader) throws BtfException {
        List<BtfExt.Section<T>> out = new ArrayList<>();
        if (!b.hasRemaining()) {
            return out;
        }
        try {
            int recSize = b.getInt();
            if (recSize < minSize || recSize > 1024) {
                throw new BtfException(".BTF.ext record size " + recSize + " is not supported (expected " + minSize + ")");
            }
            while (b.hasRemaining()) {
                String name = st.at(b.getInt());
                long n = Integer.toUnsignedLong(b.getInt());
                if (n * recSize > b.remaining()) {
                    throw new BtfException(".BTF.ext section " + name + " claims " + n + " records, more than fit");
                }
                List<T> recs = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    ByteBuffer r = b.slice(b.position(), recSize).order(ByteOrder.LITTLE_ENDIAN);
                    recs.add(reader.read(r, st));
                    b.position(b.position() + recSize);
                }
                out.add(new BtfExt.Section<>(name, recs));
            }
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new BtfException(".BTF.ext record block is truncated");
        } catch (IllegalArgumentException e) {
            throw new BtfException(".BTF.ext: " + e.getMessage());
        }
        return out;
    }
}
