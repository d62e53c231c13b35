package dev.p4ebpf.ebpf.btf;

import java.util.List;

/**
 * One BTF type, of any of the kinds the kernel defines (linux/btf.h, Documentation/bpf/btf.rst).
 * Types refer to other types by id: 0 is {@code void}, id {@code n} is the {@code n}-th type of its
 * {@link Btf}. Names are strings, empty for anonymous types; the encoder builds the string table.
 */
public sealed interface BtfType {

    /** The BTF kind number ({@code BTF_KIND_*}). */
    int kind();

    /** The type's name, empty if anonymous (or if the kind has none). */
    String name();

    /** {@code BTF_INT_SIGNED}, {@code BTF_INT_CHAR}, {@code BTF_INT_BOOL} bits of {@link Int#encoding}. */
    int INT_SIGNED = 1;
    int INT_CHAR = 2;
    int INT_BOOL = 4;

    /** An integer of {@code bits} bits at {@code bitOffset} inside {@code size} bytes. */
    record Int(String name, int size, int encoding, int bitOffset, int bits) implements BtfType {
        public Int {
            if (bits < 0 || bits > 128 || bitOffset < 0 || bitOffset > 255 || (encoding & ~7) != 0) {
                throw new IllegalArgumentException("bad INT " + name + ": bits " + bits + " offset " + bitOffset);
            }
        }

        public static Int unsigned(String name, int size) {
            return new Int(name, size, 0, 0, size * 8);
        }

        public static Int signed(String name, int size) {
            return new Int(name, size, INT_SIGNED, 0, size * 8);
        }

        public int kind() {
            return 1;
        }
    }

    record Ptr(int type) implements BtfType {
        public int kind() {
            return 2;
        }

        public String name() {
            return "";
        }
    }

    record Array(int elemType, int indexType, int elems) implements BtfType {
        public int kind() {
            return 3;
        }

        public String name() {
            return "";
        }
    }

    /** A struct or union member; {@code bitfieldSize} is 0 for a plain member. */
    record Member(String name, int type, int bitOffset, int bitfieldSize) {
        public static Member at(String name, int type, int bitOffset) {
            return new Member(name, type, bitOffset, 0);
        }
    }

    /**
     * A struct of {@code size} bytes. {@code bitfieldLayout} is the kind flag: member offsets then
     * carry a bitfield size in their top 8 bits (clang sets it when a member is a bitfield).
     */
    record Struct(String name, int size, boolean bitfieldLayout, List<Member> members) implements BtfType {
        public Struct {
            members = List.copyOf(members);
        }

        public int kind() {
            return 4;
        }
    }

    record Union(String name, int size, boolean bitfieldLayout, List<Member> members) implements BtfType {
        public Union {
            members = List.copyOf(members);
        }

        public int kind() {
            return 5;
        }
    }

    record EnumValue(String name, long value) {
    }

    /** An enum of 1–4 bytes with 32-bit values. */
    record Enum(String name, int size, boolean signed, List<EnumValue> values) implements BtfType {
        public Enum {
            values = List.copyOf(values);
        }

        public int kind() {
            return 6;
        }
    }

    /** A forward declaration of a struct, or of a union when {@code union}. */
    record Fwd(String name, boolean union) implements BtfType {
        public int kind() {
            return 7;
        }
    }

    record Typedef(String name, int type) implements BtfType {
        public int kind() {
            return 8;
        }
    }

    record Volatile(int type) implements BtfType {
        public int kind() {
            return 9;
        }

        public String name() {
            return "";
        }
    }

    record Const(int type) implements BtfType {
        public int kind() {
            return 10;
        }

        public String name() {
            return "";
        }
    }

    record Restrict(int type) implements BtfType {
        public int kind() {
            return 11;
        }

        public String name() {
            return "";
        }
    }

    /** Linkage of a {@link Func}. */
    enum FuncLinkage { STATIC, GLOBAL, EXTERN }

    /** A function: its name, its {@link FuncProto} and its linkage. */
    record Func(String name, int proto, FuncLinkage linkage) implements BtfType {
        public int kind() {
            return 12;
        }
    }

    record Param(String name, int type) {
    }

    /** A function signature; a last parameter with type 0 and no name means {@code ...}. */
    record FuncProto(int returnType, List<Param> params) implements BtfType {
        public FuncProto {
            params = List.copyOf(params);
        }

        public int kind() {
            return 13;
        }

        public String name() {
            return "";
        }
    }

    /** Linkage of a {@link Var}. */
    enum VarLinkage { STATIC, GLOBAL_ALLOCATED, GLOBAL_EXTERN }

    record Var(String name, int type, VarLinkage linkage) implements BtfType {
        public int kind() {
            return 14;
        }
    }

    /** One variable of a {@link Datasec}: its {@link Var} type id, byte offset and size. */
    record VarSecinfo(int type, int offset, int size) {
    }

    /** An ELF data section ({@code .maps}, {@code .data} …) as a list of variables. */
    record Datasec(String name, int size, List<VarSecinfo> vars) implements BtfType {
        public Datasec {
            vars = List.copyOf(vars);
        }

        public int kind() {
            return 15;
        }
    }

    record Float(String name, int size) implements BtfType {
        public int kind() {
            return 16;
        }
    }

    /**
     * A tag on a declaration: the type itself ({@code componentIdx = -1}) or one member/parameter.
     * {@code attribute} is the kind flag (the tag is an attribute, newer kernels).
     */
    record DeclTag(String name, int type, int componentIdx, boolean attribute) implements BtfType {
        public int kind() {
            return 17;
        }
    }

    record TypeTag(String name, int type, boolean attribute) implements BtfType {
        public int kind() {
            return 18;
        }
    }

    /** An enum with 64-bit values. */
    record Enum64(String name, int size, boolean signed, List<EnumValue> values) implements BtfType {
        public Enum64 {
            values = List.copyOf(values);
        }

        public int kind() {
            return 19;
        }
    }
}
