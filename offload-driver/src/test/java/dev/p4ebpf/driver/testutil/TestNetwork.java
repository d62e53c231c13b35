package dev.p4ebpf.driver.testutil;

import dev.p4ebpf.driver.link.Attacher;
import dev.p4ebpf.driver.link.Target;
import dev.p4ebpf.driver.netns.NetnsExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace made for one test class, with veth pairs in it: {@code p4a}↔{@code p4b}
 * (p4b has 192.0.2.2/24; p4a has no address, so that ARP requests "from" 192.0.2.1 sent there
 * are not martians to p4b) and {@code p4c}↔{@code p4d}. IPv6 is off so the links
 * carry only the tests' frames. {@link #close} deletes the namespace, which removes the veths and
 * every attachment on them, also when a test failed.
 */
public final class TestNetwork implements AutoCloseable {
    public static final String MAC_A = "02:00:00:00:00:0a", MAC_B = "02:00:00:00:00:0b", MAC_C = "02:00:00:00:00:0c",
            MAC_D = "02:00:00:00:00:0d";
    public static final byte[] IP_A = {(byte) 192, 0, 2, 1}, IP_B = {(byte) 192, 0, 2, 2};

    private final String name;
    private final NetnsExecutor ns;

    private TestNetwork(String name, NetnsExecutor ns) {
        this.name = name;
        this.ns = ns;
    }

    public static TestNetwork create() {
        String name = "p4t-" + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1 << 20);
        ip("netns", "add", name);
        try {
            // /proc/sys/net is per network namespace: written from inside it (no procps needed).
            execIn(name, "sh", "-c", "echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6;"
                    + " echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6");
            ip("-n", name, "link", "add", "p4a", "address", MAC_A, "type", "veth", "peer", "name", "p4b", "address",
                    MAC_B);
            ip("-n", name, "link", "add", "p4c", "address", MAC_C, "type", "veth", "peer", "name", "p4d", "address",
                    MAC_D);
            ip("-n", name, "addr", "add", "192.0.2.2/24", "dev", "p4b");
            for (String dev : List.of("lo", "p4a", "p4b", "p4c", "p4d")) {
                ip("-n", name, "link", "set", dev, "up");
            }
            return new TestNetwork(name, NetnsExecutor.enter(Path.of("/run/netns", name)));
        } catch (RuntimeException | Error e) {
            ip("netns", "del", name);
            throw e;
        }
    }

    public String name() {
        return name;
    }

    public NetnsExecutor ns() {
        return ns;
    }

    public Target target(String dev) {
        return ns.call(() -> Attacher.target(dev));
    }

    /** Runs {@code ip ARGS...}; throws with its output when it fails. */
    public static String ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        return run(command);
    }

    public static String execIn(String ns, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        command.addAll(List.of(args));
        return run(command);
    }

    public String exec(String... args) {
        return execIn(name, args);
    }

    public static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 30 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        ns.close();
        ip("netns", "del", name);
    }
}
