package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.interp.BlockInstance;
import dev.p4ebpf.ir.interp.InputPacket;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * xdp_model.p4's {@code xdp(p, s, d)}: the parser fills the headers (a reject drops the packet,
 * as XDP_DROP); the switch control gets {@code xdp_input.input_port} and sets
 * {@code xdp_output}; the deparser emits the headers, followed by the packet's bytes after the
 * parsed ones. The verdict: {@code XDP_PASS} delivers the packet to the host stack and
 * {@code XDP_TX} sends it back, both observed on the input port; {@code XDP_REDIRECT} sends it
 * out of {@code output_port}; {@code XDP_DROP} and {@code XDP_ABORTED} drop it. The output
 * starts as {@code XDP_ABORTED} (the enum's first member), so a switch that sets nothing drops.
 */
final class XdpModel extends EbpfFamilyModel {
    private BlockInstance parser;
    private BlockInstance control;
    private BlockInstance deparser;
    private Machine machine;
    private Value headersPrototype;
    private Value inputPrototype;
    private Value outputPrototype;

    XdpModel(InterpreterOptions options) {
        super(options, true);
    }

    @Override
    public String packageName() {
        return "xdp";
    }

    @Override
    public void attach(Machine m, Map<String, Value> packageArgs) {
        this.machine = m;
        this.parser = ModelSupport.block(packageArgs, "p", packageName());
        this.control = ModelSupport.block(packageArgs, "s", packageName());
        this.deparser = ModelSupport.block(packageArgs, "d", packageName());
        this.headersPrototype = Values.initial(parser.applyParams().get(1).type());
        this.inputPrototype = Values.initial(control.applyParams().get(1).type());
        this.outputPrototype = Values.initial(control.applyParams().get(2).type());
    }

    @Override
    public PacketResult process(InputPacket packet) {
        externs.tick();
        List<String> trace = new ArrayList<>();
        PacketIn in = new PacketIn(packet.data());
        Value[] pargs = {new ObjectValue(in), headersPrototype.copy()};
        ErrorValue error = machine.runParser(parser, pargs);
        if (error != null) {
            trace.add("parser " + parser.path() + " rejected the packet (" + error + "): XDP_DROP");
            return new PacketResult(List.of(), trace);
        }
        Value headers = pargs[1];
        Value input = inputPrototype.copy();
        ModelSupport.setField(input, "input_port", BitsValue.of(32, false, packet.port()));
        Value[] cargs = {headers, input, outputPrototype.copy()};
        machine.runControl(control, cargs);
        Value output = cargs[2];
        String action = ((EnumValue) ModelSupport.field(output, "output_action")).member();
        long outPort = ((BitsValue) ModelSupport.field(output, "output_port")).low64() & 0xffffffffL;
        PacketOut out = new PacketOut();
        Value[] dargs = ModelSupport.isExtern(deparser.applyParams().get(0), "packet_out")
                ? new Value[] {new ObjectValue(out), cargs[0]} : new Value[] {cargs[0], new ObjectValue(out)};
        machine.runControl(deparser, dargs);
        byte[] bytes = out.packet(in.remaining());
        trace.add("switch " + control.path() + " returned " + action);
        return switch (action) {
            case "XDP_PASS", "XDP_TX" -> new PacketResult(List.of(new OutputPacket(packet.port(), bytes, out::spans)), trace);
            case "XDP_REDIRECT" -> new PacketResult(List.of(new OutputPacket(outPort, bytes, out::spans)), trace);
            default -> new PacketResult(List.of(), trace);
        };
    }
}
