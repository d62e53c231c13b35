package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.Architecture;
import dev.p4ebpf.ir.interp.BlockInstance;
import dev.p4ebpf.ir.interp.ExternFunction;
import dev.p4ebpf.ir.interp.ExternInstanceSpec;
import dev.p4ebpf.ir.interp.ExternObject;
import dev.p4ebpf.ir.interp.InputPacket;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.interp.InterpreterOptions;
import dev.p4ebpf.ir.interp.Machine;
import dev.p4ebpf.ir.interp.OutputPacket;
import dev.p4ebpf.ir.interp.PacketIn;
import dev.p4ebpf.ir.interp.PacketOut;
import dev.p4ebpf.ir.interp.PacketResult;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.EnumValue;
import dev.p4ebpf.ir.interp.value.ErrorValue;
import dev.p4ebpf.ir.interp.value.ObjectValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * v1model.p4's {@code V1Switch(p, vr, ig, eg, ck, dep)} with the semantics of BMv2's
 * simple_switch, as far as packet tests observe them.
 *
 * <p>Ingress: the parser runs (a parser error does not drop the packet: the headers extracted
 * so far stay valid and {@code standard_metadata.parser_error} says what happened), then
 * verifyChecksum ({@code checksum_error} is 1 when a verify_checksum call failed), then ingress.
 * After ingress, in this order: an ingress clone is made (of the packet as it arrived,
 * parsed again, with only its preserved metadata); a resubmit sends the packet as it arrived
 * back to ingress and ends this pass; a non-zero {@code mcast_grp} replicates the packet to the
 * group's ports, each copy with its {@code egress_rid}; otherwise {@code egress_spec} is the
 * port, and 511 drops the packet.
 *
 * <p>Egress: {@code egress_port} is set and {@code egress_spec} cleared, egress runs, an egress
 * clone is made of the packet as egress left it; {@code egress_spec} 511 drops the packet; then
 * computeChecksum, the deparser (valid headers, then the rest of the packet after what the
 * parser consumed), truncation (asked for in ingress or egress), and recirculation back to
 * ingress or output. As in simple_switch, a packet goes to egress with instance_type 0 unless it
 * is a replica (5) or a clone (1, 2): resubmitted and recirculated packets show their type in
 * ingress only.
 *
 * <p>instance_type: 0 normal, 1 ingress clone, 2 egress clone, 4 recirculated, 5 replicated,
 * 6 resubmitted (BMv2's numbering). A packet may pass through the pipeline at most
 * {@value #MAX_PASSES} times (resubmits, recirculations, clones).
 */
final class V1SwitchModel implements Architecture, V1SwitchControl {
    static final long DROP_PORT = 511;
    static final int MAX_PASSES = 64;
    private static final int NORMAL = 0;
    private static final int CLONE_I2E = 1;
    private static final int CLONE_E2E = 2;
    private static final int RECIRCULATED = 4;
    private static final int REPLICATED = 5;
    private static final int RESUBMITTED = 6;

    private final V1Functions functions;
    private final List<dev.p4ebpf.ir.interp.ExternModule> modules;
    private final Replication replication = new Replication();
    private final Map<String, V1Meter> meters = new java.util.LinkedHashMap<>();
    private Machine machine;
    private BlockInstance parser;
    private BlockInstance verify;
    private BlockInstance ingress;
    private BlockInstance egress;
    private BlockInstance compute;
    private BlockInstance deparser;
    private Type metaType;
    private Value headersPrototype;
    private Value metaPrototype;
    private StandardMetadata standard;
    private V1Packet current;
    private BlockInstance currentBlock;
    private List<String> trace = new ArrayList<>();
    private long clock;

    V1SwitchModel(InterpreterOptions options) {
        this.functions = new V1Functions(this, options.randomSeed());
        this.modules = options.externModules();
    }

    @Override
    public String packageName() {
        return "V1Switch";
    }

    V1Packet current() {
        return current;
    }

    void note(String line) {
        trace.add(line);
    }

    /** The interpreter's clock for meters and timestamps: one microsecond per packet. */
    long nowMicros() {
        return clock;
    }

    private long packetLength() {
        return current == null ? 0 : current.length;
    }

    /**
     * Whether a variable of the running control is its user metadata ({@code false}) or
     * standard_metadata ({@code true}) parameter; {@code null} for any other.
     */
    Boolean metadataRoot(String var) {
        if (currentBlock == null) {
            return null;
        }
        List<Param> ps = currentBlock.applyParams();
        if (ps.size() >= 3 && ps.get(1).name().equals(var)) {
            return false;
        }
        if (ps.size() >= 3 && ps.get(2).name().equals(var)) {
            return true;
        }
        return null;
    }

    @Override
    public ExternObject instantiate(ExternInstanceSpec spec) {
        List<Value> a = spec.args();
        return switch (spec.extern()) {
            case "counter" -> new V1Counter("counter", Values.count(a.get(0)), (EnumValue) a.get(1), this::packetLength);
            case "direct_counter" -> new V1Counter("direct_counter", 0, (EnumValue) a.get(0), this::packetLength);
            case "meter" -> meter(spec, new V1Meter("meter", Values.count(a.get(0)), (EnumValue) a.get(1),
                    this::packetLength, this::nowMicros, () -> machine.currentEntry()));
            case "direct_meter" -> meter(spec, new V1Meter("direct_meter", 0, (EnumValue) a.get(0),
                    this::packetLength, this::nowMicros, () -> machine.currentEntry()));
            case "register" -> new V1Register(spec.typeArgs().getFirst(), Values.count(a.get(0)));
            case "action_profile", "action_selector" -> new TableImplementation(spec.extern());
            case "Checksum16" -> new Checksum16();
            default -> throw new InterpreterException(spec.span(), "extern " + spec.extern()
                    + " is not part of the v1model architecture the interpreter models");
        };
    }

    private V1Meter meter(ExternInstanceSpec spec, V1Meter m) {
        meters.put(spec.name(), m);
        return m;
    }

    @Override
    public ExternFunction function(Method method) {
        ExternFunction f = functions.function(method);
        return f != null ? f : ModelSupport.coreFunction(method, modules);
    }

    @Override
    public void attach(Machine m, Map<String, Value> packageArgs) {
        this.machine = m;
        parser = ModelSupport.block(packageArgs, "p", packageName());
        verify = ModelSupport.block(packageArgs, "vr", packageName());
        ingress = ModelSupport.block(packageArgs, "ig", packageName());
        egress = ModelSupport.block(packageArgs, "eg", packageName());
        compute = ModelSupport.block(packageArgs, "ck", packageName());
        deparser = ModelSupport.block(packageArgs, "dep", packageName());
        List<Param> ps = parser.applyParams();
        headersPrototype = Values.initial(ps.get(1).type());
        metaType = ps.get(2).type();
        metaPrototype = Values.initial(metaType);
        standard = new StandardMetadata(ps.get(3).type());
    }

    /** A packet entering ingress. */
    private record IngressJob(byte[] data, long port, int instanceType, List<Preservation.FieldPath> kept,
                              List<Value> keptValues) {}

    /** A packet entering egress. */
    private record EgressJob(Value headers, Value meta, Value standard, byte[] payload, long length, long port,
                             int instanceType, long truncate) {}

    @Override
    public PacketResult process(InputPacket packet) {
        clock++;
        trace = new ArrayList<>();
        List<OutputPacket> outputs = new ArrayList<>();
        Deque<Object> jobs = new ArrayDeque<>();
        jobs.add(new IngressJob(packet.data(), packet.port(), NORMAL, List.of(), List.of()));
        int passes = 0;
        while (!jobs.isEmpty()) {
            if (++passes > MAX_PASSES) {
                note("more than " + MAX_PASSES + " passes through the pipeline: the remaining copies are dropped");
                break;
            }
            switch (jobs.poll()) {
                case IngressJob j -> ingress(j, jobs);
                case EgressJob j -> egress(j, jobs, outputs);
                default -> throw new IllegalStateException();
            }
        }
        current = null;
        currentBlock = null;
        return new PacketResult(outputs, trace);
    }

    private void ingress(IngressJob job, Deque<Object> jobs) {
        PacketIn in = new PacketIn(job.data());
        Value headers = headersPrototype.copy();
        Value meta = metaPrototype.copy();
        Value sm = standard.fresh();
        Preservation.restore(job.kept(), job.keptValues(), meta, sm);
        standard.set(sm, StandardMetadata.Field.INGRESS_PORT, job.instanceType() == NORMAL ? job.port() : 0);
        standard.set(sm, StandardMetadata.Field.EGRESS_SPEC, 0);
        standard.set(sm, StandardMetadata.Field.PACKET_LENGTH, job.data().length);
        standard.set(sm, StandardMetadata.Field.INSTANCE_TYPE, job.instanceType());
        standard.set(sm, StandardMetadata.Field.INGRESS_GLOBAL_TIMESTAMP, clock);
        current = new V1Packet(V1Packet.Stage.INGRESS, job.data().length, in::remaining);
        Value[] pargs = {new ObjectValue(in), headers, meta, sm};
        currentBlock = parser;
        ErrorValue error = machine.runParser(parser, pargs);
        headers = pargs[1];
        meta = pargs[2];
        sm = pargs[3];
        standard.setValue(sm, StandardMetadata.Field.PARSER_ERROR, error == null ? ErrorValue.NO_ERROR : error);
        if (error != null && !error.equals(ErrorValue.NO_ERROR)) {
            note("parser " + parser.path() + " stopped with " + error + "; the packet goes on to ingress");
        }
        Value[] vargs = {headers, meta};
        currentBlock = verify;
        machine.runControl(verify, vargs);
        headers = vargs[0];
        meta = vargs[1];
        if (current.checksumError) {
            standard.set(sm, StandardMetadata.Field.CHECKSUM_ERROR, 1);
        }
        Value[] iargs = {headers, meta, sm};
        currentBlock = ingress;
        machine.runControl(ingress, iargs);
        headers = iargs[0];
        meta = iargs[1];
        sm = iargs[2];
        if (current.drop) {
            standard.set(sm, StandardMetadata.Field.EGRESS_SPEC, DROP_PORT);
        }
        afterIngress(job, in, headers, meta, sm, jobs);
    }

    private void afterIngress(IngressJob job, PacketIn in, Value headers, Value meta, Value sm, Deque<Object> jobs) {
        V1Packet pass = current;
        if (pass.clone != null) {
            ingressClone(job, pass.clone, meta, sm, jobs);
        }
        if (pass.resubmit != null) {
            List<Preservation.FieldPath> kept = pass.resubmit.paths(metaType);
            note("resubmitted");
            jobs.add(new IngressJob(job.data(), job.port(), RESUBMITTED, kept, Preservation.capture(kept, meta, sm)));
            return;
        }
        long group = standard.get(sm, StandardMetadata.Field.MCAST_GRP);
        byte[] payload = in.remaining();
        if (group != 0) {
            standard.set(sm, StandardMetadata.Field.INSTANCE_TYPE, REPLICATED);
            replicate((int) group, headers, meta, sm, payload, job.data().length, pass.truncate, jobs);
            return;
        }
        long port = standard.get(sm, StandardMetadata.Field.EGRESS_SPEC);
        if (port == DROP_PORT) {
            note("dropped at the end of ingress: egress_spec is the drop port " + DROP_PORT);
            return;
        }
        jobs.add(new EgressJob(headers, meta, sm, payload, job.data().length, port, NORMAL, pass.truncate));
    }

    private void ingressClone(IngressJob job, V1Packet.Clone clone, Value meta, Value sm, Deque<Object> jobs) {
        Replication.Session session = replication.session(clone.session());
        if (session == null) {
            note("clone to session " + clone.session() + ", which is not configured: no clone");
            return;
        }
        List<Preservation.FieldPath> kept = clone.preserve().paths(metaType);
        List<Value> values = Preservation.capture(kept, meta, sm);
        PacketIn in = new PacketIn(job.data());
        Value cm = metaPrototype.copy();
        Value cs = standard.fresh();
        standard.set(cs, StandardMetadata.Field.INGRESS_PORT, job.port());
        Value[] pargs = {new ObjectValue(in), headersPrototype.copy(), cm, cs};
        V1Packet saved = current;
        current = new V1Packet(V1Packet.Stage.INGRESS, job.data().length, in::remaining);
        currentBlock = parser;
        machine.runParser(parser, pargs);
        current = saved;
        Value meta2 = metaPrototype.copy();
        Value sm2 = standard.fresh();
        Preservation.restore(kept, values, meta2, sm2);
        standard.set(sm2, StandardMetadata.Field.INSTANCE_TYPE, CLONE_I2E);
        note("cloned at ingress to session " + clone.session());
        send(session, pargs[1], meta2, sm2, in.remaining(), job.data().length, CLONE_I2E, jobs);
    }

    private void send(Replication.Session s, Value headers, Value meta, Value sm, byte[] payload, long length,
                      int type, Deque<Object> jobs) {
        if (s.group() >= 0) {
            replicate(s.group(), headers, meta, sm, payload, length, -1, jobs);
        }
        if (s.port() >= 0) {
            jobs.add(new EgressJob(headers, meta, sm, payload, length, s.port(), type, -1));
        }
    }

    private void replicate(int group, Value headers, Value meta, Value sm, byte[] payload, long length,
                           long truncate, Deque<Object> jobs) {
        List<Replication.Copy> copies = replication.copies(group);
        note("multicast to group " + group + ": " + copies.size() + " copies");
        for (Replication.Copy c : copies) {
            Value s = sm.copy();
            standard.set(s, StandardMetadata.Field.EGRESS_RID, c.rid());
            jobs.add(new EgressJob(headers.copy(), meta.copy(), s, payload, length, c.port(), REPLICATED, truncate));
        }
    }

    private void egress(EgressJob job, Deque<Object> jobs, List<OutputPacket> outputs) {
        Value headers = job.headers();
        Value meta = job.meta();
        Value sm = job.standard();
        standard.set(sm, StandardMetadata.Field.EGRESS_PORT, job.port());
        standard.set(sm, StandardMetadata.Field.EGRESS_SPEC, DROP_PORT + 1);
        standard.set(sm, StandardMetadata.Field.INSTANCE_TYPE, job.instanceType());
        standard.set(sm, StandardMetadata.Field.PACKET_LENGTH, job.length());
        standard.set(sm, StandardMetadata.Field.EGRESS_GLOBAL_TIMESTAMP, clock);
        current = new V1Packet(V1Packet.Stage.EGRESS, job.length(), job::payload);
        current.truncate = job.truncate();
        Value[] eargs = {headers, meta, sm};
        currentBlock = egress;
        machine.runControl(egress, eargs);
        headers = eargs[0];
        meta = eargs[1];
        sm = eargs[2];
        V1Packet pass = current;
        if (pass.clone != null) {
            egressClone(job, pass.clone, headers, meta, sm, jobs);
        }
        if (pass.drop || standard.get(sm, StandardMetadata.Field.EGRESS_SPEC) == DROP_PORT) {
            note("dropped at the end of egress on port " + job.port() + ": egress_spec is the drop port");
            return;
        }
        Value[] cargs = {headers, meta};
        currentBlock = compute;
        machine.runControl(compute, cargs);
        PacketOut out = new PacketOut();
        Value[] dargs = {new ObjectValue(out), cargs[0]};
        currentBlock = deparser;
        machine.runControl(deparser, dargs);
        byte[] bytes = out.packet(job.payload());
        if (pass.truncate >= 0 && pass.truncate < bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, (int) pass.truncate);
        }
        if (pass.recirculate != null) {
            List<Preservation.FieldPath> kept = pass.recirculate.paths(metaType);
            note("recirculated from egress port " + job.port());
            jobs.add(new IngressJob(bytes, job.port(), RECIRCULATED, kept, Preservation.capture(kept, meta, sm)));
            return;
        }
        outputs.add(new OutputPacket(job.port(), bytes, out::spans));
    }

    private void egressClone(EgressJob job, V1Packet.Clone clone, Value headers, Value meta, Value sm,
                             Deque<Object> jobs) {
        Replication.Session session = replication.session(clone.session());
        if (session == null) {
            note("clone to session " + clone.session() + ", which is not configured: no clone");
            return;
        }
        List<Preservation.FieldPath> kept = clone.preserve().paths(metaType);
        List<Value> values = Preservation.capture(kept, meta, sm);
        Value meta2 = metaPrototype.copy();
        Value sm2 = standard.fresh();
        Preservation.restore(kept, values, meta2, sm2);
        note("cloned at egress to session " + clone.session());
        send(session, headers.copy(), meta2, sm2, job.payload(), job.length(), CLONE_E2E, jobs);
    }

    // ---- control plane ------------------------------------------------------------------------

    @Override
    public void mirroringAdd(int session, long port) {
        replication.addSession(session, port, -1);
    }

    @Override
    public void mirroringAddMulticast(int session, int group) {
        replication.addSession(session, -1, group);
    }

    @Override
    public void mirroringDelete(int session) {
        replication.deleteSession(session);
    }

    @Override
    public String mirroringGet(int session) {
        Replication.Session s = replication.session(session);
        return s == null ? "" : s.toString();
    }

    @Override
    public void multicastGroupCreate(int group) {
        replication.createGroup(group);
    }

    @Override
    public int multicastNodeCreate(int rid, List<Long> ports) {
        return replication.createNode(rid, ports);
    }

    @Override
    public void multicastNodeUpdate(int node, List<Long> ports) {
        replication.updateNode(node, ports);
    }

    @Override
    public void multicastNodeAssociate(int group, int node) {
        replication.associate(group, node);
    }

    @Override
    public void setMeterRates(String meter, long index, double committedRate, long committedBurst,
                              double peakRate, long peakBurst) {
        V1Meter m = meters.get(meter);
        if (m == null) {
            throw new InterpreterException("no meter " + meter + "; the meters are " + meters.keySet());
        }
        if (index >= 0) {
            m.setRates(index, committedRate, committedBurst, peakRate, peakBurst);
        } else {
            for (int i = 0; i < m.size(); i++) {
                m.setRates(i, committedRate, committedBurst, peakRate, peakBurst);
            }
        }
    }

    /** The meters by control-plane name. */
    Map<String, V1Meter> meters() {
        return meters;
    }
}
