package dev.p4ebpf.conformance.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.source.SourceFile;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The minimizer keeps what the failure needs and drops the rest, and never asks more than allowed. */
class MinimizerTest {
    private static final String PROGRAM = """
            error { E0, E1 }
            control C() {
                action a() {
                    x = 1;
                    if (c) {
                        y = 2;
                        bad();
                    }
                    z = 3;
                }
                apply {
                    a();
                }
            }
            """;

    @Test
    void keepsTheFailingLineAndTheBlocksAroundIt() {
        var m = new Minimizer(p -> p.contains("bad();"), 1000);
        assertEquals("""
                control C() {
                    action a() {
                        if (c) {
                            bad();
                        }
                    }
                }
                """, m.minimize(PROGRAM));
    }

    @Test
    void neverRemovesALineThatMustStayNorABlockHoldingOne() {
        var m = new Minimizer(p -> p.contains("bad();"), 1000, line -> line.strip().equals("x = 1;"));
        assertEquals("""
                control C() {
                    action a() {
                        x = 1;
                        if (c) {
                            bad();
                        }
                    }
                }
                """, m.minimize(PROGRAM));
    }

    @Test
    void returnsTheProgramWhenNothingCanGo() {
        String one = "bad();\n";
        assertEquals(one, new Minimizer(p -> p.contains("bad();"), 1000).minimize(one));
    }

    @Test
    void stopsAfterTheAllowedNumberOfChecks() {
        int[] asked = {0};
        Predicate<String> p = s -> {
            asked[0]++;
            return s.contains("bad();");
        };
        var m = new Minimizer(p, 3);
        m.minimize(PROGRAM);
        assertEquals(3, asked[0]);
        assertEquals(3, m.checks());
    }

    @Test
    void aGeneratedProgramShrinksToAValidProgramThatStillHasTheConstruct() {
        String program = new ProgramGenerator(GeneratorOptions.defaults(GeneratorOptions.Arch.XDP)).generate(77L);
        Predicate<String> valid = p -> Frontend.compile(new SourceFile("m.p4", p), FrontendOptions.defaults()).ok();
        String target = program.lines().filter(l -> l.strip().startsWith("pkt.extract(")).findFirst().orElseThrow()
                .strip();
        String small = new Minimizer(p -> p.contains(target) && valid.test(p), 500).minimize(program);
        assertTrue(valid.test(small), small);
        assertTrue(small.contains(target), small);
        assertTrue(small.length() < program.length() / 2, () -> "only shrunk to\n" + small);
    }
}
