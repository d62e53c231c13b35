package dev.p4ebpf.conformance.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes xdp's deparser. Without {@link Feature#DEPARSER_REWRITE} it emits what the parser
 * extracted, in that order; with it, it may emit the headers in another order, add ones the parser
 * never extracts (the control makes them valid), leave some out, or emit the whole structure. The
 * headers emitted stay within {@value #MAX_EMIT_BYTES} bytes, which is what the eBPF backend can move.
 */
final class DeparserGen {
    static final String NAME = "Dep";
    static final int MAX_EMIT_BYTES = 256;

    private final Rand r;
    private final GeneratorOptions o;
    private final Layout layout;

    DeparserGen(Rand r, GeneratorOptions o, Layout layout) {
        this.r = r;
        this.o = o;
        this.layout = layout;
    }

    void write(Code c, List<HeaderSlot> extracted) {
        c.open("control " + NAME + "(in " + Layout.HEADERS + " " + ParserGen.ROOT + ", packet_out " + ParserGen.PACKET + ")");
        c.open("apply");
        int all = layout.slots().stream().mapToInt(HeaderSlot::bytes).sum();
        if (o.has(Feature.DEPARSER_REWRITE) && all <= MAX_EMIT_BYTES && r.chance(0.1)) {
            c.line(ParserGen.PACKET + ".emit(" + ParserGen.ROOT + ");");
        } else {
            int bytes = 0;
            for (HeaderSlot s : order(extracted)) {
                if (bytes + s.bytes() <= MAX_EMIT_BYTES) {
                    c.line(ParserGen.PACKET + ".emit(" + s.path(ParserGen.ROOT) + ");");
                    bytes += s.bytes();
                }
            }
        }
        c.close();
        c.close().blank();
    }

    private List<HeaderSlot> order(List<HeaderSlot> extracted) {
        if (!o.has(Feature.DEPARSER_REWRITE) || r.chance(0.4)) {
            return extracted;
        }
        var out = new ArrayList<HeaderSlot>();
        for (HeaderSlot s : r.shuffled(layout.slots())) {
            if (r.chance(0.8)) {
                out.add(s);
            }
        }
        return out;
    }
}
