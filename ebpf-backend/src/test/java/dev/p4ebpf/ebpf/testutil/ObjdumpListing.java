package dev.p4ebpf.ebpf.testutil;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instruction lines of one section of {@code llvm-objdump -d [-r]} output: symbol headers,
 * {@code slot: bytes text} lines and relocation lines, in the order printed.
 */
public record ObjdumpListing(String section, TreeMap<Integer, String> symbols, List<Line> lines) {

    /** One instruction as printed, with the relocation line under it if any. */
    public record Line(int slot, byte[] bytes, String text, String reloc) {
    }

    private static final Pattern SECTION = Pattern.compile("^Disassembly of section (.+):$");
    private static final Pattern SYMBOL = Pattern.compile("^([0-9a-f]{16}) <(.+)>:$");
    private static final Pattern INSN = Pattern.compile("^\\s*(\\d+):\\t([0-9a-f ]+)\\t(.*)$");
    private static final Pattern RELOC = Pattern.compile("^\\t\\t[0-9a-f]{16}:  (.*)$");

    /** All sections of an objdump output, in order. */
    public static List<ObjdumpListing> parse(String objdump) {
        List<ObjdumpListing> out = new ArrayList<>();
        ObjdumpListing cur = null;
        for (String line : objdump.split("\n")) {
            Matcher m;
            if ((m = SECTION.matcher(line)).matches()) {
                cur = new ObjdumpListing(m.group(1), new TreeMap<>(), new ArrayList<>());
                out.add(cur);
            } else if (cur == null) {
                continue;
            } else if ((m = SYMBOL.matcher(line)).matches()) {
                cur.symbols.put((int) (Long.parseLong(m.group(1), 16) / 8), m.group(2));
            } else if ((m = INSN.matcher(line)).matches()) {
                byte[] bytes = HexFormat.ofDelimiter(" ").parseHex(m.group(2).strip());
                cur.lines.add(new Line(Integer.parseInt(m.group(1)), bytes, m.group(3), null));
            } else if ((m = RELOC.matcher(line)).matches() && !cur.lines.isEmpty()) {
                Line last = cur.lines.removeLast();
                cur.lines.add(new Line(last.slot(), last.bytes(), last.text(), m.group(1)));
            }
        }
        return out;
    }

    public byte[] bytes() {
        int n = lines.stream().mapToInt(l -> l.bytes().length).sum();
        byte[] all = new byte[n];
        int at = 0;
        for (Line l : lines) {
            System.arraycopy(l.bytes(), 0, all, at, l.bytes().length);
            at += l.bytes().length;
        }
        return all;
    }

    /** Renders the listing in the form our disassembler prints (symbol headers, lines, relocations). */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Line l : lines) {
            String sym = symbols.get(l.slot());
            if (sym != null) {
                out.append(out.isEmpty() ? "" : "\n").append("%016x <%s>:\n".formatted(l.slot() * 8L, sym));
            }
            out.append("%8d:\t%s\t%s\n".formatted(l.slot(), HexFormat.ofDelimiter(" ").formatHex(l.bytes()), l.text()));
            if (l.reloc() != null) {
                out.append("\t\t%016x:  %s\n".formatted(l.slot() * 8L, l.reloc()));
            }
        }
        return out.toString();
    }
}
