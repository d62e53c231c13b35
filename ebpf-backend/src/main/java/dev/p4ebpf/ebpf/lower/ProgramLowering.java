package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LBuilder;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers a whole architecture instance into one BPF program: the entry reads the packet pointers,
 * the parser runs, then the controls, then the deparser, and the verdict becomes the hook's return
 * code.
 */
final class ProgramLowering {
    /** XDP return codes. */
    static final int XDP_ABORTED = 0;
    static final int XDP_DROP = 1;
    static final int XDP_REDIRECT = 4;
    static final int XDP_PASS = 2;
    /** tc (sched_cls, direct action) return codes. */
    static final int TC_ACT_OK = 0;
    static final int TC_ACT_SHOT = 2;

    private final Program program;
    private final Architecture arch;
    private final Packet.Hook hook;
    private final Maps maps = new Maps();
    private dev.p4ebpf.ebpf.controlplane.PortMap portMap;
    private final EbpfLowering.Options options;

    ProgramLowering(Program program, Architecture arch, Packet.Hook hook, EbpfLowering.Options options) {
        this.options = options;
        this.program = program;
        this.arch = arch;
        this.hook = hook;
    }

    Maps maps() {
        return maps;
    }

    /** The device map XDP_REDIRECT goes through, when the program has one. */
    java.util.Optional<dev.p4ebpf.ebpf.controlplane.PortMap> portMap() {
        return java.util.Optional.ofNullable(portMap);
    }

    record Lowered(LFunction function, Lowering lowering) {}

    Lowered lower(String name) throws Unsupported {
        var b = new LBuilder(name);
        var g = new Gen(b);
        VReg ctx = b.param("ctx");
        int entry = g.block();
        g.enter(entry);
        var packet = new Packet(g, hook, ctx);
        packet.reload(arch.span());
        g.set(packet.cursor, packet.data, arch.span());
        return switch (arch) {
            case Architecture.EbpfFilter f -> ebpfFilter(f, b, g, packet, name);
            case Architecture.Xdp x -> xdp(x, b, g, packet, name);
        };
    }

    /** Storage of the headers structure, shared by every body of the architecture. */
    private Loc headers(Decl.ParserDecl p, Lowering lo, Set<String> inPlace, Gen g) throws Unsupported {
        Param hp = headersParam(p);
        Loc h = lo.storage.allocate(hp.type(), InPlace.ROOT, hp.span());
        lo.stmts.zero(h, Span.NONE);
        pointDummies(h, g, lo);
        return h;
    }

    /**
     * Headers kept in the packet point at a zeroed stack buffer until they are extracted, so that
     * reading an invalid header (allowed in P4, with an unspecified value) reads zeros and never an
     * unset pointer.
     */
    private void pointDummies(Loc h, Gen g, Lowering lo) {
        int largest = largestInPlace(h);
        if (largest == 0) {
            return;
        }
        StackSlot dummy = g.b.slot((largest + 7) & ~7, 8, "invalid_header");
        for (int i = 0; i < dummy.size(); i += 8) {
            g.b.emit(new LInsn.StoreStack(Size.DW, dummy, i, Operand.imm(0), Span.NONE));
        }
        VReg addr = g.stackAddr(dummy, 0, Span.NONE);
        setPointers(h, addr, g);
    }

    private static int largestInPlace(Loc l) {
        return switch (l) {
            case Loc.PacketHeader p -> p.layout().bytes();
            case Loc.Struct s -> s.fields().values().stream().mapToInt(ProgramLowering::largestInPlace).max().orElse(0);
            default -> 0;
        };
    }

    private static void setPointers(Loc l, VReg addr, Gen g) {
        switch (l) {
            case Loc.PacketHeader p -> g.set(p.ptr(), addr, Span.NONE);
            case Loc.Struct s -> s.fields().values().forEach(f -> setPointers(f, addr, g));
            default -> { }
        }
    }

    private static Param headersParam(Decl.ParserDecl p) throws Unsupported {
        return p.applyParams().stream().filter(x -> x.direction() == dev.p4ebpf.ir.Direction.OUT).findFirst()
                .orElseThrow(() -> new Unsupported("parser " + p.name(), "it has no out parameter for the headers; declare the architecture's 'out H headers' parameter", p.span()));
    }

    private Lowering lowering(Gen g, Packet packet, Set<String> inPlace) {
        var storage = new Storage(g.b, inPlace);
        return new Lowering(g, program, storage, packet, maps, options, Env.of(new HashMap<>()));
    }

    /** Binds a body's parameters: the headers to the shared storage, objects to nothing, the rest to {@code others}. */
    private static Map<String, Loc> bind(List<Param> params, Loc headers, Map<String, Loc> others) {
        var m = new LinkedHashMap<String, Loc>();
        for (Param p : params) {
            if (p.type() instanceof Type.Extern) {
                m.put(p.name(), new Loc.Opaque(p.type()));
            } else if (others.containsKey(p.name())) {
                m.put(p.name(), others.get(p.name()));
            } else {
                m.put(p.name(), headers);
            }
        }
        return m;
    }

    private void parser(Decl.ParserDecl p, Lowering lo, Loc headers, VReg error, int accept, int reject)
            throws Unsupported {
        lo.env = Env.of(new HashMap<>(bind(p.applyParams(), headers, Map.of())));
        locals(p.locals(), lo, p.name());
        new ParserLowering(lo).lower(p, error, accept, reject);
    }

    private static void locals(List<Decl> locals, Lowering lo, String block) throws Unsupported {
        for (Decl d : locals) {
            switch (d) {
                case Decl.VarDecl v -> lo.stmts.declare(v.name(), v.type(), v.init(), v.span());
                case Decl.ConstDecl c -> { }
                case Decl.ActionDecl a -> { }
                case Decl.TableDecl t -> { }
                case Decl.InstanceDecl i -> { }
                case Decl.ValueSetDecl vs -> lo.valueSets.declare(vs, block);
                default -> throw new Unsupported(d.name(), "this local declaration is not supported; declare variables, constants, actions, tables,"
                        + " value sets and extern instances here", d.span());
            }
        }
    }

    /** Lowers a control body; {@code exit} ends up at the returned block's start. */
    private void control(Decl.ControlDecl c, Lowering lo, Map<String, Loc> params) throws Unsupported {
        lo.env = Env.of(new HashMap<>(params));
        lo.tables.enter(c);
        locals(c.locals(), lo, c.name());
        int end = lo.g.block();
        lo.stmts.exitTarget = end;
        lo.stmts.all(c.body().statements());
        lo.g.continueAt(end, c.span());
        lo.stmts.exitTarget = -1;
    }

    private Lowered ebpfFilter(Architecture.EbpfFilter f, LBuilder b, Gen g, Packet packet, String name) throws Unsupported {
        Param hp = headersParam(f.parser());
        var blocks = new LinkedHashMap<Decl, String>();
        blocks.put(f.parser(), hp.name());
        blocks.put(f.filter(), f.filter().applyParams().getFirst().name());
        Set<String> inPlace = InPlace.compute(hp.type(), blocks, true, program.decls());
        Lowering lo = lowering(g, packet, inPlace);
        Loc headers = headers(f.parser(), lo, inPlace, g);
        VReg error = g.imm(lo.errorCode("NoError"), Span.NONE);
        int accept = g.block();
        int reject = g.block();
        parser(f.parser(), lo, headers, error, accept, reject);
        g.enter(reject);
        g.b.ret(Operand.imm(hook == Packet.Hook.TC ? TC_ACT_SHOT : XDP_DROP), f.span());
        g.enter(accept);
        Param acceptParam = f.filter().applyParams().get(1);
        Loc verdict = new Loc.Scalar(Type.BOOL, g.reg("accept"));
        g.set(((Loc.Scalar) verdict).reg(), Operand.imm(0), f.span());
        control(f.filter(), lo, bind(f.filter().applyParams(), headers, Map.of(acceptParam.name(), verdict)));
        int pass = g.block();
        int drop = g.block();
        g.branch(JmpOp.JNE, ((Loc.Scalar) verdict).reg(), Operand.imm(0), pass, drop, f.span());
        g.enter(pass);
        g.b.ret(Operand.imm(hook == Packet.Hook.TC ? TC_ACT_OK : XDP_PASS), f.span());
        g.enter(drop);
        g.b.ret(Operand.imm(hook == Packet.Hook.TC ? TC_ACT_SHOT : XDP_DROP), f.span());
        return new Lowered(b.build(), lo);
    }

    private Lowered xdp(Architecture.Xdp x, LBuilder b, Gen g, Packet packet, String name) throws Unsupported {
        Param hp = headersParam(x.parser());
        var blocks = new LinkedHashMap<Decl, String>();
        blocks.put(x.parser(), hp.name());
        blocks.put(x.pipe(), x.pipe().applyParams().get(0).name());
        blocks.put(x.deparser(), x.deparser().applyParams().get(0).name());
        Set<String> inPlace = InPlace.compute(hp.type(), blocks, false, program.decls());
        Lowering lo = lowering(g, packet, inPlace);
        Loc headers = headers(x.parser(), lo, inPlace, g);
        VReg error = g.imm(lo.errorCode("NoError"), Span.NONE);
        int accept = g.block();
        int reject = g.block();
        parser(x.parser(), lo, headers, error, accept, reject);
        g.enter(reject);
        g.b.ret(Operand.imm(XDP_DROP), x.span());
        g.enter(accept);
        Param in = x.pipe().applyParams().get(1);
        Param out = x.pipe().applyParams().get(2);
        Loc input = lo.storage.allocate(in.type(), in.name(), in.span());
        Loc output = lo.storage.allocate(out.type(), out.name(), out.span());
        lo.stmts.zero(output, x.span());
        VReg ifindex = g.load(Size.W, packet.ctx, 12, x.span());
        lo.write(((Loc.Struct) input).fields().get("input_port"), ifindex, x.span());
        control(x.pipe(), lo, bind(x.pipe().applyParams(), headers, Map.of(in.name(), input, out.name(), output)));
        control(x.deparser(), lo, bind(x.deparser().applyParams(), headers, Map.of()));
        int aborted = g.block();
        lo.emits.finish(fastDeparse(x.parser()), lo.extraction.extracted, aborted, x.span());
        Loc action = ((Loc.Struct) output).fields().get("output_action");
        Loc port = ((Loc.Struct) output).fields().get("output_port");
        VReg verdict = lo.read(action, x.span());
        int redirect = g.block();
        int plain = g.block();
        g.branch(JmpOp.JEQ, verdict, Operand.imm(XDP_REDIRECT), redirect, plain, x.span());
        g.enter(plain);
        g.b.ret(verdict, x.span());
        g.enter(redirect);
        redirect(g, lo.read(port, x.span()), x.span());
        g.enter(aborted);
        g.b.ret(Operand.imm(XDP_ABORTED), x.span());
        return new Lowered(b.build(), lo);
    }

    /**
     * XDP_REDIRECT to {@code port}: through the {@code tx_ports} device map, or, for a port the map
     * does not hold, to the interface of that index. A program that never names XDP_REDIRECT (whose
     * verdict can only be 4 through data) has no map and redirects by interface index.
     */
    private void redirect(Gen g, VReg port, Span at) {
        if (!namesRedirect(program)) {
            g.b.ret(g.call(dev.p4ebpf.ebpf.insn.Helper.REDIRECT, List.of(port, Operand.imm(0)), at), at);
            return;
        }
        String map = maps.name(dev.p4ebpf.ebpf.controlplane.PortMap.TX_PORTS);
        maps.add(new Maps.Def(map, dev.p4ebpf.ebpf.object.MapType.DEVMAP_HASH, 4, 4, PORTS, 0, "", List.of(), "",
                List.of()));
        portMap = new dev.p4ebpf.ebpf.controlplane.PortMap(dev.p4ebpf.ebpf.controlplane.PortMap.TX_PORTS, map, PORTS);
        // with flags 0, bpf_redirect_map returns XDP_ABORTED when the port is not in the map
        VReg rc = g.call(dev.p4ebpf.ebpf.insn.Helper.REDIRECT_MAP, List.of(g.map(map, at), port, Operand.imm(0)), at);
        int mapped = g.block();
        int direct = g.block();
        g.branch(JmpOp.JEQ, rc, Operand.imm(XDP_REDIRECT), mapped, direct, at);
        g.enter(mapped);
        g.b.ret(rc, at);
        g.enter(direct);
        g.b.ret(g.call(dev.p4ebpf.ebpf.insn.Helper.REDIRECT, List.of(port, Operand.imm(0)), at), at);
    }

    /** Whether some expression of the program is {@code xdp_action.XDP_REDIRECT}. */
    private static boolean namesRedirect(Program program) {
        boolean[] found = {false};
        new dev.p4ebpf.ir.pass.IrRewriter() {
            @Override
            public dev.p4ebpf.ir.Expr expr(dev.p4ebpf.ir.Expr e) {
                if (e instanceof dev.p4ebpf.ir.Expr.EnumLit en && en.member().equals("XDP_REDIRECT")) {
                    found[0] = true;
                }
                return super.expr(e);
            }
        }.program(program);
        return found[0];
    }

    /** How many ports {@code tx_ports} holds. */
    static final int PORTS = 256;

    /**
     * Whether the deparser may leave the packet as it is when it emits what the parser extracted:
     * the parser has no loop, and no header kept in the packet is set invalid.
     */
    private boolean fastDeparse(Decl.ParserDecl p) {
        return acyclic(p) && !setsInvalid(program) && !advances(p);
    }

    /** Whether the parser skips bytes with advance: the deparser must then drop them from the packet. */
    private static boolean advances(Decl.ParserDecl p) {
        return dev.p4ebpf.ir.print.P4Printer.print(p).contains(".advance(");
    }

    private static boolean acyclic(Decl.ParserDecl p) {
        Map<String, List<String>> next = new HashMap<>();
        for (ParserState s : p.states()) {
            next.put(s.name(), switch (s.transition()) {
                case ParserState.Goto go -> List.of(go.state());
                case ParserState.Select sel -> sel.cases().stream().map(ParserState.SelectCase::state).toList();
            });
        }
        Map<String, Integer> state = new HashMap<>();
        return p.states().stream().allMatch(s -> visit(s.name(), next, state));
    }

    private static boolean visit(String s, Map<String, List<String>> next, Map<String, Integer> state) {
        Integer st = state.get(s);
        if (st != null) {
            return st == 2;
        }
        if (!next.containsKey(s)) {
            return true;
        }
        state.put(s, 1);
        for (String n : next.get(s)) {
            if (!visit(n, next, state)) {
                return false;
            }
        }
        state.put(s, 2);
        return true;
    }

    private static boolean setsInvalid(Program program) {
        return dev.p4ebpf.ir.print.P4Printer.print(program).contains(".setInvalid()");
    }
}
