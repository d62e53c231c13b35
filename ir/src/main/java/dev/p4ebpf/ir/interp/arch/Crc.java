package dev.p4ebpf.ir.interp.arch;

/**
 * A cyclic redundancy check of up to 64 bits, parameterized as in the Rocksoft model
 * (polynomial, initial value, reflection of input bytes and of the result, final XOR), computed
 * bit by bit.
 */
record Crc(int width, long polynomial, long initial, boolean reflectIn, boolean reflectOut, long finalXor) {

    /** CRC-16/ARC: what BMv2 calls crc16 (and the default of crc16_custom). */
    static final Crc CRC16 = new Crc(16, 0x8005, 0, true, true, 0);
    /** CRC-32 (IEEE 802.3): BMv2's crc32 (and the default of crc32_custom). */
    static final Crc CRC32 = new Crc(32, 0x04C11DB7L, 0xFFFFFFFFL, true, true, 0xFFFFFFFFL);

    long compute(byte[] data) {
        long top = 1L << (width - 1);
        long mask = width == 64 ? -1L : (1L << width) - 1;
        long reg = initial & mask;
        for (byte b : data) {
            int in = b & 0xff;
            if (reflectIn) {
                in = Integer.reverse(in) >>> 24;
            }
            reg ^= ((long) in) << (width - 8);
            for (int i = 0; i < 8; i++) {
                reg = (reg & top) != 0 ? ((reg << 1) ^ polynomial) : (reg << 1);
                reg &= mask;
            }
        }
        if (reflectOut) {
            reg = Long.reverse(reg) >>> (64 - width);
        }
        return (reg ^ finalXor) & mask;
    }
}
