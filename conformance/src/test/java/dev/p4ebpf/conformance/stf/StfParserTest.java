package dev.p4ebpf.conformance.stf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ir.diag.Span;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What each STF command parses into. Errors are in {@link StfParserErrorTest}. */
class StfParserTest {

    static List<StfCommand> parse(String text) {
        try {
            return StfParser.parse("t.stf", text).commands();
        } catch (StfException e) {
            throw new AssertionError("unexpected errors:\n" + e.getMessage(), e);
        }
    }

    static StfCommand one(String line) {
        List<StfCommand> all = parse(line);
        assertEquals(1, all.size(), () -> "commands of " + line);
        return all.getFirst();
    }

    private static StfNumber hex(String digits) {
        return StfNumber.hex(digits);
    }

    private static StfNumber dec(long v) {
        return StfNumber.decimal(v);
    }

    private static StfName n(String text) {
        return StfName.of(text);
    }

    @Test
    void packetJoinsHexGroupsOfAnySize() {
        var p = assertInstanceOf(StfCommand.Packet.class, one("packet 3 0a0B 0c\t0d0e0f   10"));
        assertEquals(3, p.port());
        assertEquals("0A0B0C0D0E0F10", p.hex());
        assertEquals(7, p.bytes().length);
        assertEquals((byte) 0x0a, p.bytes()[0]);
    }

    @Test
    void packetDecimalLookingGroupsAreHex() {
        var p = assertInstanceOf(StfCommand.Packet.class, one("packet 0 0101 9999"));
        assertEquals("01019999", p.hex());
    }

    @Test
    void expectWithWildcardsAndExactEnd() {
        var e = assertInstanceOf(StfCommand.Expect.class, one("expect 2 00000101 ******** ****7f66 $"));
        assertEquals(2, e.port());
        assertEquals(Optional.of(new ExpectPattern("00000101************7F66", true)), e.pattern());
    }

    @Test
    void expectWithoutDataAcceptsAnyPacket() {
        var e = assertInstanceOf(StfCommand.Expect.class, one("expect 5"));
        assertEquals(Optional.empty(), e.pattern());
        assertEquals(5, e.port());
    }

    @Test
    void expectOnlyDollarIsAnEmptyPacket() {
        var e = assertInstanceOf(StfCommand.Expect.class, one("expect 1 $"));
        assertEquals(Optional.of(new ExpectPattern("", true)), e.pattern());
    }

    @Test
    void expectMayHaveAnOddNumberOfNibblesWithoutDollar() {
        var e = assertInstanceOf(StfCommand.Expect.class, one("expect 1 abc"));
        assertEquals("ABC", e.pattern().orElseThrow().nibbles());
        assertEquals(false, e.pattern().orElseThrow().exactLength());
    }

    @Test
    void addWithEverythingP4cAllows() {
        var a = assertInstanceOf(StfCommand.Add.class,
                one("add test1 503 data.f1:0x****0202 ingress.setb1(val:7, port:0x3) = A"));
        assertEquals(n("test1"), a.table());
        assertEquals(OptionalLong.of(503), a.priority());
        assertEquals(List.of(new KeyMatch(n("data.f1"), new KeyValue.Value(hex("****0202")))), a.keys());
        assertEquals(new ActionCall(n("ingress.setb1"),
                List.of(new ActionCall.Arg(n("val"), dec(7)), new ActionCall.Arg(n("port"), hex("3")))), a.action());
        assertEquals(Optional.of(n("A")), a.entryId());
    }

    @Test
    void addWithoutPriorityOrIdAndSeveralKeys() {
        var a = assertInstanceOf(StfCommand.Add.class,
                one("add get_multicast_copy_out_bd mcast_grp:1113 egress_rid:400 egress.set_out_bd(bd:10)"));
        assertEquals(OptionalLong.empty(), a.priority());
        assertEquals(2, a.keys().size());
        assertEquals(new KeyValue.Value(dec(1113)), a.keys().getFirst().value());
        assertEquals(Optional.empty(), a.entryId());
    }

    @Test
    void addKeyForms() {
        var a = assertInstanceOf(StfCommand.Add.class, one(
                "add t k1:0x0a000000/8 k2:0x0800&&&0xff00 k3:10..0x20 k4:0b1*0 k5:42 act()"));
        assertEquals(List.of(
                new KeyValue.Prefix(hex("0a000000"), dec(8)),
                new KeyValue.Masked(hex("0800"), hex("ff00")),
                new KeyValue.Range(dec(10), hex("20")),
                new KeyValue.Value(new StfNumber(StfNumber.Radix.BINARY, "1*0", Span.NONE)),
                new KeyValue.Value(dec(42))), a.keys().stream().map(KeyMatch::value).toList());
        assertEquals(List.of(), a.action().args());
    }

    @Test
    void namesWithDollarIndexAndQuotes() {
        var a = assertInstanceOf(StfCommand.Add.class, one(
                "add \"ingress.t\" extra$0.h:1 data.$valid:0b1 stack[2].f:3 \"hdr.x[1:0]\":4 \"my act\"(\"p\":1)"));
        assertEquals(n("ingress.t"), a.table());
        assertEquals(List.of(n("extra$0.h"), n("data.$valid"), n("stack[2].f"), n("hdr.x[1:0]")),
                a.keys().stream().map(KeyMatch::field).toList());
        assertEquals(n("my act"), a.action().action());
        assertEquals(n("p"), a.action().args().getFirst().parameter());
    }

    @Test
    void setDefaultWithArguments() {
        var s = assertInstanceOf(StfCommand.SetDefault.class, one("setdefault pipe_t pipe_Reject(rej:0, bar:1)"));
        assertEquals(n("pipe_t"), s.table());
        assertEquals(2, s.action().args().size());
    }

    @Test
    void removeAllAndTheSimpleCommands() {
        assertEquals(List.of(new StfCommand.RemoveAll(Span.NONE), new StfCommand.Wait(Span.NONE),
                new StfCommand.NoPacket(Span.NONE)), parse("remove all\nwait\nno_packet\n"));
    }

    @Test
    void checkCounterForms() {
        assertEquals(List.of(
                new StfCommand.CheckCounter(n("cnt"), new CounterIndex.OfEntry(n("$A")), Optional.empty(), Span.NONE),
                new StfCommand.CheckCounter(n("cntDum"), new CounterIndex.AtIndex(dec(10)), Optional.of(
                        new CounterCheck(CounterCheck.Kind.PACKETS, CounterCheck.Comparison.EQUAL, dec(2))), Span.NONE),
                new StfCommand.CheckCounter(n("c.x"), new CounterIndex.AtIndex(hex("1")), Optional.of(
                        new CounterCheck(CounterCheck.Kind.BYTES, CounterCheck.Comparison.GREATER_OR_EQUAL, dec(64))),
                        Span.NONE)),
                parse("check_counter cnt($A)\ncheck_counter cntDum(10) packets == 2\ncheck_counter c.x(0x1) BYTES >= 64"));
        var c = (StfCommand.CheckCounter) one("check_counter cnt($A) bytes < 3");
        assertEquals("A", ((CounterIndex.OfEntry) c.index()).entryId());
        for (String op : List.of("==", "!=", "<", "<=", ">", ">=")) {
            var k = (StfCommand.CheckCounter) one("check_counter c(1) packets " + op + " 1");
            assertEquals(op, k.check().orElseThrow().comparison().symbol());
        }
    }

    @Test
    void bmv2MirroringAndMulticastCommands() {
        assertEquals(List.of(
                new StfCommand.MirroringAdd(dec(5), dec(4), Span.NONE),
                new StfCommand.MirroringAddMc(dec(10), dec(5), Span.NONE),
                new StfCommand.MirroringDelete(dec(5), Span.NONE),
                new StfCommand.MirroringGet(dec(10), Span.NONE),
                new StfCommand.McMgrpCreate(dec(1113), Span.NONE),
                new StfCommand.McNodeCreate(dec(257), List.of(dec(6), dec(8)), Span.NONE),
                new StfCommand.McNodeUpdate(dec(0), List.of(dec(9)), Span.NONE),
                new StfCommand.McNodeAssociate(dec(1113), dec(0), Span.NONE)),
                parse("""
                        mirroring_add 5 4
                        mirroring_add_mc 10 5
                        mirroring_delete 5
                        mirroring_get 10
                        mc_mgrp_create 1113
                        mc_node_create 257 6 8
                        mc_node_update 0 9
                        mc_node_associate 1113 0
                        """));
    }

    @Test
    void bmv2CounterRegisterAndMeterCommands() {
        assertEquals(List.of(
                new StfCommand.CounterRead(n("ig.c"), dec(1), Span.NONE),
                new StfCommand.CounterWrite(n("ig.c"), dec(1), dec(2), dec(3), Span.NONE),
                new StfCommand.RegisterRead(n("cIngress.regfile"), dec(5), Span.NONE),
                new StfCommand.RegisterWrite(n("cIngress.regfile"), dec(5), dec(100), Span.NONE),
                new StfCommand.RegisterReset(n("cIngress.regfile"), Span.NONE),
                new StfCommand.MeterGetRates(n("cIngress.meter0"), dec(1), Span.NONE),
                new StfCommand.MeterSetRates(n("cIngress.meter0"), dec(2), List.of(
                        new MeterRate(new BigDecimal("0.000005"), dec(4)),
                        new MeterRate(new BigDecimal("0.00002"), dec(5))), Span.NONE),
                new StfCommand.MeterArraySetRates(n("cIngress.meter0"), List.of(
                        new MeterRate(new BigDecimal("3"), dec(7))), Span.NONE)),
                parse("""
                        counter_read ig.c 1
                        counter_write ig.c 1 2 3
                        register_read cIngress.regfile 5
                        register_write cIngress.regfile 5 100
                        register_reset cIngress.regfile
                        meter_get_rates cIngress.meter0 1
                        meter_set_rates cIngress.meter0 2 0.000005:4 0.00002:5
                        meter_array_set_rates cIngress.meter0 3:7
                        """));
    }

    @Test
    void commentsBlankLinesCaseAndLineEndings() {
        List<StfCommand> all = parse("""
                # a comment line
                   \t
                PACKET 0 0102 # trailing comment
                Expect 0 0102$ # $ glued to the data
                WaIt\r
                add t k:1 a() # comment after an add
                """.replace("\n", "\r\n"));
        assertEquals(4, all.size());
        assertEquals("0102", ((StfCommand.Packet) all.get(0)).hex());
        assertTrue(((StfCommand.Expect) all.get(1)).pattern().orElseThrow().exactLength());
        assertInstanceOf(StfCommand.Wait.class, all.get(2));
        assertInstanceOf(StfCommand.Add.class, all.get(3));
    }

    @Test
    void aByteOrderMarkIsIgnoredAndColumnsStayRight() {
        var w = one("\uFEFFwait");
        assertTrue(w.span().sameLocation(new Span("t.stf", 1, 2, 1, 5)), w.span()::toString);
    }

    @Test
    void emptyAndCommentOnlyFilesHaveNoCommands() {
        assertEquals(List.of(), parse(""));
        assertEquals(List.of(), parse("# nothing\n\n"));
    }

    @Test
    void spansCoverTheCommandAndItsParts() {
        List<StfCommand> all = parse("\n  add tab 7 f.x:0x1 act(p:2)  # c\nexpect 4 aa bb\nexpect 9\n");
        var a = (StfCommand.Add) all.get(0);
        assertTrue(a.span().sameLocation(new Span("t.stf", 2, 3, 2, 28)), () -> a.span().endColumn() + "");
        assertTrue(a.table().span().sameLocation(new Span("t.stf", 2, 7, 2, 9)));
        assertTrue(a.keys().getFirst().field().span().sameLocation(new Span("t.stf", 2, 13, 2, 15)));
        var v = (KeyValue.Value) a.keys().getFirst().value();
        assertTrue(v.number().span().sameLocation(new Span("t.stf", 2, 17, 2, 19)));
        assertTrue(all.get(1).span().sameLocation(new Span("t.stf", 3, 1, 3, 14)), all.get(1).span()::toString);
        assertTrue(all.get(2).span().sameLocation(new Span("t.stf", 4, 1, 4, 8)), all.get(2).span()::toString);
        assertEquals("t.stf:2:3", a.span().toString());
    }
}
