// Parser errors on ebpfFilter: a parser that rejects, with any error or none, drops the
// packet; a packet the parser accepts reaches the filter, which passes it unchanged, exactly as
// it came (ebpfFilter has no deparser: what the filter writes into the headers is not sent).
// Same tag kinds as parser-errors-v1model.p4.
#include <core.p4>
#include <ebpf_model.p4>

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

control F(inout headers h, out bool accept) {
    apply {
        h.tag.kind = 0xEE;
        accept = true;
    }
}

ebpfFilter(P(), F()) main;
