#include <core.p4>
control c() {
    apply { $ }
}
