package dev.p4ebpf.conformance.stf;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The words that start an STF command. STF reads them in any case; the printer writes lower case. */
public enum StfKeyword {
    PACKET, EXPECT, NO_PACKET, WAIT, ADD, SETDEFAULT, REMOVE, CHECK_COUNTER,
    MIRRORING_ADD, MIRRORING_ADD_MC, MIRRORING_DELETE, MIRRORING_GET,
    MC_MGRP_CREATE, MC_NODE_CREATE, MC_NODE_UPDATE, MC_NODE_ASSOCIATE,
    COUNTER_READ, COUNTER_WRITE, REGISTER_READ, REGISTER_WRITE, REGISTER_RESET,
    METER_GET_RATES, METER_SET_RATES, METER_ARRAY_SET_RATES;

    /** The word as the printer writes it, e.g. {@code check_counter}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The keyword spelled {@code word} in any case. */
    public static Optional<StfKeyword> of(String word) {
        return Arrays.stream(values()).filter(k -> k.word().equalsIgnoreCase(word)).findFirst();
    }

    /** All words, comma-separated, for messages. */
    public static String allWords() {
        return Arrays.stream(values()).map(StfKeyword::word).collect(Collectors.joining(", "));
    }
}
