package dev.p4ebpf.driver.testutil;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A test-only encoder of the few eBPF instructions the driver's tests need, written from the
 * instruction format (opcode, dst:4|src:4, off:16, imm:32, little-endian). The project's real
 * assembler lives in ebpf-backend; this exists so the driver can be tested on its own.
 */
public final class Insns {
    public static final int R0 = 0, R1 = 1, R2 = 2, R3 = 3, R4 = 4, R5 = 5, R6 = 6, R10 = 10;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static Insns program() {
        return new Insns();
    }

    private Insns raw(int opcode, int dst, int src, int off, int imm) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) opcode).put((byte) ((src << 4) | dst)).putShort((short) off).putInt(imm);
        out.writeBytes(b.array());
        return this;
    }

    /** dst = imm (64-bit). */
    public Insns movImm(int dst, int imm) {
        return raw(0xb7, dst, 0, 0, imm);
    }

    /** dst = src (64-bit). */
    public Insns mov(int dst, int src) {
        return raw(0xbf, dst, src, 0, 0);
    }

    public Insns addImm(int dst, int imm) {
        return raw(0x07, dst, 0, 0, imm);
    }

    /** dst = *(u32 *)(src + off). */
    public Insns ldxW(int dst, int src, int off) {
        return raw(0x61, dst, src, off, 0);
    }

    /** dst = *(u64 *)(src + off). */
    public Insns ldxDw(int dst, int src, int off) {
        return raw(0x79, dst, src, off, 0);
    }

    /** *(u32 *)(dst + off) = imm. */
    public Insns stW(int dst, int off, int imm) {
        return raw(0x62, dst, 0, off, imm);
    }

    /** *(u64 *)(dst + off) = src. */
    public Insns stxDw(int dst, int off, int src) {
        return raw(0x7b, dst, src, off, 0);
    }

    /** lock *(u64 *)(dst + off) += src. */
    public Insns atomicAddDw(int dst, int off, int src) {
        return raw(0xdb, dst, src, off, 0);
    }

    /** dst = map (LD_IMM64 with BPF_PSEUDO_MAP_FD). */
    public Insns ldMapFd(int dst, int fd) {
        raw(0x18, dst, 1, 0, fd);
        return raw(0, 0, 0, 0, 0);
    }

    /** if dst == imm goto +off. */
    public Insns jeqImm(int dst, int imm, int off) {
        return raw(0x15, dst, 0, off, imm);
    }

    /** if dst > src goto +off (unsigned). */
    public Insns jgt(int dst, int src, int off) {
        return raw(0x2d, dst, src, off, 0);
    }

    public Insns ja(int off) {
        return raw(0x05, 0, 0, off, 0);
    }

    public Insns call(int helper) {
        return raw(0x85, 0, 0, 0, helper);
    }

    public Insns exit() {
        return raw(0x95, 0, 0, 0, 0);
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    /** A program that returns {@code verdict}. */
    public static byte[] returning(int verdict) {
        return program().movImm(R0, verdict).exit().bytes();
    }

    /**
     * A program that adds 1 to the u64 at key 0 of the array map {@code counterFd} and returns
     * {@code verdict}.
     */
    public static byte[] countingThenReturning(int counterFd, int verdict) {
        return program()
                .stW(R10, -4, 0)
                .mov(R2, R10).addImm(R2, -4)
                .ldMapFd(R1, counterFd)
                .call(1) // bpf_map_lookup_elem
                .jeqImm(R0, 0, 2)
                .movImm(R1, 1)
                .atomicAddDw(R0, 0, R1)
                .movImm(R0, verdict)
                .exit()
                .bytes();
    }
}
