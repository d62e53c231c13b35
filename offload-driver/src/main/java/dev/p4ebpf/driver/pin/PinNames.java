package dev.p4ebpf.driver.pin;

/**
 * File names on the bpf file system, which refuses names containing a dot (EPERM): interface
 * names like {@code eth0.100} and map names like {@code .rodata} are written with {@code %2e} for
 * a dot (and {@code %25} for a percent sign) and read back.
 */
public final class PinNames {
    private PinNames() {}

    public static String encode(String name) {
        return name.replace("%", "%25").replace(".", "%2e");
    }

    public static String decode(String name) {
        return name.replace("%2e", ".").replace("%25", "%");
    }
}
