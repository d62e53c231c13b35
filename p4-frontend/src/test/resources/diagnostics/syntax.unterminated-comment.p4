#include <core.p4>
/* this comment never ends
control c() { apply {} }
