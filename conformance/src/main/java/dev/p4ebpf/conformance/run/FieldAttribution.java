package dev.p4ebpf.conformance.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Names the header fields that differing nibbles of a packet belong to. */
final class FieldAttribution {
    private FieldAttribution() {}

    /**
     * The fields that cover the differing nibbles, in packet order; nibbles past the last field
     * are named by their byte in the payload.
     */
    static String describe(List<Integer> nibbles, List<TargetSession.FieldLocation> fields) {
        Set<String> names = new LinkedHashSet<>();
        long headerBits = fields.stream().mapToLong(f -> f.bitOffset() + f.width()).max().orElse(0);
        for (int n : nibbles) {
            long from = 4L * n;
            long to = from + 4;
            boolean found = false;
            for (TargetSession.FieldLocation f : fields) {
                if (f.bitOffset() < to && from < f.bitOffset() + f.width()) {
                    names.add(f.name());
                    found = true;
                }
            }
            if (!found) {
                names.add(from >= headerBits ? "payload byte " + ((from - headerBits) / 8)
                        : "byte " + (from / 8));
            }
        }
        List<String> out = new ArrayList<>(names);
        return String.join(", ", out);
    }
}
