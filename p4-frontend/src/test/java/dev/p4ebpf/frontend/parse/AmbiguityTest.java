package dev.p4ebpf.frontend.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.frontend.ast.CompilationUnit;
import dev.p4ebpf.frontend.ast.Declaration;
import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.frontend.ast.Statement;
import dev.p4ebpf.frontend.source.LineMap;
import dev.p4ebpf.ir.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/**
 * The places where P4's grammar depends on which names are types: casts against subtraction,
 * type arguments against comparisons, and the {@code >>} that closes nested type arguments.
 */
class AmbiguityTest {
    /** The value assigned by the first statement of control c's apply block, in a program with {@code decls}. */
    private static Expression value(String decls, String statement) {
        var diags = new Diagnostics();
        String text = decls + "\ncontrol c() { apply { " + statement + " } }\n";
        CompilationUnit unit = SourceParser.parse(text, LineMap.identity("t.p4"), diags).orElseThrow(
                () -> new AssertionError(diags.all().toString()));
        var control = (Declaration.Control) unit.declarations().getLast();
        Statement s = control.apply().statements().getFirst();
        return switch (s) {
            case Statement.Assign a -> a.value();
            case Statement.ExprStatement e -> e.expression();
            default -> throw new AssertionError(s.toString());
        };
    }

    @Test
    void parenthesizedTypeNameBeforeMinusIsACast() {
        var v = value("typedef bit<8> T;", "x = (T) -1;");
        assertInstanceOf(Expression.Cast.class, v);
    }

    @Test
    void parenthesizedValueBeforeMinusIsASubtraction() {
        var v = value("", "x = (a) - 1;");
        assertEquals(Expression.BinaryOp.SUB, assertInstanceOf(Expression.Binary.class, v).op());
    }

    @Test
    void castOfAStructExpression() {
        var v = value("struct S { bit<8> f; }", "x = (S){ f = 1 };");
        assertInstanceOf(Expression.Cast.class, v);
    }

    @Test
    void parenthesizedMethodCallOnATypeIsNotACast() {
        var v = value("header H { bit<8> f; }", "x = (H.minSizeInBits()) + 1;");
        assertInstanceOf(Expression.Binary.class, v);
    }

    @Test
    void typeArgumentsWhenTheFirstIsAType() {
        var v = value("header H { bit<8> f; }", "pkt.extract<H>(h);");
        var call = assertInstanceOf(Expression.Call.class, v);
        assertEquals(1, call.typeArgs().size());
    }

    @Test
    void comparisonsWhenTheFirstIsAValue() {
        var v = value("", "f(a < b, c > (d));");
        var call = assertInstanceOf(Expression.Call.class, v);
        assertTrue(call.typeArgs().isEmpty());
        assertEquals(2, call.args().size());
    }

    @Test
    void nestedTypeArgumentsCloseWithTwoAngles() {
        var diags = new Diagnostics();
        var unit = SourceParser.parse("extern E<T> { E(); } E<bit<8>>() e;\n", LineMap.identity("t.p4"), diags);
        assertTrue(unit.isPresent(), diags.all()::toString);
    }

    @Test
    void shiftRightIsTwoAdjacentAngles() {
        var v = value("", "x = a >> 2;");
        assertEquals(Expression.BinaryOp.SHR, assertInstanceOf(Expression.Binary.class, v).op());
        var diags = new Diagnostics();
        SourceParser.parse("control c() { apply { x = a > > 2; } }\n", LineMap.identity("t.p4"), diags);
        assertTrue(diags.hasErrors(), "'> >' is not a shift");
    }

    @Test
    void widthExpressionsWithoutGreaterThan() {
        var diags = new Diagnostics();
        var unit = SourceParser.parse("const bit<8> a = 1; typedef bit<a < 3 ? 5 : 4> T;\n", LineMap.identity("t.p4"),
                diags);
        assertTrue(unit.isPresent(), diags.all()::toString);
    }
}
