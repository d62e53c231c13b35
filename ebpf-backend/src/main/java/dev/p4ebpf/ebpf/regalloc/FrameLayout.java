package dev.p4ebpf.ebpf.regalloc;

import dev.p4ebpf.ebpf.lir.StackSlot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each stack slot lives: a negative offset from the frame pointer r10, aligned to the slot's
 * alignment. Slots are placed from the most aligned down (then largest first), which wastes no
 * padding for power-of-two sizes.
 *
 * @param offsets slot id → offset of the slot's first byte from r10 (negative)
 * @param size    bytes of stack used, at most {@link #LIMIT}
 */
public record FrameLayout(Map<Integer, Integer> offsets, int size) {
    /** The verifier's stack limit for one frame. */
    public static final int LIMIT = 512;

    public FrameLayout {
        offsets = Map.copyOf(offsets);
    }

    /**
     * Lays {@code slots} out.
     *
     * @throws FrameTooLargeException when they need more than {@link #LIMIT} bytes
     */
    public static FrameLayout of(String function, List<StackSlot> slots) {
        List<StackSlot> order = new ArrayList<>(slots);
        order.sort(Comparator.comparingInt(StackSlot::align).reversed()
                .thenComparing(Comparator.comparingInt(StackSlot::size).reversed())
                .thenComparingInt(StackSlot::id));
        Map<Integer, Integer> at = new HashMap<>();
        int end = 0;
        for (StackSlot s : order) {
            int top = end + s.size();
            top = (top + s.align() - 1) & -s.align();
            at.put(s.id(), -top);
            end = top;
        }
        if (end > LIMIT) {
            List<String> largest = order.stream().sorted(Comparator.comparingInt(StackSlot::size).reversed())
                    .limit(3).map(s -> s + " (" + s.size() + " bytes)").toList();
            throw new FrameTooLargeException(function, end, largest);
        }
        return new FrameLayout(at, end);
    }

    /** The offset from r10 of byte {@code offset} of {@code slot}. */
    public int offset(StackSlot slot, int offset) {
        Integer base = offsets.get(slot.id());
        if (base == null) {
            throw new IllegalArgumentException("stack slot " + slot + " is not in this frame");
        }
        return base + offset;
    }
}
