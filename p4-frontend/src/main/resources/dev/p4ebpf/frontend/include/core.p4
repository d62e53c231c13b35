// core.p4 as bundled with p4ebpf.
//
// The P4_16 core library (language specification 1.2.x, "P4 core library"): the built-in error
// codes and match kinds, the packet_in / packet_out externs every parser and deparser uses,
// verify(), the NoAction action and static_assert(). Every architecture file includes it.
// The names and signatures are those p4c's core.p4 declares, so that programs written against
// it compile unchanged here.

#ifndef _CORE_P4_
#define _CORE_P4_

// Error codes the core library defines. Programs may add members with error { ... } of their own.
error {
    NoError,                // nothing went wrong
    PacketTooShort,         // extract() or lookahead() ran past the end of the packet
    NoMatch,                // no case of a select expression matched
    StackOutOfBounds,       // a header stack was indexed outside its size
    HeaderTooShort,         // a varbit extraction asked for more bits than the field holds
    ParserTimeout,          // the target stopped a parser that ran for too long
    ParserInvalidArgument   // a parser operation got an argument the target cannot handle
}

// The packet being parsed. The cursor starts at the first bit and only moves forward.
extern packet_in {
    // Copies a fixed-size header from the cursor into `hdr`, makes it valid and moves the
    // cursor past it. Signals PacketTooShort when the packet ends first.
    void extract<T>(out T hdr);
    // The same for a header whose single varbit field gets `variableFieldSizeInBits` bits.
    // Signals HeaderTooShort when that is more than the field's maximum width.
    void extract<T>(out T variableSizeHeader,
                    in bit<32> variableFieldSizeInBits);
    // Reads sizeof(T) bits at the cursor without moving it.
    T lookahead<T>();
    // Moves the cursor forward by `sizeInBits` bits without reading them.
    void advance(in bit<32> sizeInBits);
    // The whole packet's length in bytes; not every target offers it.
    bit<32> length();
}

// The packet being built by a deparser.
extern packet_out {
    // Appends `hdr` when it is a valid header; a stack, union or struct is emitted element by
    // element, skipping the invalid ones.
    void emit<T>(in T hdr);
}

// In a parser: when `check` is false, sets the parser error to `toSignal` and goes to reject.
extern void verify(in bool check, in error toSignal);

// The action that changes nothing; the usual default action of a table.
@noWarn("unused")
action NoAction() {}

// How a table key field is compared with the entries. Architectures declare further kinds.
match_kind {
    exact,     // the field equals the entry's value
    ternary,   // the field equals the entry's value on the bits its mask selects
    lpm        // the longest matching prefix wins
}

// Evaluated by the compiler: stops compilation with `message` when `check` is false.
// It yields a bool so that it can initialise a constant, for example
//   const bool ok = static_assert(V1MODEL_VERSION >= 20200408, "needs a newer v1model");
extern bool static_assert(bool check, string message);

// As above, with a message of the compiler's choosing.
extern bool static_assert(bool check);

#endif  // _CORE_P4_
