#include <core.p4>
control c() {
    table t { actions = { NoAction; } }
    action run() { t.apply(); }
    apply {}
}
