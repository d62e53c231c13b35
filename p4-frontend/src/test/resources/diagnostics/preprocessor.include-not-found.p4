#include <core.p4>
#include "no_such_header.p4"
