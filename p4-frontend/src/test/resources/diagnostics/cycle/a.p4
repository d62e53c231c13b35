#include "b.p4"
