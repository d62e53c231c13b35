package dev.p4ebpf.ebpf.object;

import java.util.List;
import java.util.Optional;

/**
 * What an ELF program section name means, by libbpf's conventions ({@code section_defs} of
 * libbpf.c) for the sections p4ebpf reads and writes: {@code xdp}, {@code xdp.frags}, {@code tc},
 * {@code classifier}, {@code action}, {@code tc/ingress}, {@code tc/egress}, {@code tcx/ingress},
 * {@code tcx/egress}. Names match exactly, as libbpf 1.x requires ({@code xdp/devmap} and the
 * like are other attach types, not supported).
 *
 * @param progFlags {@code BPF_PROG_LOAD} {@code prog_flags}: {@link #XDP_HAS_FRAGS} for xdp.frags
 */
public record SectionDef(String name, ProgramType type, AttachType attachType, int progFlags) {

    /** {@code BPF_F_XDP_HAS_FRAGS}. */
    public static final int XDP_HAS_FRAGS = 1 << 5;

    private static final List<SectionDef> KNOWN = List.of(
            new SectionDef("xdp.frags", ProgramType.XDP, AttachType.XDP, XDP_HAS_FRAGS),
            new SectionDef("xdp", ProgramType.XDP, AttachType.XDP, 0),
            new SectionDef("tcx/ingress", ProgramType.SCHED_CLS, AttachType.TCX_INGRESS, 0),
            new SectionDef("tcx/egress", ProgramType.SCHED_CLS, AttachType.TCX_EGRESS, 0),
            new SectionDef("tc/ingress", ProgramType.SCHED_CLS, AttachType.TCX_INGRESS, 0),
            new SectionDef("tc/egress", ProgramType.SCHED_CLS, AttachType.TCX_EGRESS, 0),
            new SectionDef("tc", ProgramType.SCHED_CLS, AttachType.NONE, 0),
            new SectionDef("classifier", ProgramType.SCHED_CLS, AttachType.NONE, 0),
            new SectionDef("action", ProgramType.SCHED_ACT, AttachType.NONE, 0));

    /** The definition for a section name, if it is one p4ebpf knows. */
    public static Optional<SectionDef> of(String section) {
        for (SectionDef d : KNOWN) {
            if (section.equals(d.name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The section names p4ebpf knows, for error messages. */
    public static String known() {
        return String.join(", ", KNOWN.stream().map(SectionDef::name).toList());
    }
}
