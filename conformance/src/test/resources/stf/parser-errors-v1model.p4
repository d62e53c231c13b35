// Parser errors on v1model: a parser that stops with an error does not drop the packet; the
// headers extracted until then stay valid, standard_metadata.parser_error says which error, and
// the deparser appends what the parser did not consume. The tag's kind chooses a path:
// 0 accept, 1 a header stack of two items (StackOutOfBounds on a third), 2 a varbit of tag.len
// bits (HeaderTooShort above 16 bits, ParserInvalidArgument for a partial byte, PacketTooShort
// when the bytes are missing), 3 verify(tag.len == 0, error.BadTag), 4 a select on tag.len with
// no default (NoMatch), 5 transition reject (no error: BMv2 treats it as accept), anything else
// NoMatch. The ingress writes the error's code and the number of valid items into res.
#include <core.p4>
#include <v1model.p4>

error { BadTag }

header tag_t { bit<8> kind; bit<8> len; }
header item_t { bit<8> v; }
header var_t { varbit<16> data; }
header res_t { bit<8> code; bit<8> items; }

struct headers { tag_t tag; item_t[2] items; var_t var; res_t res; }
struct meta { }

parser P(packet_in b, out headers h, inout meta m, inout standard_metadata_t sm) {
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

control VC(inout headers h, inout meta m) { apply { } }

control I(inout headers h, inout meta m, inout standard_metadata_t sm) {
    apply {
        h.res.setValid();
        if (sm.parser_error == error.NoError) { h.res.code = 0; }
        else if (sm.parser_error == error.PacketTooShort) { h.res.code = 1; }
        else if (sm.parser_error == error.NoMatch) { h.res.code = 2; }
        else if (sm.parser_error == error.StackOutOfBounds) { h.res.code = 3; }
        else if (sm.parser_error == error.HeaderTooShort) { h.res.code = 4; }
        else if (sm.parser_error == error.ParserInvalidArgument) { h.res.code = 6; }
        else if (sm.parser_error == error.BadTag) { h.res.code = 8; }
        else { h.res.code = 0xFF; }
        h.res.items = (bit<8>) (bit<1>) h.items[0].isValid() + (bit<8>) (bit<1>) h.items[1].isValid();
        sm.egress_spec = 1;
    }
}

control E(inout headers h, inout meta m, inout standard_metadata_t sm) { apply { } }
control CC(inout headers h, inout meta m) { apply { } }

control D(packet_out b, in headers h) {
    apply { b.emit(h.tag); b.emit(h.items); b.emit(h.var); b.emit(h.res); }
}

V1Switch(P(), VC(), I(), E(), CC(), D()) main;
