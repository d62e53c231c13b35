package dev.p4ebpf.conformance.stf;

import dev.p4ebpf.ir.diag.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses p4c's STF test format into an {@link StfFile}.
 *
 * <p>STF is line-oriented: each non-blank line holds one command, its first word (in any case)
 * says which; {@code #} starts a comment. The commands are those of p4c's tools/stf grammar and
 * of its BMv2 runner (see {@link StfCommand}), plus two key forms p4c's grammar lacks but BMv2's
 * CLI knows: {@code value&&&mask} and {@code low..high}.
 *
 * <p>A bad line is reported and skipped, and parsing goes on, so that one run reports every
 * problem; if there was any, {@link StfException} carries them all, each as
 * {@code file:line:col: error: message}. At most {@value #MAX_ERRORS} are collected.
 */
public final class StfParser {
    /** Past this many errors the parser stops looking: the file is unlikely to be STF at all. */
    public static final int MAX_ERRORS = 100;

    private final String file;
    private final List<StfError> errors = new ArrayList<>();

    private StfParser(String file) {
        this.file = file;
    }

    /** Reads and parses the file; {@code path} as given is the name used in messages. */
    public static StfFile parse(Path path) throws StfException {
        String name = path.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw wholeFile(name, "cannot read " + name + ": " + describe(e));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw wholeFile(name, name + " is not an STF file: it is not UTF-8 text");
        }
        return parse(name, text);
    }

    /** Parses STF text; {@code name} is the file name used in messages and kept in the result. */
    public static StfFile parse(String name, String text) throws StfException {
        StfParser parser = new StfParser(name);
        List<StfCommand> commands = parser.lines(text.startsWith("\uFEFF") ? " " + text.substring(1) : text);
        if (!parser.errors.isEmpty()) {
            throw new StfException(parser.errors);
        }
        return new StfFile(name, commands);
    }

    private static StfException wholeFile(String name, String message) {
        return new StfException(List.of(new StfError(StfErrorKind.UNREADABLE, new Span(name, 0, 0, 0, 0), message)));
    }

    private static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file";
            case AccessDeniedException x -> "permission denied";
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }

    private List<StfCommand> lines(String text) {
        List<StfCommand> commands = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start <= text.length() && errors.size() < MAX_ERRORS) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            lineNumber++;
            try {
                line(lineNumber, text.substring(start, end)).ifPresent(commands::add);
            } catch (StfLineError e) {
                errors.add(new StfError(e.kind(), new Span(file, lineNumber, e.column(), lineNumber, e.endColumn()),
                        e.getMessage()));
            }
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        return commands;
    }

    /** The command on one line, or nothing for a blank or comment line. */
    private Optional<StfCommand> line(int lineNumber, String line) {
        int first = 0;
        while (first < line.length() && StfLexer.isBlank(line.charAt(first))) {
            first++;
        }
        if (first == line.length() || line.charAt(first) == '#') {
            return Optional.empty();
        }
        int end = first;
        while (end < line.length() && StfLexer.isNamePart(line.charAt(end))) {
            end++;
        }
        int wordEnd = end;
        int column = first + 1;
        if (wordEnd == first) {
            throw new StfLineError(StfErrorKind.UNKNOWN_COMMAND, first + 1, first + 1,
                    "expected a command, found " + StfLexer.show(line.charAt(first)));
        }
        String word = line.substring(first, wordEnd);
        StfKeyword keyword = StfKeyword.of(word).orElseThrow(() -> new StfLineError(StfErrorKind.UNKNOWN_COMMAND,
                column, wordEnd, "unknown command '" + word + "'; STF commands are " + StfKeyword.allWords()));
        return Optional.of(command(keyword, lineNumber, line, column, wordEnd));
    }

    private StfCommand command(StfKeyword keyword, int lineNumber, String line, int column, int rest) {
        CommandParser p = new CommandParser(() -> new TokenCursor(file, lineNumber, StfLexer.tokens(line, rest)),
                keyword, column);
        return switch (keyword) {
            case PACKET -> PacketLineParser.packet(file, lineNumber, line, rest, column);
            case EXPECT -> PacketLineParser.expect(file, lineNumber, line, rest, column);
            case NO_PACKET -> new StfCommand.NoPacket(p.end());
            case WAIT -> new StfCommand.Wait(p.end());
            case ADD -> p.add();
            case SETDEFAULT -> p.setDefault();
            case REMOVE -> p.remove();
            case CHECK_COUNTER -> p.checkCounter();
            case MIRRORING_ADD -> new StfCommand.MirroringAdd(p.number("a session"), p.number("a port"), p.end());
            case MIRRORING_ADD_MC -> new StfCommand.MirroringAddMc(p.number("a session"), p.number("a multicast group"),
                    p.end());
            case MIRRORING_DELETE -> new StfCommand.MirroringDelete(p.number("a session"), p.end());
            case MIRRORING_GET -> new StfCommand.MirroringGet(p.number("a session"), p.end());
            case MC_MGRP_CREATE -> new StfCommand.McMgrpCreate(p.number("a multicast group"), p.end());
            case MC_NODE_CREATE -> new StfCommand.McNodeCreate(p.number("a replication id"), p.numbers("a port"),
                    p.end());
            case MC_NODE_UPDATE -> new StfCommand.McNodeUpdate(p.number("a node handle"), p.numbers("a port"),
                    p.end());
            case MC_NODE_ASSOCIATE -> new StfCommand.McNodeAssociate(p.number("a multicast group"),
                    p.number("a node handle"), p.end());
            case COUNTER_READ -> new StfCommand.CounterRead(p.name("a counter name"), p.number("an index"), p.end());
            case COUNTER_WRITE -> new StfCommand.CounterWrite(p.name("a counter name"), p.number("an index"),
                    p.number("a packet count"), p.number("a byte count"), p.end());
            case REGISTER_READ -> new StfCommand.RegisterRead(p.name("a register name"), p.number("an index"),
                    p.end());
            case REGISTER_WRITE -> new StfCommand.RegisterWrite(p.name("a register name"), p.number("an index"),
                    p.number("a value"), p.end());
            case REGISTER_RESET -> new StfCommand.RegisterReset(p.name("a register name"), p.end());
            case METER_GET_RATES -> new StfCommand.MeterGetRates(p.name("a meter name"), p.number("an index"),
                    p.end());
            case METER_SET_RATES -> new StfCommand.MeterSetRates(p.name("a meter name"), p.number("an index"),
                    p.rates(), p.end());
            case METER_ARRAY_SET_RATES -> new StfCommand.MeterArraySetRates(p.name("a meter name"), p.rates(),
                    p.end());
        };
    }
}
