package dev.p4ebpf.ir.interp.value;

/**
 * A run-time value of the reference interpreter.
 *
 * <p>Scalars ({@link BitsValue}, {@link BoolValue}, {@link IntValue}, {@link ErrorValue},
 * {@link EnumValue}, {@link StringValue}, {@link VarbitValue}) are immutable records. Composite
 * values ({@link HeaderValue}, {@link StructValue}, {@link UnionValue}, {@link StackValue},
 * {@link TupleValue}) are mutable containers, because P4 assigns to their parts; P4 has value
 * semantics, so the interpreter {@linkplain #copy() copies} a composite whenever it is assigned,
 * passed in or copied out. {@link ObjectValue} wraps run-time objects (extern instances, packets)
 * passed as directionless arguments, and {@link TableResultValue} is the result of
 * {@code t.apply()}.
 */
public sealed interface Value permits BitsValue, BoolValue, IntValue, ErrorValue, EnumValue, StringValue,
        VarbitValue, FieldedValue, UnionValue, StackValue, TupleValue, ObjectValue, TableResultValue {

    /** A deep copy of a composite value; scalars, being immutable, return themselves. */
    Value copy();
}
