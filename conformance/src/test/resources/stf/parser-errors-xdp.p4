// Parser errors on xdp: a parser that rejects, with any error or none, drops the packet
// (XDP_DROP). An accepted packet goes through the switch, which sends it back (XDP_TX, out
// on the port it came in on), and the deparser, which writes the valid headers (with the
// switch's change of tag.kind to 0xEE) and then the bytes the parser did not consume. Same tag
// kinds as parser-errors-v1model.p4.
#include <core.p4>
#include <xdp_model.p4>

error { BadTag }

header tag_t { bit<8> kind; bit<8> len; }
header item_t { bit<8> v; }
header var_t { varbit<16> data; }

struct headers { tag_t tag; item_t[2] items; var_t var; }

parser P(packet_in b, out headers h) {
    state start {
        b.extract(h.tag);
        transition select(h.tag.kind) { 0: accept; 1: items; 2: var; 3: bad; 4: nomatch; 5: reject; }
    }
    state items {
        b.extract(h.items.next);
        transition select(h.items.last.v) { 0: accept; default: items; }
    }
    state var { b.extract(h.var, (bit<32>) h.tag.len); transition accept; }
    state bad { verify(h.tag.len == 0, error.BadTag); transition accept; }
    state nomatch { transition select(h.tag.len) { 1: accept; } }
}

control S(inout headers h, in xdp_input i, out xdp_output o) {
    apply {
        h.tag.kind = 0xEE;
        o.output_action = xdp_action.XDP_TX;
        o.output_port = 0;
    }
}

control D(in headers h, packet_out b) {
    apply { b.emit(h.tag); b.emit(h.items); b.emit(h.var); }
}

xdp(P(), S(), D()) main;
