package dev.p4ebpf.ebpf.insn;

/** Calls as an assembler DSL: {@code Call.helper(Helper.MAP_LOOKUP_ELEM)}. */
public final class Call {
    private Call() {
    }

    /** {@code call helper}. */
    public static Insn.CallHelper helper(Helper helper) {
        return new Insn.CallHelper(helper.id(), Meta.NONE);
    }

    /** {@code call id} for a helper id this enum may not know. */
    public static Insn.CallHelper helper(int id) {
        return new Insn.CallHelper(id, Meta.NONE);
    }

    /** A BPF-to-BPF call of a label in the same block or a {@code .text} function by name. */
    public static Insn.CallLocal local(String function) {
        return new Insn.CallLocal(new Label(function), Meta.NONE);
    }

    /** A BPF-to-BPF call of a target. */
    public static Insn.CallLocal local(Target target) {
        return new Insn.CallLocal(target, Meta.NONE);
    }

    /** A kfunc call by vmlinux BTF id. */
    public static Insn.CallKfunc kfunc(int btfId) {
        return new Insn.CallKfunc(btfId, 0, Meta.NONE);
    }
}
