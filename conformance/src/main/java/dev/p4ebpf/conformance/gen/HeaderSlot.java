package dev.p4ebpf.conformance.gen;

import java.util.ArrayList;
import java.util.List;

/** A member of the headers structure: one header, or a stack of {@code stackSize} headers. */
record HeaderSlot(String name, HeaderType type, int stackSize) {
    boolean isStack() {
        return stackSize > 0;
    }

    /** The P4 text of each header this slot holds, under the headers parameter {@code root}. */
    List<String> headers(String root) {
        if (!isStack()) {
            return List.of(root + "." + name);
        }
        var out = new ArrayList<String>();
        for (int i = 0; i < stackSize; i++) {
            out.add(root + "." + name + "[" + i + "]");
        }
        return out;
    }

    String path(String root) {
        return root + "." + name;
    }

    int bytes() {
        return type.bytes() * Math.max(1, stackSize);
    }
}
