package dev.p4ebpf.ebpf.regalloc;

import java.util.List;

/**
 * A function needs more than the 512 bytes of stack the BPF verifier allows (its own slots plus the
 * allocator's spill slots). The message names the function, the size and the largest slots; the
 * compiler reports it as a diagnostic (the cure is to move locals into a per-CPU scratch map).
 */
public final class FrameTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String function;
    private final int bytes;

    public FrameTooLargeException(String function, int bytes, List<String> largest) {
        super(function + ": the stack frame needs " + bytes + " bytes but BPF allows " + FrameLayout.LIMIT
                + " (largest: " + String.join(", ", largest) + "); keep large headers or keys in a per-CPU"
                + " scratch map instead of on the stack");
        this.function = function;
        this.bytes = bytes;
    }

    public String function() {
        return function;
    }

    public int bytes() {
        return bytes;
    }
}
