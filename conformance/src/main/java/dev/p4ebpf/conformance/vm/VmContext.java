package dev.p4ebpf.conformance.vm;

/**
 * The context a program's r1 points to ({@code xdp_md} or {@code __sk_buff}) together with the packet
 * it describes. Field loads and stores are checked as the verifier checks them: an offset that is not
 * a field, a size the field does not allow, or a write to a read-only field is a fault.
 */
sealed interface VmContext permits XdpContext, SkbContext {

    /** Loads a field into register {@code dst} (a pointer for the data fields). */
    void load(Machine m, int dst, long off, int size, boolean signExtend);

    /** Stores into a writable field. */
    void store(long off, int size, long value);

    PacketBuffer packet();

    /** The packet as the kernel's test run copies it out after the program ran. */
    byte[] outputPacket();

    /** The context as the test run copies it out ({@code ctx_out}). */
    byte[] contextOut();

    static Trap badField(String ctx, long off, int size, String why) {
        return new Trap(VmFault.INVALID_CONTEXT_ACCESS, "invalid access to " + ctx + " at offset " + off + " with size "
                + size + ": " + why);
    }
}
