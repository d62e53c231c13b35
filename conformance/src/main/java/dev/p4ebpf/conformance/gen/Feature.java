package dev.p4ebpf.conformance.gen;

/**
 * A construct the {@link ProgramGenerator} can put into a program. Every feature is on in
 * {@link GeneratorOptions#defaults}; a run that must avoid a construct (because a compiler bug is
 * open against it) turns it off with {@link GeneratorOptions#without}.
 */
public enum Feature {
    /** Header fields wider than 64 bits (only in headers that stay read-only in the packet). */
    WIDE_FIELDS,
    /**
     * Header fields of at most 64 bits that span nine bytes: 58 bits or more starting inside a
     * byte ({@code bit<63>} after a {@code bit<3>}). Without it such a field is narrowed to end at
     * the eighth byte.
     */
    NINE_BYTE_FIELDS,
    /** {@code int<W>} fields, variables and expressions. */
    SIGNED,
    /** {@code bool} fields in headers. */
    BOOL_FIELDS,
    /** A structure nested in the metadata structure. */
    NESTED_STRUCTS,
    /** Structure initializers {@code {f = e, ...}} for the metadata. */
    STRUCT_INITIALIZERS,
    /** Header stacks ({@code h_t[N]}), accessed at constant indices. */
    HEADER_STACKS,
    /** {@code push_front} and {@code pop_front} on header stacks. */
    STACK_SHIFTS,
    /** Keysets {@code value &&& mask} in select. */
    SELECT_MASKS,
    /** Keysets {@code low .. high} in select. */
    SELECT_RANGES,
    /** Select on several keys, with tuple keysets. */
    SELECT_TUPLES,
    /** Parser value sets ({@code value_set<T>(N)}) as select keysets. */
    VALUE_SETS,
    /** {@code verify(condition, error)} in parser states, with errors the program declares. */
    VERIFY,
    /** {@code lookahead<T>()}, into a variable and as a select key. */
    LOOKAHEAD,
    /** {@code advance(bits)} by a constant number of bytes. */
    ADVANCE,
    /** Variables declared in the parser and in its states. */
    PARSER_LOCALS,
    /** {@code |+|} and {@code |-|}. */
    SATURATING,
    /** {@code <<} and {@code >>} by constants. */
    SHIFTS,
    /** Explicit casts between bit, int and bool types. */
    CASTS,
    /** Bit slices {@code e[h:l]} as values. */
    SLICES,
    /** Assignments to bit slices {@code x[h:l] = e}. */
    SLICE_ASSIGNMENTS,
    /** Concatenation {@code ++}. */
    CONCAT,
    /** Conditional expressions {@code c ? a : b}. */
    MUX,
    /** Functions declared at the top level and called in expressions. */
    FUNCTIONS,
    /** {@code setValid()} and {@code setInvalid()} on headers. */
    SET_VALIDITY,
    /** Assignment of a whole header to another of the same type. */
    HEADER_COPY,
    /** {@code switch} on a bit value with constant labels. */
    VALUE_SWITCH,
    /** {@code switch (t.apply().action_run)}. */
    ACTION_RUN_SWITCH,
    /** {@code t.apply().hit} and {@code t.apply().miss}. */
    HIT_MISS,
    /** {@code exit} in controls and actions. */
    EXIT,
    /** {@code return} in controls and actions. */
    RETURN,
    /** Tables with lpm keys. */
    LPM_KEYS,
    /** Tables with ternary keys. */
    TERNARY_KEYS,
    /** Tables with range keys (the program declares the match kind). */
    RANGE_KEYS,
    /** Tables with optional keys (the program declares the match kind). */
    OPTIONAL_KEYS,
    /** Key expressions other than plain fields: slices, masks, validity. */
    KEY_EXPRESSIONS,
    /** Tables without keys. */
    KEYLESS_TABLES,
    /** {@code implementation = hash_table(N)} and {@code array_table(N)}. */
    TABLE_IMPLEMENTATIONS,
    /** {@code const entries}. */
    CONST_ENTRIES,
    /** {@code const default_action}. */
    CONST_DEFAULT_ACTION,
    /** Actions with in, inout and out parameters, bound in the table's action list. */
    DIRECTIONAL_PARAMS,
    /** Actions called directly from the apply block. */
    DIRECT_ACTION_CALLS,
    /** {@code CounterArray} instances, incremented and added to. */
    COUNTERS,
    /** A deparser that emits headers in another order or set than the parser extracted them. */
    DEPARSER_REWRITE
}
