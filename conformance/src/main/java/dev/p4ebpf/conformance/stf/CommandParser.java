package dev.p4ebpf.conformance.stf;

import dev.p4ebpf.ir.diag.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Parses the arguments of the token-based STF commands (all but {@code packet} and
 * {@code expect}) from the tokens after the command word. {@link #end()} closes every command:
 * it checks that nothing follows and gives the command's span.
 */
final class CommandParser {
    private final Supplier<TokenCursor> tokens;
    private final StfKeyword keyword;
    private final int column;
    private TokenCursor cursor;

    CommandParser(Supplier<TokenCursor> tokens, StfKeyword keyword, int column) {
        this.tokens = tokens;
        this.keyword = keyword;
        this.column = column;
    }

    private TokenCursor in() {
        if (cursor == null) {
            cursor = tokens.get();
        }
        return cursor;
    }

    /** Checks that the command ends here; its span, from the command word to its last token. */
    Span end() {
        TokenCursor in = in();
        in.expectEnd(keyword.word());
        int last = Math.max(in.lastEnd(), column + keyword.word().length() - 1);
        return in.span(column, last);
    }

    StfName name(String what) {
        return in().name(what);
    }

    StfNumber number(String role) {
        return in().number(role);
    }

    /** One or more numbers up to the end of the line. */
    List<StfNumber> numbers(String role) {
        List<StfNumber> out = new ArrayList<>();
        do {
            out.add(in().number(role));
        } while (in().at(StfToken.Kind.NUMBER));
        return out;
    }

    /** One or more {@code RATE:BURST} pairs. */
    List<MeterRate> rates() {
        List<MeterRate> out = new ArrayList<>();
        do {
            out.add(rate());
        } while (in().at(StfToken.Kind.NUMBER));
        return out;
    }

    private MeterRate rate() {
        StfNumber whole = decimalPart("a rate (RATE:BURST)");
        String text = whole.digits();
        if (in().accept(StfToken.Kind.DOT)) {
            text += "." + decimalPart("the fraction of the rate").digits();
        }
        in().expect(StfToken.Kind.COLON, "':' between rate and burst");
        return new MeterRate(new BigDecimal(text), in().number("a burst size"));
    }

    private StfNumber decimalPart(String role) {
        StfNumber n = in().number(role);
        if (n.radix() != StfNumber.Radix.DECIMAL) {
            Span s = n.span();
            throw new StfLineError(StfErrorKind.BAD_NUMBER, s.column(), s.endColumn(),
                    "a meter rate is a decimal number such as 0.0005, found '" + n.text() + "'");
        }
        return n;
    }

    /** {@code add TABLE [PRIORITY] FIELD:VALUE... ACTION(ARGS) [= ID]}. */
    StfCommand.Add add() {
        StfName table = in().name("a table name");
        OptionalLong priority = in().at(StfToken.Kind.NUMBER)
                ? OptionalLong.of(in().decimal("the priority")) : OptionalLong.empty();
        List<KeyMatch> keys = new ArrayList<>();
        ActionCall action = null;
        while (action == null) {
            StfName n = in().name(keys.isEmpty() ? "a key FIELD:VALUE" : "a key FIELD:VALUE or the action");
            if (in().accept(StfToken.Kind.COLON)) {
                keys.add(new KeyMatch(n, keyValue()));
            } else if (in().at(StfToken.Kind.LPAREN)) {
                if (keys.isEmpty()) {
                    throw new StfLineError(StfErrorKind.SYNTAX, n.span().column(), n.span().endColumn(),
                            "an entry needs at least one key: add TABLE [PRIORITY] FIELD:VALUE... ACTION(ARGS)");
                }
                action = actionCall(n);
            } else {
                throw in().unexpected("':' after the key field '" + n + "', or '(' after the action name '" + n + "'");
            }
        }
        Optional<StfName> id = in().accept(StfToken.Kind.ASSIGN)
                ? Optional.of(in().name("an entry id after '='")) : Optional.empty();
        return new StfCommand.Add(table, priority, keys, action, id, end());
    }

    private KeyValue keyValue() {
        StfNumber value = in().pattern("a key value");
        if (in().accept(StfToken.Kind.SLASH)) {
            return new KeyValue.Prefix(noWildcards(value, "a value with a /prefix length"),
                    in().number("a prefix length"));
        }
        if (in().accept(StfToken.Kind.MASK)) {
            return new KeyValue.Masked(noWildcards(value, "a value with a &&&mask"), in().number("a mask"));
        }
        if (in().accept(StfToken.Kind.DOTDOT)) {
            return new KeyValue.Range(noWildcards(value, "a range bound"), in().number("a range bound"));
        }
        return new KeyValue.Value(value);
    }

    private static StfNumber noWildcards(StfNumber n, String role) {
        if (n.hasWildcards()) {
            Span s = n.span();
            throw new StfLineError(StfErrorKind.MISPLACED_WILDCARD, s.column(), s.endColumn(),
                    role + " cannot have '*' wildcards: '" + n.text() + "'");
        }
        return n;
    }

    private ActionCall actionCall(StfName action) {
        in().expect(StfToken.Kind.LPAREN, "'(' after the action name");
        List<ActionCall.Arg> args = new ArrayList<>();
        if (!in().accept(StfToken.Kind.RPAREN)) {
            do {
                StfName parameter = in().name("a parameter name (PARAM:VALUE)");
                in().expect(StfToken.Kind.COLON, "':' after the parameter name '" + parameter + "'");
                args.add(new ActionCall.Arg(parameter, in().number("an action argument")));
            } while (in().accept(StfToken.Kind.COMMA));
            in().expect(StfToken.Kind.RPAREN, "',' or ')' after an action argument");
        }
        return new ActionCall(action, args);
    }

    /** {@code setdefault TABLE ACTION(ARGS)}. */
    StfCommand.SetDefault setDefault() {
        StfName table = in().name("a table name");
        StfName action = in().name("an action name");
        return new StfCommand.SetDefault(table, actionCall(action), end());
    }

    /** {@code remove all}. */
    StfCommand.RemoveAll remove() {
        if (!in().at(StfToken.Kind.NAME) || !in().peek().text().equalsIgnoreCase("all")) {
            throw in().unexpected("'all' (STF removes entries only with 'remove all')");
        }
        in().advance();
        return new StfCommand.RemoveAll(end());
    }

    /** {@code check_counter COUNTER(INDEX | $ID) [packets|bytes OP VALUE]}. */
    StfCommand.CheckCounter checkCounter() {
        StfName counter = in().name("a counter name");
        in().expect(StfToken.Kind.LPAREN, "'(' after the counter name");
        CounterIndex index;
        if (in().at(StfToken.Kind.NAME)) {
            index = new CounterIndex.OfEntry(in().name("an entry id"));
        } else if (in().at(StfToken.Kind.NUMBER)) {
            index = new CounterIndex.AtIndex(in().number("a counter index"));
        } else {
            throw in().unexpected("a counter index or $ENTRY_ID");
        }
        in().expect(StfToken.Kind.RPAREN, "')' after the counter index");
        Optional<CounterCheck> check = in().at(StfToken.Kind.END) ? Optional.empty() : Optional.of(counterCheck());
        return new StfCommand.CheckCounter(counter, index, check, end());
    }

    private CounterCheck counterCheck() {
        StfToken kindWord = in().peek();
        CounterCheck.Kind kind = switch (kindWord.kind() == StfToken.Kind.NAME
                ? kindWord.text().toLowerCase(Locale.ROOT) : "") {
            case "packets" -> CounterCheck.Kind.PACKETS;
            case "bytes" -> CounterCheck.Kind.BYTES;
            default -> throw in().unexpected("'packets' or 'bytes'");
        };
        in().advance();
        StfToken op = in().peek();
        CounterCheck.Comparison comparison = switch (op.kind()) {
            case EQ -> CounterCheck.Comparison.EQUAL;
            case NE -> CounterCheck.Comparison.NOT_EQUAL;
            case LT -> CounterCheck.Comparison.LESS;
            case LE -> CounterCheck.Comparison.LESS_OR_EQUAL;
            case GT -> CounterCheck.Comparison.GREATER;
            case GE -> CounterCheck.Comparison.GREATER_OR_EQUAL;
            default -> throw in().unexpected("a comparison (==, !=, <, <=, >, >=)");
        };
        in().advance();
        return new CounterCheck(kind, comparison, in().number("a count"));
    }
}
