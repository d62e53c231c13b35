package dev.p4ebpf.conformance.vm;

/**
 * The VM's deterministic clock behind {@code bpf_ktime_get_ns} and its boot, coarse and TAI variants:
 * it reads {@link #now()} and then moves on by {@link #step()} nanoseconds. The test side sets both.
 */
public final class VmClock {
    private long now = 1_000_000_000L;
    private long step;

    public long now() {
        return now;
    }

    public long step() {
        return step;
    }

    public void set(long nanos) {
        now = nanos;
    }

    public void advance(long nanos) {
        now += nanos;
    }

    /** How far each reading moves the clock on (0: time stands still within a run). */
    public void setStep(long nanos) {
        step = nanos;
    }

    long read() {
        long t = now;
        now += step;
        return t;
    }
}
