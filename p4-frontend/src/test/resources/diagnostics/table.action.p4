#include <core.p4>
control c(inout bit<8> x) {
    action set(bit<8> v) { x = v; }
    table t {
        key = { x : exact; }
        actions = { NoAction; }
        default_action = set(1);
    }
    apply { t.apply(); }
}
