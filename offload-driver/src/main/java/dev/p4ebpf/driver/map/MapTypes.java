package dev.p4ebpf.driver.map;

import dev.p4ebpf.driver.sys.Uapi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about map types: names for messages, per-CPU values, and the number of possible CPUs. */
public final class MapTypes {
    private MapTypes() {}

    private static volatile int possibleCpus;

    public static String name(int type) {
        return switch (type) {
            case Uapi.BPF_MAP_TYPE_HASH -> "hash";
            case Uapi.BPF_MAP_TYPE_ARRAY -> "array";
            case Uapi.BPF_MAP_TYPE_PROG_ARRAY -> "prog_array";
            case Uapi.BPF_MAP_TYPE_PERF_EVENT_ARRAY -> "perf_event_array";
            case Uapi.BPF_MAP_TYPE_PERCPU_HASH -> "percpu_hash";
            case Uapi.BPF_MAP_TYPE_PERCPU_ARRAY -> "percpu_array";
            case Uapi.BPF_MAP_TYPE_LRU_HASH -> "lru_hash";
            case Uapi.BPF_MAP_TYPE_LPM_TRIE -> "lpm_trie";
            case Uapi.BPF_MAP_TYPE_DEVMAP -> "devmap";
            case Uapi.BPF_MAP_TYPE_RINGBUF -> "ringbuf";
            default -> "map type " + type;
        };
    }

    public static boolean isPerCpu(int type) {
        return type == Uapi.BPF_MAP_TYPE_PERCPU_HASH || type == Uapi.BPF_MAP_TYPE_PERCPU_ARRAY;
    }

    public static boolean isArray(int type) {
        return type == Uapi.BPF_MAP_TYPE_ARRAY || type == Uapi.BPF_MAP_TYPE_PERCPU_ARRAY
                || type == Uapi.BPF_MAP_TYPE_PROG_ARRAY || type == Uapi.BPF_MAP_TYPE_DEVMAP;
    }

    /** The kernel's possible-CPU count, which sizes the values of per-CPU maps in user space. */
    public static int possibleCpus() {
        int n = possibleCpus;
        if (n == 0) {
            n = readPossibleCpus();
            possibleCpus = n;
        }
        return n;
    }

    private static int readPossibleCpus() {
        String text;
        try {
            text = Files.readString(Path.of("/sys/devices/system/cpu/possible")).trim();
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors();
        }
        int max = 0;
        for (String range : text.split(",")) {
            String[] ends = range.split("-");
            max = Math.max(max, Integer.parseInt(ends[ends.length - 1].trim()) + 1);
        }
        return max;
    }

    /** Bytes of a value as user space sees it: per-CPU maps hold one 8-byte-aligned slot per CPU. */
    public static int userValueSize(int type, int valueSize) {
        return isPerCpu(type) ? ((valueSize + 7) & ~7) * possibleCpus() : valueSize;
    }
}
