package dev.p4ebpf.cli;

/** Entry point of the {@code p4ebpf} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("p4ebpf");
    }
}
