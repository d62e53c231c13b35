package dev.p4ebpf.ir.pass;

import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.CompilerBug;
import dev.p4ebpf.ir.diag.Diagnostics;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A flat, ordered list of passes with unique names, run one after the other. Running stops after
 * the first pass that reported an error; an observer sees the program after each pass (for
 * {@code --dump-after}).
 */
public record Pipeline(String name, List<Pass> passes) {

    public Pipeline {
        passes = List.copyOf(passes);
        var seen = new HashSet<String>();
        for (Pass p : passes) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("pipeline " + name + " lists pass " + p.name() + " twice");
            }
        }
    }

    /** Sees the program after each pass. */
    @FunctionalInterface
    public interface Observer {
        void after(Pass pass, int index, Program program);
    }

    /** The outcome: the last program and the pass that reported errors, if one did. */
    public record Result(Program program, Optional<Pass> failedAt) {
        public boolean ok() {
            return failedAt.isEmpty();
        }
    }

    public Optional<Pass> pass(String passName) {
        return passes.stream().filter(p -> p.name().equals(passName)).findFirst();
    }

    /** The passes up to and including {@code last}. */
    public Pipeline upTo(String last) {
        int i = names().indexOf(last);
        if (i < 0) {
            throw new IllegalArgumentException("pipeline " + name + " has no pass " + last);
        }
        return new Pipeline(name, passes.subList(0, i + 1));
    }

    public List<String> names() {
        return passes.stream().map(Pass::name).toList();
    }

    public Result run(Program program, Diagnostics diagnostics) {
        return run(program, diagnostics, (p, i, prog) -> {});
    }

    public Result run(Program program, Diagnostics diagnostics, Observer observer) {
        var context = new PassContext(diagnostics);
        Program current = program;
        for (int i = 0; i < passes.size(); i++) {
            Pass pass = passes.get(i);
            try {
                current = pass.apply(current, context);
            } catch (CompilerBug bug) {
                throw new CompilerBug(bug.span(), "in pass " + pass.name() + ": " + bug.getMessage(), bug);
            } catch (RuntimeException e) {
                throw new CompilerBug(dev.p4ebpf.ir.diag.Span.NONE, "in pass " + pass.name() + ": " + e, e);
            }
            observer.after(pass, i, current);
            if (diagnostics.hasErrors()) {
                return new Result(current, Optional.of(pass));
            }
        }
        return new Result(current, Optional.empty());
    }

    /** One line per pass: its number, name and summary, as {@code --list-passes} prints them. */
    public String listing() {
        int width = passes.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        var lines = new java.util.ArrayList<String>();
        for (int i = 0; i < passes.size(); i++) {
            Pass p = passes.get(i);
            lines.add(String.format("%2d  %-" + width + "s  %s", i + 1, p.name(), p.summary()));
        }
        return lines.stream().collect(Collectors.joining("\n", "", "\n"));
    }
}
