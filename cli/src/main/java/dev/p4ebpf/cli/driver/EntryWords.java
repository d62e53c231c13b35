package dev.p4ebpf.cli.driver;

import dev.p4ebpf.cli.Command.UsageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the words of {@code table add TABLE FIELD=VALUE... ACTION [PARAM=VALUE...]}: the key fields
 * before the first word without {@code =}, that word the action, the rest its arguments.
 */
record EntryWords(Map<String, String> key, String action, Map<String, String> args) {

    static EntryWords parse(List<String> words, boolean needAction) throws UsageException {
        Map<String, String> key = new LinkedHashMap<>();
        int i = 0;
        while (i < words.size() && words.get(i).contains("=")) {
            put(key, words.get(i++));
        }
        if (i == words.size()) {
            if (needAction) {
                throw new UsageException("missing the action after the key fields");
            }
            return new EntryWords(key, null, Map.of());
        }
        String action = words.get(i++);
        Map<String, String> args = new LinkedHashMap<>();
        while (i < words.size()) {
            put(args, words.get(i++));
        }
        return new EntryWords(key, action, args);
    }

    private static void put(Map<String, String> into, String word) throws UsageException {
        int eq = word.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("'" + word + "': expected NAME=VALUE");
        }
        into.put(word.substring(0, eq), word.substring(eq + 1));
    }
}
