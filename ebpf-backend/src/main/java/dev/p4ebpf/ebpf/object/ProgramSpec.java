package dev.p4ebpf.ebpf.object;

/**
 * An entry point: a function in an ELF program section, with the program type, expected attach
 * type and load flags that the section name implies ({@link SectionDef}).
 *
 * @param section the ELF section name ({@code xdp}, {@code tc}, {@code tcx/ingress} …)
 * @param body    the program's instructions (its name is the program's name and global symbol)
 */
public record ProgramSpec(String section, ProgramType type, AttachType attachType, int progFlags, FuncSpec body) {

    public ProgramSpec {
        if (section == null || type == null || attachType == null || body == null) {
            throw new IllegalArgumentException("program spec fields must not be null");
        }
        if (section.equals(".text") || section.startsWith(".")) {
            throw new IllegalArgumentException("program " + body.name() + ": section '" + section
                    + "' is not a program section (use one of " + SectionDef.known() + ")");
        }
    }

    /** A program in {@code section}, typed as libbpf types that section. */
    public static ProgramSpec of(String section, FuncSpec body) {
        SectionDef def = SectionDef.of(section).orElseThrow(() -> new IllegalArgumentException(
                "program " + body.name() + ": unknown program section '" + section + "' (known: " + SectionDef.known() + ")"));
        return new ProgramSpec(section, def.type(), def.attachType(), def.progFlags(), body);
    }

    public String name() {
        return body.name();
    }
}
