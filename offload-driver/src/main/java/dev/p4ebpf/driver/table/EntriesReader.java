package dev.p4ebpf.driver.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an entries file (the format of {@link EntriesFile}) one entry at a time with Jackson's
 * streaming parser, so that a bulk load of millions of entries never holds the file as a tree
 * of objects. The {@code defaults} are collected whole (there are few); they may come before or
 * after the {@code entries}. A mistake is a {@link Kind#BAD_INPUT} failure naming the file, the
 * JSON path ({@code $.entries[3].priority}) and the line and column.
 */
final class EntriesReader implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private enum State { START, TOP, ENTRIES, END }

    private final JsonParser json;
    private final String source;
    private final List<DefaultSpec> defaults = new ArrayList<>();
    private State state = State.START;
    private int index;
    private boolean sawEntries;
    private boolean sawDefaults;
    private final Name lastTable = new Name();
    private final Name lastAction = new Name();
    private final FieldTexts.Builder fields = new FieldTexts.Builder(4);

    /** The last table or action name read, to share it with the next entry that names it again. */
    private static final class Name {
        String text = "";
        char[] chars = new char[0];
    }

    private EntriesReader(JsonParser json, String source) {
        this.json = json;
        this.source = source;
    }

    /** Opens {@code file}; a file that cannot be read is a {@link Kind#NOT_FOUND} failure. */
    static EntriesReader open(Path file) {
        try {
            return new EntriesReader(JSON.createParser(file.toFile()), file.toString());
        } catch (IOException e) {
            throw cannotRead(file.toString(), e);
        }
    }

    /** Reads {@code text}, named {@code source} in messages. */
    static EntriesReader of(String text, String source) {
        try {
            return new EntriesReader(JSON.createParser(text), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next entry, or null after the last one. */
    EntrySpec next() {
        try {
            return advance();
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            throw new DriverException(Kind.BAD_INPUT, source + ": not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ". Nothing was loaded.", null, e);
        } catch (IOException e) {
            throw cannotRead(source, e);
        }
    }

    /** The default actions; complete once {@link #next} has returned null. */
    List<DefaultSpec> defaults() {
        return defaults;
    }

    /** Entries read so far. */
    int count() {
        return index;
    }

    private EntrySpec advance() throws IOException {
        while (true) {
            switch (state) {
                case START -> {
                    if (json.nextToken() != JsonToken.START_OBJECT) {
                        throw bad("$", "the file must hold one JSON object with \"entries\" and \"defaults\"");
                    }
                    state = State.TOP;
                }
                case ENTRIES -> {
                    JsonToken t = json.nextToken();
                    if (t == JsonToken.END_ARRAY) {
                        state = State.TOP;
                    } else if (t == JsonToken.START_OBJECT) {
                        return entry(index++);
                    } else {
                        throw bad("$.entries[" + index + "]", "expected an object, found " + found(t));
                    }
                }
                case TOP -> topLevelField();
                case END -> {
                    return null;
                }
            }
        }
    }

    private void topLevelField() throws IOException {
        JsonToken t = json.nextToken();
        if (t == JsonToken.END_OBJECT) {
            if (json.nextToken() != null) {
                throw bad("$", "there is more after the top-level object");
            }
            state = State.END;
            return;
        }
        String name = json.currentName();
        JsonToken value = json.nextToken();
        switch (name) {
            case "entries" -> {
                sawEntries = once(sawEntries, name);
                state = list(value, name) ? State.ENTRIES : State.TOP;
            }
            case "defaults" -> {
                sawDefaults = once(sawDefaults, name);
                if (list(value, name)) {
                    readDefaults();
                }
            }
            default -> throw bad("$." + name, "unknown field (an entries file has \"entries\" and \"defaults\")");
        }
    }

    private boolean once(boolean seen, String name) {
        if (seen) {
            throw bad("$." + name, "appears twice");
        }
        return true;
    }

    /** True at the start of an array, false for null. */
    private boolean list(JsonToken t, String name) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        if (t != JsonToken.START_ARRAY) {
            throw bad("$." + name, "expected an array, found " + found(t));
        }
        return true;
    }

    private EntrySpec entry(int i) throws IOException {
        String table = null;
        String action = null;
        Map<String, String> key = null;
        Map<String, String> args = null;
        Integer priority = null;
        for (JsonToken t = json.nextToken(); t != JsonToken.END_OBJECT; t = json.nextToken()) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "table" -> table = name(value, lastTable, i, field);
                case "action" -> action = name(value, lastAction, i, field);
                case "key" -> key = values(value, "entries", i, field);
                case "args" -> args = values(value, "entries", i, field);
                case "priority" -> priority = priority(value, i);
                default -> throw bad("$.entries[" + i + "]." + field, "unknown field (an entry has \"table\", \"key\","
                        + " \"action\", \"args\" and \"priority\")");
            }
        }
        if (table == null || action == null) {
            throw bad("$.entries[" + i + "]", "needs \"table\" and \"action\"");
        }
        return new EntrySpec(table, key, action, args, priority);
    }

    private void readDefaults() throws IOException {
        int i = 0;
        for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken(), i++) {
            if (t != JsonToken.START_OBJECT) {
                throw bad("$.defaults[" + i + "]", "expected an object, found " + found(t));
            }
            String table = null;
            String action = null;
            Map<String, String> args = null;
            for (JsonToken f = json.nextToken(); f != JsonToken.END_OBJECT; f = json.nextToken()) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "table" -> table = scalar(value, "defaults", i, field);
                    case "action" -> action = scalar(value, "defaults", i, field);
                    case "args" -> args = values(value, "defaults", i, field);
                    default -> throw bad("$.defaults[" + i + "]." + field, "unknown field (a default has \"table\","
                            + " \"action\" and \"args\")");
                }
            }
            if (table == null || action == null) {
                throw bad("$.defaults[" + i + "]", "needs \"table\" and \"action\"");
            }
            defaults.add(new DefaultSpec(table, action, args));
        }
    }

    /** A JSON string or number, as text. */
    private String scalar(JsonToken t, String list, int i, String field) throws IOException {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return json.getText();
        }
        throw bad("$." + list + "[" + i + "]." + field, "expected a string or a number, found " + found(t));
    }

    /**
     * A table or action name: the last one's string when the current one has the same characters
     * (they repeat from entry to entry), so that no string is made and later lookups find its hash.
     */
    private String name(JsonToken t, Name last, int i, String field) throws IOException {
        if (t == JsonToken.VALUE_STRING && json.getTextLength() == last.chars.length
                && java.util.Arrays.equals(json.getTextCharacters(), json.getTextOffset(), json.getTextOffset()
                        + last.chars.length, last.chars, 0, last.chars.length)) {
            return last.text;
        }
        last.text = scalar(t, "entries", i, field);
        last.chars = last.text.toCharArray();
        return last.text;
    }

    /** An object of names to strings or numbers ({@code key}, {@code args}); null for JSON null. */
    private Map<String, String> values(JsonToken t, String list, int i, String field) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw bad("$." + list + "[" + i + "]." + field, "expected an object, found " + found(t));
        }
        FieldTexts.Builder out = fields.clear();
        for (JsonToken n = json.nextToken(); n != JsonToken.END_OBJECT; n = json.nextToken()) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            out.put(name, value == JsonToken.VALUE_STRING ? json.getText() : scalar(value, list, i, field + "." + name));
        }
        return out.build();
    }

    private Integer priority(JsonToken t, int i) throws IOException {
        String at = "$.entries[" + i + "].priority";
        try {
            return switch (t) {
                case VALUE_NULL -> null;
                case VALUE_NUMBER_INT -> json.getIntValue();
                case VALUE_STRING -> Integer.parseInt(json.getText());
                default -> throw bad(at, "expected a whole number, found " + found(t));
            };
        } catch (InputCoercionException | NumberFormatException e) {
            throw bad(at, "expected a whole number (a priority; larger wins), found " + found(t));
        }
    }

    private String found(JsonToken t) throws IOException {
        return switch (t) {
            case null -> "the end of the file";
            case VALUE_STRING -> "the string \"" + json.getText() + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + json.getText();
            case VALUE_TRUE, VALUE_FALSE -> json.getText();
            case VALUE_NULL -> "null";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    private DriverException bad(String path, String what) {
        JsonLocation at = json.currentTokenLocation();
        return new DriverException(Kind.BAD_INPUT, source + ": " + path + ": " + what + " (line " + at.getLineNr()
                + ", column " + at.getColumnNr() + "). Nothing was loaded.");
    }

    private static DriverException cannotRead(String file, IOException e) {
        return new DriverException(Kind.NOT_FOUND, "Cannot read the entries file " + file + ": " + e.getMessage()
                + ".", null, e);
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw cannotRead(source, e);
        }
    }
}
