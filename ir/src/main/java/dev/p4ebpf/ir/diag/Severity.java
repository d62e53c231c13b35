package dev.p4ebpf.ir.diag;

/** How bad a diagnostic is. Errors stop compilation at the next phase boundary. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTE("note");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word printed after the location: {@code error}, {@code warning}, {@code note}. */
    public String label() {
        return label;
    }
}
