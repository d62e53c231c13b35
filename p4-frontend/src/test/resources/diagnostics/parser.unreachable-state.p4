#include <core.p4>
parser p(packet_in pkt) {
    state start {
        transition accept;
    }
    state orphan {
        transition accept;
    }
}
parser pt(packet_in pkt);
package top(pt _p);
top(p()) main;
