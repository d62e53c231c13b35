package dev.p4ebpf.conformance.stf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ir.diag.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Printing the model as STF, and reading it back to an equal model. */
class StfPrinterTest {

    private static String print(String stf) throws StfException {
        return StfPrinter.print(StfParser.parse("p.stf", stf));
    }

    @Test
    void printsCanonicalLines() throws StfException {
        assertEquals("""
                packet 0 00010203 04050607 08
                expect 1 00****03 $
                expect 2
                expect 3 $
                add t 10 "hdr.x[1:0]":0x1* k.f[2].g:1/8 m:0x1&&&0xf r:1..2 act(p:0b1, "q r":3) = A
                setdefault t NoAction()
                remove all
                check_counter cnt($A) bytes != 0x10
                check_counter cnt(3)
                meter_set_rates m 1 0.000005:4 12:5
                mc_node_create 1 2 3
                wait
                no_packet
                """, print("""
                PACKET 0 000102030405060708
                Expect 1 00 ** ** 03$
                expect 2   # any packet
                expect 3 $
                add t 10 "hdr.x[1:0]":0x1* k.f[2].g:1/8 m:0x1&&&0xf r:1..2 act(p:0b1,"q r":3)= A
                setdefault t NoAction()
                REMOVE ALL
                check_counter cnt($A) bytes != 0x10
                check_counter cnt(3)
                meter_set_rates m 1 0.000005:4 12:5
                mc_node_create 1 2 3
                wait
                no_packet
                """));
    }

    @Test
    void namesAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("a.b[3].$c_9", StfPrinter.name(StfName.of("a.b[3].$c_9")));
        assertEquals("\"a b\"", StfPrinter.name(StfName.of("a b")));
        assertEquals("\"a..b\"", StfPrinter.name(StfName.of("a..b")));
        assertEquals("\"9a\"", StfPrinter.name(StfName.of("9a")));
        assertEquals("\"h#1\"", StfPrinter.name(StfName.of("h#1")));
    }

    @Test
    void randomModelsSurviveAPrintAndParse() throws StfException {
        long seed = 0x57F_0001L;
        System.out.println("randomModelsSurviveAPrintAndParse seed " + seed);
        RandomStf gen = new RandomStf(new Random(seed));
        Set<Class<?>> seen = new HashSet<>();
        for (int round = 0; round < 300; round++) {
            List<StfCommand> commands = new ArrayList<>();
            for (int i = gen.random.nextInt(30); i > 0; i--) {
                StfCommand c = gen.command();
                seen.add(c.getClass());
                commands.add(c);
            }
            StfFile model = new StfFile("r.stf", commands);
            String text = StfPrinter.print(model);
            assertEquals(model, StfParser.parse("r.stf", text), text);
        }
        assertEquals(Set.of(StfCommand.class.getPermittedSubclasses()), seen, "every command kind was generated");
    }

    /** Random STF models: every command, name form, number form and key form. */
    private static final class RandomStf {
        final Random random;

        RandomStf(Random random) {
            this.random = random;
        }

        @SafeVarargs
        private <T> T oneOf(Supplier<? extends T>... choices) {
            return choices[random.nextInt(choices.length)].get();
        }

        private <T> List<T> some(int min, Supplier<T> item) {
            List<T> out = new ArrayList<>();
            for (int i = min + random.nextInt(3); i > 0; i--) {
                out.add(item.get());
            }
            return out;
        }

        private String hexDigits(String alphabet) {
            StringBuilder s = new StringBuilder();
            for (int i = 1 + random.nextInt(12); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return s.toString();
        }

        StfNumber plain() {
            return oneOf(() -> StfNumber.decimal(random.nextLong(Long.MAX_VALUE)),
                    () -> StfNumber.hex(hexDigits("0123456789abcdefABCDEF")),
                    () -> new StfNumber(StfNumber.Radix.BINARY, hexDigits("01"), Span.NONE));
        }

        StfNumber pattern() {
            return oneOf(this::plain, () -> StfNumber.hex(hexDigits("0f*")),
                    () -> new StfNumber(StfNumber.Radix.BINARY, hexDigits("01*"), Span.NONE));
        }

        StfName name() {
            return StfName.of(oneOf(() -> "t" + random.nextInt(100), () -> "hdr.ipv4.dstAddr",
                    () -> "extra$0.h", () -> "stack[" + random.nextInt(4) + "].f", () -> "a b#c",
                    () -> "all", () -> "packets", () -> "x[3:0]"));
        }

        KeyValue keyValue() {
            return oneOf(() -> new KeyValue.Value(pattern()), () -> new KeyValue.Prefix(plain(), plain()),
                    () -> new KeyValue.Masked(plain(), plain()), () -> new KeyValue.Range(plain(), plain()));
        }

        ActionCall action() {
            return new ActionCall(name(), some(0, () -> new ActionCall.Arg(name(), plain())));
        }

        MeterRate rate() {
            return new MeterRate(new BigDecimal(random.nextInt(1000) + "." + random.nextInt(100_000)), plain());
        }

        String hex(int bytes) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < bytes; i++) {
                s.append(String.format("%02X", random.nextInt(256)));
            }
            return s.toString();
        }

        ExpectPattern expectPattern() {
            boolean exact = random.nextBoolean();
            String nibbles = hex(random.nextInt(40)).replace('7', '*');
            if (!exact && random.nextBoolean()) {
                nibbles += "A";
            }
            return new ExpectPattern(nibbles, exact);
        }

        long port() {
            return random.nextLong(PacketLineParser.MAX_PORT + 1);
        }

        StfCommand command() {
            Span s = Span.NONE;
            return oneOf(
                    () -> new StfCommand.Packet(port(), hex(1 + random.nextInt(80)), s),
                    () -> new StfCommand.Expect(port(),
                            random.nextBoolean() ? Optional.empty() : Optional.of(expectPattern()), s),
                    () -> new StfCommand.NoPacket(s), () -> new StfCommand.Wait(s),
                    () -> new StfCommand.Add(name(), random.nextBoolean()
                            ? OptionalLong.of(random.nextLong(Long.MAX_VALUE)) : OptionalLong.empty(),
                            some(1, () -> new KeyMatch(name(), keyValue())), action(),
                            random.nextBoolean() ? Optional.of(StfName.of("E" + random.nextInt(9))) : Optional.empty(), s),
                    () -> new StfCommand.SetDefault(name(), action(), s),
                    () -> new StfCommand.RemoveAll(s),
                    () -> new StfCommand.CheckCounter(name(), random.nextBoolean()
                            ? new CounterIndex.AtIndex(plain()) : new CounterIndex.OfEntry(StfName.of("$A")),
                            random.nextBoolean() ? Optional.empty() : Optional.of(new CounterCheck(
                                    CounterCheck.Kind.values()[random.nextInt(2)],
                                    CounterCheck.Comparison.values()[random.nextInt(6)], plain())), s),
                    () -> new StfCommand.MirroringAdd(plain(), plain(), s),
                    () -> new StfCommand.MirroringAddMc(plain(), plain(), s),
                    () -> new StfCommand.MirroringDelete(plain(), s),
                    () -> new StfCommand.MirroringGet(plain(), s),
                    () -> new StfCommand.McMgrpCreate(plain(), s),
                    () -> new StfCommand.McNodeCreate(plain(), some(1, this::plain), s),
                    () -> new StfCommand.McNodeUpdate(plain(), some(1, this::plain), s),
                    () -> new StfCommand.McNodeAssociate(plain(), plain(), s),
                    () -> new StfCommand.CounterRead(name(), plain(), s),
                    () -> new StfCommand.CounterWrite(name(), plain(), plain(), plain(), s),
                    () -> new StfCommand.RegisterRead(name(), plain(), s),
                    () -> new StfCommand.RegisterWrite(name(), plain(), plain(), s),
                    () -> new StfCommand.RegisterReset(name(), s),
                    () -> new StfCommand.MeterGetRates(name(), plain(), s),
                    () -> new StfCommand.MeterSetRates(name(), plain(), some(1, this::rate), s),
                    () -> new StfCommand.MeterArraySetRates(name(), some(1, this::rate), s));
        }
    }
}
