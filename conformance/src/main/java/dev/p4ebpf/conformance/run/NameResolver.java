package dev.p4ebpf.conformance.run;

import dev.p4ebpf.conformance.stf.StfName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the names an STF file uses against a {@link ControlPlaneModel}. Three conventions
 * are accepted, tried in this order, the first that gives exactly one candidate winning:
 * <ol>
 *   <li>the control-plane name itself ({@code pipe.Check_src_ip}, {@code ingress.fwd},
 *       {@code hdr.ipv4.dstAddr}), which honours {@code @name} annotations;</li>
 *   <li>p4c's eBPF names: dots as underscores ({@code pipe_Check_src_ip}, {@code _NoAction}),
 *       and keys by position ({@code key.field0});</li>
 *   <li>a suffix after a dot, as p4c's BMv2 runner matches ({@code Check_src_ip} for
 *       {@code pipe.Check_src_ip}, {@code fwd} for {@code ingress.fwd}), with BMv2's key
 *       spellings ({@code extra$0.h} for {@code extra[0].h}, {@code h.$valid$} for
 *       {@code h.isValid()}).</li>
 * </ol>
 * Several candidates at one step is an error that lists them.
 */
final class NameResolver {
    private static final Pattern FIELD_INDEX = Pattern.compile("(?:key\\.)?field(\\d+)");
    private static final Pattern DOLLAR_INDEX = Pattern.compile("\\$(\\d+)");

    private NameResolver() {}

    static ControlPlaneModel.TableModel table(ControlPlaneModel model, StfName name) throws StfInputException {
        List<String> known = model.tables().stream().map(ControlPlaneModel.TableModel::name).toList();
        return resolve(model.tables(), ControlPlaneModel.TableModel::name, name, "table",
                n -> "no table " + n + "; there are " + list(known));
    }

    static ControlPlaneModel.ActionModel action(ControlPlaneModel.TableModel table, StfName name)
            throws StfInputException {
        List<String> known = table.actions().stream().map(ControlPlaneModel.ActionModel::fullName).toList();
        return resolve(table.actions(), ControlPlaneModel.ActionModel::fullName, name, "action",
                n -> "table " + table.name() + " has no action " + n + "; its actions are " + list(known));
    }

    static ControlPlaneModel.ExternModel extern(ControlPlaneModel model, StfName name, String what)
            throws StfInputException {
        List<String> known = model.externs().stream().map(ControlPlaneModel.ExternModel::name).toList();
        return resolve(model.externs(), ControlPlaneModel.ExternModel::name, name, what,
                n -> "no " + what + " " + n + " in the program; there " + (known.isEmpty() ? "is none"
                        : "are " + String.join(", ", known)));
    }

    /**
     * Whether {@code name} names {@code table} in p4c's eBPF convention (dots as underscores),
     * whose runner zero-fills the action data an entry leaves out.
     */
    static boolean ebpfStyle(ControlPlaneModel.TableModel table, StfName name) {
        return !table.name().equals(name.text()) && table.name().replace('.', '_').equals(name.text());
    }

    /** The index of the key an STF key name stands for. */
    static int key(ControlPlaneModel.TableModel table, StfName name) throws StfInputException {
        List<ControlPlaneModel.KeyModel> keys = table.keys();
        String n = name.text();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).name().equals(n)) {
                return i;
            }
        }
        Matcher m = FIELD_INDEX.matcher(n);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            if (i < keys.size()) {
                return i;
            }
        }
        String bmv2 = bmv2Key(n);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i).name();
            if (k.equals(bmv2) || k.endsWith("." + n) || k.endsWith("." + bmv2)) {
                found.add(i);
            }
        }
        if (found.size() == 1) {
            return found.getFirst();
        }
        List<String> names = keys.stream().map(ControlPlaneModel.KeyModel::name).toList();
        if (found.isEmpty()) {
            throw new StfInputException(name.span(), "table " + table.name() + " has no key " + n + "; its keys are "
                    + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        throw new StfInputException(name.span(), "key " + n + " of table " + table.name() + " is ambiguous: "
                + found.stream().map(names::get).toList());
    }

    /** BMv2's spelling of a key turned into ours: {@code a$0.b} is {@code a[0].b}, {@code h.$valid$} is {@code h.isValid()}. */
    private static String bmv2Key(String n) {
        String s = DOLLAR_INDEX.matcher(n).replaceAll("[$1]");
        if (s.endsWith(".$valid$")) {
            s = s.substring(0, s.length() - ".$valid$".length()) + ".isValid()";
        } else if (s.endsWith(".valid")) {
            s = s.substring(0, s.length() - ".valid".length()) + ".isValid()";
        }
        return s;
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static <T> T resolve(List<T> all, Function<T, String> fullName, StfName name, String what,
                                 Function<String, String> missing) throws StfInputException {
        String n = name.text();
        List<List<T>> tiers = List.of(
                matching(all, t -> fullName.apply(t).equals(n)),
                matching(all, t -> fullName.apply(t).replace('.', '_').equals(n)
                        || ("_" + fullName.apply(t)).equals(n)),
                matching(all, t -> fullName.apply(t).endsWith("." + n)
                        || fullName.apply(t).replace('.', '_').endsWith("_" + n)));
        for (List<T> tier : tiers) {
            if (tier.size() == 1) {
                return tier.getFirst();
            }
            if (tier.size() > 1) {
                throw new StfInputException(name.span(), what + " " + n + " is ambiguous: it could be "
                        + String.join(", ", tier.stream().map(fullName).toList()));
            }
        }
        throw new StfInputException(name.span(), missing.apply(n));
    }

    private static <T> List<T> matching(List<T> all, java.util.function.Predicate<T> p) {
        return all.stream().filter(p).toList();
    }
}
