/*
 * Header stacks, header unions, lookahead of more than 64 bits and advance by a run-time amount.
 * The parser copies the first 9 bytes into m (lookahead<bit<72>>), extracts s, skips s.skip bytes,
 * extracts one member of the union u (kind 1: a, kind 2: b) and then stack elements until one
 * holds 0 (a fifth is StackOutOfBounds, dropped). s.op picks what the control does, s.idx is a
 * run-time index into the stack.
 */
#include <core.p4>
#include <xdp_model.p4>

header m_t {
    bit<72> w;
}

header s_t {
    bit<8> idx;
    bit<8> op;
    bit<8> kind;
    bit<8> skip;
}

header b_t {
    bit<8> v;
}

header a_t {
    bit<8> x;
}

header c_t {
    bit<16> y;
}

header_union u_t {
    a_t a;
    c_t b;
}

struct headers_t {
    m_t m;
    s_t s;
    u_t u;
    b_t[4] st;
}

parser prs(packet_in p, out headers_t h) {
    state start {
        h.m.setValid();
        h.m.w = p.lookahead<bit<72>>();
        p.extract(h.s);
        p.advance((bit<32>) h.s.skip * 8);
        transition select(h.s.kind) {
            1: ua;
            2: ub;
            default: stack;
        }
    }
    state ua {
        p.extract(h.u.a);
        transition stack;
    }
    state ub {
        p.extract(h.u.b);
        transition stack;
    }
    state stack {
        p.extract(h.st.next);
        transition select(h.st.last.v) {
            0: accept;
            default: stack;
        }
    }
}

control pipe(inout headers_t h, in xdp_input i, out xdp_output o) {
    apply {
        o.output_port = 0;
        o.output_action = xdp_action.XDP_PASS;
        if (h.s.op == 1) {
            h.st[h.s.idx].v = 0xee;
        } else if (h.s.op == 2) {
            h.s.kind = h.st[h.s.idx].v;
        } else if (h.s.op == 3) {
            h.st.push_front(1);
            h.st[0].setValid();
            h.st[0].v = 0x55;
        } else if (h.s.op == 4) {
            h.st.pop_front(1);
        } else if (h.s.op == 5) {
            h.u.b.setValid();
            h.u.b.y = 0xbeef;
        } else if (h.s.op == 6) {
            h.st[h.s.idx].setInvalid();
        } else if (h.s.op == 7) {
            if (h.st[h.s.idx].isValid()) {
                h.s.kind = 0x77;
            }
        }
    }
}

control dprs(in headers_t h, packet_out p) {
    apply {
        p.emit(h.m);
        p.emit(h.s);
        p.emit(h.u);
        p.emit(h.st);
    }
}

xdp(prs(), pipe(), dprs()) main;
