// v1model's hash and checksum externs with BMv2's algorithms: crc32, crc32_custom, crc16,
// crc16_custom, csum16, xor16 and identity over a field list, base + (hash mod max), fields of
// invalid headers left out of a list; verify_checksum setting checksum_error, update_checksum
// and update_checksum_with_payload (over the fields and then the bytes after the headers).
#include <core.p4>
#include <v1model.p4>

header d_t { bit<16> x; bit<8> y; }
header inv_t { bit<8> z; }
header ip_t { bit<16> w0; bit<16> w1; bit<16> ck; }
header res_t {
    bit<32> crc32; bit<32> crc32c; bit<16> crc16; bit<16> crc16c; bit<16> csum; bit<16> xor;
    bit<32> ident; bit<16> mod; bit<16> skip; bit<8> ckerr;
}

struct headers { d_t d; inv_t inv; ip_t ip; res_t res; }
struct meta { }

parser P(packet_in b, out headers h, inout meta m, inout standard_metadata_t sm) {
    state start { b.extract(h.d); b.extract(h.ip); transition accept; }
}

control VC(inout headers h, inout meta m) {
    apply { verify_checksum(true, { h.ip.w0, h.ip.w1 }, h.ip.ck, HashAlgorithm.csum16); }
}

control I(inout headers h, inout meta m, inout standard_metadata_t sm) {
    apply {
        h.res.setValid();
        hash(h.res.crc32, HashAlgorithm.crc32, 32w0, { h.d.x, h.d.y }, 64w0x100000000);
        hash(h.res.crc32c, HashAlgorithm.crc32_custom, 32w0, { h.d.x, h.d.y }, 64w0x100000000);
        hash(h.res.crc16, HashAlgorithm.crc16, 16w0, { h.d.x, h.d.y }, 32w65536);
        hash(h.res.crc16c, HashAlgorithm.crc16_custom, 16w0, { h.d.x, h.d.y }, 32w65536);
        hash(h.res.csum, HashAlgorithm.csum16, 16w0, { h.d.x, h.d.y }, 32w65536);
        hash(h.res.xor, HashAlgorithm.xor16, 16w0, { h.d.x, h.d.y }, 32w65536);
        hash(h.res.ident, HashAlgorithm.identity, 32w0, { h.d.x, h.d.y }, 64w0x100000000);
        hash(h.res.mod, HashAlgorithm.crc16, 16w100, { h.d.x, h.d.y }, 32w1000);
        hash(h.res.skip, HashAlgorithm.crc16, 16w0, { h.d.x, h.inv.z, h.d.y }, 32w65536);
        h.res.ckerr = (bit<8>) sm.checksum_error;
        sm.egress_spec = 1;
    }
}

control E(inout headers h, inout meta m, inout standard_metadata_t sm) { apply { } }

control CC(inout headers h, inout meta m) {
    apply {
        update_checksum(h.ip.w0 == 0xFFFF, { h.ip.w0, h.ip.w1 }, h.ip.ck, HashAlgorithm.csum16);
        update_checksum_with_payload(h.ip.w0 == 0xEEEE, { h.ip.w0, h.ip.w1 }, h.ip.ck, HashAlgorithm.csum16);
    }
}

control D(packet_out b, in headers h) { apply { b.emit(h.d); b.emit(h.ip); b.emit(h.res); } }

V1Switch(P(), VC(), I(), E(), CC(), D()) main;
