package dev.p4ebpf.driver.link;

/** A network interface in the calling thread's network namespace. */
public record Target(int ifindex, String name) {
    @Override
    public String toString() {
        return name + " (ifindex " + ifindex + ")";
    }
}
