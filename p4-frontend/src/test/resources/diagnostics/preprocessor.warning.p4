// #warning is reported and compilation goes on.
#warning experimental program
#include <core.p4>
control c() { apply {} }
control ct();
package top(ct _c);
top(c()) main;
