package dev.p4ebpf.conformance.vm;

/** Hands out the fake kernel addresses of regions, in creation order, so that runs are reproducible. */
final class Addresses {
    private long next = 1;

    long next() {
        return Region.address(next++);
    }
}
