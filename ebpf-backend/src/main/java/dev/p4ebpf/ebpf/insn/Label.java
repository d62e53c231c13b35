package dev.p4ebpf.ebpf.insn;

/**
 * A symbolic position in a {@link Code} block. Jumps name a label bound in the same block; a call
 * or function-pointer load naming a label the block does not bind refers to a function symbol
 * elsewhere in the object (a {@code .text} subprogram) and becomes a relocation when encoded.
 */
public record Label(String name) implements Target {

    public Label {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a label needs a name");
        }
    }

    public static Label of(String name) {
        return new Label(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
