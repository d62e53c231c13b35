package dev.p4ebpf.ebpf.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.object.ObjectListing;
import dev.p4ebpf.ebpf.testutil.Golden;
import org.junit.jupiter.api.Test;

/** Listing snapshots of whole objects; reading an object back lists the same (P4 lines from line_info). */
class ObjectListingTest {
    @Test
    void xdpFilterListingSurvivesTheElfRoundTrip() throws Exception {
        String listing = ObjectListing.of(DslObjects.xdpFilter());
        Golden.check("dev/p4ebpf/ebpf/elf/xdp_filter.listing", listing);
        assertEquals(listing.replaceAll("  // [^\n]*", ""),
                ObjectListing.of(ElfReader.read("x.o", ElfWriter.write(DslObjects.xdpFilter()))));
    }

    @Test
    void tcWithSubprogramListing() throws Exception {
        Golden.check("dev/p4ebpf/ebpf/elf/tc_len.listing", ObjectListing.of(DslObjects.tcWithSubprogram()));
    }
}
