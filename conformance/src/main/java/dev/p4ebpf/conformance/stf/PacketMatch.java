package dev.p4ebpf.conformance.stf;

import java.util.List;

/** The outcome of comparing a packet with an {@link ExpectPattern}. */
public sealed interface PacketMatch
        permits PacketMatch.Matches, PacketMatch.TooShort, PacketMatch.TooLong, PacketMatch.Differs {

    /** Whether the packet is what the pattern asks for. */
    default boolean matches() {
        return this instanceof Matches;
    }

    /** A one-line account of the outcome, for reports. */
    String describe();

    /** Every constrained nibble matched, and the length is acceptable. */
    record Matches() implements PacketMatch {
        @Override
        public String describe() {
            return "matches";
        }
    }

    /** The packet ends before the pattern does. */
    record TooShort(int expectedBytes, int actualBytes) implements PacketMatch {
        @Override
        public String describe() {
            return "packet too short: " + actualBytes + " bytes, the pattern needs " + expectedBytes;
        }
    }

    /** The pattern ends with {@code $} and the packet is longer. */
    record TooLong(int expectedBytes, int actualBytes) implements PacketMatch {
        @Override
        public String describe() {
            return "packet too long: " + actualBytes + " bytes, the pattern ends with $ after " + expectedBytes;
        }
    }

    /**
     * The length is acceptable but some constrained nibbles differ.
     *
     * @param nibbleOffsets every differing nibble, counted from the packet's start (nibble
     *                      {@code 2n} is the high half of byte {@code n})
     */
    record Differs(List<Integer> nibbleOffsets) implements PacketMatch {
        public Differs {
            nibbleOffsets = List.copyOf(nibbleOffsets);
            if (nibbleOffsets.isEmpty()) {
                throw new IllegalArgumentException("Differs needs at least one offset");
            }
        }

        /** The first differing byte. */
        public int firstByte() {
            return nibbleOffsets.getFirst() / 2;
        }

        @Override
        public String describe() {
            return nibbleOffsets.size() + " nibble(s) differ, the first in byte " + firstByte();
        }
    }
}
