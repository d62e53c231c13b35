/**
 * p4c's STF packet-test format: an immutable model, its parser and printer, and the packet
 * comparison the runners use.
 *
 * <ul>
 *   <li>{@link dev.p4ebpf.conformance.stf.StfParser} reads a file into an
 *       {@link dev.p4ebpf.conformance.stf.StfFile}, a list of
 *       {@link dev.p4ebpf.conformance.stf.StfCommand}s, or throws an
 *       {@link dev.p4ebpf.conformance.stf.StfException} with every problem as
 *       {@code file:line:col: error: message}.</li>
 *   <li>{@link dev.p4ebpf.conformance.stf.StfPrinter} writes the model back as STF; reading that
 *       text gives an equal model.</li>
 *   <li>{@link dev.p4ebpf.conformance.stf.ExpectPattern#match} compares an output packet with an
 *       {@code expect} line.</li>
 * </ul>
 *
 * <h2>The format</h2>
 * One command a line, the first word naming it in any case, {@code #} to the end of the line a
 * comment. The commands are those of p4c's tools/stf grammar ({@code packet}, {@code expect},
 * {@code no_packet}, {@code wait}, {@code add}, {@code setdefault}, {@code remove all},
 * {@code check_counter}) and the simple_switch commands p4c's BMv2 runner passes on
 * ({@code mirroring_*}, {@code mc_*}, {@code counter_*}, {@code register_*}, {@code meter_*}).
 * Beyond p4c's grammar the parser also reads the key forms {@code value&&&mask} and
 * {@code low..high}, and index suffixes on every part of a dotted name. The parser does not
 * resolve names or check widths: that needs the program, and is the runner's job.
 */
package dev.p4ebpf.conformance.stf;
