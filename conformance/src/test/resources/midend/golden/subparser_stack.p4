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
parser prs(packet_in p, out headers_t h) {
    bit<8> n;
    mpls_t[3] labels_stack;
    bit<8> labels_depth;
    bool arg;
    bool arg_0;
    bool arg_1;
    state start {
        p.extract<ethernet_t>(h.eth);
        transition select(h.eth.type) {
            16w0x8847: mpls;
            default: accept;
        }
    }
    state mpls {
        labels_stack[32w0] = h.mpls[32w0];
        labels_stack[32w1] = h.mpls[32w1];
        labels_stack[32w2] = h.mpls[32w2];
        transition mp_start;
    }
    state mp_start {
        labels_depth = 8w0;
        transition mp_next_label;
    }
    state mp_next_label {
        p.extract<mpls_t>(labels_stack[32w0]);
        labels_depth = labels_depth + 8w1;
        transition select(labels_stack[32w0].bos) {
            1w0: mp_next_label_0;
            1w1: mpls_after_mp;
        }
    }
    state mp_next_label_0 {
        p.extract<mpls_t>(labels_stack[32w1]);
        labels_depth = labels_depth + 8w1;
        transition select(labels_stack[32w1].bos) {
            1w0: mp_next_label_1;
            1w1: mpls_after_mp_0;
        }
    }
    state mpls_after_mp {
        h.mpls[32w0] = labels_stack[32w0];
        h.mpls[32w1] = labels_stack[32w1];
        h.mpls[32w2] = labels_stack[32w2];
        n = labels_depth;
        arg = n <= 8w3;
        verify(arg, error.StackOutOfBounds);
        transition accept;
    }
    state mp_next_label_1 {
        p.extract<mpls_t>(labels_stack[32w2]);
        labels_depth = labels_depth + 8w1;
        transition select(labels_stack[32w2].bos) {
            1w0: mp_next_label_2;
            1w1: mpls_after_mp_1;
        }
    }
    state mpls_after_mp_0 {
        h.mpls[32w0] = labels_stack[32w0];
        h.mpls[32w1] = labels_stack[32w1];
        h.mpls[32w2] = labels_stack[32w2];
        n = labels_depth;
        arg_0 = n <= 8w3;
        verify(arg_0, error.StackOutOfBounds);
        transition accept;
    }
    state mp_next_label_2 {
        verify(false, error.StackOutOfBounds);
        transition reject;
    }
    state mpls_after_mp_1 {
        h.mpls[32w0] = labels_stack[32w0];
        h.mpls[32w1] = labels_stack[32w1];
        h.mpls[32w2] = labels_stack[32w2];
        n = labels_depth;
        arg_1 = n <= 8w3;
        verify(arg_1, error.StackOutOfBounds);
        transition accept;
    }
}
control pipe(inout headers_t h, out bool pass) {
    apply {
        pass = h.mpls[32w0].isValid() && h.mpls[32w0].ttl > 8w1;
    }
}
ebpfFilter<headers_t>(prs(), pipe()) main;
