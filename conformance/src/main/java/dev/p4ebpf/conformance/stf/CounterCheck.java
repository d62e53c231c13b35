package dev.p4ebpf.conformance.stf;

/**
 * The condition of a {@code check_counter}: {@code packets == 2}, {@code bytes >= 100}.
 */
public record CounterCheck(Kind kind, Comparison comparison, StfNumber value) {

    /** Which count of the counter is compared. */
    public enum Kind {
        PACKETS("packets"),
        BYTES("bytes");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** The comparisons STF knows, as in p4c's grammar. */
    public enum Comparison {
        EQUAL("=="),
        NOT_EQUAL("!="),
        LESS("<"),
        LESS_OR_EQUAL("<="),
        GREATER(">"),
        GREATER_OR_EQUAL(">=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether {@code actual OP expected} holds. */
        public boolean holds(java.math.BigInteger actual, java.math.BigInteger expected) {
            int c = actual.compareTo(expected);
            return switch (this) {
                case EQUAL -> c == 0;
                case NOT_EQUAL -> c != 0;
                case LESS -> c < 0;
                case LESS_OR_EQUAL -> c <= 0;
                case GREATER -> c > 0;
                case GREATER_OR_EQUAL -> c >= 0;
            };
        }
    }
}
