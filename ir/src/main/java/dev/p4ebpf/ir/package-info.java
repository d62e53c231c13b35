/**
 * The typed P4 IR: immutable records in sealed families — {@link dev.p4ebpf.ir.Type},
 * {@link dev.p4ebpf.ir.Expr} (with calls in {@link dev.p4ebpf.ir.Call}), {@link dev.p4ebpf.ir.Stmt},
 * {@link dev.p4ebpf.ir.Decl}, {@link dev.p4ebpf.ir.KeySet} — rooted at {@link dev.p4ebpf.ir.Program}.
 *
 * <h2>What the frontend guarantees about a Program</h2>
 * <ul>
 *   <li><b>Typed.</b> Every expression carries its final type. Integer literals in run-time
 *       positions have a {@code bit}/{@code int} type; {@link dev.p4ebpf.ir.Type.InfInt} remains
 *       only where the language keeps compile-time integers (constructor arguments without a
 *       direction, sizes, indices that are constants, slice bounds folded away). Every implicit
 *       conversion the spec allows is an explicit {@link dev.p4ebpf.ir.Expr.Cast}.</li>
 *   <li><b>Resolved.</b> A variable is an {@link dev.p4ebpf.ir.Expr.Var} whose name is unique in
 *       its {@link dev.p4ebpf.ir.Expr.Frame} (the checker renames shadowing declarations);
 *       instances, actions, tables, functions, states and value sets are referred to by name in
 *       their scope (enclosing parser/control, or the top level when {@code global}). Calls carry
 *       the parameters they bind, extern calls the {@link dev.p4ebpf.ir.Method} they resolved to.
 *       There are no side tables.</li>
 *   <li><b>Folded.</b> Uses of constants are replaced by their values; constant sub-expressions
 *       are folded; {@code sizeInBits}, stack {@code size} and the like are literals. Compound
 *       assignments ({@code +=}) are plain {@link dev.p4ebpf.ir.Stmt.Assign}s.</li>
 *   <li><b>Bound arguments.</b> Each call has one {@link dev.p4ebpf.ir.Arg} per parameter, in
 *       parameter order, default values filled in; an omitted {@code @optional} argument has no
 *       value.</li>
 *   <li><b>Source spans</b> on every expression, statement and declaration, excluded from
 *       equality (see {@link dev.p4ebpf.ir.diag.Span}).</li>
 * </ul>
 * Generic declarations stay generic (type variables as {@link dev.p4ebpf.ir.Type.TypeVar}, calls
 * with type arguments) until the midend specializes them; the reference interpreter runs both
 * forms.
 */
package dev.p4ebpf.ir;
