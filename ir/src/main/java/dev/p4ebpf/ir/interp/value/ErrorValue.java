package dev.p4ebpf.ir.interp.value;

/** A member of the {@code error} type, by name ({@code NoError}, {@code PacketTooShort}, …). */
public record ErrorValue(String member) implements Value {
    public static final ErrorValue NO_ERROR = new ErrorValue("NoError");
    public static final ErrorValue PACKET_TOO_SHORT = new ErrorValue("PacketTooShort");
    public static final ErrorValue NO_MATCH = new ErrorValue("NoMatch");
    public static final ErrorValue STACK_OUT_OF_BOUNDS = new ErrorValue("StackOutOfBounds");
    public static final ErrorValue HEADER_TOO_SHORT = new ErrorValue("HeaderTooShort");
    public static final ErrorValue PARSER_INVALID_ARGUMENT = new ErrorValue("ParserInvalidArgument");

    @Override
    public Value copy() {
        return this;
    }

    @Override
    public String toString() {
        return "error." + member;
    }
}
