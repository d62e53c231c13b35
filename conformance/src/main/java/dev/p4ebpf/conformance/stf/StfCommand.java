package dev.p4ebpf.conformance.stf;

import dev.p4ebpf.ir.diag.Span;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One command of an STF file. The first group is p4c's core STF (tools/stf): packets in and
 * out, table entries, counters. The second group is the BMv2 simple_switch commands that p4c's
 * BMv2 runner passes through to the switch (mirroring, multicast, counters, registers, meters);
 * they are modelled with their arguments even where a target cannot run them, so that a runner
 * can say which command it does not support.
 *
 * <p>Every command has the span of its line (from the keyword to the last token); spans take no
 * part in equality.
 */
public sealed interface StfCommand {

    Span span();

    // ---- packets ------------------------------------------------------------------------------

    /**
     * {@code packet PORT HEX...}: a packet enters the program on {@code port}.
     *
     * @param hex the packet's bytes as upper-case hex, two digits a byte
     */
    record Packet(long port, String hex, Span span) implements StfCommand {
        public Packet {
            if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.equals(hex.toUpperCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("packet data must be whole bytes of upper-case hex: " + hex);
            }
            HexFormat.of().parseHex(hex);
        }

        public byte[] bytes() {
            return HexFormat.of().parseHex(hex);
        }
    }

    /**
     * {@code expect PORT [PATTERN]}: a packet must leave on {@code port}. Without a pattern any
     * packet content is accepted.
     */
    record Expect(long port, Optional<ExpectPattern> pattern, Span span) implements StfCommand {}

    /** {@code no_packet}: no packet is expected (p4c's grammar reads it as an expect without a port). */
    record NoPacket(Span span) implements StfCommand {}

    /** {@code wait}: let the target finish what it is doing before the next command. */
    record Wait(Span span) implements StfCommand {}

    // ---- tables ------------------------------------------------------------------------------

    /**
     * {@code add TABLE [PRIORITY] KEY:VALUE... ACTION(ARGS) [= ID]}: adds an entry. Among
     * overlapping entries the larger priority wins, as in P4Runtime (p4c's BMv2 runner hands
     * BMv2, which prefers smaller values, 10000 minus it). {@code entryId} names the entry for
     * {@code check_counter}.
     */
    record Add(StfName table, OptionalLong priority, List<KeyMatch> keys, ActionCall action,
               Optional<StfName> entryId, Span span) implements StfCommand {
        public Add {
            keys = List.copyOf(keys);
        }
    }

    /** {@code setdefault TABLE ACTION(ARGS)}: sets the table's default action. */
    record SetDefault(StfName table, ActionCall action, Span span) implements StfCommand {}

    /** {@code remove all}: removes every entry added so far (p4c's only form of remove). */
    record RemoveAll(Span span) implements StfCommand {}

    /**
     * {@code check_counter COUNTER(INDEX) [packets|bytes OP VALUE]}. Without a condition p4c's
     * parser reads it as comparing with 0 using {@code ==} and no kind.
     */
    record CheckCounter(StfName counter, CounterIndex index, Optional<CounterCheck> check, Span span)
            implements StfCommand {}

    // ---- BMv2 simple_switch commands -----------------------------------------------------------

    /** {@code mirroring_add SESSION PORT}: clones to {@code session} go out of {@code port}. */
    record MirroringAdd(StfNumber session, StfNumber port, Span span) implements StfCommand {}

    /** {@code mirroring_add_mc SESSION GROUP}: clones to {@code session} go to a multicast group. */
    record MirroringAddMc(StfNumber session, StfNumber group, Span span) implements StfCommand {}

    /** {@code mirroring_delete SESSION}. */
    record MirroringDelete(StfNumber session, Span span) implements StfCommand {}

    /** {@code mirroring_get SESSION}: prints the session's configuration (no effect on packets). */
    record MirroringGet(StfNumber session, Span span) implements StfCommand {}

    /** {@code mc_mgrp_create GROUP}: creates a multicast group. */
    record McMgrpCreate(StfNumber group, Span span) implements StfCommand {}

    /**
     * {@code mc_node_create RID PORT...}: creates a multicast node (replication id and ports).
     * BMv2 numbers nodes 0, 1, 2 ... in the order they are created.
     */
    record McNodeCreate(StfNumber rid, List<StfNumber> ports, Span span) implements StfCommand {
        public McNodeCreate {
            ports = List.copyOf(ports);
        }
    }

    /** {@code mc_node_update NODE PORT...}: replaces the ports of a node. */
    record McNodeUpdate(StfNumber node, List<StfNumber> ports, Span span) implements StfCommand {
        public McNodeUpdate {
            ports = List.copyOf(ports);
        }
    }

    /** {@code mc_node_associate GROUP NODE}: adds a node to a group. */
    record McNodeAssociate(StfNumber group, StfNumber node, Span span) implements StfCommand {}

    /** {@code counter_read COUNTER INDEX}. */
    record CounterRead(StfName counter, StfNumber index, Span span) implements StfCommand {}

    /** {@code counter_write COUNTER INDEX PACKETS BYTES}. */
    record CounterWrite(StfName counter, StfNumber index, StfNumber packets, StfNumber bytes, Span span)
            implements StfCommand {}

    /** {@code register_read REGISTER INDEX}. */
    record RegisterRead(StfName register, StfNumber index, Span span) implements StfCommand {}

    /** {@code register_write REGISTER INDEX VALUE}. */
    record RegisterWrite(StfName register, StfNumber index, StfNumber value, Span span) implements StfCommand {}

    /** {@code register_reset REGISTER}: sets every cell to 0. */
    record RegisterReset(StfName register, Span span) implements StfCommand {}

    /** {@code meter_get_rates METER INDEX}. */
    record MeterGetRates(StfName meter, StfNumber index, Span span) implements StfCommand {}

    /** {@code meter_set_rates METER INDEX RATE:BURST...}: configures one meter cell. */
    record MeterSetRates(StfName meter, StfNumber index, List<MeterRate> rates, Span span) implements StfCommand {
        public MeterSetRates {
            rates = List.copyOf(rates);
        }
    }

    /** {@code meter_array_set_rates METER RATE:BURST...}: configures every cell of a meter. */
    record MeterArraySetRates(StfName meter, List<MeterRate> rates, Span span) implements StfCommand {
        public MeterArraySetRates {
            rates = List.copyOf(rates);
        }
    }
}
