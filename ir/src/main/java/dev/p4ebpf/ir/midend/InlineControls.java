package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inlines the control instances that controls apply ({@code c() inst; … inst.apply(x);}, and direct
 * invocations {@code c.apply(x)}), one instance at a time (see {@link ControlInstance}), binding
 * the constructor arguments of local instances first. Controls are processed in declaration order,
 * so the controls an instance is made of have no instances of their own left.
 */
public final class InlineControls implements Pass {
    @Override
    public String name() {
        return "inline-controls";
    }

    @Override
    public String summary() {
        return "inline applied control instances: state hoisted once per instance, body per application";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var names = FreshNames.of(program);
        var done = new HashMap<String, Decl.ControlDecl>();
        var out = new ArrayList<Decl>();
        for (Decl d : program.decls()) {
            if (d instanceof Decl.ControlDecl c && !Decls.isBundled(d) && c.typeParams().isEmpty()) {
                Decl.ControlDecl inlined = inlineInto(c, done, names);
                done.put(c.name(), inlined);
                out.add(inlined);
            } else {
                out.add(d);
            }
        }
        return new Program(out);
    }

    private static Decl.ControlDecl inlineInto(Decl.ControlDecl c, Map<String, Decl.ControlDecl> done, FreshNames names) {
        Decl.ControlDecl host = namedDirectInvocations(c, names);
        while (true) {
            Optional<Decl.InstanceDecl> inst = next(host, done);
            if (inst.isEmpty()) {
                return host;
            }
            host = inlineInstance(host, inst.get(), done, names);
        }
    }

    /**
     * The next control instance to inline: one that no other instance gets as a constructor argument
     * (inlining the one that does turns that argument into applications of it in the host).
     */
    private static Optional<Decl.InstanceDecl> next(Decl.ControlDecl host, Map<String, Decl.ControlDecl> done) {
        List<Decl.InstanceDecl> instances = host.locals().stream()
                .filter(d -> d instanceof Decl.InstanceDecl i && isControl(i.type(), done))
                .map(d -> (Decl.InstanceDecl) d).toList();
        var passed = new java.util.HashSet<String>();
        for (Decl.InstanceDecl i : instances) {
            for (Arg a : i.args()) {
                if (a.value().isPresent() && a.value().get() instanceof Expr.InstanceRef r && !r.global()) {
                    passed.add(r.name());
                }
            }
        }
        return instances.stream().filter(i -> !passed.contains(i.name())).findFirst()
                .or(() -> instances.stream().findFirst());
    }

    private static boolean isControl(Type t, Map<String, Decl.ControlDecl> done) {
        return t instanceof Type.Block b && b.kind() == Type.BlockKind.CONTROL && done.containsKey(b.name());
    }

    /**
     * The constructor arguments with every host variable in them (a constructor parameter of the
     * host) replaced by a fresh placeholder, recorded in {@code outer}: bound into the instance, a
     * host variable would be taken for one of the instance's own and renamed with them.
     */
    private static List<Arg> placeholders(List<Arg> args, Map<String, Expr> outer, FreshNames names) {
        var rewriter = new IrRewriter() {
            @Override
            public Expr expr(Expr e) {
                if (e instanceof Expr.Var v && v.frame() == Expr.Frame.CONTAINER) {
                    String p = names.fresh(v.name());
                    outer.put(p, v);
                    return new Expr.Var(p, v.type(), v.frame(), v.span());
                }
                return super.expr(e);
            }
        };
        return args.stream().map(a -> new Arg(a.param(), a.value().map(rewriter::expr))).toList();
    }

    private static Decl.ControlDecl inlineInstance(Decl.ControlDecl host, Decl.InstanceDecl inst,
                                                   Map<String, Decl.ControlDecl> done, FreshNames names) {
        Decl.ControlDecl sub = done.get(((Type.Block) inst.type()).name());
        var outer = new HashMap<String, Expr>();
        if (!inst.args().isEmpty()) {
            sub = inlineInto(Blocks.control(BlockCopies.bind(sub, placeholders(inst.args(), outer, names))), done,
                    names);
        }
        List<List<Arg>> applications = new ArrayList<>();
        new IrRewriter() {
            @Override
            public Expr call(Call c) {
                if (appliesInstance(c, inst.name())) {
                    applications.add(c.args());
                }
                return super.call(c);
            }
        }.block(host.body());
        var visible = new HashSet<String>();
        host.applyParams().forEach(p -> visible.add(p.name()));
        for (Decl d : host.locals()) {
            if (d == inst) {
                break;
            }
            if (d instanceof Decl.VarDecl v) {
                visible.add(v.name());
            }
        }
        var ci = new ControlInstance(sub, inst.name(), applications, visible, outer, names);
        var locals = new ArrayList<Decl>();
        for (Decl d : host.locals()) {
            if (d == inst) {
                if (!applications.isEmpty()) {
                    locals.addAll(ci.hoisted());
                }
            } else {
                locals.add(d);
            }
        }
        Stmt.Block body = new IrRewriter() {
            @Override
            public List<Stmt> stmt(Stmt s) {
                if (s instanceof Stmt.CallStmt cs && appliesInstance(cs.call(), inst.name())) {
                    return List.of(ci.application(cs.call().args(), cs.span()));
                }
                return super.stmt(s);
            }
        }.block(host.body());
        return ActionSignatures.sync(new Decl.ControlDecl(host.name(), host.typeParams(), host.applyParams(),
                host.ctorParams(), locals, body, host.annotations(), host.span()), Map.of());
    }

    private static boolean appliesInstance(Call c, String instance) {
        return c instanceof Call.ApplyCall a && a.instance() instanceof Expr.InstanceRef r && !r.global()
                && r.name().equals(instance);
    }

    /**
     * Direct invocations ({@code c.apply(x)}, an instance made on the spot) turned into named local
     * instances, one per invocation, so that they are inlined like the others.
     */
    private static Decl.ControlDecl namedDirectInvocations(Decl.ControlDecl c, FreshNames names) {
        var created = new ArrayList<Decl>();
        Stmt.Block body = new IrRewriter() {
            @Override
            public Expr call(Call call) {
                Expr r = super.call(call);
                if (r instanceof Call.ApplyCall a && a.instance() instanceof Call.ConstructorCall k
                        && k.type() instanceof Type.Block b && b.kind() == Type.BlockKind.CONTROL) {
                    String name = names.fresh(b.name() + "_inst");
                    created.add(new Decl.InstanceDecl(name, k.type(), k.args(), List.of(), List.of(), a.span()));
                    return new Call.ApplyCall(new Expr.InstanceRef(name, k.type(), false, a.span()), a.args(), a.span());
                }
                return r;
            }
        }.block(c.body());
        if (created.isEmpty()) {
            return c;
        }
        var locals = new ArrayList<>(c.locals());
        locals.addAll(created);
        return new Decl.ControlDecl(c.name(), c.typeParams(), c.applyParams(), c.ctorParams(), locals, body,
                c.annotations(), c.span());
    }
}
