// bmv2/psa.p4 as bundled with p4ebpf.
//
// p4c keeps the PSA declarations for BMv2's psa_switch under this name, and many programs
// include it by it. Our psa.p4 already has BMv2's widths, so this name only forwards to it
// (its include guard __PSA_P4__ makes including both harmless).

#include <psa.p4>
