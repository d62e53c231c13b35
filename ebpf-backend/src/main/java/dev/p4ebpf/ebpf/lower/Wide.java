package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.lir.VReg;
import java.util.List;

/**
 * A value wider than 64 bits in registers: its 64-bit limbs, least significant first. Like narrow
 * values it is canonical: the bits of the top limb above {@code width} are zero (a signed value is
 * sign-extended only inside the operations that need it).
 */
record Wide(int width, List<VReg> limbs) {
    Wide {
        limbs = List.copyOf(limbs);
        if (limbs.size() != count(width)) {
            throw new IllegalArgumentException(width + " bits in " + limbs.size() + " limbs");
        }
    }

    /** Limbs of a {@code width}-bit value. */
    static int count(int width) {
        return (width + 63) / 64;
    }

    VReg limb(int i) {
        return limbs.get(i);
    }

    int size() {
        return limbs.size();
    }

    /** Bits used in the top limb (1 to 64). */
    int topBits() {
        return width - 64 * (limbs.size() - 1);
    }
}
