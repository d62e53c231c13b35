package dev.p4ebpf.ebpf.opt;

import java.util.List;

/** The backend's pass pipelines, as flat lists. */
public final class Pipelines {
    private Pipelines() {}

    /** What {@code p4ebpf compile} runs on every function. */
    public static Pipeline standard() {
        return new Pipeline(List.of());
    }
}
