package dev.p4ebpf.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole checked P4 program: its top-level declarations in source order, those of the included
 * files first. The root of the IR; passes map one Program to another.
 */
public record Program(List<Decl> decls) {

    public Program {
        decls = List.copyOf(decls);
    }

    /** The first top-level declaration called {@code name}. */
    public Optional<Decl> find(String name) {
        return decls.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Top-level declarations of one kind, in order. */
    public <D extends Decl> List<D> all(Class<D> kind) {
        return decls.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public <D extends Decl> Optional<D> find(String name, Class<D> kind) {
        return decls.stream().filter(kind::isInstance).map(kind::cast).filter(d -> d.name().equals(name)).findFirst();
    }

    /** Every {@code error} member, in declaration order. */
    public List<String> errors() {
        var all = new ArrayList<String>();
        all(Decl.ErrorDecl.class).forEach(d -> all.addAll(d.members()));
        return all;
    }

    /** Every {@code match_kind} member, in declaration order. */
    public List<String> matchKinds() {
        var all = new ArrayList<String>();
        all(Decl.MatchKindDecl.class).forEach(d -> all.addAll(d.members()));
        return all;
    }

    /** The {@code main} instance: the package whose architecture runs the program. */
    public Optional<Decl.InstanceDecl> main() {
        return find("main", Decl.InstanceDecl.class);
    }
}
