package dev.p4ebpf.conformance.stf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every STF file of p4c's P4_16 samples and prints each back and re-parses it. The
 * samples are not part of this project: the test looks for a p4c checkout in the directory the
 * system property {@code p4c.dir} names (default /work/p4c) and is skipped when there is none.
 */
class StfCorpusTest {
    private static final Path P4C = Path.of(System.getProperty("p4c.dir", "/work/p4c"));
    private static final Path SAMPLES = P4C.resolve("testdata/p4_16_samples");

    /** The .stf files directly in the samples directory and one level below it. */
    static List<Path> corpus() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "no p4c checkout with testdata/p4_16_samples at " + P4C
                + " (set -Dp4c.dir=DIR to run this test)");
        try (Stream<Path> files = Files.walk(SAMPLES, 2)) {
            return files.filter(f -> f.toString().endsWith(".stf") && Files.isRegularFile(f)).sorted().toList();
        }
    }

    @Test
    void everyCorpusFileParses() throws IOException {
        List<Path> files = corpus();
        List<String> failures = new ArrayList<>();
        int commands = 0;
        for (Path f : files) {
            try {
                commands += StfParser.parse(f).commands().size();
            } catch (StfException e) {
                failures.add(e.getMessage());
            }
        }
        System.out.printf("parsed %d of %d STF files (%d commands) under %s%n",
                files.size() - failures.size(), files.size(), commands, SAMPLES);
        assertTrue(files.size() > 200, "expected p4c's ~266 sample STF files, found " + files.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void printingAndReparsingGivesTheSameModel() throws IOException, StfException {
        for (Path f : corpus()) {
            StfFile parsed = StfParser.parse(f);
            String printed = StfPrinter.print(parsed);
            StfFile reparsed;
            try {
                reparsed = StfParser.parse(f.toString(), printed);
            } catch (StfException e) {
                throw new AssertionError("printed form of " + f + " does not parse:\n" + e.getMessage()
                        + "\n---\n" + printed, e);
            }
            assertEquals(parsed, reparsed, () -> "round trip of " + f + " changed the model; printed:\n" + printed);
            assertEquals(printed, StfPrinter.print(reparsed), "printing is not stable for " + f);
        }
    }
}
