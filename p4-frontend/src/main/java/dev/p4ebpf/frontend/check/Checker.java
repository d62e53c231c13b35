package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.CompilationUnit;
import dev.p4ebpf.frontend.ast.Declaration;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.fold.Folder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Name resolution and type checking: turns the AST of a whole program into the typed IR, or reports
 * why it cannot. Declarations are checked in order, each name visible from its declaration on, as P4
 * requires. One instance checks one program.
 */
public final class Checker {
    final Diagnostics diags;
    final List<String> errors = new ArrayList<>();
    final List<String> matchKinds = new ArrayList<>();
    final TypeResolver types = new TypeResolver(this);
    final Conversions conv = new Conversions(this);
    final ExprChecker exprs = new ExprChecker(this);
    final Members members = new Members(this);
    final CallChecker calls = new CallChecker(this);
    final StmtChecker stmts = new StmtChecker(this);
    final DeclChecker decls = new DeclChecker(this);
    final BlockChecker blocks = new BlockChecker(this);
    final TableChecker tables = new TableChecker(this);
    final Instances instances = new Instances(this);
    private final Folder folder;
    private final Map<String, Decl.ExternDecl> externs = new HashMap<>();

    private Checker(Diagnostics diags) {
        this.diags = diags;
        this.folder = new Folder(diags);
    }

    /** The typed program, or empty when errors were reported to {@code diags}. */
    public static Optional<Program> check(CompilationUnit unit, Diagnostics diags) {
        var ck = new Checker(diags);
        Scope top = Scope.top();
        Ctx ctx = Ctx.declarations(top, null);
        var out = new ArrayList<Decl>();
        int before = diags.errorCount();
        for (Declaration d : unit.declarations()) {
            out.addAll(ck.decls.topLevel(d, ctx));
            if (diags.limitReached()) {
                break;
            }
        }
        return diags.errorCount() > before ? Optional.empty() : Optional.of(new Program(out));
    }

    /** Folds a node whose operands are folded; when folding finds an error (division by zero…) the node is poisoned. */
    Expr fold(Expr e) {
        int before = diags.errorCount();
        Expr folded = folder.fold(e);
        return diags.errorCount() > before ? Conversions.poisoned(folded) : folded;
    }

    /** Declares a name, reporting a clash with an earlier declaration in the same scope. */
    void declare(Scope scope, String name, Symbol sym, Span at) {
        scope.declare(name, sym).ifPresent(other -> diags.report(
                dev.p4ebpf.ir.diag.Diagnostic.of(Code.DUPLICATE, at, name)
                        .withNote(other.declared(), "previously declared here as " + other.describe())));
        if (sym instanceof Symbol.ExternSym e) {
            externs.put(name, e.decl());
        }
    }

    void redeclareExtern(Scope scope, Decl.ExternDecl decl, Span at) {
        scope.lookup(decl.name()).stream().filter(Symbol.ExternSym.class::isInstance).findFirst()
                .ifPresent(old -> scope.replace(decl.name(), old, new Symbol.ExternSym(decl, at)));
        externs.put(decl.name(), decl);
    }

    Optional<Decl.ExternDecl> extern(String name) {
        return Optional.ofNullable(externs.get(name));
    }

    /** Declares a parameter or variable in the frame of {@code ctx}, under a name unique in that frame. */
    Symbol.VarSym declareVar(Ctx ctx, String name, Type type, Direction dir, boolean isParam, boolean compileTime,
                             Span at) {
        Frame frame = ctx.frame();
        String irName = frame == null ? name : frame.fresh(name);
        var sym = new Symbol.VarSym(name, irName, type, frame == null ? Expr.Frame.CONTAINER : frame.kind(), dir,
                isParam, compileTime, at);
        declare(ctx.scope(), name, sym, at);
        if (frame != null) {
            frame.bind(sym);
        }
        return sym;
    }
}
