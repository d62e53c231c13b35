/**
 * Random valid P4 programs and what the compiler makes of them. {@link
 * dev.p4ebpf.conformance.gen.ProgramGenerator} writes one program per seed for the xdp or the
 * ebpfFilter architecture, within the sizes and {@link dev.p4ebpf.conformance.gen.Feature}s of
 * {@link dev.p4ebpf.conformance.gen.GeneratorOptions}; {@link dev.p4ebpf.conformance.gen.PipelineRun}
 * takes it through frontend, midend, eBPF backend and kernel verifier and names the
 * {@link dev.p4ebpf.conformance.gen.Outcome}; {@link dev.p4ebpf.conformance.gen.Minimizer} shrinks a
 * failing program line by line while it keeps failing the same way. The robustness test of issue 5
 * (BackendRobustnessTest) drives them.
 */
package dev.p4ebpf.conformance.gen;
