package dev.p4ebpf.driver.sys;

import java.util.Map;

/**
 * The bpf(2) system call: {@code syscall(SYS_bpf, cmd, &attr, sizeof attr)}. Commands that return
 * a new descriptor are wrapped in an {@link Fd} at once, so no descriptor is ever unowned.
 */
public final class Bpf {
    private Bpf() {}

    private static final Map<Integer, String> COMMANDS = Map.ofEntries(
            Map.entry(Uapi.BPF_MAP_CREATE, "BPF_MAP_CREATE"), Map.entry(Uapi.BPF_MAP_LOOKUP_ELEM, "BPF_MAP_LOOKUP_ELEM"),
            Map.entry(Uapi.BPF_MAP_UPDATE_ELEM, "BPF_MAP_UPDATE_ELEM"),
            Map.entry(Uapi.BPF_MAP_DELETE_ELEM, "BPF_MAP_DELETE_ELEM"),
            Map.entry(Uapi.BPF_MAP_GET_NEXT_KEY, "BPF_MAP_GET_NEXT_KEY"), Map.entry(Uapi.BPF_PROG_LOAD, "BPF_PROG_LOAD"),
            Map.entry(Uapi.BPF_OBJ_PIN, "BPF_OBJ_PIN"), Map.entry(Uapi.BPF_OBJ_GET, "BPF_OBJ_GET"),
            Map.entry(Uapi.BPF_PROG_TEST_RUN, "BPF_PROG_TEST_RUN"),
            Map.entry(Uapi.BPF_PROG_GET_FD_BY_ID, "BPF_PROG_GET_FD_BY_ID"),
            Map.entry(Uapi.BPF_MAP_GET_FD_BY_ID, "BPF_MAP_GET_FD_BY_ID"),
            Map.entry(Uapi.BPF_OBJ_GET_INFO_BY_FD, "BPF_OBJ_GET_INFO_BY_FD"), Map.entry(Uapi.BPF_BTF_LOAD, "BPF_BTF_LOAD"),
            Map.entry(Uapi.BPF_MAP_LOOKUP_BATCH, "BPF_MAP_LOOKUP_BATCH"),
            Map.entry(Uapi.BPF_MAP_UPDATE_BATCH, "BPF_MAP_UPDATE_BATCH"),
            Map.entry(Uapi.BPF_MAP_DELETE_BATCH, "BPF_MAP_DELETE_BATCH"),
            Map.entry(Uapi.BPF_LINK_CREATE, "BPF_LINK_CREATE"), Map.entry(Uapi.BPF_LINK_UPDATE, "BPF_LINK_UPDATE"),
            Map.entry(Uapi.BPF_LINK_GET_FD_BY_ID, "BPF_LINK_GET_FD_BY_ID"),
            Map.entry(Uapi.BPF_LINK_DETACH, "BPF_LINK_DETACH"));

    public static String commandName(int cmd) {
        return COMMANDS.getOrDefault(cmd, "bpf command " + cmd);
    }

    /** Runs a command and returns the kernel's non-negative result. */
    public static int call(int cmd, Attr attr) throws SyscallException {
        return (int) Native.syscall("bpf(" + commandName(cmd) + ")", Uapi.SYS_BPF, cmd, attr.segment(),
                Uapi.BPF_ATTR_SIZE);
    }

    /** Runs a command that returns a new descriptor and gives it an owner. */
    public static Fd callForFd(int cmd, Attr attr, String what) throws SyscallException {
        return new Fd(call(cmd, attr), what);
    }
}
