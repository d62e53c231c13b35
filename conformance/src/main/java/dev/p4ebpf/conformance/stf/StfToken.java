package dev.p4ebpf.conformance.stf;

/**
 * A token of an STF command line (packet data is scanned separately). Columns are 1-based and
 * inclusive; for a quoted name {@code text} is the name without its quotes.
 */
record StfToken(Kind kind, String text, int column, int endColumn) {

    enum Kind {
        NAME("a name"),
        NUMBER("a number"),
        COLON("':'"),
        COMMA("','"),
        LPAREN("'('"),
        RPAREN("')'"),
        LBRACKET("'['"),
        RBRACKET("']'"),
        DOT("'.'"),
        DOTDOT("'..'"),
        SLASH("'/'"),
        MASK("'&&&'"),
        ASSIGN("'='"),
        EQ("'=='"),
        NE("'!='"),
        LT("'<'"),
        LE("'<='"),
        GT("'>'"),
        GE("'>='"),
        END("the end of the line");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** How a message names this token: {@code 'foo'}, or "the end of the line". */
    String describe() {
        return kind == Kind.END ? kind.description() : "'" + text + "'";
    }
}
