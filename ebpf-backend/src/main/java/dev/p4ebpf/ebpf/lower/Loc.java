package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a P4 value lives while the program runs. Scalars (bit/int up to 64 bits, bool, enums,
 * errors) sit in virtual registers, holding the value's bits zero-extended to 64 bits (an enum its
 * member's index, an error its index in the program's error list); wider ones in one register per
 * 64 bits ({@link Wide}). Aggregates are split into their
 * scalars. A header that is only ever filled by extraction stays in the packet: its fields are read
 * and written where they are, through a pointer to the header's first byte.
 */
sealed interface Loc {
    Type type();

    record Scalar(Type type, VReg reg) implements Loc {}

    /** A scalar wider than 64 bits, in 64-bit limb registers (least significant first), canonical as {@link Wide}. */
    record Wide(Type type, List<VReg> limbs) implements Loc {
        public Wide {
            limbs = List.copyOf(limbs);
        }

        dev.p4ebpf.ebpf.lower.Wide value() {
            return new dev.p4ebpf.ebpf.lower.Wide(Scalars.width(type).orElseThrow(), limbs);
        }
    }

    record Struct(Type type, Map<String, Loc> fields) implements Loc {
        public Struct {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** A header held in registers (it is set valid, assigned or copied somewhere). */
    record Header(Type.Header type, VReg valid, Map<String, Loc> fields) implements Loc {
        public Header {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /**
     * A header that stays in the packet: {@code ptr} points at its first byte once it is valid. A
     * header whose last field is a varbit has the bytes that field holds in {@code varbitBytes}.
     */
    record PacketHeader(Type.Header type, VReg valid, VReg ptr, HeaderLayout layout, Optional<VReg> varbitBytes)
            implements Loc {
        PacketHeader(Type.Header type, VReg valid, VReg ptr, HeaderLayout layout) {
            this(type, valid, ptr, layout, Optional.empty());
        }
    }

    /** One field of a {@link PacketHeader}. */
    record PacketField(PacketHeader header, HeaderLayout.FieldLayout field) implements Loc {
        @Override
        public Type type() {
            return field.type();
        }
    }

    /**
     * A read-only big-endian value in memory: an action parameter in a table's map value. Reading
     * loads it; assigning it to a whole-byte field kept in the packet copies the bytes.
     */
    record MemField(Type type, VReg base, int offset, int bytes) implements Loc {}

    /** A header stack or array; {@code next} is the index the next extraction fills. */
    record Stack(Type.Stack type, List<Loc> elements, VReg next) implements Loc {
        public Stack {
            elements = List.copyOf(elements);
        }
    }

    record Union(Type.HeaderUnion type, Map<String, Loc> members) implements Loc {
        public Union {
            members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }
    }

    record Tuple(Type type, List<Loc> elements) implements Loc {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    /** An object with no run-time storage of its own: packet_in, packet_out, an extern instance. */
    record Opaque(Type type) implements Loc {}
}
