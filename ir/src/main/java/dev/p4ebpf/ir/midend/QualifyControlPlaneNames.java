package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.pass.ExprRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.List;

/**
 * Gives every table, action, extern instance and value set declared in a parser or control an
 * absolute {@code @name}: {@code .block.name}, where {@code block} is the parser's or control's own
 * control-plane name and {@code name} the object's relative {@code @name} or its declared name.
 * Runs after inlining, which already prefixed the objects it moved with their instance's name, so
 * that a table {@code t} of an instance {@code c} inlined into control {@code d} ends up as
 * {@code .d.c.t}. Idempotent: absolute names are left alone.
 */
public final class QualifyControlPlaneNames implements Pass {
    @Override
    public String name() {
        return "qualify-control-plane-names";
    }

    @Override
    public String summary() {
        return "give tables, actions, extern instances and value sets absolute @name annotations";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        return new Program(ExprRewriter.map(program.decls(), QualifyControlPlaneNames::block));
    }

    private static Decl block(Decl d) {
        if (d instanceof Decl.ParserDecl p) {
            String prefix = prefix(p.name(), p.annotations());
            var locals = ExprRewriter.map(p.locals(), l -> local(l, prefix));
            return locals == p.locals() ? p : new Decl.ParserDecl(p.name(), p.typeParams(), p.applyParams(),
                    p.ctorParams(), locals, p.states(), p.annotations(), p.span());
        }
        if (d instanceof Decl.ControlDecl c) {
            String prefix = prefix(c.name(), c.annotations());
            var locals = ExprRewriter.map(c.locals(), l -> local(l, prefix));
            return locals == c.locals() ? c : new Decl.ControlDecl(c.name(), c.typeParams(), c.applyParams(),
                    c.ctorParams(), locals, c.body(), c.annotations(), c.span());
        }
        return d;
    }

    private static String prefix(String name, List<Annotation> annotations) {
        String n = ControlPlaneNames.of(annotations).orElse(name);
        return ControlPlaneNames.isAbsolute(n) ? n : "." + n;
    }

    /** Locals that the control plane sees get their names qualified; the others (variables, constants) stay. */
    private static Decl local(Decl d, String prefix) {
        return switch (d) {
            case Decl.TableDecl t -> {
                var as = qualified(t.annotations(), t.name(), prefix);
                yield as == t.annotations() ? t : new Decl.TableDecl(t.name(), t.keys(), t.actions(), t.defaultAction(),
                        t.entries(), t.properties(), as, t.span());
            }
            case Decl.ActionDecl a -> {
                var as = qualified(a.annotations(), a.name(), prefix);
                yield as == a.annotations() ? a : new Decl.ActionDecl(a.name(), a.params(), a.body(), as, a.span());
            }
            case Decl.InstanceDecl i -> {
                if (!(i.type() instanceof Type.Extern)) {
                    yield i;
                }
                var as = qualified(i.annotations(), i.name(), prefix);
                yield as == i.annotations() ? i
                        : new Decl.InstanceDecl(i.name(), i.type(), i.args(), i.implementations(), as, i.span());
            }
            case Decl.ValueSetDecl v -> {
                var as = qualified(v.annotations(), v.name(), prefix);
                yield as == v.annotations() ? v : new Decl.ValueSetDecl(v.name(), v.element(), v.size(), as, v.span());
            }
            case Decl.VarDecl v -> v;
            case Decl.ConstDecl c -> c;
            case Decl.TypeDecl t -> t;
            case Decl.Typedef t -> t;
            case Decl.ErrorDecl e -> e;
            case Decl.MatchKindDecl m -> m;
            case Decl.ExternDecl e -> e;
            case Decl.ExternFunctionDecl f -> f;
            case Decl.FunctionDecl f -> f;
            case Decl.ParserDecl p -> p;
            case Decl.ControlDecl c -> c;
            case Decl.BlockTypeDecl b -> b;
        };
    }

    private static List<Annotation> qualified(List<Annotation> annotations, String declared, String prefix) {
        String current = ControlPlaneNames.of(annotations).orElse(declared);
        return ControlPlaneNames.isAbsolute(current) ? annotations
                : ControlPlaneNames.with(annotations, prefix + "." + current);
    }
}
