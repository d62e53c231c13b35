// Sub-parsers and header stack loops: a sub-parser extracting MPLS labels in a loop into a
// stack it gets inout, applied from a state that goes on afterwards.
#include <core.p4>
#include <ebpf_model.p4>

header ethernet_t {
    bit<48> dst;
    bit<48> src;
    bit<16> type;
}

header mpls_t {
    bit<20> label;
    bit<3> tc;
    bit<1> bos;
    bit<8> ttl;
}

struct headers_t {
    ethernet_t eth;
    mpls_t[3] mpls;
}

parser labels(packet_in p, inout mpls_t[3] stack, out bit<8> depth) {
    state start {
        depth = 0;
        transition next_label;
    }
    state next_label {
        p.extract(stack.next);
        depth = depth + 1;
        transition select(stack.last.bos) {
            0: next_label;
            1: accept;
        }
    }
}

parser prs(packet_in p, out headers_t h) {
    labels() mp;
    bit<8> n;
    state start {
        p.extract(h.eth);
        transition select(h.eth.type) {
            0x8847: mpls;
            default: accept;
        }
    }
    state mpls {
        mp.apply(p, h.mpls, n);
        verify(n <= 3, error.StackOutOfBounds);
        transition accept;
    }
}

control pipe(inout headers_t h, out bool pass) {
    apply {
        pass = h.mpls[0].isValid() && h.mpls[0].ttl > 1;
    }
}

ebpfFilter(prs(), pipe()) main;
