package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.object.MapSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code PROG_ARRAY}, the jump table of {@code bpf_tail_call}: each slot holds a program of the same
 * object, installed from the test side by name ({@link #setProgram}) where the driver would write a
 * program fd. Programs cannot read or change it.
 */
public final class ProgArray extends VmMap {
    private final String[] programs;

    ProgArray(MapSpec spec, Addresses addresses) throws VmException {
        super(spec, addresses);
        if (spec.keySize() != 4 || spec.valueSize() != 4) {
            throw invalid(spec, "a program array needs 4-byte keys and values");
        }
        programs = new String[spec.maxEntries()];
    }

    /** Installs (or with null removes) the program in slot {@code index}; the VM checks the name when tail-calling. */
    public void setProgram(int index, String programName) throws VmException {
        if (index < 0 || index >= programs.length) {
            throw failed("setting slot " + index, -Errno.E2BIG);
        }
        programs[index] = programName;
    }

    /** The program in a slot, if any. */
    public Optional<String> program(long index) {
        return index >= 0 && index < programs.length ? Optional.ofNullable(programs[(int) index]) : Optional.empty();
    }

    @Override
    public List<byte[]> keys() {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < programs.length; i++) {
            out.add(new byte[] {(byte) i, (byte) (i >>> 8), (byte) (i >>> 16), (byte) (i >>> 24)});
        }
        return out;
    }

    @Override
    Region lookupRegion(byte[] key) {
        throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, "programs cannot look up program array " + name());
    }

    @Override
    Region peekRegion(byte[] key) {
        return null;
    }

    @Override
    int updateElem(byte[] key, byte[] value, long flags) {
        throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, "programs cannot update program array " + name());
    }

    @Override
    int updateFromUser(byte[] key, byte[] value, long flags) {
        return -Errno.EINVAL;
    }

    @Override
    int deleteElem(byte[] key) {
        int i = u32(key);
        if (i < 0 || i >= programs.length) {
            return -Errno.E2BIG;
        }
        if (programs[i] == null) {
            return -Errno.ENOENT;
        }
        programs[i] = null;
        return 0;
    }
}
