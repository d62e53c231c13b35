package dev.p4ebpf.driver.testutil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Asks bpftool (when installed) what the kernel holds, to check that tests leave nothing behind. */
public final class Bpftool {
    private Bpftool() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/bpftool")) || Files.isExecutable(Path.of("/usr/bin/bpftool"));
    }

    public static JsonNode json(String... args) {
        List<String> command = new ArrayList<>(List.of("bpftool", "-j"));
        command.addAll(List.of(args));
        String out = TestNetwork.run(command);
        try {
            return JSON.readTree(out.isBlank() ? "[]" : out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("bpftool printed no JSON: " + out, e);
        }
    }

    /**
     * Polls {@code condition} for up to 2 s: the kernel frees programs detached from tc filters
     * after an RCU grace period, not at once.
     */
    public static boolean eventually(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Ids of every BPF link in the kernel (empty set when bpftool is absent). */
    public static Set<Integer> linkIds() {
        Set<Integer> ids = new TreeSet<>();
        if (available()) {
            json("link", "show").forEach(n -> ids.add(n.get("id").asInt()));
        }
        return ids;
    }

    /** Ids of every loaded program (empty set when bpftool is absent). */
    public static Set<Integer> progIds() {
        Set<Integer> ids = new TreeSet<>();
        if (available()) {
            json("prog", "show").forEach(n -> ids.add(n.get("id").asInt()));
        }
        return ids;
    }
}
