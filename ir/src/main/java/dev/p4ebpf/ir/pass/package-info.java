/**
 * The pass framework: a {@link dev.p4ebpf.ir.pass.Pass} is a named function from a typed
 * {@link dev.p4ebpf.ir.Program} to a typed Program, and a {@link dev.p4ebpf.ir.pass.Pipeline} is a
 * flat list of passes with unique names (what {@code p4ebpf compile --list-passes} prints and
 * {@code --dump-after PASS} stops after).
 *
 * <p>Passes are written on {@link dev.p4ebpf.ir.pass.IrRewriter}, an exhaustive rewriter of every IR
 * family (declarations, statements, expressions, calls, keysets, tables, parser states; types
 * through {@link dev.p4ebpf.ir.pass.TypeMapper}): a pass overrides the hooks for the nodes it
 * changes and calls {@code super} for the rest. Unchanged nodes come back as the same objects, so a
 * rewriter that changes nothing is also a visitor. The rewriter knows the parser or control, action
 * or function, and parser state it is in, and so the {@link dev.p4ebpf.ir.Expr.Frame} a temporary
 * belongs to; {@link dev.p4ebpf.ir.pass.FreshNames} gives names no one uses yet.
 *
 * <p>Every pass keeps the program typed — a node it builds carries its type — and in the form the
 * frontend produces: {@link dev.p4ebpf.ir.pass.DumpPrinter} prints it as P4 that the frontend checks
 * back to an equal program. Declarations of the bundled include files are the architecture's and
 * pass through unchanged.
 */
package dev.p4ebpf.ir.pass;
