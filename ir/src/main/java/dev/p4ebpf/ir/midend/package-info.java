/**
 * The midend: the passes between the frontend and a backend, and the form of program they leave.
 * {@link dev.p4ebpf.ir.midend.Midend#pipeline()} lists them in order; each is one class named after
 * what it does.
 *
 * <h2>The midend output contract</h2>
 * A program that went through the whole pipeline without an error has only the following; a
 * backend may rely on it (the last pass, {@link dev.p4ebpf.ir.midend.CheckMidendOutput}, checks it
 * and reports anything else as not supported, naming the construct).
 *
 * <h3>Declarations</h3>
 * <ul>
 *   <li>Declarations from the bundled include files ({@code core.p4}, {@code ebpf_model.p4}, …) are
 *       exactly as the frontend produced them, used or not (e.g. {@code NoAction}); they may be
 *       generic (externs, parser/control/package types).</li>
 *   <li>Nothing else is generic: no type parameters, and no type mentions a type variable — except
 *       the {@link dev.p4ebpf.ir.Method} signatures calls embed for generic extern methods (use the
 *       concrete {@code Arg.param()} types and the call's type arguments instead).</li>
 *   <li>No tuple types: they are structs named {@code tuple_N} with fields {@code f0, f1, …}.</li>
 *   <li>No functions outside the bundled files (all calls were inlined).</li>
 *   <li>Parsers and controls have no constructor parameters and no parser or control instances:
 *       each one is instantiated by the {@code main} package (its type arguments and constructor
 *       arguments name the blocks), and everything it applied is inlined into it. Top-level actions
 *       are those of the bundled files and those a table lists.</li>
 *   <li>Every table, action, extern instance and value set local to a parser or control carries an
 *       absolute {@code @name} holding its control-plane name ({@code @name(".pipe.inner.t")}: the
 *       block, the instance path of inlined controls, the object; strip the leading dot). A
 *       top-level action's control-plane name is its own name. An action parameter renamed by
 *       inlining keeps its control-plane name in {@code @name}. Every table key has a {@code @name}
 *       with its control-plane name (the key as the frontend produced it, printed by
 *       {@link dev.p4ebpf.ir.print.ExprPrinter}).</li>
 *   <li>Variables: parser and control locals ({@link dev.p4ebpf.ir.Decl.VarDecl}) and the variables
 *       declared at the top of an action body; none has an initializer. A variable's value at the
 *       start of its block is unspecified, except that headers in it are invalid.</li>
 * </ul>
 *
 * <h3>Tables</h3>
 * Keys are l-value paths (see below). Every action a table lists has only directionless
 * parameters (action data, read from the table entry); no action reference binds arguments.
 *
 * <h3>Statements</h3>
 * Apply blocks, action bodies and parser-state bodies hold only:
 * <ul>
 *   <li>{@code lv = e;} — {@code lv} an l-value of a scalar ({@code bit}, {@code int}, {@code bool},
 *       enum, {@code error}, {@code varbit}) or header type, {@code e} a pure expression; for a header,
 *       {@code e} is an l-value path (a copy with validity). Or {@code lv = call;} with {@code call} an
 *       extern method or extern function call returning a value.</li>
 *   <li>{@code call;} — an extern method call, an extern function call, a built-in method
 *       ({@code setValid}, {@code setInvalid}, {@code push_front}, {@code pop_front}) or a table
 *       application {@code t.apply();}. Their {@code in} arguments are literals or l-value paths,
 *       their {@code out}/{@code inout} arguments l-values, directionless ones compile-time values or
 *       extern objects. {@code emit} emits one header.</li>
 *   <li>{@code if (c) {…} else {…}} with {@code c} a pure expression or exactly
 *       {@code t.apply().hit}.</li>
 *   <li>{@code switch (t.apply().action_run) {…}} listing every action of {@code t} exactly once,
 *       without {@code default}; a case without a body falls through to the next, and the last case
 *       has a body.</li>
 *   <li>Blocks of these, and the variable declarations at the top of an action body.</li>
 * </ul>
 * There is no {@code exit} and no {@code return} (they became flags and guards), no other
 * {@code switch}, no function, action, parser or control call, no {@code for} loop whose trip count
 * the midend can compute (see {@link dev.p4ebpf.ir.midend.CheckMidendOutput} for the rest).
 *
 * <h3>Expressions</h3>
 * Pure: they read, they do not call anything but {@code isValid()}. No {@code next}, {@code last}
 * or {@code lastIndex} (the parsers are unrolled), no tuple values or elements, no struct or header
 * values, no {@code {#}}, no comparisons of structs, headers, unions or stacks. An l-value path is
 * a variable and fields, stack elements with constant indices and constant slices of it; other
 * l-values may also index stacks at run time.
 *
 * <h3>Parsers</h3>
 * The state graph is acyclic. A {@code select} compares pure expressions.
 */
package dev.p4ebpf.ir.midend;
