#include "a.p4"
