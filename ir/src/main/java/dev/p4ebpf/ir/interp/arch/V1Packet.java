package dev.p4ebpf.ir.interp.arch;

import java.util.function.Supplier;

/**
 * What the externs of one pass of a packet through ingress or egress asked the switch to do
 * afterwards: clone, resubmit, recirculate, truncate, drop; and what verify_checksum found.
 */
final class V1Packet {
    enum Stage { INGRESS, EGRESS }

    /** A clone request: the session and which metadata the copy keeps. */
    record Clone(int session, Preservation preserve) {}

    final Stage stage;
    final long length;
    /** The packet's bytes after the headers the parser consumed, for the *_with_payload checksums. */
    final Supplier<byte[]> payload;
    Clone clone;
    Preservation resubmit;
    Preservation recirculate;
    long truncate = -1;
    boolean checksumError;
    boolean drop;

    V1Packet(Stage stage, long length, Supplier<byte[]> payload) {
        this.stage = stage;
        this.length = length;
        this.payload = payload;
    }
}
