#include <core.p4>
parser p(packet_in pkt) {
    state start {
        transition parse_ipv4;
    }
}
