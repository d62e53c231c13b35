package dev.p4ebpf.conformance.gen;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the {@link ProgramGenerator} makes: the architecture, how large a program may grow, and
 * which constructs it may use.
 *
 * @param arch the package the program instantiates as {@code main}
 * @param maxHeaders header instances in the headers structure (a stack counts as one)
 * @param maxFields fields of one header type
 * @param maxParserStates parser states besides accept and reject
 * @param maxActions actions of the control
 * @param maxTables tables of the control
 * @param maxStatements statements of one block
 * @param maxNesting nesting of blocks (if, switch) inside a body
 * @param maxExprDepth nesting of operators in one expression
 * @param features the constructs the program may contain
 */
public record GeneratorOptions(Arch arch, int maxHeaders, int maxFields, int maxParserStates, int maxActions,
                               int maxTables, int maxStatements, int maxNesting, int maxExprDepth,
                               Set<Feature> features) {

    /** The architectures programs are generated for, each with its bundled include. */
    public enum Arch {
        /** {@code xdp(parse, switch, deparse)} of xdp_model.p4. */
        XDP("xdp_model.p4"),
        /** {@code ebpfFilter(parse, filter)} of ebpf_model.p4. */
        EBPF_FILTER("ebpf_model.p4");

        private final String include;

        Arch(String include) {
            this.include = include;
        }

        public String include() {
            return include;
        }
    }

    public GeneratorOptions {
        if (arch == null) {
            throw new IllegalArgumentException("an architecture is required");
        }
        positive("maxHeaders", maxHeaders);
        positive("maxFields", maxFields);
        positive("maxParserStates", maxParserStates);
        positive("maxActions", maxActions);
        positive("maxTables", maxTables);
        positive("maxStatements", maxStatements);
        positive("maxNesting", maxNesting);
        positive("maxExprDepth", maxExprDepth);
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
    }

    /** Every feature on, sizes that keep a program at a few hundred lines. */
    public static GeneratorOptions defaults(Arch arch) {
        return new GeneratorOptions(arch, 6, 6, 6, 5, 4, 5, 3, 3, EnumSet.allOf(Feature.class));
    }

    public boolean has(Feature f) {
        return features.contains(f);
    }

    /** These options with {@code off} removed from the features. */
    public GeneratorOptions without(Feature... off) {
        EnumSet<Feature> fs = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
        Arrays.asList(off).forEach(fs::remove);
        return new GeneratorOptions(arch, maxHeaders, maxFields, maxParserStates, maxActions, maxTables, maxStatements,
                maxNesting, maxExprDepth, fs);
    }

    /** These options for another architecture. */
    public GeneratorOptions withArch(Arch a) {
        return new GeneratorOptions(a, maxHeaders, maxFields, maxParserStates, maxActions, maxTables, maxStatements,
                maxNesting, maxExprDepth, features);
    }
}
