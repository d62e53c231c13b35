package dev.p4ebpf.conformance.stf;

import dev.p4ebpf.ir.diag.Span;
import java.util.Optional;

/**
 * Parses the rest of a {@code packet} or {@code expect} line: a decimal port, then packet data.
 * As in p4c's STF lexer the data is hex digits in groups of any size separated by blanks, joined
 * into one string; {@code expect} data may also have {@code *} for any nibble and a final
 * {@code $}. A {@code #} ends the data and starts a comment.
 */
final class PacketLineParser {
    /** The largest port: ports are at most 32-bit numbers on every target. */
    static final long MAX_PORT = 0xFFFF_FFFFL;

    private final String file;
    private final int lineNumber;
    private final String line;
    private int pos;

    private PacketLineParser(String file, int lineNumber, String line, int start) {
        this.file = file;
        this.lineNumber = lineNumber;
        this.line = line;
        this.pos = start;
    }

    static StfCommand.Packet packet(String file, int lineNumber, String line, int start, int keywordColumn) {
        PacketLineParser p = new PacketLineParser(file, lineNumber, line, start);
        long port = p.port("packet");
        int dataStart = p.skipBlanks();
        Data data = p.data(false);
        if (data.nibbles().isEmpty()) {
            throw new StfLineError(StfErrorKind.BAD_PACKET_DATA, dataStart + 1, dataStart + 1,
                    "a packet needs its bytes in hex: packet PORT HEX...");
        }
        if (data.nibbles().length() % 2 != 0) {
            throw oddLength(dataStart, data, "a packet is whole bytes");
        }
        return new StfCommand.Packet(port, data.nibbles(), p.lineSpan(keywordColumn, data.lastColumn()));
    }

    static StfCommand.Expect expect(String file, int lineNumber, String line, int start, int keywordColumn) {
        PacketLineParser p = new PacketLineParser(file, lineNumber, line, start);
        long port = p.port("expect");
        int portEnd = p.pos;
        int dataStart = p.skipBlanks();
        Data data = p.data(true);
        if (data.nibbles().isEmpty() && !data.exact()) {
            return new StfCommand.Expect(port, Optional.empty(), p.lineSpan(keywordColumn, portEnd));
        }
        if (data.exact() && data.nibbles().length() % 2 != 0) {
            throw oddLength(dataStart, data, "a packet ending in '$' is whole bytes");
        }
        ExpectPattern pattern = new ExpectPattern(data.nibbles(), data.exact());
        return new StfCommand.Expect(port, Optional.of(pattern), p.lineSpan(keywordColumn, data.lastColumn()));
    }

    private static StfLineError oddLength(int dataStart, Data data, String why) {
        return new StfLineError(StfErrorKind.ODD_PACKET_LENGTH, dataStart + 1, data.lastColumn(),
                "the data has " + data.nibbles().length() + " hex digits, an odd number; " + why
                        + ", so add or remove one digit");
    }

    /** The packet data: nibbles (upper case) and whether a '$' closed them. */
    private record Data(String nibbles, boolean exact, int lastColumn) {}

    private int skipBlanks() {
        while (pos < line.length() && StfLexer.isBlank(line.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private boolean atDataEnd() {
        return pos >= line.length() || line.charAt(pos) == '#';
    }

    private long port(String command) {
        int start = skipBlanks();
        while (pos < line.length() && !StfLexer.isBlank(line.charAt(pos)) && line.charAt(pos) != '#') {
            pos++;
        }
        String text = line.substring(start, pos);
        if (text.isEmpty()) {
            throw new StfLineError(StfErrorKind.BAD_PORT, start + 1, start + 1,
                    command + " needs a port: " + command + " PORT " + (command.equals("packet") ? "HEX..." : "[PATTERN]"));
        }
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new StfLineError(StfErrorKind.BAD_PORT, start + 1, pos,
                    "the port is a decimal number, found '" + text + "'");
        }
        if (text.length() > 10 || Long.parseLong(text) > MAX_PORT) {
            throw new StfLineError(StfErrorKind.BAD_PORT, start + 1, pos,
                    "port " + text + " is too large (the largest is " + MAX_PORT + ")");
        }
        return Long.parseLong(text);
    }

    private Data data(boolean isExpect) {
        StringBuilder nibbles = new StringBuilder();
        int last = pos;
        boolean exact = false;
        boolean chunkStart = true;
        for (; !atDataEnd(); pos++) {
            char c = line.charAt(pos);
            if (StfLexer.isBlank(c)) {
                chunkStart = true;
                continue;
            }
            if (exact) {
                throw badData("'$' ends the expected packet, nothing may follow it");
            }
            if (chunkStart && c == '0' && pos + 1 < line.length() && (line.charAt(pos + 1) | 0x20) == 'x') {
                throw new StfLineError(StfErrorKind.BAD_PACKET_DATA, pos + 1, pos + 2,
                        "packet data is plain hex digits; remove the '0x'");
            }
            chunkStart = false;
            last = pos + 1;
            if (Character.digit(c, 16) >= 0 && c < 0x80) {
                nibbles.append(Character.toUpperCase(c));
            } else if (c == '*' && isExpect) {
                nibbles.append('*');
            } else if (c == '$' && isExpect) {
                exact = true;
            } else if (c == '*' || c == '$') {
                throw badData("'" + c + "' is only allowed in expect lines");
            } else {
                throw badData(StfLexer.show(c) + " is not a hex digit"
                        + (isExpect ? " (expected data is hex digits, '*' for any nibble and a final '$')" : ""));
            }
        }
        return new Data(nibbles.toString(), exact, last);
    }

    private StfLineError badData(String message) {
        return new StfLineError(StfErrorKind.BAD_PACKET_DATA, pos + 1, pos + 1, message);
    }

    private Span lineSpan(int keywordColumn, int lastColumn) {
        return new Span(file, lineNumber, keywordColumn, lineNumber, lastColumn);
    }
}
