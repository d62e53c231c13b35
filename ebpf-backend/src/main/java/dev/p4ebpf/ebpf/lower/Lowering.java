package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Map;

/**
 * The state of lowering one BPF program: the builder, the storage of the variables in scope, and the
 * pieces that lower expressions, calls, statements and tables. Locations and copies of aggregate
 * values are here; each kind of code has its own class.
 */
final class Lowering {
    final Gen g;
    final Program program;
    final Storage storage;
    final Exprs exprs;
    final WideExprs wide;
    final StackIndex stackIndex;
    final Calls calls;
    final Stmts stmts;
    final Tables tables;
    final ValueSets valueSets;
    final Packet packet;
    final PacketAccess access;
    final Extraction extraction;
    final Emits emits;
    Env env;

    Lowering(Gen g, Program program, Storage storage, Packet packet, Maps maps, EbpfLowering.Options options, Env env) {
        this.g = g;
        this.program = program;
        this.storage = storage;
        this.packet = packet;
        this.env = env;
        this.access = new PacketAccess(g);
        this.exprs = new Exprs(this);
        this.wide = new WideExprs(this);
        this.stackIndex = new StackIndex(this);
        this.calls = new Calls(this);
        this.stmts = new Stmts(this);
        this.tables = new Tables(this, maps, options.maxTernaryMasks());
        this.valueSets = new ValueSets(this, maps);
        this.extraction = new Extraction(this);
        this.emits = new Emits(this);
    }

    long errorCode(String member) {
        int i = program.errors().indexOf(member);
        if (i < 0) {
            throw new IllegalStateException("unknown error " + member);
        }
        return i;
    }

    /** Where the value of an lvalue-like expression (variable, field, element) is. */
    Loc loc(Expr e) throws Unsupported {
        Span at = e.span();
        return switch (e) {
            case Expr.Var v -> env.lookup(v).orElseThrow(() -> new IllegalStateException("no storage for " + v.name()));
            case Expr.Member m -> member(loc(m.base()), m.field(), at);
            case Expr.StackElement s -> element(s, at);
            case Expr.StackProperty p -> throw new Unsupported("'" + p.property().member() + "' of a header stack",
                    "stack positions must be known at compile time (the midend unrolls parser loops)", at);
            case Expr.TupleElement t -> ((Loc.Tuple) loc(t.tuple())).elements().get(t.index());
            default -> throw new Unsupported("this expression as a location (" + e.getClass().getSimpleName() + ")",
                    "only variables, fields and elements can be read as aggregates or written; assign the value to a"
                            + " variable first", at);
        };
    }

    private Loc member(Loc base, String field, Span at) {
        return switch (base) {
            case Loc.Struct s -> s.fields().get(field);
            case Loc.Header h -> h.fields().get(field);
            case Loc.PacketHeader ph -> new Loc.PacketField(ph, ph.layout().field(field));
            case Loc.Union u -> u.members().get(field);
            default -> throw new IllegalStateException("member " + field + " of " + base);
        };
    }

    private Loc element(Expr.StackElement s, Span at) throws Unsupported {
        Loc.Stack st = (Loc.Stack) loc(s.stack());
        if (s.index() instanceof Expr.IntLit i) {
            int k = i.value().intValueExact();
            return st.elements().get(k);
        }
        throw new Unsupported("an array element with a run-time index", "indices must be compile-time constants", at);
    }

    VReg read(Loc l, Span at) {
        return switch (l) {
            case Loc.Scalar s -> s.reg();
            case Loc.PacketField f -> access.read(f, at);
            case Loc.MemField m -> {
                // the value may be the default action's arguments on the stack: aligned loads
                VReg raw = access.loadBigEndian(m.base(), m.offset(), m.bytes(), true, at);
                int w = Scalars.width(m.type()).orElseThrow();
                yield w == m.bytes() * 8 ? raw : g.truncate(raw, w, at);
            }
            default -> throw new IllegalStateException("not a scalar: " + l);
        };
    }

    /** The value at a scalar location of any width, as limbs. */
    Wide readWide(Loc l, Span at) {
        int w = Scalars.width(l.type()).orElseThrow();
        return switch (l) {
            case Loc.Wide v -> v.value();
            case Loc.PacketField f -> access.readWide(f.header().ptr(), f.field().bitOffset(), w, at);
            case Loc.MemField m -> access.loadWideBigEndian(m.base(), m.offset(), m.bytes(), w, at);
            default -> new Wide(w, List.of(read(l, at)));
        };
    }

    /** Writes a value of any width to a scalar location. */
    void writeWide(Loc l, Wide v, Span at) {
        switch (l) {
            case Loc.Wide d -> wide.ops().set(d.value(), v, at);
            case Loc.PacketField f -> access.writeWide(f.header().ptr(), f.field().bitOffset(), v, at);
            case Loc.MemField m -> throw new IllegalStateException("action data are read-only");
            default -> write(l, v.limb(0), at);
        }
    }

    /** {@code dst = src} for scalar locations of the same type. */
    void copyScalar(Loc dst, Loc src, Span at) {
        if (Scalars.isWide(dst.type())) {
            writeWide(dst, readWide(src, at), at);
        } else {
            write(dst, read(src, at), at);
        }
    }

    void write(Loc l, Operand v, Span at) {
        switch (l) {
            case Loc.Scalar s -> g.set(s.reg(), v, at);
            case Loc.PacketField f -> access.write(f, v instanceof VReg r ? r : g.imm(((Operand.Imm) v).value(), at), at);
            case Loc.MemField m -> throw new IllegalStateException("action data are read-only");
            default -> throw new IllegalStateException("not a scalar: " + l);
        }
    }

    /** {@code target = value} for a value of any type. */
    void assign(Loc target, Expr value) throws Unsupported {
        Span at = value.span();
        switch (value) {
            case Expr.StructValue sv -> structValue(target, sv);
            case Expr.TupleValue tv -> {
                List<Loc> elements = switch (target) {
                    case Loc.Tuple t -> t.elements();
                    case Loc.Stack s -> s.elements();
                    default -> throw new IllegalStateException("tuple value into " + target);
                };
                for (int i = 0; i < elements.size(); i++) {
                    assign(elements.get(i), tv.elements().get(i));
                }
                if (target instanceof Loc.Stack s) {
                    g.set(s.next(), Operand.imm(0), at);
                }
            }
            case Expr.InvalidHeader ih -> invalidate(target, at);
            default -> {
                if (dev.p4ebpf.ir.Types.representation(value.type()) instanceof Type.Varbit) {
                    throw Exprs.varbitValue(at);
                }
                if (target instanceof Loc.PacketField f && bytesCopy(f, value)) {
                    Loc.MemField m = (Loc.MemField) loc(value);
                    access.copyFromStack(f.header().ptr(), f.field().bitOffset() / 8, m.base(), m.offset(), m.bytes(), at);
                } else if (Scalars.isWide(value.type())) {
                    writeWide(target, wide.of(value), at);
                } else if (Scalars.isScalar(value.type())) {
                    write(target, fieldValue(value), at);
                } else {
                    copy(target, loc(value), at);
                }
            }
        }
    }

    /** Whether {@code value} is an action parameter whose bytes can be copied into field {@code f} as they are. */
    private boolean bytesCopy(Loc.PacketField f, Expr value) throws Unsupported {
        if (!(value instanceof Expr.Var) || !f.field().byteAligned()) {
            return false;
        }
        return loc(value) instanceof Loc.MemField m && m.bytes() * 8 == f.field().width()
                && Scalars.width(m.type()).orElse(0) == f.field().width();
    }

    /** A value to store: an immediate for small constants. */
    private Operand fieldValue(Expr value) throws Unsupported {
        return exprs.operand(value);
    }

    private void structValue(Loc target, Expr.StructValue sv) throws Unsupported {
        var fields = ((Type.Fielded) sv.type()).fields();
        Map<String, Loc> locs = switch (target) {
            case Loc.Struct s -> s.fields();
            case Loc.Header h -> {
                g.set(h.valid(), Operand.imm(1), sv.span());
                yield h.fields();
            }
            default -> throw new IllegalStateException("struct value into " + target);
        };
        for (int i = 0; i < fields.size(); i++) {
            assign(locs.get(fields.get(i).name()), sv.fields().get(i));
        }
    }

    /**
     * After {@code target} may have become valid (setValid, extraction, assignment of a header): when
     * it is a member of a header union and is valid, the union's other members become invalid.
     */
    void unionMemberWritten(Expr target, Span at) throws Unsupported {
        if (!(target instanceof Expr.Member m)
                || !(dev.p4ebpf.ir.Types.representation(m.base().type()) instanceof Type.HeaderUnion)) {
            return;
        }
        Loc.Union u = (Loc.Union) loc(m.base());
        int clear = g.block();
        int join = g.block();
        g.branch(JmpOp.JNE, calls.valid(u.members().get(m.field()), at), Operand.imm(0), clear, join, at);
        g.enter(clear);
        for (var e : u.members().entrySet()) {
            if (!e.getKey().equals(m.field())) {
                invalidate(e.getValue(), at);
            }
        }
        g.jump(join, at);
        g.enter(join);
    }

    void invalidate(Loc target, Span at) {
        switch (target) {
            case Loc.Header h -> g.set(h.valid(), Operand.imm(0), at);
            case Loc.PacketHeader p -> g.set(p.valid(), Operand.imm(0), at);
            case Loc.Union u -> u.members().values().forEach(m -> invalidate(m, at));
            default -> throw new IllegalStateException("{#} into " + target);
        }
    }

    /** Copies an aggregate (or scalar) value from one location to another. */
    void copy(Loc dst, Loc src, Span at) throws Unsupported {
        if (Scalars.isScalar(dst.type())) {
            copyScalar(dst, src, at);
            return;
        }
        switch (dst) {
            case Loc.Struct d -> {
                Map<String, Loc> s = ((Loc.Struct) src).fields();
                for (var e : d.fields().entrySet()) {
                    copy(e.getValue(), s.get(e.getKey()), at);
                }
            }
            case Loc.Header d -> copyHeader(d, src, at);
            case Loc.Stack d -> {
                Loc.Stack s = (Loc.Stack) src;
                for (int i = 0; i < d.elements().size(); i++) {
                    copy(d.elements().get(i), s.elements().get(i), at);
                }
                g.set(d.next(), s.next(), at);
            }
            case Loc.Union d -> {
                Map<String, Loc> s = ((Loc.Union) src).members();
                for (var e : d.members().entrySet()) {
                    copy(e.getValue(), s.get(e.getKey()), at);
                }
            }
            case Loc.Tuple d -> {
                List<Loc> s = ((Loc.Tuple) src).elements();
                for (int i = 0; i < d.elements().size(); i++) {
                    copy(d.elements().get(i), s.get(i), at);
                }
            }
            case Loc.PacketHeader p -> throw new IllegalStateException("a header kept in the packet is assigned: "
                    + p.type().name());
            default -> throw new IllegalStateException("copy into " + dst);
        }
    }

    private void copyHeader(Loc.Header d, Loc src, Span at) throws Unsupported {
        switch (src) {
            case Loc.Header s -> {
                g.set(d.valid(), s.valid(), at);
                for (var e : d.fields().entrySet()) {
                    copy(e.getValue(), s.fields().get(e.getKey()), at);
                }
            }
            case Loc.PacketHeader p -> {
                // the packet bytes are there only when the header is valid
                g.set(d.valid(), p.valid(), at);
                int copyFields = g.block();
                int join = g.block();
                g.branch(JmpOp.JNE, p.valid(), Operand.imm(0), copyFields, join, at);
                g.enter(copyFields);
                for (var e : d.fields().entrySet()) {
                    copy(e.getValue(), new Loc.PacketField(p, p.layout().field(e.getKey())), at);
                }
                g.jump(join, at);
                g.enter(join);
            }
            default -> throw new IllegalStateException("header from " + src);
        }
    }

    /** {@code a == b} for values of any type, as a condition. */
    Conditions.Cond equality(Expr a, Expr b, Span at) throws Unsupported {
        if (Scalars.isWide(a.type())) {
            return exprs.cond(new Expr.Binary(Expr.BinOp.EQ, a, b, Type.BOOL, at));
        }
        if (Scalars.isScalar(a.type())) {
            VReg l = exprs.value(a);
            Operand r = exprs.operand(b);
            return (t, f) -> g.branch(JmpOp.JEQ, l, r, t, f, at);
        }
        Loc l = aggregate(a);
        Loc r = aggregate(b);
        return Equality.of(this, l, r, at);
    }

    /** The location of an aggregate operand, materializing literal values into fresh storage. */
    Loc aggregate(Expr e) throws Unsupported {
        return switch (e) {
            case Expr.StructValue s -> temporary(e);
            case Expr.TupleValue t -> temporary(e);
            case Expr.InvalidHeader h -> temporary(e);
            default -> loc(e);
        };
    }

    private Loc temporary(Expr e) throws Unsupported {
        Loc l = storage.allocate(e.type(), "tmp", e.span());
        assign(l, e);
        return l;
    }
}
