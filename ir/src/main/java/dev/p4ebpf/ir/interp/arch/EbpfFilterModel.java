package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.interp.BlockInstance;
import dev.p4ebpf.ir.interp.InputPacket;
import dev.p4ebpf.ir.interp.InterpreterOptions;
import dev.p4ebpf.ir.interp.Machine;
import dev.p4ebpf.ir.interp.OutputPacket;
import dev.p4ebpf.ir.interp.PacketIn;
import dev.p4ebpf.ir.interp.PacketResult;
import dev.p4ebpf.ir.interp.value.BoolValue;
import dev.p4ebpf.ir.interp.value.ErrorValue;
import dev.p4ebpf.ir.interp.value.ObjectValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ebpf_model.p4's {@code ebpfFilter(prs, filt)}, as p4c's eBPF back end runs it as a socket or
 * tc filter: the parser fills the headers; if it rejects (with any error) the packet is dropped;
 * else the filter control runs, and its {@code accept} output decides: true passes the packet,
 * false drops it. Nothing is deparsed: a passed packet leaves exactly as it came, on the port it
 * came in on. {@code accept} starts false, so a filter that never sets it drops.
 */
final class EbpfFilterModel extends EbpfFamilyModel {
    private BlockInstance parser;
    private BlockInstance filter;
    private Machine machine;
    private Value headersPrototype;

    EbpfFilterModel(InterpreterOptions options) {
        super(options, false);
    }

    @Override
    public String packageName() {
        return "ebpfFilter";
    }

    @Override
    public void attach(Machine m, Map<String, Value> packageArgs) {
        this.machine = m;
        this.parser = ModelSupport.block(packageArgs, "prs", packageName());
        this.filter = ModelSupport.block(packageArgs, "filt", packageName());
        this.headersPrototype = dev.p4ebpf.ir.interp.value.Values.initial(parser.applyParams().get(1).type());
    }

    @Override
    public PacketResult process(InputPacket packet) {
        externs.tick();
        List<String> trace = new ArrayList<>();
        PacketIn in = new PacketIn(packet.data());
        Value[] pargs = {new ObjectValue(in), headersPrototype.copy()};
        ErrorValue error = machine.runParser(parser, pargs);
        if (error != null) {
            trace.add("parser " + parser.path() + " rejected the packet (" + error + "): dropped");
            return new PacketResult(List.of(), trace);
        }
        Value headers = pargs[1];
        Value[] fargs = {headers, BoolValue.FALSE};
        machine.runControl(filter, fargs);
        boolean accept = ((BoolValue) fargs[1]).value();
        if (!accept) {
            trace.add("filter " + filter.path() + " set accept = false: dropped");
            return new PacketResult(List.of(), trace);
        }
        trace.add("filter " + filter.path() + " set accept = true: passed unchanged");
        return new PacketResult(List.of(new OutputPacket(packet.port(), packet.data(), in::spans)), trace);
    }
}
