// a.p4 and b.p4 include each other without include guards.
#include "cycle/a.p4"
