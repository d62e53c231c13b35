package dev.p4ebpf.ir.midend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.KeySet;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PathsTest {
    private static final Type.Bits B8 = Type.Bits.unsigned(8);
    private static final Type.Header H = new Type.Header("h_t", List.of(),
            List.of(new Type.Field("a", B8), new Type.Field("b", B8)), List.of());
    private static final Expr.Var S = new Expr.Var("s", new Type.Stack(H, 2), Expr.Frame.CONTAINER, Span.NONE);

    private static Expr element(Expr index) {
        return new Expr.StackElement(S, index, H, Span.NONE);
    }

    private static Expr field(Expr base, String f) {
        return new Expr.Member(base, f, B8, Span.NONE);
    }

    private static Expr lit(long v) {
        return Expr.IntLit.of(v, Type.Bits.unsigned(32));
    }

    @Test
    void distinctFieldsAndElementsDoNotOverlapButPrefixesDo() {
        assertFalse(Paths.overlap(field(element(lit(0)), "a"), field(element(lit(0)), "b")));
        assertFalse(Paths.overlap(element(lit(0)), element(lit(1))));
        assertTrue(Paths.overlap(element(lit(1)), field(element(lit(1)), "b")));
        assertTrue(Paths.overlap(S, field(element(lit(0)), "a")));
    }

    @Test
    void aRunTimeIndexMayOverlapAnyElement() {
        var i = new Expr.Var("i", Type.Bits.unsigned(32), Expr.Frame.CONTAINER, Span.NONE);
        assertTrue(Paths.overlap(field(element(i), "a"), field(element(lit(1)), "b")));
        assertEquals(Optional.empty(), Paths.key(element(i)));
        assertEquals(Optional.of("CONTAINER:s[1].a"), Paths.key(field(element(lit(1)), "a")));
    }

    @Test
    void selectCasesOnLiteralsAreDecided() {
        var two = Expr.IntLit.of(2, B8);
        assertEquals(Optional.of(true), Selects.matches(new KeySet.Mask(Expr.IntLit.of(2, B8), Expr.IntLit.of(0xf, B8),
                Span.NONE), List.of(Expr.IntLit.of(0x12, B8))));
        assertEquals(Optional.of(false), Selects.matches(new KeySet.Range(Expr.IntLit.of(3, B8), Expr.IntLit.of(9, B8),
                Span.NONE), List.of(two)));
        assertEquals(Optional.of(true), Selects.matches(new KeySet.Tuple(List.of(new KeySet.Value(two, Span.NONE),
                new KeySet.Default(Span.NONE)), Span.NONE), List.of(two, two)));
        assertEquals(Optional.empty(), Selects.matches(new KeySet.ValueSetRef("vs", Span.NONE), List.of(two)));
    }
}
